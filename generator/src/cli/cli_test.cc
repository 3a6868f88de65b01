#include "cli/cli.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

struct Run {
  int status;
  std::string out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  int status = run_cli(args, out, err);
  return {status, out.str(), err.str()};
}

fs::path temp_site(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("wegwijzer-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "content");
  std::ofstream(dir / "content" / "_index.md") << "---\ntitle: Alleen inhoud\n---\nHallo.\n";
  std::ofstream(dir / "content" / "pagina.md") << "---\ntitle: Een pagina\n---\n## Kop\n\nTekst.\n";
  return dir;
}

}  // namespace

TEST_CASE("cli: help and version succeed") {
  Run help = run({"--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: wegwijzer <command>") == 0);
  Run version = run({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out == std::string("wegwijzer ") + WEGWIJZER_VERSION + "\n");
}

TEST_CASE("cli: wrong usage exits with status 2") {
  CHECK(run({}).status == 2);
  Run unknown = run({"bouw"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("wegwijzer: unknown command 'bouw'") == 0);
  Run flag = run({"build", "--snel"});
  CHECK(flag.status == 2);
  CHECK(flag.err.find("wegwijzer build: unknown option '--snel'") == 0);
  CHECK(run({"build", "--jobs", "nul"}).status == 2);
  CHECK(run({"build", "--source"}).status == 2);
  CHECK(run({"build", "--source", "/bestaat/niet"}).status == 2);
}

TEST_CASE("cli: a folder with only content/ builds with the built-in theme") {
  fs::path site = temp_site("content-only");
  Run r = run({"build", "--source", site.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(site / "public" / "pagina" / "index.html");
  std::stringstream html;
  html << in.rdbuf();
  CHECK(html.str().find("<h1") != std::string::npos);
  // The crisis strip is the GGZ site's own (params.crisis_strip), and no phone number appears.
  CHECK(html.str().find("ww-crisis") == std::string::npos);
  CHECK(html.str().find("tel:") == std::string::npos);
  // No base_url, no sitemap and no canonical link pointing at a made-up host.
  CHECK_FALSE(fs::exists(site / "public" / "sitemap.xml"));
  CHECK(html.str().find("localhost") == std::string::npos);
  CHECK(fs::exists(site / "public" / "robots.txt"));
  CHECK(fs::exists(site / "public" / "404.html"));
  fs::remove_all(site);
}

TEST_CASE("cli: refuses an output folder that would destroy the site's own files") {
  fs::path site = temp_site("protect");
  for (const std::string& out :
       {site.string(), (site / "content").string(), site.parent_path().string()}) {
    Run r = run({"build", "--source", site.string(), "--output", out});
    INFO(out);
    CHECK(r.status == 2);
    CHECK(r.err.find("would overwrite the site's own files") != std::string::npos);
  }
  CHECK(fs::exists(site / "content" / "_index.md"));
  fs::create_directories(site / "elders");
  std::ofstream(site / "elders" / "belangrijk.txt") << "niet weggooien";
  Run r = run({"build", "--source", site.string(), "--output", (site / "elders").string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("was not written by wegwijzer") != std::string::npos);
  CHECK(fs::exists(site / "elders" / "belangrijk.txt"));
  fs::remove_all(site);
}

}  // namespace wegwijzer

namespace wegwijzer {

TEST_CASE("cli: every command has its own help, and the man page is made from the same text") {
  for (const std::string command : {"build", "check", "verify"}) {
    Run help = run({command, "--help"});
    INFO(command);
    CHECK(help.status == 0);
    CHECK(help.out.find("usage: wegwijzer " + command) == 0);
  }
  Run man = run({"man"});
  CHECK(man.status == 0);
  CHECK(man.out.find(".TH WEGWIJZER 1") == 0);
  for (const std::string command : {"build", "check", "serve", "verify"}) {
    CHECK(man.out.find(".SH " + command + "\n") != std::string::npos);
  }
  CHECK(man.out.find("wegwijzer verify DIR") != std::string::npos);
}

}  // namespace wegwijzer
