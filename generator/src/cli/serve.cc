#include "cli/serve.h"

#include <pthread.h>
#include <signal.h>

#include <mutex>
#include <optional>

#include "cli/cli.h"
#include "cli/flag_reader.h"
#include "cli/serve_launcher.h"
#include "serve/dev_server.h"
#include "site/config.h"
#include "util/parallel.h"

namespace wegwijzer {
namespace {

// Returns an error message, or nullopt when the arguments are fine.
std::optional<std::string> parse_serve_flags(const std::vector<std::string>& args,
                                             ServeOptions* options, bool* help) {
  FlagReader reader(args, 0);
  while (reader.next()) {
    const std::string& arg = reader.name();
    if (arg == "--help" || arg == "-h") {
      *help = true;
    } else if (arg == "--drafts") {
      // Always on.
    } else if (arg == "--explain") {
      options->explain = true;
    } else if (arg == "--source" || arg == "-s" || arg == "--port" || arg == "-p" ||
               arg == "--bind" || arg == "--jobs" || arg == "-j" || arg == "--base-path") {
      std::optional<std::string> v = reader.value();
      if (!v) return arg + " needs a value";
      std::string url = "http://localhost" + *v;
      if (arg == "--base-path") {
        if (!v->starts_with('/') || !normalize_base_url(&url, &options->base_path))
          return "--base-path needs a path of plain segments, such as /wegwijzer/";
      } else if (arg == "--source" || arg == "-s") {
        options->source = *v;
      } else if (arg == "--bind") {
        options->bind = *v;
      } else if (arg == "--port" || arg == "-p") {
        std::optional<int> port = parse_int_in_range(*v, 0, 65535);
        if (!port) return "--port needs a number from 0 to 65535";
        options->port = *port;
      } else {
        std::optional<int> jobs = parse_int_in_range(*v, 1, 256);
        if (!jobs) return "--jobs needs a number from 1 to 256";
        options->jobs = *jobs;
      }
    } else {
      return "unknown option '" + reader.raw() + "'";
    }
  }
  return std::nullopt;
}

}  // namespace

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ServeOptions options;
  options.jobs = default_jobs();
  bool help = false;
  if (auto problem = parse_serve_flags(args, &options, &help)) {
    err << "wegwijzer serve: " << *problem << "\n\n" << serve_usage();
    return kExitUsage;
  }
  if (help) {
    out << serve_usage();
    return kExitOk;
  }
  std::mutex output_mutex;
  options.log = [&](const std::string& message) {
    std::lock_guard lock(output_mutex);
    out << message << "\n" << std::flush;
  };

  // SIGINT and SIGTERM are taken here with sigwait(), not by a handler: every thread the server
  // starts inherits the blocked mask, so the signal can only arrive here.
  sigset_t signals, previous;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, &previous);

  DevServer server(options);
  std::string error;
  if (!server.start(&error)) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    err << "wegwijzer serve: " << error << "\n";
    return kExitUsage;
  }
  {
    std::lock_guard lock(output_mutex);
    out << "Serving " << server.url() << " (Ctrl+C to stop)\n" << std::flush;
  }
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  std::lock_guard lock(output_mutex);
  out << "Stopped.\n" << std::flush;
  return kExitOk;
}

}  // namespace wegwijzer
