#include "cli/flag_reader.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("FlagReader reads --name value and --name=value") {
  std::vector<std::string> args = {"build", "--source", "site", "--jobs=2", "--drafts", "--output"};
  FlagReader reader(args, 1);
  REQUIRE(reader.next());
  CHECK(reader.name() == "--source");
  CHECK(reader.value() == "site");
  REQUIRE(reader.next());
  CHECK(reader.name() == "--jobs");
  CHECK(reader.raw() == "--jobs=2");
  CHECK(reader.value() == "2");
  REQUIRE(reader.next());
  CHECK(reader.name() == "--drafts");
  REQUIRE(reader.next());
  CHECK(reader.value() == std::nullopt);
  CHECK_FALSE(reader.next());
}

TEST_CASE("parse_int_in_range accepts only whole numbers in range") {
  CHECK(parse_int_in_range("8", 1, 256) == 8);
  CHECK(parse_int_in_range("0", 1, 256) == std::nullopt);
  CHECK(parse_int_in_range("2x", 1, 256) == std::nullopt);
  CHECK(parse_int_in_range("", 1, 256) == std::nullopt);
}

}  // namespace wegwijzer
