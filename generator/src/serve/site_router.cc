#include "serve/site_router.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace wegwijzer {
namespace {

// A path the output can hold: no empty, "." or ".." segments, no NUL or backslash. Anything
// else is not in the output anyway; refusing it early keeps the lookups simple.
bool is_plain(std::string_view rel) {
  if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string_view part = rel.substr(start, slash - start);
    if ((part.empty() && slash != rel.size()) || part == "." || part == "..") return false;
    start = slash + 1;
  }
  return true;
}

std::shared_ptr<const std::string> find(const OutputFiles& files, const std::string& rel) {
  auto it = files.find(rel);
  return it == files.end() ? nullptr : it->second;
}

}  // namespace

std::string content_type_for(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".pdf", "application/pdf"},
      {".mp4", "video/mp4"},
      {".webm", "video/webm"},
      {".mp3", "audio/mpeg"},
      {".wasm", "application/wasm"},
      {".map", "application/json"},
  };
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string ext(path.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& [suffix, type] : kTypes) {
      if (ext == suffix) return std::string(type);
    }
  }
  return "application/octet-stream";
}

Route route_request(const OutputFiles& files, std::string_view path, std::string_view query) {
  Route route;
  std::string rel = path.starts_with("/") ? std::string(path.substr(1)) : std::string();
  if (path.starts_with("/") && is_plain(rel)) {
    std::string file = rel.empty() || rel.ends_with("/") ? rel + "index.html" : rel;
    if (auto body = find(files, file)) {
      route.content_type = content_type_for(file);
      route.body = std::move(body);
      return route;
    }
    if (!rel.empty() && !rel.ends_with("/") && files.count(rel + "/index.html")) {
      route.status = 301;
      route.location = std::string(path) + "/" + (query.empty() ? "" : "?" + std::string(query));
      return route;
    }
  }
  route.status = 404;
  route.content_type = "text/html; charset=utf-8";
  route.body = find(files, "404.html");
  if (!route.body) {
    route.body = std::make_shared<const std::string>(
        "<!DOCTYPE html>\n<title>Niet gevonden</title>\n<h1>Niet gevonden</h1>\n");
  }
  return route;
}

}  // namespace wegwijzer
