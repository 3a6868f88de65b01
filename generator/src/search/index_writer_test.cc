#include "search/index_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace wegwijzer::search {
namespace {

using nlohmann::json;

std::vector<Document> small_site() {
  auto page = [](std::string url, std::string title, std::string section, std::string main) {
    return extract_document("<main>" + main + "</main>", {url, title, section, "nl", {}});
  };
  std::vector<Document> docs = {
      page("/wachten-op-zorg/", "Wachten op zorg", "",
           "<h1>Wachten op zorg</h1><p>Sta je op een wachtlijst? Bel je huisarts.</p>"),
      page("/crisis/", "Hulp bij crisis", "",
           "<h1>Hulp bij crisis</h1><h2>Denk je aan zelfdoding?</h2><p>Bel 113.</p>"),
      page("/route/v2/", "Waar kan ik terecht?", "Route", "<h1>Bel 112</h1><p>Nu.</p>"),
      page("/route/v3/", "Waar kan ik terecht?", "Route", "<h1>Zelfdoding</h1><p>Bel 113.</p>"),
      page("/geen-main/", "Kapot", "", ""),
      page("/en/crisis/", "Crisis", "", "<h1>Suicidal thoughts</h1>")};
  docs[4].has_main = false;
  docs[5].info.language = "en";  // another language's index
  docs[1].info.keywords = {"suïcide"};
  return docs;
}

IndexOptions options() {
  IndexOptions o;
  o.prefix = "zoeken/nl/";
  o.shard_bytes = 100;
  Diagnostics ignored;
  o.synonyms = parse_synonyms("hap: huisartsenpost\n", "s.yaml", &ignored);
  return o;
}

TEST_CASE("index writer: the files, one term's shard and the page table") {
  Diagnostics diags;
  std::map<std::string, std::string> files = build_index(small_site(), options(), &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(format_diagnostics(diags) ==
        "/geen-main/: warning: the page has no <main> element, so the search index (zoeken/nl/) "
        "leaves it out\n");
  json meta = json::parse(files.at("zoeken/nl/meta.json"));
  // URL order: /crisis/, /route/v2/, /route/v3/, /wachten-op-zorg/; shared titles give way to <h1>.
  CHECK(meta["pages"] == json::parse(R"([[0, "/crisis/", "Hulp bij crisis", 0, 6],
                                         [1, "route/v2/", "Bel 112", 1, 2],
                                         [8, "3/", "Zelfdoding", 1, 3],
                                         [1, "wachten-op-zorg/", "Wachten op zorg", 0, 6]])"));
  CHECK(meta["sec"] == json::parse(R"(["", "Route"])"));
  CHECK(meta["syn"] == json::parse(R"({"hap": ["huisartsenpost"]})"));
  CHECK(meta["stem"] == "dutch");
  CHECK(meta["part"] == 4);
  CHECK(meta["avg"] == 4);  // (6 + 2 + 3 + 6) / 4, rounded
  std::vector<std::string> keys = meta["keys"];
  auto zk = std::find(keys.begin(), keys.end(), "z");
  REQUIRE(zk != keys.end());
  std::string shard = files.at("zoeken/nl/s/" + std::to_string(zk - keys.begin()) + ".json");
  // "zelfdoding" stems to "zelfdod": an <h2> of /crisis/ (6), the <h1> of /route/v3/ (10);
  // zorg: the title (20) and <h1> (10) of /wachten-op-zorg/, 30 = "u" in base 36.
  CHECK(shard == R"({"zelfdod":"1.6,2.a","zorg":"4.u"})");
  CHECK(files.at("zoeken/nl/p/0.txt") == "Hulp bij crisis\nDenk je aan zelfdoding?\nBel 113.");
  CHECK(files.count("zoeken/nl/p/4.txt") == 0);
}

TEST_CASE("index writer: the same pages in any order give the same bytes") {
  Diagnostics a_diags;
  Diagnostics b_diags;
  std::vector<Document> docs = small_site();
  std::map<std::string, std::string> a = build_index(docs, options(), &a_diags);
  std::reverse(docs.begin(), docs.end());
  std::map<std::string, std::string> b = build_index(docs, options(), &b_diags);
  CHECK(a == b);
  CHECK(a.size() == 1 + json::parse(a.at("zoeken/nl/meta.json"))["keys"].size() + 4);
}

}  // namespace
}  // namespace wegwijzer::search
