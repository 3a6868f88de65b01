#include "check/contact_literals.h"

#include <algorithm>

#include "data/phone.h"

namespace wegwijzer {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Blanks out what is not prose: {{ tags }} and {{< directives >}}, and the allowed text.
std::string masked(std::string_view text, const LiteralRules& rules) {
  std::string out(text);
  for (size_t open = out.find("{{"); open != std::string::npos; open = out.find("{{", open)) {
    size_t close = out.find("}}", open + 2);
    size_t end = close == std::string::npos ? out.size() : close + 2;
    std::fill(out.begin() + open, out.begin() + end, ' ');
    open = end;
  }
  for (const std::string& allowed : rules.allowed) {
    if (allowed.empty()) continue;
    for (size_t at = out.find(allowed); at != std::string::npos; at = out.find(allowed, at)) {
      std::fill(out.begin() + at, out.begin() + at + allowed.size(), ' ');
    }
  }
  return out;
}

// The longest Dutch phone number starting at `start` ("030 789 78 78", "0800-0113"); 0 if none.
size_t phone_length(const std::string& s, size_t start) {
  size_t end = start;
  while (end < s.size() && end - start < 16 && (is_digit(s[end]) || s[end] == ' ' || s[end] == '-'))
    ++end;
  for (; end > start; --end) {
    if (!is_digit(s[end - 1])) continue;
    if (end < s.size() && is_alnum(s[end])) continue;  // part of a longer word or number
    std::optional<std::string> tel = dutch_phone_to_tel(s.substr(start, end - start));
    if (tel && tel->starts_with("+")) return end - start;
  }
  return 0;
}

bool stands_alone(const std::string& s, size_t at, size_t length) {
  bool before_ok = at == 0 || (!is_alnum(s[at - 1]) && s[at - 1] != '-' && s[at - 1] != '/');
  size_t after = at + length;
  bool domain = after + 1 < s.size() && s[after] == '.' && is_alnum(s[after + 1]);
  bool after_ok = after == s.size() || (!is_alnum(s[after]) && s[after] != '-' && !domain);
  return before_ok && after_ok;
}

void find_phones(const std::string& s, const std::string_view original, const LiteralRules& rules,
                 std::vector<ContactLiteral>* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '0' || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/')))
      continue;
    if (size_t n = phone_length(s, i)) {
      out->push_back({i, std::string(original.substr(i, n)), false});
      i += n;
    }
  }
  for (const std::string& number : rules.short_numbers) {
    if (number.empty()) continue;
    for (size_t at = s.find(number); at != std::string::npos; at = s.find(number, at + 1)) {
      if (stands_alone(s, at, number.size())) out->push_back({at, number, false});
    }
  }
}

bool is_email_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

void find_emails(const std::string& s, std::string_view original,
                 std::vector<ContactLiteral>* out) {
  for (size_t at = s.find('@'); at != std::string::npos; at = s.find('@', at + 1)) {
    size_t begin = at, end = at + 1;
    while (begin > 0 && is_email_char(s[begin - 1])) --begin;
    while (end < s.size() && (is_alnum(s[end]) || s[end] == '.' || s[end] == '-')) ++end;
    while (end > at + 1 && s[end - 1] == '.') --end;  // the sentence's full stop
    std::string_view domain = std::string_view(s).substr(at + 1, end - at - 1);
    if (begin == at || domain.find('.') == std::string_view::npos) continue;
    out->push_back({begin, std::string(original.substr(begin, end - begin)), true});
  }
}

}  // namespace

bool may_hold_contact_literal(std::string_view text, const LiteralRules& rules) {
  if (text.find('@') != std::string_view::npos) return true;
  // Masking allowed text can make a '0' after it start a word; a {{tag}} ends in '}', which
  // starts a word as a space does.
  for (const std::vector<std::string>* list : {&rules.short_numbers, &rules.allowed}) {
    for (const std::string& s : *list) {
      if (!s.empty() && text.find(s) != std::string_view::npos) return true;
    }
  }
  for (size_t at = text.find('0'); at != std::string_view::npos; at = text.find('0', at + 1)) {
    if (at == 0) return true;
    char before = text[at - 1];
    if (!is_alnum(before) && before != '-' && before != '/') return true;
  }
  return false;
}

std::vector<ContactLiteral> find_contact_literals(std::string_view text,
                                                  const LiteralRules& rules) {
  if (!may_hold_contact_literal(text, rules)) return {};
  return scan_contact_literals(text, rules);
}

std::vector<ContactLiteral> scan_contact_literals(std::string_view text,
                                                  const LiteralRules& rules) {
  std::vector<ContactLiteral> found;
  std::string s = masked(text, rules);
  find_phones(s, text, rules, &found);
  find_emails(s, text, &found);
  std::sort(found.begin(), found.end(),
            [](const ContactLiteral& a, const ContactLiteral& b) { return a.offset < b.offset; });
  return found;
}

std::string contact_literal_message(const ContactLiteral& literal) {
  std::string what = literal.is_email ? "e-mail address" : "phone number";
  return what + " \"" + literal.text + "\" written as text: contact details come from the data, " +
         "with their source; put it in a data file with an \"id\" and write {{< feit id=\"...\" "
         ">}}";
}

}  // namespace wegwijzer
