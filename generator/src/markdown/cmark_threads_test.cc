#include "markdown/cmark_threads.h"

#include <array>
#include <catch2/catch.hpp>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "markdown/markdown.h"

namespace wegwijzer::markdown {

// Fails where the start-up check found the override not in force: such a build still renders
// correctly, but one document at a time, and that should not go unnoticed on the machines the
// project builds on (Debian 12, cmark-gfm 0.29.0.gfm.6).
TEST_CASE("markdown: the cmark-gfm override is in force, so documents parse in parallel") {
  INFO("fallback reason: " << parallel_parsing_fallback_reason());
  CHECK(parallel_parsing_fallback_reason().empty());
  REQUIRE(parallel_parsing_is_safe());
  CHECK(parallel_parsing_report() == "markdown: parsing in parallel (cmark-gfm override in force)");
}

TEST_CASE("markdown: two threads parsing at once both get the extensions' output") {
  // Many small blocks, so the two parses switch characters on and off (as cmark-gfm would) as
  // often as possible while the other is reading them.
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text +=
        "| a | b |\n|---|---|\n| ~~x~~ | www.example.nl |\n\nTekst ~~weg~~ en https://a.nl.\n\n";
  }
  const std::string expected = render(text, Options{}).html;
  REQUIRE(expected.find("<td><del>x</del></td>") != std::string::npos);
  REQUIRE(expected.find("<a href=\"http://www.example.nl\">www.example.nl</a>") !=
          std::string::npos);
  REQUIRE(expected.find("<p>Tekst <del>weg</del> en <a href=\"https://a.nl\">") !=
          std::string::npos);

  constexpr int kThreads = 2;
  std::vector<int> mismatches(kThreads, 0);
  std::latch start(kThreads);  // both parse from the first round on, not one after the other
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int round = 0; round < 40; ++round) {
        if (render(text, Options{}).html != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(kThreads, 0));
}

TEST_CASE("markdown: a parse with autolinks beside parses without keeps its links") {
  // One thread's texts need autolink's characters, the other's do not and switch them off
  // whenever no parse needs them (AutolinkCharacters); the first must never lose a link.
  std::string linked, plain;
  for (int i = 0; i < 50; ++i) {
    linked += "Kijk op www.example.nl of https://example.nl/" + std::to_string(i) + ".\n\n";
    plain += "Wat wordt waar gewogen? Wie weet het wel, want we wachten.\n\n";
  }
  const std::string linked_html = render(linked, Options{}).html;
  const std::string plain_html = render(plain, Options{}).html;
  REQUIRE(linked_html.find("<a href=\"http://www.example.nl\">") != std::string::npos);
  REQUIRE(linked_html.find("<a href=\"https://example.nl/49\">") != std::string::npos);

  std::array<int, 2> mismatches{};
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      const std::string& text = t == 0 ? linked : plain;
      const std::string& expected = t == 0 ? linked_html : plain_html;
      start.arrive_and_wait();
      for (int round = 0; round < 400; ++round) {
        if (render(text, Options{}).html != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::array<int, 2>{0, 0});
}

}  // namespace wegwijzer::markdown
