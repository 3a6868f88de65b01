#include "serve/reload_events_client.h"

#include "serve/live_reload.h"

namespace wegwijzer {

ReloadEventsClient::ReloadEventsClient(const std::string& host, int port,
                                       std::chrono::seconds timeout)
    : client_(host, port), timeout_(timeout) {
  client_.set_connection_timeout(timeout.count());
  client_.set_read_timeout(timeout.count());
  thread_ = std::thread([this] {
    client_.Get(std::string(kEventsPath), [this](const char* data, size_t len) {
      std::lock_guard lock(mutex_);
      received_.append(data, len);
      for (size_t at; (at = received_.find("event: reload", scanned_)) != std::string::npos;) {
        reloads_.push_back(Clock::now());
        scanned_ = at + 1;
      }
      arrived_.notify_all();
      return !closing_;
    });
    std::lock_guard lock(mutex_);
    ended_ = true;
    arrived_.notify_all();
  });
}

ReloadEventsClient::~ReloadEventsClient() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  client_.stop();
  thread_.join();
}

bool ReloadEventsClient::wait_for(const std::string& text) {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout_, [&] {
    return received_.find(text) != std::string::npos || ended_;
  }) && received_.find(text) != std::string::npos;
}

std::optional<ReloadEventsClient::Clock::time_point> ReloadEventsClient::reload(size_t count) {
  std::unique_lock lock(mutex_);
  if (!arrived_.wait_for(lock, timeout_, [&] { return reloads_.size() >= count || ended_; }) ||
      reloads_.size() < count)
    return std::nullopt;
  return reloads_[count - 1];
}

std::string ReloadEventsClient::received() {
  std::lock_guard lock(mutex_);
  return received_;
}

}  // namespace wegwijzer
