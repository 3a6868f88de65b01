#include "template/mustache.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <utility>

namespace wegwijzer::mustache {

class Template {
 public:
  enum class Kind : uint8_t { kText, kVariable, kSection, kInverted, kPartial, kParent, kBlock };

  // One piece of a parsed template; only the fields its kind uses are set.
  struct Node {
    Kind kind = Kind::kText;
    bool escape = true;    // kVariable: {{x}}, not {{{x}}} or {{&x}}
    bool dynamic = false;  // kPartial, kParent: the template name comes from the data ({{>*x}})
    // kPartial, kParent, kBlock: the whitespace before the tag was removed with its line.
    bool standalone = false;
    // kSection, kInverted: holds no partial, parent or block, so its text depends on the data
    // alone (see SectionCache).
    bool pure = false;
    int line = 0;  // of the tag, for render-time errors
    int column = 0;
    std::string text;               // kText: the literal text; otherwise the tag's name
    std::vector<std::string> path;  // the name split at dots; empty for "."
    // kPartial, kParent, kBlock: added to every line the expansion starts.
    std::string indent;
    // kSection, kInverted: the body. kBlock: the default content, or for a block directly inside
    // a parent tag, the replacement. kParent: only those replacement blocks.
    std::vector<Node> children;
  };

  Template(std::string name, std::vector<Node> nodes, size_t source_size)
      : name_(std::move(name)), nodes_(std::move(nodes)), source_size_(source_size) {}

  const std::string& name() const { return name_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  // Output is usually about as long as the source; reserving that saves most regrowth.
  size_t source_size() const { return source_size_; }

 private:
  std::string name_;
  std::vector<Node> nodes_;
  size_t source_size_;
};

namespace {

using json = nlohmann::json;
using Kind = Template::Kind;
using Node = Template::Node;

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr int kMaxDepth = 100;

// Whitespace that may surround a standalone tag; '\r' so that "\r\n" lines work too.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_space(char c) {
  return is_blank(c) || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// `indent` without the part it shares with `outdent` (the indentation an enclosing replacement
// block loses when it is moved to its expansion site).
std::string_view relative_indent(std::string_view indent, std::string_view outdent) {
  size_t n = 0;
  while (n < indent.size() && n < outdent.size() && indent[n] == outdent[n]) ++n;
  return indent.substr(n);
}

std::string in_quotes(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

struct Token {
  bool is_tag = false;
  // Tags: 0 for {{name}}, else the character after the opening delimiter: { & # ^ / > < $ ! =
  char sigil = 0;
  bool dynamic = false;  // {{>*name}}, {{<*name}}, {{/*name}}
  bool blank = false;    // text: whitespace only
  size_t begin = 0;      // byte range in the source, delimiters included
  size_t end = 0;
  std::string_view name;
  int line = 0;  // tags only
  int column = 0;
  size_t partner = kNone;    // section tags: the matching open or close tag
  size_t enclosing = kNone;  // the innermost open section tag around this token
};

struct ParseError {
  int line = 0;
  int column = 0;
  std::string message;
};

// Turns source text into nodes in three passes over a flat token list: tokenize and pair
// section tags (set-delimiter tags change how the rest is read), decide which whitespace belongs
// to standalone tags, then build the tree. Standalone decisions need the whole line and, for
// parents and blocks, the partner tag, which is why they are not made while scanning.
class Parser {
 public:
  explicit Parser(std::string_view source) : src_(source) {}

  bool run(std::vector<Node>* nodes) {
    if (!tokenize()) return false;
    find_lines();
    mark_standalone();
    build(0, tokens_.size(), false, {}, nodes);
    return true;
  }
  const ParseError& error() const { return error_; }

 private:
  bool fail(const Token& tag, std::string message) {
    error_ = {tag.line, tag.column, std::move(message)};
    return false;
  }

  // Tags are located in increasing order, so positions are counted incrementally.
  void locate(size_t offset, int* line, int* column) {
    for (; located_ < offset; ++located_) {
      unsigned char c = static_cast<unsigned char>(src_[located_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
    *line = line_;
    *column = column_;
  }

  // Text is split after every newline so that each text token lies on one line.
  void add_text(size_t begin, size_t end) {
    while (begin < end) {
      size_t newline = src_.substr(0, end).find('\n', begin);
      size_t stop = newline == std::string_view::npos ? end : newline + 1;
      Token t;
      t.begin = begin;
      t.end = stop;
      t.blank = true;
      for (size_t i = begin; i < stop && t.blank; ++i) t.blank = is_blank(src_[i]);
      tokens_.push_back(t);
      begin = stop;
    }
  }

  bool set_delimiters(const Token& tag, std::string_view content) {
    // content is what follows the '=' sigil, e.g. "<% %>=".
    if (content.empty() || content.back() != '=') return fail(tag, "invalid delimiter tag");
    content = trim(content.substr(0, content.size() - 1));
    size_t space = 0;
    while (space < content.size() && !is_space(content[space])) ++space;
    std::string_view open = content.substr(0, space);
    std::string_view close = trim(content.substr(space));
    auto valid = [](std::string_view d) {
      if (d.empty()) return false;
      for (char c : d) {
        if (c == '=' || is_space(c)) return false;
      }
      return true;
    };
    if (!valid(open) || !valid(close)) return fail(tag, "invalid delimiter tag");
    open_ = open;
    close_ = close;
    return true;
  }

  bool check_name(const Token& tag) {
    if (tag.name.empty()) return fail(tag, "empty tag name");
    for (char c : tag.name) {
      if (is_space(c)) return fail(tag, "invalid tag name " + in_quotes(tag.name));
    }
    // Names of templates and blocks are not looked up in the data, so dots are just characters.
    bool dotted = tag.dynamic || tag.sigil == 0 || tag.sigil == '{' || tag.sigil == '&' ||
                  tag.sigil == '#' || tag.sigil == '^';
    if (dotted && tag.name != ".") {
      if (tag.name.front() == '.' || tag.name.back() == '.' ||
          tag.name.find("..") != std::string_view::npos) {
        return fail(tag, "invalid tag name " + in_quotes(tag.name));
      }
    }
    return true;
  }

  bool tokenize() {
    size_t pos = 0;
    while (pos < src_.size()) {
      size_t start = src_.find(open_, pos);
      add_text(pos, start == std::string_view::npos ? src_.size() : start);
      if (start == std::string_view::npos) break;

      Token tag;
      tag.is_tag = true;
      tag.begin = start;
      locate(start, &tag.line, &tag.column);
      size_t inner = start + open_.size();
      std::string_view content;
      if (inner < src_.size() && src_[inner] == '{') {
        std::string closing = "}" + close_;
        size_t stop = src_.find(closing, inner + 1);
        if (stop == std::string_view::npos) return fail(tag, "unclosed tag");
        tag.sigil = '{';
        content = src_.substr(inner + 1, stop - inner - 1);
        tag.end = stop + closing.size();
      } else {
        size_t stop = src_.find(close_, inner);
        if (stop == std::string_view::npos) return fail(tag, "unclosed tag");
        content = src_.substr(inner, stop - inner);
        tag.end = stop + close_.size();
        if (!content.empty() &&
            std::string_view("&#^/><$!=").find(content.front()) != std::string_view::npos) {
          tag.sigil = content.front();
          content.remove_prefix(1);
        }
      }
      pos = tag.end;

      if (tag.sigil == '=') {
        if (!set_delimiters(tag, content)) return false;
      } else if (tag.sigil != '!') {
        tag.name = trim(content);
        if ((tag.sigil == '>' || tag.sigil == '<' || tag.sigil == '/') && !tag.name.empty() &&
            tag.name.front() == '*') {
          tag.dynamic = true;
          tag.name = trim(tag.name.substr(1));
        }
        if (!check_name(tag)) return false;
      }
      tokens_.push_back(tag);
      if (!pair(tokens_.size() - 1)) return false;
    }
    if (!open_sections_.empty()) {
      const Token& o = tokens_[open_sections_.back()];
      return fail(o, "unclosed " + kind_word(o) + " " + display_name(o));
    }
    return true;
  }

  static bool opens_section(const Token& t) {
    return t.is_tag && (t.sigil == '#' || t.sigil == '^' || t.sigil == '<' || t.sigil == '$');
  }

  static std::string display_name(const Token& t) {
    return in_quotes((t.dynamic ? "*" : "") + std::string(t.name));
  }

  static std::string kind_word(const Token& open) {
    switch (open.sigil) {
      case '<':
        return "parent";
      case '$':
        return "block";
      default:
        return "section";
    }
  }

  // Called for each tag as it is read, so that the first error in the source is the one reported.
  bool pair(size_t i) {
    Token& t = tokens_[i];
    if (!open_sections_.empty()) t.enclosing = open_sections_.back();
    if (opens_section(t)) {
      // Parsing, rendering and freeing the tree recurse once per level.
      if (open_sections_.size() >= kMaxDepth) {
        return fail(t, kind_word(t) + " " + display_name(t) + " is nested more than " +
                           std::to_string(kMaxDepth) + " levels deep");
      }
      open_sections_.push_back(i);
    } else if (t.sigil == '/') {
      if (open_sections_.empty()) {
        return fail(t, "closing tag " + display_name(t) + " without open section");
      }
      Token& o = tokens_[open_sections_.back()];
      if (o.name != t.name || o.dynamic != t.dynamic) {
        return fail(t, "closing tag " + display_name(t) + " does not match open " + kind_word(o) +
                           " " + display_name(o));
      }
      t.partner = open_sections_.back();
      o.partner = i;
      open_sections_.pop_back();
    }
    return true;
  }

  void find_lines() {
    line_of_.resize(tokens_.size());
    nonblank_before_.resize(tokens_.size());
    int nonblank = 0;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (i == 0 || (!tokens_[i - 1].is_tag && src_[tokens_[i - 1].end - 1] == '\n')) {
        if (i > 0) lines_.back().nonblank = nonblank;
        lines_.push_back({i, i, 0});
        nonblank = 0;
      }
      line_of_[i] = lines_.size() - 1;
      lines_.back().last = i;
      nonblank_before_[i] = nonblank;
      if (tokens_[i].is_tag || !tokens_[i].blank) ++nonblank;
    }
    if (!lines_.empty()) lines_.back().nonblank = nonblank;
  }

  // Only whitespace precedes / follows tag `i` on its line.
  bool clear_left(size_t i) const { return nonblank_before_[i] == 0; }
  bool clear_right(size_t i) const {
    return lines_[line_of_[i]].nonblank - nonblank_before_[i] == 1;
  }

  void remove_left(size_t i) {
    for (size_t j = lines_[line_of_[i]].first; j < i; ++j) removed_[j] = true;
  }
  void remove_right(size_t i) {
    for (size_t j = i + 1; j <= lines_[line_of_[i]].last; ++j) removed_[j] = true;
  }

  // Applies the common rule: a tag alone on its line takes the whole line with it.
  void standalone_line(size_t i) {
    if (!clear_left(i) || !clear_right(i)) return;
    remove_left(i);
    remove_right(i);
    standalone_[i] = true;
  }

  bool in_parent(size_t i) const {
    size_t e = tokens_[i].enclosing;
    return e != kNone && tokens_[e].sigil == '<';
  }

  // Parents and blocks extend the common rule (see the ~inheritance spec): a parent tag pair
  // counts as one standalone unit when it starts and ends its lines, and a block replacing
  // content inside a parent owns the line end after its opening tag and the indentation before
  // its closing tag, since everything else between the parent tags is ignored.
  void mark_standalone() {
    removed_.assign(tokens_.size(), false);
    standalone_.assign(tokens_.size(), false);
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (!t.is_tag) continue;
      switch (t.sigil) {
        case '<':
          if (clear_left(i) && clear_right(tokens_[i].partner)) {
            remove_left(i);
            remove_right(tokens_[i].partner);
            standalone_[i] = true;
          }
          break;
        case '$':
          if (!in_parent(i)) {
            standalone_line(i);
          } else if (clear_right(i)) {
            remove_right(i);
            standalone_[i] = true;
          }
          break;
        case '/': {
          size_t open = tokens_[i].partner;
          if (tokens_[open].sigil == '<') break;
          if (tokens_[open].sigil == '$' && in_parent(open)) {
            if (clear_left(i)) remove_left(i);
          } else {
            standalone_line(i);
          }
          break;
        }
        case '#':
        case '^':
        case '!':
        case '=':
        case '>':
          standalone_line(i);
          break;
        default:
          break;
      }
    }
  }

  // The whitespace from the start of tag `i`'s line up to the tag.
  std::string_view leading_space(size_t i) const {
    size_t line_start = tokens_[lines_[line_of_[i]].first].begin;
    return src_.substr(line_start, tokens_[i].begin - line_start);
  }

  // The indentation of the line after tag `i`'s line.
  std::string_view next_line_indent(size_t i) const {
    size_t start = tokens_[lines_[line_of_[i]].last].end;
    if (start == 0 || src_[start - 1] != '\n') return {};
    size_t stop = start;
    while (stop < src_.size() && (src_[stop] == ' ' || src_[stop] == '\t')) ++stop;
    return src_.substr(start, stop - start);
  }

  static std::vector<std::string> split_path(std::string_view name) {
    std::vector<std::string> parts;
    if (name == ".") return parts;
    size_t start = 0;
    while (true) {
      size_t dot = name.find('.', start);
      parts.emplace_back(name.substr(start, dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return parts;
  }

  Node tag_node(Kind kind, const Token& t) const {
    Node node;
    node.kind = kind;
    node.line = t.line;
    node.column = t.column;
    node.text = t.name;
    node.dynamic = t.dynamic;
    if (kind == Kind::kVariable || kind == Kind::kSection || kind == Kind::kInverted || t.dynamic) {
      node.path = split_path(t.name);
    }
    return node;
  }

  // Builds the nodes for tokens [begin, end). `outdent` is the indentation that the innermost
  // enclosing replacement block removes from the start of each of its lines; `between_parent_tags`
  // says the tokens sit directly between a parent's tags, where blocks are replacements.
  void build(size_t begin, size_t end, bool between_parent_tags, std::string_view outdent,
             std::vector<Node>* out) const {
    for (size_t i = begin; i < end; ++i) {
      const Token& t = tokens_[i];
      if (!t.is_tag) {
        if (removed_[i]) continue;
        std::string_view text = src_.substr(t.begin, t.end - t.begin);
        if (!outdent.empty() && (t.begin == 0 || src_[t.begin - 1] == '\n')) {
          text.remove_prefix(outdent.size() - relative_indent(outdent, text).size());
        }
        if (text.empty()) continue;
        if (out->empty() || out->back().kind != Kind::kText) out->emplace_back();
        out->back().text += text;
        continue;
      }
      switch (t.sigil) {
        case 0:
        case '{':
        case '&': {
          Node node = tag_node(Kind::kVariable, t);
          node.escape = t.sigil == 0;
          out->push_back(std::move(node));
          break;
        }
        case '#':
        case '^': {
          Node node = tag_node(t.sigil == '#' ? Kind::kSection : Kind::kInverted, t);
          build(i + 1, tokens_[i].partner, false, outdent, &node.children);
          node.pure = std::all_of(node.children.begin(), node.children.end(), [](const Node& c) {
            return c.kind == Kind::kText || c.kind == Kind::kVariable ||
                   ((c.kind == Kind::kSection || c.kind == Kind::kInverted) && c.pure);
          });
          out->push_back(std::move(node));
          i = tokens_[i].partner;
          break;
        }
        case '>':
        case '<': {
          Node node = tag_node(t.sigil == '>' ? Kind::kPartial : Kind::kParent, t);
          if (standalone_[i]) {
            node.standalone = true;
            node.indent = relative_indent(leading_space(i), outdent);
          }
          if (t.sigil == '<') {
            std::vector<Node> content;
            build(i + 1, tokens_[i].partner, true, outdent, &content);
            for (Node& n : content) {
              if (n.kind == Kind::kBlock) node.children.push_back(std::move(n));
            }
            i = tokens_[i].partner;
          }
          out->push_back(std::move(node));
          break;
        }
        case '$': {
          Node node = tag_node(Kind::kBlock, t);
          std::string_view inner_outdent = outdent;
          if (between_parent_tags) {
            // A replacement: its own indentation is removed here and the expansion site's added.
            if (standalone_[i]) inner_outdent = next_line_indent(i);
          } else if (standalone_[i]) {
            // An expansion site whose tag line is gone: indent like its default content.
            node.standalone = true;
            node.indent = relative_indent(next_line_indent(i), outdent);
          } else if (clear_left(i)) {
            node.indent = relative_indent(leading_space(i), outdent);
          }
          build(i + 1, tokens_[i].partner, false, inner_outdent, &node.children);
          out->push_back(std::move(node));
          i = tokens_[i].partner;
          break;
        }
        default:  // comments and set-delimiter tags leave nothing behind
          break;
      }
    }
  }

  struct Line {
    size_t first;  // token indices
    size_t last;
    int nonblank;  // tags and non-blank text
  };

  std::string_view src_;
  std::string open_ = "{{";
  std::string close_ = "}}";
  size_t located_ = 0;
  int line_ = 1;
  int column_ = 1;
  ParseError error_;

  std::vector<Token> tokens_;
  std::vector<size_t> open_sections_;
  std::vector<Line> lines_;
  std::vector<size_t> line_of_;
  std::vector<int> nonblank_before_;  // on the token's line
  std::vector<bool> removed_;         // whitespace taken by a standalone tag
  std::vector<bool> standalone_;
};

// ---------------------------------------------------------------------------------------------

// Spec: "truthy (e.g. `!!data == true`)", so the JavaScript rules plus the empty list.
bool is_falsy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
    case json::value_t::discarded:
      return true;
    case json::value_t::boolean:
      return !v.get<bool>();
    case json::value_t::string:
      return v.get_ref<const std::string&>().empty();
    case json::value_t::array:
      return v.empty();
    case json::value_t::number_integer:
      return v.get<int64_t>() == 0;
    case json::value_t::number_unsigned:
      return v.get<uint64_t>() == 0;
    case json::value_t::number_float: {
      double d = v.get<double>();
      return d == 0 || d != d;
    }
    default:
      return false;
  }
}

template <typename T>
void append_number(std::string& out, T value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_value(std::string& out, const json& v, bool escape) {
  switch (v.type()) {
    case json::value_t::string:
      if (escape) {
        append_escaped(out, v.get_ref<const std::string&>());
      } else {
        out += v.get_ref<const std::string&>();
      }
      break;
    case json::value_t::number_integer:
      append_number(out, v.get<int64_t>());
      break;
    case json::value_t::number_unsigned:
      append_number(out, v.get<uint64_t>());
      break;
    case json::value_t::number_float:
      // Shortest form that reads back the same: 1.21 stays "1.21", 2.0 becomes "2".
      append_number(out, v.get<double>());
      break;
    case json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      break;
    case json::value_t::object:
    case json::value_t::array:
      if (escape) {
        append_escaped(out, v.dump());
      } else {
        out += v.dump();
      }
      break;
    default:
      break;
  }
}

// The replacement blocks of the parent tags being expanded, innermost first. The outermost
// replacement of a block wins: a page overrides its layout, which overrides its own parent.
struct Overrides {
  const Node* parent;
  const Template* owner;  // the template the parent tag is written in
  const Overrides* outer;
};

// The state of one render call. Templates are only read, so any number of renderers may share
// them across threads.
class Renderer {
 public:
  Renderer(std::string& out, std::span<const json* const> context, const TemplateSource& partials,
           const RenderOptions& options, std::vector<Error>* errors)
      : out_(out), partials_(partials), options_(options), errors_(errors) {
    stack_.reserve(context.size() + 16);
    stack_.assign(context.begin(), context.end());
    for (size_t i = 0; i < context.size(); ++i) stable_.push_back(i < options.stable_frames);
    if (!options.used_templates) cache_ = options.section_cache;
  }

  void render(const Template& tmpl) { render_nodes(tmpl.nodes(), tmpl, nullptr); }

 private:
  void render_nodes(const std::vector<Node>& nodes, const Template& owner,
                    const Overrides* overrides) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case Kind::kText:
          emit_text(node.text);
          break;
        case Kind::kVariable:
          if (const json* v = lookup(node.path)) emit_value(*v, node.escape);
          break;
        case Kind::kSection: {
          size_t frame = 0;
          const json* v = lookup(node.path, &frame);
          if (!v || is_falsy(*v)) break;
          bool stable = stable_[frame];
          if (stable && node.pure && cache_ && !in_candidate_) {
            render_cached_section(node, *v, owner, overrides);
          } else {
            render_section(node, *v, stable, owner, overrides);
          }
          break;
        }
        case Kind::kInverted: {
          const json* v = lookup(node.path);
          if (!v || is_falsy(*v)) render_nodes(node.children, owner, overrides);
          break;
        }
        case Kind::kPartial:
        case Kind::kParent:
          render_include(node, owner, overrides);
          break;
        case Kind::kBlock:
          render_block(node, owner, overrides);
          break;
      }
    }
  }

  void render_section(const Node& node, const json& v, bool stable, const Template& owner,
                      const Overrides* overrides) {
    auto render_with = [&](const json& item) {
      stack_.push_back(&item);
      stable_.push_back(stable);
      render_nodes(node.children, owner, overrides);
      stable_.pop_back();
      stack_.pop_back();
    };
    if (v.is_array()) {
      for (const json& item : v) render_with(item);
    } else {
      render_with(v);
    }
  }

  // Renders the section once per value and cache, unless a name inside was looked up below the
  // section's own frames, where the text could differ from page to page.
  void render_cached_section(const Node& node, const json& v, const Template& owner,
                             const Overrides* overrides) {
    if (const SectionCache::Entry* hit = cache_->find(&node, &v, indent_, at_line_start_)) {
      out_ += hit->text;
      at_line_start_ = hit->ends_line;
      return;
    }
    std::string indent = indent_;
    bool line_start = at_line_start_;
    size_t start = out_.size();
    in_candidate_ = true;
    candidate_floor_ = stack_.size();
    looked_below_ = false;
    render_section(node, v, true, owner, overrides);
    in_candidate_ = false;
    if (!looked_below_) {
      cache_->add(&node, &v, indent, line_start, {out_.substr(start), at_line_start_});
    }
  }

  void render_include(const Node& tag, const Template& owner, const Overrides* overrides) {
    if (recursion_stopped_) return;
    std::string_view name = tag.text;
    std::string number;
    if (tag.dynamic) {
      const json* v = lookup(tag.path);
      if (!v) return;
      if (v->is_string()) {
        name = v->get_ref<const std::string&>();
      } else if (v->is_number()) {
        append_value(number, *v, false);
        name = number;
      } else {
        return;
      }
    }
    const Template* target = partials_.find(name);
    if (!target) {
      if (options_.missing_partial_is_error) {
        report(owner, tag,
               (tag.kind == Kind::kParent ? "unknown parent template " : "unknown partial ") +
                   in_quotes(name));
      }
      return;
    }
    if (depth_ >= kMaxDepth) {
      // Everything below here would recurse as well, so stop including until back at the top.
      report(owner, tag,
             "partial recursion deeper than " + std::to_string(kMaxDepth) + " levels (through " +
                 in_quotes(name) + ")");
      recursion_stopped_ = true;
      return;
    }
    if (options_.used_templates) options_.used_templates->emplace(name);

    Overrides frame{&tag, &owner, overrides};
    bool replaces = tag.kind == Kind::kParent && !tag.children.empty();
    ++depth_;
    size_t saved_indent = begin_indent(tag);
    render_nodes(target->nodes(), *target, replaces ? &frame : overrides);
    indent_.resize(saved_indent);
    if (--depth_ == 0) recursion_stopped_ = false;
  }

  void render_block(const Node& block, const Template& owner, const Overrides* overrides) {
    const Node* replacement = nullptr;
    const Template* replacement_owner = nullptr;
    for (const Overrides* o = overrides; o; o = o->outer) {
      for (const Node& candidate : o->parent->children) {
        if (candidate.text != block.text || is_active(&candidate)) continue;
        replacement = &candidate;
        replacement_owner = o->owner;
        break;
      }
    }
    if (!replacement) {
      render_nodes(block.children, owner, overrides);
      return;
    }
    // A replacement that contains its own block gets the next one in line (or the default)
    // there, instead of itself forever.
    active_.push_back(replacement);
    size_t saved_indent = begin_indent(block);
    render_nodes(replacement->children, *replacement_owner, overrides);
    indent_.resize(saved_indent);
    active_.pop_back();
  }

  bool is_active(const Node* replacement) const {
    for (const Node* n : active_) {
      if (n == replacement) return true;
    }
    return false;
  }

  size_t begin_indent(const Node& tag) {
    size_t saved = indent_.size();
    if (tag.indent.empty()) return saved;
    // A standalone tag reached in the middle of an output line (its template was included
    // inline) has lost the whitespace before it; put it back for the first line.
    if (tag.standalone && !at_line_start_) out_ += tag.indent;
    indent_ += tag.indent;
    return saved;
  }

  // `frame`, when given, receives the index in the stack of the frame the name was found in.
  const json* lookup(const std::vector<std::string>& path, size_t* frame = nullptr) {
    if (stack_.empty()) return nullptr;
    if (path.empty()) {
      if (frame) *frame = stack_.size() - 1;
      return stack_.back();
    }
    for (size_t f = stack_.size(); f-- > 0;) {
      if (in_candidate_ && f < candidate_floor_) looked_below_ = true;
      const json* j = stack_[f];
      if (!j || !j->is_object()) continue;
      auto found = j->find(path.front());
      if (found == j->end()) continue;
      if (frame) *frame = f;
      // The first frame holding the first part decides, even when the rest is missing there.
      const json* value = &*found;
      for (size_t i = 1; i < path.size(); ++i) {
        if (!value->is_object()) return nullptr;
        auto next = value->find(path[i]);
        if (next == value->end()) return nullptr;
        value = &*next;
      }
      return value;
    }
    return nullptr;
  }

  // Indentation goes before each line of template text, never inside interpolated data, and
  // not onto empty lines.
  void emit_text(std::string_view text) {
    if (indent_.empty()) {
      out_ += text;
      at_line_start_ = text.back() == '\n';
      return;
    }
    size_t pos = 0;
    while (pos < text.size()) {
      size_t newline = text.find('\n', pos);
      size_t stop = newline == std::string_view::npos ? text.size() : newline + 1;
      bool empty_line = text[pos] == '\n' || text.substr(pos, 2) == "\r\n";
      if (at_line_start_ && !empty_line) out_ += indent_;
      out_.append(text.substr(pos, stop - pos));
      at_line_start_ = newline != std::string_view::npos;
      pos = stop;
    }
  }

  void emit_value(const json& v, bool escape) {
    size_t before = out_.size();
    if (at_line_start_) out_ += indent_;
    size_t start = out_.size();
    append_value(out_, v, escape);
    if (out_.size() == start) {
      out_.resize(before);
    } else {
      at_line_start_ = false;
    }
  }

  void report(const Template& owner, const Node& tag, std::string message) {
    if (!errors_) return;
    // A tag inside a loop would otherwise report the same problem once per item.
    for (const auto& [node, text] : reported_) {
      if (node == &tag && text == message) return;
    }
    reported_.emplace_back(&tag, message);
    errors_->push_back({owner.name(), tag.line, tag.column, std::move(message)});
  }

  std::string& out_;
  const TemplateSource& partials_;
  const RenderOptions& options_;
  std::vector<Error>* errors_;

  std::vector<const json*> stack_;
  std::vector<bool> stable_;  // per stack entry: part of a stable frame (see SectionCache)
  SectionCache* cache_ = nullptr;
  bool in_candidate_ = false;   // rendering a section that may go into the cache
  size_t candidate_floor_ = 0;  // its first frame in the stack
  bool looked_below_ = false;   // a name inside it was looked up in the frames under it
  std::string indent_;
  bool at_line_start_ = true;
  int depth_ = 0;
  bool recursion_stopped_ = false;
  std::vector<const Node*> active_;  // replacement blocks being rendered
  std::vector<std::pair<const Node*, std::string>> reported_;
};

}  // namespace

std::shared_ptr<const Template> parse(std::string name, std::string_view source, Error* error) {
  Parser parser(source);
  std::vector<Node> nodes;
  if (!parser.run(&nodes)) {
    if (error) {
      const ParseError& e = parser.error();
      *error = {std::move(name), e.line, e.column, e.message};
    }
    return nullptr;
  }
  return std::make_shared<const Template>(std::move(name), std::move(nodes), source.size());
}

bool TemplateSet::add(const std::string& name, std::string_view source,
                      std::vector<Error>* errors) {
  Error error;
  std::shared_ptr<const Template> tmpl = parse(name, source, &error);
  if (!tmpl) {
    // Keeping an older version would render something the author no longer wrote.
    templates_.erase(name);
    if (errors) errors->push_back(std::move(error));
    return false;
  }
  templates_[name] = std::move(tmpl);
  return true;
}

const Template* TemplateSet::find(std::string_view name) const {
  auto found = templates_.find(name);
  return found == templates_.end() ? nullptr : found->second.get();
}

std::vector<std::string> TemplateSet::names() const {
  std::vector<std::string> names;
  names.reserve(templates_.size());
  for (const auto& [name, tmpl] : templates_) names.push_back(name);
  return names;
}

const SectionCache::Entry* SectionCache::find(const void* node, const nlohmann::json* value,
                                              const std::string& indent, bool at_line_start) const {
  auto it = entries_.find(Key(node, value, indent, at_line_start));
  return it == entries_.end() ? nullptr : &it->second;
}

void SectionCache::add(const void* node, const nlohmann::json* value, const std::string& indent,
                       bool at_line_start, Entry entry) {
  entries_.emplace(Key(node, value, indent, at_line_start), std::move(entry));
}

void render_to(std::string& out, const Template& tmpl,
               std::span<const nlohmann::json* const> context, const TemplateSource& partials,
               const RenderOptions& options, std::vector<Error>* errors) {
  out.reserve(out.size() + tmpl.source_size());
  Renderer(out, context, partials, options, errors).render(tmpl);
}

std::string render(const Template& tmpl, const nlohmann::json& data, const TemplateSource& partials,
                   const RenderOptions& options, std::vector<Error>* errors) {
  std::string out;
  const nlohmann::json* frames[] = {&data};
  render_to(out, tmpl, frames, partials, options, errors);
  return out;
}

void append_escaped(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view replacement;
    switch (text[i]) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case '\'':
        replacement = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.substr(run, i - run));
    out.append(replacement);
    run = i + 1;
  }
  out.append(text.substr(run));
}

}  // namespace wegwijzer::mustache
