#include "site/context.h"

#include <cmath>

#include "data/ggz_pages.h"

namespace wegwijzer {

using nlohmann::json;

std::string dutch_date(const std::string& iso) {
  static const char* const kMonths[] = {"januari", "februari", "maart",     "april",
                                        "mei",     "juni",     "juli",      "augustus",
                                        "september", "oktober", "november", "december"};
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = std::stoi(iso.substr(5, 2));
  int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

int top_section(const Site& site, int page) {
  int current = page;
  while (current >= 0 && site.pages[current].parent != site.home) {
    if (site.pages[current].parent < 0) return -1;
    current = site.pages[current].parent;
  }
  if (current < 0 || site.pages[current].kind != PageKind::kSection) return -1;
  return current;
}

ContextBuilder::ContextBuilder(const Site& site, const Theme& theme) : site_(site) {
  const std::string& base = site.config.base_url;
  site_frame_ = {
      {"site",
       {{"title", site.config.title},
        {"description", site.config.description},
        {"base_url", base},
        {"language", site.config.language},
        {"params", site.config.params},
        {"data", site.data}}},
      {"assets", theme.assets},
  };
}

json ContextBuilder::link_list(const std::vector<int>& pages) const {
  json list = json::array();
  for (int i : pages) {
    const Page& p = site_.pages[i];
    list.push_back({{"title", p.front_matter.title},
                    {"url", p.url},
                    {"description", p.front_matter.description},
                    {"weight", p.front_matter.weight}});
  }
  return list;
}

std::pair<int, int> ContextBuilder::group_key(int page) const {
  const Page& p = site_.pages[page];
  // Section pages are keyed by themselves: they are the current item of their own menu entry.
  return {p.parent, p.kind == PageKind::kSection ? top_section(site_, page) : -2 - p.parent};
}

void ContextBuilder::prepare(int page) {
  std::pair<int, int> key = group_key(page);
  if (groups_.count(key)) return;
  const Page& p = site_.pages[page];
  int top = top_section(site_, page);
  json frame = json::object();
  json ancestors = json::array();
  std::vector<int> chain;
  for (int a = p.parent; a >= 0; a = site_.pages[a].parent) chain.insert(chain.begin(), a);
  for (int a : chain) {
    ancestors.push_back({{"title", site_.pages[a].front_matter.title}, {"url", site_.pages[a].url}});
  }
  frame["has_ancestors"] = !ancestors.empty();
  frame["ancestors"] = std::move(ancestors);
  if (p.parent >= 0) {
    const Page& parent = site_.pages[p.parent];
    frame["section"] = {{"title", parent.front_matter.title}, {"url", parent.url}};
    frame["siblings"] = link_list(p.kind == PageKind::kSection ? parent.sections : parent.pages);
  }
  json menu = json::array();
  if (site_.home >= 0) {
    for (int s : site_.pages[site_.home].sections) {
      const Page& sp = site_.pages[s];
      if (sp.front_matter.params.value("menu", true) == false) continue;
      menu.push_back({{"title", sp.front_matter.title}, {"url", sp.url}, {"current", s == top}});
    }
  }
  frame["menu"] = std::move(menu);
  groups_.emplace(key, std::move(frame));
}

const json& ContextBuilder::group_frame(int page) const { return groups_.at(group_key(page)); }

json ContextBuilder::page_frame(int index) const {
  const Page& p = site_.pages[index];
  const FrontMatter& fm = p.front_matter;
  json toc = json::array();
  for (const markdown::Heading& h : p.rendered.headings) {
    if (h.level == 2 || h.level == 3) {
      toc.push_back({{"level", h.level}, {"id", h.id}, {"title", h.text}, {"sub", h.level == 3}});
    }
  }
  const char* kind = p.kind == PageKind::kHome ? "home" : p.kind == PageKind::kSection ? "section" : "page";
  size_t words = p.rendered.word_count;
  json page = {
      {"title", fm.title},
      {"description", fm.description},
      {"summary", fm.summary.empty() ? p.rendered.summary : fm.summary},
      {"content", p.rendered.html},
      {"url", p.url},
      {"permalink", permalink(p.url)},
      {"date", fm.date},
      {"date_nl", dutch_date(fm.date)},
      {"checked", fm.checked},
      {"checked_nl", dutch_date(fm.checked)},
      {"weight", fm.weight},
      {"kind", kind},
      {"is_home", p.kind == PageKind::kHome},
      {"is_section", p.kind == PageKind::kSection},
      {"draft", fm.draft},
      {"params", fm.params},
      {"has_toc", toc.size() >= 2},
      {"toc", std::move(toc)},
      {"word_count", words},
      {"reading_minutes", std::max<size_t>(1, (words + 199) / 200)},
      {"source", p.source_path},
  };
  json frame = {{"page", std::move(page)}};
  if (p.kind != PageKind::kPage) {
    json pages = link_list(p.pages);
    frame["has_pages"] = !pages.empty();
    frame["pages"] = std::move(pages);
    json sections = link_list(p.sections);
    frame["has_subsections"] = !sections.empty();
    frame["subsections"] = std::move(sections);
  }
  add_step_context(site_, p, &frame);
  if (p.derived && p.derived_context.is_object()) {
    for (const auto& [key, value] : p.derived_context.items()) frame[key] = value;
  }
  return frame;
}

}  // namespace wegwijzer
