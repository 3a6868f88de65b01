#include "util/fingerprint.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("fingerprint: named inputs, unambiguous, and explainable") {
  CHECK(Fingerprint().add("a", "bc").digest() == Fingerprint().add("a", "bc").digest());
  // Lengths before contents: moving a byte from one input to the next changes the key.
  CHECK(Fingerprint().add("a", "bc").add("b", "d").digest() !=
        Fingerprint().add("a", "b").add("b", "cd").digest());
  // The name is part of the key.
  CHECK(Fingerprint().add("a", uint64_t{1}).digest() !=
        Fingerprint().add("b", uint64_t{1}).digest());

  FingerprintInputs before, after;
  Fingerprint(&before).add("layout", "page").add("page frame", uint64_t{7}).add("script", "");
  Fingerprint(&after)
      .add("layout", "page")
      .add("page frame", uint64_t{8})
      .add("templates", uint64_t{1});
  CHECK(changed_inputs(before, after) == "page frame, script, templates");
  CHECK(changed_inputs(before, before).empty());
}

}  // namespace wegwijzer
