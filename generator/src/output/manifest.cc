#include "output/manifest.h"

// SHA256_Init and the rest are deprecated in OpenSSL 3 in favour of EVP, but they are what keeps
// the generator off OpenSSL's shared library: linked from libcrypto.a (generator/CMakeLists.txt)
// they bring 40 KB and nothing to do at start-up, where loading libcrypto.so costs every run
// about 4 ms. They use the processor's SHA instructions as EVP does.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wegwijzer {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, data.data(), data.size());
  SHA256_Final(digest, &context);
  static const char kHex[] = "0123456789abcdef";
  std::string hex(2 * SHA256_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

bool ManifestOutput::write(const std::string& path, std::string_view data, std::string* error) {
  std::string hash = sha256_hex(data);  // outside the lock: writers run in parallel
  {
    std::lock_guard lock(mutex_);
    hashes_.emplace_back(path, std::move(hash));
  }
  return inner_->write(path, data, error);
}

std::string ManifestOutput::manifest() const {
  std::lock_guard lock(mutex_);
  // Sorted by path once at the end: a map kept sorted under the lock made the writers wait for
  // each other. A path written twice keeps its last hash, as the file does.
  std::vector<const std::pair<std::string, std::string>*> lines;
  lines.reserve(hashes_.size());
  for (const auto& entry : hashes_) lines.push_back(&entry);
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i + 1 < lines.size() && lines[i + 1]->first == lines[i]->first) continue;
    out.append(lines[i]->second).append("  ").append(lines[i]->first).append("\n");
  }
  return out;
}

namespace {

namespace fs = std::filesystem;

bool read_whole(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// "<64 hex>  <path>" lines; false at the first line that is not one.
bool parse_manifest(const std::string& text, std::map<std::string, std::string>* entries) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0) return false;
    (*entries)[line.substr(66)] = line.substr(0, 64);
  }
  return true;
}

}  // namespace

ManifestCheck verify_manifest(const std::string& dir) {
  ManifestCheck check;
  std::string text;
  std::map<std::string, std::string> entries;
  if (!read_whole(fs::path(dir) / kManifestName, &text)) {
    check.error = "no " + std::string(kManifestName) + " in " + dir;
    return check;
  }
  if (!parse_manifest(text, &entries)) {
    check.error = std::string(kManifestName) + " is not a list of \"<sha256>  <path>\" lines";
    return check;
  }
  for (const auto& [path, hash] : entries) {
    std::string data;
    if (!read_whole(fs::path(dir) / path, &data)) {
      check.missing.push_back(path);
    } else if (sha256_hex(data) != hash) {
      check.changed.push_back(path);
    }
    ++check.checked;
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string path = fs::relative(it->path(), dir).generic_string();
    if (path != kManifestName && path != StagedDirectoryOutput::kMarker && !entries.count(path)) {
      check.extra.push_back(path);
    }
  }
  std::sort(check.extra.begin(), check.extra.end());
  return check;
}

}  // namespace wegwijzer
