#include "site/theme.h"

#include <xxhash.h>

#include <cctype>
#include <cstdio>

#include "site/asset_compaction.h"
#include "site/default_theme.h"
#include "util/utf8.h"

namespace wegwijzer {
namespace {

constexpr std::string_view kTemplatesDir = "templates/";
constexpr std::string_view kAssetsDir = "site-assets/";

bool wants_hash(const std::string& path) {
  return path.ends_with(".css") || path.ends_with(".js");
}

}  // namespace

std::string asset_key(const std::string& relative_path) {
  std::string key = relative_path;
  for (char& c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return key;
}

std::string hashed_name(const std::string& relative_path, std::string_view contents) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(contents.data(), contents.size())));
  size_t slash = relative_path.rfind('/');
  size_t dot = relative_path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return relative_path + "." + std::string(hex, 8);
  }
  return relative_path.substr(0, dot) + "." + std::string(hex, 8) + relative_path.substr(dot);
}

void Theme::report(const mustache::Error& error, Diagnostics* diags) const {
  auto path = template_paths.find(error.template_name);
  auto source = template_sources.find(error.template_name);
  std::string file = path != template_paths.end() ? path->second : error.template_name;
  std::string line = source != template_sources.end() && error.line > 0
                         ? std::string(line_text(source->second, error.line))
                         : std::string();
  diags->error(file, error.line, error.column, error.message, line);
}

void load_theme(const FileSystem& fs, Theme* theme, Diagnostics* diags) {
  // Relative path under the project root -> (bytes, where it came from for messages).
  std::map<std::string, std::pair<std::string, std::string>> files;
  for (const auto& [path, bytes] : default_theme_files()) {
    files[std::string(path)] = {std::string(bytes), "(built-in) " + std::string(path)};
  }
  for (std::string_view dir : {kTemplatesDir, kAssetsDir}) {
    FileSystem::Listing listing = fs.list_files(std::string(dir.substr(0, dir.size() - 1)));
    for (const std::string& e : listing.errors) {
      size_t colon = e.find(": ");
      diags->error(e.substr(0, colon), 0, 0, colon == std::string::npos ? e : e.substr(colon + 2));
    }
    for (const std::string& path : listing.files) {
      std::string bytes, error;
      if (!fs.read_file(path, &bytes, &error)) {
        diags->error(path, 0, 0, error);
        continue;
      }
      files[path] = {std::move(bytes), path};
    }
  }

  for (auto& [path, entry] : files) {
    auto& [bytes, origin] = entry;
    if (path.starts_with("templates/strings/") && path.ends_with(".yaml")) {
      theme->string_files[path] = entry;
      continue;
    }
    if (path.starts_with(kTemplatesDir)) {
      if (!path.ends_with(".html")) continue;
      std::string name = path.substr(kTemplatesDir.size(), path.size() - kTemplatesDir.size() - 5);
      size_t bad = find_invalid_utf8(bytes);
      if (bad != std::string::npos) {
        diags->error_at(origin, bytes, bad, "invalid UTF-8");
        continue;
      }
      theme->template_paths[name] = origin;
      theme->template_sources[name] = bytes;
      std::vector<mustache::Error> errors;
      if (!theme->templates.add(name, bytes, &errors)) {
        for (const auto& e : errors) theme->report(e, diags);
        theme->broken_templates.insert(name);
      }
    } else if (path.starts_with(kAssetsDir)) {
      std::string rel = path.substr(kAssetsDir.size());
      bytes = compact_asset(rel, bytes);
      std::string out = "assets/" + (wants_hash(rel) ? hashed_name(rel, bytes) : rel);
      theme->assets[asset_key(rel)] = "/" + out;
      theme->asset_files[out] = std::move(bytes);
    }
  }
}

}  // namespace wegwijzer
