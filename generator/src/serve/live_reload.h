#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace wegwijzer {

// How open browser tabs learn that the site was rebuilt: every page the dev server builds loads
// reload.js (an external file, as the site's Content-Security-Policy allows no inline script),
// which listens to Server-Sent Events and reloads the page on a "reload" event. After a restart of
// the server the script reconnects by itself and reloads once.
inline constexpr std::string_view kReloadScriptPath = "/__wegwijzer/reload.js";
inline constexpr std::string_view kEventsPath = "/__wegwijzer/events";
inline constexpr std::string_view kErrorStylePath = "/__wegwijzer/error.css";

// What the dev server puts before </body> of every page (BuildOptions::inject_before_body_end).
std::string reload_script_tag();
std::string_view reload_script();
std::string_view error_style();

// The page every HTML request gets while the site does not build: each problem with its file,
// line, column, message and source line, escaped; it loads reload.js, so it goes away by itself
// once the files are fixed.
std::string error_page(const Diagnostics& diagnostics);

// One Server-Sent Event.
std::string sse_event(std::string_view event, std::string_view data);

// Counts the builds that changed what is served and wakes whoever waits for the next one (each
// open event stream). Thread-safe.
class ReloadBroadcaster {
 public:
  uint64_t generation() const;
  void publish();
  // Waits until the generation is no longer `seen`, stop() is called or `timeout` passes; returns
  // the generation then.
  uint64_t wait(uint64_t seen, std::chrono::milliseconds timeout);
  void stop();
  bool stopped() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t generation_ = 0;
  bool stopped_ = false;
};

}  // namespace wegwijzer
