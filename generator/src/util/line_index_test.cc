#include "util/line_index.h"

#include <catch2/catch.hpp>
#include <string>

namespace wegwijzer {

TEST_CASE("line index: every offset gets what line_column_at gives") {
  const std::string texts[] = {
      "",
      "one line",
      "ab\ncdé f\n",
      "\n\n\nx",
      "{\r\n  \"naam\": \"Súdwest-Fryslân\",\r\n  \"n\": 1\r\n}\r\n",
      "ëën\ntwee\n\ndrie 🙂 vier\n",
  };
  for (const std::string& text : texts) {
    LineIndex index(text);
    for (size_t offset = 0; offset <= text.size() + 2; ++offset) {
      INFO("text " << text << ", offset " << offset);
      LineColumn want = line_column_at(text, offset);
      LineColumn got = index.at(text, offset);
      CHECK(got.line == want.line);
      CHECK(got.column == want.column);
    }
  }
}

TEST_CASE("line index: one made of nothing reads the text itself") {
  LineIndex none;
  CHECK(none.empty());
  LineColumn lc = none.at("a\nbc", 3);
  CHECK(lc.line == 2);
  CHECK(lc.column == 2);
}

}  // namespace wegwijzer
