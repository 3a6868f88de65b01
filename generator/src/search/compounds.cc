#include "search/compounds.h"

#include <optional>

namespace wegwijzer::search {

namespace {

// The linking morphemes Dutch puts between the parts of a compound; "" is no link.
constexpr std::string_view kLinks[] = {"", "s", "e", "en"};

class Splitter {
 public:
  Splitter(std::string_view word, const std::function<bool(std::string_view)>& known)
      : word_(word), known_(known), memo_(word.size() + 1), done_(word.size() + 1, false) {}

  // The best split of word_[from..] into known parts (a single part when it is known itself,
  // unless `from` is 0: the whole word does not count as a split of itself).
  std::optional<std::vector<std::string>> best(size_t from) {
    if (done_[from]) return memo_[from];
    std::optional<std::vector<std::string>> found;
    for (size_t end = word_.size(); end >= from + kMinCompoundPart; --end) {
      std::string_view part = word_.substr(from, end - from);
      if (!known_(part)) continue;
      if (end == word_.size()) {
        if (from > 0) keep_if_better({std::string(part)}, &found);
        continue;
      }
      for (std::string_view link : kLinks) {
        if (word_.substr(end, link.size()) != link || end + link.size() >= word_.size()) continue;
        std::optional<std::vector<std::string>> rest = best(end + link.size());
        if (!rest) continue;
        std::vector<std::string> parts{std::string(part)};
        parts.insert(parts.end(), rest->begin(), rest->end());
        keep_if_better(std::move(parts), &found);
      }
    }
    done_[from] = true;
    memo_[from] = found;
    return found;
  }

 private:
  // Fewest parts wins; on a tie the earlier candidate stays, and candidates come longest first.
  static void keep_if_better(std::vector<std::string> parts,
                             std::optional<std::vector<std::string>>* found) {
    if (!*found || parts.size() < (*found)->size()) *found = std::move(parts);
  }

  std::string_view word_;
  const std::function<bool(std::string_view)>& known_;
  std::vector<std::optional<std::vector<std::string>>> memo_;
  std::vector<bool> done_;
};

}  // namespace

std::vector<std::string> split_compound(std::string_view word,
                                        const std::function<bool(std::string_view)>& known) {
  if (word.size() < 2 * kMinCompoundPart) return {};
  std::optional<std::vector<std::string>> parts = Splitter(word, known).best(0);
  if (!parts || parts->size() < 2) return {};
  return *parts;
}

}  // namespace wegwijzer::search
