#include "util/process_exit.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

struct Watched {
  bool* destroyed = nullptr;
  ~Watched() { *destroyed = true; }
};

TEST_CASE("leave_to_process_exit: what it is given is not destroyed") {
  static bool destroyed = false;  // static: the object outlives this test
  bool control = false;
  {
    auto left = std::make_unique<Watched>();
    left->destroyed = &destroyed;
    leave_to_process_exit(std::move(left));
    auto freed = std::make_unique<Watched>();
    freed->destroyed = &control;
  }
  CHECK(control);  // an object that is not handed over is destroyed as usual
  CHECK_FALSE(destroyed);
}

}  // namespace
}  // namespace wegwijzer
