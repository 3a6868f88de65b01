#include "site/config.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "content/yaml_json.h"
#include "util/utf8.h"

namespace wegwijzer {

bool normalize_base_url(std::string* url, std::string* base_path) {
  while (!url->empty() && url->back() == '/') url->pop_back();
  bool http = url->starts_with("http://") || url->starts_with("https://");
  size_t host = url->find("://") + 3;
  size_t path = http ? url->find('/', host) : std::string::npos;
  std::string_view tail =
      path == std::string::npos ? std::string_view() : std::string_view(*url).substr(path);
  // The path is put before every link the site makes ("/crisis/" -> "/wegwijzer/crisis/"), so
  // it holds only plain segments: nothing that means something else inside a URL or HTML.
  bool plain = tail.find_first_not_of(
                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                   "0123456789-._~/") == std::string_view::npos &&
               tail.find("//") == std::string_view::npos && !tail.ends_with("/.") &&
               !tail.ends_with("/..") && tail.find("/./") == std::string_view::npos &&
               tail.find("/../") == std::string_view::npos;
  bool host_ok = http && (path == std::string::npos ? url->size() : path) > host &&
                 url->substr(host, path - host).find_first_of(" \"<>?#/\\@") == std::string::npos;
  if (!http || !host_ok || !plain) return false;
  *base_path = std::string(tail);
  return true;
}

namespace {

// Reports a problem in the config file at its line and column.
struct ConfigReader {
  const std::string& path;
  const std::string& text;
  Diagnostics* diags;

  void fail(const YAML::Mark& mark, const std::string& message) const {
    diags->error(path, mark.line + 1, mark.column + 1, message,
                 std::string(line_text(text, mark.line + 1)));
  }
};

// False (reported) when the file cannot be read or is not UTF-8.
bool read_config_text(const FileSystem& fs, const std::string& path, std::string* text,
                      Diagnostics* diags) {
  std::string error;
  if (!fs.read_file(path, text, &error)) {
    diags->error(path, 0, 0, error);
    return false;
  }
  size_t bad = find_invalid_utf8(*text);
  if (bad != std::string::npos) {
    LineColumn lc = line_column_at(*text, bad);
    diags->error(path, lc.line, lc.column, "invalid UTF-8");
    return false;
  }
  return true;
}

// False (reported) when the text is not valid YAML.
bool parse_config_yaml(const ConfigReader& r, YAML::Node* root) {
  try {
    *root = YAML::Load(r.text);
  } catch (const YAML::DeepRecursion& e) {
    r.fail(e.mark, "invalid YAML: nested too deeply");  // yaml-cpp 0.7 says "bad file"
    return false;
  } catch (const YAML::Exception& e) {
    r.fail(e.mark, "invalid YAML: " + e.msg);
    return false;
  }
  return true;
}

// False (reported) when the value is not text.
bool read_text(const ConfigReader& r, const std::string& key, const YAML::Node& v,
               std::string* dest) {
  if (!v.IsScalar()) {
    r.fail(v.Mark(), "\"" + key + "\" must be text");
    return false;
  }
  *dest = v.Scalar();
  return true;
}

// Relative, '/'-separated and inside the site: data files are published.
bool is_folder_inside_site(const std::string& dir) {
  bool inside = !dir.empty() && dir[0] != '/' && dir.find('\\') == std::string::npos;
  for (size_t start = 0; inside && start <= dir.size();) {
    size_t slash = std::min(dir.find('/', start), dir.size());
    std::string part = dir.substr(start, slash - start);
    inside = !part.empty() && part != "." && part != "..";
    start = slash + 1;
  }
  return inside;
}

void read_data_dir(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  std::string dir;
  if (!read_text(r, "data_dir", v, &dir)) return;  // reported
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (!is_folder_inside_site(dir)) {
    r.fail(v.Mark(), "\"data_dir\" must be a folder inside the site folder, such as content/data");
  } else {
    config->data_dir = dir;
  }
}

void read_base_url(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  read_text(r, "base_url", v, &config->base_url);
  if (!normalize_base_url(&config->base_url, &config->base_path)) {
    r.fail(v.Mark(),
           "\"base_url\" must be an absolute http(s) URL, such as https://example.nl or "
           "https://example.github.io/site/, without a query, fragment or \".\" segments");
  }
}

void read_stale_after_months(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  nlohmann::json j = v.IsScalar() ? yaml_to_json(v) : nlohmann::json();
  if (!j.is_number_integer() || j.get<int>() < 1) {
    r.fail(v.Mark(), "\"stale_after_months\" must be a whole number of months, 1 or more");
  } else {
    config->stale_after_months = j.get<int>();
  }
}

void read_text_list(const ConfigReader& r, const std::string& key, const YAML::Node& v,
                    std::vector<std::string>* list) {
  if (!v.IsSequence()) {
    r.fail(v.Mark(), "\"" + key + "\" must be a list of texts");
    return;
  }
  for (const YAML::Node& item : v) {
    if (item.IsScalar() && !item.Scalar().empty()) {
      list->push_back(item.Scalar());
    } else {
      r.fail(item.Mark(), "\"" + key + "\" must be a list of texts");
    }
  }
}

void read_params(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  try {
    config->params = yaml_to_json(v);
  } catch (const std::exception& e) {
    r.fail(v.Mark(), std::string("\"params\": ") + e.what());
  }
}

void read_declaration(const ConfigReader& r, const std::string& key, const YAML::Node& v,
                      SiteConfig::Declaration* out) {
  out->line = v.Mark().line + 1;
  out->column = v.Mark().column + 1;
  if (!v.IsMap()) {
    r.fail(v.Mark(), "\"" + key + "\" must be a mapping of names to declarations");
    return;
  }
  try {
    out->value = yaml_to_json(v);
  } catch (const std::exception& e) {
    r.fail(v.Mark(), "\"" + key + "\": " + e.what());
  }
}

// `show: {zekerheid: [hoog], never: [redactie_noot]}`: both lists of texts.
void read_show_policy(const ConfigReader& r, const YAML::Node& v, ShowPolicy* policy) {
  if (!v.IsMap()) {
    r.fail(v.Mark(), "\"show\" must be a mapping with zekerheid and never");
    return;
  }
  for (const auto& kv : v) {
    std::string key = kv.first.Scalar();
    if (key != "zekerheid" && key != "never") {
      r.fail(kv.first.Mark(), "show: unknown key \"" + key + "\" (known: zekerheid, never)");
      continue;
    }
    std::vector<std::string>& list = key == "zekerheid" ? policy->zekerheid : policy->never;
    list.clear();
    read_text_list(r, "show: " + key, kv.second, &list);
  }
}

// `languages: {en: {title, description, params}}`; every value optional.
void read_languages(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  if (!v.IsMap()) {
    r.fail(v.Mark(), "\"languages\" must be a mapping of language codes, such as en:");
    return;
  }
  for (const auto& kv : v) {
    SiteConfig::Language lang;
    lang.code = kv.first.Scalar();
    bool code_ok = lang.code.size() >= 2 && lang.code.size() <= 8 &&
                   std::all_of(lang.code.begin(), lang.code.end(),
                               [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
    if (!code_ok) {
      r.fail(kv.first.Mark(),
             "languages: \"" + lang.code + "\" must be a language code such as en");
      continue;
    }
    if (!kv.second.IsMap() && !kv.second.IsNull()) {
      r.fail(kv.second.Mark(), "languages: " + lang.code + " must be a mapping (title, params)");
      continue;
    }
    for (const auto& item : kv.second) {
      std::string key = item.first.Scalar();
      if (key == "title" || key == "description") {
        read_text(r, key, item.second, key == "title" ? &lang.title : &lang.description);
      } else if (key == "params" && item.second.IsMap()) {
        lang.params = yaml_to_json(item.second);
      } else {
        r.fail(item.first.Mark(), "languages: " + lang.code + ": unknown key \"" + key +
                                      "\" (known: title, description, params)");
      }
    }
    config->languages.push_back(std::move(lang));
  }
}

// `translations: {fail_after_days: N}`.
void read_translations(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  const YAML::Node days = v.IsMap() ? v["fail_after_days"] : YAML::Node();
  nlohmann::json j = days && days.IsScalar() ? yaml_to_json(days) : nlohmann::json();
  if (!v.IsMap() || v.size() != 1 || !j.is_number_integer() || j.get<int>() < 1) {
    r.fail(v.Mark(), "\"translations\" must be {fail_after_days: N}, N a whole number of days");
    return;
  }
  config->translation_fail_after_days = j.get<int>();
}

// `search: {synonyms: DIR}` or `search: {}`.
void read_search(const ConfigReader& r, const YAML::Node& v, SiteConfig* config) {
  if (!v.IsMap()) {
    r.fail(v.Mark(), "\"search\" must be a mapping, such as {synonyms: zoeken}");
    return;
  }
  config->search = true;
  for (const auto& kv : v) {
    if (kv.first.Scalar() != "synonyms") {
      r.fail(kv.first.Mark(),
             "search: unknown key \"" + kv.first.Scalar() + "\" (known: synonyms)");
    } else if (read_text(r, "search: synonyms", kv.second, &config->search_synonyms_dir) &&
               !is_folder_inside_site(config->search_synonyms_dir)) {
      r.fail(kv.second.Mark(), "search: synonyms must be a folder inside the site folder");
    }
  }
}

void read_config_key(const ConfigReader& r, const YAML::Node& key_node, const YAML::Node& v,
                     SiteConfig* config) {
  std::string key = key_node.Scalar();
  if (key == "title") {
    read_text(r, key, v, &config->title);
  } else if (key == "description") {
    read_text(r, key, v, &config->description);
  } else if (key == "language") {
    read_text(r, key, v, &config->language);
  } else if (key == "data_dir") {
    read_data_dir(r, v, config);
  } else if (key == "base_url") {
    read_base_url(r, v, config);
  } else if (key == "stale_after_months") {
    read_stale_after_months(r, v, config);
  } else if (key == "short_numbers" || key == "allowed_literals" || key == "readability_terms") {
    read_text_list(r, key, v,
                   key == "short_numbers"      ? &config->short_numbers
                   : key == "allowed_literals" ? &config->allowed_literals
                                               : &config->readability_terms);
  } else if (key == "params") {
    read_params(r, v, config);
  } else if (key == "show") {
    read_show_policy(r, v, &config->show);
  } else if (key == "languages") {
    read_languages(r, v, config);
  } else if (key == "translations") {
    read_translations(r, v, config);
  } else if (key == "search") {
    read_search(r, v, config);
  } else if (key == "blocks" || key == "references" || key == "open_data") {
    read_declaration(r, key, v,
                     key == "blocks"       ? &config->blocks
                     : key == "references" ? &config->references
                                           : &config->open_data);
  } else {
    r.fail(key_node.Mark(),
           "unknown key \"" + key +
               "\" (known: title, description, base_url, language, data_dir, "
               "stale_after_months, short_numbers, allowed_literals, readability_terms, "
               "params, show, blocks, references, open_data, languages, translations, search)");
  }
}

}  // namespace

SiteConfig load_config(const FileSystem& fs, Diagnostics* diags) {
  SiteConfig config;
  const std::string path = SiteConfig::kFileName;
  if (!fs.is_file(path)) return config;
  std::string text;
  if (!read_config_text(fs, path, &text, diags)) return config;
  ConfigReader r{path, text, diags};
  YAML::Node root;
  if (!parse_config_yaml(r, &root) || root.IsNull()) return config;
  if (!root.IsMap()) {
    r.fail(root.Mark(), "the config must be a mapping of keys to values");
    return config;
  }
  for (const auto& kv : root) read_config_key(r, kv.first, kv.second, &config);
  std::erase_if(config.languages, [&](const SiteConfig::Language& lang) {
    if (lang.code != config.language) return false;
    r.fail(root["languages"].Mark(), "languages: " + lang.code + " is the site's own `language`");
    return true;
  });
  for (SiteConfig::Language& lang : config.languages) {
    if (lang.title.empty()) lang.title = config.title;
    if (lang.description.empty()) lang.description = config.description;
  }
  return config;
}

}  // namespace wegwijzer
