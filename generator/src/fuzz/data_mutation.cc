#include "fuzz/data_mutation.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "data/data_files.h"
#include "data/facts.h"
#include "data/json_access.h"
#include "data/json_source.h"
#include "data/provenance.h"
#include "data/schema_keywords.h"
#include "site/data_references.h"
#include "util/file_system.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// The end (one past the last byte) of the JSON value that starts at `start` in valid JSON text.
size_t value_end(const std::string& text, size_t start) {
  size_t i = start;
  auto skip_string = [&] {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
    }
    ++i;  // the closing quote
  };
  if (i >= text.size()) return i;
  if (text[i] == '"') {
    skip_string();
    return std::min(i, text.size());
  }
  if (text[i] == '{' || text[i] == '[') {
    int depth = 0;
    while (i < text.size()) {
      char c = text[i];
      if (c == '"') {
        skip_string();
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return text.size();
  }
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
         text[i] != '\n' && text[i] != '\r' && text[i] != '\t') {
    ++i;
  }
  return i;
}

struct Node {
  std::string pointer;
  const json* value;
};

void collect(const json& v, const std::string& pointer, std::vector<Node>* out) {
  out->push_back({pointer, &v});
  if (v.is_object()) {
    for (const auto& [key, item] : v.items())
      collect(item, pointer + "/" + pointer_escape(key), out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) collect(v[i], pointer + "/" + std::to_string(i), out);
  }
}

// Values of every JSON type, to flip to or add.
const std::vector<json>& samples() {
  static const std::vector<json> kSamples = {
      "mutatie",
      "",
      "GM0363",
      12345,
      -1,
      0,
      1.5,
      true,
      false,
      nullptr,
      json::array(),
      json::array({"mutatie"}),
      json::array({1, 2}),
      json::object(),
      json{{"mutatie", 1}},
  };
  return kSamples;
}

// Number types count as one kind here: 1 -> 1.5 is no type flip.
int kind_of(const json& v) {
  if (v.is_number()) return 10;
  return static_cast<int>(v.type());
}

std::string short_dump(const json& v) {
  std::string s = v.dump();
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

}  // namespace

uint64_t ByteChooser::operator()(uint64_t n) {
  if (n <= 1) return 0;
  uint64_t x = 0;
  // As many bytes as n needs.
  for (uint64_t range = 1; range < n && range < (uint64_t{1} << 56); range <<= 8) {
    x = (x << 8) | (pos_ < bytes_.size() ? static_cast<unsigned char>(bytes_[pos_]) : 0);
    ++pos_;
  }
  return x % n;
}

namespace {

enum MutationKind {
  kFlip,
  kRemoveKey,
  kExtraKey,
  kEmptyList,
  kDuplicate,
  kWrapArray,
  kWrapObject,
  kKinds
};
const char* const kMutationNames[] = {
    "type flip",          "removed key",         "extra key",           "emptied list",
    "duplicated element", "wrapped in an array", "wrapped in an object"};

bool eligible(MutationKind kind, const json& v) {
  switch (kind) {
    case kRemoveKey:
      return v.is_object() && !v.empty();
    case kExtraKey:
      return v.is_object();
    case kEmptyList:
    case kDuplicate:
      return v.is_array() && !v.empty();
    default:
      return true;
  }
}

// A value the mutation can apply to; a kind that fits none becomes a type flip.
const Node& choose_target(const std::vector<Node>& nodes, MutationKind* kind,
                          const Choose& choose) {
  std::vector<const Node*> candidates;
  for (const Node& n : nodes) {
    if (eligible(*kind, *n.value)) candidates.push_back(&n);
  }
  if (candidates.empty()) {
    *kind = kFlip;
    for (const Node& n : nodes) candidates.push_back(&n);
  }
  return *candidates[choose(candidates.size())];
}

// What replaces `old`, and a few words on how it differs.
json mutated(const json& old, MutationKind kind, const Choose& choose, std::string* detail) {
  json out;
  switch (kind) {
    case kFlip: {
      std::vector<const json*> others;
      for (const json& s : samples()) {
        if (kind_of(s) != kind_of(old)) others.push_back(&s);
      }
      out = *others[choose(others.size())];
      *detail = std::string(old.type_name()) + " -> " + short_dump(out);
      break;
    }
    case kRemoveKey: {
      auto it = old.begin();
      std::advance(it, static_cast<long>(choose(old.size())));
      *detail = "\"" + it.key() + "\"";
      out = old;
      out.erase(it.key());
      break;
    }
    case kExtraKey: {
      out = old;
      std::string key = "mutatie";
      while (out.contains(key)) key += "_";
      out[key] = samples()[choose(samples().size())];
      *detail = "\"" + key + "\": " + short_dump(out[key]);
      break;
    }
    case kEmptyList:
      out = json::array();
      *detail = std::to_string(old.size()) + " elements";
      break;
    case kDuplicate: {
      size_t i = choose(old.size());
      out = old;
      out.insert(out.begin() + static_cast<long>(i) + 1, old[i]);
      *detail = "element " + std::to_string(i);
      break;
    }
    case kWrapArray:
      out = json::array({old});
      break;
    case kWrapObject:
      out = json::object({{"waarde", old}});
      break;
    case kKinds:
      break;
  }
  return out;
}

}  // namespace

std::optional<DataMutation> mutate_json_text(const std::string& text, const Choose& choose) {
  JsonSource src;
  Diagnostics ignored;
  if (!parse_json_source("mutated.json", text, &src, &ignored)) return std::nullopt;
  std::vector<Node> nodes;
  collect(src.value, "", &nodes);
  MutationKind kind = static_cast<MutationKind>(choose(kKinds));
  const Node& target = choose_target(nodes, &kind, choose);
  std::string detail;
  json replacement = mutated(*target.value, kind, choose, &detail);
  size_t start = src.offset_of(target.pointer);
  size_t end = value_end(text, start);
  DataMutation m;
  m.pointer = target.pointer;
  m.description = std::string(kMutationNames[kind]) + " at " +
                  (target.pointer.empty() ? "/" : target.pointer) +
                  (detail.empty() ? "" : ": " + detail);
  m.text = text.substr(0, start) + replacement.dump() + text.substr(end);
  return m;
}

std::vector<std::string> data_file_paths(const SiteFiles& files) {
  std::vector<std::string> out;
  const std::string dir = "content/data/";
  for (const auto& [path, text] : files) {
    if (path.starts_with(dir) && path.ends_with(".json") &&
        path.find('/', dir.size()) == std::string::npos) {
      out.push_back(path);
    }
  }
  return out;
}

bool passes_own_schema(const SiteFiles& files, const std::string& path, const std::string& text) {
  MemoryFileSystem fs(files);
  JsonSource src;
  Diagnostics diags;
  if (!parse_json_source(path, text, &src, &diags)) return false;
  std::string name = path.substr(path.rfind('/') + 1);
  name.resize(name.size() - 5);
  // A translation (x.en.json) has no schema of its own: any JSON object of text may be one, and
  // what does not fit its original is reported when it is laid over it.
  if (name.find('.') != std::string::npos) return src.value.is_object();
  validate_against_schema(fs, src, "content/data/schemas/" + name + ".schema.json", &diags);
  return !diags.has_errors();
}

Diagnostics run_data_layer(const SiteFiles& files) {
  MemoryFileSystem fs(files);
  BuildOptions options;
  options.today = "2026-12-04";
  ResolvedSite resolved = resolve_site(fs, options);
  ask_every_block(resolved.site, &resolved.diagnostics);
  return std::move(resolved.diagnostics);
}

DataLayer::DataLayer(const SiteFiles& site) {
  // Pages are not rendered, so their bodies do not matter; front matter (data_pages) does.
  for (const auto& [path, text] : site) {
    if (!path.starts_with("templates/") && !path.starts_with("site-assets/")) files_[path] = text;
  }
}

Diagnostics DataLayer::run(const std::string& path, const std::string& text) {
  std::string before = files_[path];
  files_[path] = text;
  Diagnostics diags = run_data_layer(files_);
  files_[path] = std::move(before);
  return diags;
}

void ask_every_block(const Site& site, Diagnostics* diags) {
  for (const auto& [name, decl] : fields(site.config.blocks.value).items()) {
    std::vector<std::string> keys = {"bestaat-niet"};
    std::string id = str(decl, "data") + "#" + str(decl, "list") + "/" + str(decl, "key");
    if (auto it = site.data_ids.find(id); it != site.data_ids.end())
      keys.insert(keys.end(), it->second.begin(), it->second.end());
    for (const std::string& key : keys) {
      markdown::BlockDirective directive;
      directive.name = name;
      directive.args[str(decl, "arg")] = key;
      std::string error;
      if (!declared_block_context(site, directive, 0, &error) && error.empty())
        diags->error("", 0, 0, "block " + name + " failed without saying why");
    }
  }
}

SiteFiles read_site_files(const std::string& root) {
  namespace fs = std::filesystem;
  SiteFiles files;
  auto read = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files[fs::relative(p, root).generic_string()] = ss.str();
  };
  for (const char* dir : {"content", "templates", "site-assets"}) {
    if (!fs::is_directory(fs::path(root) / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / dir)) {
      if (entry.is_regular_file()) read(entry.path());
    }
  }
  if (fs::is_regular_file(fs::path(root) / "wegwijzer.yaml"))
    read(fs::path(root) / "wegwijzer.yaml");
  return files;
}

std::optional<MutatedSite> mutate_site(const SiteFiles& site, std::string_view recipe) {
  std::vector<std::string> paths = data_file_paths(site);
  if (paths.empty()) return std::nullopt;
  ByteChooser choose(recipe);
  Choose pick = [&](uint64_t n) { return choose(n); };
  MutatedSite out;
  out.path = paths[pick(paths.size())];
  std::string text = site.at(out.path);
  size_t rounds = 1 + pick(3);
  for (size_t i = 0; i < rounds; ++i) {
    std::optional<DataMutation> m = mutate_json_text(text, pick);
    if (!m) break;
    text = std::move(m->text);
    out.description += (out.description.empty() ? "" : "; then ") + m->description;
  }
  out.files = site;
  out.files[out.path] = std::move(text);
  return out;
}

void fuzz_data_mutation(const SiteFiles& site, std::string_view recipe, bool full_build) {
  std::optional<MutatedSite> m = mutate_site(site, recipe);
  if (!m) return;
  bool valid = passes_own_schema(m->files, m->path, m->files[m->path]);
  static DataLayer* layer = nullptr;  // loaded once per site: the fuzzer calls this for ever
  static const SiteFiles* layer_site = nullptr;
  if (!layer || layer_site != &site) {
    delete layer;
    layer = new DataLayer(site);
    layer_site = &site;
  }
  auto reported = [&](const Diagnostics& diags) {
    bool named = false;
    for (const Diagnostic& d : diags.items()) {
      if (d.severity != Severity::kError || d.path != m->path) continue;
      if (d.line <= 0) {
        std::fprintf(stderr, "error without a line in %s after %s: %s\n", m->path.c_str(),
                     m->description.c_str(), d.message.c_str());
        std::abort();
      }
      named = true;
    }
    if (!valid && !named) {
      std::fprintf(stderr, "%s fails its schema after %s, but no error names it\n", m->path.c_str(),
                   m->description.c_str());
      std::abort();
    }
  };
  reported(layer->run(m->path, m->files[m->path]));
  if (full_build) reported(build_in_memory(m->files, recipe.size() % 2 == 0).diagnostics);
}

BuildResult build_in_memory(const SiteFiles& files, bool editor_checks) {
  MemoryFileSystem fs(files);
  MemoryOutput output;
  BuildOptions options;
  options.jobs = 1;
  options.today = "2026-12-04";
  options.editor_checks = editor_checks;
  return build_site(fs, options, &output);
}

}  // namespace wegwijzer
