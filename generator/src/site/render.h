#pragma once

#include <string>
#include <vector>

#include "site/context.h"
#include "site/links.h"
#include "site/site.h"
#include "site/theme.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Renders a page's Markdown body: links rewritten through `links`, block directives
// ({{< name >}}) rendered through templates/blocks/<name>.html. Thread-safe for distinct pages.
void render_page_markdown(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                          const LinkResolver& links, int page, bool want_plain_text,
                          markdown::Rendered* out, Diagnostics* diags,
                          std::vector<AnchorCheck>* anchors);

// Renders a page through its layout. `inject` goes before </body> when not empty.
std::string render_page_html(const Site& site, const Theme& theme, const ContextBuilder& contexts,
                             int page, const std::string& inject, Diagnostics* diags);

// Renders template `name` against the given frames (bottom first), reporting template errors.
std::string render_template(const Theme& theme, const std::string& name,
                            std::span<const nlohmann::json* const> frames, Diagnostics* diags);

// Inserts `inject` before the last </body>, or appends it when there is none.
void inject_before_body_end(std::string* html, const std::string& inject);

}  // namespace wegwijzer
