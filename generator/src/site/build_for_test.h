#pragma once

// For tests: a whole build of files held in memory.

#include <map>
#include <string>

#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"

namespace wegwijzer {

struct BuiltForTest {
  BuildResult result;
  std::map<std::string, std::string> files;  // what the build wrote, by path
};

inline BuiltForTest build_for_test(const std::map<std::string, std::string>& files, int jobs = 1,
                                   const std::string& today = "2026-12-04") {
  MemoryFileSystem fs(files);
  MemoryOutput output;
  BuildOptions options;
  options.today = today;
  options.jobs = jobs;
  BuiltForTest built;
  built.result = build_site(fs, options, &output);
  built.files = output.take();
  return built;
}

}  // namespace wegwijzer
