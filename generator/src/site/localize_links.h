#pragma once

#include <string>

#include "site/site.h"

namespace wegwijzer {

// A page in another language than the site's own links to pages by their original URL, as its
// original does (in Markdown, in templates shared by every language, in the data): each such
// link leads to the translation in the page's language where there is one ("/crisis/" becomes
// "/en/crisis/"), and stays otherwise. A link with hreflang names its language on purpose (a
// language switch) and is left alone. Pages of the site's own language are not touched.
void localize_links(const Site& site, const Page& page, std::string* html);

}  // namespace wegwijzer
