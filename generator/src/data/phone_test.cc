#include "data/phone.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("Dutch phone numbers become tel: targets") {
  CHECK(dutch_phone_to_tel("112") == "112");
  CHECK(dutch_phone_to_tel("113") == "113");
  CHECK(dutch_phone_to_tel("0800-0113") == "+318000113");
  CHECK(dutch_phone_to_tel("088 0767 000") == "+31880767000");
  CHECK(dutch_phone_to_tel("030 789 78 78") == "+31307897878");
  CHECK(dutch_phone_to_tel("+31 30 789 78 78") == "+31307897878");
  CHECK(dutch_phone_to_tel("0900-1450") == "+319001450");
  CHECK(dutch_phone_to_tel("06 13 86 38 03") == "+31613863803");
  CHECK(dutch_phone_to_tel("14 020") == "14020");
}

TEST_CASE("malformed phone numbers are refused") {
  CHECK(dutch_phone_to_tel("") == std::nullopt);
  CHECK(dutch_phone_to_tel("0800-011") == std::nullopt);
  CHECK(dutch_phone_to_tel("030 789 78 7") == std::nullopt);
  CHECK(dutch_phone_to_tel("bel 113") == std::nullopt);
  CHECK(dutch_phone_to_tel("+32 2 555 12 12") == std::nullopt);
  CHECK(dutch_phone_to_tel("00 30 123") == std::nullopt);
}

}  // namespace wegwijzer
