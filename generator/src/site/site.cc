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

}  // namespace wegwijzer
