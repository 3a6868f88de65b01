#include "output/manifest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace wegwijzer {

namespace {

// Fetched once: EVP_sha256() makes OpenSSL 3 look the implementation up again on every call,
// under a lock the build's threads would share.
const EVP_MD* sha256_method() {
  static EVP_MD* const method = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return method;
}

struct ContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

// One digest context a thread, used again for every file: EVP_Digest makes and frees one each
// time, which cost a third as much as hashing the 6 KB of a typical page.
EVP_MD_CTX* thread_context() {
  thread_local std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  return context.get();
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  const EVP_MD* method = sha256_method();
  EVP_MD_CTX* context = thread_context();
  if (context == nullptr || !EVP_DigestInit_ex(context, method ? method : EVP_sha256(), nullptr) ||
      !EVP_DigestUpdate(context, data.data(), data.size()) ||
      !EVP_DigestFinal_ex(context, digest, &size)) {
    EVP_Digest(data.data(), data.size(), digest, &size, method ? method : EVP_sha256(), nullptr);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
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
