#include "template/mustache.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace wegwijzer::mustache {
namespace {

using json = nlohmann::json;

// The spec files are read where they are, so the suite always runs the real spec.
const char* const kSpecFiles[] = {"comments", "delimiters", "interpolation",  "inverted",
                                  "partials", "sections",   "~dynamic-names", "~inheritance"};
constexpr size_t kSpecTestCount = 184;

json load_spec(const std::string& file) {
  std::string path = std::string(WEGWIJZER_SHARED_DIR "/spec/mustache/") + file + ".json";
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in.good());
  json spec = json::parse(in, nullptr, /*allow_exceptions=*/false);
  REQUIRE(spec.is_object());
  REQUIRE(spec.contains("tests"));
  REQUIRE(spec["tests"].is_array());
  REQUIRE(!spec["tests"].empty());
  return spec;
}

void run_spec_file(const std::string& file) {
  json spec = load_spec(file);
  // Section names must be unique or Catch2 runs only the first of two equal ones.
  std::set<std::string> seen;
  for (const json& test : spec["tests"]) {
    std::string name = test.at("name").get<std::string>();
    for (int n = 2; !seen.insert(name).second; ++n) {
      name = test.at("name").get<std::string>() + " (" + std::to_string(n) + ")";
    }
    DYNAMIC_SECTION(name) {
      INFO(test.at("desc").get<std::string>());
      INFO("template: " << test.at("template").dump());
      TemplateSet partials;
      std::vector<Error> errors;
      if (test.contains("partials")) {
        for (const auto& [partial, source] : test["partials"].items()) {
          REQUIRE(partials.add(partial, source.get<std::string>(), &errors));
        }
      }
      Error error;
      std::shared_ptr<const Template> tmpl =
          parse("test", test.at("template").get<std::string>(), &error);
      INFO("parse error: " << error.line << ":" << error.column << " " << error.message);
      REQUIRE(tmpl);
      std::string out = render(*tmpl, test.at("data"), partials, {}, &errors);
      CHECK(out == test.at("expected").get<std::string>());
      CHECK(errors.empty());
      // Again with the data as a stable frame and a section cache, twice: the second render
      // reuses what the first one kept, and both must still be right.
      SectionCache cache;
      RenderOptions cached;
      cached.section_cache = &cache;
      cached.stable_frames = 1;
      for (int round = 0; round < 2; ++round) {
        INFO("with a section cache, round " << round + 1);
        CHECK(render(*tmpl, test.at("data"), partials, cached) ==
              test.at("expected").get<std::string>());
      }
    }
  }
}

Error parse_error(std::string_view source) {
  Error error;
  std::shared_ptr<const Template> tmpl = parse("page", source, &error);
  CHECK(tmpl == nullptr);
  return error;
}

std::string render_with(const TemplateSet& set, const std::string& name, const json& data,
                        const RenderOptions& options = {}, std::vector<Error>* errors = nullptr) {
  const Template* tmpl = set.find(name);
  REQUIRE(tmpl);
  return render(*tmpl, data, set, options, errors);
}

TemplateSet make_set(const std::vector<std::pair<std::string, std::string>>& sources) {
  TemplateSet set;
  for (const auto& [name, source] : sources) {
    std::vector<Error> errors;
    INFO(name);
    REQUIRE(set.add(name, source, &errors));
  }
  return set;
}

}  // namespace

TEST_CASE("mustache spec: comments") {
  run_spec_file("comments");
}
TEST_CASE("mustache spec: delimiters") {
  run_spec_file("delimiters");
}
TEST_CASE("mustache spec: interpolation") {
  run_spec_file("interpolation");
}
TEST_CASE("mustache spec: inverted") {
  run_spec_file("inverted");
}
TEST_CASE("mustache spec: partials") {
  run_spec_file("partials");
}
TEST_CASE("mustache spec: sections") {
  run_spec_file("sections");
}
TEST_CASE("mustache spec: ~dynamic-names") {
  run_spec_file("~dynamic-names");
}
TEST_CASE("mustache spec: ~inheritance") {
  run_spec_file("~inheritance");
}

TEST_CASE("mustache spec: every file is present and the suite has all tests") {
  size_t total = 0;
  for (const char* file : kSpecFiles) total += load_spec(file)["tests"].size();
  CHECK(total == kSpecTestCount);
}

TEST_CASE("mustache syntax errors point at the tag") {
  SECTION("unclosed tag") {
    Error e = parse_error("<p>\n  {{name</p>");
    CHECK(e.template_name == "page");
    CHECK(e.line == 2);
    CHECK(e.column == 3);
    CHECK(e.message == "unclosed tag");
  }
  SECTION("unclosed triple mustache") {
    Error e = parse_error("a {{{name}} b");
    CHECK(e.line == 1);
    CHECK(e.column == 3);
    CHECK(e.message == "unclosed tag");
  }
  SECTION("unclosed section, column counted in characters") {
    Error e = parse_error("<h1>Één</h1>\nwij {{#items}}<li>{{.}}</li>\n");
    CHECK(e.line == 2);
    CHECK(e.column == 5);
    CHECK(e.message == "unclosed section \"items\"");
  }
  SECTION("multi-byte characters before the tag on the same line") {
    Error e = parse_error("€ ë {{#a}}");
    CHECK(e.line == 1);
    CHECK(e.column == 5);
    CHECK(e.message == "unclosed section \"a\"");
  }
  SECTION("unclosed inverted section, parent and block") {
    CHECK(parse_error("{{^a}}").message == "unclosed section \"a\"");
    CHECK(parse_error("{{<base}}").message == "unclosed parent \"base\"");
    CHECK(parse_error("{{$main}}").message == "unclosed block \"main\"");
  }
  SECTION("mismatched closing tag") {
    Error e = parse_error("{{#a}}\n  x {{/b}}\n{{/a}}");
    CHECK(e.line == 2);
    CHECK(e.column == 5);
    CHECK(e.message == "closing tag \"b\" does not match open section \"a\"");
  }
  SECTION("a dynamic parent closes with the same dynamic name") {
    CHECK(parse_error("{{<*layout}}{{/layout}}").message ==
          "closing tag \"layout\" does not match open parent \"*layout\"");
    CHECK(parse_error("{{$a}}{{/b}}").message ==
          "closing tag \"b\" does not match open block \"a\"");
  }
  SECTION("closing tag without an open section") {
    Error e = parse_error("x\n{{/a}}");
    CHECK(e.line == 2);
    CHECK(e.column == 1);
    CHECK(e.message == "closing tag \"a\" without open section");
  }
  SECTION("bad delimiter tags") {
    Error e = parse_error("ab {{=<% %>}}");
    CHECK(e.line == 1);
    CHECK(e.column == 4);
    CHECK(e.message == "invalid delimiter tag");
    CHECK(parse_error("{{= <% =}}").message == "invalid delimiter tag");
    CHECK(parse_error("{{=<% %> x=}}").message == "invalid delimiter tag");
    CHECK(parse_error("{{=<= =>=}}").message == "invalid delimiter tag");
  }
  SECTION("errors after a delimiter change use the new delimiters") {
    Error e = parse_error("{{=<% %>=}}\n<%#a%>{{/a}}");
    CHECK(e.line == 2);
    CHECK(e.column == 1);
    CHECK(e.message == "unclosed section \"a\"");
  }
  SECTION("empty tag names") {
    Error e = parse_error("x {{ }}");
    CHECK(e.line == 1);
    CHECK(e.column == 3);
    CHECK(e.message == "empty tag name");
    CHECK(parse_error("{{#}}{{/}}").message == "empty tag name");
    CHECK(parse_error("{{>*}}").message == "empty tag name");
    CHECK(parse_error("{{{}}}").message == "empty tag name");
  }
  SECTION("names with spaces or stray dots") {
    CHECK(parse_error("{{a b}}").message == "invalid tag name \"a b\"");
    CHECK(parse_error("{{a..b}}").message == "invalid tag name \"a..b\"");
    CHECK(parse_error("{{#a.}}{{/a.}}").message == "invalid tag name \"a.\"");
  }
  SECTION("the first error wins") {
    Error e = parse_error("{{#a}}{{/b}} {{unclosed");
    CHECK(e.message == "closing tag \"b\" does not match open section \"a\"");
  }
}

TEST_CASE("mustache TemplateSet reports syntax errors and lists names sorted") {
  TemplateSet set;
  std::vector<Error> errors;
  CHECK(set.add("zeta", "z", &errors));
  CHECK(set.add("alpha", "a", &errors));
  CHECK(set.add("partials/nav", "n", &errors));
  CHECK(errors.empty());
  CHECK(set.names() == std::vector<std::string>{"alpha", "partials/nav", "zeta"});

  CHECK_FALSE(set.add("alpha", "{{#x}}", &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].template_name == "alpha");
  CHECK(errors[0].message == "unclosed section \"x\"");
  CHECK_FALSE(set.contains("alpha"));  // no stale version is kept
  CHECK(set.contains("zeta"));
}

TEST_CASE("mustache missing partials") {
  TemplateSet set = make_set({{"page", "<title>x</title>\n  {{> partials/nav}}\n{{>inner}}"},
                              {"inner", "i{{<layout}}{{/layout}}"}});
  RenderOptions strict;
  strict.missing_partial_is_error = true;

  SECTION("render as nothing by default") {
    std::vector<Error> errors;
    CHECK(render_with(set, "page", json::object(), {}, &errors) == "<title>x</title>\ni");
    CHECK(errors.empty());
  }
  SECTION("are errors in strict mode, located in the template that has the tag") {
    std::vector<Error> errors;
    CHECK(render_with(set, "page", json::object(), strict, &errors) == "<title>x</title>\ni");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].template_name == "page");
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 3);
    CHECK(errors[0].message == "unknown partial \"partials/nav\"");
    CHECK(errors[1].template_name == "inner");
    CHECK(errors[1].line == 1);
    CHECK(errors[1].column == 2);
    CHECK(errors[1].message == "unknown parent template \"layout\"");
  }
  SECTION("a missing partial in a loop is reported once") {
    TemplateSet loop = make_set({{"page", "{{#items}}\n{{>row}}\n{{/items}}"}});
    std::vector<Error> errors;
    CHECK(render_with(loop, "page", {{"items", {1, 2, 3}}}, strict, &errors).empty());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 1);
  }
  SECTION("a dynamic name that resolves to a missing template") {
    TemplateSet dyn = make_set({{"page", "[{{>*kind}}]"}});
    std::vector<Error> errors;
    CHECK(render_with(dyn, "page", {{"kind", "video"}}, strict, &errors) == "[]");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "unknown partial \"video\"");
    errors.clear();
    // No name in the data at all is not an error: nothing was asked for.
    CHECK(render_with(dyn, "page", json::object(), strict, &errors) == "[]");
    CHECK(errors.empty());
  }
}

TEST_CASE("mustache stops runaway recursion and keeps going") {
  SECTION("a template that includes itself") {
    TemplateSet set = make_set({{"self", "a{{>self}}b"}});
    std::vector<Error> errors;
    std::string out = render_with(set, "self", json::object(), {}, &errors);
    // The top template plus 100 nested levels each write their "a", then unwind with "b".
    CHECK(out == std::string(101, 'a') + std::string(101, 'b'));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].template_name == "self");
    CHECK(errors[0].line == 1);
    CHECK(errors[0].column == 2);
    CHECK(errors[0].message == "partial recursion deeper than 100 levels (through \"self\")");
  }
  SECTION("through another template and a parent") {
    TemplateSet set = make_set({{"a", "{{<b}}{{/b}}"}, {"b", "\n{{>a}}"}});
    std::vector<Error> errors;
    std::string out = render_with(set, "a", json::object(), {}, &errors);
    CHECK(out == std::string(50, '\n'));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "partial recursion deeper than 100 levels (through \"b\")");
    CHECK(errors[0].template_name == "a");
  }
  SECTION("a template that includes itself twice ends") {
    TemplateSet set = make_set({{"twice", "{{>twice}}{{>twice}}x"}, {"page", "{{>twice}}|end"}});
    std::vector<Error> errors;
    std::string out = render_with(set, "page", json::object(), {}, &errors);
    CHECK(out.ends_with("|end"));
    CHECK(errors.size() == 1);
  }
  SECTION("the rest of the top template still renders, later partials too") {
    TemplateSet set =
        make_set({{"self", "{{>self}}"}, {"ok", "fine"}, {"page", "{{>self}}[{{>ok}}]{{>self}}"}});
    std::vector<Error> errors;
    CHECK(render_with(set, "page", json::object(), {}, &errors) == "[fine]");
    CHECK(errors.size() == 1);  // both runs fail at the same tag
  }
  SECTION("a block that contains itself falls back to its default") {
    TemplateSet set = make_set({{"base", "<{{$a}}default{{/a}}>"},
                                {"page", "{{<base}}{{$a}}[{{$a}}inner{{/a}}]{{/a}}{{/base}}"}});
    CHECK(render_with(set, "page", json::object()) == "<[inner]>");
  }
}

TEST_CASE("mustache escaping") {
  TemplateSet set = make_set({{"t", "{{x}}|{{{x}}}|{{&x}}"}});
  CHECK(render_with(set, "t", {{"x", "Tom & Jerry's <\"b\">"}}) ==
        "Tom &amp; Jerry&#39;s &lt;&quot;b&quot;&gt;|Tom & Jerry's <\"b\">|Tom & Jerry's <\"b\">");
  std::string out = "pre:";
  append_escaped(out, "'a'&'b'");
  CHECK(out == "pre:&#39;a&#39;&amp;&#39;b&#39;");
  out.clear();
  append_escaped(out, "plain text, niets te doen");
  CHECK(out == "plain text, niets te doen");
}

TEST_CASE("mustache value formatting and truthiness") {
  TemplateSet set = make_set({{"v", "{{.}}"}, {"s", "{{#.}}yes{{/.}}{{^.}}no{{/.}}"}});
  CHECK(render_with(set, "v", 85) == "85");
  CHECK(render_with(set, "v", -3) == "-3");
  CHECK(render_with(set, "v", 18446744073709551615ull) == "18446744073709551615");
  CHECK(render_with(set, "v", 1.21) == "1.21");
  CHECK(render_with(set, "v", 2.0) == "2");
  CHECK(render_with(set, "v", 0.1 + 0.2) == "0.30000000000000004");
  CHECK(render_with(set, "v", true) == "true");
  CHECK(render_with(set, "v", nullptr) == "");
  CHECK(render_with(set, "v", json::array({1, "<a>"})) == "[1,&quot;&lt;a&gt;&quot;]");

  // The spec's "!!data" rule: JavaScript's falsy values, plus the empty list.
  CHECK(render_with(set, "s", "") == "no");
  CHECK(render_with(set, "s", 0) == "no");
  CHECK(render_with(set, "s", 0.0) == "no");
  CHECK(render_with(set, "s", false) == "no");
  CHECK(render_with(set, "s", nullptr) == "no");
  CHECK(render_with(set, "s", json::array()) == "no");
  CHECK(render_with(set, "s", "0") == "yes");
  CHECK(render_with(set, "s", " ") == "yes");
  CHECK(render_with(set, "s", 7) == "yes");
  CHECK(render_with(set, "s", json::object()) == "yes");
}

TEST_CASE("mustache context stack: the top frame shadows the bottom one") {
  TemplateSet set =
      make_set({{"t", "{{title}} {{name}} {{site.lang}} {{#page}}{{title}}/{{name}}{{/page}}"}});
  json site = {{"title", "Wegwijzer"}, {"name", "bottom"}, {"site", {{"lang", "nl"}}}};
  json page = {{"title", "Crisis"}, {"page", {{"title", "inner"}}}};
  const json* frames[] = {&site, &page};
  std::string out = "keep:";
  render_to(out, *set.find("t"), frames, set, {}, nullptr);
  CHECK(out == "keep:Crisis bottom nl inner/bottom");

  // A key that is present but null still hides the frames below it.
  json hiding = {{"name", nullptr}};
  const json* frames2[] = {&site, &hiding};
  out.clear();
  render_to(out, *set.find("t"), frames2, set, {}, nullptr);
  CHECK(out == "Wegwijzer  nl ");

  // No frames at all renders the text.
  out.clear();
  render_to(out, *set.find("t"), {}, set, {}, nullptr);
  CHECK(out == "   ");
}

TEST_CASE("mustache used_templates lists every partial and parent rendered") {
  TemplateSet set = make_set({{"base", "<main>{{$main}}{{/main}}</main>{{>footer}}"},
                              {"footer", "f{{#items}}{{>*kind}}{{/items}}"},
                              {"card", "c"},
                              {"unused", "u"},
                              {"page", "{{<base}}{{$main}}{{>partials/x}}{{/main}}{{/base}}"},
                              {"partials/x", "x"}});
  std::set<std::string> used;
  RenderOptions options;
  options.used_templates = &used;
  json data = {{"items", {{{"kind", "card"}}, {{"kind", "missing"}}}}};
  CHECK(render_with(set, "page", data, options) == "<main>x</main>fc");
  CHECK(used == std::set<std::string>{"base", "card", "footer", "partials/x"});
}

TEST_CASE("mustache layouts: parents, blocks and indentation") {
  TemplateSet set = make_set({
      {"base",
       "<html>\n"
       "<title>{{$title}}{{site}}{{/title}}</title>\n"
       "<body>\n"
       "  {{$main}}\n"
       "  <p>empty</p>\n"
       "  {{/main}}\n"
       "  {{> footer}}\n"
       "</body>\n"},
      {"footer", "<footer>\n  {{year}}\n</footer>\n"},
      {"section",
       "{{<base}}\n{{$main}}\n<ul>\n{{#pages}}\n  <li>{{.}}</li>\n{{/pages}}\n</ul>\n"
       "{{/main}}\n{{/base}}\n"},
      {"page", "{{<section}}{{$title}}Pagina{{/title}}{{/section}}"},
      {"dynamic", "{{<*layout}}{{$title}}Dyn{{/title}}{{/*layout}}"},
  });
  json data = {{"site", "Wegwijzer"}, {"year", 2025}, {"pages", {"a", "b"}}, {"layout", "base"}};
  CHECK(render_with(set, "base", data) ==
        "<html>\n<title>Wegwijzer</title>\n<body>\n  <p>empty</p>\n"
        "  <footer>\n    2025\n  </footer>\n</body>\n");
  CHECK(render_with(set, "page", data) ==
        "<html>\n<title>Pagina</title>\n<body>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n"
        "  <footer>\n    2025\n  </footer>\n</body>\n");
  CHECK(render_with(set, "dynamic", data) ==
        "<html>\n<title>Dyn</title>\n<body>\n  <p>empty</p>\n"
        "  <footer>\n    2025\n  </footer>\n</body>\n");
}

TEST_CASE("mustache indentation applies to template lines, not to data") {
  TemplateSet set = make_set(
      {{"outer", "<div>\n  {{>inner}}\n</div>\n"}, {"inner", "<p>\n  {{{html}}}\n\n</p>\n"}});
  CHECK(render_with(set, "outer", {{"html", "a\nb"}}) ==
        "<div>\n  <p>\n    a\nb\n\n  </p>\n</div>\n");
}

TEST_CASE("mustache section cache: keeps sections over stable data, never those that look below") {
  TemplateSet set = make_set({
      {"page",
       "{{#menu}}<a>{{title}}</a>{{/menu}}|{{#menu}}{{title}}={{here}} {{/menu}}\n"
       "  {{>list}}\n{{>list}}"},
      {"list", "{{#menu}}{{title}}\n{{/menu}}"},
  });
  json site = {{"menu", {{{"title", "A"}}, {{"title", "B"}}}}};
  SectionCache cache;
  RenderOptions options;
  options.section_cache = &cache;
  options.stable_frames = 1;  // `site`; the page frame changes from page to page
  auto render_page = [&](const std::string& here, const RenderOptions& opts) {
    json page = {{"here", here}};
    const json* frames[] = {&site, &page};
    std::string out;
    render_to(out, *set.find("page"), frames, set, opts, nullptr);
    return out;
  };
  const std::string expected_x = "<a>A</a><a>B</a>|A=x B=x \n  A\n  B\nA\nB\n";
  CHECK(render_page("x", {}) == expected_x);
  CHECK(render_page("x", options) == expected_x);
  // The first menu and the partial's menu at two indentations; not the one that reads `here`.
  CHECK(cache.size() == 3);
  CHECK(render_page("y", options) == "<a>A</a><a>B</a>|A=y B=y \n  A\n  B\nA\nB\n");
  CHECK(cache.size() == 3);

  // Sections over the page frame are not kept: the next page's frame may sit at the same address.
  cache.clear();
  options.stable_frames = 0;
  CHECK(render_page("z", options) == "<a>A</a><a>B</a>|A=z B=z \n  A\n  B\nA\nB\n");
  CHECK(cache.size() == 0);

  // Nor while dependencies are recorded: a reused text would not say which partials it used.
  std::set<std::string> used;
  options.stable_frames = 1;
  options.used_templates = &used;
  render_page("x", options);
  CHECK(cache.size() == 0);
}

TEST_CASE("mustache renders the same template from several threads") {
  TemplateSet set =
      make_set({{"base", "<ul>\n{{$items}}{{/items}}</ul>\n"},
                {"item", "  <li>{{name}} {{#tags}}[{{.}}]{{/tags}}</li>\n"},
                {"page", "{{<base}}{{$items}}{{#items}}{{>item}}{{/items}}{{/items}}{{/base}}"}});
  json data = {{"items", json::array()}};
  for (int i = 0; i < 2000; ++i) {
    data["items"].push_back({{"name", "n" + std::to_string(i)}, {"tags", {"a", i}}});
  }
  std::string expected = render_with(set, "page", data);
  REQUIRE(expected.size() > 20000);

  std::string results[2];
  auto work = [&](std::string* result) {
    for (int round = 0; round < 20; ++round) *result = render(*set.find("page"), data, set);
  };
  std::thread first(work, &results[0]);
  std::thread second(work, &results[1]);
  first.join();
  second.join();
  CHECK(results[0] == expected);
  CHECK(results[1] == expected);
}

}  // namespace wegwijzer::mustache
