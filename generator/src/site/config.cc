#include "site/config.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "content/yaml_json.h"
#include "util/utf8.h"

namespace wegwijzer {

bool normalize_base_url(std::string* url) {
  while (!url->empty() && url->back() == '/') url->pop_back();
  size_t scheme = url->find("://");
  bool http = url->starts_with("http://") || url->starts_with("https://");
  // Pages link to each other from the root ("/crisis/"), so the site must live at a host's root.
  bool has_path = scheme != std::string::npos && url->find('/', scheme + 3) != std::string::npos;
  return http && !has_path && url->find_first_of(" \"<>?#") == std::string::npos && url->size() > 8;
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
  if (!normalize_base_url(&config->base_url)) {
    r.fail(
        v.Mark(),
        "\"base_url\" must be an absolute http(s) URL without a path, such as https://example.nl");
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
               "params, "
               "show, blocks, references, open_data)");
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
  return config;
}

}  // namespace wegwijzer
