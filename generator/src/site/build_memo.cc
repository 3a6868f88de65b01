#include "site/build_memo.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "util/parallel.h"

namespace wegwijzer {
namespace {

// Collects values in an unambiguous encoding (lengths before contents) and hashes them once.
class Hasher {
 public:
  Hasher& text(std::string_view s) {
    number(s.size());
    buf_.append(s);
    return *this;
  }
  Hasher& number(uint64_t v) {
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
  }
  uint64_t digest() const { return XXH3_64bits(buf_.data(), buf_.size()); }

 private:
  std::string buf_;
};

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

  bool write(const std::string& path, std::string_view data, std::string*) override {
    std::lock_guard lock(mutex_);
    auto it = previous_->find(path);
    if (it != previous_->end() && *it->second == data) {
      files_[path] = it->second;
    } else {
      files_[path] = std::make_shared<const std::string>(data);
    }
    return true;
  }
  void put(const std::string& path, std::shared_ptr<const std::string> bytes) {
    std::lock_guard lock(mutex_);
    files_[path] = std::move(bytes);
  }
  OutputFiles take() { return std::move(files_); }

 private:
  std::shared_ptr<const OutputFiles> previous_;
  std::mutex mutex_;
  OutputFiles files_;
};

BuildMemo::BuildMemo() : files_(std::make_shared<const OutputFiles>()) {}
BuildMemo::~BuildMemo() = default;

void BuildMemo::clear() {
  previous_site_.reset();
  layout_.reset();
  site_entries_.clear();
  sources_.clear();
  html_.clear();
  theme_.reset();
  data_.reset();
  files_ = std::make_shared<const OutputFiles>();
  next_files_.reset();
}

void BuildMemo::begin_build() {
  previous_site_.reset();
  stats_ = Stats();
  next_files_ = std::make_unique<FilesOutput>(files_, files_->size() + 64);
  rendered_hashes_.clear();
  link_targets_ = 0;
  site_frame_ = 0;
  // A build that stopped half-way left fields moved out into its Site: forget those entries.
  for (auto it = sources_.begin(); it != sources_.end();) {
    it = it->second.in_site || it->second.md_in_site ? sources_.erase(it) : std::next(it);
  }
  for (auto& [path, entry] : sources_) entry.seen = false;
  for (auto& [id, entry] : html_) entry.seen = false;
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
          Hasher()
              .text(name)
              .text(path == theme->template_paths.end() ? "" : path->second)
              .text(source)
              .number(theme->templates.contains(name))
              .digest();
    }
    memo->theme = std::move(theme);
    theme_ = std::move(memo);
    stats_.theme_loaded = true;
  }
  for (const Diagnostic& d : theme_->diagnostics.items()) diags->add(d);
  return theme_->theme;
}

std::shared_ptr<const SiteData> BuildMemo::load_data(const FileSystem& fs,
                                                      const SiteConfig& config,
                                                      const std::string& today) {
  uint64_t key = Hasher()
                     .text(config.data_dir)
                     .number(static_cast<uint64_t>(config.stale_after_months))
                     .text(today)
                     .digest();
  if (!data_ || data_->key != key || !data_->trace.still_valid(fs)) {
    auto memo = std::make_shared<DataMemo>();
    memo->key = key;
    TracingFileSystem traced(fs, &memo->trace);
    auto data = std::make_shared<SiteData>(load_site_data(traced, config, today));
    Hasher ids;
    for (const auto& [name, set] : data->ids) {
      ids.text(name).number(set.size());
      for (const std::string& id : set) ids.text(id);
    }
    memo->ids_fingerprint = ids.digest();
    memo->data = std::move(data);
    data_ = std::move(memo);
    stats_.data_loaded = true;
  }
  return data_->data;
}

void BuildMemo::load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                              Diagnostics* diags) {
  std::shared_ptr<const FileSystem::Listing> listing = fs.shared_listing("content");
  for (const std::string& e : listing->errors) {
    size_t colon = e.find(": ");
    diags->error(e.substr(0, colon), 0, 0, e.substr(colon + 2));
  }
  // Which files are pages, resources and static files depends on the names only.
  if (!layout_ || layout_->data_dir != site->config.data_dir ||
      (layout_->listing != listing && layout_->listing->files != listing->files)) {
    layout_ = std::make_unique<ContentLayoutMemo>();
    layout_->layout = classify_content(listing->files, site->config.data_dir);
    layout_->data_dir = site->config.data_dir;
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
    pages[i].content_dir = skeleton.content_dir;
    pages[i].resources = skeleton.resources;
    auto [it, fresh] = sources_.try_emplace(skeleton.source_path);
    it->second.path = &it->first;
    it->second.seen = true;
    entries[i] = &it->second;
  }

  // Reading and parsing, or taking both from the previous build.
  std::vector<Diagnostics> worker_diags(std::max(1, options.jobs));
  std::vector<char> keep(n, 0);
  std::atomic<size_t> parsed{0};
  parallel_for(n, options.jobs, [&](size_t i, int worker) {
    Page& page = pages[i];
    SourceEntry& e = *entries[i];
    Diagnostics& d = worker_diags[worker];
    std::optional<uint64_t> known = fs.known_hash(page.source_path);
    if (!known || !e.loaded || e.content_hash != *known) {
      std::string text, error;
      if (!fs.read_file(page.source_path, &text, &error)) {
        d.error(page.source_path, 0, 0, error);
        page.failed = true;
        keep[i] = 1;
        e.loaded = false;
        return;
      }
      uint64_t hash = hash_bytes(text);
      if (!e.loaded || e.content_hash != hash) {
        ++parsed;
        const std::string* path = e.path;
        e = SourceEntry();
        e.path = path;
        e.seen = true;
        e.content_hash = hash;
        e.text = std::move(text);
        ParsedSource source;
        // A page whose front matter is broken still takes its place in the site, so that links
        // to it do not add errors of their own; it is not rendered.
        if (!parse_page_source(page.source_path, e.text, &source, &e.load_diagnostics)) {
          e.failed = true;
          e.front_matter.title = page.source_path;
        } else {
          e.front_matter = std::move(source.front_matter);
          e.body_offset = static_cast<size_t>(source.body.data() - e.text.data());
          e.body_first_line = source.body_first_line;
        }
        e.loaded = true;
      }
    }
    for (const Diagnostic& diag : e.load_diagnostics.items()) d.add(diag);
    keep[i] = e.failed || !e.front_matter.draft || options.drafts;
    if (!keep[i]) return;
    page.text = std::move(e.text);
    page.front_matter = std::move(e.front_matter);
    page.body_offset = e.body_offset;
    page.body_first_line = e.body_first_line;
    page.failed = e.failed;
    e.in_site = true;
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  stats_.sources_parsed = parsed;
  // Drafts out, keeping the order.
  size_t kept = 0;
  site_entries_.clear();
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    if (kept != i) pages[kept] = std::move(pages[i]);
    site_entries_.push_back(entries[i]);
    ++kept;
  }
  pages.resize(kept);
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
  link_targets_ = link_targets_fingerprint(site, outputs);
}

uint64_t BuildMemo::template_fingerprint(const std::string& name) const {
  auto it = theme_->template_fingerprints.find(name);
  return it == theme_->template_fingerprints.end() ? 0 : it->second;
}

uint64_t BuildMemo::templates_fingerprint(const std::vector<std::string>& names) const {
  Hasher h;
  for (const std::string& name : names) h.text(name).number(template_fingerprint(name));
  return h.digest();
}

uint64_t BuildMemo::blocks_fingerprint(const MarkdownTrace& trace) const {
  if (!trace.has_blocks) return 0;
  Hasher h;
  h.number(site_frame_).number(data_ ? data_->ids_fingerprint : 0);
  for (const std::string& name : trace.block_templates)
    h.text(name).number(template_fingerprint(name));
  return h.digest();
}

void BuildMemo::render_markdown(Site* site, const Theme& theme, const ContextBuilder& contexts,
                                 const LinkResolver& links, bool want_plain_text, int jobs,
                                 Diagnostics* diags, std::vector<AnchorCheck>* anchors) {
  site_frame_ = contexts.site_fingerprint();
  const size_t n = site->pages.size();
  rendered_hashes_.assign(n, std::nullopt);
  std::vector<SourceEntry*> entries(n, nullptr);
  size_t next_loaded = 0;
  for (size_t i = 0; i < n; ++i) {
    const Page& page = site->pages[i];
    if (page.source_path.empty()) continue;
    SourceEntry* e = entry_for(page, &next_loaded);
    if (!page.failed && !page.derived && e && e->in_site) entries[i] = e;
  }
  jobs = std::max(1, jobs);
  std::vector<Diagnostics> worker_diags(jobs);
  std::vector<std::vector<AnchorCheck>> worker_anchors(jobs);
  std::atomic<size_t> rendered{0}, rechecked{0};
  parallel_for(n, jobs, [&](size_t i, int worker) {
    SourceEntry* entry = entries[i];
    if (!entry) return;
    SourceEntry& e = *entry;
    Page& page = site->pages[i];
    int index = static_cast<int>(i);
    const uint64_t key_parts[] = {e.content_hash, want_plain_text};
    const uint64_t key = XXH3_64bits(key_parts, sizeof key_parts);
    bool reuse = e.md_valid && e.md_key == key && e.md_blocks == blocks_fingerprint(e.trace);
    if (reuse && e.md_link_targets != link_targets_) {
      // The site's pages or files changed: the body stays valid if each of its links still
      // resolves to the same thing. Resolving again also gives today's anchors and problems.
      ++rechecked;
      Diagnostics link_diags;
      std::vector<AnchorCheck> link_anchors;
      for (const MarkdownTrace::LinkQuery& q : e.trace.links) {
        if (links.resolve(index, q.href, q.line, q.column, &link_diags, &link_anchors) !=
            q.result) {
          reuse = false;
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
      page.rendered = std::move(e.rendered);
    } else {
      ++rendered;
      e.trace = MarkdownTrace();
      render_page_markdown(*site, theme, contexts, links, index, want_plain_text, &page.rendered,
                           &e.trace);
      e.md_key = key;
      e.md_link_targets = link_targets_;
      e.md_blocks = blocks_fingerprint(e.trace);
      e.rendered_hash = rendered_fingerprint(page.rendered);
    }
    e.md_valid = false;
    e.md_in_site = true;
    rendered_hashes_[i] = e.rendered_hash;
    for (const Diagnostic& d : e.trace.link_diagnostics.items()) worker_diags[worker].add(d);
    for (const Diagnostic& d : e.trace.block_diagnostics.items()) worker_diags[worker].add(d);
    auto& out = worker_anchors[worker];
    out.insert(out.end(), e.trace.anchors.begin(), e.trace.anchors.end());
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  for (auto& list : worker_anchors) {
    anchors->insert(anchors->end(), std::make_move_iterator(list.begin()),
                    std::make_move_iterator(list.end()));
  }
  stats_.markdown_rendered = rendered;
  stats_.links_rechecked = rechecked;
}

size_t BuildMemo::render_pages(const Site& site, const Theme& theme, ContextBuilder* contexts,
                                const std::string& inject, int jobs,
                                const std::vector<char>& wants_ids,
                                std::vector<std::vector<std::string>>* page_ids,
                                Diagnostics* diags) {
  const size_t n = site.pages.size();
  std::vector<HtmlEntry*> entries(n, nullptr);
  std::unordered_map<const std::vector<std::string>*, uint64_t> used_fingerprints;
  size_t written = 0;
  for (size_t i = 0; i < n; ++i) {
    const Page& page = site.pages[i];
    if (page.failed || page.layout.empty()) continue;
    ++written;
    contexts->prepare_fingerprint(static_cast<int>(i));
    // Source pages are known by their file, data-driven pages by their URL.
    HtmlEntry& e = page.source_path.empty() ? html_["url:" + page.url] : html_[page.source_path];
    e.seen = true;
    if (e.used && !used_fingerprints.count(e.used)) {
      used_fingerprints[e.used] = templates_fingerprint(*e.used);
    }
    entries[i] = &e;
  }
  const uint64_t inject_hash = hash_bytes(inject);
  jobs = std::max(1, jobs);

  // Which pages would come out differently.
  std::vector<uint64_t> frames(n, 0);
  std::vector<char> stale(n, 0);
  parallel_for(n, jobs, [&](size_t i, int) {
    const HtmlEntry* e = entries[i];
    if (!e) return;
    const Page& page = site.pages[i];
    int index = static_cast<int>(i);
    uint64_t content = rendered_hashes_.size() > i && rendered_hashes_[i]
                           ? *rendered_hashes_[i]
                           : rendered_fingerprint(page.rendered);
    const uint64_t parts[] = {hash_bytes(page.layout), site_frame_,
                              contexts->group_fingerprint(index),
                              contexts->page_fingerprint(index, content), inject_hash};
    frames[i] = XXH3_64bits(parts, sizeof parts);
    auto used = used_fingerprints.find(e->used);
    stale[i] = !e->valid || e->frames != frames[i] || used == used_fingerprints.end() ||
               e->templates != used->second;
  });
  for (size_t i = 0; i < n; ++i) {
    if (stale[i]) contexts->prepare(static_cast<int>(i));
  }

  std::vector<Diagnostics> worker_diags(jobs);
  std::atomic<size_t> rendered{0};
  parallel_for(n, jobs, [&](size_t i, int worker) {
    HtmlEntry* e = entries[i];
    if (!e) return;
    if (stale[i]) {
      ++rendered;
      std::set<std::string> used;
      Diagnostics d;
      std::string html =
          render_page_html(site, theme, *contexts, static_cast<int>(i), inject, &d, &used);
      e->html = std::make_shared<const std::string>(std::move(html));
      {
        std::lock_guard lock(used_lists_mutex_);
        e->used = &*used_lists_.emplace(used.begin(), used.end()).first;
      }
      e->frames = frames[i];
      e->templates = templates_fingerprint(*e->used);
      // A template error may come from a partial that is missing, which `used` cannot name.
      e->valid = d.empty();
      e->ids.reset();
      worker_diags[worker].merge(std::move(d));
    }
    if (wants_ids[i]) {
      if (!e->ids) e->ids = collect_ids(*e->html);
      (*page_ids)[i] = *e->ids;
    }
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));
  for (size_t i = 0; i < n; ++i) {
    if (entries[i]) next_files_->put(site.pages[i].output_path, entries[i]->html);
  }
  stats_.pages_rendered = rendered;
  stats_.pages_reused = written - rendered;
  return written;
}

Output* BuildMemo::site_files_output() {
  return next_files_.get();
}

void BuildMemo::finish_build(Site* site, Output* changes) {
  size_t next_loaded = 0;
  for (Page& page : site->pages) {
    if (page.source_path.empty()) continue;
    SourceEntry* entry = entry_for(page, &next_loaded);
    if (!entry) continue;
    SourceEntry& e = *entry;
    if (e.in_site) {
      e.text = std::move(page.text);
      e.front_matter = std::move(page.front_matter);
      e.in_site = false;
    }
    if (e.md_in_site) {
      e.rendered = std::move(page.rendered);
      e.md_valid = e.trace.reusable;
      e.md_in_site = false;
    }
  }
  site_entries_.clear();
  std::erase_if(sources_, [](const auto& item) { return !item.second.seen; });
  std::erase_if(html_, [](const auto& item) { return !item.second.seen; });

  OutputFiles next = next_files_->take();
  next_files_.reset();
  size_t kept = 0;
  for (auto& [path, bytes] : next) {
    auto old = files_->find(path);
    if (old != files_->end()) {
      ++kept;
      if (old->second == bytes) continue;
      if (*old->second == *bytes) {
        bytes = old->second;  // the same page rendered again: keep one copy
        continue;
      }
    }
    ++stats_.files_changed;
    if (changes) {
      std::string error;
      changes->write(path, *bytes, &error);
    }
  }
  stats_.files_removed = files_->size() - kept;
  files_ = std::make_shared<const OutputFiles>(std::move(next));
  // Freeing 10,000 pages takes a few milliseconds that need not delay the reload.
  previous_site_ = std::make_unique<Site>(std::move(*site));
}

void BuildMemo::free_previous_build() {
  previous_site_.reset();
}

uint64_t link_targets_fingerprint(const Site& site, const std::vector<std::string>& outputs) {
  // Keep in step with LinkResolver (site/links.cc): everything it reads is hashed here.
  Hasher h;
  h.number(site.page_by_url.size());
  for (const auto& [url, index] : site.page_by_url) {
    h.text(url).number(static_cast<uint64_t>(index)).text(site.pages[index].url);
  }
  h.number(site.page_by_source.size());
  for (const auto& [source, index] : site.page_by_source) {
    h.text(source).number(static_cast<uint64_t>(index)).text(site.pages[index].url);
  }
  h.number(site.static_files.size());
  for (const auto& [out, source] : site.static_files) h.text(out).text(source);
  h.number(site.aliases.size());
  for (const auto& [alias, target] : site.aliases) h.text(alias);
  for (const Page& page : site.pages) {
    if (page.resources.empty()) continue;
    h.text(page.url).text(page.content_dir).number(page.resources.size());
    for (const std::string& res : page.resources) h.text(res);
  }
  h.number(site.generated.size());
  for (const auto& [path, bytes] : site.generated) h.text(path);
  h.number(outputs.size());
  for (const std::string& url : outputs) h.text(url);
  return h.digest();
}

}  // namespace wegwijzer
