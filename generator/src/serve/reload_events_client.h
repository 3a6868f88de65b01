#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace wegwijzer {

// Listens to a dev server's reload events (kEventsPath) as an open page does, on a thread of its
// own, and keeps what arrived and when each reload came. For the tests of the dev server and the
// save-to-reload benchmark; the product's listener is the page's reload script.
class ReloadEventsClient {
 public:
  using Clock = std::chrono::steady_clock;

  ReloadEventsClient(const std::string& host, int port, std::chrono::seconds timeout);
  ~ReloadEventsClient();
  ReloadEventsClient(const ReloadEventsClient&) = delete;
  ReloadEventsClient& operator=(const ReloadEventsClient&) = delete;

  // Waits until `text` has arrived; false when the stream ended or the timeout passed first.
  bool wait_for(const std::string& text);
  // When the `count`-th reload event arrived, waiting for it as long as wait_for.
  std::optional<Clock::time_point> reload(size_t count);
  std::string received();

 private:
  httplib::Client client_;
  std::chrono::seconds timeout_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::string received_;
  size_t scanned_ = 0;  // reload events before this offset are counted
  std::vector<Clock::time_point> reloads_;
  bool closing_ = false;
  bool ended_ = false;
};

}  // namespace wegwijzer
