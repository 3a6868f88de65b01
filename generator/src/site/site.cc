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

}  // namespace wegwijzer
