#pragma once

// A Mustache engine (https://github.com/mustache/spec): interpolation, sections, inverted
// sections, comments, set-delimiters, partials, template inheritance (parents and blocks) and
// dynamic names. Lambdas are not supported: data comes from JSON. Templates are parsed once into
// an immutable tree and may be rendered from many threads at once.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace wegwijzer::mustache {

struct Error {
  std::string template_name;
  int line = 0;    // 1-based position in the template source
  int column = 0;  // 1-based, in characters
  std::string message;
};

class Template;  // parsed form, defined in mustache.cc

// Parses `source`. On a syntax error returns nullptr and sets `*error` (position of the tag).
std::shared_ptr<const Template> parse(std::string name, std::string_view source, Error* error);

// Finds templates by name for partials ({{>name}}), parents ({{<name}}) and dynamic names.
class TemplateSource {
 public:
  virtual ~TemplateSource() = default;
  virtual const Template* find(std::string_view name) const = 0;
};

// Named templates, each parsed once when added.
class TemplateSet : public TemplateSource {
 public:
  // Parses and stores `source` under `name`, replacing an earlier one. Returns false and appends
  // to `errors` on a syntax error.
  bool add(const std::string& name, std::string_view source, std::vector<Error>* errors);
  const Template* find(std::string_view name) const override;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> templates_;
};

// What sections over long-lived data rendered to, so that the same section over the same value
// is rendered once: a site's menu comes out the same on thousands of pages. A section is kept
// when its value lies in one of the stable frames (RenderOptions::stable_frames), it includes no
// partial, parent or block, and every name inside it was found in the value itself, so that
// nothing else can change its text. One per thread; clear it (or drop it) before a stable frame
// changes or goes.
class SectionCache {
 public:
  struct Entry {
    std::string text;
    bool ends_line = false;  // the text ends a line: indentation goes before what follows
  };
  const Entry* find(const void* node, const nlohmann::json* value, const std::string& indent,
                    bool at_line_start) const;
  void add(const void* node, const nlohmann::json* value, const std::string& indent,
           bool at_line_start, Entry entry);
  void clear() { entries_.clear(); }
  size_t size() const { return entries_.size(); }

 private:
  using Key = std::tuple<const void*, const nlohmann::json*, std::string, bool>;
  std::map<Key, Entry> entries_;
};

struct RenderOptions {
  // The spec renders a missing partial or parent as nothing; a site build wants an error.
  bool missing_partial_is_error = false;
  // When set, receives the name of every partial or parent that was rendered (for dependency
  // tracking in incremental rebuilds).
  std::set<std::string>* used_templates = nullptr;
  // With a cache, the first `stable_frames` frames of the context (bottom first) must outlive it
  // unchanged. Not used while used_templates is set: a reused text would not say what it used.
  SectionCache* section_cache = nullptr;
  size_t stable_frames = 0;
};

// Renders `tmpl` against a context stack given bottom first: name lookups search from the last
// element down, as if each had been pushed by an enclosing section. Problems (a missing partial
// when that is an error, runaway recursion) are appended to `errors`; rendering goes on where it
// can.
//
// Data rules beyond the spec's tests: sections skip false, null, "", 0 and empty lists (the
// spec's "!!data" truthiness), repeat for each item of a list and push any other value once.
// Numbers print in their shortest exact form (2.0 as "2", 1.21 as "1.21"), objects and lists as
// JSON. A dynamic name ({{>*x}}) that is not in the data renders nothing, even in strict mode.
// Includes nest at most 100 deep (and parse() refuses sections, parents and blocks nested more
// than 100 deep); each problem is reported once per tag and render.
void render_to(std::string& out, const Template& tmpl,
               std::span<const nlohmann::json* const> context, const TemplateSource& partials,
               const RenderOptions& options, std::vector<Error>* errors);

std::string render(const Template& tmpl, const nlohmann::json& data, const TemplateSource& partials,
                   const RenderOptions& options = {}, std::vector<Error>* errors = nullptr);

// HTML-escapes & < > " and ' (for element content and quoted attributes alike).
void append_escaped(std::string& out, std::string_view text);

}  // namespace wegwijzer::mustache
