#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "serve/live_reload.h"
#include "serve/watcher.h"
#include "site/build_memo.h"
#include "util/cached_file_system.h"
#include "util/file_system.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace wegwijzer {

struct BuildOptions;  // site/build.h
struct BuildResult;

struct ServeOptions {
  std::string source = ".";  // the site folder
  std::string bind = "127.0.0.1";
  int port = 1313;  // 0: any free port
  int jobs = 1;
  std::chrono::milliseconds debounce{50};  // how long a burst of saves may pause
  std::chrono::milliseconds settle{2};     // the same once a file's save has ended (Watcher)
  // Progress and problems, one message (one or more lines) at a time; from the build thread.
  std::function<void(const std::string&)> log;
  bool explain = false;  // log why each page was rebuilt (BuildMemo::explain)
  // "/wegwijzer" (no trailing slash): the site is served under that path, as it will be
  // published (base_url https://x.github.io/wegwijzer/), and nothing else is; "" at the root.
  std::string base_path;
};

// `wegwijzer serve`: builds the site into memory (never into public/), with drafts and the
// reload script, serves it over HTTP, rebuilds what changed when files change and tells open
// pages to reload. While the site does not build, every page is the list of problems. Bad input
// never stops it.
class DevServer {
 public:
  explicit DevServer(ServeOptions options);
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  // Binds the address, builds the site once and starts watching and serving. False with `error`
  // set when the folder cannot be watched or the address not be bound; a site with errors is
  // served (as its errors).
  bool start(std::string* error);
  // Stops serving and watching; thread-safe, and a no-op the second time.
  void stop();

  int port() const { return port_; }
  std::string url() const { return base_url_ + "/"; }
  // Builds done so far and builds that changed what is served (tests wait on these).
  uint64_t builds() const { return builds_; }
  uint64_t reloads() const { return reloads_.generation(); }

 private:
  struct Served {
    std::shared_ptr<const OutputFiles> files;
    std::shared_ptr<const std::string> error_page;  // set while the site does not build
  };

  // Makes the HTTP server and binds the address; sets port_ and base_url_.
  bool bind_address(std::string* error);
  void handle_get(const httplib::Request& req, httplib::Response& res);
  void stream_reload_events(httplib::Response& res);
  void serve_site(const httplib::Request& req, std::string_view path, httplib::Response& res) const;

  void watch_loop();
  void rebuild(const Watcher::Changes& changes);
  // Tells the file cache what changed; everything when the watcher lost track.
  void forget_changed_files(const Watcher::Changes& changes);
  // build_site, with an exception (a bug) turned into an error.
  BuildResult build_catching_exceptions(const BuildOptions& options);
  // Serves the new build and tells open pages to reload when it changed what they show. Returns
  // the build served before (none before the first).
  std::shared_ptr<const Served> serve_build(const BuildResult& result,
                                            const BuildMemo::Stats& stats);
  // What the build did, its problems when they differ from the last ones printed, and with
  // `explain` why each page was rebuilt.
  void log_build(const BuildResult& result, const BuildMemo::Stats& stats,
                 std::chrono::steady_clock::duration took, bool first);
  void log(const std::string& message) const;
  std::shared_ptr<const Served> served() const;
  std::string build_id(uint64_t generation) const;

  ServeOptions options_;
  std::string root_;
  std::unique_ptr<DiskFileSystem> disk_;
  std::unique_ptr<CachedFileSystem> files_;
  BuildMemo cache_;
  Watcher watcher_;
  ReloadBroadcaster reloads_;
  std::unique_ptr<httplib::Server> http_;
  std::thread http_thread_;
  std::atomic<bool> listen_returned_{false};  // the HTTP thread is past listening
  std::thread watch_thread_;
  std::string base_url_;
  std::string instance_;  // tells the reload script that the server restarted
  int port_ = 0;
  std::atomic<uint64_t> builds_{0};
  std::atomic<bool> stopping_{false};
  std::once_flag stopped_;
  mutable std::mutex served_mutex_;
  std::shared_ptr<const Served> served_;
  std::string last_problems_;  // the build thread's: diagnostics printed last
};

}  // namespace wegwijzer
