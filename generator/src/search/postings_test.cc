#include "search/postings.h"

#include <catch2/catch.hpp>

#include "search/stopwords.h"

namespace wegwijzer::search {
namespace {

Document page(std::string url, std::string title, std::string section, std::string h1,
              std::vector<std::string> headings, std::string body) {
  Document doc;
  doc.info = {std::move(url), std::move(title), std::move(section), "nl", {}};
  doc.heading1 = h1;
  doc.headings = std::move(headings);
  if (!h1.empty()) doc.headings.insert(doc.headings.begin(), h1);
  doc.body = std::move(body);
  doc.has_main = true;
  return doc;
}

TEST_CASE("postings: weights by field, stop words out, stems shared") {
  Stemmer dutch("nl");
  std::vector<Document> docs = {
      page("/a/", "Wachtlijsten", "", "Wachten op zorg", {"Wat doe je?"}, "De wachtlijst is lang."),
      page("/b/", "Klachten", "", "", {}, "Een klacht over de lijst en de wachtlijst.")};
  docs[1].info.keywords = {"klachtenregeling"};
  PostingTable table = collect_postings(docs, dutch, stopwords("nl"));
  CHECK(table.terms["wachtlijst"] ==
        std::vector<Posting>{{0, kTitleWeight + kBodyWeight}, {1, kBodyWeight}});
  // "wachtlijst" is "wacht" + "lijst": the parts count half the compound's weight, at least 1.
  CHECK(table.terms["wacht"] ==
        std::vector<Posting>{{0, kHeading1Weight + (kTitleWeight + kBodyWeight) / 2},
                             {1, kBodyWeight / 2}});
  CHECK(table.terms["lijst"] ==
        std::vector<Posting>{{0, (kTitleWeight + kBodyWeight) / 2}, {1, kBodyWeight + 1}});
  CHECK(table.terms["klacht"] == std::vector<Posting>{{1, kTitleWeight + kBodyWeight}});
  CHECK(table.terms[dutch.stem("klachtenregeling")] == std::vector<Posting>{{1, kKeywordWeight}});
  CHECK(table.terms["doe"] == std::vector<Posting>{{0, kHeadingWeight}});
  CHECK(table.terms.count("de") == 0);
  CHECK(table.terms.count("je") == 0);
  CHECK(table.lengths == std::vector<int>{5, 3});  // headings and body, no stop words
}

TEST_CASE("postings: words of a template count less on the pages it made") {
  Stemmer dutch("nl");
  std::vector<Document> docs;
  for (int i = 0; i < 12; ++i) {
    std::string name = "Plaats" + std::string(1, char('a' + i));
    docs.push_back(page("/g/" + name + "/", name, "Gemeenten", "", {"Denk je aan zelfdoding?"},
                        "Bel je huisarts in " + name + "."));
  }
  docs.push_back(page("/crisis/", "Crisis", "", "", {"Denk je aan zelfdoding?"}, "Zelfdoding."));
  PostingTable table = collect_postings(docs, dutch, stopwords("nl"));
  const std::vector<Posting>& zelfdoding = table.terms[dutch.stem("zelfdoding")];
  REQUIRE(zelfdoding.size() == 13);
  CHECK(zelfdoding[0].weight == kHeadingWeight / kTemplateDamping);
  CHECK(zelfdoding[12].weight == kHeadingWeight + kBodyWeight);
  CHECK(table.terms["plaatsa"] == std::vector<Posting>{{0, kTitleWeight + kBodyWeight}});
}

TEST_CASE("postings: the stems of a text, without stop words and lone letters") {
  Stemmer dutch("nl");
  CHECK(stems_of("'s Avonds bel je 7 dagen", dutch, stopwords("nl")) ==
        std::vector<std::string>{"avond", "bel", "7", "dag"});
}

TEST_CASE("postings: the keys of the synonyms count as parts of compounds") {
  Stemmer dutch("nl");
  std::vector<Document> docs = {
      page("/a/", "A", "", "", {}, "Bel 113 Zelfmoordpreventie. Over preventie.")};
  CHECK(collect_postings(docs, dutch, stopwords("nl"), {"zelfmoord"}).terms["zelfmoord"] ==
        std::vector<Posting>{{0, 1}});
  CHECK(collect_postings(docs, dutch, stopwords("nl")).terms.count("zelfmoord") == 0);
}

TEST_CASE("postings: stems kept between builds give the same table") {
  Stemmer dutch("nl");
  std::vector<Document> docs = {
      page("/a/", "Wachtlijsten", "", "Wachten op zorg", {"Wat doe je?"}, "De wachtlijst."),
      page("/b/", "Klachten", "", "", {}, "Een klacht over de wachtlijst.")};
  PageStemsCache cache;
  PostingTable fresh = collect_postings(docs, dutch, stopwords("nl"));
  CHECK(collect_postings(docs, dutch, stopwords("nl"), {}, &cache).terms == fresh.terms);
  CHECK(cache.hits() == 0);
  cache.end_build();

  // One page changes: the other's stems come from the cache, the table is as a fresh one.
  docs[1].body = "Een klacht over de zorg.";
  PostingTable again = collect_postings(docs, dutch, stopwords("nl"), {}, &cache);
  CHECK(again.terms == collect_postings(docs, dutch, stopwords("nl")).terms);
  CHECK(again.lengths == collect_postings(docs, dutch, stopwords("nl")).lengths);
  CHECK(cache.hits() == 1);
  cache.end_build();
  CHECK(cache.size() == 2);  // the old version of the changed page is gone

  // Other stop words make other stems: nothing is taken from the cache.
  collect_postings(docs, dutch, {"klacht"}, {}, &cache);
  CHECK(cache.hits() == 1);
}

TEST_CASE("postings: pages stemmed on several threads give the table of one thread") {
  Stemmer dutch("nl");
  std::vector<Document> docs;
  const char* bodies[] = {"De wachtlijst is lang.", "Bel je huisarts.", "Klachten over zorg.",
                          "Wachten op een plek.", "Crisisdienst en huisartsenpost."};
  for (int i = 0; i < 40; ++i) {
    std::string name = "Pagina" + std::to_string(i);
    docs.push_back(page("/p" + std::to_string(i) + "/", name, "", "", {}, bodies[i % 5]));
  }
  PostingTable one = collect_postings(docs, dutch, stopwords("nl"));
  for (int jobs : {2, 3}) {
    PostingTable many = collect_postings(docs, dutch, stopwords("nl"), {}, nullptr, jobs);
    CHECK(many.terms == one.terms);
    CHECK(many.lengths == one.lengths);
    PageStemsCache cache;
    PostingTable cached = collect_postings(docs, dutch, stopwords("nl"), {}, &cache, jobs);
    CHECK(cached.terms == one.terms);
    CHECK(cache.size() == docs.size());
  }
}

}  // namespace
}  // namespace wegwijzer::search
