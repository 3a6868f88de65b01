#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "template/mustache.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// Templates and static assets: the built-in default theme with the site's own templates/ and
// site-assets/ laid over it by name.
struct Theme {
  mustache::TemplateSet templates;
  std::map<std::string, std::string, std::less<>> template_paths;    // name -> file, for errors
  std::map<std::string, std::string, std::less<>> template_sources;  // name -> text, for errors
  nlohmann::json assets =
      nlohmann::json::object();  // logical key -> URL ("site_css" -> "/assets/site.1a2b3c4d.css")
  std::map<std::string, std::string> asset_files;  // output path -> bytes
  // templates/strings/<language>.yaml: path -> (bytes, where it came from), read by
  // site/strings.h once the site's language is known.
  std::map<std::string, std::pair<std::string, std::string>> string_files;
  // Templates with a syntax error: already reported, so pages using them say nothing more.
  std::set<std::string, std::less<>> broken_templates;

  // Turns a template error into a diagnostic at its file, line and column.
  void report(const mustache::Error& error, Diagnostics* diags) const;
};

void load_theme(const FileSystem& fs, Theme* theme, Diagnostics* diags);

// "js/steps.js" -> "js_steps_js": how templates name an asset.
std::string asset_key(const std::string& relative_path);

// "site.css" + bytes -> "site.3f2a9c1e.css" (xxh3 of the contents).
std::string hashed_name(const std::string& relative_path, std::string_view contents);

}  // namespace wegwijzer
