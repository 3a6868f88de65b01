#include "serve/live_reload.h"

#include <catch2/catch.hpp>
#include <thread>

namespace wegwijzer {
namespace {

using namespace std::chrono_literals;

TEST_CASE("the error page lists every problem, escaped, and reloads itself", "[serve]") {
  Diagnostics diags;
  diags.error("content/a.md", 3, 9, "unknown layout \"<b>\"", "layout: <b>");
  diags.warning("content/é.md", 2, 4, "te lang & te moeilijk", "zé één");
  diags.error("", 0, 0, "site-wide <problem>");
  std::string html = error_page(diags);
  CHECK(html.find("2 fouten") != std::string::npos);
  CHECK(html.find("content/a.md:3:9") != std::string::npos);
  CHECK(html.find("unknown layout &quot;&lt;b&gt;&quot;") != std::string::npos);
  CHECK(html.find("<pre>layout: &lt;b&gt;\n        ^</pre>") != std::string::npos);
  // The caret counts characters, not bytes.
  CHECK(html.find("<pre>zé één\n   ^</pre>") != std::string::npos);
  CHECK(html.find("te lang &amp; te moeilijk") != std::string::npos);
  CHECK(html.find("(site)") != std::string::npos);
  CHECK(html.find("site-wide &lt;problem&gt;") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find(reload_script_tag()) != std::string::npos);
  CHECK(html.find("<style") == std::string::npos);  // the Content-Security-Policy forbids it
}

TEST_CASE("the reload script is an external file", "[serve]") {
  CHECK(reload_script_tag() == "<script src=\"/__wegwijzer/reload.js\"></script>");
  CHECK(reload_script().find(std::string(kEventsPath)) != std::string_view::npos);
  CHECK(sse_event("reload", "abc-2") == "event: reload\ndata: abc-2\n\n");
}

TEST_CASE("the broadcaster wakes waiters on publish and on stop", "[serve]") {
  ReloadBroadcaster reloads;
  CHECK(reloads.wait(0, 1ms) == 0);  // times out
  std::thread publisher([&] { reloads.publish(); });
  CHECK(reloads.wait(0, 10s) == 1);
  publisher.join();
  std::thread stopper([&] { reloads.stop(); });
  CHECK(reloads.wait(1, 10s) == 1);
  stopper.join();
  CHECK(reloads.stopped());
}

}  // namespace
}  // namespace wegwijzer
