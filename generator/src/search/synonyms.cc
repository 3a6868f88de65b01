#include "search/synonyms.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "search/text_folding.h"

namespace wegwijzer::search {

namespace {

struct SynonymReader {
  std::string_view text;
  const std::string& path;
  Diagnostics* diags;

  void fail(const YAML::Mark& mark, const std::string& message) const {
    diags->error(path, mark.line + 1, mark.column + 1, message,
                 std::string(line_text(text, mark.line + 1)));
  }
};

// The folded words of one value (a word or a phrase), or a reported failure.
bool read_alternatives(const SynonymReader& r, const std::string& key, const YAML::Node& value,
                       std::vector<std::string>* out) {
  std::vector<YAML::Node> items;
  if (value.IsScalar()) {
    items.push_back(value);
  } else if (value.IsSequence()) {
    for (const YAML::Node& item : value) items.push_back(item);
  }
  if (items.empty()) {
    r.fail(value.Mark(), "\"" + key + "\" needs a word or a list of words to search for as well");
    return false;
  }
  for (const YAML::Node& item : items) {
    std::vector<std::string> found =
        item.IsScalar() ? words(item.Scalar()) : std::vector<std::string>{};
    if (found.empty()) {
      r.fail(item.Mark(), "a synonym of \"" + key + "\" must be a word or a phrase");
      return false;
    }
    for (std::string& word : found) {
      if (word != key && std::find(out->begin(), out->end(), word) == out->end()) {
        out->push_back(std::move(word));
      }
    }
  }
  return true;
}

// Reads one `key: value` line into `result`; `seen` remembers the line of each key.
void read_entry(const SynonymReader& r, const YAML::Node& key_node, const YAML::Node& value,
                std::map<std::string, int>* seen, Synonyms* result) {
  std::vector<std::string> key_words =
      key_node.IsScalar() ? words(key_node.Scalar()) : std::vector<std::string>{};
  if (key_words.size() != 1) {
    std::string shown = key_node.IsScalar() ? "\"" + key_node.Scalar() + "\"" : "this key";
    r.fail(key_node.Mark(), shown + " must be one word: the key is the word a reader types");
    return;
  }
  const std::string& key = key_words[0];
  auto [it, fresh] = seen->emplace(key, key_node.Mark().line + 1);
  if (!fresh) {
    r.fail(key_node.Mark(),
           "\"" + key_node.Scalar() + "\" is already listed on line " + std::to_string(it->second));
    return;
  }
  std::vector<std::string> alternatives;
  if (read_alternatives(r, key_node.Scalar(), value, &alternatives) && !alternatives.empty()) {
    result->expansions[key] = std::move(alternatives);
  }
}

}  // namespace

Synonyms parse_synonyms(std::string_view text, const std::string& path, Diagnostics* diags) {
  SynonymReader r{text, path, diags};
  Synonyms result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    r.fail(e.mark, "invalid YAML: nested too deeply");
    return result;
  } catch (const YAML::Exception& e) {
    r.fail(e.mark, "invalid YAML: " + e.msg);
    return result;
  }
  if (root.IsNull()) return result;  // an empty file: no synonyms
  if (!root.IsMap()) {
    r.fail(root.Mark(), "the synonyms file must hold lines of the form `word: [other words]`");
    return result;
  }
  std::map<std::string, int> seen;
  for (const auto& entry : root) read_entry(r, entry.first, entry.second, &seen, &result);
  return result;
}

}  // namespace wegwijzer::search
