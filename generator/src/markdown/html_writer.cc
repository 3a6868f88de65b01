#include "markdown/html_writer.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/houdini.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "markdown/cmark_node_access.h"

namespace wegwijzer::markdown {
namespace {

constexpr std::string_view kRawHtmlOmitted = "<!-- raw HTML omitted -->";

// What cmark-gfm's safe mode drops from a destination: these schemes, in any case, except data:
// for four image types.
bool is_dropped_destination(std::string_view url) {
  auto starts_with_lower = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      if (c != prefix[i]) return false;
    }
    return true;
  };
  for (std::string_view image :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
    if (starts_with_lower(image)) return false;
  }
  for (std::string_view scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (starts_with_lower(scheme)) return true;
  }
  return false;
}

// cmark's own test for the end of a code block's first info word.
constexpr bool is_cmark_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_tight_paragraph(const cmark_node* paragraph) {
  const cmark_node* list = paragraph->parent == nullptr ? nullptr : paragraph->parent->parent;
  return list != nullptr && type_of(list) == CMARK_NODE_LIST && list->as.list.tight;
}

int column_of(const cmark_node* cell) {
  int column = 0;
  for (const cmark_node* c = cell->prev; c != nullptr; c = c->prev) ++column;
  return column;
}

// cmark-gfm escapes these four only (houdini_escape_html0 without its "secure" flag).
const char* html_escape_of(char c) {
  switch (c) {
    case '"':
      return "&quot;";
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    default:
      return nullptr;
  }
}

// Where the next character to escape is, at or after `from`; text.size() if none. Prose rarely
// has one, so sixteen bytes are looked at a time.
size_t next_to_escape(std::string_view text, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'),
                gt = _mm_set1_epi8('>');
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, amp)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, gt)));
    if (int mask = _mm_movemask_epi8(hit); mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  for (; i < text.size(); ++i) {
    if (html_escape_of(text[i]) != nullptr) return i;
  }
  return i;
}

}  // namespace

void HtmlWriter::line_break() {
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
}

void HtmlWriter::escaped(std::string_view text) {
  size_t start = 0;
  for (size_t at = next_to_escape(text, 0); at < text.size(); at = next_to_escape(text, start)) {
    out_.append(text.data() + start, at - start);
    out_ += html_escape_of(text[at]);
    start = at + 1;
  }
  out_.append(text.data() + start, text.size() - start);
}

// Destinations are few and short: the library's own encoder keeps them exactly as it writes them.
void HtmlWriter::escaped_href(std::string_view url) {
  cmark_strbuf buffer;
  cmark_strbuf_init(cmark_get_default_mem_allocator(), &buffer, 0);
  houdini_escape_href(&buffer, reinterpret_cast<const uint8_t*>(url.data()),
                      static_cast<bufsize_t>(url.size()));
  out_.append(reinterpret_cast<const char*>(buffer.ptr), static_cast<size_t>(buffer.size));
  cmark_strbuf_free(&buffer);
}

void HtmlWriter::enter(cmark_node* node) {
  if (!ok_) return;
  cmark_node_type type = type_of(node);
  if (plain_ != nullptr) return write_plain(node, type);
  if (node->extension != nullptr) {
    if (type == CMARK_NODE_TABLE || type == CMARK_NODE_TABLE_ROW || type == CMARK_NODE_TABLE_CELL) {
      return enter_table_part(node, type);
    }
    if (type == CMARK_NODE_STRIKETHROUGH) {
      out_ += "<del>";
      return;
    }
    ok_ = false;  // a task list item, or another extension's node
    return;
  }
  if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE) return enter_inline(node, type);
  enter_block(node, type);
}

void HtmlWriter::enter_block(cmark_node* node, cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_DOCUMENT:
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      line_break();
      out_ += "<blockquote>\n";
      break;
    case CMARK_NODE_LIST:
      line_break();
      if (node->as.list.list_type == CMARK_BULLET_LIST) {
        out_ += "<ul>\n";
      } else if (node->as.list.start == 1) {
        out_ += "<ol>\n";
      } else {
        out_ += "<ol start=\"" + std::to_string(node->as.list.start) + "\">\n";
      }
      break;
    case CMARK_NODE_ITEM:
      line_break();
      out_ += "<li>";
      break;
    case CMARK_NODE_HEADING:
      line_break();
      out_ += "<h";
      heading_ids_at_.push_back(out_.size() + 1);
      out_ += static_cast<char>('0' + node->as.heading.level);
      out_ += '>';
      break;
    case CMARK_NODE_CODE_BLOCK: {
      line_break();
      std::string_view info = chunk_text(node->as.code.info);
      if (info.empty()) {
        out_ += "<pre><code>";
      } else {
        size_t word = 0;
        while (word < info.size() && !is_cmark_space(info[word])) ++word;
        out_ += "<pre><code class=\"language-";
        escaped(info.substr(0, word));
        out_ += "\">";
      }
      escaped(chunk_text(node->as.code.literal));
      out_ += "</code></pre>\n";
      break;
    }
    case CMARK_NODE_HTML_BLOCK:
      line_break();
      out_ += kRawHtmlOmitted;
      line_break();
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      line_break();
      out_ += "<hr />\n";
      break;
    case CMARK_NODE_PARAGRAPH:
      if (is_tight_paragraph(node)) break;
      line_break();
      out_ += "<p>";
      break;
    default:
      ok_ = false;  // footnote definitions, custom blocks
  }
}

void HtmlWriter::enter_inline(cmark_node* node, cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_TEXT:
      escaped(literal_of(node));
      break;
    case CMARK_NODE_LINEBREAK:
      out_ += "<br />\n";
      break;
    case CMARK_NODE_SOFTBREAK:
      out_ += '\n';
      break;
    case CMARK_NODE_CODE:
      out_ += "<code>";
      escaped(literal_of(node));
      out_ += "</code>";
      break;
    case CMARK_NODE_HTML_INLINE:
      out_ += kRawHtmlOmitted;
      break;
    case CMARK_NODE_EMPH:
      out_ += "<em>";
      break;
    case CMARK_NODE_STRONG:
      out_ += "<strong>";
      break;
    case CMARK_NODE_LINK:
      enter_link(node, "<a href=\"");
      break;
    case CMARK_NODE_IMAGE:
      enter_link(node, "<img src=\"");
      break;
    default:
      ok_ = false;  // footnote references, custom inlines
  }
}

void HtmlWriter::enter_link(cmark_node* node, const char* open) {
  out_ += open;
  std::string_view url = url_of(node);
  if (!is_dropped_destination(url)) escaped_href(url);
  if (type_of(node) == CMARK_NODE_IMAGE) {
    out_ += "\" alt=\"";
    plain_ = node;
    return;
  }
  std::string_view title = chunk_text(node->as.link.title);
  if (!title.empty()) {
    out_ += "\" title=\"";
    escaped(title);
  }
  out_ += "\">";
}

// Inside an image: its alt text, from the characters of what it holds.
void HtmlWriter::write_plain(cmark_node* node, cmark_node_type type) {
  if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE) {
    escaped(literal_of(node));
  } else if (type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_SOFTBREAK) {
    out_ += ' ';
  }
}

void HtmlWriter::enter_table_part(cmark_node* node, cmark_node_type type) {
  line_break();
  if (type == CMARK_NODE_TABLE) {
    out_ += "<table>";
    table_body_open_ = false;
  } else if (type == CMARK_NODE_TABLE_ROW) {
    if (cmark_gfm_extensions_get_table_row_is_header(node)) {
      in_table_header_ = true;
      out_ += "<thead>";
      line_break();
    } else if (!table_body_open_) {
      out_ += "<tbody>";
      line_break();
      table_body_open_ = true;
    }
    out_ += "<tr>";
  } else {
    out_ += in_table_header_ ? "<th" : "<td";
    const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node->parent->parent);
    switch (alignments == nullptr ? 0 : alignments[column_of(node)]) {
      case 'l':
        out_ += " align=\"left\"";
        break;
      case 'c':
        out_ += " align=\"center\"";
        break;
      case 'r':
        out_ += " align=\"right\"";
        break;
    }
    out_ += '>';
  }
}

void HtmlWriter::leave(cmark_node* node) {
  if (!ok_) return;
  cmark_node_type type = type_of(node);
  if (plain_ != nullptr) {
    if (node != plain_) return;
    plain_ = nullptr;
    std::string_view title = chunk_text(node->as.link.title);
    if (!title.empty()) {
      out_ += "\" title=\"";
      escaped(title);
    }
    out_ += "\" />";
    return;
  }
  if (node == replaced_) {
    replaced_ = nullptr;
    return;
  }
  if (node->extension != nullptr) {
    if (type == CMARK_NODE_STRIKETHROUGH) {
      out_ += "</del>";
    } else {
      leave_table_part(node, type);
    }
    return;
  }
  switch (type) {
    case CMARK_NODE_BLOCK_QUOTE:
      line_break();
      out_ += "</blockquote>\n";
      break;
    case CMARK_NODE_LIST:
      out_ += node->as.list.list_type == CMARK_BULLET_LIST ? "</ul>\n" : "</ol>\n";
      break;
    case CMARK_NODE_ITEM:
      out_ += "</li>\n";
      break;
    case CMARK_NODE_HEADING:
      out_ += "</h";
      out_ += static_cast<char>('0' + node->as.heading.level);
      out_ += ">\n";
      break;
    case CMARK_NODE_PARAGRAPH:
      if (!is_tight_paragraph(node)) out_ += "</p>\n";
      break;
    case CMARK_NODE_EMPH:
      out_ += "</em>";
      break;
    case CMARK_NODE_STRONG:
      out_ += "</strong>";
      break;
    case CMARK_NODE_LINK:
      out_ += "</a>";
      break;
    default:
      break;  // leaves, and the document
  }
}

void HtmlWriter::leave_table_part(cmark_node* node, cmark_node_type type) {
  if (type == CMARK_NODE_TABLE) {
    if (table_body_open_) {
      line_break();
      out_ += "</tbody>";
      line_break();
    }
    table_body_open_ = false;
    line_break();
    out_ += "</table>";
    line_break();
  } else if (type == CMARK_NODE_TABLE_ROW) {
    line_break();
    out_ += "</tr>";
    if (cmark_gfm_extensions_get_table_row_is_header(node)) {
      line_break();
      out_ += "</thead>";
      in_table_header_ = false;
    }
  } else {
    out_ += in_table_header_ ? "</th>" : "</td>";
  }
}

void HtmlWriter::replace(cmark_node* paragraph, std::string_view html) {
  if (!ok_) return;
  replaced_ = paragraph;
  line_break();
  out_ += html;
  line_break();
}

std::optional<std::string> HtmlWriter::take(const std::vector<std::string_view>& ids) {
  if (!ok_ || ids.size() != heading_ids_at_.size()) return std::nullopt;
  if (ids.empty()) return std::move(out_);
  std::string html;
  size_t extra = 0;
  for (std::string_view id : ids) extra += id.size() + 6;
  html.reserve(out_.size() + extra);
  size_t done = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    html.append(out_, done, heading_ids_at_[i] - done);
    html.append(" id=\"").append(ids[i]).append("\"");
    done = heading_ids_at_[i];
  }
  html.append(out_, done);
  return html;
}

}  // namespace wegwijzer::markdown
