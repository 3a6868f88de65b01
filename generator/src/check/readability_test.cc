#include "check/readability.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("dutch_syllables counts vowel groups") {
  CHECK(dutch_syllables("huisarts") == 2);
  CHECK(dutch_syllables("zorgverzekeraar") == 5);
  CHECK(dutch_syllables("cliënt") == 2);
  CHECK(dutch_syllables("ideeën") == 3);
  CHECK(dutch_syllables("bij") == 1);
  CHECK(dutch_syllables("wachttijd") == 2);
  CHECK(dutch_syllables("hmm") == 1);
}

TEST_CASE("measure_readability separates easy from hard text") {
  Readability easy = measure_readability(
      "Bel je huisarts. Zeg wat er is. De huisarts luistert.\nJe krijgt hulp.\n");
  CHECK(easy.sentences == 4);
  CHECK(easy.words == 13);
  CHECK(easy.words_per_sentence == Approx(3.25));
  CHECK(easy.flesch_douma > 60);

  Readability hard = measure_readability(
      "Indien de zorgverzekeraar niet tijdig voorziet in adequate zorgbemiddeling, "
      "verdient het aanbeveling om de cliëntondersteuner te consulteren teneinde escalatie "
      "naar het bestuurlijke niveau te bewerkstelligen.");
  CHECK(hard.sentences == 1);
  CHECK(hard.flesch_douma < 30);
  CHECK(hard.long_word_share > 0.15);
}

TEST_CASE("the site's own terms do not count as long words") {
  const std::vector<std::string> terms = {"cliëntondersteun"};
  CHECK(measure_readability("Vraag een cliëntondersteuner.", terms).long_words == 0);
  CHECK(measure_readability("Vraag een cliëntondersteuner.").long_words == 1);
  CHECK(measure_readability("Vraag een onafhankelijkheidsverklaring.", terms).long_words == 1);
}

TEST_CASE("numbers are not counted as words") {
  Readability r = measure_readability("Bel 112 of 0800-0113.");
  CHECK(r.words == 2);
}

}  // namespace wegwijzer
