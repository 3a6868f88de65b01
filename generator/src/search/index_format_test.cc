#include "search/index_format.h"

#include <catch2/catch.hpp>

namespace wegwijzer::search {
namespace {

TEST_CASE("index format: postings as gaps, weights and runs in base 36") {
  CHECK(encode_postings({{0, 1}}) == "1");
  CHECK(encode_postings({{3, 10}, {4, 2}, {5, 2}, {6, 2}, {40, 1}, {41, 1}}) == "4.a,1.2*3,y*2");
  std::vector<Posting> many;
  for (int page = 10; page < 352; ++page) many.push_back({page, 3});
  CHECK(encode_postings(many) == "b.3*9i");  // 342 pages in six bytes
  CHECK(encode_postings({}).empty());
}

std::map<std::string, std::string> terms(std::initializer_list<const char*> names, size_t size) {
  std::map<std::string, std::string> out;
  for (const char* name : names) out[name] = std::string(size, '1');
  return out;
}

TEST_CASE("index format: shards split by longer keys only when too big") {
  auto small = terms({"aap", "beer", "bever"}, 5);
  std::vector<Shard> one = shard_terms(small, 1000, 3);
  REQUIRE(one.size() == 1);
  CHECK(one[0].key.empty());
  CHECK(one[0].terms == std::vector<std::string>{"aap", "beer", "bever"});

  auto big = terms({"aap", "b", "beer", "bever", "bos", "cel"}, 30);
  std::vector<Shard> split = shard_terms(big, 100, 3);
  std::vector<std::string> keys;
  for (const Shard& s : split) keys.push_back(s.key);
  CHECK(keys == std::vector<std::string>{"a", "b", "be", "bo", "c"});
  CHECK(split[1].terms == std::vector<std::string>{"b"});  // equal to its key: stays there
  CHECK(split[2].terms == std::vector<std::string>{"beer", "bever"});
  CHECK(shard_key_for("bever", keys) == "be");
  CHECK(shard_key_for("bunker", keys) == "b");
  CHECK(shard_key_for("zebra", keys).empty());
}

TEST_CASE("index format: keys stop at the longest allowed, whole UTF-8 letters") {
  auto big = terms({"zzzza", "zzzzb", "zzzzc", "\xCE\xB1\xCE\xB2", "\xCE\xB1\xCE\xB3"}, 60);
  std::vector<Shard> split = shard_terms(big, 10, 2);
  std::vector<std::string> keys;
  for (const Shard& s : split) keys.push_back(s.key);
  CHECK(keys == std::vector<std::string>{"zz", "\xCE\xB1\xCE\xB2", "\xCE\xB1\xCE\xB3"});
}

}  // namespace
}  // namespace wegwijzer::search
