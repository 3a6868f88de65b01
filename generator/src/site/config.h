#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// The site config file, wegwijzer.yaml in the site directory. Every key is optional so that a
// folder holding only content/ builds.
struct SiteConfig {
  static constexpr const char* kFileName = "wegwijzer.yaml";

  std::string title = "Wegwijzer";
  std::string description;
  // No trailing slash. Empty: a local build, without what needs an absolute address (canonical
  // links, the sitemap); never a made-up host.
  std::string base_url;
  std::string language = "nl";
  std::string data_dir = "content/data";  // JSON data files, not pages
  int stale_after_months = 12;  // facts and pages older than this: warning; twice this: error
  // Phone numbers typed into pages or templates are errors; these short numbers count too, and
  // the allowed text ("113.nl", an organisation's name) may stand as written.
  std::vector<std::string> short_numbers;
  std::vector<std::string> allowed_literals;
  nlohmann::json params = nlohmann::json::object();
};

// Reads the config file if there is one; problems go to `diags`.
SiteConfig load_config(const FileSystem& fs, Diagnostics* diags);

// "https://x.nl/" -> "https://x.nl"; false when it is not an absolute http(s) URL of a host's
// root (the site links from "/").
bool normalize_base_url(std::string* url);

}  // namespace wegwijzer
