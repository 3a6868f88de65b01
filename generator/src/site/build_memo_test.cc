#include "site/build_memo.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "output/manifest.h"
#include "site/build.h"
#include "site/config.h"
#include "util/cached_file_system.h"

namespace wegwijzer {
namespace {

using Files = std::map<std::string, std::string>;

// A small theme of the site's own, so that the tests do not depend on the default theme.
const char* const kBase =
    "<!DOCTYPE html>\n<html><head><title>{{page.title}} - {{site.title}}</title></head><body>\n"
    "<nav>{{#menu}}<a href=\"{{url}}\"{{#current}} class=\"on\"{{/current}}>{{title}}</a>{{/menu}}"
    "</nav>\n<ol>{{#ancestors}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/ancestors}}</ol>\n"
    "{{$main}}{{/main}}\n{{> partials/voet}}\n</body></html>\n";
const char* const kPage =
    "{{<base}}{{$main}}<h1>{{page.title}}</h1>\n{{{page.content}}}\n"
    "{{#has_toc}}<ul>{{#page.toc}}<li><a href=\"#{{id}}\">{{title}}</a></li>{{/page.toc}}</ul>"
    "{{/has_toc}}<p>{{page.word_count}} woorden</p>\n"
    "<ul>{{#siblings}}<li><a "
    "href=\"{{url}}\">{{title}}</a></li>{{/siblings}}</ul>{{/main}}{{/base}}";
const char* const kSection =
    "{{<base}}{{$main}}<h1>{{page.title}}</h1>\n{{{page.content}}}\n"
    "<ul>{{#pages}}<li><a href=\"{{url}}\">{{title}}</a> {{description}}</li>{{/pages}}</ul>\n"
    "<ul>{{#subsections}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/subsections}}</ul>"
    "{{/main}}{{/base}}";
const char* const kNotFound = "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{/main}}{{/base}}";
const char* const kData =
    "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{#sets}}<p>{{naam}}</p>{{/sets}}{{/main}}{{/base}}";
const char* const kFooter = "<footer>{{site.title}}</footer>";
const char* const kBlock =
    "<aside>{{args.tekst}}: {{#site.data.tips.tips}}<b>{{.}}</b>{{/site.data.tips.tips}}</aside>";
const char* const kSchema = "{\"type\": \"object\"}\n";

std::string tips(const std::vector<std::string>& items) {
  std::string json = "{\"$schema\": \"./schemas/tips.schema.json\", \"tips\": [";
  for (size_t i = 0; i < items.size(); ++i) json += (i ? ", \"" : "\"") + items[i] + "\"";
  return json + "]}\n";
}

Files theme_files() {
  return {
      {"wegwijzer.yaml", "title: Proefsite\nbase_url: https://example.org\n"},
      {"templates/base.html", kBase},
      {"templates/page.html", kPage},
      {"templates/section.html", kSection},
      {"templates/home.html", kSection},
      {"templates/404.html", kNotFound},
      {"templates/data.html", kData},
      {"templates/partials/voet.html", kFooter},
      {"templates/blocks/notitie.html", kBlock},
      {"content/data/tips.json", tips({"een", "twee"})},
      {"content/data/schemas/tips.schema.json", kSchema},
  };
}

std::string page_file(const std::string& title, int weight, const std::string& body) {
  return "---\ntitle: \"" + title + "\"\nweight: " + std::to_string(weight) + "\n---\n" + body;
}

BuildOptions test_options(bool drafts) {
  BuildOptions options;
  options.drafts = drafts;
  options.jobs = 2;
  options.today = "2026-11-23";
  options.inject_before_body_end = "<script src=\"/__wegwijzer/reload.js\"></script>";
  return options;
}

struct Built {
  Files files;
  std::vector<std::string> diagnostics;
};

std::vector<std::string> formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d));
  std::sort(out.begin(), out.end());
  return out;
}

Built fresh_build(const FileSystem& fs, bool drafts) {
  MemoryOutput output;
  BuildResult result = build_site(fs, test_options(drafts), &output);
  Built built{output.take(), formatted(result.diagnostics)};
  // A published build adds the manifest of its files; the dev server publishes nothing.
  built.files.erase(kManifestName);
  return built;
}

Built cached_build(const FileSystem& fs, bool drafts, BuildMemo* cache) {
  BuildResult result = build_site(fs, test_options(drafts), nullptr, cache);
  Built built{{}, formatted(result.diagnostics)};
  for (const auto& [path, bytes] : *cache->files()) built.files[path] = *bytes;
  return built;
}

// Compares file by file, so that a failure names the first file that differs.
void require_same(const Built& expected, const Built& actual) {
  REQUIRE(expected.diagnostics == actual.diagnostics);
  std::vector<std::string> expected_paths, actual_paths;
  for (const auto& [path, bytes] : expected.files) expected_paths.push_back(path);
  for (const auto& [path, bytes] : actual.files) actual_paths.push_back(path);
  REQUIRE(expected_paths == actual_paths);
  for (const auto& [path, bytes] : expected.files) {
    INFO("output file " << path);
    REQUIRE(bytes == actual.files.at(path));
  }
}

// Edits a site in memory at random: pages written, retitled, reordered, hidden as drafts, added,
// deleted and moved, sections and bundles come and go, links between pages (with anchors),
// block directives, broken front matter, static files, templates and the data file change.
class RandomEditor {
 public:
  RandomEditor(MemoryFileSystem* fs, uint32_t seed) : fs_(fs), rng_(seed) {}

  struct Change {
    std::string path;
    bool contents_only;  // the file was there before and is still there
  };

  // Makes one edit and returns what it changed (for CachedFileSystem).
  std::vector<Change> step() {
    touched_.clear();
    std::vector<std::string> pages = page_paths();
    int op = pick(100);
    if (pages.size() < 4 || op < 14) {
      add_page();
    } else if (op < 24) {
      write_page(any(pages), /*keep_title=*/pick(3) == 0);
    } else if (op < 34) {
      rewrite_body(any(pages));
    } else if (op < 40) {
      retitle(any(pages));
    } else if (op < 46) {
      delete_file(any(pages));
    } else if (op < 54) {
      move_page(any(pages));
    } else if (op < 58) {
      toggle_draft(any(pages));
    } else if (op < 62) {
      set_front_matter_field(any(pages));
    } else if (op < 65) {
      set(any(pages), "---\ntitle: [kapot\n---\nTekst.\n");  // broken front matter
    } else if (op < 70) {
      add_section();
    } else if (op < 73) {
      std::vector<std::string> sections = section_paths();
      if (!sections.empty()) delete_file(any(sections));
    } else if (op < 78) {
      edit_template();
    } else if (op < 83) {
      edit_data();
    } else if (op < 87) {
      static_file();
    } else if (op < 91) {
      bundle();
    } else if (op < 93) {
      set("content/" + any(std::vector<std::string>{"a", "b"}) + "/kladje.md~", "weg");
    } else if (op < 94) {
      set("wegwijzer.yaml",
          "title: Proefsite " + std::to_string(pick(3)) + "\nbase_url: https://example.org\n");
    } else if (op < 95) {  // without a home page one is made up, ahead of every other page
      if (fs_->is_file("content/_index.md")) {
        delete_file("content/_index.md");
      } else {
        set("content/_index.md", page_file("Start", 0, body("content/_index.md", false)));
      }
    } else {
      write_page(any(pages), false, /*with_block=*/true);
    }
    return touched_;
  }

  // Puts every template, data file and page back into a state that builds without problems, so
  // that the walk goes through clean states as well as broken ones.
  std::vector<Change> heal() {
    touched_.clear();
    for (const auto& [path, contents] : theme_files()) {
      if (get(path) != contents) set(path, contents);
    }
    delete_file("templates/partials/extra.html");
    for (const std::string& path : content_files()) {
      if (!path.ends_with(".md")) continue;
      std::string title = path.ends_with("_index.md") ? "Sectie" : "Pagina";
      set(path, page_file(title + " " + std::to_string(pick(50)), pick(5), "Tekst.\n"));
    }
    if (fs_->is_file("content/a/bundel/index.md")) set("content/a/bundel/foto.txt", "foto");
    return touched_;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <class T>
  const T& any(const std::vector<T>& v) {
    return v[pick(static_cast<int>(v.size()))];
  }

  void set(const std::string& path, std::string contents) {
    bool existed = fs_->is_file(path);
    fs_->set(path, std::move(contents));
    touched_.push_back({path, existed});
  }
  void delete_file(const std::string& path) {
    fs_->remove(path);
    touched_.push_back({path, false});
  }
  std::string get(const std::string& path) {
    std::string text, error;
    fs_->read_file(path, &text, &error);
    return text;
  }

  std::vector<std::string> content_files() { return fs_->list_files("content").files; }
  std::vector<std::string> page_paths() {
    std::vector<std::string> out;
    for (const std::string& f : content_files()) {
      if (f.ends_with(".md") && !f.ends_with("_index.md")) out.push_back(f);
    }
    return out;
  }
  std::vector<std::string> section_paths() {
    std::vector<std::string> out;
    for (const std::string& f : content_files()) {
      if (f.ends_with("/_index.md") && f != "content/_index.md") out.push_back(f);
    }
    return out;
  }

  std::string folder() {
    static const std::vector<std::string> kFolders = {"content",   "content/a",   "content/a",
                                                      "content/b", "content/b/c", "content/d"};
    return any(kFolders);
  }

  // A link from the file at `from` to the file at `to`, relative as editors write them.
  static std::string relative(const std::string& from, const std::string& to) {
    std::string dir = from.substr(0, from.rfind('/'));
    std::string up;
    std::string rest = to;
    while (!(rest.starts_with(dir + "/"))) {
      dir = dir.substr(0, dir.rfind('/'));
      up += "../";
    }
    return up + rest.substr(dir.size() + 1);
  }

  std::string body(const std::string& self, bool with_block) {
    std::vector<std::string> targets = page_paths();
    std::string text;
    int paragraphs = 1 + pick(3);
    for (int p = 0; p < paragraphs; ++p) {
      text += "## Kop " + std::to_string(pick(4)) + "\n\n";
      text += "Tekst " + std::to_string(pick(1000)) + " over zorg en hulp.";
      if (!targets.empty() && pick(2) == 0) {
        const std::string& t = any(targets);
        if (t != self) {
          std::string anchor = pick(4) == 0 ? "#kop-" + std::to_string(pick(4)) : "";
          text += " Zie [meer](" + relative(self, t) + anchor + ").";
        }
      }
      if (pick(6) == 0) text += " Zie [weg](/bestaat/niet/).";
      if (pick(5) == 0) text += " Zie [de start](/).";
      if (pick(8) == 0) text += " Zie [plaatje](/img/plaatje-1.txt).";
      text += "\n\n";
    }
    if (with_block || pick(6) == 0) text += "{{< notitie tekst=\"let op\" >}}\n\n";
    return text;
  }

  void write_page(const std::string& path, bool keep_title, bool with_block = false) {
    std::string old = get(path);
    std::string title = "Pagina " + std::to_string(pick(50));
    if (keep_title) {
      size_t start = old.find("title: \"");
      if (start != std::string::npos) {
        size_t end = old.find('"', start + 8);
        title = old.substr(start + 8, end - start - 8);
      }
    }
    set(path, page_file(title, pick(5), body(path, with_block)));
  }

  // The same front matter with another body: what the dev server's quickest rebuild is for.
  // Sometimes the body is not UTF-8, which loading the page reports.
  void rewrite_body(const std::string& path) {
    std::string text = get(path);
    size_t end = text.find("\n---\n", 3);
    if (!text.starts_with("---\n") || end == std::string::npos) return write_page(path, true);
    std::string body = pick(10) == 0 ? "Kapot \xff.\n" : this->body(path, pick(4) == 0);
    set(path, text.substr(0, end + 5) + body);
  }

  void retitle(const std::string& path) {
    std::string text = get(path);
    size_t start = text.find("title: \"");
    if (start == std::string::npos) return write_page(path, false);
    size_t end = text.find('"', start + 8);
    set(path, text.substr(0, start + 8) + "Titel " + std::to_string(pick(50)) + text.substr(end));
  }

  void set_front_matter_field(const std::string& path) {
    std::string text = get(path);
    if (!text.starts_with("---\n")) return write_page(path, false);
    static const std::vector<std::string> kFields = {
        "weight: 7",           "description: \"Over dit onderwerp\"",
        "slug: eigen-naam",    "aliases: [\"/oud/adres/\"]",
        "url: /vast/adres/",   "summary: \"Kort\"",
        "date: 2025-03-01",    "layout: section",
        "layout: bestaat-niet"};
    set(path, "---\n" + any(kFields) + "\n" + text.substr(4));
  }

  void toggle_draft(const std::string& path) {
    std::string text = get(path);
    if (!text.starts_with("---\n")) return;
    size_t draft = text.find("draft: true\n");
    if (draft != std::string::npos) {
      set(path, text.substr(0, draft) + text.substr(draft + 12));
    } else {
      set(path, "---\ndraft: true\n" + text.substr(4));
    }
  }

  void add_page() {
    std::string path = folder() + "/pagina-" + std::to_string(next_++) + ".md";
    set(path, page_file("Pagina " + std::to_string(pick(50)), pick(5), body(path, false)));
  }

  void move_page(const std::string& path) {
    std::string text = get(path);
    delete_file(path);
    std::string to = folder() + "/verplaatst-" + std::to_string(next_++) + ".md";
    set(to, text);
  }

  void add_section() {
    std::string dir = any(std::vector<std::string>{"content/a", "content/b", "content/b/c",
                                                   "content/d", "content/e"});
    set(dir + "/_index.md",
        page_file("Sectie " + std::to_string(pick(20)), pick(5), body(dir + "/_index.md", false)));
  }

  void edit_template() {
    switch (pick(7)) {
      case 0:
        set("templates/partials/voet.html",
            "<footer>{{site.title}} " + std::to_string(pick(9)) + "</footer>");
        break;
      case 1:  // the footer starts to read the data
        set("templates/partials/voet.html",
            "<footer>{{#site.data.tips.tips}}{{.}} {{/site.data.tips.tips}}</footer>");
        break;
      case 2:
        set("templates/page.html", std::string(kPage) + "<!-- " + std::to_string(pick(9)) + " -->");
        break;
      case 3:  // a partial that does not exist yet, then does
        set("templates/page.html",
            "{{<base}}{{$main}}{{{page.content}}}{{> partials/extra}}{{/main}}{{/base}}");
        break;
      case 4:
        if (pick(2)) {
          set("templates/partials/extra.html", "<p>extra " + std::to_string(pick(9)) + "</p>");
        } else {
          delete_file("templates/partials/extra.html");
        }
        break;
      case 5:
        set("templates/blocks/notitie.html",
            pick(2) ? std::string(kBlock) : "<aside>{{args.tekst}}</aside>");
        break;
      default:
        set("templates/section.html", pick(3) ? std::string(kSection) : "{{#kapot}}");
        break;
    }
  }

  void edit_data() {
    switch (pick(4)) {
      case 0:
        set("content/data/tips.json", "{\"tips\": [kapot");
        break;
      default:
        set("content/data/tips.json", tips({"tip " + std::to_string(pick(9)), "twee"}));
        break;
    }
  }

  void static_file() {
    std::string path = "content/img/plaatje-" + std::to_string(pick(3)) + ".txt";
    if (pick(2)) {
      set(path, "beeld " + std::to_string(pick(9)));
    } else {
      delete_file(path);
    }
  }

  void bundle() {
    switch (pick(3)) {
      case 0:
        set("content/a/bundel/index.md", page_file("Bundel", 1, "Zie [foto](foto.txt).\n"));
        break;
      case 1:
        set("content/a/bundel/foto.txt", "foto " + std::to_string(pick(9)));
        break;
      default:
        delete_file(any(
            std::vector<std::string>{"content/a/bundel/index.md", "content/a/bundel/foto.txt"}));
        break;
    }
  }

  MemoryFileSystem* fs_;
  std::mt19937 rng_;
  int next_ = 0;
  std::vector<Change> touched_;
};

Files starting_site() {
  Files files = theme_files();
  files["content/_index.md"] = page_file("Start", 0, "Welkom. Lees [a](a/een.md).\n");
  files["content/a/_index.md"] = page_file("Sectie A", 1, "Over A.\n");
  files["content/a/een.md"] = page_file("Een", 1, "## Kop 1\n\nTekst.\n\n## Kop 2\n\nMeer.\n");
  files["content/a/twee.md"] = page_file("Twee", 2, "Zie [een](een.md#kop-1).\n");
  files["content/b/_index.md"] = page_file("Sectie B", 2, "Over B.\n");
  files["content/b/drie.md"] = page_file("Drie", 1, "{{< notitie tekst=\"let op\" >}}\n");
  files["content/b/c/vier.md"] = page_file("Vier", 1, "Zie [twee](../../a/twee.md).\n");
  return files;
}

TEST_CASE("incremental builds equal fresh builds after every random edit", "[serve]") {
  MemoryFileSystem fs(starting_site());
  RandomEditor editor(&fs, 20261123);
  // One cache reads every file itself; the other learns about changes the way the dev server
  // does, through CachedFileSystem::invalidate. Drafts are left out by one, kept by the other.
  CachedFileSystem cached_fs(fs);
  BuildMemo plain_cache, watched_cache;
  size_t steps_with_errors = 0, steps_reusing_resolved = 0;
  for (int step = 0; step <= 200; ++step) {
    std::vector<RandomEditor::Change> touched;
    if (step > 0) touched = step % 25 == 0 ? editor.heal() : editor.step();
    std::string changed;
    for (const auto& [path, contents_only] : touched) {
      if (contents_only) {
        cached_fs.contents_changed(path);
      } else {
        cached_fs.invalidate(path);
      }
      changed += " " + path;
    }
    INFO("step " << step << ", changed:" << changed);
    Built fresh = fresh_build(fs, false);
    require_same(fresh, cached_build(fs, false, &plain_cache));
    require_same(fresh_build(fs, true), cached_build(cached_fs, true, &watched_cache));
    if (!fresh.diagnostics.empty()) ++steps_with_errors;
    if (watched_cache.last_build().resolved_reused) ++steps_reusing_resolved;
  }
  // Edits to bodies alone took the quickest way: the previous resolved site with new bodies.
  CHECK(steps_reusing_resolved > 10);
  // The walk must have gone through broken states and back, not stayed in one of them.
  CHECK(steps_with_errors > 20);
  CHECK(steps_with_errors < 190);
}

// A site of `sections` sections with `per_section` pages each.
Files numbered_site(int sections, int per_section) {
  Files files = theme_files();
  files["content/_index.md"] = page_file("Start", 0, "Welkom.\n");
  for (int s = 0; s < sections; ++s) {
    std::string dir = "content/s" + std::to_string(s);
    files[dir + "/_index.md"] = page_file("Sectie " + std::to_string(s), s, "Over deze sectie.\n");
    for (int p = 0; p < per_section; ++p) {
      files[dir + "/p" + std::to_string(p) + ".md"] = page_file(
          "Pagina " + std::to_string(p), p, "## Kop\n\nTekst " + std::to_string(p) + ".\n");
    }
  }
  files["content/s0/p0.md"] = page_file("Pagina 0", 0, "{{< notitie tekst=\"tip\" >}}\n");
  files["wegwijzer.yaml"] += "open_data:\n  page: {url: /data/, title: Open data}\n";
  return files;
}

TEST_CASE("a rebuild redoes only the work whose inputs changed", "[serve]") {
  MemoryFileSystem fs(numbered_site(4, 10));  // 1 home + 4 sections + 40 pages + /data/
  BuildMemo cache;
  auto build = [&] {
    BuildResult result = build_site(fs, test_options(true), nullptr, &cache);
    REQUIRE(result.diagnostics.empty());
    return cache.last_build();
  };
  BuildMemo::Stats first = build();
  CHECK(first.sources_parsed == 45);
  CHECK(first.markdown_rendered == 45);
  CHECK(first.pages_rendered == 46);

  SECTION("nothing changed") {
    BuildMemo::Stats again = build();
    CHECK(again.sources_parsed == 0);
    CHECK(again.markdown_rendered == 0);
    CHECK(again.pages_rendered == 0);
    CHECK(again.files_changed == 0);
    CHECK_FALSE(again.theme_loaded);
    CHECK_FALSE(again.data_loaded);
  }
  SECTION("a page's text: that page only") {
    fs.set("content/s1/p3.md", page_file("Pagina 3", 3, "Nieuwe tekst.\n"));
    BuildMemo::Stats stats = build();
    CHECK(stats.sources_parsed == 1);
    CHECK(stats.markdown_rendered == 1);
    CHECK(stats.pages_rendered == 1);
    CHECK(stats.files_changed == 1);
  }
  SECTION("a page's title: the page, its section and the pages that list it as a sibling") {
    fs.set("content/s1/p3.md", page_file("Andere titel", 3, "## Kop\n\nTekst 3.\n"));
    BuildMemo::Stats stats = build();
    CHECK(stats.markdown_rendered == 1);
    CHECK(stats.pages_rendered == 11);  // s1/_index.md and its 10 pages
  }
  SECTION("a section's title: everything with the menu") {
    fs.set("content/s2/_index.md", page_file("Andere sectie", 2, "Over deze sectie.\n"));
    BuildMemo::Stats stats = build();
    CHECK(stats.markdown_rendered == 1);
    CHECK(stats.pages_rendered == 46);
  }
  SECTION("a template every page uses: every page, but no Markdown") {
    fs.set("templates/partials/voet.html", "<footer>anders</footer>");
    BuildMemo::Stats stats = build();
    CHECK(stats.theme_loaded);
    CHECK(stats.markdown_rendered == 0);
    CHECK(stats.pages_rendered == 46);
  }
  SECTION("the section layout: the sections and the home page only") {
    fs.set("templates/section.html", std::string(kSection) + "<!-- anders -->");
    BuildMemo::Stats stats = build();
    CHECK(stats.pages_rendered == 4);  // home.html is a template of its own
  }
  SECTION("a data file: the pages that read it") {
    fs.set("content/data/tips.json", tips({"drie"}));
    BuildMemo::Stats stats = build();
    CHECK(stats.data_loaded);
    CHECK(stats.markdown_rendered == 1);  // s0/p0.md, the one with a block directive
    // That page, and every page: the data is in the site frame.
    CHECK(stats.pages_rendered == 46);
  }
  SECTION("a new page: its body, its section's pages and section") {
    fs.set("content/s3/nieuw.md", page_file("Nieuw", 20, "Tekst.\n"));
    BuildMemo::Stats stats = build();
    CHECK(stats.sources_parsed == 1);
    CHECK(stats.markdown_rendered == 1);
    CHECK(stats.pages_rendered == 12);  // the new page, its 10 siblings and s3/_index.md
    CHECK(stats.files_changed == 13);   // and sitemap.xml
  }
  SECTION("a deleted page") {
    fs.remove("content/s3/p9.md");
    BuildMemo::Stats stats = build();
    CHECK(stats.markdown_rendered == 0);
    CHECK(stats.pages_rendered == 10);
    CHECK(stats.files_removed == 1);
    CHECK_FALSE(cache.files()->count("s3/p9/index.html"));
  }
}

// Every string in a JSON value, as JSON pointers.
void string_pointers(const nlohmann::json& v, const std::string& at,
                     std::vector<std::string>* out) {
  if (v.is_string()) {
    out->push_back(at);
  } else if (v.is_object()) {
    for (const auto& [key, item] : v.items()) string_pointers(item, at + "/" + key, out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) string_pointers(v[i], at + "/" + std::to_string(i), out);
  }
}

// The project's own site, with its data-driven pages, block directives and step panels: edits
// to its pages, data files and templates, each compared with a fresh build.
TEST_CASE("a memo that explains says which inputs of a page changed", "[serve]") {
  MemoryFileSystem fs(numbered_site(2, 3));
  BuildMemo memo;
  memo.explain(true);
  REQUIRE(build_site(fs, test_options(true), nullptr, &memo).diagnostics.empty());
  CHECK(memo.last_build().explanations.size() ==
        memo.last_build().markdown_rendered + memo.last_build().pages_rendered);
  fs.set("content/s1/p2.md", page_file("Pagina 2", 2, "Nieuwe tekst.\n"));
  REQUIRE(build_site(fs, test_options(true), nullptr, &memo).diagnostics.empty());
  const std::vector<std::string>& why = memo.last_build().explanations;
  REQUIRE(why.size() == 2);
  CHECK(why[0] == "markdown content/s1/p2.md: the file changed");
  CHECK(why[1].starts_with("page /s1/p2/: "));
  CHECK(why[1].find("page frame") != std::string::npos);
  CHECK(why[1].find("page.content") != std::string::npos);
  CHECK(why[1].find("layout") == std::string::npos);
  // Nothing changed: nothing to explain.
  REQUIRE(build_site(fs, test_options(true), nullptr, &memo).diagnostics.empty());
  CHECK(memo.last_build().explanations.empty());
}

TEST_CASE("incremental builds of the real site equal fresh builds", "[serve]") {
  DiskFileSystem disk(WEGWIJZER_SOURCE_DIR);
  MemoryFileSystem fs;
  for (const char* dir : {"content", "templates", "site-assets", "search"}) {
    for (const std::string& path : disk.list_files(dir).files) {
      std::string text, error;
      REQUIRE(disk.read_file(path, &text, &error));
      fs.set(path, text);
    }
  }
  std::string config, error;
  if (disk.read_file(SiteConfig::kFileName, &config, &error)) fs.set(SiteConfig::kFileName, config);

  std::mt19937 rng(52148);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  // Told of each change as the dev server is, so that edits to a body alone reuse the resolved
  // site (with its translations, data pages and search index).
  CachedFileSystem cached(fs);
  BuildMemo cache;
  size_t steps_reusing_resolved = 0;
  for (int step = 0; step <= 40; ++step) {
    std::string changed;
    bool contents_only = true;
    if (step > 0) {
      std::vector<std::string> pages, data, templates;
      for (const std::string& f : fs.list_files("content").files) {
        if (f.ends_with(".md") && !f.starts_with("content/data/")) pages.push_back(f);
        if (f.starts_with("content/data/") && f.ends_with(".json") &&
            f.find("/schemas/") == std::string::npos) {
          data.push_back(f);
        }
      }
      for (const std::string& f : fs.list_files("templates").files) templates.push_back(f);
      std::string text;
      int op = static_cast<int>(pick(10));
      if (op < 4 && !pages.empty()) {  // a page's text or title
        changed = pages[pick(pages.size())];
        fs.read_file(changed, &text, &error);
        size_t title = text.find("title:");
        if (op == 0 && title != std::string::npos) {
          text.insert(title + 6, " Nieuw:");
        } else {
          text += "\nEen nieuwe alinea " + std::to_string(step) + ".\n";
        }
        fs.set(changed, text);
      } else if (op < 7 && !data.empty()) {  // a fact in the data, sometimes breaking it
        changed = data[pick(data.size())];
        fs.read_file(changed, &text, &error);
        nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
        std::vector<std::string> strings;
        if (!value.is_discarded()) string_pointers(value, "", &strings);
        if (strings.empty() || op == 6 && pick(3) == 0) {
          fs.set(changed, text.substr(0, text.size() / 2));
        } else {
          nlohmann::json::json_pointer at(strings[pick(strings.size())]);
          value[at] = value[at].get<std::string>() + " (gewijzigd)";
          fs.set(changed, value.dump(2));
        }
      } else if (op < 8 && !templates.empty()) {
        changed = templates[pick(templates.size())];
        fs.read_file(changed, &text, &error);
        fs.set(changed, text + "<!-- " + std::to_string(step) + " -->");
      } else if (op < 9) {
        changed = "content/nieuw-" + std::to_string(step) + ".md";
        fs.set(changed, "---\ntitle: Nieuw\n---\nZie [crisis](crisis.md).\n");
        contents_only = false;
      } else if (!pages.empty()) {
        changed = pages[pick(pages.size())];
        fs.remove(changed);
        contents_only = false;
      }
      if (contents_only) {
        cached.contents_changed(changed);
      } else {
        cached.invalidate(changed);
      }
    }
    INFO("step " << step << ", changed: " << changed);
    require_same(fresh_build(fs, true), cached_build(cached, true, &cache));
    if (cache.last_build().resolved_reused) ++steps_reusing_resolved;
  }
  CHECK(steps_reusing_resolved > 5);
}

TEST_CASE("a build memo survives a build that had errors", "[serve]") {
  Files files = numbered_site(1, 3);
  MemoryFileSystem fs(files);
  BuildMemo cache;
  REQUIRE(build_site(fs, test_options(true), nullptr, &cache).ok());
  fs.set("content/s0/p1.md", "---\ntitle: [\n---\n");
  CHECK_FALSE(build_site(fs, test_options(true), nullptr, &cache).ok());
  fs.set("content/s0/p1.md", files["content/s0/p1.md"]);
  REQUIRE(build_site(fs, test_options(true), nullptr, &cache).ok());
  require_same(fresh_build(fs, true), cached_build(fs, true, &cache));
}

}  // namespace
}  // namespace wegwijzer
