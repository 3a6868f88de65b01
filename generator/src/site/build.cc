#include "site/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "check/contact_literals.h"
#include "check/readability.h"
#include "data/data_files.h"
#include "data/data_translation.h"
#include "data/facts.h"
#include "data/json_access.h"
#include "data/provenance.h"
#include "data/schema_keywords.h"
#include "markdown/markdown.h"
#include "output/manifest.h"
#include "site/base_path.h"
#include "site/build_memo.h"
#include "site/content_loader.h"
#include "site/context.h"
#include "site/data_pages.h"
#include "site/data_view.h"
#include "site/front_matter_place.h"
#include "site/links.h"
#include "site/open_data.h"
#include "site/render.h"
#include "site/resolved_stage.h"
#include "site/search_index.h"
#include "site/site_files.h"
#include "site/theme.h"
#include "site/topics.h"
#include "site/translation_check.h"
#include "site/url_resolver.h"
#include "template/mustache.h"
#include "util/fingerprint.h"
#include "util/parallel.h"
#include "util/process_exit.h"

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

// Pages whose layout has no template, by the section whose data_pages gave them that layout (-1
// for a default layout) and the layout.
using MissingLayouts = std::map<std::pair<int, std::string>, std::vector<int>>;

// One error for each declaration and layout rather than one for each page: at the declaration's
// layout key, or at the template's name for a default layout.
void report_missing_layouts(const Site& site, const MissingLayouts& missing, Diagnostics* diags) {
  for (const auto& [key, pages] : missing) {
    const auto& [section, layout] = key;
    std::string which = page_name(site, site.pages[pages.front()]);
    if (pages.size() > 1) {
      which +=
          " and " + std::to_string(pages.size() - 1) + " more page" + (pages.size() > 2 ? "s" : "");
    }
    const std::string file = "templates/" + layout + ".html";
    if (section >= 0) {
      place_of_key_in(site.pages[section], "data_pages", "layout")
          .error(diags, "data_pages: " + file + " is missing, the layout of " + which);
    } else {
      diags->error(file, 0, 0, "template is missing, the layout of " + which);
    }
  }
}

void choose_layouts(Site* site, const Theme& theme, Diagnostics* diags) {
  MissingLayouts missing;
  for (size_t i = 0; i < site->pages.size(); ++i) {
    Page& page = site->pages[i];
    if (page.failed) continue;
    const FrontMatter& fm = page.front_matter;
    if (page.derived) {
      if (!theme.templates.contains(page.layout)) {
        missing[{page.declared_in, page.layout}].push_back(static_cast<int>(i));
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
        if (!theme.broken_templates.count(page.layout))
          missing[{-1, page.layout}].push_back(static_cast<int>(i));
        page.layout.clear();
      }
    }
  }
  report_missing_layouts(*site, missing, diags);
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

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
      diags->error(page.source_path, at.line, at.column,
                   "\"lastmod\" " + fm.lastmod + " lies in the future", line);
      continue;
    }
    int months = whole_months_between(fm.lastmod, today);
    if (months < stale_months) continue;
    std::string what = "the text was last changed on " + fm.lastmod + ", " +
                       std::to_string(months) +
                       " months ago: read it against its sources and set \"lastmod\" when done";
    if (months >= 2 * stale_months) {
      diags->error(page.source_path, at.line, at.column,
                   what + " (limit " + std::to_string(2 * stale_months) + " months)", line);
    } else {
      diags->warning(page.source_path, at.line, at.column, what, line);
    }
  }
}

// A translated page says which state of its original it translates (site/translation_check); a
// page without a translation in a language of the site is noted.
void check_translations(const Site& site, const std::string& today, Diagnostics* diags) {
  for (const Page& page : site.pages) {
    if (page.failed || page.source_path.empty()) continue;
    if (page.language == 0) {
      if (!site.multilingual()) continue;
      auto versions = site.translations.find(page.translation_key);
      size_t count = versions == site.translations.end() ? 0 : versions->second.size();
      if (count < site.languages.size())
        diags->note(page.source_path, 0, 0, "not translated into every language of the site");
      continue;
    }
    FrontMatterPlace at = place_of_key(page, "translation_of");
    const nlohmann::json& record = member(page.front_matter.params, "translation_of");
    auto original = site.page_by_source.find(page.translation_key);
    if (original == site.page_by_source.end()) {
      if (!record.is_null())
        at.error(diags, "there is no " + page.translation_key + " to translate");
      continue;
    }
    const Page& from = site.pages[original->second];
    if (at.line == 0) at = {page.source_path, 1, 1, std::string(line_text(page.text, 1))};
    TranslationFacts facts{
        from.source_path, from.text,
        from.front_matter.lastmod.empty() ? from.front_matter.date : from.front_matter.lastmod,
        today, site.config.translation_fail_after_days};
    if (auto problem = judge_translation(record, facts)) {
      diags->add({problem->severity, page.source_path, at.line, at.column, problem->message,
                  at.source_line});
    }
  }
}

// Theme templates, like pages, may not carry phone numbers or e-mail addresses of their own.
void check_theme_literals(const Theme& theme, const SiteConfig& config, Diagnostics* diags) {
  LiteralRules rules{config.short_numbers, config.allowed_literals};
  for (const auto& [name, text] : theme.template_sources) {
    auto path = theme.template_paths.find(name);
    std::string file =
        path == theme.template_paths.end() ? "templates/" + name + ".html" : path->second;
    for (const ContactLiteral& literal : find_contact_literals(text, rules)) {
      diags->error_at(file, text, literal.offset, contact_literal_message(literal));
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
    // Flesch-Douma measures Dutch: pages in the site's other languages are not measured.
    if (page.language != 0) continue;
    if (page.front_matter.params.value("readability_check", true) == false) continue;
    Readability r =
        measure_readability(page.body_rendered().plain_text, site.config.readability_terms);
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

namespace {

nlohmann::json view_of(const JsonSource& source, const nlohmann::json& value,
                       const Strings& strings, const ShowPolicy& show) {
  nlohmann::json view = template_view(annotate(source, value), strings, show);
  if (view.is_object()) view.erase("$schema");
  return view;
}

// When the original data file says it changed: the date the open_data declaration's `about`
// object gives, if any.
std::string data_changed(const SiteConfig& config, const nlohmann::json& value) {
  const nlohmann::json& od = config.open_data.value;
  std::string about = str(od, "about"), field = str(member(od, "fields"), "date");
  const nlohmann::json* date = about.empty() || field.empty()
                                   ? nullptr
                                   : at_pointer(value, about + "/" + pointer_escape(field));
  return date && date->is_string() ? date->get<std::string>() : std::string();
}

// Runs `work(i, name, set, diags)` for each data set, the i-th in name order, on up to `jobs`
// threads; what it reports joins `diags`.
template <typename Work>
void for_each_data_set(const DataFiles& data, int jobs, Diagnostics* diags, const Work& work) {
  std::vector<const DataFiles::value_type*> sets;
  for (const auto& entry : data) sets.push_back(&entry);
  std::vector<Diagnostics> found(sets.size());
  parallel_for(
      sets.size(), jobs,
      [&](size_t i, int) { work(i, sets[i]->first, sets[i]->second, &found[i]); },
      /*chunk=*/1);
  for (Diagnostics& d : found) diags->merge(std::move(d));
}

// site.data in language `lang`, and the data sets it translates (for their facts): the
// translations laid over the data, stale ones reported.
nlohmann::json translated_view(const SiteConfig& config, const std::string& today,
                               const std::vector<DataTranslation>& translations, int lang,
                               const Strings& words, int jobs, SiteData* out,
                               DataFiles* translated) {
  std::vector<std::optional<JsonSource>> copies(out->raw.size());
  std::vector<nlohmann::json> views(out->raw.size());
  for_each_data_set(
      out->raw, jobs, &out->diagnostics,
      [&](size_t i, const std::string& name, const JsonSource& source, Diagnostics* diags) {
        const nlohmann::json* value = &source.value;
        for (const DataTranslation& t : translations) {
          if (t.name != name || t.language != lang) continue;
          TranslationFacts facts{source.path, source.text, data_changed(config, source.value),
                                 today, config.translation_fail_after_days};
          if (auto problem = judge_translation(member(t.source.value, "translation_of"), facts))
            t.source.report(diags, problem->severity, "/translation_of", problem->message);
          if (!copies[i]) copies[i].emplace(source);
          copies[i]->value = apply_translation(*value, t, diags);
          value = &copies[i]->value;
        }
        views[i] = view_of(source, *value, words, config.show);
      });
  nlohmann::json view = nlohmann::json::object();
  size_t i = 0;
  for (const auto& [name, source] : out->raw) {
    if (copies[i]) translated->emplace(name, std::move(*copies[i]));
    view[name] = std::move(views[i++]);
  }
  return view;
}

// site.data in each other language, with its facts.
void add_translated_views(const FileSystem& fs, const SiteConfig& config, const std::string& today,
                          const std::vector<Strings>& strings, int jobs, SiteData* out) {
  std::vector<std::string> codes;
  for (const SiteConfig::Language& lang : config.languages) codes.push_back(lang.code);
  std::vector<DataTranslation> translations =
      load_data_translations(fs, config.data_dir, codes, &out->diagnostics);
  for (size_t lang = 1; lang <= codes.size(); ++lang) {
    const Strings& words = lang < strings.size() ? strings[lang] : Strings();
    DataFiles translated;  // only the sets this language translates, for their facts
    out->views.push_back(translated_view(config, today, translations, static_cast<int>(lang), words,
                                         jobs, out, &translated));
    // The facts of the translated sets in place of the original's; the others stay as they are.
    FactIndex facts = out->facts;
    Diagnostics same_as_original;  // what index_facts finds, it finds in the original too
    for (auto& [id, fact] : index_facts(translated, &same_as_original, config.show))
      facts[id] = std::move(fact);
    out->translated_facts.push_back(std::move(facts));
  }
  for (const DataTranslation& t : translations) {
    if (!out->raw.contains(t.name))
      t.source.error(&out->diagnostics, "",
                     "translates " + t.name + ".json, which is not a data set");
  }
}

}  // namespace

SiteData load_site_data(const FileSystem& fs, const SiteConfig& config, const std::string& today,
                        const std::vector<Strings>& strings, int jobs) {
  SiteData out;
  std::vector<std::string> codes;
  for (const SiteConfig::Language& lang : config.languages) codes.push_back(lang.code);
  out.raw = load_data_files(fs, config.data_dir, &out.diagnostics, codes, jobs);
  const Strings own = strings.empty() ? Strings() : strings[0];
  std::vector<std::string> exports(out.raw.size());
  std::vector<nlohmann::json> views(out.raw.size());
  for_each_data_set(
      out.raw, jobs, &out.diagnostics,
      [&](size_t i, const std::string&, const JsonSource& source, Diagnostics* diags) {
        check_provenance(source, today, config.stale_after_months, diags);
        nlohmann::json published = published_data(source.value, config.show);
        if (published.is_object()) published.erase("$schema");
        exports[i] = json_for_publishing(published, 1);
        views[i] = view_of(source, source.value, own, config.show);
      });
  out.views.push_back(nlohmann::json::object());
  size_t i = 0;
  for (const auto& [name, source] : out.raw) {
    out.exports["data/" + name + ".json"] = std::move(exports[i]);
    out.views[0][name] = std::move(views[i++]);
  }
  check_schema_keywords(out.raw, &out.page_references, &out.diagnostics);
  out.facts = index_facts(out.raw, &out.diagnostics, config.show);
  add_translated_views(fs, config, today, strings, jobs, &out);
  return out;
}

namespace {

// The site's languages: its own, then each of `languages` with its words and `params`.
void add_languages(const Theme& theme, Site* site, Diagnostics* diags) {
  const SiteConfig& config = site->config;
  site->languages.clear();
  site->languages.push_back(
      {config.language, "", config.title, config.description, config.params, {}, {}, -1, {}});
  for (const SiteConfig::Language& lang : config.languages) {
    SiteLanguage l{lang.code,
                   "/" + lang.code,
                   lang.title,
                   lang.description,
                   config.params,
                   load_strings(theme.string_files, lang.code, diags),
                   {},
                   -1,
                   {}};
    if (!l.params.is_object()) l.params = nlohmann::json::object();
    for (const auto& [key, value] : lang.params.items()) l.params[key] = value;
    if (!l.strings.values.empty()) check_same_keys(site->strings, l.strings, diags);
    site->languages.push_back(std::move(l));
  }
}

// The site as read, its theme and its data, into `in` (its diagnostics too), as of `in->today`.
void load_stage(const FileSystem& fs, const BuildOptions& options, int jobs, BuildMemo* memo,
                ResolvedStage* in) {
  Site& site = in->site;
  Diagnostics* diags = &in->diagnostics;
  site.config = load_config(fs, diags);
  if (!options.base_url.empty()) {
    site.config.base_url = options.base_url;
    if (!normalize_base_url(&site.config.base_url, &site.config.base_path)) {
      diags->error("", 0, 0, "--base-url must be an absolute http(s) URL");
    }
  }
  in->theme = memo->load_theme(fs, diags);
  check_theme_literals(*in->theme, site.config, diags);
  site.strings = load_strings(in->theme->string_files, site.config.language, diags);
  add_languages(*in->theme, &site, diags);
  memo->load_content(fs, LoadOptions{options.drafts, jobs}, &site, diags);
  std::vector<Strings> words;
  for (size_t lang = 0; lang < site.languages.size(); ++lang)
    words.push_back(site.strings_of(lang));
  in->data = memo->load_data(fs, site.config, in->today, words, jobs);
  // Copies: the resolve stage adds each data page's url to its record.
  for (size_t lang = 0; lang < site.languages.size() && lang < in->data->views.size(); ++lang)
    site.data_of(lang) = in->data->views[lang];
  site.generated = in->data->exports;
  site.facts = in->data->facts;
  for (size_t lang = 1; lang < site.languages.size() && lang <= in->data->translated_facts.size();
       ++lang)
    site.languages[lang].facts = in->data->translated_facts[lang - 1];
  for (const Diagnostic& d : in->data->diagnostics.items()) diags->add(d);
  check_page_ages(site, in->today, site.config.stale_after_months, diags);
}

// URLs, the tree, the pages the data makes, their order and layouts, and every other output URL
// (assets, data exports, sitemap) for the link checks.
void resolve_stage(int jobs, BuildMemo* memo, ResolvedStage* in) {
  Site* site = &in->site;
  const Theme& theme = *in->theme;
  const SiteData& data = *in->data;
  Diagnostics* diags = &in->diagnostics;
  resolve_urls(site, diags);
  add_data_pages(site, data.raw, diags, jobs);
  add_open_data(site, site->config.open_data, diags);
  check_page_references(
      data.raw, data.page_references,
      [&](const std::string& url) { return site->page_by_url.count(url) > 0; }, diags);
  for (Page& page : site->pages) {
    sort_by_weight(*site, &page.pages);
    sort_by_weight(*site, &page.sections);
  }
  choose_layouts(site, theme, diags);
  add_topics(site);  // after the layouts: only pages that are written are listed
  in->outputs = site_file_urls(*site, theme);
  memo->note_link_targets(*site, in->outputs);
}

// The load and resolve stages, or what the memo kept of them when only page bodies changed
// (then `body_changed` says which pages' bodies did).
std::unique_ptr<ResolvedStage> load_and_resolve(const FileSystem& fs, const BuildOptions& options,
                                                int jobs, BuildMemo* memo, StageTimer* timer,
                                                std::vector<char>* body_changed) {
  std::string today = options.today.empty() ? today_iso() : options.today;
  const uint64_t key = Fingerprint()
                           .add("drafts", options.drafts)
                           .add("base_url", options.base_url)
                           .add("today", today)
                           .add("editor checks", options.editor_checks)
                           .add("script", options.inject_before_body_end)
                           .digest();
  std::unique_ptr<ResolvedStage> in = memo->reuse_resolved(fs, key, body_changed);
  if (in) {
    timer->lap("load");
    timer->lap("resolve");
    return in;
  }
  in = std::make_unique<ResolvedStage>();
  in->today = std::move(today);  // the day the key above was made for
  load_stage(fs, options, jobs, memo, in.get());
  timer->lap("load");
  resolve_stage(jobs, memo, in.get());
  in->links.emplace(in->site, in->outputs);
  in->contexts.emplace(in->site, *in->theme);
  memo->note_resolved_key(key);
  timer->lap("resolve");
  return in;
}

// The search index, made from every page's HTML, joins the other generated files.
void add_search_index(const FileSystem& fs, const SearchDocuments& documents, int jobs,
                      BuildMemo* memo, ResolvedStage* in, Diagnostics* diags) {
  Site& site = in->site;
  for (auto& [path, bytes] :
       search_index_files(fs, site, documents, diags, memo->search_stems(), jobs)) {
    if (site.generated.emplace(path, std::move(bytes)).second) in->later_files.push_back(path);
  }
}

// Whether some page's Markdown may link to an anchor; if none does, no page's ids are needed.
// Every page's text is looked at, so on all cores.
bool may_link_to_anchors(const Site& site, int jobs) {
  std::atomic<bool> found{false};
  parallel_for(
      site.pages.size(), jobs,
      [&](size_t i, int) {
        const Page& page = site.pages[i];
        if (found.load(std::memory_order_relaxed) || page.failed || page.derived) return;
        if (markdown::may_link_to_anchors(page.body())) found.store(true);
      },
      /*chunk=*/256);
  return found.load();
}

// Anchors (page.md#kop) checked against the ids each target page really has.
void check_anchors(const Site& site, const std::vector<AnchorCheck>& anchors,
                   const std::vector<std::vector<std::string>>& page_ids, Diagnostics* diags) {
  for (const AnchorCheck& a : anchors) {
    const Page& from = site.pages[site.page_by_source.at(a.from)];
    const Page& target = site.pages[a.target];
    if (target.failed || target.layout.empty()) continue;
    const auto& ids = page_ids[a.target];
    if (!std::binary_search(ids.begin(), ids.end(), a.anchor)) {
      diags->error(a.from, a.line, a.column,
                   "broken link: " + page_name(site, target) + " has no heading or anchor \"#" +
                       a.anchor + "\"",
                   std::string(line_text(from.text, a.line)));
    }
  }
}

BuildResult run_pipeline(const FileSystem& fs, const BuildOptions& options, Output* output,
                         BuildMemo* memo) {
  BuildResult result;
  Diagnostics& diags = result.diagnostics;
  StageTimer timer(&result.timings);
  const int jobs = std::max(1, options.jobs);
  BasePathOutput published(output);
  memo->begin_build(fs, output ? &published : nullptr);

  std::vector<char> body_changed;
  std::unique_ptr<ResolvedStage> in =
      load_and_resolve(fs, options, jobs, memo, &timer, &body_changed);
  Site& site = in->site;
  const Theme& theme = *in->theme;
  published.set_base_path(site.config.base_path);
  for (const Diagnostic& d : in->diagnostics.items()) diags.add(d);
  check_translations(site, in->today, &diags);
  const LinkResolver& links = *in->links;
  const ContextBuilder& contexts = *in->contexts;
  // With a reused resolved stage, only pages whose body changed are rendered again.
  const std::vector<char>* only = body_changed.empty() ? nullptr : &body_changed;

  // A plain build renders each body in the templates stage, just before its page (see
  // BuildMemo::streams_markdown); then every page's ids are kept, as any may be a link's target,
  // unless no page can link to an anchor at all.
  std::vector<AnchorCheck> anchors;
  const bool streamed = memo->streams_markdown(options.editor_checks);
  if (!streamed) {
    memo->render_markdown(&site, theme, contexts, links, options.editor_checks, jobs, only, &diags,
                          &anchors);
  }
  if (options.editor_checks) run_editor_checks(site, in->data->raw, in->today, &result);
  timer.lap("markdown");

  std::vector<char> wants_ids(site.pages.size(),
                              streamed && may_link_to_anchors(site, jobs) ? 1 : 0);
  for (const AnchorCheck& a : anchors) wants_ids[a.target] = 1;
  std::vector<std::vector<std::string>> page_ids(site.pages.size());
  SearchDocuments documents(site.config.search ? site.pages.size() : 0);
  const BuildMemo::StreamedMarkdown markdown{&links, &anchors};
  result.pages_written = memo->render_pages(
      &site, theme, contexts, options.inject_before_body_end, jobs, wants_ids, only, &page_ids,
      site.config.search ? &documents : nullptr, streamed ? &markdown : nullptr, &diags);
  if (site.config.search) add_search_index(fs, documents, jobs, memo, in.get(), &diags);
  timer.lap("templates");

  result.files_written = write_site_files(fs, site, theme, contexts, options.inject_before_body_end,
                                          memo->files_output(), &diags);
  timer.lap("write");

  check_anchors(site, anchors, page_ids, &diags);
  memo->finish_build(std::move(in));
  diags.sort();
  timer.lap("check");
  return result;
}

}  // namespace

ResolvedSite resolve_site(const FileSystem& fs, const BuildOptions& options) {
  ResolvedSite out;
  try {
    BuildMemo one_shot(BuildMemo::Mode::kOneShot);
    MemoryOutput nowhere;
    one_shot.begin_build(fs, &nowhere);
    ResolvedStage in;
    in.today = options.today.empty() ? today_iso() : options.today;
    load_stage(fs, options, 1, &one_shot, &in);
    resolve_stage(1, &one_shot, &in);
    out.site = std::move(in.site);
    out.diagnostics = std::move(in.diagnostics);
  } catch (const std::exception& e) {
    out.diagnostics.error("", 0, 0, std::string("internal error: ") + e.what());
  }
  return out;
}

BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output) {
  auto one_shot = std::make_unique<BuildMemo>(BuildMemo::Mode::kOneShot);
  ManifestOutput manifest(output);
  BuildResult result = build_site(fs, options, &manifest, one_shot.get());
  // The memo holds the built site: left to the end of the process, neither is freed.
  if (!options.free_memory) leave_to_process_exit(std::move(one_shot));
  if (!result.ok()) return result;
  // Published last, with the site: the SHA-256 of every other file (wegwijzer verify).
  std::string error;
  if (!output->write(kManifestName, manifest.manifest(), &error)) {
    result.diagnostics.error(kManifestName, 0, 0, error);
  } else {
    ++result.files_written;
  }
  return result;
}

// The stages in order: load, resolve, markdown, templates, write, check. Whatever no stage
// expected becomes a diagnostic, never an abort: no input may end the process.
BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output,
                       BuildMemo* memo) {
  std::string failure;
  try {
    return run_pipeline(fs, options, output, memo);
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "unknown exception";
  }
  memo->clear();  // a build that stopped half-way leaves nothing to reuse
  BuildResult result;
  result.diagnostics.error(
      "", 0, 0, "internal error, please report it with the input that caused it: " + failure);
  return result;
}

}  // namespace wegwijzer
