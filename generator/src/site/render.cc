#include "site/render.h"

#include "data/ggz_pages.h"
#include "template/mustache.h"

namespace wegwijzer {

void inject_before_body_end(std::string* html, const std::string& inject) {
  if (inject.empty()) return;
  size_t pos = html->rfind("</body>");
  html->insert(pos == std::string::npos ? html->size() : pos, inject);
}

std::string render_template(const Theme& theme, const std::string& name,
                            std::span<const nlohmann::json* const> frames, Diagnostics* diags) {
  std::string out;
  const mustache::Template* tmpl = theme.templates.find(name);
  if (!tmpl) {
    diags->error("templates/" + name + ".html", 0, 0, "template is missing");
    return out;
  }
  std::vector<mustache::Error> errors;
  mustache::RenderOptions options;
  options.missing_partial_is_error = true;
  mustache::render_to(out, *tmpl, frames, theme.templates, options, &errors);
  for (const mustache::Error& e : errors) theme.report(e, diags);
  return out;
}

void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int index, bool want_plain_text,
                          markdown::Rendered* out, Diagnostics* diags,
                          std::vector<AnchorCheck>* anchors) {
  const Page& page = site.pages[index];
  markdown::Options options;
  options.first_line = page.body_first_line;
  options.want_plain_text = want_plain_text;
  options.rewrite_link = [&](const std::string& href, int line, int column) {
    return links.resolve(index, href, line, column, diags, anchors);
  };
  options.handle_block = [&](const markdown::BlockDirective& block) -> std::optional<std::string> {
    std::string name = "blocks/" + block.name;
    if (!theme.templates.contains(name)) {
      diags->error(page.source_path, block.line, block.column,
                   "unknown block \"" + block.name + "\" (no templates/" + name + ".html)",
                   std::string(line_text(page.text, block.line)));
      return std::string();
    }
    std::string error;
    std::optional<nlohmann::json> frame = ggz_block_context(site, block, &error);
    if (!frame) {
      diags->error(page.source_path, block.line, block.column, error,
                   std::string(line_text(page.text, block.line)));
      return std::string();
    }
    nlohmann::json args = nlohmann::json::object();
    for (const auto& [k, v] : block.args) args[k] = v;
    (*frame)["args"] = std::move(args);
    const nlohmann::json* frames[] = {&contexts.site_frame(), &*frame};
    return render_template(theme, name, frames, diags);
  };
  *out = markdown::render(page.body(), options);
}

std::string render_page_html(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                             int index, const std::string& inject, Diagnostics* diags) {
  const Page& page = site.pages[index];
  nlohmann::json frame = contexts.page_frame(index);
  const nlohmann::json* frames[] = {&contexts.site_frame(), &contexts.group_frame(index), &frame};
  std::string html = render_template(theme, page.layout, frames, diags);
  inject_before_body_end(&html, inject);
  return html;
}

}  // namespace wegwijzer
