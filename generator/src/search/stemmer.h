#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace wegwijzer::search {

// Snowball stemming through Debian's libstemmer (2.2.0: its "dutch" is the original Porter-style
// algorithm, which site-assets/js/zoeken.js ports to the browser; Snowball 3.0 replaced it, so a
// newer libstemmer would need a new port). One object may be shared by threads: libstemmer's
// stemmer keeps its work in the object, so calls take turns (threads that stem much each make their
// own).
class Stemmer {
 public:
  // language: a site language such as "nl" or "en"; one libstemmer does not know stems nothing.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a lowercase (folded) word; the word itself without an algorithm.
  std::string stem(std::string_view word) const;
  // The Snowball algorithm in use ("dutch"), empty when words are left as they are.
  const std::string& algorithm() const { return algorithm_; }
  // The language it was made for: another Stemmer made for it stems the same.
  const std::string& language() const { return language_; }

  // The Snowball algorithm for a site language, empty when there is none.
  static std::string algorithm_for(std::string_view language);

 private:
  std::string language_;
  std::string algorithm_;
  sb_stemmer* stemmer_ = nullptr;
  mutable std::mutex mutex_;
};

}  // namespace wegwijzer::search
