#include "search/document.h"

#include <algorithm>
#include <cctype>

#include "search/text_folding.h"

namespace wegwijzer::search {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// Elements whose content a reader of the page's own text does not read there.
bool is_skipped(const std::string& name) {
  static const char* const kSkipped[] = {"script", "style", "nav", "template", "noscript", "svg"};
  return std::any_of(std::begin(kSkipped), std::end(kSkipped),
                     [&](const char* s) { return name == s; });
}

// Elements that end a line of text: their text never runs into the next element's.
bool is_block(const std::string& name) {
  static const char* const kBlocks[] = {
      "p",       "div",        "li",      "ul",      "ol",     "dl",         "dt",
      "dd",      "br",         "tr",      "td",      "th",     "table",      "caption",
      "section", "article",    "aside",   "header",  "footer", "blockquote", "pre",
      "figure",  "figcaption", "details", "summary", "form",   "fieldset",   "legend",
      "hr",      "address",    "h4",      "h5",      "h6"};
  return std::any_of(std::begin(kBlocks), std::end(kBlocks),
                     [&](const char* s) { return name == s; });
}

int heading_level(const std::string& name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '3' ? name[1] - '0' : 0;
}

struct Tag {
  std::string name;  // lowercase
  bool closing = false;
  bool self_closing = false;  // "<svg … />"
  size_t end = 0;             // just past the '>'
};

// Reads the tag starting at html[at] == '<'; false when it is no tag (a lone '<' is text).
bool read_tag(std::string_view html, size_t at, Tag* tag) {
  size_t i = at + 1;
  tag->closing = i < html.size() && html[i] == '/';
  if (tag->closing) ++i;
  size_t name_start = i;
  while (i < html.size() && is_name_char(html[i])) ++i;
  if (i == name_start || !std::isalpha(static_cast<unsigned char>(html[name_start]))) return false;
  tag->name = lower(html.substr(name_start, i - name_start));
  char quote = 0;
  for (; i < html.size(); ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag->end = i + 1;
      tag->self_closing = html[i - 1] == '/';
      return true;
    }
  }
  return false;
}

// Where the element opened by a tag ending at `from` ends (past its closing tag), counting
// nested elements of the same name.
size_t skip_element(std::string_view html, size_t from, const std::string& name) {
  bool raw_text = name == "script" || name == "style";
  int depth = 1;
  for (size_t at = html.find('<', from); at != std::string_view::npos;
       at = html.find('<', at + 1)) {
    Tag tag;
    if (!read_tag(html, at, &tag) || tag.name != name) continue;
    if (!tag.closing && raw_text) continue;
    depth += tag.closing ? -1 : 1;
    if (depth == 0) return tag.end;
  }
  return html.size();
}

// Decodes the character reference at text[at] == '&' into `out`, returning its length; 0 when it
// is none the generator writes (the '&' then stands for itself).
size_t decode_entity(std::string_view text, size_t at, std::string* out) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", "\u00a0"}};
  for (const auto& [name, value] : kNamed) {
    if (text.substr(at, name.size()) == name) {
      out->append(value);
      return name.size();
    }
  }
  if (text.substr(at, 2) != "&#") return 0;
  bool hex = at + 2 < text.size() && (text[at + 2] == 'x' || text[at + 2] == 'X');
  size_t i = at + (hex ? 3 : 2);
  char32_t value = 0;
  size_t digits = 0;
  for (; i < text.size() && digits < 7; ++i, ++digits) {
    char c = text[i];
    int d = (c >= '0' && c <= '9')          ? c - '0'
            : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                            : -1;
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + d;
  }
  if (digits == 0 || i >= text.size() || text[i] != ';') return 0;
  bool valid = value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
  append_utf8(valid ? value : 0xFFFD, out);
  return i + 1 - at;
}

// Gathers text into lines (one per block) and sorts them into headings and body.
class TextCollector {
 public:
  explicit TextCollector(Document* doc) : doc_(doc) {}

  void add(std::string_view raw) {
    for (size_t i = 0; i < raw.size();) {
      if (raw[i] == '&') {
        size_t used = decode_entity(raw, i, &line_);
        if (used > 0) {
          i += used;
          continue;
        }
      }
      if (is_space(raw[i])) {
        if (!line_.empty() && line_.back() != ' ') line_.push_back(' ');
      } else {
        line_.push_back(raw[i]);
      }
      ++i;
    }
  }

  // Ends the current line; in_heading_ says where it goes.
  void end_line() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    if (!line_.empty()) {
      std::string& target = in_heading_ ? heading_ : doc_->body;
      if (!target.empty()) target.push_back(in_heading_ ? ' ' : '\n');
      target += line_;
      if (!doc_->text.empty()) doc_->text.push_back('\n');
      doc_->text += line_;
      line_.clear();
    }
  }

  void open_heading(int level) {
    end_line();
    in_heading_ = true;
    level_ = level;
  }

  void close_heading() {
    end_line();
    if (!heading_.empty()) {
      if (level_ == 1 && doc_->heading1.empty()) doc_->heading1 = heading_;
      doc_->headings.push_back(std::move(heading_));
    }
    heading_.clear();
    in_heading_ = false;
  }

 private:
  Document* doc_;
  std::string line_;
  std::string heading_;
  bool in_heading_ = false;
  int level_ = 0;
};

// Where `<main …>` ends and `</main>` begins; false without a main element.
bool find_main(std::string_view html, size_t* begin, size_t* end) {
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    Tag tag;
    if (!read_tag(html, at, &tag) || tag.name != "main") continue;
    if (tag.closing) return false;
    *begin = tag.end;
    *end = html.size();  // an unclosed <main> runs to the end
    for (size_t c = html.find("</", *begin); c != std::string_view::npos;
         c = html.find("</", c + 2)) {
      Tag close;
      if (read_tag(html, c, &close) && close.name == "main") {
        *end = c;
        break;
      }
    }
    return true;
  }
  return false;
}

// Handles the tag at html[at]; returns where reading goes on.
size_t on_tag(std::string_view html, const Tag& tag, TextCollector* text) {
  if (!tag.closing && !tag.self_closing && is_skipped(tag.name)) {
    text->end_line();
    return skip_element(html, tag.end, tag.name);
  }
  if (int level = heading_level(tag.name)) {
    if (tag.closing) {
      text->close_heading();
    } else {
      text->open_heading(level);
    }
  } else if (is_block(tag.name)) {
    text->end_line();
  }
  return tag.end;
}

}  // namespace

Document extract_document(std::string_view page_html, PageInfo info) {
  Document doc;
  doc.info = std::move(info);
  size_t begin = 0;
  size_t end = 0;
  if (!find_main(page_html, &begin, &end)) return doc;
  doc.has_main = true;
  std::string_view html = page_html.substr(0, end);
  TextCollector text(&doc);
  size_t at = begin;
  while (at < html.size()) {
    size_t lt = html.find('<', at);
    if (lt == std::string_view::npos) lt = html.size();
    text.add(html.substr(at, lt - at));
    if (lt == html.size()) break;
    Tag tag;
    if (html.substr(lt, 4) == "<!--") {
      size_t close = html.find("-->", lt + 4);
      at = close == std::string_view::npos ? html.size() : close + 3;
    } else if (read_tag(html, lt, &tag)) {
      at = on_tag(html, tag, &text);
    } else {
      text.add("<");
      at = lt + 1;
    }
  }
  text.close_heading();
  return doc;
}

}  // namespace wegwijzer::search
