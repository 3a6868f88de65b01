#include "site/config.h"

#include <algorithm>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

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

SiteConfig load_config(const FileSystem& fs, Diagnostics* diags) {
  SiteConfig config;
  const std::string path = SiteConfig::kFileName;
  if (!fs.is_file(path)) return config;
  std::string text, error;
  if (!fs.read_file(path, &text, &error)) {
    diags->error(path, 0, 0, error);
    return config;
  }
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string::npos) {
    LineColumn lc = line_column_at(text, bad);
    diags->error(path, lc.line, lc.column, "invalid UTF-8");
    return config;
  }
  auto fail = [&](const YAML::Mark& mark, const std::string& message) {
    diags->error(path, mark.line + 1, mark.column + 1, message,
                 std::string(line_text(text, mark.line + 1)));
  };
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    fail(e.mark, "invalid YAML: nested too deeply");  // yaml-cpp 0.7 says "bad file"
    return config;
  } catch (const YAML::Exception& e) {
    fail(e.mark, "invalid YAML: " + e.msg);
    return config;
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) {
    fail(root.Mark(), "the config must be a mapping of keys to values");
    return config;
  }
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    auto text_value = [&](std::string* dest) {
      if (v.IsScalar()) {
        *dest = v.Scalar();
      } else {
        fail(v.Mark(), "\"" + key + "\" must be text");
      }
    };
    if (key == "title") {
      text_value(&config.title);
    } else if (key == "description") {
      text_value(&config.description);
    } else if (key == "language") {
      text_value(&config.language);
    } else if (key == "data_dir") {
      std::string dir;
      text_value(&dir);
      if (!v.IsScalar()) continue;  // reported
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      // Relative, '/'-separated and inside the site: data files are published.
      bool inside = !dir.empty() && dir[0] != '/' && dir.find('\\') == std::string::npos;
      for (size_t start = 0; inside && start <= dir.size();) {
        size_t slash = std::min(dir.find('/', start), dir.size());
        std::string part = dir.substr(start, slash - start);
        inside = !part.empty() && part != "." && part != "..";
        start = slash + 1;
      }
      if (!inside) {
        fail(v.Mark(), "\"data_dir\" must be a folder inside the site folder, such as content/data");
      } else {
        config.data_dir = dir;
      }
    } else if (key == "base_url") {
      text_value(&config.base_url);
      if (!normalize_base_url(&config.base_url)) {
        fail(v.Mark(), "\"base_url\" must be an absolute http(s) URL without a path, such as https://example.nl");
      }
    } else if (key == "stale_after_months") {
      nlohmann::json j = v.IsScalar() ? yaml_to_json(v) : nlohmann::json();
      if (!j.is_number_integer() || j.get<int>() < 1) {
        fail(v.Mark(), "\"stale_after_months\" must be a whole number of months, 1 or more");
      } else {
        config.stale_after_months = j.get<int>();
      }
    } else if (key == "short_numbers" || key == "allowed_literals") {
      auto* list = key == "short_numbers" ? &config.short_numbers : &config.allowed_literals;
      if (!v.IsSequence()) {
        fail(v.Mark(), "\"" + key + "\" must be a list of texts");
        continue;
      }
      for (const YAML::Node& item : v) {
        if (item.IsScalar() && !item.Scalar().empty()) {
          list->push_back(item.Scalar());
        } else {
          fail(item.Mark(), "\"" + key + "\" must be a list of texts");
        }
      }
    } else if (key == "params") {
      try {
        config.params = yaml_to_json(v);
      } catch (const std::exception& e) {
        fail(v.Mark(), std::string("\"params\": ") + e.what());
      }
    } else {
      fail(kv.first.Mark(), "unknown key \"" + key +
                                "\" (known: title, description, base_url, language, data_dir, "
                                "stale_after_months, short_numbers, allowed_literals, params)");
    }
  }
  return config;
}

}  // namespace wegwijzer
