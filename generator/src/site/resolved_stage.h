#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "site/build.h"
#include "site/context.h"
#include "site/links.h"
#include "site/site.h"
#include "site/theme.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// What the load and resolve stages make and the later stages read: the site with its URLs, tree,
// pages from data and layouts, the theme and data it was made from, every other output URL, and
// the link resolver and template contexts built on it. A memo that keeps builds
// (BuildMemo::reuse_resolved) hands it whole to the next build when only page bodies changed:
// nothing the resolve stage reads lies in a body. Built in place and never moved, since `links`
// and `contexts` point into `site`.
struct ResolvedStage {
  ResolvedStage() = default;
  ResolvedStage(const ResolvedStage&) = delete;
  ResolvedStage& operator=(const ResolvedStage&) = delete;

  Site site;
  std::shared_ptr<const Theme> theme;
  std::shared_ptr<const SiteData> data;
  std::string today;
  std::vector<std::string> outputs;  // assets, data exports, sitemap: for the link checks
  Diagnostics diagnostics;           // of the load and resolve stages
  std::optional<LinkResolver> links;
  std::optional<ContextBuilder> contexts;
  // Files the templates stage added to site.generated (the search index): taken out again before
  // the site is reused, since the next templates stage makes them afresh.
  std::vector<std::string> later_files;
};

}  // namespace wegwijzer
