#include "site/strings.h"

#include <yaml-cpp/yaml.h>

#include "content/yaml_json.h"

namespace wegwijzer {

const char* const kRequiredStrings[] = {"date", "not_found_title", "footnote_back", "heading_id",
                                        nullptr};

std::string Strings::text(const char* key) const {
  auto it = values.find(key);
  return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Strings::date(const std::string& iso) const {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  auto months = values.find("months");
  if (month < 1 || month > 12 || months == values.end() || !months->is_array() ||
      months->size() != 12 || !(*months)[month - 1].is_string()) {
    return iso;
  }
  std::string out = text("date");
  auto put = [&](const std::string& field, const std::string& value) {
    size_t at = out.find(field);
    if (at != std::string::npos) out.replace(at, field.size(), value);
  };
  put("{day}", std::to_string(day));
  put("{month}", (*months)[month - 1].get<std::string>());
  put("{year}", iso.substr(0, 4));
  return out;
}

namespace {

void check_strings(const Strings& s, const std::string& origin, Diagnostics* diags) {
  for (const char* const* key = kRequiredStrings; *key; ++key) {
    if (s.text(*key).empty())
      diags->error(origin, 0, 0, std::string("missing string \"") + *key + "\"");
  }
  auto months = s.values.find("months");
  bool ok = months != s.values.end() && months->is_array() && months->size() == 12;
  for (size_t i = 0; ok && i < 12; ++i) ok = (*months)[i].is_string();
  if (!ok) diags->error(origin, 0, 0, "\"months\" must be a list of the 12 month names");
}

std::string languages_in(const std::map<std::string, std::pair<std::string, std::string>>& files) {
  std::string list;
  for (const auto& [path, entry] : files) {
    if (!path.starts_with("templates/strings/") || !path.ends_with(".yaml")) continue;
    std::string lang = path.substr(18, path.size() - 18 - 5);
    list += (list.empty() ? "" : ", ") + lang;
  }
  return list.empty() ? "none" : list;
}

}  // namespace

void check_same_keys(const Strings& own, const Strings& other, Diagnostics* diags) {
  std::vector<std::string> missing;
  for (const auto& [key, value] : own.values.items()) {
    if (!other.values.contains(key)) missing.push_back(key);
  }
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size() && i < 5; ++i) list += (i ? ", " : "") + missing[i];
  if (missing.size() > 5) list += ", ...";
  diags->warning("templates/strings/" + other.language + ".yaml", 0, 0,
                 "lacks " + std::to_string(missing.size()) +
                     " of the words that templates/strings/" + own.language + ".yaml has (" + list +
                     "): pages in \"" + other.language + "\" show nothing where they go");
}

Strings load_strings(const std::map<std::string, std::pair<std::string, std::string>>& files,
                     const std::string& language, Diagnostics* diags) {
  Strings s;
  s.language = language;
  auto it = files.find("templates/strings/" + language + ".yaml");
  if (it == files.end()) {
    diags->error("templates/strings/" + language + ".yaml", 0, 0,
                 "the theme has no words for the site's language \"" + language +
                     "\" (it has: " + languages_in(files) + ")");
    return s;
  }
  const auto& [bytes, origin] = it->second;
  try {
    YAML::Node root = YAML::Load(bytes);
    nlohmann::json values = yaml_to_json(root);
    if (!values.is_object()) throw std::runtime_error("the file must hold key: text lines");
    s.values = std::move(values);
  } catch (const std::exception& e) {
    diags->error(origin, 0, 0, std::string("cannot read the strings: ") + e.what());
    return s;
  }
  check_strings(s, origin, diags);
  return s;
}

}  // namespace wegwijzer
