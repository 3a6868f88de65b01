// Hostile and odd input (issue 7): what the generator does with broken encodings, huge or deeply
// nested files, symlink loops, script injection, unsafe links, raw HTML, paths that would leave
// the output folder, recursive templates and an interrupted build. Each case states the expected
// behaviour; none may crash, hang or write outside the output folder.
//
// The sites here bring their own small templates, so that they do not depend on the default theme.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "cli/cli.h"
#include "content/front_matter.h"
#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

// One layout for every kind of page. The JSON-LD block is there to show that values are escaped
// inside a script element too; it is the only <script> a page may hold.
constexpr const char* kLayout =
    "<!DOCTYPE html><html lang=\"nl\"><head><title>{{page.title}}</title>"
    "<meta name=\"description\" content=\"{{page.description}}\">"
    "<script type=\"application/ld+json\">{\"name\": \"{{page.title}}\", \"description\": "
    "\"{{page.description}}\"}</script></head><body>"
    "<nav>{{#menu}}<a href=\"{{url}}\" title=\"{{title}}\">{{title}}</a>{{/menu}}</nav>"
    "{{#page.toc}}<a href=\"#{{id}}\">{{title}}</a>{{/page.toc}}"
    "{{#pages}}<a href=\"{{url}}\" title=\"{{title}}\">{{title}}</a>{{/pages}}"
    "{{#site.data.extra}}<p data-naam=\"{{naam}}\">{{naam}}</p>{{/site.data.extra}}"
    "<main>{{{page.content}}}</main></body></html>\n";
constexpr const char* kLdJson = "<script type=\"application/ld+json\">";

using Files = std::map<std::string, std::string>;

Files minimal_site() {
  return {
      {"templates/page.html", kLayout},
      {"templates/section.html", kLayout},
      {"templates/home.html", kLayout},
      {"templates/404.html", kLayout},
      {"templates/data.html", kLayout},  // the open-data page, made when there is a data file
      {"templates/alias.html",
       "<!DOCTYPE html><title>{{target}}</title><meta http-equiv=\"refresh\" content=\"0; "
       "url={{target}}\">\n"},
      {"content/_index.md", "---\ntitle: Home\n---\nWelkom.\n"},
  };
}

struct Built {
  BuildResult result;
  Files files;
  std::string diagnostics;  // formatted, for messages and INFO
  bool ok() const { return result.ok(); }
};

Built build(const Files& files, int jobs = 2) {
  MemoryFileSystem fs(files);
  MemoryOutput output;
  BuildOptions options;
  options.jobs = jobs;
  options.today = "2026-11-23";
  Built b;
  b.result = build_site(fs, options, &output);
  b.files = output.take();
  b.diagnostics = format_diagnostics(b.result.diagnostics);
  return b;
}

Files with(Files files, const Files& extra) {
  for (const auto& [path, text] : extra) files[path] = text;
  return files;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

Files read_tree(const fs::path& root) {
  Files files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).string()] = read(entry.path());
  }
  return files;
}

void write_tree(const fs::path& root, const Files& files) {
  for (const auto& [path, data] : files) write(root / path, data);
}

// A fresh folder under the system's temporary folder, removed again at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("wegwijzer-hostile-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct CliRun {
  int status;
  std::string out, err;
};

CliRun cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int status = run_cli(args, out, err);
  return {status, out.str(), err.str()};
}

// The values of every attribute that browsers follow as a URL, decoded the way a browser reads
// them: character references resolved, then ASCII whitespace and control characters dropped
// (browsers strip them from a scheme), lower-cased.
std::vector<std::string> url_attributes(const std::string& html) {
  static const std::regex kAttr(
      R"re(\s(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))re",
      std::regex::icase);
  std::vector<std::string> values;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAttr);
       it != std::sregex_iterator(); ++it) {
    std::string raw = (*it)[1].str();
    if (raw.front() == '"' || raw.front() == '\'') raw = raw.substr(1, raw.size() - 2);
    std::string decoded;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '&') {
        size_t semi = raw.find(';', i);
        std::string ref = semi == std::string::npos ? "" : lower(raw.substr(i + 1, semi - i - 1));
        if (!ref.empty() && ref[0] == '#') {
          long cp = ref.size() > 1 && ref[1] == 'x' ? std::strtol(ref.c_str() + 2, nullptr, 16)
                                                    : std::strtol(ref.c_str() + 1, nullptr, 10);
          decoded += cp < 0x80 ? static_cast<char>(cp) : '?';
          i = semi;
          continue;
        }
        static const std::map<std::string, char> kNamed = {
            {"colon", ':'}, {"tab", '\t'}, {"newline", '\n'}, {"amp", '&'}, {"quot", '"'}};
        if (auto n = kNamed.find(ref); n != kNamed.end()) {
          decoded += n->second;
          i = semi;
          continue;
        }
      }
      decoded += raw[i];
    }
    std::string cleaned;
    for (char c : decoded) {
      if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) cleaned += c;
    }
    values.push_back(lower(cleaned));
  }
  return values;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Encodings and line endings

TEST_CASE("hostile: invalid UTF-8 is an error at file:line:col wherever it is", "[hostile]") {
  SECTION("in a page body") {
    Built b = build(with(minimal_site(),
                         {{"content/a.md", "---\ntitle: A\n---\nGoed.\nFout: \xC3\x28 hier\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/a.md:5:7: error: invalid UTF-8"));
  }
  SECTION("in front matter") {
    Built b = build(with(minimal_site(), {{"content/a.md", "---\ntitle: \xFF\xFE\n---\nGoed.\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/a.md:2:8: error: invalid UTF-8"));
  }
  SECTION("in a template") {
    Built b = build(
        with(minimal_site(), {{"templates/page.html", "<p>\n  \xE2\x82</p>{{{page.content}}}\n"},
                              {"content/a.md", "---\ntitle: A\n---\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "templates/page.html:2:3: error: invalid UTF-8"));
  }
  SECTION("in a data file") {
    Built b = build(
        with(minimal_site(),
             {{"content/data/extra.json",
               "{\n  \"$schema\": \"./schemas/extra.schema.json\",\n  \"naam\": \"caf\xE9\"\n}\n"},
              {"content/data/schemas/extra.schema.json", "{\"type\": \"object\"}"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/data/extra.json:3:15: error: invalid UTF-8"));
  }
  SECTION("in the site config") {
    Built b = build(
        with(minimal_site(), {{"wegwijzer.yaml", "title: Wegwijzer\ndescription: \xC0\x80\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "wegwijzer.yaml:2:14: error: invalid UTF-8"));
  }
  SECTION("an overlong encoding of '<' and a UTF-16 surrogate are invalid too") {
    Built b = build(with(minimal_site(), {{"content/a.md", "---\ntitle: A\n---\n\xC0\xBCscript>\n"},
                                          {"content/b.md", "---\ntitle: B\n---\n\xED\xA0\x80\n"}}));
    INFO(b.diagnostics);
    CHECK(contains(b.diagnostics, "content/a.md:4:1: error: invalid UTF-8"));
    CHECK(contains(b.diagnostics, "content/b.md:4:1: error: invalid UTF-8"));
  }
}

TEST_CASE("hostile: a UTF-8 byte order mark is accepted", "[hostile]") {
  const std::string bom = "\xEF\xBB\xBF";
  Built plain = build(
      with(minimal_site(), {{"content/a.md", "---\ntitle: Angst\n---\nTekst.\n"},
                            {"content/data/extra.json",
                             "{\"$schema\": \"./schemas/extra.schema.json\", \"naam\": \"x\"}"},
                            {"content/data/schemas/extra.schema.json", "{\"type\": \"object\"}"},
                            {"wegwijzer.yaml", "title: Wegwijzer\n"}}));
  Built with_bom = build(with(
      minimal_site(), {{"content/a.md", bom + "---\ntitle: Angst\n---\nTekst.\n"},
                       {"content/data/extra.json",
                        bom + "{\"$schema\": \"./schemas/extra.schema.json\", \"naam\": \"x\"}"},
                       {"content/data/schemas/extra.schema.json", bom + "{\"type\": \"object\"}"},
                       {"wegwijzer.yaml", bom + "title: Wegwijzer\n"}}));
  INFO(with_bom.diagnostics);
  REQUIRE(plain.ok());
  REQUIRE(with_bom.ok());
  CHECK(contains(with_bom.files.at("a/index.html"), "<title>Angst</title>"));
  CHECK(!contains(with_bom.files.at("a/index.html"), bom));
  CHECK(with_bom.files == plain.files);
}

TEST_CASE("hostile: CRLF line endings build to the same output as LF", "[hostile]") {
  const Files lf = {
      {"content/_index.md",
       "---\ntitle: Home\ndescription: Hulp\n---\n# Welkom\n\nTekst met een\nzachte regel.\n"},
      {"content/a/_index.md",
       "---\ntitle: Sectie\nweight: 2\n---\n## Kop\n\n- een\n- twee\n  - drie\n"},
      {"content/a/b.md",
       "---\ntitle: Pagina\naliases:\n  - /oud/\n---\n## Stap een\n\nZie [de "
       "sectie](_index.md#kop).\n\n"
       "| a | b |\n|---|---|\n| 1 | 2 |\n\n> citaat\n> over twee regels\n\n```\ncode\nblok\n```\n"},
  };
  Files crlf;
  for (const auto& [path, text] : lf)
    crlf[path] = std::regex_replace(text, std::regex("\n"), "\r\n");
  Built a = build(with(minimal_site(), lf));
  Built b = build(with(minimal_site(), crlf));
  INFO(a.diagnostics << b.diagnostics);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.files == b.files);
  CHECK(contains(b.files.at("a/b/index.html"), "<title>Pagina</title>"));
}

// ------------------------------------------------------------------------------------------------
// Empty, minimal and huge files

TEST_CASE("hostile: an empty page file is a clear error", "[hostile]") {
  Built b = build(with(minimal_site(), {{"content/leeg.md", ""}}));
  INFO(b.diagnostics);
  CHECK(!b.ok());
  CHECK(contains(b.diagnostics, "content/leeg.md:1:1: error: the file is empty"));
}

TEST_CASE("hostile: other empty files", "[hostile]") {
  SECTION("an empty data file is an error") {
    Built b = build(with(minimal_site(), {{"content/data/extra.json", ""}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/data/extra.json:1:1: error: invalid JSON"));
  }
  SECTION("an empty config means the defaults") {
    Built b = build(with(minimal_site(), {{"wegwijzer.yaml", ""}}));
    INFO(b.diagnostics);
    CHECK(b.ok());
  }
  SECTION("an empty template renders an empty page") {
    Built b = build(with(minimal_site(), {{"templates/page.html", ""},
                                          {"content/a.md", "---\ntitle: A\n---\nx\n"}}));
    INFO(b.diagnostics);
    CHECK(b.ok());
    CHECK(b.files.at("a/index.html").empty());
  }
}

TEST_CASE("hostile: a page with only front matter builds an empty page", "[hostile]") {
  for (const char* text : {"---\ntitle: Alleen kop\n---\n", "---\ntitle: Alleen kop\n---",
                           "---\r\ntitle: Alleen kop\r\n---"}) {
    Built b = build(with(minimal_site(), {{"content/a.md", text}}));
    INFO(b.diagnostics);
    REQUIRE(b.ok());
    const std::string& html = b.files.at("a/index.html");
    CHECK(contains(html, "<title>Alleen kop</title>"));
    CHECK(contains(html, "<main></main>"));
  }
}

TEST_CASE("hostile: a 50 MB Markdown file builds", "[hostile]") {
  const std::string paragraph =
      "Een regel met **vet**, *schuin*, `code` en een [link](https://example.nl/hulp). "
      "Nog wat tekst zodat de alinea een beetje lang wordt, over angst en somberheid.\n\n"
      "- een punt\n- nog een punt met [een link](#kop)\n\n";
  std::string body = "---\ntitle: Groot\n---\n## Kop\n\n";
  body.reserve(50u << 20);
  while (body.size() < (50u << 20)) body += paragraph;
  Built b = build(with(minimal_site(), {{"content/groot.md", std::move(body)}}));
  INFO(b.diagnostics.substr(0, 2000));
  REQUIRE(b.ok());
  const std::string& html = b.files.at("groot/index.html");
  CHECK(html.size() > (50u << 20));
  CHECK(html.ends_with("</main></body></html>\n"));
  CHECK(count(html.substr(html.size() - 4096), "<li>") > 10);
}

TEST_CASE("hostile: 10,000 levels of nested lists or block quotes do not crash", "[hostile]") {
  std::string quotes(10000, '>');
  quotes += " diep\n";
  std::string bullets;
  for (int i = 0; i < 10000; ++i) bullets += "- ";
  bullets += "diep\n";
  std::string ordered;
  for (int i = 0; i < 10000; ++i) ordered += "1. ";
  ordered += "diep\n";
  std::string indented;  // the usual way to nest, one level per line, 2,000 deep (4 MB)
  for (int i = 0; i < 2000; ++i)
    indented += std::string(2 * static_cast<size_t>(i), ' ') + "- punt\n";
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "> - ";
  mixed += "diep\n";
  for (const auto& [name, body] :
       std::vector<std::pair<std::string, std::string>>{{"quotes", quotes},
                                                        {"bullets", bullets},
                                                        {"ordered", ordered},
                                                        {"indented", indented},
                                                        {"mixed", mixed}}) {
    INFO(name);
    Built b = build(with(minimal_site(), {{"content/diep.md", "---\ntitle: Diep\n---\n" + body}}));
    INFO(b.diagnostics);
    REQUIRE(b.ok());
    const std::string& html = b.files.at("diep/index.html");
    CHECK(contains(html, name == "indented" ? "punt" : "diep"));
    CHECK(html.ends_with("</main></body></html>\n"));
  }
}

TEST_CASE("hostile: deep nesting in data and front matter is an error, not a crash", "[hostile]") {
  const Files schema = {{"content/data/schemas/extra.schema.json", "{\"type\": \"object\"}"}};
  SECTION("JSON arrays 100,000 deep") {
    std::string deep =
        "{\"$schema\": \"./schemas/extra.schema.json\", \"x\": " + std::string(100000, '[') +
        std::string(100000, ']') + "}";
    Built b = build(with(with(minimal_site(), schema), {{"content/data/extra.json", deep}}));
    INFO(b.diagnostics.substr(0, 2000));
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/data/extra.json:1:"));
    CHECK(contains(b.diagnostics, "levels deep"));
  }
  SECTION("JSON objects 100,000 deep, never closed") {
    std::string deep = "{\"$schema\": \"./schemas/extra.schema.json\", \"x\": ";
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    Built b = build(with(with(minimal_site(), schema), {{"content/data/extra.json", deep}}));
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "levels deep"));
  }
  SECTION("a deep JSON schema") {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Built b =
        build(with(minimal_site(),
                   {{"content/data/extra.json", "{\"$schema\": \"./schemas/extra.schema.json\"}"},
                    {"content/data/schemas/extra.schema.json", deep}}));
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/data/schemas/extra.schema.json:1:"));
  }
  SECTION("YAML front matter 10,000 deep") {
    std::string flow =
        "---\ntitle: Diep\nextra: " + std::string(10000, '[') + std::string(10000, ']') + "\n---\n";
    std::string block = "---\ntitle: Diep\nextra:\n";
    for (int i = 0; i < 1000; ++i) block += std::string(static_cast<size_t>(i) + 1, ' ') + "- \n";
    block += "---\n";
    Built b = build(with(minimal_site(), {{"content/flow.md", flow}, {"content/block.md", block}}));
    INFO(b.diagnostics.substr(0, 2000));
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/flow.md:3:"));
    CHECK(contains(b.diagnostics, "error: invalid YAML in front matter: nested too deeply"));
    CHECK(contains(b.diagnostics, "content/block.md:"));
  }
  SECTION("a YAML alias bomb in front matter") {
    std::string bomb = "---\ntitle: Bom\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
      std::string prev(1, static_cast<char>(c - 1));
      bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
              prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
              ", *" + prev + "]\n";
    }
    bomb += "---\n";
    Built b = build(with(minimal_site(), {{"content/bom.md", bomb}}));
    INFO(b.diagnostics.substr(0, 2000));
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/bom.md:"));
  }
}

// ------------------------------------------------------------------------------------------------
// The file system

TEST_CASE("hostile: a symlink loop in content/ is an error naming the path", "[hostile]") {
  TempDir dir("symlink-loop");
  write_tree(dir.path(), with(minimal_site(), {{"content/a/_index.md", "---\ntitle: A\n---\n"},
                                               {"content/a/b.md", "---\ntitle: B\n---\n"}}));
  fs::create_directory_symlink("..",
                               dir.path() / "content/a/terug");  // content/a/terug -> content/
  fs::create_directory_symlink("zelf", dir.path() / "content/a/zelf");     // points at itself
  fs::create_directory_symlink("../ring2", dir.path() / "content/ring1");  // two links in a ring
  fs::create_symlink("ring1", dir.path() / "content/ring2");
  DiskFileSystem files(dir.path().string());
  MemoryOutput output;
  BuildOptions options;
  options.today = "2026-11-23";
  BuildResult result = build_site(files, options, &output);
  std::string diags = format_diagnostics(result.diagnostics);
  INFO(diags);
  CHECK(!result.ok());
  CHECK(contains(diags, "content/a/terug: error: symbolic link loop"));
  CHECK(contains(diags, "content/a/zelf: error: cannot follow link"));
  CHECK(contains(diags, "content/ring1: error: cannot follow link"));
  CHECK(contains(diags, "content/ring2: error: cannot follow link"));
  // The real folders are there once each, whatever order the folder listing comes in.
  CHECK(output.files().count("a/b/index.html") == 1);
  for (const auto& [path, data] : output.files()) CHECK(!contains(path, "terug"));
}

TEST_CASE("hostile: a link to a folder already in the site is reported, the real folder is kept",
          "[hostile]") {
  // Whichever the folder listing gives first, the real folder is the one walked.
  for (const char* link : {"content/0-eerst", "content/z-laatst", "content/a/0-binnen"}) {
    TempDir dir("symlink-dup");
    write_tree(dir.path(), with(minimal_site(), {{"content/m/_index.md", "---\ntitle: M\n---\n"},
                                                 {"content/m/p.md", "---\ntitle: P\n---\n"},
                                                 {"content/a/_index.md", "---\ntitle: A\n---\n"}}));
    fs::create_directory_symlink(dir.path() / "content/m", dir.path() / link);
    DiskFileSystem files(dir.path().string());
    FileSystem::Listing listing = files.list_files("content");
    INFO(link);
    CHECK(std::count(listing.files.begin(), listing.files.end(), "content/m/p.md") == 1);
    REQUIRE(listing.errors.size() == 1);
    CHECK(listing.errors[0].starts_with(std::string(link) + ": "));
  }
}

TEST_CASE("hostile: a symlink out of the site folder is not followed", "[hostile]") {
  TempDir dir("symlink-out");
  write(dir.path() / "geheim.txt", "geheim\n");
  write(dir.path() / "geheim/x.md", "---\ntitle: Geheim\n---\ngeheim\n");
  fs::path site = dir.path() / "site";
  write_tree(site, minimal_site());
  fs::create_symlink(dir.path() / "geheim.txt", site / "content/lek.txt");
  fs::create_directory_symlink(dir.path() / "geheim", site / "content/lekmap");
  fs::create_symlink("../../geheim.txt", site / "templates/lek.html");
  DiskFileSystem files(site.string());
  MemoryOutput output;
  BuildOptions options;
  BuildResult result = build_site(files, options, &output);
  std::string diags = format_diagnostics(result.diagnostics);
  INFO(diags);
  CHECK(!result.ok());
  CHECK(contains(diags, "content/lek.txt: error: symbolic link to outside the site folder"));
  CHECK(contains(diags, "content/lekmap: error: symbolic link to outside the site folder"));
  CHECK(contains(diags, "templates/lek.html: error: symbolic link to outside the site folder"));
  for (const auto& [path, data] : output.files()) CHECK(!contains(data, "geheim"));
  // Reading a path through such a link directly is refused as well.
  std::string text, error;
  CHECK(!files.read_file("content/lek.txt", &text, &error));
  CHECK(!files.read_file("content/lekmap/x.md", &text, &error));
  CHECK(!files.read_file("../geheim.txt", &text, &error));
  CHECK(text.empty());
  // A link that stays inside is fine.
  fs::create_symlink("_index.md", site / "content/kopie.md");
  CHECK(files.read_file("content/kopie.md", &text, &error));
}

TEST_CASE("hostile: file names with spaces and non-ASCII letters build with slugified URLs",
          "[hostile]") {
  Files site = with(
      minimal_site(),
      {
          {"content/Hulp bij Angst & Paniek.md",
           "---\ntitle: Angst\n---\nZie [cliënten](<cliënt ervaringen/Één stap.md>) en "
           "[ook](cli%C3%ABnt%20ervaringen/%C3%89%C3%A9n%20stap.md).\n"},
          {"content/cliënt ervaringen/_index.md", "---\ntitle: Ervaringen\n---\n"},
          {"content/cliënt ervaringen/Één stap.md",
           "---\ntitle: Eén stap\n---\nTerug naar [angst](<../Hulp bij Angst & Paniek.md>).\n"},
          {"content/cliënt ervaringen/foto van ’s-Hertogenbosch.txt", "x"},
          {"content/Straße/Ünïcödé ß.md", "---\ntitle: Uni\n---\n"},
      });
  // On disk too, where the names are real file names.
  TempDir dir("names");
  write_tree(dir.path(), site);
  DiskFileSystem disk(dir.path().string());
  for (int on_disk = 0; on_disk < 2; ++on_disk) {
    INFO("on disk: " << on_disk);
    Built b;
    if (on_disk) {
      MemoryOutput output;
      BuildOptions options;
      b.result = build_site(disk, options, &output);
      b.files = output.take();
      b.diagnostics = format_diagnostics(b.result.diagnostics);
    } else {
      b = build(site);
    }
    INFO(b.diagnostics);
    REQUIRE(b.ok());
    CHECK(b.files.count("hulp-bij-angst-paniek/index.html") == 1);
    CHECK(b.files.count("client-ervaringen/index.html") == 1);
    CHECK(b.files.count("client-ervaringen/een-stap/index.html") == 1);
    CHECK(b.files.count("strasse/unicode-ss/index.html") == 1);
    // Static files keep their names; links are to the page URLs.
    CHECK(b.files.count("cliënt ervaringen/foto van ’s-Hertogenbosch.txt") == 1);
    CHECK(count(b.files.at("hulp-bij-angst-paniek/index.html"),
                "href=\"/client-ervaringen/een-stap/\"") == 2);
    CHECK(contains(b.files.at("client-ervaringen/een-stap/index.html"),
                   "href=\"/hulp-bij-angst-paniek/\""));
  }
}

// ------------------------------------------------------------------------------------------------
// Script injection, unsafe links and raw HTML

TEST_CASE("hostile: <script> in a title, description or data field is escaped everywhere",
          "[hostile]") {
  const std::string attack = "\"'><script>alert(1)</script>";
  const std::string escaped = "&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
  Files site = with(
      minimal_site(),
      {
          {"wegwijzer.yaml",
           "title: \"<script>alert('site')</script>\"\ndescription: "
           "\"</script><script>x\"\nbase_url: https://example.nl\n"},
          {"content/_index.md",
           "---\ntitle: \"\\\"'><script>alert(1)</script>\"\n"
           "description: \"\\\"'><script>alert(1)</script>\"\n---\nHome.\n"},
          {"content/sectie/_index.md", "---\ntitle: \"\\\"'><script>alert(1)</script>\"\n---\n"},
          {"content/sectie/pagina.md",
           "---\ntitle: \"\\\"'><script>alert(1)</script>\"\n"
           "description: \"\\\"'><script>alert(1)</script>\"\n"
           "summary: \"<script>alert(1)</script>\"\n"
           "aliases: [/oud/]\n---\n"
           "## <script>alert(1)</script> kop\n\n## Tweede \"kop\" <b>\n\n"
           "![<script>alert(1)</script>](foto.png \"<script>\")\n\n"
           "[tekst](https://example.nl/\"><script>alert(1)</script> \"<script>titel\")\n"},
          {"content/sectie/foto.png", "png"},
          {"content/data/extra.json",
           "{\"$schema\": \"./schemas/extra.schema.json\", \"naam\": "
           "\"\\\"'><script>alert(1)</script>\"}"},
          {"content/data/schemas/extra.schema.json", "{\"type\": \"object\"}"},
      });
  Built b = build(site);
  INFO(b.diagnostics);
  REQUIRE(b.ok());
  const std::string& page = b.files.at("sectie/pagina/index.html");
  CHECK(contains(page, "<title>" + escaped + "</title>"));
  CHECK(contains(page, "<meta name=\"description\" content=\"" + escaped + "\">"));
  CHECK(contains(page, "{\"name\": \"" + escaped + "\", \"description\": \"" + escaped + "\"}"));
  CHECK(contains(page, "data-naam=\"" + escaped + "\">" + escaped + "</p>"));
  CHECK(contains(b.files.at("sectie/index.html"), "title=\"" + escaped + "\">" + escaped + "</a>"));
  CHECK(contains(b.files.at("index.html"),
                 "title=\"" + escaped + "\">" + escaped + "</a>"));  // the menu
  size_t checked = 0;
  for (const auto& [path, data] : b.files) {
    INFO(path);
    if (path.starts_with("data/") && path.ends_with(".json")) {
      // Served as application/json, never parsed as HTML; the value must survive unchanged.
      CHECK(nlohmann::json::parse(data)["naam"] == attack);
      continue;
    }
    ++checked;
    std::string l = lower(data);
    CHECK(count(l, "<script") == count(l, kLdJson));
    CHECK(count(l, "</script") == count(l, kLdJson));
    CHECK(!contains(l, "<b>"));
    CHECK(!contains(data, "\"'>"));
  }
  CHECK(checked >= 6);
  CHECK(!contains(b.files.at("sitemap.xml"), "<script"));
}

TEST_CASE("hostile: a slug cannot carry markup or control characters into a URL", "[hostile]") {
  for (const char* slug : {"\"<script>\"", "\"a\\\"b\"", "\"a\\u0000b\"", "\"a\\tb\"", "\"a>b\""}) {
    INFO(slug);
    Built b =
        build(with(minimal_site(),
                   {{"content/a.md", std::string("---\ntitle: A\nslug: ") + slug + "\n---\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "content/a.md:3:7: error: \"slug\""));
  }
}

TEST_CASE("hostile: javascript: and other script links are dropped in any spelling", "[hostile]") {
  const std::vector<std::string> links = {
      "[a](javascript:alert(1))",
      "[a](JavaScript:alert(1))",
      "[a](JAVASCRIPT:alert(1))",
      "[a](<javascript:alert(1)>)",
      "[a](java&#x09;script:alert(1))",
      "[a](java&#9;script:alert(1))",
      "[a](&#106;avascript:alert(1))",
      "[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
      "[a](javascript&colon;alert(1))",
      "[a](javascript&#58;alert(1))",
      "[a](<java\tscript:alert(1)>)",
      "[a](<&#32;javascript:alert(1)>)",
      "[a](vbscript:msgbox(1))",
      "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[a](DATA:text/html,<script>alert(1)</script>)",
      "[a](file:///etc/passwd)",
      "<javascript:alert(1)>",
      "<JavaScript:alert(1)>",
      "[a][ref]\n\n[ref]: javascript:alert(1)",
      "[a][ref2]\n\n[ref2]: <java&#x0A;script:alert(1)>",
      "![b](javascript:alert(1))",
      "![b](&#x6A;avascript:alert(1))",
      "[a](javascript:alert(1) \"titel\")",
      "[![b](foto.png)](javascript:alert(1))",
  };
  for (const std::string& link : links) {
    INFO(link);
    Built b = build(
        with(minimal_site(), {{"content/a.md", "---\ntitle: A\n---\nKlik " + link + " hier.\n"},
                              {"content/foto.png", "png"}}));
    INFO(b.diagnostics);
    // Some spellings are no scheme at all once cmark has decoded them ("java\tscript:..."), so
    // they are relative links to a file that does not exist: an error, which stops the build.
    // The page is rendered all the same, and checked.
    if (!b.ok()) {
      CHECK(b.result.diagnostics.error_count() == 1);
      CHECK(contains(b.diagnostics, "content/a.md:4:6: error: broken link: "));
    }
    const std::string& html = b.files.at("a/index.html");
    INFO(html.substr(html.find("<main>")));
    for (const std::string& url : url_attributes(html)) {
      INFO(url);
      CHECK(!url.starts_with("javascript:"));
      CHECK(!url.starts_with("vbscript:"));
      CHECK(!url.starts_with("file:"));
      CHECK(!url.starts_with("data:text"));
    }
    CHECK(!contains(lower(html), "href=\"javascript:"));
  }
}

TEST_CASE("hostile: raw HTML in Markdown is not passed through", "[hostile]") {
  const std::string body =
      "<script>alert(1)</script>\n\n"
      "<img src=x onerror=alert(1)>\n\n"
      "Tekst <b onclick=\"alert(1)\">vet</b> en <span style=\"color:red\">rood</span>.\n\n"
      "<iframe src=\"https://example.nl\"></iframe>\n\n"
      "<style>body{display:none}</style>\n\n"
      "<!-- <script>alert(1)</script> -->\n\n"
      "<div>\n\n*blok*\n\n</div>\n\n"
      "<SCRIPT SRC=//example.nl/x.js></SCRIPT>\n\n"
      "<a href=\"javascript:alert(1)\">a</a>\n\n"
      "<svg><script>alert(1)</script></svg>\n\n"
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n\n"
      "<plaintext>\n\n"
      "<object data=\"javascript:alert(1)\"></object>\n\n"
      "`<script>in code</script>`\n\n"
      "    <script>in een codeblok</script>\n";
  Built b = build(with(minimal_site(), {{"content/a.md", "---\ntitle: A\n---\n" + body}}));
  INFO(b.diagnostics);
  REQUIRE(b.ok());
  const std::string& html = b.files.at("a/index.html");
  std::string main = lower(html.substr(html.find("<main>")));
  INFO(main);
  for (const char* tag : {"<script", "</script", "<img", "<b ", "<span", "<iframe", "<style",
                          "<div", "<a href=\"javascript", "<svg", "<math", "<plaintext", "<object",
                          "onerror", "onclick", "<!--  <script"}) {
    INFO(tag);
    CHECK(!contains(main, tag));
  }
  CHECK(contains(main, "<code>&lt;script&gt;in code&lt;/script&gt;</code>"));
  CHECK(contains(main, "&lt;script&gt;in een codeblok&lt;/script&gt;"));
  CHECK(contains(main, "<em>blok</em>"));
}

TEST_CASE("hostile: a bracket and a reference for the caret stay text; with footnotes, an error",
          "[hostile]") {
  // cmark-gfm 0.29 takes "[&#94;" for a footnote mark and reads past the one-byte text the
  // reference becomes; the renderer leaves footnotes off for such a text.
  Built plain =
      build(with(minimal_site(), {{"content/a.md", "---\ntitle: A\n---\nZie [&#94;x].\n"}}));
  INFO(plain.diagnostics);
  REQUIRE(plain.ok());
  CHECK(contains(plain.files.at("a/index.html"), "<p>Zie [^x].</p>"));

  // A page that also defines a footnote would lose it: the editor is told where and why.
  Built noted = build(with(minimal_site(), {{"content/a.md",
                                             "---\ntitle: A\n---\nZie[^1].\n\n"
                                             "Niet [&#x5E;x].\n\n[^1]: Bron.\n"}}));
  INFO(noted.diagnostics);
  CHECK(!noted.ok());
  CHECK(contains(noted.diagnostics,
                 "content/a.md:6:6: error: '[' followed by a character "
                 "reference for '^' turns this page's footnotes off"));
}

// ------------------------------------------------------------------------------------------------
// Paths out of the output folder

TEST_CASE("hostile: slug, url and alias that would leave the output folder are errors",
          "[hostile]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"slug: ..", "content/a.md:3:7: error: \"slug\""},
      {"slug: ../../etc", "content/a.md:3:7: error: \"slug\""},
      {"slug: \"..\\\\..\\\\x\"", "content/a.md:3:7: error: \"slug\""},
      {"slug: /etc", "content/a.md:3:7: error: \"slug\""},
      {"url: /../../etc/passwd", "content/a.md:3:6: error: \"url\" would leave the output folder"},
      {"url: /a/../../b/", "content/a.md:3:6: error: \"url\" would leave the output folder"},
      {"url: /a/./b/", "content/a.md:3:6: error: \"url\" would leave the output folder"},
      {"url: ../x/", "content/a.md:3:6: error: \"url\" must start with '/'"},
      {"url: //example.nl/x/", "content/a.md:3:6: error: \"url\" must not contain '//'"},
      {"url: /a\\..\\..\\b", "content/a.md:3:6: error: \"url\" must not contain"},
      {"aliases: [/../../oud/]", "content/a.md:3:11: error: alias would leave the output folder"},
      {"aliases: [\"/oud/..\"]", "content/a.md:3:11: error: alias would leave the output folder"},
      {"aliases: [oud/]", "content/a.md:3:11: error: alias must start with '/'"},
  };
  for (const auto& [line, expected] : cases) {
    INFO(line);
    Built b = build(with(minimal_site(), {{"content/a.md", "---\ntitle: A\n" + line + "\n---\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, expected));
    CHECK(b.result.diagnostics.error_count() == 1);  // the page is not rendered to nowhere
    if (!line.starts_with("aliases")) CHECK(b.files.count("a/index.html") == 0);  // no URL, no page
    for (const auto& [path, data] : b.files) CHECK(!contains(path, ".."));
  }
}

TEST_CASE("hostile: a data_dir outside the site folder is refused", "[hostile]") {
  TempDir dir("data-dir");
  write(dir.path() / "buiten/geheim.json", "{\"$schema\": \"./s.json\", \"geheim\": 1}");
  write(dir.path() / "buiten/s.json", "{}");
  fs::path site = dir.path() / "site";
  for (const char* data_dir :
       {"../buiten", "content/../../buiten", "/etc", "./content/data", "content//data"}) {
    INFO(data_dir);
    write_tree(site, with(minimal_site(),
                          {{"wegwijzer.yaml", std::string("data_dir: \"") + data_dir + "\"\n"}}));
    DiskFileSystem files(site.string());
    MemoryOutput output;
    BuildResult result = build_site(files, BuildOptions{}, &output);
    std::string diags = format_diagnostics(result.diagnostics);
    INFO(diags);
    CHECK(!result.ok());
    CHECK(contains(
        diags, "wegwijzer.yaml:1:11: error: \"data_dir\" must be a folder inside the site folder"));
    for (const auto& [path, data] : output.files()) CHECK(!contains(data, "geheim"));
  }
  // The file system itself does not list a folder outside its root either.
  DiskFileSystem files(site.string());
  FileSystem::Listing listing = files.list_files("../buiten");
  CHECK(listing.files.empty());
  CHECK(listing.errors == std::vector<std::string>{"../buiten: outside the site folder"});
  write_tree(site, with(minimal_site(), {{"wegwijzer.yaml", "data_dir: content/gegevens/\n"}}));
  MemoryOutput output;
  BuildResult inside = build_site(files, BuildOptions{}, &output);
  INFO(format_diagnostics(inside.diagnostics));
  CHECK(inside.ok());  // a data_dir inside the site, with a trailing '/', is fine
}

TEST_CASE("hostile: content paths with '..' segments are rejected, not written outside",
          "[hostile]") {
  // A real folder cannot hand out such a name, but a FileSystem is an interface.
  Built b = build(with(minimal_site(), {{"content/b/index.md", "---\ntitle: B\n---\n"},
                                        {"content/b/../../../buiten.txt", "x"},
                                        {"content/b/./hier.txt", "x"},
                                        {"content/../../buiten.md", "---\ntitle: Buiten\n---\n"}}));
  INFO(b.diagnostics);
  CHECK(!b.ok());
  CHECK(contains(b.diagnostics, "content/b/../../../buiten.txt: error: "));
  CHECK(contains(b.diagnostics, "content/b/./hier.txt: error: "));
  CHECK(contains(b.diagnostics, "content/../../buiten.md: error: "));
  for (const auto& [path, data] : b.files) {
    INFO(path);
    CHECK(!contains(path, ".."));
    CHECK(!contains(path, "/./"));
  }
}

TEST_CASE("hostile: the staged output refuses to write outside its folder", "[hostile]") {
  TempDir dir("staged-escape");
  StagedDirectoryOutput output((dir.path() / "public").string());
  std::string error;
  REQUIRE(output.begin(&error));
  for (const char* path : {"../buiten.html", "a/../../buiten.html", "/tmp/buiten.html", "..", "",
                           "a/./b.html", "a//b.html"}) {
    INFO(path);
    error.clear();
    CHECK(!output.write(path, "x", &error));
    CHECK(!error.empty());
  }
  CHECK(output.write("a/b.html", "x", &error));
  REQUIRE(output.commit(&error));
  CHECK(!fs::exists(dir.path() / "buiten.html"));
  CHECK(read(dir.path() / "public/a/b.html") == "x");
}

// ------------------------------------------------------------------------------------------------
// Templates

TEST_CASE("hostile: a template that includes itself is an error, not a stack overflow",
          "[hostile]") {
  const std::vector<std::pair<std::string, Files>> cases = {
      {"itself", {{"templates/page.html", "<p>{{> page}}</p>"}}},
      {"a ring of two",
       {{"templates/page.html", "{{> partials/x}}"}, {"templates/partials/x.html", "{{> page}}"}}},
      {"inside a section", {{"templates/page.html", "{{#page}}{{> page}}{{/page}}"}}},
      {"as its own parent", {{"templates/page.html", "{{< page}}{{$b}}x{{/b}}{{/page}}"}}},
      {"through a dynamic name", {{"templates/page.html", "{{>*page.params.t}}"}}},
  };
  for (const auto& [name, templates] : cases) {
    INFO(name);
    Built b = build(
        with(with(minimal_site(), templates), {{"content/a.md", "---\ntitle: A\nt: page\n---\n"}}));
    INFO(b.diagnostics);
    CHECK(!b.ok());
    CHECK(contains(b.diagnostics, "recursion deeper than"));
  }
}

TEST_CASE("hostile: deeply nested template sections are an error, not a stack overflow",
          "[hostile]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{{#a}}";
  for (int i = 0; i < 100000; ++i) deep += "{{/a}}";
  Built b = build(with(minimal_site(),
                       {{"templates/page.html", deep}, {"content/a.md", "---\ntitle: A\n---\n"}}));
  INFO(b.diagnostics.substr(0, 2000));
  CHECK(!b.ok());
  CHECK(contains(b.diagnostics, "templates/page.html:1:"));
  CHECK(contains(b.diagnostics, "nested"));
}

// ------------------------------------------------------------------------------------------------
// Interrupted builds and a wrong --output

TEST_CASE("hostile: a staged build dropped half-way leaves the previous output whole",
          "[hostile]") {
  TempDir dir("staged-abort");
  fs::path target = dir.path() / "public";
  {
    StagedDirectoryOutput first(target.string());
    std::string error;
    REQUIRE(first.begin(&error));
    REQUIRE(first.write("index.html", "oud\n", &error));
    REQUIRE(first.write("a/index.html", "oud a\n", &error));
    REQUIRE(first.commit(&error));
  }
  const Files before = read_tree(target);
  // Leftovers of a dead build go; those of a live one (pid 1 is always there) stay.
  write(dir.path() / ".public.staging-999999999/index.html", "half\n");
  write(dir.path() / ".public.staging-999999999.old/index.html", "half\n");
  write(dir.path() / ".public.staging-1/index.html", "busy\n");
  write(dir.path() / ".public.staging-notes/x", "not ours\n");
  std::string staging;
  {
    StagedDirectoryOutput second(target.string());
    std::string error;
    REQUIRE(second.begin(&error));
    staging = second.staging();
    CHECK(fs::path(staging) != target);
    CHECK(fs::path(staging).parent_path() == target.parent_path());
    REQUIRE(second.write("index.html", "nieuw\n", &error));
    REQUIRE(second.write("b/index.html", "nieuw b\n", &error));
    CHECK(read_tree(target) == before);
  }  // destroyed without commit
  CHECK(read_tree(target) == before);
  CHECK(!fs::exists(staging));
  CHECK(!fs::exists(dir.path() / ".public.staging-999999999"));
  CHECK(!fs::exists(dir.path() / ".public.staging-999999999.old"));
  CHECK(fs::exists(dir.path() / ".public.staging-1/index.html"));
  CHECK(fs::exists(dir.path() / ".public.staging-notes/x"));
}

TEST_CASE("hostile: a build killed half-way leaves the previous output byte for byte",
          "[hostile]") {
  // The real binary, beside this test binary in the build folder.
  fs::path binary =
      fs::canonical("/proc/self/exe").parent_path().parent_path() / "generator" / "wegwijzer";
  REQUIRE(fs::exists(binary));
  TempDir dir("killed");
  fs::path site = dir.path() / "site";
  fs::path target = dir.path() / "public";
  Files files = minimal_site();
  std::string filler;
  for (int i = 0; i < 200; ++i)
    filler += "Een alinea met wat tekst over hulp bij angst en somberheid.\n\n";
  for (int i = 0; i < 4000; ++i) {
    files["content/p" + std::to_string(i) + ".md"] =
        "---\ntitle: Pagina " + std::to_string(i) + "\n---\n" + filler;
  }
  write_tree(site, files);
  CliRun first = cli({"build", "--source", site.string(), "--output", target.string(), "--quiet"});
  INFO(first.err);
  REQUIRE(first.status == 0);
  const Files before = read_tree(target);
  REQUIRE(before.size() > 4000);

  // Change every page, so that a half-written output would differ, then kill a second build while
  // it writes.
  for (int i = 0; i < 4000; ++i) {
    write(site / ("content/p" + std::to_string(i) + ".md"),
          "---\ntitle: Nieuw " + std::to_string(i) + "\n---\n" + filler);
  }
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(binary.c_str(), binary.c_str(), "build", "--source", site.c_str(), "--output",
            target.c_str(), "--quiet", "--jobs", "2", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  fs::path staging = dir.path() / (".public.staging-" + std::to_string(pid));
  bool killed = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) break;  // finished before it could be stopped
    std::error_code ec;
    size_t entries = 0;
    for (fs::directory_iterator it(staging, ec), end; !ec && it != end; it.increment(ec)) ++entries;
    if (entries >= 50) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(killed);  // if not, the site is too small to catch the build half-way
  CHECK(read_tree(target) == before);
  CHECK(fs::exists(staging));  // the half-written site stays beside the target, never in its place
  CHECK(read_tree(staging).size() < before.size());

  // The next build goes through, and replaces the old site with the new one.
  CliRun again = cli({"build", "--source", site.string(), "--output", target.string(), "--quiet"});
  INFO(again.err);
  REQUIRE(again.status == 0);
  CHECK(contains(read(target / "p1/index.html"), "<title>Nieuw 1</title>"));
  CHECK(!fs::exists(staging));  // the dead build's leftovers are cleared
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    INFO(entry.path());
    CHECK((entry.path() == site || entry.path() == target));
  }
}

TEST_CASE("hostile: --output at the site's own folders is refused and nothing is deleted",
          "[hostile]") {
  TempDir dir("output-guard");
  fs::path site = dir.path() / "site";
  write_tree(site, with(minimal_site(),
                        {{"content/a.md", "---\ntitle: A\n---\n"}, {"site-assets/x.css", "a{}"}}));
  const Files before = read_tree(dir.path());
  fs::create_directory_symlink(site / "content", dir.path() / "link-naar-content");
  const std::vector<fs::path> targets = {site,
                                         site / "content",
                                         site / "content/",
                                         site / "templates",
                                         site / "site-assets",
                                         site / "content/sub",
                                         site / "content/../content",
                                         dir.path(),
                                         "/",
                                         dir.path() / "link-naar-content"};
  for (const fs::path& target : targets) {
    INFO(target);
    CliRun r = cli({"build", "--source", site.string(), "--output", target.string()});
    CHECK(r.status == kExitUsage);
    CHECK(contains(r.err, "would overwrite the site's own files"));
  }
  fs::remove(dir.path() / "link-naar-content");
  CHECK(read_tree(dir.path()) == before);
  // Also when --source is given through a symlink.
  fs::create_directory_symlink(site, dir.path() / "link-naar-site");
  CliRun r = cli({"build", "--source", (dir.path() / "link-naar-site").string(), "--output",
                  (site / "content").string()});
  CHECK(r.status == kExitUsage);
  fs::remove(dir.path() / "link-naar-site");
  CHECK(read_tree(dir.path()) == before);
}

TEST_CASE("hostile: --output at a folder wegwijzer did not write is refused", "[hostile]") {
  TempDir dir("output-foreign");
  fs::path site = dir.path() / "site";
  write_tree(site, with(minimal_site(), {{"content/a.md", "---\ntitle: A\n---\n"}}));
  fs::path foreign = dir.path() / "documenten";
  write(foreign / "belangrijk.txt", "bewaren\n");
  write(foreign / "sub/ook.txt", "ook bewaren\n");
  CliRun r = cli({"build", "--source", site.string(), "--output", foreign.string()});
  INFO(r.err);
  CHECK(r.status == kExitUsage);
  CHECK(contains(r.err, "was not written by wegwijzer"));
  CHECK(read_tree(foreign) ==
        Files{{"belangrijk.txt", "bewaren\n"}, {"sub/ook.txt", "ook bewaren\n"}});
  // A file in the way is refused too.
  write(dir.path() / "bestand", "x");
  r = cli({"build", "--source", site.string(), "--output", (dir.path() / "bestand").string()});
  CHECK(r.status == kExitUsage);
  CHECK(read(dir.path() / "bestand") == "x");
  // An empty folder, or one of ours, is fine.
  fs::create_directories(dir.path() / "leeg");
  CHECK(cli({"build", "--source", site.string(), "--output", (dir.path() / "leeg").string(),
             "--quiet"})
            .status == 0);
  CHECK(cli({"build", "--source", site.string(), "--output", (dir.path() / "leeg").string(),
             "--quiet"})
            .status == 0);
  CHECK(fs::exists(dir.path() / "leeg/a/index.html"));
}

}  // namespace wegwijzer
