#include "data/json_source.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("JsonSource records where each value stands") {
  JsonSource src;
  Diagnostics diags;
  REQUIRE(parse_json_source("content/data/x.json",
                            "{\n  \"a\": [1, {\"b/c\": \"x\"}],\n  \"d\": {}\n}\n", &src, &diags));
  CHECK(src.offset_of("/a/1/b~1c") == 21);
  CHECK(src.offset_of("/d") == 35);
  CHECK(src.offset_of("/d/missing/deeper") == 35);
  src.error(&diags, "/a/1/b~1c", "wrong");
  CHECK(format_diagnostics(diags) ==
        "content/data/x.json:2:20: error: wrong\n    \"a\": [1, {\"b/c\": \"x\"}],\n               "
        "      ^\n");
}

TEST_CASE("JsonSource reports syntax errors, bad UTF-8 and deep nesting with positions") {
  JsonSource src;
  Diagnostics diags;
  CHECK_FALSE(parse_json_source("d.json", "{\n  \"a\": [1, 2,]\n}\n", &src, &diags));
  CHECK_FALSE(parse_json_source("e.json", "[\"\xff\"]", &src, &diags));
  CHECK_FALSE(
      parse_json_source("f.json", std::string(10000, '[') + std::string(10000, ']'), &src, &diags));
  std::string out = format_diagnostics(diags);
  CHECK(
      out.find(
          "d.json:2:14: error: invalid JSON: syntax error while parsing value - unexpected ']'") !=
      std::string::npos);
  CHECK(out.find("e.json:1:3: error: invalid UTF-8 (byte 2)\n") != std::string::npos);
  CHECK(out.find("f.json:1:129: error: nested more than 128 levels deep\n") != std::string::npos);
}

TEST_CASE("JsonSource accepts a byte order mark") {
  JsonSource src;
  Diagnostics diags;
  REQUIRE(parse_json_source("b.json", "\xEF\xBB\xBF{\"a\": 1}", &src, &diags));
  CHECK(src.value["a"] == 1);
  CHECK(src.offset_of("/a") == 9);
}

}  // namespace wegwijzer

#include "data/data_files.h"

namespace wegwijzer {

TEST_CASE("published JSON keeps markup inert and drops what may not be shown") {
  nlohmann::json data = nlohmann::json::parse(
      R"({"a": "</script><b>&", "b": [{"zekerheid": "middel", "x": 1}, {"zekerheid": "hoog", "redactie_noot": "n"}]})");
  CHECK(
      json_for_publishing(published_data(data), -1) ==
      "{\"a\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\",\"b\":[{\"zekerheid\":\"hoog\"}]}\n");
}

}  // namespace wegwijzer
