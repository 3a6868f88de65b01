#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "site/build_memo.h"

namespace wegwijzer {

// What the dev server answers for a path, from one build's files, as a static host would:
// "/a/" serves a/index.html, "/a" redirects to "/a/" when that is a page, anything missing gets
// the site's own 404.html with status 404.
struct Route {
  int status = 200;
  std::string content_type;
  std::shared_ptr<const std::string> body;
  std::string location;  // for redirects
};

// `path` is the decoded request path ("/a/b/"), `query` what followed '?'.
Route route_request(const OutputFiles& files, std::string_view path, std::string_view query);

// "text/html; charset=utf-8" for "a/index.html"; by extension, application/octet-stream when
// unknown.
std::string content_type_for(std::string_view path);

}  // namespace wegwijzer
