#include "util/fingerprint.h"

#include <xxhash.h>

#include <map>

namespace wegwijzer {

Fingerprint::Fingerprint(FingerprintInputs* inputs) : inputs_(inputs) {}

Fingerprint& Fingerprint::add(std::string_view name, std::string_view bytes) {
  uint64_t head[] = {tag('s', name), bytes.size()};
  append(head, sizeof head);
  buf_.append(bytes);
  if (inputs_) inputs_->emplace_back(name, XXH3_64bits(bytes.data(), bytes.size()));
  return *this;
}

Fingerprint& Fingerprint::add(std::string_view name, uint64_t value) {
  uint64_t head[] = {tag('u', name), value};
  append(head, sizeof head);
  if (inputs_) inputs_->emplace_back(name, value);
  return *this;
}

Fingerprint& Fingerprint::mark(char kind) {
  uint64_t m = uint64_t{static_cast<unsigned char>(kind)} << 56;
  append(&m, sizeof m);
  return *this;
}

uint64_t Fingerprint::digest() const {
  return XXH3_64bits(buf_.data(), buf_.size());
}

std::string changed_inputs(const FingerprintInputs& before, const FingerprintInputs& after) {
  std::map<std::string, std::pair<uint64_t, uint64_t>> both;  // name -> (before, after); 0: absent
  for (const auto& [name, hash] : before) both[name].first = hash | 1;
  for (const auto& [name, hash] : after) both[name].second = hash | 1;
  std::string out;
  for (const auto& [name, hashes] : both) {
    if (hashes.first == hashes.second) continue;
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace wegwijzer
