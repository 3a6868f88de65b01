#pragma once

// For property tests: texts made of randomly chosen pieces of the syntax under test, the same
// sequence for the same seed on every run.

#include <random>
#include <string>
#include <vector>

namespace wegwijzer {

class TextsFromPiecesForTest {
 public:
  TextsFromPiecesForTest(std::vector<std::string> pieces, size_t max_pieces, unsigned seed)
      : pieces_(std::move(pieces)),
        rng_(seed),
        piece_(0, pieces_.size() - 1),
        length_(1, max_pieces) {}

  // One to max_pieces pieces, joined.
  std::string next() {
    std::string text;
    for (size_t n = length_(rng_); n > 0; --n) text += pieces_[piece_(rng_)];
    return text;
  }

 private:
  std::vector<std::string> pieces_;
  std::mt19937 rng_;
  std::uniform_int_distribution<size_t> piece_, length_;
};

}  // namespace wegwijzer
