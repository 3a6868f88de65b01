#include "site/build_memo.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "util/fingerprint.h"
#include "util/parallel.h"

namespace wegwijzer {
namespace {

uint64_t hash_bytes(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

}  // namespace

struct BuildMemo::ThemeMemo {
  FileTrace trace;
  std::shared_ptr<const Theme> theme;
  Diagnostics diagnostics;
  std::unordered_map<std::string, uint64_t> template_fingerprints;
};

struct BuildMemo::DataMemo {
  uint64_t key = 0;
  FileTrace trace;
  std::shared_ptr<const SiteData> data;
  uint64_t ids_fingerprint = 0;
};

// Gathers the files of one build, keeping the previous build's bytes (and pointer) for a file
// that came out the same.
class BuildMemo::FilesOutput : public Output {
 public:
  FilesOutput(std::shared_ptr<const OutputFiles> previous, size_t expected)
      : previous_(std::move(previous)) {
    files_.reserve(expected);
  }

  // The files besides pages (assets, data, search index, sitemap), as the write stage makes them.
  bool write(const std::string& path, std::string_view data, std::string*) override {
    std::lock_guard lock(mutex_);
    auto it = previous_->find(path);
    if (it != previous_->end() && *it->second == data) {
      files_[path] = it->second;
    } else {
      files_[path] = std::make_shared<const std::string>(data);
    }
    others_.push_back(path);
    return true;
  }
  // A page's HTML, as the memo keeps it.
  void put(const std::string& path, std::shared_ptr<const std::string> bytes) {
    std::lock_guard lock(mutex_);
    files_[path] = std::move(bytes);
  }
  OutputFiles take() { return std::move(files_); }
  std::vector<std::string> take_others() {
    std::sort(others_.begin(), others_.end());
    return std::move(others_);
  }

 private:
  std::shared_ptr<const OutputFiles> previous_;
  std::mutex mutex_;
  OutputFiles files_;
  std::vector<std::string> others_;
};

BuildMemo::BuildMemo(Mode mode) : files_(std::make_shared<const OutputFiles>()), mode_(mode) {}
BuildMemo::~BuildMemo() = default;

void BuildMemo::clear() {
  resolved_.reset();
  replaced_.reset();
  page_sources_.clear();
  page_html_.clear();
  layout_.reset();
  site_entries_.clear();
  sources_.clear();
  html_.clear();
  theme_.reset();
  data_.reset();
  files_ = std::make_shared<const OutputFiles>();
  next_files_.reset();
  other_files_.clear();
  search_stems_ = search::PageStemsCache();
}

void BuildMemo::begin_build(const FileSystem& fs, Output* output) {
  replaced_.reset();
  build_mark_ = fs.change_mark();
  reusing_ = false;
  stats_ = Stats();
  output_ = output;
  pages_rendered_ = 0;
  if (keeps()) next_files_ = std::make_unique<FilesOutput>(files_, files_->size() + 64);
  rendered_hashes_.clear();
}

namespace {

// True when `text` starts with the same front matter as `old` (which ends at `body_offset`) and
// loads without a problem: then nothing that the load and resolve stages read differs.
bool same_front_matter(const std::string& path, std::string_view old, size_t body_offset,
                       const std::string& text) {
  if (text.size() < body_offset || text.compare(0, body_offset, old.substr(0, body_offset)) != 0)
    return false;
  ParsedSource source;
  Diagnostics diags;  // the only check of the body: that it is UTF-8
  return parse_page_source(path, text, &source, &diags) && diags.empty() &&
         static_cast<size_t>(source.body.data() - text.data()) == body_offset;
}

}  // namespace

std::unique_ptr<ResolvedStage> BuildMemo::reuse_resolved(const FileSystem& fs, uint64_t key,
                                                         std::vector<char>* body_changed) {
  if (!keeps() || !resolved_ || resolved_key_ != key) return nullptr;
  std::optional<std::vector<std::string>> changed = fs.changed_since(resolved_mark_);
  if (!changed) return nullptr;
  Site& site = resolved_->site;
  if (!changed->empty()) {
    // A page saved by renaming a new file over it changes no name.
    std::shared_ptr<const FileSystem::Listing> listing = fs.shared_listing("content");
    if (!layout_ || (listing != layout_->listing && listing->files != layout_->listing->files))
      return nullptr;
    layout_->listing = listing;
  }
  struct Edit {
    int page;
    SourceEntry* entry;
    std::shared_ptr<const std::string> text;
    uint64_t hash;
  };
  std::vector<Edit> edits;
  for (const std::string& path : *changed) {
    // Only a page the site was loaded from; page_sources_ has the entry it was loaded from.
    auto page = site.page_by_source.find(path);
    if (page == site.page_by_source.end()) return nullptr;
    size_t index = static_cast<size_t>(page->second);
    if (index >= page_sources_.size() || !page_sources_[index]) return nullptr;
    SourceEntry& e = *page_sources_[index];
    if (!e.loaded || e.failed || !e.load_diagnostics.empty()) return nullptr;
    std::string text, error;
    if (!fs.read_file(path, &text, &error)) return nullptr;
    uint64_t hash = hash_bytes(text);
    if (hash == e.content_hash) continue;
    if (!same_front_matter(path, *e.text, e.body_offset, text)) return nullptr;
    edits.push_back({page->second, &e, std::make_shared<const std::string>(std::move(text)), hash});
  }
  body_changed->assign(site.pages.size(), 0);
  for (Edit& edit : edits) {
    edit.entry->text = std::move(edit.text);
    edit.entry->content_hash = edit.hash;
    edit.entry->replaced = true;
    edit.entry->md_valid = false;
    Page& page = site.pages[edit.page];
    page.text_holder = edit.entry->text;
    page.text = *page.text_holder;
    (*body_changed)[edit.page] = 1;
  }
  stats_.sources_parsed = edits.size();
  for (const std::string& path : resolved_->later_files) site.generated.erase(path);
  resolved_->later_files.clear();
  reusing_ = stats_.resolved_reused = true;
  next_files_ = std::make_unique<FilesOutput>(files_, 64);  // the pages made again, the others
  return std::move(resolved_);
}

std::shared_ptr<const Theme> BuildMemo::load_theme(const FileSystem& fs, Diagnostics* diags) {
  if (!theme_ || !theme_->trace.still_valid(fs)) {
    auto memo = std::make_shared<ThemeMemo>();
    auto theme = std::make_shared<Theme>();
    TracingFileSystem traced(fs, &memo->trace);
    ::wegwijzer::load_theme(traced, theme.get(), &memo->diagnostics);
    for (const auto& [name, source] : theme->template_sources) {
      auto path = theme->template_paths.find(name);
      memo->template_fingerprints[name] =
          Fingerprint()
              .add("name", name)
              .add("path", path == theme->template_paths.end() ? "" : path->second)
              .add("source", source)
              .add("parsed", theme->templates.contains(name))
              .digest();
    }
    memo->theme = std::move(theme);
    theme_ = std::move(memo);
    stats_.theme_loaded = true;
  }
  for (const Diagnostic& d : theme_->diagnostics.items()) diags->add(d);
  return theme_->theme;
}

std::shared_ptr<const SiteData> BuildMemo::load_data(const FileSystem& fs, const SiteConfig& config,
                                                     const std::string& today,
                                                     const std::vector<Strings>& strings,
                                                     int jobs) {
  std::string words;
  for (const Strings& s : strings) words += s.language + "\n" + s.values.dump() + "\n";
  std::string languages;
  for (const SiteConfig::Language& l : config.languages) languages += l.code + " ";
  uint64_t key =
      Fingerprint()
          .add("data_dir", config.data_dir)
          .add("stale_after_months", static_cast<uint64_t>(config.stale_after_months))
          .add("today", today)
          .add("show", nlohmann::json(config.show.zekerheid).dump() +
                           nlohmann::json(config.show.never).dump())
          .add("strings", words)
          .add("languages", languages)
          .add("fail_after_days", static_cast<uint64_t>(config.translation_fail_after_days))
          .add("open_data", config.open_data.value.dump())
          .digest();
  if (!data_ || data_->key != key || !data_->trace.still_valid(fs)) {
    auto memo = std::make_shared<DataMemo>();
    memo->key = key;
    TracingFileSystem traced(fs, &memo->trace);
    auto data = std::make_shared<SiteData>(load_site_data(traced, config, today, strings, jobs));
    // A block's record may be shown, held back or unknown: that depends on the data as written.
    Fingerprint raw;
    for (const auto& [name, source] : data->raw) raw.add(name, source.text);
    memo->ids_fingerprint = raw.digest();
    memo->data = std::move(data);
    data_ = std::move(memo);
    stats_.data_loaded = true;
  }
  return data_->data;
}

void BuildMemo::load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                             Diagnostics* diags) {
  for (auto& [path, entry] : sources_) entry.seen = entry.in_site = false;
  std::shared_ptr<const FileSystem::Listing> listing = fs.shared_listing("content");
  for (const std::string& e : listing->errors) {
    size_t colon = e.find(": ");
    diags->error(e.substr(0, colon), 0, 0, e.substr(colon + 2));
  }
  // Which files are pages, resources and static files depends on the names only.
  std::vector<std::string> languages;
  for (const SiteConfig::Language& lang : site->config.languages) languages.push_back(lang.code);
  if (!layout_ || layout_->data_dir != site->config.data_dir || layout_->languages != languages ||
      (layout_->listing != listing && layout_->listing->files != listing->files)) {
    layout_ = std::make_unique<ContentLayoutMemo>();
    layout_->layout = classify_content(listing->files, site->config.data_dir, languages);
    layout_->data_dir = site->config.data_dir;
    layout_->languages = std::move(languages);
  }
  layout_->listing = listing;
  report_unsafe_paths(layout_->layout, diags);
  site->static_files = layout_->layout.static_files;
  // The pages go straight into the site (moving 10,000 pages costs more than it seems); room is
  // left for the pages the data adds.
  std::vector<Page>& pages = site->pages;
  const size_t n = layout_->layout.pages.size();
  pages.reserve(n + 1024);
  pages.resize(n);
  std::vector<SourceEntry*> entries(n);
  for (size_t i = 0; i < n; ++i) {
    const PageSkeleton& skeleton = layout_->layout.pages[i];
    pages[i].source_path = skeleton.source_path;
    pages[i].kind = skeleton.kind;
    pages[i].language = skeleton.language;
    pages[i].content_dir = skeleton.content_dir;
    pages[i].resources = skeleton.resources;
    if (!keeps()) continue;
    auto [it, fresh] = sources_.try_emplace(skeleton.source_path);
    it->second.path = &it->first;
    it->second.seen = true;
    entries[i] = &it->second;
  }

  // Reading and parsing, or taking both from the previous build.
  std::vector<Diagnostics> worker_diags(std::max(1, options.jobs));
  std::vector<char> keep(n, 0);
  sources_parsed_ = 0;
  parallel_for(n, options.jobs, [&](size_t i, int worker) {
    load_page(fs, options.drafts, &pages[i], entries[i], &keep[i], &worker_diags[worker]);
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  stats_.sources_parsed = sources_parsed_;
  // Drafts out, keeping the order.
  size_t kept = 0;
  site_entries_.clear();
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    if (kept != i) pages[kept] = std::move(pages[i]);
    if (keeps()) site_entries_.push_back(entries[i]);
    ++kept;
  }
  pages.resize(kept);
}

namespace {

// Reads a page's front matter into `page`; false when the page cannot be used. A page whose front
// matter is broken still takes its place in the site, so that links to it do not add errors of
// their own; it is not rendered.
void parse_into(Page* page, Diagnostics* diags) {
  ParsedSource source;
  if (!parse_page_source(page->source_path, page->text, &source, diags)) {
    page->failed = true;
    page->front_matter.title = page->source_path;
    return;
  }
  page->front_matter = std::move(source.front_matter);
  page->body_offset = static_cast<size_t>(source.body.data() - page->text.data());
  page->body_first_line = source.body_first_line;
}

}  // namespace

// One page of the load stage: read and parse it, or take both from the previous build. A kept
// entry owns the text between builds; the Site has it while a build runs.
void BuildMemo::load_page(const FileSystem& fs, bool drafts, Page* page, SourceEntry* entry,
                          char* keep, Diagnostics* diags) {
  std::optional<uint64_t> known = entry ? fs.known_hash(page->source_path) : std::nullopt;
  if (!entry || !known || !entry->loaded || entry->content_hash != *known) {
    std::string text, error;
    if (!fs.read_file(page->source_path, &text, &error)) {
      diags->error(page->source_path, 0, 0, error);
      page->failed = true;
      *keep = 1;
      if (entry) entry->loaded = false;
      return;
    }
    if (!entry) {
      page->set_text(std::move(text));
      parse_into(page, diags);
      *keep = page->failed || !page->front_matter.draft || drafts;
      return;
    }
    uint64_t hash = hash_bytes(text);
    if (!entry->loaded || entry->content_hash != hash) {
      ++sources_parsed_;
      const std::string* path = entry->path;
      const bool replaced = entry->loaded;
      *entry = SourceEntry();
      entry->path = path;
      entry->replaced = replaced;
      entry->seen = true;
      entry->content_hash = hash;
      Page parsed;
      parsed.source_path = page->source_path;
      parsed.set_text(std::move(text));
      parse_into(&parsed, &entry->load_diagnostics);
      entry->text = std::move(parsed.text_holder);
      entry->front_matter = std::move(parsed.front_matter);
      entry->body_offset = parsed.body_offset;
      entry->body_first_line = parsed.body_first_line;
      entry->failed = parsed.failed;
      entry->loaded = true;
    }
  }
  for (const Diagnostic& diag : entry->load_diagnostics.items()) diags->add(diag);
  *keep = entry->failed || !entry->front_matter.draft || drafts;
  if (!*keep) return;
  page->text_holder = entry->text;
  page->text = *entry->text;
  page->front_matter = entry->front_matter;
  page->body_offset = entry->body_offset;
  page->body_first_line = entry->body_first_line;
  page->failed = entry->failed;
  entry->in_site = true;
}

BuildMemo::SourceEntry* BuildMemo::entry_for(const Page& page, size_t* next_loaded) {
  // Pages keep the order they were loaded in; resolve_urls may add a home page before them and
  // the data adds pages after them.
  if (*next_loaded < site_entries_.size() &&
      *site_entries_[*next_loaded]->path == page.source_path) {
    return site_entries_[(*next_loaded)++];
  }
  auto it = sources_.find(page.source_path);
  return it == sources_.end() ? nullptr : &it->second;
}

void BuildMemo::note_link_targets(const Site& site, const std::vector<std::string>& outputs) {
  // Only a kept body compares it; hashing every URL of a large site costs a plain build ~10 ms.
  if (keeps()) link_targets_ = link_targets_fingerprint(site, outputs);
}

uint64_t BuildMemo::template_fingerprint(const std::string& name) const {
  auto it = theme_->template_fingerprints.find(name);
  return it == theme_->template_fingerprints.end() ? 0 : it->second;
}

uint64_t BuildMemo::templates_fingerprint(const std::vector<std::string>& names) const {
  Fingerprint h;
  for (const std::string& name : names) h.add(name, template_fingerprint(name));
  return h.digest();
}

uint64_t BuildMemo::blocks_fingerprint(const MarkdownTrace& trace) const {
  if (!trace.has_blocks) return 0;
  Fingerprint h;
  h.add("site frame", site_frame_)
      .add("data", data_ ? data_->ids_fingerprint : 0)
      .add("declarations", declarations_);
  for (const std::string& name : trace.block_templates) h.add(name, template_fingerprint(name));
  return h.digest();
}

void BuildMemo::render_markdown(Site* site, const Theme& theme, const ContextBuilder& contexts,
                                const LinkResolver& links, bool want_plain_text, int jobs,
                                const std::vector<char>* only, Diagnostics* diags,
                                std::vector<AnchorCheck>* anchors) {
  if (!reusing_) {  // a reused site has the same frame and declarations
    site_frame_ = keeps() ? contexts.site_fingerprint() : 0;
    // What blocks read is declared in wegwijzer.yaml; the site frame does not hold it.
    declarations_ = keeps() ? Fingerprint()
                                  .add("blocks", site->config.blocks.value.dump())
                                  .add("references", site->config.references.value.dump())
                                  .digest()
                            : 0;
  }
  const size_t n = site->pages.size();
  rendered_hashes_.assign(keeps() ? n : 0, std::nullopt);
  if (!reusing_) page_sources_ = page_entries(*site);
  const std::vector<SourceEntry*>& entries = page_sources_;
  jobs = std::max(1, jobs);
  std::vector<Diagnostics> worker_diags(jobs);
  std::vector<std::vector<AnchorCheck>> worker_anchors(jobs);
  markdown_rendered_ = 0;
  links_rechecked_ = 0;
  parallel_for(n, jobs, [&](size_t i, int worker) {
    const Page& page = site->pages[i];
    if (!has_markdown(page)) return;
    if (keeps() && !entries[i]) return;
    if (only && !(*only)[i] && entries[i]->md_valid) {
      replay_body(*entries[i], i, &worker_diags[worker], &worker_anchors[worker]);
      return;
    }
    render_page_body(site, theme, contexts, links, want_plain_text, static_cast<int>(i),
                     keeps() ? entries[i] : nullptr, &worker_diags[worker],
                     &worker_anchors[worker]);
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  for (auto& list : worker_anchors) {
    anchors->insert(anchors->end(), std::make_move_iterator(list.begin()),
                    std::make_move_iterator(list.end()));
  }
  stats_.markdown_rendered = markdown_rendered_;
  stats_.links_rechecked = links_rechecked_;
}

// One page of the Markdown stage. Without an entry (a one-shot build) the body is rendered and
// the page's source handed back at once, unless a link to an anchor may still need its line for
// an error: memory handed back here is what the next pages' HTML is built in. With an entry, the
// previous build's body is reused when everything it read is the same.
void BuildMemo::render_page_body(Site* site, const Theme& theme, const ContextBuilder& contexts,
                                 const LinkResolver& links, bool want_plain_text, int index,
                                 SourceEntry* entry, Diagnostics* diags,
                                 std::vector<AnchorCheck>* anchors) {
  Page& page = site->pages[index];
  if (!entry) {
    size_t anchors_before = anchors->size();
    auto rendered = std::make_shared<markdown::Rendered>();
    render_page_markdown(*site, theme, contexts, links, index, want_plain_text, rendered.get(),
                         diags, anchors);
    page.rendered = std::move(rendered);
    if (anchors->size() == anchors_before) {
      page.text_holder.reset();
      page.text = {};
      page.body_offset = 0;
    }
    return;
  }
  SourceEntry& e = *entry;
  const uint64_t key =
      Fingerprint().add("file", e.content_hash).add("plain text", want_plain_text).digest();
  const char* why = !e.md_valid && e.replaced                    ? "the file changed"
                    : !e.md_valid                                ? "first render"
                    : e.md_key != key                            ? "the file changed"
                    : e.md_blocks != blocks_fingerprint(e.trace) ? "data or block templates changed"
                                                                 : nullptr;
  bool reuse = why == nullptr;
  if (reuse && e.md_link_targets != link_targets_) {
    // The site's pages or files changed: the body stays valid if each of its links still
    // resolves to the same thing. Resolving again also gives today's anchors and problems.
    ++links_rechecked_;
    Diagnostics link_diags;
    std::vector<AnchorCheck> link_anchors;
    for (const MarkdownTrace::LinkQuery& q : e.trace.links) {
      if (links.resolve(index, q.href, q.line, q.column, &link_diags, &link_anchors) != q.result) {
        reuse = false;
        why = "a link now leads elsewhere";
        break;
      }
    }
    if (reuse) {
      e.trace.link_diagnostics = std::move(link_diags);
      e.trace.anchors = std::move(link_anchors);
      e.md_link_targets = link_targets_;
    }
  }
  if (reuse) {
    page.rendered = e.rendered;
  } else {
    ++markdown_rendered_;
    if (explain_) note_rebuild("markdown " + page.source_path + ": " + why);
    e.trace = MarkdownTrace();
    auto rendered = std::make_shared<markdown::Rendered>();
    render_page_markdown(*site, theme, contexts, links, index, want_plain_text, rendered.get(),
                         &e.trace);
    e.rendered = std::move(rendered);
    e.md_key = key;
    e.md_link_targets = link_targets_;
    e.md_blocks = blocks_fingerprint(e.trace);
    e.rendered_hash = rendered_fingerprint(*e.rendered);
    // A block's template reported an error: a missing partial is not among the templates used,
    // so the body cannot be checked against later changes and is rendered again next time.
    e.md_valid = e.trace.reusable;
    page.rendered = e.rendered;
  }
  replay_body(e, index, diags, anchors);
}

// What a kept body gives the build besides itself: its hash, its problems and its anchors.
void BuildMemo::replay_body(const SourceEntry& e, size_t index, Diagnostics* diags,
                            std::vector<AnchorCheck>* anchors) {
  rendered_hashes_[index] = e.rendered_hash;
  for (const Diagnostic& d : e.trace.link_diagnostics.items()) diags->add(d);
  for (const Diagnostic& d : e.trace.block_diagnostics.items()) diags->add(d);
  anchors->insert(anchors->end(), e.trace.anchors.begin(), e.trace.anchors.end());
}

// The entry each page of the site was loaded from (null for pages made from data).
std::vector<BuildMemo::SourceEntry*> BuildMemo::page_entries(const Site& site) {
  std::vector<SourceEntry*> entries(site.pages.size(), nullptr);
  size_t next_loaded = 0;
  for (size_t i = 0; i < site.pages.size() && keeps(); ++i) {
    const Page& page = site.pages[i];
    if (page.source_path.empty()) continue;
    SourceEntry* e = entry_for(page, &next_loaded);
    if (e && e->in_site) entries[i] = e;
  }
  return entries;
}

namespace {

// Pages are rendered one group at a time (the pages sharing a group frame: the menu, the
// breadcrumbs, the siblings), so that each frame is built once, serves its group and goes. Kept
// for every group at once, the frames of a site with thousands of sections would hold thousands
// of menus of thousands of entries.
std::vector<std::vector<int>> page_groups(const Site& site, const ContextBuilder& contexts) {
  std::map<std::pair<int, int>, size_t> group_index;
  std::vector<std::vector<int>> groups;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& page = site.pages[i];
    if (page.failed || page.layout.empty()) continue;
    auto [it, fresh] = group_index.emplace(contexts.group_key(static_cast<int>(i)), groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(static_cast<int>(i));
  }
  // Largest first: threads take the next group when free, so the small groups left at the end
  // fill the gaps instead of one thread finishing a large group while the others wait.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return groups;
}

}  // namespace

size_t BuildMemo::render_pages(Site* site, const Theme& theme, const ContextBuilder& contexts,
                               const std::string& inject, int jobs,
                               const std::vector<char>& wants_ids, const std::vector<char>* only,
                               std::vector<std::vector<std::string>>* page_ids,
                               SearchDocuments* documents, const StreamedMarkdown* streamed,
                               Diagnostics* diags) {
  std::vector<std::vector<int>> groups = page_groups(*site, contexts);
  size_t written = 0;
  for (const std::vector<int>& group : groups) written += group.size();
  if (!reusing_ && keeps()) page_html_ = html_entries(*site, groups);
  const std::vector<HtmlEntry*>* entries = keeps() ? &page_html_ : nullptr;
  inject_hash_ = hash_bytes(inject);
  jobs = std::max(1, jobs);
  std::vector<Diagnostics> worker_diags(jobs);
  std::vector<std::vector<AnchorCheck>> worker_anchors(jobs);
  std::vector<mustache::SectionCache> sections(jobs);
  pages_rendered_ = 0;
  const LinkResolver* links = streamed ? streamed->links : nullptr;
  if (links)
    render_ungrouped_markdown(site, theme, contexts, *links, jobs, &worker_anchors, &worker_diags);
  parallel_for(
      groups.size(), jobs,
      [&](size_t g, int worker) {
        render_group(site, theme, contexts, groups[g], inject, wants_ids, only,
                     entries ? entries->data() : nullptr, page_ids, documents,
                     keeps() ? nullptr : &sections[worker], links, &worker_anchors[worker],
                     &worker_diags[worker]);
      },
      /*chunk=*/1);
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  for (auto& list : worker_anchors) {
    if (!streamed) break;
    streamed->anchors->insert(streamed->anchors->end(), std::make_move_iterator(list.begin()),
                              std::make_move_iterator(list.end()));
  }
  std::sort(stats_.explanations.begin(), stats_.explanations.end());
  stats_.pages_rendered = pages_rendered_;
  stats_.pages_reused = written - pages_rendered_;
  return written;
}

// Each written page's entry, by page index: source pages are known by their file, data-driven
// pages by their URL.
std::vector<BuildMemo::HtmlEntry*> BuildMemo::html_entries(
    const Site& site, const std::vector<std::vector<int>>& groups) {
  for (auto& [id, entry] : html_) entry.seen = false;
  std::vector<HtmlEntry*> entries(site.pages.size(), nullptr);
  for (const std::vector<int>& group : groups) {
    for (int i : group) {
      const Page& page = site.pages[i];
      HtmlEntry& e = page.source_path.empty() ? html_["url:" + page.url] : html_[page.source_path];
      e.seen = true;
      entries[i] = &e;
    }
  }
  return entries;
}

// A page's HTML is reused while the layout, the fingerprints of its three frames, the injected
// script and every template the layout used are the same.
uint64_t BuildMemo::html_key(const Site& site, const ContextBuilder& contexts, int index,
                             uint64_t group, FingerprintInputs* inputs) const {
  const Page& page = site.pages[index];
  uint64_t content = rendered_hashes_.size() > static_cast<size_t>(index) && rendered_hashes_[index]
                         ? *rendered_hashes_[index]
                         : rendered_fingerprint(page.body_rendered());
  Fingerprint key(inputs);
  key.add("layout", page.layout).add("site frame", site_frame_).add("group frame", group);
  key.add("page frame", contexts.page_fingerprint(index, content)).add("script", inject_hash_);
  if (inputs) {
    // Only for the explanation: the page frame value by value.
    nlohmann::json frame = contexts.page_frame(index);
    for (const auto& [name, value] : frame.items()) {
      if (name != "page" || !value.is_object()) {
        inputs->emplace_back(name, json_fingerprint(value));
        continue;
      }
      for (const auto& [field, v] : value.items())
        inputs->emplace_back("page." + field, json_fingerprint(v));
    }
  }
  return key.digest();
}

void BuildMemo::note_rebuild(const std::string& line) {
  std::lock_guard lock(explanations_mutex_);
  stats_.explanations.push_back(line);
}

void BuildMemo::render_group(Site* site, const Theme& theme, const ContextBuilder& contexts,
                             const std::vector<int>& group, const std::string& inject,
                             const std::vector<char>& wants_ids, const std::vector<char>* only,
                             HtmlEntry* const* entries,
                             std::vector<std::vector<std::string>>* page_ids,
                             SearchDocuments* documents, mustache::SectionCache* sections,
                             const LinkResolver* streamed_links, std::vector<AnchorCheck>* anchors,
                             Diagnostics* diags) {
  std::optional<uint64_t> group_key;  // computed when a page of the group needs it
  std::optional<nlohmann::json> frame;
  for (int i : group) {
    HtmlEntry* e = entries ? entries[i] : nullptr;
    // A reused resolved site: the page's frames are as they were unless its body changed.
    const bool as_it_was = only && !(*only)[i] && e && e->valid;
    FingerprintInputs inputs;
    uint64_t key = 0;
    if (e && !as_it_was) {
      if (!group_key) group_key = contexts.group_fingerprint(group.front());
      key = html_key(*site, contexts, i, *group_key, explain_ ? &inputs : nullptr);
    }
    bool fresh = !as_it_was &&
                 (!e || !e->valid || e->frames != key || e->templates != used_fingerprint(e->used));
    if (fresh && e && explain_) {
      std::string why = !e->valid          ? "first render or an earlier error"
                        : e->frames != key ? changed_inputs(e->inputs, inputs)
                                           : "a template it uses changed";
      note_rebuild("page " + site->pages[i].url + ": " + why);
    }
    if (e && explain_ && !as_it_was) e->inputs = std::move(inputs);
    std::string html;
    if (streamed_links && has_markdown(site->pages[i])) {
      render_page_body(site, theme, contexts, *streamed_links, false, i, nullptr, diags, anchors);
    }
    if (fresh) {
      ++pages_rendered_;
      if (!frame) frame = contexts.make_group_frame(i);
      std::set<std::string> used;
      Diagnostics d;
      html = render_page_html(*site, theme, contexts, i, *frame, inject, &d, e ? &used : nullptr,
                              sections);
      if (e) remember_html(e, std::move(html), used, key, d.empty());
      diags->merge(std::move(d));
    }
    Page& page = site->pages[i];
    const bool searched = documents && is_searchable(page);
    if (e) {
      if (wants_ids[i] && !e->ids) e->ids = collect_ids(*e->html);
      if (wants_ids[i]) (*page_ids)[i] = *e->ids;
      if (searched && !e->document) {
        e->document = std::make_shared<const search::Document>(
            search::extract_document(*e->html, search_page_info(*site, i)));
      }
      if (searched) (*documents)[i] = e->document;
      if (!as_it_was) next_files_->put(page.output_path, e->html);
      continue;
    }
    if (wants_ids[i]) (*page_ids)[i] = collect_ids(html);
    if (searched) {
      (*documents)[i] = std::make_shared<const search::Document>(
          search::extract_document(html, search_page_info(*site, i)));
    }
    std::string error;
    if (!output_->write(page.output_path, html, &error))
      diags->error(page.output_path, 0, 0, error);
    page.rendered.reset();  // written: the next page reuses the memory
  }
  if (sections) sections->clear();  // it points into `frame`
}

// Pages without a layout are in no group, but their Markdown is still checked (links, facts).
void BuildMemo::render_ungrouped_markdown(Site* site, const Theme& theme,
                                          const ContextBuilder& contexts, const LinkResolver& links,
                                          int jobs, std::vector<std::vector<AnchorCheck>>* anchors,
                                          std::vector<Diagnostics>* diags) {
  parallel_for(site->pages.size(), jobs, [&](size_t i, int worker) {
    Page& page = site->pages[i];
    if (!has_markdown(page) || !page.layout.empty()) return;
    render_page_body(site, theme, contexts, links, false, static_cast<int>(i), nullptr,
                     &(*diags)[worker], &(*anchors)[worker]);
    page.rendered.reset();
  });
}

uint64_t BuildMemo::used_fingerprint(const std::vector<std::string>* used) const {
  if (!used) return 0;
  return templates_fingerprint(*used);
}

void BuildMemo::remember_html(HtmlEntry* e, std::string html, const std::set<std::string>& used,
                              uint64_t key, bool clean) {
  e->html = std::make_shared<const std::string>(std::move(html));
  {
    std::lock_guard lock(used_lists_mutex_);
    e->used = &*used_lists_.emplace(used.begin(), used.end()).first;
  }
  e->frames = key;
  e->templates = templates_fingerprint(*e->used);
  // A template error may come from a partial that is missing, which `used` cannot name.
  e->valid = clean;
  e->ids.reset();
  e->document.reset();
}

Output* BuildMemo::files_output() {
  return keeps() ? static_cast<Output*>(next_files_.get()) : output_;
}

void BuildMemo::finish_build(std::unique_ptr<ResolvedStage> resolved) {
  if (!keeps()) {
    resolved_ = std::move(resolved);  // never reused (reuse_resolved): held, not kept
    return;
  }
  Output* changes = output_;
  site_entries_.clear();
  if (!reusing_) {  // a reused site has the same files and pages
    std::erase_if(sources_, [](const auto& item) { return !item.second.seen; });
    std::erase_if(html_, [](const auto& item) { return !item.second.seen; });
  }

  OutputFiles written = next_files_->take();
  std::vector<std::string> others = next_files_->take_others();
  next_files_.reset();
  if (reusing_) {
    // Only the pages made again and the other files were written: the rest is as it was.
    OutputFiles next = *files_;
    std::vector<std::string> gone;
    std::set_difference(other_files_.begin(), other_files_.end(), others.begin(), others.end(),
                        std::back_inserter(gone));
    for (const std::string& path : gone) next.erase(path);
    stats_.files_removed = gone.size();
    for (auto& item : written) note_output(item, changes);
    for (auto& [path, bytes] : written) next[path] = std::move(bytes);
    files_ = std::make_shared<const OutputFiles>(std::move(next));
  } else {
    size_t kept = 0;
    for (auto& item : written) kept += note_output(item, changes);
    stats_.files_removed = files_->size() - kept;
    files_ = std::make_shared<const OutputFiles>(std::move(written));
  }
  other_files_ = std::move(others);
  if (!reusing_) {
    // Freeing 10,000 pages takes a few milliseconds that need not delay the reload.
    replaced_ = std::move(resolved_);
    resolved_key_ = next_resolved_key_;
  }
  resolved_ = std::move(resolved);
  resolved_mark_ = build_mark_;
  search_stems_.end_build();
}

// Compares an output file with the previous build's, counting and passing on a change; true when
// the previous build had the file.
bool BuildMemo::note_output(OutputFiles::value_type& item, Output* changes) {
  auto& [path, bytes] = item;
  auto old = files_->find(path);
  if (old != files_->end()) {
    if (old->second == bytes) return true;
    if (*old->second == *bytes) {
      bytes = old->second;  // the same page rendered again: keep one copy
      return true;
    }
  }
  ++stats_.files_changed;
  if (changes) {
    std::string error;
    changes->write(path, *bytes, &error);
  }
  return old != files_->end();
}

void BuildMemo::free_previous_build() {
  replaced_.reset();
}

void load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                  Diagnostics* diags) {
  BuildMemo one_shot(BuildMemo::Mode::kOneShot);
  one_shot.load_content(fs, options, site, diags);
}

uint64_t link_targets_fingerprint(const Site& site, const std::vector<std::string>& outputs) {
  // Keep in step with LinkResolver (site/links.cc): everything it reads is hashed here.
  Fingerprint h;
  h.add("pages by url", site.page_by_url.size());
  for (const auto& [url, index] : site.page_by_url) {
    h.add("url", url)
        .add("index", static_cast<uint64_t>(index))
        .add("page url", site.pages[index].url)
        .add("language", static_cast<uint64_t>(site.pages[index].language));
  }
  h.add("translations", site.translations.size());
  for (const auto& [key, versions] : site.translations) {
    h.add("translation of", key).add("versions", versions.size());
    for (int i : versions) h.add("version", static_cast<uint64_t>(i));
  }
  h.add("pages by source", site.page_by_source.size());
  for (const auto& [source, index] : site.page_by_source) {
    h.add("source", source)
        .add("index", static_cast<uint64_t>(index))
        .add("page url", site.pages[index].url);
  }
  h.add("static files", site.static_files.size());
  for (const auto& [out, source] : site.static_files) h.add("output", out).add("source", source);
  h.add("aliases", site.aliases.size());
  for (const auto& [alias, target] : site.aliases) h.add("alias", alias);
  for (const Page& page : site.pages) {
    if (page.resources.empty()) continue;
    h.add("bundle", page.url)
        .add("folder", page.content_dir)
        .add("resources", page.resources.size());
    for (const std::string& res : page.resources) h.add("resource", res);
  }
  h.add("generated", site.generated.size());
  for (const auto& [path, bytes] : site.generated) h.add("path", path);
  h.add("outputs", outputs.size());
  for (const std::string& url : outputs) h.add("output url", url);
  return h.digest();
}

}  // namespace wegwijzer
