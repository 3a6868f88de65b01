#include "search/stemmer.h"

#include <catch2/catch.hpp>
#include <thread>

namespace wegwijzer::search {
namespace {

TEST_CASE("stemmer: Dutch forms of a word meet in one stem") {
  Stemmer dutch("nl");
  CHECK(dutch.algorithm() == "dutch");
  CHECK(dutch.stem("gedachten") == dutch.stem("gedachte"));
  CHECK(dutch.stem("wachtlijsten") == dutch.stem("wachtlijst"));
  CHECK(dutch.stem("huisartsen") == "huisarts");
  CHECK(dutch.stem("zelfmoordgedachten") == "zelfmoordgedacht");
}

TEST_CASE("stemmer: the language picks the algorithm; an unknown one stems nothing") {
  Stemmer english("en");
  CHECK(english.algorithm() == "english");
  CHECK(english.stem("thoughts") == "thought");
  CHECK(english.stem("gedachten") != Stemmer("nl").stem("gedachten"));
  CHECK(Stemmer("nl-BE").algorithm() == "dutch");
  Stemmer none("tlh");
  CHECK(none.algorithm().empty());
  CHECK(none.stem("gedachten") == "gedachten");
}

TEST_CASE("stemmer: one object serves several threads") {
  Stemmer dutch("nl");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (dutch.stem(t % 2 ? "klachten" : "wachtlijsten") != (t % 2 ? "klacht" : "wachtlijst")) {
          ++wrong[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}

}  // namespace
}  // namespace wegwijzer::search
