#include "fuzz/fuzz_targets.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <string>

#include "content/flat_yaml.h"
#include "content/front_matter.h"
#include "data/json_source.h"
#include "markdown/markdown.h"
#include "site/build_memo.h"
#include "site/links.h"
#include "site/url_resolver.h"
#include "template/mustache.h"
#include "util/file_system.h"

namespace wegwijzer {

void fuzz_front_matter(std::string_view input) {
  ParsedSource parsed;
  Diagnostics diags;
  parse_page_source("content/fuzz.md", input, &parsed, &diags);
  format_diagnostics(diags);
  // The flat reader stands in for yaml-cpp only where both read the same.
  if (!flat_yaml_disagreement(input).empty()) std::abort();
}

void fuzz_mustache(std::string_view input) {
  size_t split = input.find("\n---\n");
  std::string_view tmpl = input.substr(0, split);
  nlohmann::json data = nlohmann::json::parse(
      split == std::string_view::npos ? std::string_view("{}") : input.substr(split + 5), nullptr,
      /*allow_exceptions=*/false);
  if (data.is_discarded()) data = nlohmann::json::object();
  mustache::TemplateSet set;
  std::vector<mustache::Error> errors;
  // The template is its own partial too, to exercise recursion limits.
  if (!set.add("self", tmpl, &errors)) return;
  mustache::RenderOptions options;
  options.missing_partial_is_error = true;
  const nlohmann::json* frames[] = {&data};
  std::string out;
  mustache::render_to(out, *set.find("self"), frames, set, options, &errors);
}

void fuzz_json_source(std::string_view input) {
  JsonSource source;
  Diagnostics diags;
  if (parse_json_source("content/data/fuzz.json", std::string(input), &source, &diags)) {
    source.error(&diags, "/a/0/b", "probe");
  }
}

void fuzz_markdown_links(std::string_view input) {
  static const MemoryFileSystem* fs = new MemoryFileSystem({
      {"content/_index.md", "---\ntitle: Home\n---\n"},
      {"content/a/_index.md", "---\ntitle: A\n---\n"},
      {"content/a/b.md", "---\ntitle: B\n---\n"},
      {"content/a/c/index.md", "---\ntitle: C\n---\n"},
      {"content/a/c/x.png", "x"},
  });
  Site site;
  Diagnostics diags;
  load_content(*fs, {}, &site, &diags);
  resolve_urls(&site, &diags);
  int from = site.page_by_source.at("content/a/b.md");
  site.pages[from].set_text("---\ntitle: B\n---\n" + std::string(input));
  LinkResolver links(site, {"/sitemap.xml"});
  std::vector<AnchorCheck> anchors;
  markdown::Options options;
  options.first_line = 4;
  options.rewrite_link = [&](const std::string& href, int line, int column) {
    return links.resolve(from, href, line, column, &diags, &anchors);
  };
  options.handle_block = [](const markdown::BlockDirective& b) -> std::optional<std::string> {
    return "<div>" + b.name + "</div>";
  };
  markdown::render(input, options);
  format_diagnostics(diags);
}

}  // namespace wegwijzer
