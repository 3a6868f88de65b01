#include "search/index_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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

// --- A whole built site, for tests/search/run.sh ------------------------------------------------
// Until `wegwijzer build` writes the index itself, this hidden test ("[.]": it runs only when
// asked for by name) indexes a built site folder in place: WEGWIJZER_SEARCH_SITE=DIR
// wegwijzer_tests "[search-site]". Title and section come from each page's <title> and
// breadcrumbs, where the pipeline will give its own.

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The decoded text between `open` (a tag's start) and `close`, after `from`.
std::string element_text(const std::string& html, const std::string& open, const std::string& close,
                         size_t from = 0) {
  size_t start = html.find(open, from);
  if (start == std::string::npos) return {};
  start = html.find('>', start) + 1;
  size_t end = html.find(close, start);
  std::string inner = "<main>" + html.substr(start, end - start) + "</main>";
  return extract_document(inner, {}).body;
}

PageInfo page_info(const std::string& html, const std::string& url) {
  std::string title = element_text(html, "<title", "</title>");
  size_t dash = title.rfind(" \u2013 ");
  if (dash != std::string::npos) title.resize(dash);
  std::string section;
  size_t crumbs = html.find("ww-breadcrumbs");
  std::vector<std::string> trail;
  for (size_t at = html.find("<li", crumbs);
       crumbs != std::string::npos && at < html.find("</ol>", crumbs);
       at = html.find("<li", at + 1)) {
    trail.push_back(element_text(html, "<li", "</li>", at));
  }
  if (trail.size() >= 3) section = trail[trail.size() - 2];
  size_t lang = html.find("<html lang=\"");
  std::string language = lang == std::string::npos ? "" : html.substr(lang + 12, 2);
  return {url, title, section, language, {}};
}

TEST_CASE("index writer: a built site folder, indexed in place", "[.][search-site]") {
  const char* dir = std::getenv("WEGWIJZER_SEARCH_SITE");
  REQUIRE(dir != nullptr);
  namespace fs = std::filesystem;
  std::vector<Document> docs;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().filename() != "index.html") continue;
    std::string folder = fs::relative(entry.path().parent_path(), dir).generic_string();
    std::string url = folder == "." ? "/" : "/" + folder + "/";
    if (url.starts_with("/zoeken")) continue;
    std::string html = read_text(entry.path());
    docs.push_back(extract_document(html, page_info(html, url)));
  }
  IndexOptions options;
  const char* synonyms = std::getenv("WEGWIJZER_SEARCH_SYNONYMS");
  std::string synonyms_path =
      synonyms ? synonyms : WEGWIJZER_SOURCE_DIR "/tests/search/synoniemen.yaml";
  Diagnostics diags;
  options.synonyms = parse_synonyms(read_text(synonyms_path), synonyms_path, &diags);
  std::map<std::string, std::string> files = build_index(docs, options, &diags);
  INFO(format_diagnostics(diags));
  CHECK(diags.error_count() == 0);
  fs::remove_all(fs::path(dir) / options.prefix);
  size_t total = 0;
  size_t largest_shard = 0;
  for (const auto& [path, bytes] : files) {
    fs::create_directories((fs::path(dir) / path).parent_path());
    std::ofstream(fs::path(dir) / path, std::ios::binary) << bytes;
    total += bytes.size();
    if (path.find("/s/") != std::string::npos)
      largest_shard = std::max(largest_shard, bytes.size());
  }
  WARN(docs.size() << " pages, " << files.size() << " files, " << total << " bytes; meta.json "
                   << files.at(options.prefix + "meta.json").size() << " bytes, largest shard "
                   << largest_shard << " bytes");
  CHECK(docs.size() > 0);
}

}  // namespace
}  // namespace wegwijzer::search
