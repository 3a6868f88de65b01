#include "data/schema_keywords.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string_view>

#include "data/json_access.h"
#include "data/phone.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// ---- JSON pointers and pointer patterns ("/items/*/code": "*" is any one segment)

std::string unescape(const std::string& segment) {
  std::string out;
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() &&
        (segment[i + 1] == '0' || segment[i + 1] == '1')) {
      out += segment[++i] == '0' ? '~' : '/';
    } else {
      out += segment[i];
    }
  }
  return out;
}

// The segments of a pointer, still escaped; the leading "/" is optional (patterns relative to a
// node are written without it).
std::vector<std::string> segments(std::string_view pointer) {
  std::vector<std::string> out;
  if (pointer.empty()) return out;
  if (pointer.front() == '/') pointer.remove_prefix(1);
  for (size_t start = 0;;) {
    size_t slash = pointer.find('/', start);
    out.emplace_back(pointer.substr(start, slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

std::string join(const std::vector<std::string>& segs) {
  std::string out;
  for (const std::string& s : segs) out += "/" + s;
  return out;
}

const json* child(const json& v, const std::string& segment) {
  if (v.is_object()) {
    auto it = v.find(unescape(segment));
    return it == v.end() ? nullptr : &*it;
  }
  if (!v.is_array() || segment.empty() || segment.size() > 9 ||
      !std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      (segment.size() > 1 && segment[0] == '0')) {
    return nullptr;
  }
  size_t i = std::stoul(segment);
  return i < v.size() ? &v[i] : nullptr;
}

// A pointer as written in a keyword, where the leading "/" may be left out, made absolute.
std::string absolute(const std::string& pointer) {
  return pointer.empty() || pointer[0] == '/' ? pointer : "/" + pointer;
}

struct Found {
  const json* value;
  std::string pointer;
};

// Every value below `v` at `pattern` (from segment `i`), with its pointer (after `at`).
void expand(const json& v, const std::vector<std::string>& pattern, size_t i, const std::string& at,
            std::vector<Found>* out) {
  if (i == pattern.size()) {
    out->push_back({&v, at});
  } else if (pattern[i] != "*") {
    if (const json* c = child(v, pattern[i]))
      expand(*c, pattern, i + 1, at + "/" + pattern[i], out);
  } else if (v.is_object()) {
    for (const auto& [key, item] : v.items())
      expand(item, pattern, i + 1, at + "/" + pointer_escape(key), out);
  } else if (v.is_array()) {
    for (size_t k = 0; k < v.size(); ++k)
      expand(v[k], pattern, i + 1, at + "/" + std::to_string(k), out);
  }
}

// The prefix of `pointer` that `pattern` matches ("/a" for "/a/list/0" and "/*").
std::optional<std::string> group_of(const std::string& pointer,
                                    const std::vector<std::string>& pattern) {
  std::vector<std::string> segs = segments(pointer);
  if (segs.size() < pattern.size()) return std::nullopt;
  std::string group;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != "*" && pattern[i] != segs[i]) return std::nullopt;
    group += "/" + segs[i];
  }
  return group;
}

// A value as a message names it: a string in quotes, a number as it is.
std::string shown(const json& v) {
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- Walking a schema and a value together

using Problem = std::function<void(const std::string& schema_at, const std::string& message)>;
using Visit = std::function<void(const json& schema, const std::string& schema_at,
                                 const json& value, const std::string& at)>;

class Walker {
 public:
  // `problem` (may be empty) hears of what the walk cannot follow in the schema.
  Walker(const json& root, Problem problem) : root_(root), problem_(std::move(problem)) {}
  // Calls `visit` once for every (schema, value) where the schema applies to the value.
  void walk(const json& value, const Visit& visit) { walk(value, "", {{&root_, ""}}, visit); }

 private:
  struct Applied {
    const json* schema;
    std::string at;
  };
  void walk(const json& value, const std::string& at, std::vector<Applied> schemas,
            const Visit& visit);
  void close(const json& value, std::vector<Applied>* schemas);
  std::vector<Applied> member_schemas(const std::vector<Applied>& schemas, const std::string& key);
  std::vector<Applied> item_schemas(const std::vector<Applied>& schemas, size_t index);
  bool matches_if(const json& condition, const std::string& at, const json& value);
  bool matches_rule(const json& rule, const std::string& at, const json& value);
  bool key_matches(const std::string& pattern, const std::string& key);
  void problem(const std::string& at, const std::string& message) {
    if (problem_) problem_(at, message);
  }

  const json& root_;
  Problem problem_;
  std::map<std::string, std::optional<std::regex>> regexes_;
};

void Walker::walk(const json& value, const std::string& at, std::vector<Applied> schemas,
                  const Visit& visit) {
  close(value, &schemas);
  for (const Applied& s : schemas) visit(*s.schema, s.at, value, at);
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      std::vector<Applied> next = member_schemas(schemas, key);
      if (!next.empty()) walk(item, at + "/" + pointer_escape(key), std::move(next), visit);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      std::vector<Applied> next = item_schemas(schemas, i);
      if (!next.empty()) walk(value[i], at + "/" + std::to_string(i), std::move(next), visit);
    }
  }
}

// Adds what applies to the same value through $ref, allOf/anyOf/oneOf and if/then/else. Each
// schema once: two ways to the same schema must not count a value twice (x-unique), and a $ref
// cycle must end.
void Walker::close(const json& value, std::vector<Applied>* schemas) {
  std::set<const json*> seen;
  std::vector<Applied> all;
  auto add = [&](const json* s, std::string at) {
    if (s && s->is_object() && seen.insert(s).second) all.push_back({s, std::move(at)});
  };
  for (Applied& s : *schemas) add(s.schema, std::move(s.at));
  for (size_t i = 0; i < all.size(); ++i) {
    const json& s = *all[i].schema;
    const std::string at = all[i].at;  // a copy: `all` grows below
    if (const json& ref = member(s, "$ref"); ref.is_string()) {
      std::string target = text(ref);
      if (target.starts_with("#")) add(at_pointer(root_, target.substr(1)), target.substr(1));
    }
    for (const char* k : {"allOf", "anyOf", "oneOf"}) {
      const json& branches = list_of(s, k);
      for (size_t b = 0; b < branches.size(); ++b)
        add(&branches[b], at + "/" + k + "/" + std::to_string(b));
    }
    if (const json& condition = member(s, "if"); condition.is_object()) {
      const char* branch = matches_if(condition, at + "/if", value) ? "then" : "else";
      add(&member(s, branch), at + "/" + branch);
    }
  }
  *schemas = std::move(all);
}

std::vector<Walker::Applied> Walker::member_schemas(const std::vector<Applied>& schemas,
                                                    const std::string& key) {
  std::vector<Applied> out;
  for (const Applied& s : schemas) {
    bool matched = false;
    const json& named = member(*s.schema, "properties");
    if (auto it = named.is_object() ? named.find(key) : named.end(); it != named.end()) {
      matched = true;
      if (it->is_object()) out.push_back({&*it, s.at + "/properties/" + pointer_escape(key)});
    }
    for (const auto& [pattern, sub] : fields(member(*s.schema, "patternProperties")).items()) {
      if (!key_matches(pattern, key)) continue;
      matched = true;
      if (sub.is_object())
        out.push_back({&sub, s.at + "/patternProperties/" + pointer_escape(pattern)});
    }
    const json& other = member(*s.schema, "additionalProperties");
    if (!matched && other.is_object()) out.push_back({&other, s.at + "/additionalProperties"});
  }
  return out;
}

std::vector<Walker::Applied> Walker::item_schemas(const std::vector<Applied>& schemas,
                                                  size_t index) {
  std::vector<Applied> out;
  for (const Applied& s : schemas) {
    const json& items = member(*s.schema, "items");
    if (items.is_object()) {
      out.push_back({&items, s.at + "/items"});
    } else if (items.is_array() && index < items.size() && items[index].is_object()) {
      out.push_back({&items[index], s.at + "/items/" + std::to_string(index)});
    } else if (items.is_array() && member(*s.schema, "additionalItems").is_object()) {
      out.push_back({&member(*s.schema, "additionalItems"), s.at + "/additionalItems"});
    }
  }
  return out;
}

// The tiny matcher of "if": "properties" whose rules are "const" or "enum", and "required". As in
// JSON Schema, a member that is absent passes its rule, and a value that is no object passes.
bool Walker::matches_if(const json& condition, const std::string& at, const json& value) {
  for (auto it = condition.begin(); it != condition.end(); ++it) {
    if (it.key() != "properties" && it.key() != "required" && it.key() != "description")
      problem(at + "/" + pointer_escape(it.key()),
              "\"if\" is only understood with \"properties\" (\"const\", \"enum\") and "
              "\"required\", not \"" +
                  it.key() + "\"");
  }
  if (!value.is_object()) return true;
  for (const json& name : list_of(condition, "required")) {
    if (name.is_string() && !value.contains(text(name))) return false;
  }
  for (const auto& [key, rule] : fields(member(condition, "properties")).items()) {
    auto it = value.find(key);
    if (it != value.end() && !matches_rule(rule, at + "/properties/" + pointer_escape(key), *it))
      return false;
  }
  return true;
}

bool Walker::matches_rule(const json& rule, const std::string& at, const json& value) {
  bool match = true;
  for (const auto& [key, expected] : fields(rule).items()) {
    if (key == "const") {
      match = match && value == expected;
    } else if (key == "enum") {
      const json& options = elements(expected);
      match = match && std::find(options.begin(), options.end(), value) != options.end();
    } else if (key != "description") {
      problem(at + "/" + pointer_escape(key),
              "\"if\" only understands \"const\" and \"enum\" on a property, not \"" + key + "\"");
    }
  }
  return match;
}

bool Walker::key_matches(const std::string& pattern, const std::string& key) {
  auto it = regexes_.find(pattern);
  if (it == regexes_.end()) {
    std::optional<std::regex> re;
    try {
      re.emplace(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      // valijson refuses the schema first; nothing matches here.
    }
    it = regexes_.emplace(pattern, std::move(re)).first;
  }
  return it->second && std::regex_search(key, *it->second);
}

// ---- "x-ref" targets

// The values a data set holds at a pointer pattern, found once per check.
struct Target {
  bool found = false;  // false: the data set is absent (or was dropped for its own errors)
  std::string file;    // "<name>.json", for messages
  std::string pattern;
  std::vector<std::string> values;  // distinct, in the order found
  std::set<std::string> set;
};

class Targets {
 public:
  explicit Targets(const DataFiles& data) : data_(data) {}
  // `spec` is "<data set>#<pointer pattern>".
  const Target& get(const std::string& spec) {
    auto [it, fresh] = cache_.try_emplace(spec);
    Target& t = it->second;
    if (!fresh) return t;
    size_t hash = spec.find('#');
    t.pattern = spec.substr(hash + 1);
    auto file = data_.find(spec.substr(0, hash));
    if (file == data_.end()) return t;
    t.found = true;
    t.file = file->second.path.substr(file->second.path.rfind('/') + 1);
    std::vector<Found> found;
    expand(file->second.value, segments(t.pattern), 0, "", &found);
    for (const Found& f : found) {
      if (f.value->is_string() && t.set.insert(text(*f.value)).second)
        t.values.push_back(text(*f.value));
    }
    return t;
  }

 private:
  const DataFiles& data_;
  std::map<std::string, Target> cache_;
};

struct RefSpec {
  bool page = false;
  std::string to;     // "<data set>#<pointer pattern>"
  std::string every;  // a pointer pattern; with has_every
  bool has_every = false;
};

std::optional<RefSpec> parse_ref(const json& keyword) {
  RefSpec spec;
  if (keyword == "page") {
    spec.page = true;
    return spec;
  }
  spec.to = keyword.is_string() ? text(keyword) : str(keyword, "to");
  if (keyword.is_object() && keyword.contains("every")) {
    if (!member(keyword, "every").is_string()) return std::nullopt;
    spec.every = str(keyword, "every");
    spec.has_every = true;
  }
  size_t hash = spec.to.find('#');
  if (hash == 0 || hash == std::string::npos || spec.to.compare(hash + 1, 1, "/") != 0)
    return std::nullopt;
  return spec;
}

// ---- "x-href" templates

// "tel:{number|tel}": a member's string as it is, or through a filter; `problem` (may be null)
// hears of a filter that does not exist or a "{" left open.
std::string fill_template(const std::string& pattern, const json& object, std::string* problem) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string::npos) {
      if (problem) *problem = "\"{\" without \"}\" in \"" + pattern + "\"";
      return out;
    }
    std::string field = pattern.substr(i + 1, close - i - 1), filter;
    if (size_t bar = field.find('|'); bar != std::string::npos) {
      filter = field.substr(bar + 1);
      field.resize(bar);
    }
    std::string value = str(object, field.c_str());
    if (filter == "tel" || filter == "tel-digits") {
      value = dutch_phone_to_tel(value).value_or("");
      if (filter == "tel-digits" && value.starts_with("+")) value.erase(0, 1);
    } else if (!filter.empty() && problem) {
      *problem =
          "unknown filter \"|" + filter + "\" in \"" + pattern + "\" (known: |tel, |tel-digits)";
    }
    out += value;
    i = close;
  }
  return out;
}

std::optional<std::string> href_problem(const json& spec) {
  const char* kShape =
      "\"x-href\" is a template, or needs \"by\" (a member), \"cases\" (its values to "
      "templates) and may have \"default\" (a template)";
  if (spec.is_string()) {
    std::string problem;
    fill_template(text(spec), json::object(), &problem);
    return problem.empty() ? std::nullopt : std::optional<std::string>("\"x-href\": " + problem);
  }
  if (!member(spec, "by").is_string() || !member(spec, "cases").is_object()) return kShape;
  std::vector<json> templates;
  for (const auto& [value, pattern] : member(spec, "cases").items()) templates.push_back(pattern);
  if (spec.contains("default")) templates.push_back(member(spec, "default"));
  for (const json& pattern : templates) {
    if (!pattern.is_string()) return kShape;
    std::string problem;
    fill_template(text(pattern), json::object(), &problem);
    if (!problem.empty()) return "\"x-href\": " + problem;
  }
  return std::nullopt;
}

std::optional<std::string> build_href(const json& spec, const json& object) {
  if (spec.is_string()) return fill_template(text(spec), object, nullptr);
  const json& chosen = member(member(spec, "cases"), str(object, str(spec, "by").c_str()).c_str());
  const json& pattern = chosen.is_string() ? chosen : member(spec, "default");
  if (!pattern.is_string()) return std::nullopt;
  return fill_template(text(pattern), object, nullptr);
}

// ---- "x-graph"

struct GraphSpec {
  std::string nodes, id, start;
  std::vector<std::string> edges;
  json needs_edges;
};

std::optional<GraphSpec> parse_graph(const json& keyword) {
  for (const char* k : {"nodes", "id", "start", "edges"}) {
    if (!member(keyword, k).is_string()) return std::nullopt;
  }
  const json& needs = member(keyword, "needs_edges");
  if (!needs.is_null() && !needs.is_object()) return std::nullopt;
  return GraphSpec{str(keyword, "nodes"), str(keyword, "id"), str(keyword, "start"),
                   segments(str(keyword, "edges")), needs};
}

struct GraphNode {
  const json* value;
  std::string pointer;
  std::string id;
  std::vector<Found> edges;  // string values only
};

std::vector<GraphNode> graph_nodes(const GraphSpec& spec, const json& value,
                                   const std::string& at) {
  std::vector<GraphNode> nodes;
  const json* list = at_pointer(value, absolute(spec.nodes));
  if (!list) return nodes;
  std::vector<Found> found;
  expand(*list, {"*"}, 0, at + join(segments(spec.nodes)), &found);
  for (const Found& f : found) {
    GraphNode node{f.value, f.pointer, str(*f.value, spec.id.c_str()), {}};
    std::vector<Found> edges;
    expand(*f.value, spec.edges, 0, f.pointer, &edges);
    for (Found& e : edges) {
      if (e.value->is_string()) node.edges.push_back(std::move(e));
    }
    nodes.push_back(std::move(node));
  }
  return nodes;
}

bool needs_edges(const GraphSpec& spec, const json& node) {
  if (!spec.needs_edges.is_object()) return false;
  for (const auto& [key, expected] : spec.needs_edges.items()) {
    if (member(node, key.c_str()) != expected) return false;
  }
  return true;
}

// Depth-first from the start, as a loop (a long chain must not exhaust the stack): an edge to a
// node still on the path closes a cycle; nodes never met cannot be reached.
void check_graph_paths(const JsonSource& file, const std::vector<GraphNode>& nodes,
                       const std::map<std::string, size_t>& index, size_t start,
                       Diagnostics* diags) {
  enum State { kUnseen, kOnPath, kDone };
  std::vector<State> state(nodes.size(), kUnseen);
  std::vector<std::pair<size_t, size_t>> path = {{start, 0}};  // node, next edge
  state[start] = kOnPath;
  while (!path.empty()) {
    auto [n, e] = path.back();
    if (e == nodes[n].edges.size()) {
      state[n] = kDone;
      path.pop_back();
      continue;
    }
    ++path.back().second;
    const Found& edge = nodes[n].edges[e];
    auto to = index.find(text(*edge.value));
    if (to == index.end()) continue;
    if (state[to->second] == kOnPath) {
      file.error(diags, edge.pointer,
                 "cycle: \"" + nodes[n].id + "\" leads back to \"" + to->first + "\"");
    } else if (state[to->second] == kUnseen) {
      state[to->second] = kOnPath;
      path.push_back({to->second, 0});
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (state[i] == kUnseen)
      file.error(diags, nodes[i].pointer,
                 "node \"" + nodes[i].id + "\" cannot be reached from the start");
  }
}

void check_graph(const JsonSource& file, const GraphSpec& spec, const json& value,
                 const std::string& at, Diagnostics* diags) {
  std::vector<GraphNode> nodes = graph_nodes(spec, value, at);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!index.emplace(nodes[i].id, i).second)
      file.error(diags, nodes[i].pointer + "/" + pointer_escape(spec.id),
                 "node \"" + nodes[i].id + "\" appears twice");
  }
  const json* start_value = at_pointer(value, absolute(spec.start));
  std::string start = start_value ? text(*start_value) : "";
  if (!index.count(start)) {
    file.error(diags, at + join(segments(spec.start)),
               "start node \"" + start + "\" does not exist");
    return;
  }
  for (const GraphNode& node : nodes) {
    if (node.edges.empty() && needs_edges(spec, *node.value))
      file.error(diags, node.pointer, "dead end: node \"" + node.id + "\" has no way on");
    for (const Found& edge : node.edges) {
      if (!index.count(text(*edge.value)))
        file.error(diags, edge.pointer,
                   "dead end: leads to unknown node \"" + text(*edge.value) + "\"");
    }
  }
  check_graph_paths(file, nodes, index, index.at(start), diags);
}

// ---- The checks of one file

class FileChecker {
 public:
  FileChecker(const JsonSource& file, Targets* targets, const Problem& problem,
              std::vector<PageReference>* pages, Diagnostics* diags)
      : file_(file), targets_(targets), problem_(problem), pages_(pages), diags_(diags) {}

  void run() {
    Walker(file_.schema->value, problem_)
        .walk(file_.value,
              [this](const json& schema, const std::string& schema_at, const json& value,
                     const std::string& at) { visit(schema, schema_at, value, at); });
    report_duplicates();
    report_missing();
  }

 private:
  struct Occurrence {
    std::string key;  // the value as JSON, so that "1" and 1 differ
    std::string pointer;
    size_t offset;
  };
  struct Every {
    const Target* target = nullptr;
    std::vector<std::string> groups;  // in the order met
    std::map<std::string, std::set<std::string>> seen;
  };

  void visit(const json& schema, const std::string& schema_at, const json& value,
             const std::string& at);
  void check_unique(const json& keyword, const std::string& keyword_at, const json& value,
                    const std::string& at);
  void check_ref(const json& keyword, const std::string& keyword_at, const json& value,
                 const std::string& at);
  void check_format(const std::string& format, const json& value, const std::string& at);
  void report_duplicates();
  void report_missing();

  const JsonSource& file_;
  Targets* targets_;
  const Problem& problem_;
  std::vector<PageReference>* pages_;
  Diagnostics* diags_;
  std::map<std::pair<std::string, std::string>, std::vector<Occurrence>> unique_;  // keyword, group
  std::map<std::string, Every> every_;  // by the keyword's place in the schema
};

void FileChecker::visit(const json& schema, const std::string& schema_at, const json& value,
                        const std::string& at) {
  if (schema.contains("x-unique"))
    check_unique(member(schema, "x-unique"), schema_at + "/x-unique", value, at);
  if (schema.contains("x-ref")) check_ref(member(schema, "x-ref"), schema_at + "/x-ref", value, at);
  if (const json& format = member(schema, "format"); format.is_string())
    check_format(text(format), value, at);
  if (schema.contains("x-graph")) {
    std::optional<GraphSpec> spec = parse_graph(member(schema, "x-graph"));
    if (!spec) {
      problem_(schema_at + "/x-graph",
               "\"x-graph\" needs \"nodes\", \"id\", \"start\" and \"edges\" (strings) and may "
               "have \"needs_edges\" (an object)");
    } else if (value.is_object()) {
      check_graph(file_, *spec, value, at, diags_);
    }
  }
  if (schema.contains("x-href")) {
    if (std::optional<std::string> p = href_problem(member(schema, "x-href")))
      problem_(schema_at + "/x-href", *p);
  }
  if (schema.contains("x-flag") && !member(schema, "x-flag").is_boolean())
    problem_(schema_at + "/x-flag", "\"x-flag\" must be true or false");
}

void FileChecker::check_unique(const json& keyword, const std::string& keyword_at,
                               const json& value, const std::string& at) {
  std::string group;
  if (keyword.is_string() && text(keyword).starts_with("/")) {
    std::optional<std::string> g = group_of(at, segments(text(keyword)));
    if (!g) return;
    group = *g;
  } else if (!keyword.is_boolean()) {
    problem_(keyword_at, "\"x-unique\" must be true or a pointer pattern such as \"/*\"");
    return;
  } else if (keyword == false) {
    return;
  }
  if (value.is_string() || value.is_number())
    unique_[{keyword_at, group}].push_back({shown(value), at, file_.offset_of(at)});
}

void FileChecker::check_ref(const json& keyword, const std::string& keyword_at, const json& value,
                            const std::string& at) {
  std::optional<RefSpec> spec = parse_ref(keyword);
  if (!spec) {
    problem_(keyword_at,
             "\"x-ref\" must be \"page\", \"<data set>#<pointer pattern>\" or {\"to\": "
             "\"<data set>#<pointer pattern>\", \"every\": \"<pointer pattern>\"}");
    return;
  }
  if (!value.is_string()) return;
  if (spec->page) {
    if (pages_) pages_->push_back({file_.path, at, text(value)});
    return;
  }
  const Target& target = targets_->get(spec->to);
  if (!target.found) return;  // that data set's own errors say enough
  if (!target.set.count(text(value))) {
    file_.error(diags_, at,
                "unknown " + shown(value) + ": not a " + target.pattern + " in " + target.file);
    return;
  }
  if (!spec->has_every) return;
  std::optional<std::string> group = group_of(at, segments(spec->every));
  if (!group) return;
  Every& every = every_[keyword_at];
  every.target = &target;
  if (!every.seen.count(*group)) every.groups.push_back(*group);
  every.seen[*group].insert(text(value));
}

void FileChecker::check_format(const std::string& format, const json& value,
                               const std::string& at) {
  if (!value.is_string()) return;
  const std::string& v = value.get_ref<const std::string&>();
  if (format == "nl-phone" && !dutch_phone_to_tel(v)) {
    file_.error(diags_, at, shown(value) + " is not a well-formed Dutch phone number");
  } else if (format == "email" &&
             (v.find('@') == std::string::npos || v.find(' ') != std::string::npos)) {
    file_.error(diags_, at, shown(value) + " is not an e-mail address");
  }
}

// The second (and any later) occurrence of a value, in the order of the file: the walk meets
// object members in the order of their names, not of the text.
void FileChecker::report_duplicates() {
  for (auto& [where, list] : unique_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Occurrence& a, const Occurrence& b) { return a.offset < b.offset; });
    std::map<std::string, size_t> first;
    for (const Occurrence& o : list) {
      auto [it, fresh] = first.emplace(o.key, o.offset);
      if (fresh) continue;
      int line = file_.lines.at(file_.text, it->second).line;
      file_.error(diags_, o.pointer,
                  o.key + " appears twice" + (where.second.empty() ? "" : " in " + where.second) +
                      " (first at line " + std::to_string(line) + ")");
    }
  }
}

void FileChecker::report_missing() {
  for (const auto& [keyword_at, every] : every_) {
    for (const std::string& group : every.groups) {
      const std::set<std::string>& seen = every.seen.at(group);
      for (const std::string& v : every.target->values) {
        if (!seen.count(v))
          file_.error(diags_, group,
                      shown(v) + " (" + every.target->file + ") occurs nowhere in " +
                          (group.empty() ? "/" : group));
      }
    }
  }
}

}  // namespace

void check_schema_keywords(const DataFiles& data, std::vector<PageReference>* pages,
                           Diagnostics* diags) {
  Targets targets(data);
  std::set<std::string> reported;  // a schema used by two files has its problems told once
  for (const auto& [name, file] : data) {
    if (!file.schema) continue;
    const JsonSource& schema = *file.schema;
    Problem problem = [&](const std::string& at, const std::string& message) {
      if (reported.insert(schema.path + "#" + at).second) schema.error(diags, at, message);
    };
    FileChecker(file, &targets, problem, pages, diags).run();
  }
}

void check_page_references(const DataFiles& data, const std::vector<PageReference>& references,
                           const std::function<bool(const std::string&)>& page_exists,
                           Diagnostics* diags) {
  for (const PageReference& r : references) {
    if (page_exists(r.url)) continue;
    const std::string message = "broken link: no page at " + r.url;
    auto file = std::find_if(data.begin(), data.end(),
                             [&](const auto& entry) { return entry.second.path == r.path; });
    if (file != data.end()) {
      file->second.error(diags, r.pointer, message);
    } else {
      diags->error(r.path, 0, 0, message);
    }
  }
}

json annotate(const JsonSource& file, const json& value) {
  json out = value;
  if (!file.schema) return out;
  struct Edit {
    std::string pointer, key;
    json value;
  };
  std::vector<Edit> edits;
  auto visit = [&](const json& schema, const std::string&, const json& v, const std::string& at) {
    const json& options = member(schema, "enum");
    if (member(schema, "x-flag") == true && v.is_string() && !at.empty() &&
        (!options.is_array() || std::find(options.begin(), options.end(), v) != options.end())) {
      edits.push_back({at.substr(0, at.rfind('/')), "is_" + text(v), true});
    }
    const json& href = member(schema, "x-href");
    if ((href.is_object() || href.is_string()) && v.is_object()) {
      if (std::optional<std::string> h = build_href(href, v)) edits.push_back({at, "href", *h});
    }
  };
  Walker(file.schema->value, nullptr).walk(value, visit);
  // After the walk: adding members while walking would change what it walks.
  for (Edit& e : edits) {
    json* target = at_pointer(out, e.pointer);
    if (target && target->is_object()) (*target)[e.key] = std::move(e.value);
  }
  return out;
}

}  // namespace wegwijzer
