#include "site/context.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "data/json_access.h"
#include "data/provenance.h"
#include "site/search_index.h"
#include "site/topics.h"
#include "site/url_resolver.h"
#include "util/fingerprint.h"

namespace wegwijzer {

using nlohmann::json;

namespace {

// Frames are written through one of two writers: JsonWriter builds the frame, HashWriter only
// hashes what would go into it. The frame code is written once against both, so a fingerprint
// covers every value of its frame by construction.

// Writes a frame into `root`, which may hold the frame an earlier page left: members, strings and
// lists are filled again where they are, and what this page does not write is removed when its
// object or list ends, so the frame comes out as if built afresh. Making and freeing every page's
// frame anew was a twentieth of a 10,000-page build.
class JsonWriter {
 public:
  explicit JsonWriter(json* root) {
    if (!root->is_object()) *root = json::object();
    open(root);
  }
  void text(const char* key, std::string_view v) { string_at(key).assign(v); }
  void date(const char* key, const Strings& strings, const std::string& iso) {
    member(key) = strings.date(iso);
  }
  void joined(const char* key, std::string_view a, std::string_view b) {
    string_at(key).assign(a).append(b);
  }
  void flag(const char* key, bool v) { member(key) = v; }
  void integer(const char* key, int v) { member(key) = v; }
  void count(const char* key, size_t v) { member(key) = v; }
  void value(const char* key, const json& v) { member(key) = v; }
  void begin_rendered() {}
  void end_rendered() {}
  void begin_object(const char* key) { open_as(member(key), json::value_t::object); }
  void begin_array(const char* key) { open_as(member(key), json::value_t::array); }
  void begin_item() {
    Level& list = levels_[depth_ - 1];
    json::array_t& items = list.value->get_ref<json::array_t&>();
    if (list.items == items.size()) items.emplace_back(json::object());
    open_as(items[list.items++], json::value_t::object);
  }
  void end() { close(); }
  void merge(json&& object) {
    if (!object.is_object()) return;
    for (auto& [key, v] : object.items()) member(key) = std::move(v);
  }
  void merge(const json& object) { merge(json(object)); }
  void finish() { close(); }

 private:
  struct Level {
    json* value;
    size_t items = 0;                // a list's items written so far
    std::vector<const json*> wrote;  // an object's members written so far
  };

  json& member(std::string_view key) {
    Level& level = levels_[depth_ - 1];
    json::object_t& members = level.value->get_ref<json::object_t&>();
    auto it = members.lower_bound(key);
    if (it == members.end() || it->first != key) it = members.emplace_hint(it, key, nullptr);
    level.wrote.push_back(&it->second);
    return it->second;
  }
  std::string& string_at(const char* key) {
    json& slot = member(key);
    if (!slot.is_string()) slot = std::string();
    return slot.get_ref<std::string&>();
  }
  void open_as(json& slot, json::value_t type) {
    if (slot.type() != type) slot = json(type);
    open(&slot);
  }
  void open(json* value) {
    // A level left by an object that has ended serves the next one, with its list's room.
    if (depth_ == levels_.size()) levels_.emplace_back();
    Level& level = levels_[depth_++];
    level.value = value;
    level.items = 0;
    level.wrote.clear();
  }
  void close() {
    Level& level = levels_[--depth_];
    if (level.value->is_array()) {
      level.value->get_ref<json::array_t&>().resize(level.items);
      return;
    }
    std::sort(level.wrote.begin(), level.wrote.end());
    json::object_t& members = level.value->get_ref<json::object_t&>();
    for (auto it = members.begin(); it != members.end();) {
      bool kept = std::binary_search(level.wrote.begin(), level.wrote.end(), &it->second);
      it = kept ? std::next(it) : members.erase(it);
    }
  }

  std::vector<Level> levels_;
  size_t depth_ = 0;
};

// Appends an unambiguous encoding of values (a tag before each value, from its name and kind as
// util/fingerprint.h makes them; lengths before contents) to one buffer and hashes it once at the
// end. Every page is fingerprinted on every rebuild, so
// this is kept cheap: the buffer is reused (one HashWriter per thread at a time) and each tag is
// one word.
class HashWriter {
 public:
  explicit HashWriter(uint64_t rendered_hash = 0) : rendered_hash_(rendered_hash), buf_(buffer()) {}
  void text(const char* key, std::string_view v) {
    tag('s', key);
    put_string(v);
  }
  void date(const char* key, const Strings&, const std::string& iso) {
    tag('d', key);
    put_string(iso);
  }
  void joined(const char* key, std::string_view a, std::string_view b) {
    tag('s', key);
    put_u64(a.size() + b.size());
    put(a.data(), a.size());
    put(b.data(), b.size());
  }
  void flag(const char* key, bool v) { tag(v ? 'T' : 'F', key); }
  void integer(const char* key, int v) {
    tag('i', key);
    put_u64(static_cast<uint64_t>(static_cast<int64_t>(v)));
  }
  void count(const char* key, size_t v) {
    tag('u', key);
    put_u64(v);
  }
  void value(const char* key, const json& v) {
    tag('j', key);
    put_json(v);
  }
  // What is written in between comes from the page's rendered Markdown alone: its hash stands
  // for all of it.
  void begin_rendered() {
    marker('r');
    put_u64(rendered_hash_);
    skipping_ = true;
  }
  void end_rendered() { skipping_ = false; }
  void begin_object(const char* key) { tag('{', key); }
  void begin_array(const char* key) { tag('[', key); }
  void begin_item() { marker('('); }
  void end() { marker(')'); }
  void merge(const json& object) {
    marker('m');
    put_json(object);
  }
  uint64_t digest() const { return XXH3_64bits(buf_.data(), size_); }

  void put_json(const json& v) {
    switch (v.type()) {
      case json::value_t::null:
      case json::value_t::discarded:
        marker('n');
        break;
      case json::value_t::boolean:
        marker(v.get<bool>() ? 'T' : 'F');
        break;
      case json::value_t::number_integer:
        marker('i');
        put_u64(static_cast<uint64_t>(v.get<int64_t>()));
        break;
      case json::value_t::number_unsigned:
        marker('u');
        put_u64(v.get<uint64_t>());
        break;
      case json::value_t::number_float: {
        double d = v.get<double>();
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        marker('f');
        put_u64(bits);
        break;
      }
      case json::value_t::string:
        marker('s');
        put_string(v.get_ref<const std::string&>());
        break;
      case json::value_t::binary:
        marker('x');
        put_u64(v.get_binary().size());
        put(v.get_binary().data(), v.get_binary().size());
        break;
      case json::value_t::array:
        marker('[');
        put_u64(v.size());
        for (const json& item : v) put_json(item);
        break;
      case json::value_t::object:
        marker('{');
        put_u64(v.size());
        for (const auto& [key, item] : v.items()) {
          put_string(key);
          put_json(item);
        }
        break;
    }
  }

 private:
  static std::string& buffer() {
    thread_local std::string buf;
    return buf;
  }
  // Tags as util/fingerprint.h makes them: from the key's name and the value's kind.
  [[gnu::always_inline]] void tag(char kind, const char* key) {
    put_u64(Fingerprint::tag(kind, key));
  }
  void marker(char kind) { put_u64(uint64_t{static_cast<unsigned char>(kind)} << 56); }
  [[gnu::always_inline]] void put_u64(uint64_t v) { put(&v, sizeof v); }
  void put_string(std::string_view s) {
    put_u64(s.size());
    put(s.data(), s.size());
  }
  [[gnu::always_inline]] void put(const void* data, size_t n) {
    if (skipping_) return;
    if (size_ + n > buf_.size()) grow(n);
    std::memcpy(buf_.data() + size_, data, n);
    size_ += n;
  }
  [[gnu::noinline]] void grow(size_t n) {
    buf_.resize(std::max(2 * buf_.size(), size_ + n + 4096));
  }

  uint64_t rendered_hash_;
  std::string& buf_;
  size_t size_ = 0;
  bool skipping_ = false;
};

}  // namespace

uint64_t rendered_fingerprint(const markdown::Rendered& r) {
  HashWriter w;
  w.text("html", r.html);
  w.text("summary", r.summary);
  w.text("plain_text", r.plain_text);
  w.count("word_count", r.word_count);
  w.begin_array("headings");
  for (const markdown::Heading& h : r.headings) {
    w.begin_item();
    w.integer("level", h.level);
    w.text("text", h.text);
    w.text("id", h.id);
    w.integer("line", h.line);
    w.end();
  }
  w.end();
  return w.digest();
}

uint64_t json_fingerprint(const json& value) {
  HashWriter w;
  w.put_json(value);
  return w.digest();
}

json herkomst_frame(const json& record, const Strings& strings) {
  std::string source = str(record, "source");
  std::string title = str(record, "source_titel");
  json check = false;
  if (has_verification(record)) {
    std::string date = str(member(record, "gecontroleerd"), "datum");
    check = {{"datum", date},
             {"datum_nl", strings.date(date)},
             {"door", str(member(record, "gecontroleerd"), "door")}};
  }
  return {{"source_url", source.starts_with("http") ? source : ""},
          {"source_titel", title.empty() ? source : title},
          {"source_datum_nl", strings.date(str(record, "source_datum"))},
          {"gecontroleerd", std::move(check)}};
}

int top_section(const Site& site, int page) {
  int current = page;
  const int home = site.home_of(site.pages[page].language);
  while (current >= 0 && site.pages[current].parent != home) {
    if (site.pages[current].parent < 0) return -1;
    current = site.pages[current].parent;
  }
  if (current < 0 || site.pages[current].kind != PageKind::kSection) return -1;
  return current;
}

namespace {

// A fact as templates see it: site.feiten.<id>, and each entry of page.bronnen: the record's own
// fields and how to show and link it.
json fact_frame(const Fact& f, const Strings& strings) {
  json frame = f.record.is_object() ? f.record : json::object();
  frame.update({{"id", f.id},
                {"text", f.text},
                {"value", f.value},
                {"href", f.href},
                {"herkomst", herkomst_frame(f.record, strings)}});
  return frame;
}

// The facts a page's text names ({{< feit >}}), in the order the page shows them, once each.
std::vector<const Fact*> facts_named_in(const Site& site, int language,
                                        const markdown::Rendered& body) {
  std::vector<const Fact*> facts;
  const FactIndex& index = site.facts_of(language);
  for (const std::string& id : body.inline_keys) {
    auto it = index.find(id);
    if (it == index.end()) continue;
    if (std::find(facts.begin(), facts.end(), &it->second) == facts.end())
      facts.push_back(&it->second);
  }
  return facts;
}

}  // namespace

ContextBuilder::ContextBuilder(const Site& site, const Theme& theme) : site_(site) {
  size_t languages = std::max<size_t>(1, site.languages.size());
  for (size_t lang = 0; lang < languages; ++lang)
    site_frames_.push_back(make_site_frame(static_cast<int>(lang), theme));
}

json ContextBuilder::make_site_frame(int lang, const Theme& theme) const {
  const Site& site = site_;
  const std::string& base = site.config.base_url;
  const Strings& words = site.strings_of(lang);
  bool own = site.languages.empty() || lang == 0;
  json languages = json::array();
  for (size_t l = 0; l < site.languages.size() && site.multilingual(); ++l) {
    const SiteLanguage& sl = site.languages[l];
    languages.push_back({{"code", sl.code},
                         {"name", site.strings_of(static_cast<int>(l)).text("language_name")},
                         {"url", sl.prefix + "/"},
                         {"current", static_cast<int>(l) == lang}});
  }
  json frame = {
      {"site",
       {{"title", own ? site.config.title : site.languages[lang].title},
        {"description", own ? site.config.description : site.languages[lang].description},
        {"base_url", base},
        {"language", own ? site.config.language : site.languages[lang].code},
        {"home_url", own ? std::string("/") : site.languages[lang].prefix + "/"},
        {"languages", std::move(languages)},
        {"multilingual", site.multilingual()},
        {"params", own ? site.config.params : site.languages[lang].params},
        {"data", site.data_of(lang)},
        {"feiten", json::object()}}},
      {"strings", words.values},
      {"assets", theme.assets},
  };
  if (site.config.search) {
    int topics = topics_page(site, lang);
    frame["site"]["search"] = {
        {"index", search_index_url(own ? site.config.language : site.languages[lang].code)},
        {"page",
         topics >= 0 ? site.pages[topics].url : frame["site"]["home_url"].get<std::string>()}};
  }
  json& feiten = frame["site"]["feiten"];
  for (const auto& [id, fact] : site.facts_of(lang)) {
    if (fact.shown) feiten[id] = fact_frame(fact, words);
  }
  return frame;
}

// page.translations (the page in the other languages, where it exists), page.languages (one
// entry per language of the site, for a language switch: the translation or that language's
// home page) and page.alternates (every version, this one included, for hreflang links).
template <class Writer>
void ContextBuilder::write_translations(int index, Writer& w) const {
  if (!site_.multilingual()) return;
  const Page& p = site_.pages[index];
  w.flag("has_languages", true);
  auto version_in = [&](size_t lang) -> const Page* {
    int version = site_.translation_in(index, static_cast<int>(lang));
    return version >= 0 ? &site_.pages[version] : nullptr;
  };
  w.begin_array("languages");
  for (size_t lang = 0; lang < site_.languages.size(); ++lang) {
    const Page* version = version_in(lang);
    w.begin_item();
    w.text("code", site_.languages[lang].code);
    w.text("name", site_.strings_of(static_cast<int>(lang)).text("language_name"));
    w.text("url", version ? version->url : site_.languages[lang].prefix + "/");
    w.flag("current", static_cast<int>(lang) == p.language);
    w.flag("translated", version != nullptr);
    w.end();
  }
  w.end();
  w.begin_array("alternates");
  for (size_t lang = 0; lang < site_.languages.size(); ++lang) {
    const Page* version = version_in(lang);
    if (!version) continue;
    w.begin_item();
    w.text("code", site_.languages[lang].code);
    w.joined("href", site_.config.base_url, version->url);
    w.end();
  }
  w.end();
}

template <class Writer>
void ContextBuilder::write_link_list(Writer& w, const char* key,
                                     const std::vector<int>& pages) const {
  w.begin_array(key);
  for (int i : pages) {
    const Page& p = site_.pages[i];
    w.begin_item();
    w.text("title", p.front_matter.title);
    w.text("url", p.url);
    w.text("description", p.front_matter.description);
    w.integer("weight", p.front_matter.weight);
    w.end();
  }
  w.end();
}

std::pair<int, int> ContextBuilder::group_key(int page) const {
  const Page& p = site_.pages[page];
  // Section pages are keyed by themselves: they are the current item of their own menu entry.
  // Home pages have no parent: their language tells them apart.
  if (p.parent < 0) return {-1000 - p.language, -1};
  return {p.parent, p.kind == PageKind::kSection ? top_section(site_, page) : -2 - p.parent};
}

// Everything here must depend on the group key only: the frame is built for the first page of
// its group and shared with the others.
template <class Writer>
void ContextBuilder::write_group_frame(int page, Writer& w) const {
  const Page& p = site_.pages[page];
  int top = top_section(site_, page);
  std::vector<int> chain;
  for (int a = p.parent; a >= 0; a = site_.pages[a].parent) chain.insert(chain.begin(), a);
  w.flag("has_ancestors", !chain.empty());
  w.begin_array("ancestors");
  for (int a : chain) {
    w.begin_item();
    w.text("title", site_.pages[a].front_matter.title);
    w.text("url", site_.pages[a].url);
    w.flag("is_home", a == site_.home_of(p.language));
    w.end();
  }
  w.end();
  if (p.parent >= 0) {
    const Page& parent = site_.pages[p.parent];
    w.begin_object("section");
    w.text("title", parent.front_matter.title);
    w.text("url", parent.url);
    w.end();
    write_link_list(w, "siblings", p.kind == PageKind::kSection ? parent.sections : parent.pages);
  }
  w.begin_array("menu");
  if (site_.home_of(p.language) >= 0) {
    // Top-level sections unless they opt out, and top-level pages that opt in.
    const Page& home = site_.pages[site_.home_of(p.language)];
    std::vector<int> items;
    for (int s : home.sections) {
      if (site_.pages[s].front_matter.params.value("menu", true) != false) items.push_back(s);
    }
    for (int s : home.pages) {
      if (site_.pages[s].front_matter.params.value("menu", false) == true) items.push_back(s);
    }
    sort_by_weight(site_, &items);
    for (int s : items) {
      const Page& sp = site_.pages[s];
      w.begin_item();
      w.text("title", sp.front_matter.title);
      w.text("url", sp.url);
      w.flag("current", s == top);
      w.end();
    }
  }
  w.end();
}

json ContextBuilder::make_group_frame(int page) const {
  json frame;
  JsonWriter w(&frame);
  write_group_frame(page, w);
  w.finish();
  return frame;
}

uint64_t ContextBuilder::group_fingerprint(int page) const {
  HashWriter w;
  write_group_frame(page, w);
  return w.digest();
}

uint64_t ContextBuilder::site_fingerprint() const {
  HashWriter w;
  for (const json& frame : site_frames_) w.put_json(frame);
  // Which pages are translations of which: the language switch and the links of a translated
  // page (site/localize_links) depend on it.
  if (site_.multilingual()) {
    for (const auto& [url, index] : site_.page_by_url) {
      w.text("url", url);
      w.text("translation of", site_.pages[index].translation_key);
    }
    for (const auto& [key, versions] : site_.translations) {
      w.text("translation of", key);
      for (int i : versions) w.text("url", site_.pages[i].url);
    }
  }
  return w.digest();
}

template <class Writer>
void ContextBuilder::write_page_frame(int index, Writer& w) const {
  const Page& p = site_.pages[index];
  const FrontMatter& fm = p.front_matter;
  const char* kind = p.kind == PageKind::kHome      ? "home"
                     : p.kind == PageKind::kSection ? "section"
                                                    : "page";
  w.begin_object("page");
  w.text("title", fm.title);
  w.text("description", fm.description);
  w.text("url", p.url);
  w.joined("permalink", site_.config.base_url, p.url);  // permalink(p.url)
  const Strings& language_words = site_.strings_of(p.language);
  w.text("date", fm.date);
  w.date("date_nl", language_words, fm.date);
  w.text("lastmod", fm.lastmod);
  w.date("lastmod_nl", language_words, fm.lastmod);
  w.integer("weight", fm.weight);
  w.text("kind", kind);
  w.flag("is_home", p.kind == PageKind::kHome);
  w.flag("is_section", p.kind == PageKind::kSection);
  w.flag("draft", fm.draft);
  w.value("params", fm.params);
  w.text("source", p.source_path);
  if (!fm.summary.empty()) w.text("summary", fm.summary);
  // Only values computed from p.rendered between these two: a fingerprint takes the hash of the
  // whole rendered body (rendered_fingerprint) instead of hashing them one by one.
  w.begin_rendered();
  const markdown::Rendered& body = p.body_rendered();
  if (fm.summary.empty()) w.text("summary", body.summary);
  w.text("content", body.html);
  size_t toc_entries = 0;
  w.begin_array("toc");
  for (const markdown::Heading& h : body.headings) {
    if (h.level != 2 && h.level != 3) continue;
    ++toc_entries;
    w.begin_item();
    w.integer("level", h.level);
    w.text("id", h.id);
    w.text("title", h.text);
    w.flag("sub", h.level == 3);
    w.end();
  }
  w.end();
  w.flag("has_toc", toc_entries >= 2);
  std::vector<const Fact*> named = facts_named_in(site_, p.language, body);
  w.flag("has_bronnen", !named.empty());
  w.begin_array("bronnen");
  for (const Fact* f : named) {
    w.begin_item();
    w.merge(fact_frame(*f, language_words));
    w.end();
  }
  w.end();
  size_t words = body.word_count;
  w.count("word_count", words);
  w.count("reading_minutes", std::max<size_t>(1, (words + 199) / 200));
  w.end_rendered();
  w.text("language",
         site_.languages.empty() ? site_.config.language : site_.languages[p.language].code);
  write_translations(index, w);
  w.end();
  if (p.kind != PageKind::kPage) {
    write_link_list(w, "pages", p.pages);
    w.flag("has_pages", !p.pages.empty());
    write_link_list(w, "subsections", p.sections);
    w.flag("has_subsections", !p.sections.empty());
  }
  if (p.derived_context.is_object()) w.merge(p.derived_context);
}

json ContextBuilder::page_frame(int index) const {
  json frame;
  fill_page_frame(index, &frame);
  return frame;
}

void ContextBuilder::fill_page_frame(int index, json* frame) const {
  JsonWriter w(frame);
  write_page_frame(index, w);
  w.finish();
}

uint64_t ContextBuilder::page_fingerprint(int index, uint64_t rendered_hash) const {
  HashWriter w(rendered_hash);
  write_page_frame(index, w);
  return w.digest();
}

}  // namespace wegwijzer
