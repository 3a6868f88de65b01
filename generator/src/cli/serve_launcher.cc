#include "cli/serve_launcher.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "cli/cli.h"

namespace wegwijzer {
namespace {

constexpr const char* kServeProgram = "wegwijzer-serve";

constexpr const char* kServeUsage =
    "usage: wegwijzer serve [--source DIR] [--port N] [--bind ADDR] [--base-path PATH] [--jobs N]\n"
    "                       [--explain]\n"
    "\n"
    "Builds the site into memory (with drafts; public/ is left alone), serves it, and rebuilds\n"
    "and reloads open pages whenever a file changes. Stop it with Ctrl+C.\n"
    "\n"
    "  --source DIR   the site folder with content/ (default: .)\n"
    "  --port N       the port (default: 1313; 0 picks a free one)\n"
    "  --bind ADDR    the address to listen on (default: 127.0.0.1, this computer only)\n"
    "  --base-path PATH  serve the site under PATH (/wegwijzer/), as a base_url with that path\n"
    "                 publishes it, and nothing outside it\n"
    "  --jobs N       threads to use (default: all cores)\n"
    "  --drafts       accepted for symmetry with build: serve always shows drafts\n"
    "  --explain      after each rebuild, say why each page was made again: which of its\n"
    "                 inputs (file, links, data, layout, frames, templates) changed\n";

// Where wegwijzer-serve is: in the folder of the running program ("" when /proc cannot say).
std::string serve_program_path() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "" : (self.parent_path() / kServeProgram).string();
}

}  // namespace

const char* serve_usage() {
  return kServeUsage;
}

int run_serve_program(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // Without /proc, the one on the PATH.
  const std::string beside = serve_program_path();
  const std::string program = beside.empty() ? kServeProgram : beside;
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  out.flush();
  err.flush();
  ::execvp(program.c_str(), argv.data());  // a path with a slash is not looked up
  err << "wegwijzer serve: cannot start " << program << ": " << std::strerror(errno)
      << " (it is installed beside wegwijzer)\n";
  return kExitUsage;
}

}  // namespace wegwijzer
