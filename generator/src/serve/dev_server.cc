#include "serve/dev_server.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <random>

#include "serve/site_router.h"
#include "site/base_path.h"
#include "site/build.h"
#include "site/config.h"

namespace wegwijzer {
namespace {

// Folders and files whose changes the build can see; the data folder is added when the config
// puts it elsewhere.
const std::vector<std::string> kWatchedTrees = {"content", "templates", "site-assets"};

std::string random_instance() {
  std::random_device random;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08x%08x", random(), random());
  return buf;
}

std::string host_for_url(const std::string& bind) {
  if (bind.empty() || bind == "0.0.0.0" || bind == "::") return "localhost";
  if (bind.find(':') != std::string::npos) return "[" + bind + "]";
  return bind;
}

std::string millis(std::chrono::steady_clock::duration d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f ms", std::chrono::duration<double, std::milli>(d).count());
  return buf;
}

// What a build did and how long it took, and how many errors it found.
std::string build_summary(const BuildResult& result, const BuildMemo::Stats& stats,
                          std::chrono::steady_clock::duration took, bool first) {
  std::string message;
  if (first) {
    message = "Built " + std::to_string(result.pages_written) + " pages in " + millis(took);
  } else {
    message = "Rebuilt in " + millis(took) + ": " + std::to_string(stats.pages_rendered) +
              (stats.pages_rendered == 1 ? " page" : " pages") + " rendered, " +
              std::to_string(stats.files_changed + stats.files_removed) + " files changed";
  }
  if (!result.ok()) {
    size_t errors = result.diagnostics.error_count();
    message += " (" + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
               ": the browser shows them)";
  }
  return message;
}

}  // namespace

DevServer::DevServer(ServeOptions options) : options_(std::move(options)) {}

DevServer::~DevServer() {
  stop();
}

bool DevServer::start(std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options_.source, ec)) {
    *error = options_.source + ": no such folder";
    return false;
  }
  root_ = std::filesystem::weakly_canonical(options_.source, ec).string();
  disk_ = std::make_unique<DiskFileSystem>(root_);
  files_ = std::make_unique<CachedFileSystem>(*disk_);
  instance_ = random_instance();

  if (!bind_address(error)) return false;

  // Watch first, so that nothing saved during the first build is missed.
  if (!watcher_.start(root_, kWatchedTrees, {SiteConfig::kFileName}, error)) return false;
  rebuild({});

  http_->Get(".*",
             [this](const httplib::Request& req, httplib::Response& res) { handle_get(req, res); });

  http_thread_ = std::thread([this] {
    http_->listen_after_bind();
    listen_returned_ = true;
  });
  // httplib's stop() does nothing before its thread listens: a stop asked in that moment (a
  // signal just after "Serving") would be lost and the server listen for ever. So start()
  // returns only once the server listens, or its thread has given up.
  while (!http_->is_running() && !listen_returned_)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  watch_thread_ = std::thread([this] { watch_loop(); });
  return true;
}

bool DevServer::bind_address(std::string* error) {
  http_ = std::make_unique<httplib::Server>();
  // Every open page holds an event stream, and each stream a thread.
  http_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  http_->set_keep_alive_timeout(2);  // stop() waits for idle connections this long at most
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.bind);
  } else {
    port_ = http_->bind_to_port(options_.bind, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    *error = "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
             " (in use? try --port 0 for any free port)";
    return false;
  }
  base_url_ =
      "http://" + host_for_url(options_.bind) + ":" + std::to_string(port_) + options_.base_path;
  return true;
}

void DevServer::handle_get(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  // Under a base path the site answers only there; the server's own files answer at both.
  std::string_view path = req.path;
  const std::string& base = options_.base_path;
  if (!base.empty() && path == base) {
    res.status = 301;
    res.set_header("Location", base + "/");
    return;
  }
  bool under_base = base.empty() || (path.starts_with(base) && path[base.size()] == '/');
  if (under_base) path.remove_prefix(base.size());
  if (path == kReloadScriptPath) {
    res.set_content(std::string(reload_script()), "text/javascript; charset=utf-8");
    return;
  }
  if (path == kErrorStylePath) {
    res.set_content(std::string(error_style()), "text/css; charset=utf-8");
    return;
  }
  if (path == kEventsPath) {
    stream_reload_events(res);
    return;
  }
  serve_site(req, under_base ? path : std::string_view(), res);
}

void DevServer::stream_reload_events(httplib::Response& res) {
  // One event now, then one for every rebuild that changed something, and a comment now and
  // then so that a closed tab is noticed.
  auto seen = std::make_shared<uint64_t>(reloads_.generation());
  auto greeted = std::make_shared<bool>(false);
  res.set_chunked_content_provider(
      "text/event-stream", [this, seen, greeted](size_t, httplib::DataSink& sink) {
        std::string out;
        if (!*greeted) {
          *greeted = true;
          out = "retry: 1000\n" + sse_event("hello", build_id(*seen));
        } else {
          uint64_t now = reloads_.wait(*seen, std::chrono::seconds(15));
          if (reloads_.stopped()) {
            sink.done();  // ends the stream properly; the page reconnects to the next server
            return true;
          }
          if (now != *seen) {
            *seen = now;
            out = sse_event("reload", build_id(now));
          } else {
            out = ": ping\n\n";
          }
        }
        return sink.write(out.data(), out.size());
      });
}

// `path` is the request's path below the base path; "" when it is not under it (a 404).
void DevServer::serve_site(const httplib::Request& req, std::string_view path,
                           httplib::Response& res) const {
  std::shared_ptr<const Served> site = served();
  if (!site) {  // not before the first build is done; kept for safety
    res.status = 503;
    return;
  }
  size_t q = req.target.find('?');
  std::string_view query =
      q == std::string::npos ? std::string_view() : std::string_view(req.target).substr(q + 1);
  Route route = route_request(*site->files, path, query);
  bool is_html = route.status == 404 || route.content_type.starts_with("text/html");
  if (site->error_page && is_html) {
    res.status = 500;
    res.set_content(*site->error_page, "text/html; charset=utf-8");
    return;
  }
  res.status = route.status;
  const std::string& base = options_.base_path;
  if (!route.location.empty()) res.set_header("Location", base + route.location);
  // The memo keeps pages as built from the root; a published site has the path in its links.
  if (route.body && !base.empty() && route.content_type.starts_with("text/html")) {
    res.set_content(html_with_base_path(*route.body, base), route.content_type);
  } else if (route.body) {
    res.set_content(*route.body, route.content_type);
  }
}

void DevServer::stop() {
  std::call_once(stopped_, [this] {
    stopping_ = true;
    reloads_.stop();  // event streams end
    watcher_.interrupt();
    if (http_) http_->stop();
    if (http_thread_.joinable()) http_thread_.join();
    if (watch_thread_.joinable()) watch_thread_.join();
  });
}

void DevServer::watch_loop() {
  while (!stopping_) {
    Watcher::Changes changes = watcher_.wait(std::chrono::seconds(1), options_.debounce,
                                             std::chrono::seconds(1), options_.settle);
    if (stopping_ || changes.interrupted) continue;
    if (changes.changes.empty() && !changes.overflow) continue;
    rebuild(changes);
  }
}

void DevServer::rebuild(const Watcher::Changes& changes) {
  forget_changed_files(changes);

  cache_.explain(options_.explain);
  BuildOptions options;
  options.drafts = true;
  options.jobs = options_.jobs;
  options.base_url = base_url_;
  options.inject_before_body_end = reload_script_tag();
  auto started = std::chrono::steady_clock::now();
  BuildResult result = build_catching_exceptions(options);
  auto took = std::chrono::steady_clock::now() - started;
  const BuildMemo::Stats& stats = cache_.last_build();

  std::shared_ptr<const Served> before = serve_build(result, stats);
  cache_.free_previous_build();

  // The data folder may have moved; the search's synonyms live in a folder of their own.
  Diagnostics ignored;
  SiteConfig config = load_config(*files_, &ignored);
  if (!config.data_dir.starts_with("content/")) watcher_.add_tree(config.data_dir);
  if (!config.search_synonyms_dir.empty()) watcher_.add_tree(config.search_synonyms_dir);

  log_build(result, stats, took, !before);
}

void DevServer::forget_changed_files(const Watcher::Changes& changes) {
  if (changes.overflow) {
    files_->invalidate_all();
    return;
  }
  for (const Watcher::Change& c : changes.changes) {
    if (c.contents_only) {
      files_->contents_changed(c.path);
    } else {
      files_->invalidate(c.path, c.is_folder);
    }
  }
}

BuildResult DevServer::build_catching_exceptions(const BuildOptions& options) {
  BuildResult result;
  try {
    result = build_site(*files_, options, nullptr, &cache_);
  } catch (const std::exception& e) {
    // A bug, not bad input; start afresh next time rather than trust a half-updated cache.
    cache_.clear();
    files_->invalidate_all();
    result = BuildResult();
    result.diagnostics.error("", 0, 0, std::string("internal error while building: ") + e.what());
  } catch (...) {
    cache_.clear();
    files_->invalidate_all();
    result = BuildResult();
    result.diagnostics.error("", 0, 0, "internal error while building");
  }
  return result;
}

std::shared_ptr<const DevServer::Served> DevServer::serve_build(const BuildResult& result,
                                                                const BuildMemo::Stats& stats) {
  auto site = std::make_shared<Served>();
  site->files = cache_.files();
  if (!result.ok())
    site->error_page = std::make_shared<const std::string>(error_page(result.diagnostics));
  std::shared_ptr<const Served> before = served();
  bool changed = !before || stats.files_changed > 0 || stats.files_removed > 0 ||
                 !before->error_page != !site->error_page ||
                 (site->error_page && *site->error_page != *before->error_page);
  {
    std::lock_guard lock(served_mutex_);
    served_ = site;
  }
  ++builds_;
  if (changed && before) reloads_.publish();
  return before;
}

void DevServer::log_build(const BuildResult& result, const BuildMemo::Stats& stats,
                          std::chrono::steady_clock::duration took, bool first) {
  std::string problems = format_diagnostics(result.diagnostics);
  std::string message = build_summary(result, stats, took, first);
  if (problems != last_problems_) {
    message = problems + message;
    last_problems_ = problems;
  }
  if (options_.explain && !first) {
    for (const std::string& line : stats.explanations) message += "\n  " + line;
  }
  log(message);
}

void DevServer::log(const std::string& message) const {
  if (options_.log) options_.log(message);
}

std::shared_ptr<const DevServer::Served> DevServer::served() const {
  std::lock_guard lock(served_mutex_);
  return served_;
}

std::string DevServer::build_id(uint64_t generation) const {
  return instance_ + "-" + std::to_string(generation);
}

}  // namespace wegwijzer
