#include "search/stemmer.h"

#include <libstemmer.h>

#include <utility>

namespace wegwijzer::search {

std::string Stemmer::algorithm_for(std::string_view language) {
  // ISO 639-1 codes of the languages libstemmer 2.2.0 has an algorithm for.
  static const std::pair<std::string_view, std::string_view> kAlgorithms[] = {
      {"da", "danish"},  {"de", "german"},    {"en", "english"},    {"es", "spanish"},
      {"fi", "finnish"}, {"fr", "french"},    {"hu", "hungarian"},  {"it", "italian"},
      {"nl", "dutch"},   {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
      {"ru", "russian"}, {"sv", "swedish"},   {"tr", "turkish"},
  };
  // "nl-BE" stems as "nl".
  std::string_view base = language.substr(0, language.find('-'));
  for (const auto& [code, name] : kAlgorithms) {
    if (base == code) return std::string(name);
  }
  return {};
}

Stemmer::Stemmer(std::string_view language)
    : language_(language), algorithm_(algorithm_for(language)) {
  if (!algorithm_.empty()) stemmer_ = sb_stemmer_new(algorithm_.c_str(), nullptr);
  if (stemmer_ == nullptr) algorithm_.clear();  // a libstemmer built without it
}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string Stemmer::stem(std::string_view word) const {
  if (stemmer_ == nullptr || word.empty()) return std::string(word);
  std::lock_guard<std::mutex> lock(mutex_);
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // out of memory inside libstemmer
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer_));
}

}  // namespace wegwijzer::search
