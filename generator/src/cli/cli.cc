#include "cli/cli.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <map>
#include <optional>

#include "check/fact_table.h"
#include "cli/flag_reader.h"
#include "cli/new_site.h"
#include "cli/serve_launcher.h"
#include "markdown/cmark_threads.h"
#include "output/manifest.h"
#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

constexpr const char* kUsage =
    "usage: wegwijzer <command> [options]\n"
    "\n"
    "commands:\n"
    "  build    build the site into a folder (default: public/ in the source folder)\n"
    "  check    build without writing and report everything an editor should look at:\n"
    "           errors, stale facts and pages, pages harder than B1, and a table of every\n"
    "           fact with its source and age (the ones due for a check first)\n"
    "  serve    build the site into memory, serve it on http://127.0.0.1:1313/ and rebuild\n"
    "           and reload the browser whenever a file changes (wegwijzer serve --help)\n"
    "  new      start a new site in a folder, with an example of every feature\n"
    "           (wegwijzer new DIR)\n"
    "  verify   compare a built site folder with the manifest.sha256 the build published\n"
    "           in it (wegwijzer verify DIR): what is missing, changed or extra\n"
    "  help     show this help (wegwijzer <command> --help: that command's)\n"
    "  man      print the manual page (troff)\n"
    "  version  show the version\n"
    "\n"
    "options (build, check):\n"
    "  --source DIR     the site folder with content/ (default: .)\n"
    "  --output DIR     where the site goes (default: DIR/public)\n"
    "  --jobs N         threads to use (default: all cores)\n"
    "  --drafts         include pages with draft: true\n"
    "  --base-url URL   absolute URL the site is served from, with a path if need be:\n"
    "                   https://example.github.io/site/ (overrides wegwijzer.yaml)\n"
    "  --timings        print how long each stage took\n"
    "  --quiet          print only problems\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 errors in the input, 2 wrong usage\n";

constexpr const char* kBuildUsage =
    "usage: wegwijzer build [--source DIR] [--output DIR] [--jobs N] [--drafts] [--base-url URL]\n"
    "                       [--timings] [--quiet]\n"
    "\n"
    "Builds the site in DIR into a folder (default: public/ in it), with manifest.sha256. The\n"
    "new site replaces the old one only when the build had no errors.\n";

constexpr const char* kCheckUsage =
    "usage: wegwijzer check [--source DIR] [--jobs N] [--drafts] [--base-url URL]\n"
    "\n"
    "Builds without writing and reports everything an editor should look at: errors, stale\n"
    "facts and pages, pages harder than B1, and on standard output a table of every fact with\n"
    "its source and age, the ones due for a check first.\n";

constexpr const char* kVerifyUsage =
    "usage: wegwijzer verify DIR\n"
    "\n"
    "Compares the files in DIR with the manifest.sha256 the build published in it and lists\n"
    "what is missing, changed or not in the manifest. Exit status 1 when anything differs.\n";

// Text for troff: backslashes escaped, and no line starting with a control character.
std::string troff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

// The man page, from the same texts as --help.
std::string man_page() {
  std::string page = ".TH WEGWIJZER 1 \"\" \"wegwijzer " + std::string(WEGWIJZER_VERSION) +
                     "\" \"User Commands\"\n.SH NAME\nwegwijzer \\- a static\\-site generator for "
                     "guidance sites\n.SH SYNOPSIS\n.nf\n" +
                     troff(kUsage) + ".fi\n";
  const std::pair<const char*, std::string> commands[] = {{"build", kBuildUsage},
                                                          {"check", kCheckUsage},
                                                          {"serve", serve_usage()},
                                                          {"verify", kVerifyUsage}};
  for (const auto& [name, text] : commands) {
    page += ".SH " + std::string(name) + "\n.nf\n" + troff(text) + ".fi\n";
  }
  return page;
}

bool wants_help(const std::vector<std::string>& args) {
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") return true;
  }
  return false;
}

struct Flags {
  std::string source = ".";
  std::string output;
  int jobs = 0;
  bool drafts = false;
  bool timings = false;
  bool quiet = false;
  std::string base_url;
  bool process_ends_after = false;  // not a flag: set by main (run_cli)
};

// Parses "--name value" and "--name=value" flags; returns an error message or nullopt.
std::optional<std::string> parse_flags(const std::vector<std::string>& args, size_t start,
                                       Flags* flags) {
  FlagReader reader(args, start);
  while (reader.next()) {
    const std::string& arg = reader.name();
    if (arg == "--drafts") {
      flags->drafts = true;
    } else if (arg == "--timings") {
      flags->timings = true;
    } else if (arg == "--quiet" || arg == "-q") {
      flags->quiet = true;
    } else if (arg == "--source" || arg == "-s" || arg == "--output" || arg == "-o" ||
               arg == "--jobs" || arg == "-j" || arg == "--base-url") {
      std::optional<std::string> v = reader.value();
      if (!v) return arg + " needs a value";
      if (arg == "--source" || arg == "-s") {
        flags->source = *v;
      } else if (arg == "--output" || arg == "-o") {
        flags->output = *v;
      } else if (arg == "--base-url") {
        flags->base_url = *v;
      } else {
        std::optional<int> jobs = parse_int_in_range(*v, 1, 256);
        if (!jobs) return "--jobs needs a number from 1 to 256";
        flags->jobs = *jobs;
      }
    } else {
      return "unknown option '" + reader.raw() + "'";
    }
  }
  return std::nullopt;
}

// True when `inner` is `outer` or lies inside it.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// What `build` and `check` build with.
BuildOptions build_options(const Flags& flags) {
  BuildOptions options;
  options.drafts = flags.drafts;
  options.jobs = flags.jobs > 0 ? flags.jobs : default_jobs();
  options.base_url = flags.base_url;
  options.free_memory = !flags.process_ends_after;
  return options;
}

int run_check(const Flags& flags, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(flags.source, ec)) {
    err << "wegwijzer: " << flags.source << ": no such folder\n";
    return kExitUsage;
  }
  DiskFileSystem files(fs::weakly_canonical(flags.source, ec).string());
  MemoryOutput output;
  BuildOptions options = build_options(flags);
  options.editor_checks = true;
  BuildResult result = build_site(files, options, &output);
  err << format_diagnostics(result.diagnostics);
  out << format_fact_table(std::move(result.facts)) << "\n";
  size_t errors = result.diagnostics.error_count();
  size_t warnings = result.diagnostics.warning_count();
  size_t notes = result.diagnostics.items().size() - errors - warnings;
  auto count = [](size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  out << "Checked " << result.pages_written << " pages: " << count(errors, "error") << ", "
      << count(warnings, "warning") << ", " << count(notes, "note") << "\n";
  return errors ? kExitInputErrors : kExitOk;
}

int run_build(const Flags& flags, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(flags.source, ec)) {
    err << "wegwijzer: " << flags.source << ": no such folder\n";
    return kExitUsage;
  }
  fs::path source = fs::weakly_canonical(flags.source, ec);
  fs::path target =
      flags.output.empty() ? source / "public" : fs::weakly_canonical(flags.output, ec);
  for (const char* inside : {"", "content", "templates", "site-assets"}) {
    fs::path protected_dir = *inside ? source / inside : source;
    if (is_within(protected_dir, target) || (*inside && is_within(target, protected_dir))) {
      err << "wegwijzer: --output " << target.string()
          << " would overwrite the site's own files; choose another folder\n";
      return kExitUsage;
    }
  }

  auto started = std::chrono::steady_clock::now();
  DiskFileSystem files(source.string());
  const BuildOptions options = build_options(flags);
  StagedDirectoryOutput output(target.string(), options.jobs);
  std::string error;
  if (!output.begin(&error)) {
    err << "wegwijzer: " << error << "\n";
    return kExitUsage;
  }
  BuildResult result = build_site(files, options, &output);

  err << format_diagnostics(result.diagnostics);
  if (!result.ok()) {
    output.abort();
    size_t errors = result.diagnostics.error_count();
    err << "wegwijzer: " << errors << (errors == 1 ? " error" : " errors")
        << "; nothing was written, " << target.string() << " is unchanged\n";
    return kExitInputErrors;
  }
  if (!output.commit(&error)) {
    err << "wegwijzer: " << error << "\n";
    return kExitInputErrors;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (flags.timings) {
    for (const StageTiming& t : result.timings) {
      out << "  " << std::left << std::setw(10) << t.stage << std::right << std::fixed
          << std::setprecision(1) << std::setw(9) << t.seconds * 1000 << " ms\n";
    }
    // The build has run, so the start-up check of the cmark-gfm override has too.
    out << "  " << markdown::parallel_parsing_report() << "\n";
  }
  if (!flags.quiet) {
    size_t warnings = result.diagnostics.warning_count();
    out << "Built " << result.pages_written << " pages and " << result.files_written
        << " other files into " << target.string() << " in " << std::fixed << std::setprecision(2)
        << seconds << " s";
    if (warnings) out << " (" << warnings << (warnings == 1 ? " warning" : " warnings") << ")";
    out << "\n";
  }
  return kExitOk;
}

// Compares what is in DIR (what a server serves, say) with what the build wrote.
int run_verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 2 || args[1].starts_with("-")) {
    err << "usage: wegwijzer verify DIR\n";
    return kExitUsage;
  }
  ManifestCheck check = verify_manifest(args[1]);
  if (!check.error.empty()) {
    err << "wegwijzer verify: " << check.error << "\n";
    return kExitInputErrors;
  }
  auto list = [&](const char* what, const std::vector<std::string>& paths) {
    for (const std::string& p : paths) err << what << ": " << p << "\n";
  };
  list("missing", check.missing);
  list("changed", check.changed);
  list("not in the manifest", check.extra);
  out << "Verified " << check.checked << " files against " << kManifestName << ": "
      << (check.ok() ? "all match" : "differences found") << "\n";
  return check.ok() ? kExitOk : kExitInputErrors;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool process_ends_after) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  const std::string& command = args[0];
  if (command == "help" || command == "--help" || command == "-h") {
    out << kUsage;
    return kExitOk;
  }
  if (command == "version" || command == "--version") {
    out << "wegwijzer " << WEGWIJZER_VERSION << "\n";
    return kExitOk;
  }
  if (command == "new") return run_new({args.begin() + 1, args.end()}, out, err);
  if (command == "man") {
    out << man_page();
    return kExitOk;
  }
  if (wants_help(args) && (command == "build" || command == "check" || command == "verify")) {
    out << (command == "build" ? kBuildUsage : command == "check" ? kCheckUsage : kVerifyUsage);
    return kExitOk;
  }
  if (command == "verify") return run_verify(args, out, err);
  if (command == "serve") {
    return run_serve_program(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  }
  if (command == "build" || command == "check") {
    Flags flags;
    if (auto problem = parse_flags(args, 1, &flags)) {
      err << "wegwijzer " << command << ": " << *problem << "\n\n" << kUsage;
      return kExitUsage;
    }
    flags.process_ends_after = process_ends_after;
    return command == "build" ? run_build(flags, out, err) : run_check(flags, out, err);
  }
  err << "wegwijzer: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace wegwijzer
