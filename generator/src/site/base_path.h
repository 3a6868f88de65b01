#pragma once

#include <string>
#include <string_view>

#include "output/output.h"

namespace wegwijzer {

// A site published under a path (base_url https://x.github.io/wegwijzer/) keeps its URLs from
// the root while it is built ("/crisis/"); what is published puts the path before each, so the
// same pages, memo and checks serve both kinds of site.

// "/crisis/" -> "/wegwijzer/crisis/"; a URL not from the root ("https://…", "//host/…", "#x",
// "a/b") is returned as it is, and so is everything when base_path is "".
std::string with_base_path(std::string_view url, std::string_view base_path);

// The HTML with base_path before every root-relative URL in an attribute that holds URLs: href,
// src, action, formaction, poster, cite, srcset, data-* (each space-separated URL of the value,
// as the search's list of scripts), and the url= of a meta refresh. Text is never touched: in
// this generator's HTML a quote in text is always written &quot;.
std::string html_with_base_path(std::string_view html, std::string_view base_path);

// Writes through to another Output, the HTML files with html_with_base_path. Set the path once
// the config is read; until then, and with "", files pass unchanged.
class BasePathOutput : public Output {
 public:
  explicit BasePathOutput(Output* inner) : inner_(inner) {}
  void set_base_path(std::string path) { base_path_ = std::move(path); }
  bool write(const std::string& path, std::string_view data, std::string* error) override;

 private:
  Output* inner_;
  std::string base_path_;
};

}  // namespace wegwijzer
