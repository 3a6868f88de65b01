#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/output.h"

namespace wegwijzer {

// The name of the manifest a build publishes beside the site: one line per published file,
// "<sha256 in hex>  <path>", sorted by path (the format of sha256sum, so `sha256sum -c` reads it
// too). Anyone can compare what a server serves with what CI built.
constexpr const char* kManifestName = "manifest.sha256";

// SHA-256 of `data` in lower-case hex (OpenSSL).
std::string sha256_hex(std::string_view data);

// Passes every file on to `inner` and remembers its SHA-256 (thread-safe, like Output).
class ManifestOutput : public Output {
 public:
  explicit ManifestOutput(Output* inner) : inner_(inner) {}
  bool write(const std::string& path, std::string_view data, std::string* error) override;
  // The manifest of everything written so far.
  std::string manifest() const;

 private:
  Output* inner_;
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> hashes_;  // path, hex; in the order written
};

// What `wegwijzer verify DIR` finds: files the manifest names that are missing or differ, and
// files in DIR that it does not name.
struct ManifestCheck {
  std::string error;  // the manifest could not be read or parsed
  std::vector<std::string> missing, changed, extra;
  size_t checked = 0;
  bool ok() const { return error.empty() && missing.empty() && changed.empty() && extra.empty(); }
};
ManifestCheck verify_manifest(const std::string& dir);

}  // namespace wegwijzer
