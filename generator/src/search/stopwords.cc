#include "search/stopwords.h"

namespace wegwijzer::search {

const std::set<std::string>& stopwords(std::string_view language) {
  // Articles, pronouns, prepositions, conjunctions and auxiliary verbs; no word that carries a
  // topic ("hulp", "zorg") and none a reader may search on its own ("geen", "niet" are kept out
  // because they never are).
  static const std::set<std::string> kDutch = {
      "aan",  "al",    "als",    "ben",  "bent", "bij",  "dan",  "dat",   "de",  "deze",
      "die",  "dit",   "door",   "dus",  "een",  "en",   "er",   "geen",  "had", "heb",
      "hebt", "heeft", "het",    "hij",  "hoe",  "hun",  "ik",   "in",    "is",  "je",
      "jij",  "jou",   "jouw",   "kan",  "kun",  "kunt", "maar", "me",    "met", "mij",
      "mijn", "moet",  "na",     "naar", "niet", "nog",  "nu",   "of",    "om",  "ons",
      "onze", "ook",   "op",     "over", "te",   "tot",  "u",    "uit",   "uw",  "van",
      "veel", "voor",  "waar",   "was",  "wat",  "we",   "wel",  "welke", "wie", "wij",
      "wil",  "wordt", "worden", "zal",  "ze",   "zich", "zij",  "zijn",  "zo",  "zou",
  };
  static const std::set<std::string> kNone;
  return language.substr(0, language.find('-')) == "nl" ? kDutch : kNone;
}

}  // namespace wegwijzer::search
