#include "serve/dev_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "serve/reload_events_client.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

using namespace std::chrono_literals;

constexpr auto kLongestWait = 10s;  // every wait below gives up after this

// A site folder of its own, with its own small templates (the default theme is not under test).
class TempSite {
 public:
  TempSite() {
    static int counter = 0;
    root_ = fs::temp_directory_path() / ("wegwijzer-serve-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(++counter));
    fs::remove_all(root_);
    write("wegwijzer.yaml", "title: Proefsite\n");
    const char* base =
        "<!DOCTYPE html>\n<html><head><title>{{page.title}}</title></head><body>\n"
        "{{$main}}{{/main}}\n</body></html>\n";
    write("templates/base.html", base);
    write("templates/page.html",
          "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}");
    write("templates/section.html",
          "{{<base}}{{$main}}<h1>{{page.title}}</h1><ul>{{#pages}}<li>{{title}}</li>{{/pages}}</ul>"
          "{{/main}}{{/base}}");
    write("templates/home.html",
          "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}");
    write("templates/404.html",
          "{{<base}}{{$main}}<h1>Deze pagina bestaat niet</h1>{{/main}}{{/base}}");
    write("content/_index.md", "---\ntitle: Start\n---\nWelkom op de proefsite.\n");
    write("content/hulp/_index.md", "---\ntitle: Hulp\n---\nOver hulp.\n");
    write("content/hulp/huisarts.md", "---\ntitle: Naar de huisarts\n---\nBel je huisarts.\n");
    write("content/hulp/concept.md", "---\ntitle: Nog niet af\ndraft: true\n---\nKladje.\n");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void write(const std::string& rel, const std::string& contents) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << contents;
  }
  std::string root() const { return root_.string(); }

 private:
  fs::path root_;
};

std::unique_ptr<DevServer> start_server(const TempSite& site, std::string base_path = "") {
  ServeOptions options;
  options.source = site.root();
  options.base_path = std::move(base_path);
  options.port = 0;
  options.debounce = 20ms;
  auto server = std::make_unique<DevServer>(options);
  std::string error;
  bool started = server->start(&error);
  INFO(error);
  REQUIRE(started);
  REQUIRE(server->port() > 0);
  return server;
}

httplib::Client client(const DevServer& server) {
  httplib::Client c("127.0.0.1", server.port());
  c.set_connection_timeout(std::chrono::duration_cast<std::chrono::seconds>(kLongestWait).count());
  c.set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(kLongestWait).count());
  return c;
}

// Asks again until `ok` holds or the time is up; the server answers from whichever build is
// current, so a test waits for the build it caused rather than for a guessed time.
bool eventually(const std::function<bool()>& ok) {
  auto deadline = std::chrono::steady_clock::now() + kLongestWait;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ok()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return ok();
}

// An open page's event stream, waiting as long as every other wait here.
class EventStream : public ReloadEventsClient {
 public:
  explicit EventStream(const DevServer& server)
      : ReloadEventsClient("127.0.0.1", server.port(),
                           std::chrono::duration_cast<std::chrono::seconds>(kLongestWait)) {}
};

TEST_CASE("the dev server serves the built site from memory", "[serve]") {
  TempSite site;
  auto server = start_server(site);
  auto http = client(*server);

  auto home = http.Get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(home->body.find("Welkom op de proefsite.") != std::string::npos);
  CHECK(home->body.find("<script src=\"/__wegwijzer/reload.js\"></script></body>") !=
        std::string::npos);

  auto page = http.Get("/hulp/huisarts/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("Naar de huisarts") != std::string::npos);

  auto draft = http.Get("/hulp/concept/");  // drafts are shown while serving
  REQUIRE(draft);
  CHECK(draft->status == 200);

  auto redirect = http.Get("/hulp/huisarts?x=1");
  REQUIRE(redirect);
  CHECK(redirect->status == 301);
  CHECK(redirect->get_header_value("Location") == "/hulp/huisarts/?x=1");

  auto missing = http.Get("/bestaat/niet/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("Deze pagina bestaat niet") != std::string::npos);

  auto sitemap = http.Get("/sitemap.xml");
  REQUIRE(sitemap);
  CHECK(sitemap->status == 200);
  CHECK(sitemap->get_header_value("Content-Type") == "application/xml");
  CHECK(sitemap->body.find("http://127.0.0.1:" + std::to_string(server->port()) + "/hulp/") !=
        std::string::npos);

  auto script = http.Get("/__wegwijzer/reload.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(script->body.find("new EventSource('/__wegwijzer/events')") != std::string::npos);

  auto escape = http.Get("/../wegwijzer.yaml");
  REQUIRE(escape);
  CHECK(escape->status == 404);

  CHECK_FALSE(fs::exists(fs::path(site.root()) / "public"));
}

TEST_CASE("the dev server serves under a base path, and only there", "[serve]") {
  TempSite site;
  site.write("content/hulp/huisarts.md",
             "---\ntitle: Naar de huisarts\n---\nBel je huisarts. Of kijk [hulp](/hulp/).\n");
  auto server = start_server(site, "/ww");
  auto http = client(*server);
  CHECK(server->url() == "http://127.0.0.1:" + std::to_string(server->port()) + "/ww/");

  auto page = http.Get("/ww/hulp/huisarts/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<a href=\"/ww/hulp/\">hulp</a>") != std::string::npos);
  CHECK(page->body.find("<script src=\"/ww/__wegwijzer/reload.js\">") != std::string::npos);

  auto script = http.Get("/ww/__wegwijzer/reload.js");
  REQUIRE(script);
  CHECK(script->status == 200);

  auto redirect = http.Get("/ww/hulp/huisarts");
  REQUIRE(redirect);
  CHECK(redirect->status == 301);
  CHECK(redirect->get_header_value("Location") == "/ww/hulp/huisarts/");
  auto bare = http.Get("/ww");
  REQUIRE(bare);
  CHECK(bare->get_header_value("Location") == "/ww/");

  for (const char* outside : {"/", "/hulp/huisarts/", "/wwx/hulp/"}) {
    auto missing = http.Get(outside);
    REQUIRE(missing);
    INFO(outside);
    CHECK(missing->status == 404);
  }
}

TEST_CASE("the dev server tells open pages to reload after a file changes", "[serve]") {
  TempSite site;
  auto server = start_server(site);
  EventStream events(*server);
  REQUIRE(events.wait_for("event: hello"));

  site.write("content/hulp/huisarts.md",
             "---\ntitle: Naar de huisarts\n---\nBel eerst je huisarts.\n");
  REQUIRE(events.wait_for("event: reload"));
  // The first rebuild may have read the file half-written; the next one follows.
  CHECK(eventually([&] {
    auto r = client(*server).Get("/hulp/huisarts/");
    return r && r->body.find("Bel eerst je huisarts.") != std::string::npos;
  }));

  SECTION("a page in a new folder") {
    site.write("content/nieuw/dieper/pagina.md", "---\ntitle: Diep\n---\nGevonden.\n");
    CHECK(eventually([&] {
      auto r = client(*server).Get("/nieuw/dieper/pagina/");
      return r && r->status == 200 && r->body.find("Gevonden.") != std::string::npos;
    }));
  }
  SECTION("a template") {
    site.write("templates/page.html",
               "{{<base}}{{$main}}<h1 class=\"nieuw\">{{page.title}}</h1>{{/main}}{{/base}}");
    CHECK(eventually([&] {
      auto r = client(*server).Get("/hulp/huisarts/");
      return r && r->body.find("class=\"nieuw\"") != std::string::npos;
    }));
  }
  server->stop();  // ends the event stream
}

TEST_CASE("the dev server shows the problems while the site does not build", "[serve]") {
  TempSite site;
  auto server = start_server(site);
  auto http = client(*server);
  uint64_t builds = server->builds();

  site.write("content/hulp/huisarts.md", "---\ntitle: Kapot\nlayout: <b>vet</b>\n---\nTekst.\n");
  REQUIRE(eventually([&] {
    auto r = http.Get("/hulp/");
    return r && r->status == 500;
  }));
  for (const char* path : {"/", "/hulp/huisarts/", "/bestaat/niet/"}) {
    auto r = http.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 500);
    CHECK(r->body.find("De site bouwt niet") != std::string::npos);
    CHECK(r->body.find("content/hulp/huisarts.md:3:9") != std::string::npos);
    CHECK(r->body.find("unknown layout") != std::string::npos);
    CHECK(r->body.find("layout: &lt;b&gt;vet&lt;/b&gt;\n        ^") != std::string::npos);
    CHECK(r->body.find("<b>vet") == std::string::npos);
    CHECK(r->body.find("<script src=\"/__wegwijzer/reload.js\"></script>") != std::string::npos);
  }
  CHECK(server->builds() > builds);

  site.write("content/hulp/huisarts.md", "---\ntitle: Weer goed\n---\nTekst.\n");
  CHECK(eventually([&] {
    auto r = http.Get("/hulp/huisarts/");
    return r && r->status == 200 && r->body.find("Weer goed") != std::string::npos;
  }));
}

TEST_CASE("the dev server survives whatever is saved", "[serve]") {
  TempSite site;
  auto server = start_server(site);
  auto http = client(*server);
  auto builds_after = [&](uint64_t before) {
    return eventually([&] { return server->builds() > before; });
  };

  SECTION("binary junk as a page and as a template") {
    uint64_t before = server->builds();
    site.write("content/hulp/rommel.md", std::string("\x00\xff\xfe---\n\x80\x81", 9));
    site.write("templates/page.html", std::string("{{#\xff\x00", 5));
    REQUIRE(builds_after(before));
    auto r = http.Get("/");
    REQUIRE(r);
    CHECK(r->status == 500);
  }
  SECTION("the content folder taken away and brought back") {
    uint64_t before = server->builds();
    fs::rename(fs::path(site.root()) / "content", fs::path(site.root()) / "weg");
    REQUIRE(builds_after(before));
    REQUIRE(http.Get("/"));
    fs::rename(fs::path(site.root()) / "weg", fs::path(site.root()) / "content");
    CHECK(eventually([&] {
      auto r = http.Get("/hulp/huisarts/");
      return r && r->status == 200;
    }));
  }
  SECTION("files deleted while a build reads them") {
    for (int i = 0; i < 40; ++i) {
      site.write("content/veel/p" + std::to_string(i) + ".md", "---\ntitle: P\n---\nTekst.\n");
    }
    for (int i = 0; i < 40; ++i)
      fs::remove(fs::path(site.root()) / ("content/veel/p" + std::to_string(i) + ".md"));
    site.write("content/klaar.md", "---\ntitle: Klaar\n---\nKlaar.\n");
    CHECK(eventually([&] {
      auto r = http.Get("/klaar/");
      return r && r->status == 200;
    }));
  }
  auto r = http.Get("/__wegwijzer/reload.js");
  REQUIRE(r);
  CHECK(r->status == 200);
}

// A port another program holds: start() says so, and the server goes away at once.
TEST_CASE("the dev server reports a port in use and does not hang", "[serve]") {
  TempSite site;
  // A plain listening socket, as another program holds one (httplib's own would let a second
  // server share the port).
  int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(::bind(holder, reinterpret_cast<sockaddr*>(&address), length) == 0);
  REQUIRE(::listen(holder, 1) == 0);
  REQUIRE(::getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ServeOptions options;
  options.source = site.root();
  options.port = ntohs(address.sin_port);
  auto taken = std::make_shared<DevServer>(options);
  std::string error;
  CHECK_FALSE(taken->start(&error));
  CHECK(error.find("cannot listen on") != std::string::npos);
  // Destroyed on a thread of its own, so that a hang fails the test instead of stopping it.
  auto destroyed = std::make_shared<std::promise<void>>();
  std::future<void> done = destroyed->get_future();
  std::thread([taken = std::move(taken), destroyed]() mutable {
    taken.reset();
    destroyed->set_value();
  }).detach();
  REQUIRE(done.wait_for(kLongestWait) == std::future_status::ready);
  ::close(holder);
}

// A signal can ask the server to stop the moment it has started, before its HTTP thread listens.
TEST_CASE("the dev server stops when asked right after it started", "[serve]") {
  TempSite site;
  // Every core kept busy, as in a CI run, so that the HTTP thread is often late to start.
  std::atomic<bool> busy{true};
  std::vector<std::thread> spinners;
  for (unsigned n = 0; n < 2 * std::max(1u, std::thread::hardware_concurrency()); ++n) {
    spinners.emplace_back([&busy] {
      while (busy) {
      }
    });
  }
  for (int i = 0; i < 50; ++i) {
    // Stopped on a thread of its own, so that a stop that never returns fails the test instead of
    // hanging it (the server is then left behind).
    DevServer* server = start_server(site).release();
    auto stopped = std::make_shared<std::promise<void>>();
    std::future<void> done = stopped->get_future();
    std::thread([server, stopped] {
      server->stop();
      delete server;
      stopped->set_value();
    }).detach();
    INFO("round " << i);
    if (done.wait_for(kLongestWait) != std::future_status::ready) {
      busy = false;
      for (std::thread& t : spinners) t.join();
      FAIL("stop() did not return");
    }
  }
  busy = false;
  for (std::thread& t : spinners) t.join();
}

}  // namespace
}  // namespace wegwijzer
