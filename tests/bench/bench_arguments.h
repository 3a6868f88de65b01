#pragma once

// The command line both rebuild benchmarks take: CORPUS_DIR [ROUNDS] [JOBS]. A folder without
// content/ or a count that is not a positive number is a usage error, not an exception.

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace wegwijzer::bench {

struct BenchArguments {
  std::filesystem::path corpus;
  int rounds = 0;
  int jobs = 0;
};

inline bool positive_number(std::string_view text, int* out) {
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, *out);
  return error == std::errc() && stop == end && *out > 0;
}

// Fills `args` (the defaults for what is not given); prints `usage` and returns false on a
// mistake.
inline bool parse_bench_arguments(int argc, char** argv, const char* usage, BenchArguments* args) {
  std::error_code ec;
  bool ok = argc >= 2 && argc <= 4 &&
            std::filesystem::is_directory(std::filesystem::path(argv[1]) / "content", ec) &&
            (argc < 3 || positive_number(argv[2], &args->rounds)) &&
            (argc < 4 || positive_number(argv[3], &args->jobs));
  if (!ok) {
    std::fprintf(stderr,
                 "usage: %s\n  CORPUS_DIR must hold content/; ROUNDS and JOBS are positive\n",
                 usage);
    return false;
  }
  args->corpus = argv[1];
  return true;
}

}  // namespace wegwijzer::bench
