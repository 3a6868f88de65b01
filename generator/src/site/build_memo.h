#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/output.h"
#include "search/page_stems.h"
#include "site/build.h"
#include "site/content_loader.h"
#include "site/context.h"
#include "site/links.h"
#include "site/render.h"
#include "site/resolved_stage.h"
#include "site/search_index.h"
#include "site/site.h"
#include "site/theme.h"
#include "util/file_trace.h"
#include "util/fingerprint.h"

namespace wegwijzer {

// A build's output files by path. Shared and immutable, so that a server can go on serving one
// build's files while the next build is made.
using OutputFiles = std::unordered_map<std::string, std::shared_ptr<const std::string>>;

// The incremental memo of the build pipeline: every build_site runs its stages through one. A
// plain build gives it an empty memo that keeps nothing (Mode::kOneShot: each stage does its work
// once and hands memory back as soon as it can); the dev server keeps one alive between rebuilds
// (Mode::kKeep), so that a rebuild after an edit redoes only the work whose inputs changed. Nothing
// is invalidated by hand: every reuse is checked against a hash of all that the step reads, so the
// result is the same as a fresh build by construction.
//
//   theme, data  reused while a FileTrace of every listing and read still gets the same answers;
//   a page file  its front matter reused while the file's contents are the same;
//   Markdown     a page body reused while its file is the same, every link in it still resolves
//                to the same target (asked again only when the site's pages or files changed)
//                and, with block directives, the site frame, data ids and block templates are
//                the same;
//   templates    a page's HTML reused while the fingerprints of its three context frames, its
//                layout and every template the layout used are the same;
//   resolving    the whole resolved site (ResolvedStage) reused when the file system says which
//                files changed (FileSystem::changed_since) and each is a page whose front matter
//                is the same: then only those pages' bodies and HTML are made again.
//
// Diagnostics are kept with what produced them and given again on reuse; a template render that
// reported an error (perhaps a missing partial, which is not among the templates used) is done
// again every time. Three parts restate code elsewhere and must stay in step with it (the
// random-edit test compares every step with a fresh build): link_targets_fingerprint reads what
// LinkResolver reads; classify() sorts files as site/content_loader.cc does; and reuse_resolved
// holds because the load and resolve stages read no body and a page's frames read no body but
// its own (site/context.cc writes that one between begin_rendered and end_rendered). Memory: one
// entry per source file and per page, dropped when the file or page goes.
//
// Use: build_site(fs, options, output, &memo) for every build of one site folder; with a
// FileSystem that knows the hashes of files (serve's CachedFileSystem), unchanged files are not
// even read.
class BuildMemo {
 public:
  enum class Mode { kOneShot, kKeep };
  struct Stats {
    size_t sources_parsed = 0;     // Markdown files read and their front matter parsed
    size_t markdown_rendered = 0;  // page bodies rendered from Markdown
    size_t links_rechecked = 0;    // pages whose links were resolved again to check them
    size_t pages_rendered = 0;     // pages put through their layout
    size_t pages_reused = 0;       // pages whose HTML was kept
    size_t files_changed = 0;      // output files added or changed since the previous build
    size_t files_removed = 0;      // output files gone since the previous build
    bool theme_loaded = false;     // templates and assets read and parsed again
    bool data_loaded = false;      // data files read and checked again
    bool resolved_reused = false;  // only page bodies changed: the resolved site was kept
    // With explain(): why each page body or page was made again, one line each, sorted.
    std::vector<std::string> explanations;
  };

  explicit BuildMemo(Mode mode = Mode::kKeep);
  ~BuildMemo();
  BuildMemo(const BuildMemo&) = delete;
  BuildMemo& operator=(const BuildMemo&) = delete;

  // The complete output of the last build (empty before the first).
  std::shared_ptr<const OutputFiles> files() const { return files_; }
  const Stats& last_build() const { return stats_; }
  // Keep, for every page, what went into its keys, and say in Stats::explanations why a page
  // was rendered again: which of its inputs changed (wegwijzer serve --explain). Costs time.
  void explain(bool on) { explain_ = on; }
  // Forgets everything, e.g. after a build that did not finish.
  void clear();
  // A resolved site that a build replaced is kept, so that freeing it does not delay the build; a
  // server calls this once it has sent the reload (the next build does it otherwise).
  void free_previous_build();

  // The steps of build_site (site/build.cc), each reusing what it can. Not for other callers.
  // `output` receives this build's files: all of them as they are made (kOneShot), or, once the
  // build is done, those added or changed since the previous build (kKeep; may be null).
  void begin_build(const FileSystem& fs, Output* output);
  // The previous build's resolved site, when it holds for this build: the options' `key` is the
  // same, the file system lists the files changed since (changed_since) and every one of them is
  // a page of that site whose front matter (and what loading it reported) is the same. The pages'
  // new texts are put in, and `body_changed` gets a flag per page. Otherwise null.
  std::unique_ptr<ResolvedStage> reuse_resolved(const FileSystem& fs, uint64_t key,
                                                std::vector<char>* body_changed);
  // The options' key of a site resolved afresh in this build.
  void note_resolved_key(uint64_t key) { next_resolved_key_ = key; }
  std::shared_ptr<const Theme> load_theme(const FileSystem& fs, Diagnostics* diags);
  void load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                    Diagnostics* diags);
  std::shared_ptr<const SiteData> load_data(const FileSystem& fs, const SiteConfig& config,
                                            const std::string& today,
                                            const std::vector<Strings>& strings, int jobs);
  void note_link_targets(const Site& site, const std::vector<std::string>& outputs);
  // With `only` (a reused resolved site), the other pages' bodies are taken as they were.
  void render_markdown(Site* site, const Theme& theme, const ContextBuilder& contexts,
                       const LinkResolver& links, bool want_plain_text, int jobs,
                       const std::vector<char>* only, Diagnostics* diags,
                       std::vector<AnchorCheck>* anchors);
  // A plain build without the editors' checks (which read every body after the Markdown stage)
  // renders each page's Markdown in render_pages, right before its template, and hands both back
  // once the page is written: memory stays flat per page instead of holding every body at once.
  bool streams_markdown(bool want_plain_text) const { return !keeps() && !want_plain_text; }
  // With `documents` (may be null), each searchable page's search document, read from its HTML
  // and kept with it. With `streamed` (when streams_markdown), each page's Markdown is rendered
  // here through its links, the anchors its links need going to streamed->anchors.
  struct StreamedMarkdown {
    const LinkResolver* links;
    std::vector<AnchorCheck>* anchors;
  };
  size_t render_pages(Site* site, const Theme& theme, const ContextBuilder& contexts,
                      const std::string& inject, int jobs, const std::vector<char>& wants_ids,
                      const std::vector<char>* only,
                      std::vector<std::vector<std::string>>* page_ids, SearchDocuments* documents,
                      const StreamedMarkdown* streamed, Diagnostics* diags);
  // Where the other files of the build go.
  Output* files_output();
  // Each page's stems for the search index, kept between builds (null in a plain build).
  search::PageStemsCache* search_stems() { return keeps() ? &search_stems_ : nullptr; }
  // Keeps the resolved stage for the next build (kKeep); a one-shot memo holds it until the memo
  // goes, so that whoever ends the process may leave both to its end (util/process_exit).
  void finish_build(std::unique_ptr<ResolvedStage> resolved);

 private:
  // One Markdown file: what loading it gave, and what rendering its body gave. The text and the
  // rendered body are immutable and shared with the Site of the build that uses them; the front
  // matter is copied into it, since the resolve stage may add to a page's.
  struct SourceEntry {
    const std::string* path = nullptr;  // its key in sources_
    bool seen = false;                  // listed in the current build
    bool loaded = false;   // the load fields below hold the file with hash `content_hash`
    bool in_site = false;  // a page of the current build's Site was loaded from it
    uint64_t content_hash = 0;
    std::shared_ptr<const std::string> text;
    FrontMatter front_matter;
    size_t body_offset = 0;
    int body_first_line = 1;
    bool failed = false;
    bool replaced = false;  // an earlier version of the file was loaded (for explanations)
    Diagnostics load_diagnostics;

    bool md_valid = false;         // `rendered` matches the keys below
    uint64_t md_key = 0;           // the file's contents and the render options
    uint64_t md_link_targets = 0;  // link_targets_fingerprint when the links were resolved
    uint64_t md_blocks = 0;        // blocks_fingerprint when block directives were rendered
    MarkdownTrace trace;
    std::shared_ptr<const markdown::Rendered> rendered;
    uint64_t rendered_hash = 0;
  };

  // One page's final HTML.
  struct HtmlEntry {
    bool seen = false;
    bool valid = false;
    uint64_t frames = 0;     // layout, frame fingerprints and injected script
    uint64_t templates = 0;  // templates_fingerprint(*used)
    const std::vector<std::string>* used = nullptr;  // interned in used_lists_
    std::shared_ptr<const std::string> html;
    std::optional<std::vector<std::string>> ids;  // collect_ids(*html), when a link needed them
    std::shared_ptr<const search::Document> document;  // from *html, when the site has search
    FingerprintInputs inputs;                          // with explain(): what went into `frames`
  };

  // The classification of content/ (site/content_loader.h) with the listing it was made from.
  struct ContentLayoutMemo {
    std::shared_ptr<const FileSystem::Listing> listing;
    std::string data_dir;
    std::vector<std::string> languages;
    ContentLayout layout;
  };

  struct ThemeMemo;
  struct DataMemo;
  class FilesOutput;

  bool keeps() const { return mode_ == Mode::kKeep; }
  static bool has_markdown(const Page& page) {
    return !page.failed && !page.derived && !page.source_path.empty();
  }
  void load_page(const FileSystem& fs, bool drafts, Page* page, SourceEntry* entry, char* keep,
                 Diagnostics* diags);
  void render_page_body(Site* site, const Theme& theme, const ContextBuilder& contexts,
                        const LinkResolver& links, bool want_plain_text, int index,
                        SourceEntry* entry, Diagnostics* diags, std::vector<AnchorCheck>* anchors);
  void replay_body(const SourceEntry& e, size_t index, Diagnostics* diags,
                   std::vector<AnchorCheck>* anchors);
  std::vector<SourceEntry*> page_entries(const Site& site);
  void render_group(Site* site, const Theme& theme, const ContextBuilder& contexts,
                    const std::vector<int>& group, const std::string& inject,
                    const std::vector<char>& wants_ids, const std::vector<char>* only,
                    HtmlEntry* const* entries, std::vector<std::vector<std::string>>* page_ids,
                    SearchDocuments* documents, mustache::SectionCache* sections,
                    const LinkResolver* streamed_links, std::vector<AnchorCheck>* anchors,
                    Diagnostics* diags);
  void render_ungrouped_markdown(Site* site, const Theme& theme, const ContextBuilder& contexts,
                                 const LinkResolver& links, int jobs,
                                 std::vector<std::vector<AnchorCheck>>* anchors,
                                 std::vector<Diagnostics>* diags);
  std::vector<HtmlEntry*> html_entries(const Site& site,
                                       const std::vector<std::vector<int>>& groups);
  uint64_t html_key(const Site& site, const ContextBuilder& contexts, int index, uint64_t group,
                    FingerprintInputs* inputs) const;
  void note_rebuild(const std::string& line);
  uint64_t used_fingerprint(const std::vector<std::string>* used) const;
  bool note_output(OutputFiles::value_type& item, Output* changes);
  void remember_html(HtmlEntry* e, std::string html, const std::set<std::string>& used,
                     uint64_t key, bool clean);
  uint64_t template_fingerprint(const std::string& name) const;
  uint64_t templates_fingerprint(const std::vector<std::string>& names) const;
  uint64_t blocks_fingerprint(const MarkdownTrace& trace) const;

  std::unique_ptr<ContentLayoutMemo> layout_;
  std::unordered_map<std::string, SourceEntry> sources_;  // by source path
  std::vector<SourceEntry*> site_entries_;  // the kept pages' entries, in the site's order
  SourceEntry* entry_for(const Page& page, size_t* next_loaded);
  std::unordered_map<std::string, HtmlEntry> html_;  // by page identity
  std::shared_ptr<const ThemeMemo> theme_;
  std::shared_ptr<const DataMemo> data_;
  std::shared_ptr<const OutputFiles> files_;
  // The last build's resolved site (in a one-shot memo only held until the memo goes), what made
  // it, and where the file system's changes stood when that build began; and one that a build
  // replaced, not yet freed.
  std::unique_ptr<ResolvedStage> resolved_, replaced_;
  uint64_t resolved_key_ = 0, next_resolved_key_ = 0;
  uint64_t resolved_mark_ = 0, build_mark_ = 0;
  bool reusing_ = false;  // this build reuses resolved_
  // The previous build's entries by page index (kept for a reused resolved site).
  std::vector<SourceEntry*> page_sources_;
  std::vector<HtmlEntry*> page_html_;
  // The distinct lists of templates pages used: few, shared by many pages.
  std::set<std::vector<std::string>> used_lists_;
  std::mutex used_lists_mutex_;
  std::unique_ptr<FilesOutput> next_files_;
  std::vector<std::string> other_files_;  // the last build's files besides pages, sorted
  search::PageStemsCache search_stems_;
  const Mode mode_;
  bool explain_ = false;
  std::mutex explanations_mutex_;
  // Per build.
  Output* output_ = nullptr;
  std::atomic<size_t> pages_rendered_{0};
  std::atomic<size_t> sources_parsed_{0};
  std::atomic<size_t> markdown_rendered_{0};
  std::atomic<size_t> links_rechecked_{0};
  uint64_t link_targets_ = 0;
  uint64_t site_frame_ = 0;
  uint64_t declarations_ = 0;  // blocks and references in wegwijzer.yaml
  uint64_t inject_hash_ = 0;
  std::vector<std::optional<uint64_t>> rendered_hashes_;  // by page index
  Stats stats_;
};

// The load stage for pages on its own, with a memo that keeps nothing: walks content/, reads
// every Markdown file and its front matter (in parallel) and sorts the other files into bundle
// resources and static files. Fills site->pages (sorted by source path) and site->static_files.
void load_content(const FileSystem& fs, const LoadOptions& options, Site* site, Diagnostics* diags);

// A hash of everything LinkResolver looks at besides the page being rendered: which URLs and
// source paths lead to which page, the static files, bundle resources, aliases and other
// outputs. Equal fingerprints mean every link resolves as before.
uint64_t link_targets_fingerprint(const Site& site, const std::vector<std::string>& outputs);

}  // namespace wegwijzer
