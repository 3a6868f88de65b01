#include "site/render.h"

#include "check/contact_literals.h"
#include "site/data_references.h"
#include "site/localize_links.h"
#include "template/mustache.h"

namespace wegwijzer {

void inject_before_body_end(std::string* html, const std::string& inject) {
  if (inject.empty()) return;
  size_t pos = html->rfind("</body>");
  html->insert(pos == std::string::npos ? html->size() : pos, inject);
}

LanguageTemplates::LanguageTemplates(const mustache::TemplateSet& set, std::string_view language,
                                     std::set<std::string>* used)
    : set_(set), language_(language), used_(used) {}

const mustache::Template* LanguageTemplates::find(std::string_view name) const {
  if (!language_.empty()) {
    std::string own = std::string(name) + "." + language_;
    // Noted even when missing: a template added later for the language changes the page.
    if (used_) used_->insert(own);
    if (const mustache::Template* t = set_.find(own)) return t;
  }
  return set_.find(name);
}

std::string render_template(const Theme& theme, const std::string& name,
                            std::span<const nlohmann::json* const> frames, Diagnostics* diags,
                            std::set<std::string>* used_templates, mustache::SectionCache* sections,
                            size_t stable_frames, std::string_view language) {
  std::string out;
  if (used_templates) used_templates->insert(name);
  const LanguageTemplates templates(theme.templates, language, used_templates);
  const mustache::Template* tmpl = templates.find(name);
  if (!tmpl) {
    diags->error("templates/" + name + ".html", 0, 0, "template is missing");
    return out;
  }
  std::vector<mustache::Error> errors;
  mustache::RenderOptions options;
  options.missing_partial_is_error = true;
  options.used_templates = used_templates;
  options.section_cache = sections;
  options.stable_frames = stable_frames;
  mustache::render_to(out, *tmpl, frames, templates, options, &errors);
  for (const mustache::Error& e : errors) theme.report(e, diags);
  return out;
}

namespace {

// Where a Markdown render reports what it finds; with a trace, also what it consulted.
struct MarkdownSinks {
  Diagnostics* link_diags;
  std::vector<AnchorCheck>* anchors;
  Diagnostics* block_diags;
  MarkdownTrace* trace;  // may be null
};

// {{< feit id="..." >}}: a fact from the data, in the middle of a sentence, marked with its id so
// that the page can list where its facts come from. A fact that may not be shown stops the build.
std::optional<markdown::InlineReplacement> inline_fact(const Site& site, const Page& page,
                                                       const markdown::BlockDirective& d,
                                                       Diagnostics* diags) {
  auto fail = [&](const std::string& message) {
    diags->error(page.source_path, d.line, d.column, message,
                 std::string(line_text(page.text, d.line)));
    return markdown::InlineReplacement{};
  };
  if (d.name != "feit") return fail("unknown inline directive \"" + d.name + "\" (known: feit)");
  auto id = d.args.find("id");
  if (id == d.args.end()) return fail("{{< feit >}} needs an id: {{< feit id=\"...\" >}}");
  const FactIndex& facts = site.facts_of(page.language);
  auto it = facts.find(id->second);
  if (it == facts.end()) {
    return fail("unknown fact \"" + id->second +
                "\": no object in the data has this \"id\" and a \"waarde\"");
  }
  const Fact& fact = it->second;
  if (!fact.shown) {
    return fail("this page uses the fact \"" + fact.id + "\" (" + fact.file + ":" +
                std::to_string(fact.line) +
                "), which may not be shown yet: it is not sourced well enough (\"zekerheid\") and "
                "no check is recorded (\"gecontroleerd\")");
  }
  markdown::InlineReplacement out;
  out.text = fact.text;
  out.key = fact.id;
  std::string tag = fact.href.empty() ? "span" : "a";
  out.html = "<" + tag + " class=\"ww-feit\" data-feit=\"";
  mustache::append_escaped(out.html, fact.id);
  if (!fact.href.empty()) {
    out.html += "\" href=\"";
    mustache::append_escaped(out.html, fact.href);
  }
  out.html += "\">";
  mustache::append_escaped(out.html, fact.text);
  out.html += "</" + tag + ">";
  return out;
}

// The renderer turns footnotes off for a text where cmark-gfm would misread a '[' (see
// markdown::find_caret_reference_after_bracket); a page that defines one is told, not left without.
void check_footnotes_kept(const Page& page, Diagnostics* diags) {
  std::string_view body = page.body();
  size_t at = markdown::find_caret_reference_after_bracket(body);
  if (at == std::string_view::npos || !markdown::defines_footnote(body)) return;
  diags->error_at(page.source_path, body, at,
                  "'[' followed by a character reference for '^' turns this page's footnotes off "
                  "(cmark-gfm misreads it as a footnote mark); write \\[ here, or ^ itself",
                  page.body_first_line);
}

// Phone numbers and e-mail addresses belong in the data; typed into a page they are refused.
void check_contact_literals(const Site& site, const Page& page, Diagnostics* diags) {
  std::string_view body = page.body();
  LiteralRules rules{site.config.short_numbers, site.config.allowed_literals};
  for (const ContactLiteral& literal : find_contact_literals(body, rules)) {
    diags->error_at(page.source_path, body, literal.offset, contact_literal_message(literal),
                    page.body_first_line);
  }
}

void render_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                     const LinkResolver& links, int index, bool want_plain_text,
                     markdown::Rendered* out, const MarkdownSinks& sinks) {
  const Page& page = site.pages[index];
  MarkdownTrace* trace = sinks.trace;
  markdown::Options options;
  options.first_line = page.body_first_line;
  options.want_plain_text = want_plain_text;
  const Strings& words = site.strings_of(page.language);
  const std::string language = page.language == 0 ? std::string() : site.code_of(page.language);
  const std::string_view own_language = language;
  options.footnote_back_label = words.text("footnote_back");
  options.fallback_heading_id = words.text("heading_id");
  if (options.fallback_heading_id.empty()) options.fallback_heading_id = "section";
  options.input_is_valid_utf8 = true;  // parse_page_source refuses a page that is not
  options.rewrite_link = [&](const std::string& href, int line, int column) {
    std::optional<std::string> result =
        links.resolve(index, href, line, column, sinks.link_diags, sinks.anchors);
    if (trace) trace->links.push_back({href, line, column, result});
    return result;
  };
  options.handle_block = [&](const markdown::BlockDirective& block) -> std::optional<std::string> {
    Diagnostics* diags = sinks.block_diags;
    std::string name = "blocks/" + block.name;
    if (trace) {
      trace->has_blocks = true;
      trace->block_templates.insert(name);
    }
    if (!LanguageTemplates(theme.templates, own_language, nullptr).find(name)) {
      diags->error(page.source_path, block.line, block.column,
                   "unknown block \"" + block.name + "\" (no templates/" + name + ".html)",
                   std::string(line_text(page.text, block.line)));
      return std::string();
    }
    std::string error;
    std::optional<nlohmann::json> frame =
        declared_block_context(site, block, page.language, &error);
    if (!frame) {
      diags->error(page.source_path, block.line, block.column, error,
                   std::string(line_text(page.text, block.line)));
      return std::string();
    }
    nlohmann::json args = nlohmann::json::object();
    for (const auto& [k, v] : block.args) args[k] = v;
    (*frame)["args"] = std::move(args);
    const nlohmann::json* frames[] = {&contexts.site_frame(page.language), &*frame};
    size_t before = diags->items().size();
    std::string html =
        render_template(theme, name, frames, diags, trace ? &trace->block_templates : nullptr,
                        nullptr, 0, own_language);
    if (trace && diags->items().size() != before) trace->reusable = false;
    return html;
  };
  options.handle_inline = [&](const markdown::BlockDirective& d) {
    if (trace) trace->has_blocks = true;
    return inline_fact(site, page, d, sinks.block_diags);
  };
  check_contact_literals(site, page, sinks.block_diags);
  check_footnotes_kept(page, sinks.block_diags);
  *out = markdown::render(page.body(), options);
}

}  // namespace

void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int index, bool want_plain_text,
                          markdown::Rendered* out, Diagnostics* diags,
                          std::vector<AnchorCheck>* anchors) {
  render_markdown(site, theme, contexts, links, index, want_plain_text, out,
                  {diags, anchors, diags, nullptr});
}

void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int index, bool want_plain_text,
                          markdown::Rendered* out, MarkdownTrace* trace) {
  render_markdown(site, theme, contexts, links, index, want_plain_text, out,
                  {&trace->link_diagnostics, &trace->anchors, &trace->block_diagnostics, trace});
}

std::string render_page_html(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                             int index, const nlohmann::json& group, const std::string& inject,
                             Diagnostics* diags, std::set<std::string>* used_templates,
                             mustache::SectionCache* sections) {
  const Page& page = site.pages[index];
  // Each thread fills the frame its previous page left (ContextBuilder::fill_page_frame).
  thread_local nlohmann::json frame;
  contexts.fill_page_frame(index, &frame);
  const nlohmann::json* frames[] = {&contexts.site_frame(page.language), &group, &frame};
  const std::string language = page.language == 0 ? std::string() : site.code_of(page.language);
  // The site and group frames outlive the page; the page frame is refilled by the next one.
  std::string html = render_template(theme, page.layout, frames, diags, used_templates, sections,
                                     /*stable_frames=*/2, language);
  localize_links(site, page, &html);
  inject_before_body_end(&html, inject);
  return html;
}

}  // namespace wegwijzer
