#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "site/context.h"
#include "site/links.h"
#include "site/site.h"
#include "site/theme.h"
#include "template/mustache.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Renders a page's Markdown body: links rewritten through `links`, block directives
// ({{< name >}}) rendered through templates/blocks/<name>.html. Thread-safe for distinct pages.
void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int page, bool want_plain_text,
                          markdown::Rendered* out, Diagnostics* diags,
                          std::vector<AnchorCheck>* anchors);

// Everything a Markdown render looked at besides the page's own file, so that an incremental
// build can tell whether rendering it again would give the same result.
struct MarkdownTrace {
  struct LinkQuery {
    std::string href;
    int line = 0;
    int column = 0;
    std::optional<std::string> result;
    bool operator==(const LinkQuery&) const = default;
  };
  std::vector<LinkQuery> links;  // every link and image, in document order
  Diagnostics link_diagnostics;
  std::vector<AnchorCheck> anchors;
  // Block directives read the site frame, the data and these templates: each blocks/<name> looked
  // up (found or not) and every partial or parent their rendering used.
  bool has_blocks = false;
  std::set<std::string> block_templates;
  Diagnostics block_diagnostics;
  // False when a block's template reported an error: a missing partial is not among the
  // templates used, so the result cannot be checked against later changes.
  bool reusable = true;
};

// The same, with what the render consulted going to `trace` (diagnostics and anchors too).
void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int page, bool want_plain_text,
                          markdown::Rendered* out, MarkdownTrace* trace);

// Renders a page through its layout against the site frame, its group frame
// (ContextBuilder::make_group_frame) and its own frame. `inject` goes before </body> when not
// empty. The layout and every partial or parent used go to `used_templates` when given.
// `sections`, when given, keeps the text of sections over the site and group frames for the next
// pages of the group (mustache::SectionCache): clear it before `group` goes. The two exclude each
// other: a section taken from the cache names no template.
std::string render_page_html(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                             int page, const nlohmann::json& group, const std::string& inject,
                             Diagnostics* diags, std::set<std::string>* used_templates,
                             mustache::SectionCache* sections);

// The theme's templates as a page in `language` sees them: "x.en" in place of "x" where the theme
// has it (a site's templates/page.en.html for an English page). An empty language sees the theme as
// it is. Every "x.<language>" looked up goes to `used` (may be null), found or not.
class LanguageTemplates : public mustache::TemplateSource {
 public:
  LanguageTemplates(const mustache::TemplateSet& set, std::string_view language,
                    std::set<std::string>* used);
  const mustache::Template* find(std::string_view name) const override;

 private:
  const mustache::TemplateSet& set_;
  std::string language_;
  std::set<std::string>* used_;
};

// Renders template `name` against the given frames (bottom first), reporting template errors.
// With `sections`, the first `stable_frames` frames must outlive it unchanged. `language`: as
// for LanguageTemplates.
std::string render_template(const Theme& theme, const std::string& name,
                            std::span<const nlohmann::json* const> frames, Diagnostics* diags,
                            std::set<std::string>* used_templates = nullptr,
                            mustache::SectionCache* sections = nullptr, size_t stable_frames = 0,
                            std::string_view language = {});

// Inserts `inject` before the last </body>, or appends it when there is none.
void inject_before_body_end(std::string* html, const std::string& inject);

}  // namespace wegwijzer
