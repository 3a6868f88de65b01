#include "site/build.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include "check/contact_literals.h"
#include "check/readability.h"
#include "data/data_files.h"
#include "data/facts.h"
#include "data/provenance.h"
#include "data/ggz_checks.h"
#include "data/ggz_pages.h"
#include "site/build_memo.h"
#include "site/content_loader.h"
#include "site/context.h"
#include "site/links.h"
#include "site/render.h"
#include "site/site_files.h"
#include "site/theme.h"
#include "site/url_resolver.h"
#include "template/mustache.h"
#include "util/parallel.h"

namespace wegwijzer {
namespace {

class StageTimer {
 public:
  explicit StageTimer(std::vector<StageTiming>* timings) : timings_(timings) {}
  void lap(const char* stage) {
    auto now = std::chrono::steady_clock::now();
    timings_->push_back({stage, std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }

 private:
  std::vector<StageTiming>* timings_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

std::string default_layout(const Page& page, const Theme& theme) {
  if (page.kind == PageKind::kHome && theme.templates.contains("home")) return "home";
  return page.kind == PageKind::kPage ? "page" : "section";
}

void choose_layouts(Site* site, const Theme& theme, Diagnostics* diags) {
  for (Page& page : site->pages) {
    if (page.failed) continue;
    const FrontMatter& fm = page.front_matter;
    if (page.derived) {
      if (!theme.templates.contains(page.layout)) {
        diags->error("templates", 0, 0, "no template for the page " + page.url + ": templates/" +
                                            page.layout + ".html is missing");
        page.layout.clear();
      }
    } else if (!fm.layout.empty()) {
      if (!theme.templates.contains(fm.layout)) {
        diags->error(page.source_path, fm.layout_pos.line, fm.layout_pos.column,
                     "unknown layout \"" + fm.layout + "\" (no templates/" + fm.layout + ".html)",
                     std::string(line_text(page.text, fm.layout_pos.line)));
        continue;
      }
      page.layout = fm.layout;
    } else if (page.layout.empty()) {
      page.layout = default_layout(page, theme);
      if (!theme.templates.contains(page.layout)) {
        if (!theme.broken_templates.count(page.layout)) {
          diags->error(page.source_path.empty() ? "templates" : page.source_path, 0, 0,
                       "no template for this page: templates/" + page.layout + ".html is missing");
        }
        page.layout.clear();
      }
    }
  }
}

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A page says when its text last changed; like a fact, it goes stale.
void check_page_ages(const Site& site, const std::string& today, int stale_months,
                     Diagnostics* diags) {
  for (const Page& page : site.pages) {
    const FrontMatter& fm = page.front_matter;
    if (page.failed || page.source_path.empty() || fm.lastmod.empty()) continue;
    const SourcePos& at = fm.lastmod_pos;
    std::string line(line_text(page.text, at.line));
    if (fm.lastmod > today) {
      diags->error(page.source_path, at.line, at.column, "\"lastmod\" " + fm.lastmod + " lies in the future", line);
      continue;
    }
    int months = whole_months_between(fm.lastmod, today);
    if (months < stale_months) continue;
    std::string what = "the text was last changed on " + fm.lastmod + ", " + std::to_string(months) +
                       " months ago: read it against its sources and set \"lastmod\" when done";
    if (months >= 2 * stale_months) {
      diags->error(page.source_path, at.line, at.column, what + " (limit " + std::to_string(2 * stale_months) + " months)", line);
    } else {
      diags->warning(page.source_path, at.line, at.column, what, line);
    }
  }
}

// Theme templates, like pages, may not carry phone numbers or e-mail addresses of their own.
void check_theme_literals(const Theme& theme, const SiteConfig& config, Diagnostics* diags) {
  LiteralRules rules{config.short_numbers, config.allowed_literals};
  for (const auto& [name, text] : theme.template_sources) {
    auto path = theme.template_paths.find(name);
    std::string file = path == theme.template_paths.end() ? "templates/" + name + ".html" : path->second;
    for (const ContactLiteral& literal : find_contact_literals(text, rules)) {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + literal.offset, '\n'));
      size_t line_start = text.rfind('\n', literal.offset == 0 ? 0 : literal.offset - 1);
      line_start = line_start == std::string::npos || literal.offset == 0 ? 0 : line_start + 1;
      int column = 1;
      for (size_t i = line_start; i < literal.offset; ++i) column += (text[i] & 0xC0) != 0x80;
      diags->error(file, line, column, contact_literal_message(literal), std::string(line_text(text, line)));
    }
  }
}

// What `wegwijzer check` adds to a build: pages harder than B1 and the table of every fact.
void run_editor_checks(const Site& site, const DataFiles& data, const std::string& today,
                       BuildResult* result) {
  Diagnostics* diags = &result->diagnostics;
  const ReadabilityLimits limits;
  for (const Page& page : site.pages) {
    if (page.failed || page.source_path.empty()) continue;
    if (page.front_matter.params.value("readability_check", true) == false) continue;
    Readability r = measure_readability(page.rendered.plain_text);
    if (r.words < limits.min_words) continue;
    std::vector<std::string> problems;
    if (r.flesch_douma < limits.min_flesch_douma) {
      problems.push_back("Flesch-Douma " + one_decimal(r.flesch_douma) + " (aim for " +
                         one_decimal(limits.min_flesch_douma) + " or more)");
    }
    if (r.words_per_sentence > limits.max_words_per_sentence) {
      problems.push_back(one_decimal(r.words_per_sentence) + " words per sentence (aim for " +
                         one_decimal(limits.max_words_per_sentence) + " or fewer)");
    }
    if (r.long_word_share > limits.max_long_word_share) {
      problems.push_back(percent(r.long_word_share) + " long words (aim for " +
                         percent(limits.max_long_word_share) + " or fewer)");
    }
    if (!problems.empty()) {
      std::string message = "harder to read than B1: ";
      for (size_t i = 0; i < problems.size(); ++i) message += (i ? ", " : "") + problems[i];
      diags->warning(page.source_path, 0, 0, message);
    }
  }
  for (const auto& [name, source] : data) {
    for (FactRow& row : list_facts(source, today, site.config.stale_after_months)) {
      result->facts.emplace_back(source.path, std::move(row));
    }
  }
}

}  // namespace

SiteData load_site_data(const FileSystem& fs, const SiteConfig& config, const std::string& today) {
  SiteData out;
  out.raw = load_data_files(fs, config.data_dir, &out.diagnostics);
  for (const auto& [name, source] : out.raw) {
    check_provenance(source, today, config.stale_after_months, &out.diagnostics);
    nlohmann::json published = published_data(source.value);
    if (published.is_object()) published.erase("$schema");
    out.exports["data/" + name + ".json"] = json_for_publishing(published, 1);
    out.published[name] = std::move(published);
  }
  check_ggz_data(out.raw, &out.diagnostics);
  out.facts = index_facts(out.raw, &out.diagnostics);
  for (const auto& [name, source] : out.raw) {
    for (const auto& item : source.value.value(name, nlohmann::json::array())) {
      if (item.is_object() && item.contains("id") && item["id"].is_string()) {
        out.ids[name].insert(item["id"].get<std::string>());
      }
    }
  }
  return out;
}

BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output) {
  return build_site(fs, options, output, nullptr);
}

BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output,
                       BuildMemo* cache) {
  BuildResult result;
  Diagnostics& diags = result.diagnostics;
  StageTimer timer(&result.timings);
  const int jobs = std::max(1, options.jobs);
  if (cache) cache->begin_build();

  // Load.
  Site site;
  site.config = load_config(fs, &diags);
  if (!options.base_url.empty()) {
    site.config.base_url = options.base_url;
    if (!normalize_base_url(&site.config.base_url)) {
      diags.error("", 0, 0, "--base-url must be an absolute http(s) URL");
    }
  }
  std::shared_ptr<const Theme> theme_holder;
  if (cache) {
    theme_holder = cache->load_theme(fs, &diags);
  } else {
    auto fresh = std::make_shared<Theme>();
    load_theme(fs, fresh.get(), &diags);
    theme_holder = std::move(fresh);
  }
  const Theme& theme = *theme_holder;
  check_theme_literals(theme, site.config, &diags);
  const LoadOptions load_options{options.drafts, jobs};
  if (cache) {
    cache->load_content(fs, load_options, &site, &diags);
  } else {
    load_content(fs, load_options, &site, &diags);
  }
  std::string today = options.today.empty() ? today_iso() : options.today;
  std::shared_ptr<const SiteData> data_holder;
  if (cache) {
    // The cache keeps its copy for the next build.
    data_holder = cache->load_data(fs, site.config, today);
    site.data = data_holder->published;
    site.generated = data_holder->exports;
    site.data_ids = data_holder->ids;
    site.facts = data_holder->facts;
    for (const Diagnostic& d : data_holder->diagnostics.items()) diags.add(d);
  } else {
    auto fresh = std::make_shared<SiteData>(load_site_data(fs, site.config, today));
    site.data = std::move(fresh->published);
    site.generated = std::move(fresh->exports);
    site.data_ids = std::move(fresh->ids);
    site.facts = std::move(fresh->facts);
    diags.merge(std::move(fresh->diagnostics));
    data_holder = std::move(fresh);
  }
  const DataFiles& data = data_holder->raw;
  check_page_ages(site, today, site.config.stale_after_months, &diags);
  timer.lap("load");

  // Resolve.
  resolve_urls(&site, &diags);
  add_ggz_pages(&site, data, &diags);
  for (Page& page : site.pages) {
    sort_by_weight(site, &page.pages);
    sort_by_weight(site, &page.sections);
  }
  choose_layouts(&site, theme, &diags);
  std::vector<std::string> outputs = site_file_urls(site, theme);
  if (cache) cache->note_link_targets(site, outputs);
  LinkResolver links(site, outputs);
  ContextBuilder contexts(site, theme);
  timer.lap("resolve");

  // Render Markdown, rewriting links as we go.
  std::vector<AnchorCheck> anchors;
  if (cache) {
    cache->render_markdown(&site, theme, contexts, links, options.editor_checks, jobs, &diags,
                           &anchors);
  } else {
    std::vector<Diagnostics> worker_diags(jobs);
    std::vector<std::vector<AnchorCheck>> worker_anchors(jobs);
    parallel_for(site.pages.size(), jobs, [&](size_t i, int worker) {
      Page& page = site.pages[i];
      if (page.failed || page.derived || page.source_path.empty()) return;
      size_t anchors_before = worker_anchors[worker].size();
      render_page_markdown(site, theme, contexts, links, static_cast<int>(i),
                           options.editor_checks, &page.rendered, &worker_diags[worker],
                           &worker_anchors[worker]);
      // Later stages read the source only to quote the line of a link to a missing anchor.
      // Memory handed back here is what the next pages' HTML is built in, and fresh memory from
      // the kernel costs more than the text did to copy.
      if (worker_anchors[worker].size() == anchors_before) {
        std::string().swap(page.text);
        page.body_offset = 0;
      }
    });
    for (Diagnostics& d : worker_diags) diags.merge(std::move(d));
    for (auto& list : worker_anchors) {
      anchors.insert(anchors.end(), std::make_move_iterator(list.begin()),
                     std::make_move_iterator(list.end()));
    }
  }
  if (options.editor_checks) run_editor_checks(site, data, today, &result);
  timer.lap("markdown");

  // Render templates and write pages.
  std::vector<char> wants_ids(site.pages.size(), 0);
  for (const AnchorCheck& a : anchors) wants_ids[a.target] = 1;
  std::vector<std::vector<std::string>> page_ids(site.pages.size());
  if (cache) {
    result.pages_written = cache->render_pages(site, theme, &contexts,
                                               options.inject_before_body_end, jobs, wants_ids,
                                               &page_ids, &diags);
  } else {
    // One group at a time: its frame (the menu, the breadcrumbs, the siblings) is built once,
    // serves the group's pages and goes. Kept for every group at once, the frames of a site with
    // thousands of sections would hold thousands of menus of thousands of entries.
    std::map<std::pair<int, int>, size_t> group_index;
    std::vector<std::vector<int>> groups;
    for (size_t i = 0; i < site.pages.size(); ++i) {
      const Page& page = site.pages[i];
      if (page.failed || page.layout.empty()) continue;
      auto [it, fresh] = group_index.emplace(contexts.group_key(static_cast<int>(i)), groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].push_back(static_cast<int>(i));
    }
    std::vector<Diagnostics> worker_diags(jobs);
    std::vector<size_t> written(jobs, 0);
    std::vector<mustache::SectionCache> sections(jobs);
    parallel_for(
        groups.size(), jobs,
        [&](size_t g, int worker) {
          nlohmann::json group = contexts.make_group_frame(groups[g].front());
          for (int i : groups[g]) {
            std::string html =
                render_page_html(site, theme, contexts, i, group, options.inject_before_body_end,
                                 &worker_diags[worker], &sections[worker]);
            if (wants_ids[i]) page_ids[i] = collect_ids(html);
            std::string error;
            if (!output->write(site.pages[i].output_path, html, &error)) {
              worker_diags[worker].error(site.pages[i].output_path, 0, 0, error);
            }
            ++written[worker];
            std::string().swap(site.pages[i].rendered.html);  // written: the next page reuses it
          }
          sections[worker].clear();  // it points into `group`
        },
        /*chunk=*/1);
    for (Diagnostics& d : worker_diags) diags.merge(std::move(d));
    for (size_t n : written) result.pages_written += n;
  }
  timer.lap("templates");

  if (site.home >= 0) contexts.prepare(site.home);  // the 404 page's group
  result.files_written =
      write_site_files(fs, site, theme, contexts, options.inject_before_body_end,
                       cache ? cache->site_files_output() : output, &diags);
  timer.lap("write");

  // Check anchors against the ids each target page really has.
  for (const AnchorCheck& a : anchors) {
    const Page& from = site.pages[site.page_by_source.at(a.from)];
    const Page& target = site.pages[a.target];
    if (target.failed || target.layout.empty()) continue;
    const auto& ids = page_ids[a.target];
    if (!std::binary_search(ids.begin(), ids.end(), a.anchor)) {
      diags.error(a.from, a.line, a.column,
                  "broken link: " + (target.source_path.empty() ? target.url : target.source_path) +
                      " has no heading or anchor \"#" + a.anchor + "\"",
                  std::string(line_text(from.text, a.line)));
    }
  }
  if (cache) cache->finish_build(&site, output);
  diags.sort();
  timer.lap("check");
  return result;
}

}  // namespace wegwijzer
