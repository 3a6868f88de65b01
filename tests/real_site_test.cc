// Builds the project's own site (content/, templates/, site-assets/ at the repository root) in
// memory and checks what citizens depend on: every gemeente has its page, every page offers the
// crisis route, and nothing is fetched from another origin.

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "data/provenance.h"
#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"

namespace wegwijzer {
namespace {

const std::map<std::string, std::string>& real_site() {
  static const std::map<std::string, std::string> files = [] {
    DiskFileSystem fs(WEGWIJZER_SOURCE_DIR);
    MemoryOutput output;
    BuildOptions options;
    options.jobs = 2;
    options.today = today_iso();
    BuildResult result = build_site(fs, options, &output);
    INFO(format_diagnostics(result.diagnostics));
    REQUIRE(result.ok());
    return output.take();
  }();
  return files;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("real site: all 342 gemeente pages exist and link to the crisis route", "[site]") {
  const auto& files = real_site();
  static const std::regex kGemeentePage(R"(gemeente/[a-z0-9-]+/index\.html)");
  size_t pages = 0;
  for (const auto& [path, html] : files) {
    if (!std::regex_match(path, kGemeentePage)) continue;
    ++pages;
    INFO(path);
    CHECK(html.find("href=\"/crisis/\"") != std::string::npos);
    CHECK(html.find("href=\"tel:112\"") != std::string::npos);
  }
  CHECK(pages == 342);
  CHECK(files.count("gemeente/den-haag/index.html") == 1);
  CHECK(files.count("gemeente/index.html") == 1);
}

TEST_CASE("real site: every page is self-contained, has one h1 and the crisis strip", "[site]") {
  const auto& files = real_site();
  size_t html_pages = 0;
  for (const auto& [path, html] : files) {
    if (!path.ends_with(".html")) continue;
    if (html.find("http-equiv=\"refresh\"") != std::string::npos) continue;  // alias redirects
    ++html_pages;
    INFO(path);
    const char* lang = path.starts_with("en/") ? "<html lang=\"en\"" : "<html lang=\"nl\"";
    CHECK(html.find(lang) != std::string::npos);
    CHECK(count(html, "<h1") == 1);
    CHECK(html.find("href=\"tel:113\"") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);  // no inline script: the CSP forbids it
    CHECK(html.find("style=\"") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("<link rel=\"stylesheet\" href=\"http") == std::string::npos);
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
  }
  CHECK(html_pages > 342 + 15);
}

TEST_CASE("real site: every page stays under 50 KB with its CSS and JS", "[site]") {
  const auto& files = real_site();
  static const std::regex kAsset(R"re((?:href|src)="/(assets/[^"]+\.(?:css|js))")re");
  for (const auto& [path, html] : files) {
    if (!path.ends_with(".html")) continue;
    size_t total = html.size();
    for (std::sregex_iterator it(html.begin(), html.end(), kAsset), end; it != end; ++it) {
      auto asset = files.find((*it)[1].str());
      REQUIRE(asset != files.end());
      total += asset->second.size();
    }
    INFO(path << " weighs " << total << " bytes");
    CHECK(total < 50 * 1024);
  }
}

TEST_CASE("real site: open data and the postcode index are published", "[site]") {
  const auto& files = real_site();
  for (const char* name :
       {"gemeenten", "postcodes", "contacten", "crisis", "tafels", "stappen", "vragen", "regios"}) {
    INFO(name);
    CHECK(files.count(std::string("data/") + name + ".json") == 1);
  }
  CHECK(files.count("data/gemeenten.csv") == 1);
  CHECK(count(files.at("data/gemeenten.csv"), "\n") == 343);
  REQUIRE(files.count("data/postcode/2.json") == 1);
  CHECK(
      files.at("data/postcode/2.json").find("\"2511\":[[\"Den Haag\",\"/gemeente/den-haag/\"]]") !=
      std::string::npos);
  // Unverified facts never reach citizens or the open data.
  for (const auto& [path, data] : files) {
    INFO(path);
    CHECK(data.find("0900-1450") == std::string::npos);
    CHECK(data.find("redactie_noot") == std::string::npos);
  }
}

}  // namespace wegwijzer

namespace wegwijzer {

TEST_CASE("real site: passes wegwijzer check without errors or warnings (B1, fresh data)",
          "[site]") {
  DiskFileSystem fs(WEGWIJZER_SOURCE_DIR);
  MemoryOutput output;
  BuildOptions options;
  options.jobs = 2;
  options.today = today_iso();
  options.editor_checks = true;
  BuildResult result = build_site(fs, options, &output);
  INFO(format_diagnostics(result.diagnostics));
  CHECK(result.diagnostics.error_count() == 0);
  CHECK(result.diagnostics.warning_count() == 0);
}

}  // namespace wegwijzer

namespace wegwijzer {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

// "Gecontroleerd" is a claim that an editor checked the organisation's own current source. It
// may stand only inside the provenance mark of a fact whose check is recorded in the data.
TEST_CASE("real site: no page says \"gecontroleerd\" of a fact without a recorded check",
          "[site]") {
  DiskFileSystem fs(WEGWIJZER_SOURCE_DIR);
  Diagnostics config_diags;
  SiteData data = load_site_data(fs, load_config(fs, &config_diags), today_iso());
  std::set<std::string> recorded_dates;
  for (const auto& [id, fact] : data.facts) {
    if (!fact.gecontroleerd_op.empty()) recorded_dates.insert(fact.gecontroleerd_op);
  }
  size_t claims = 0;
  for (const auto& [path, html] : real_site()) {
    if (!path.ends_with(".html")) continue;
    std::string text = lower(html);
    for (size_t at = text.find("gecontroleerd"); at != std::string::npos;
         at = text.find("gecontroleerd", at + 1)) {
      // Links to the about page ("waar komen de feiten vandaan") and prose that says what was
      // *not* checked are not claims; a claim is "gecontroleerd op".
      if (text.compare(at, 17, "gecontroleerd op ") != 0) continue;
      ++claims;
      size_t mark = text.rfind("data-gecontroleerd=\"", at);
      size_t element = text.rfind("<span class=\"ww-bron\"", at);
      INFO(path << ": " << html.substr(at > 80 ? at - 80 : 0, 200));
      REQUIRE(mark != std::string::npos);
      CHECK(mark > element - 1);
      std::string date = html.substr(mark + 20, 10);
      CHECK(recorded_dates.count(date) == 1);
    }
  }
  // Today no fact has a recorded check, so no page may claim one.
  if (recorded_dates.empty()) CHECK(claims == 0);
}

}  // namespace wegwijzer
