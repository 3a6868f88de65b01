#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wegwijzer {

// Each input's own hash under its name, kept when a key must be able to say what went into it.
using FingerprintInputs = std::vector<std::pair<std::string, uint64_t>>;

// The one way the build memo makes a key: named inputs, each written unambiguously (a tag from
// its name, its length, its bytes) into one buffer that is hashed once (xxh3), as ccache hashes
// tagged inputs. With `inputs` given it also records each named input's own hash, so that two
// keys can be compared input by input ("why was this page rebuilt?").
class Fingerprint {
 public:
  explicit Fingerprint(FingerprintInputs* inputs = nullptr);

  Fingerprint& add(std::string_view name, std::string_view bytes);
  Fingerprint& add(std::string_view name, uint64_t value);
  // Structure without a value (the start or end of a list, say).
  Fingerprint& mark(char kind);
  uint64_t digest() const;

  // For a writer that appends many small values to one key (site/context.cc): the raw buffer.
  void append(const void* data, size_t n) { buf_.append(static_cast<const char*>(data), n); }
  // A name's tag: FNV-1a of its bytes, the kind in the top byte. Equal in every process, so a key
  // can be compared and shown; constexpr and inline because the names are literals and a rebuild
  // of a large site tags a few million of them.
  static constexpr uint64_t tag(char kind, std::string_view name) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h ^ (uint64_t{static_cast<unsigned char>(kind)} << 56);
  }

 private:
  std::string buf_;
  FingerprintInputs* inputs_;
};

// The names whose hashes differ between two records of the same key's inputs (an input present
// in one only counts as changed), joined with ", "; empty when none differ.
std::string changed_inputs(const FingerprintInputs& before, const FingerprintInputs& after);

}  // namespace wegwijzer
