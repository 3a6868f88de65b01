#include "util/string_index.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace wegwijzer {

TEST_CASE("StringIndex finds what was added and nothing else") {
  std::vector<std::string> urls;
  for (int i = 0; i < 1000; ++i)
    urls.push_back("/onderwerp-" + std::to_string(i % 10) + "/pagina-" + std::to_string(i) + "/");
  StringIndex index(10);  // too small on purpose: it must grow
  for (size_t i = 0; i < urls.size(); ++i) CHECK(index.insert(urls[i], static_cast<int>(i)));
  CHECK(index.size() == urls.size());
  for (size_t i = 0; i < urls.size(); ++i) CHECK(index.find(urls[i]) == static_cast<int>(i));
  // Found by its bytes, not by where they are.
  CHECK(index.find(std::string("/onderwerp-7/pagina-17/")) == 17);
  CHECK(index.find("/onderwerp-7/pagina-17") == -1);
  CHECK(index.find("/onderwerp-7/pagina-17//") == -1);
  CHECK(index.find("") == -1);
}

TEST_CASE("StringIndex keeps the first value of a key and takes the empty key") {
  StringIndex index;
  CHECK(index.find("/") == -1);
  CHECK(index.insert("/", 1));
  CHECK_FALSE(index.insert(std::string("/"), 2));
  CHECK(index.find("/") == 1);
  CHECK(index.insert("", 3));
  CHECK(index.find("") == 3);
  CHECK(index.size() == 2);
}

}  // namespace wegwijzer
