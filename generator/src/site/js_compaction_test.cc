#include "site/js_compaction.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

std::string compacted(std::string_view js) {
  return compact_javascript(js).value_or("<none>");
}

TEST_CASE("js compaction: spaces stay only between words, line breaks stay once") {
  CHECK(compacted("  const a = b + c;   // why\n\n\n  if (a) {\n    f(a, b);\n  }\n") ==
        "const a=b+c;\nif(a){\nf(a,b);\n}\n");
  CHECK(compacted("a = b + +c - -d;\nreturn x") == "a=b+ +c- -d;\nreturn x\n");
  CHECK(compacted("let x /* a */ = 1; /* one\ntwo */ y()") == "let x=1;\ny()\n");
}

TEST_CASE("js compaction: strings, templates and their substitutions are kept as written") {
  CHECK(compacted("f('a  b', \"c // d\", 'e\\' f')") == "f('a  b',\"c // d\",'e\\' f')\n");
  CHECK(compacted("x = `a  ${ y + `b  ${ z }` }  c`;") == "x=`a  ${y+`b  ${z}`}  c`;\n");
  CHECK(compacted("x = `${ {a: 1}.a }`") == "x=`${{a:1}.a}`\n");
}

TEST_CASE("js compaction: a slash is a regular expression or a division as the grammar says") {
  CHECK(compacted("s.replace(/ +[/]x/g, ' ')") == "s.replace(/ +[/]x/g,' ')\n");
  CHECK(compacted("return / a /.test(x)") == "return/ a /.test(x)\n");
  CHECK(compacted("a = b / c / d") == "a=b/c/d\n");
  CHECK(compacted("a = (b) / 2") == "a=(b)/2\n");
}

TEST_CASE("js compaction: what it cannot read it refuses") {
  CHECK_FALSE(compact_javascript("a = 'open"));
  CHECK_FALSE(compact_javascript("a = `open ${b"));
  CHECK_FALSE(compact_javascript("a = /open"));
  CHECK_FALSE(compact_javascript("/* open"));
}

}  // namespace
}  // namespace wegwijzer
