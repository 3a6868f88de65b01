#include "serve/live_reload.h"

#include "template/mustache.h"

namespace wegwijzer {
namespace {

// Reconnects with a growing delay while the server is away; a "hello" with another build id than
// the one this page saw means the page is out of date (the server restarted or rebuilt while the
// connection was down).
constexpr std::string_view kScript =
    R"js(// Added by `wegwijzer serve` only: reloads the page when the site is rebuilt.
(function () {
  'use strict';
  var seen = null;
  var delay = 250;
  function connect() {
    var source = new EventSource('/__wegwijzer/events');
    source.addEventListener('hello', function (event) {
      delay = 250;
      if (seen !== null && event.data !== seen) {
        location.reload();
        return;
      }
      seen = event.data;
    });
    source.addEventListener('reload', function (event) {
      seen = event.data;
      location.reload();
    });
    source.onerror = function () {
      source.close();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }
  connect();
})();
)js";

constexpr std::string_view kStyle =
    R"css(body {
  font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  color: #1a1a1a;
}
h1 { font-size: 1.5rem; color: #a4000f; }
ol { padding-left: 1.5rem; }
li { margin-bottom: 1.25rem; }
.plaats { font-family: ui-monospace, monospace; font-weight: bold; }
.error { color: #a4000f; }
.warning { color: #8a5300; }
pre { background: #f4f4f4; padding: .5rem .75rem; overflow-x: auto; }
)css";

const char* severity_name(Severity s) {
  return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note";
}

std::string escaped(std::string_view text) {
  std::string out;
  mustache::append_escaped(out, text);
  return out;
}

}  // namespace

std::string reload_script_tag() {
  return "<script src=\"" + std::string(kReloadScriptPath) + "\"></script>";
}

std::string_view reload_script() {
  return kScript;
}
std::string_view error_style() {
  return kStyle;
}

std::string error_page(const Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>De site bouwt niet - wegwijzer serve</title>\n<link rel=\"stylesheet\" href=\"" +
      std::string(kErrorStylePath) + "\">\n</head>\n<body>\n<h1>De site bouwt niet</h1>\n<p>" +
      std::to_string(errors) + (errors == 1 ? " fout" : " fouten") +
      ". Los op wat hieronder staat en sla het bestand op: deze pagina laadt dan vanzelf "
      "opnieuw.</p>\n<ol>\n";
  for (const Diagnostic& d : diagnostics.items()) {
    std::string place = d.path.empty() ? "(site)" : d.path;
    if (!d.path.empty() && d.line > 0) {
      place += ":" + std::to_string(d.line);
      if (d.column > 0) place += ":" + std::to_string(d.column);
    }
    html += "<li><p><span class=\"plaats\">" + escaped(place) + "</span> <span class=\"" +
            severity_name(d.severity) + "\">" + severity_name(d.severity) + ":</span> " +
            escaped(d.message) + "</p>";
    if (!d.source_line.empty()) {
      // The caret goes under the column, counted in characters as the column is.
      std::string caret;
      if (d.column > 0) {
        int chars = 0;
        for (size_t i = 0; i < d.source_line.size() && chars < d.column - 1; ++i) {
          unsigned char c = static_cast<unsigned char>(d.source_line[i]);
          if ((c & 0xC0) == 0x80) continue;
          caret += d.source_line[i] == '\t' ? '\t' : ' ';
          ++chars;
        }
        caret += '^';
      }
      html += "\n<pre>" + escaped(d.source_line) + (caret.empty() ? "" : "\n" + caret) + "</pre>";
    }
    html += "</li>\n";
  }
  html += "</ol>\n" + reload_script_tag() + "\n</body>\n</html>\n";
  return html;
}

std::string sse_event(std::string_view event, std::string_view data) {
  return "event: " + std::string(event) + "\ndata: " + std::string(data) + "\n\n";
}

uint64_t ReloadBroadcaster::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void ReloadBroadcaster::publish() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  changed_.notify_all();
}

uint64_t ReloadBroadcaster::wait(uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return generation_ != seen || stopped_; });
  return generation_;
}

void ReloadBroadcaster::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

bool ReloadBroadcaster::stopped() const {
  std::lock_guard lock(mutex_);
  return stopped_;
}

}  // namespace wegwijzer
