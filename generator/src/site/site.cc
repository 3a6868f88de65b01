#include "site/site.h"

namespace wegwijzer {

const markdown::Rendered& Page::body_rendered() const {
  static const markdown::Rendered kNothing;
  return rendered ? *rendered : kNothing;
}

void Page::set_text(std::string contents) {
  text_holder = std::make_shared<const std::string>(std::move(contents));
  text = *text_holder;
}

int Site::translation_in(int page, int language) const {
  if (pages[page].language == language) return page;
  auto versions = translations.find(pages[page].translation_key);
  if (versions == translations.end()) return -1;
  for (int i : versions->second) {
    if (pages[i].language == language) return i;
  }
  return -1;
}

std::string page_name(const Site& site, const Page& page) {
  if (!page.source_path.empty()) return page.source_path;
  if (page.derived) {
    if (page.declared_in < 0) {
      return "the page " + page.url + " (made by open_data in " + SiteConfig::kFileName + ")";
    }
    return "the page " + page.url + " (made by data_pages in " +
           site.pages[page.declared_in].source_path + ")";
  }
  const std::string index =
      page.language == 0 || page.language >= static_cast<int>(site.languages.size())
          ? "_index.md"
          : "_index." + site.languages[page.language].code + ".md";
  return "the home page (made because content/" + index + " is missing)";
}

}  // namespace wegwijzer
