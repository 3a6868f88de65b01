// End-to-end benchmark of `wegwijzer serve`: serves a corpus folder (tests/bench/rebuild_bench.sh
// makes one on tmpfs), listens to the reload events as an open page does, then saves one page's
// text in place the way an editor does and times each save until its reload message arrives:
// the watcher, the rebuild and the message together. Prints figures; it is not a pass/fail test.
//
// usage: bench_serve CORPUS_DIR [ROUNDS] [JOBS]

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench_arguments.h"
#include "cli/allocator.h"
#include "serve/dev_server.h"
#include "serve/reload_events_client.h"
#include "util/file_system.h"

namespace fs = std::filesystem;
using namespace wegwijzer;
using Clock = std::chrono::steady_clock;

namespace {

// Writes a file in place, as most editors save: truncate, write, close.
void save(const fs::path& p, const std::string& text) {
  int fd = ::open(p.c_str(), O_WRONLY | O_TRUNC);
  if (fd < 0) return;
  [[maybe_unused]] ssize_t n = ::write(fd, text.data(), text.size());
  ::close(fd);
}

// The page in the middle of the corpus (site-relative), not a section's own page.
std::string middle_page(const DiskFileSystem& site) {
  std::vector<std::string> pages;
  for (const std::string& path : site.list_files("content").files) {
    if (path.ends_with(".md") && !path.ends_with("/_index.md")) pages.push_back(path);
  }
  return pages.empty() ? std::string() : pages[pages.size() / 2];
}

int measure_serve(const bench::BenchArguments& args) {
  fs::path root = args.corpus;
  int rounds = args.rounds;
  ServeOptions options;
  options.source = root.string();
  options.port = 0;
  options.jobs = args.jobs;
  DevServer server(options);
  std::string error;
  auto started = Clock::now();
  if (!server.start(&error)) {
    std::fprintf(stderr, "bench_serve: %s\n", error.c_str());
    return 1;
  }
  std::printf("serve: first build %.0f ms\n",
              std::chrono::duration<double, std::milli>(Clock::now() - started).count());
  ReloadEventsClient page("127.0.0.1", server.port(), std::chrono::seconds(5));
  if (!page.wait_for("event: hello")) {
    std::fprintf(stderr, "bench_serve: no event stream\n");
    return 1;
  }
  DiskFileSystem site(root.string());
  std::string original;
  const std::string edited = middle_page(site);
  if (edited.empty() || !site.read_file(edited, &original, &error)) {
    std::fprintf(stderr, "bench_serve: no page to edit in %s %s\n", root.c_str(), error.c_str());
    return 1;
  }
  const fs::path target = root / edited;
  std::vector<double> ms;
  for (int round = 1; round <= rounds; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // one save at a time
    auto saved = Clock::now();
    save(target, original + "\nNieuwe alinea " + std::to_string(round) + ".\n");
    std::optional<Clock::time_point> reload = page.reload(round);
    if (!reload) {
      std::fprintf(stderr, "bench_serve: no reload after save %d\n", round);
      save(target, original);
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(*reload - saved).count());
  }
  save(target, original);
  server.stop();
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  std::printf(
      "save one page's text -> reload message: %.1f ms median of %d (%.1f-%.1f), %s, %d jobs\n",
      sorted[sorted.size() / 2], rounds, sorted.front(), sorted.back(), target.c_str(),
      options.jobs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bench::BenchArguments args;
  args.rounds = 15;
  args.jobs = 2;
  if (!bench::parse_bench_arguments(argc, argv, "bench_serve CORPUS_DIR [ROUNDS] [JOBS]", &args)) {
    return 2;
  }
  // Through the allocator set-up `wegwijzer` uses (src/cli/main.cc).
  return run_with_allocator([&] { return measure_serve(args); });
}
