#include "data/data_translation.h"

#include <algorithm>

#include "util/language_suffix.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

constexpr const char* kRecordKey = "translation_of";

// "x.en.json" -> {"x", 1} when "en" is languages[0]; {"", 0} otherwise.
std::pair<std::string, int> split_name(const std::string& file,
                                       const std::vector<std::string>& languages) {
  auto [plain, language] = split_language_suffix(file, ".json", languages);
  if (language == 0) return {"", 0};
  return {plain.substr(0, plain.size() - 5), language};
}

// The numbers written in digits in a text, in order: a translation may change words, never these.
std::vector<std::string> numbers_in(const std::string& text) {
  std::vector<std::string> numbers;
  for (size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    numbers.push_back(text.substr(i, end - i));
    i = end;
  }
  return numbers;
}

std::string listed(const std::vector<std::string>& numbers) {
  if (numbers.empty()) return "no numbers";
  std::string out;
  for (const std::string& n : numbers) out += (out.empty() ? "" : ", ") + n;
  return out;
}

const char* kind_of(const json& v) {
  return v.is_string()    ? "text"
         : v.is_object()  ? "an object"
         : v.is_array()   ? "a list"
         : v.is_number()  ? "a number"
         : v.is_boolean() ? "true or false"
                          : "null";
}

class Overlay {
 public:
  Overlay(const DataTranslation& t, Diagnostics* diags) : t_(t), diags_(diags) {}

  void merge(json* into, const json& from, const std::string& at) {
    if (from.is_object() && into->is_object()) return merge_object(into, from, at);
    if (from.is_array() && into->is_array()) return merge_array(into, from, at);
    if (from.is_string() && into->is_string()) {
      if (numbers_in(from.get_ref<const std::string&>()) !=
          numbers_in(into->get_ref<const std::string&>())) {
        fail(at, "a translation keeps every number of its original: the original has " +
                     listed(numbers_in(into->get_ref<const std::string&>())) + ", this has " +
                     listed(numbers_in(from.get_ref<const std::string&>())));
        return;
      }
      *into = from;
      return;
    }
    fail(at, std::string("only text can be translated: the original has ") + kind_of(*into) +
                 " here, the translation has " + kind_of(from));
  }

 private:
  void merge_object(json* into, const json& from, const std::string& at) {
    for (const auto& [key, value] : from.items()) {
      if (at.empty() && key == kRecordKey) continue;
      std::string here = at + "/" + pointer_escape(key);
      auto it = into->find(key);
      if (it == into->end()) {
        fail(here, "\"" + key + "\" is not in the original " + t_.name + ".json");
        continue;
      }
      merge(&*it, value, here);
    }
  }

  void merge_array(json* into, const json& from, const std::string& at) {
    bool all_text =
        std::all_of(into->begin(), into->end(), [](const json& v) { return v.is_string(); }) &&
        std::all_of(from.begin(), from.end(), [](const json& v) { return v.is_string(); });
    if (all_text) {
      *into = from;
      return;
    }
    for (size_t i = 0; i < from.size(); ++i) {
      std::string here = at + "/" + std::to_string(i);
      json* target = find_element(into, from[i], i, here);
      if (target) merge(target, from[i], here);
    }
  }

  // The element of the original that `element` translates: the one with its "id", or the one at
  // its position when the original's elements have no id.
  json* find_element(json* list, const json& element, size_t i, const std::string& at) {
    bool by_id = !list->empty() && (*list)[0].is_object() && (*list)[0].contains("id");
    if (!by_id) {
      if (i < list->size()) return &(*list)[i];
      fail(at, "the original list has only " + std::to_string(list->size()) + " elements");
      return nullptr;
    }
    const json* id = element.is_object() && element.contains("id") ? &element["id"] : nullptr;
    if (!id) {
      fail(at, "an element of this list needs the \"id\" of the element it translates");
      return nullptr;
    }
    for (json& candidate : *list) {
      if (candidate.is_object() && candidate.value("id", json()) == *id) return &candidate;
    }
    fail(at, "no element with id " + id->dump() + " in the original " + t_.name + ".json");
    return nullptr;
  }

  void fail(const std::string& at, const std::string& message) {
    t_.source.error(diags_, at, message);
  }

  const DataTranslation& t_;
  Diagnostics* diags_;
};

}  // namespace

bool is_data_translation(const std::string& path, const std::vector<std::string>& languages) {
  return !split_name(base_name(path), languages).first.empty();
}

std::vector<DataTranslation> load_data_translations(const FileSystem& fs,
                                                    const std::string& data_dir,
                                                    const std::vector<std::string>& languages,
                                                    Diagnostics* diags) {
  std::vector<DataTranslation> out;
  if (languages.empty()) return out;
  for (const std::string& path : fs.list_files(data_dir).files) {
    if (dir_of(path) != data_dir) continue;
    auto [name, language] = split_name(base_name(path), languages);
    if (name.empty()) continue;
    std::string text, error;
    if (!fs.read_file(path, &text, &error)) {
      diags->error(path, 0, 0, error);
      continue;
    }
    DataTranslation t{name, language, {}};
    if (!parse_json_source(path, std::move(text), &t.source, diags)) continue;
    if (!t.source.value.is_object()) {
      t.source.error(diags, "", "a translation of data is an object like its original");
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

json apply_translation(const json& original, const DataTranslation& t, Diagnostics* diags) {
  json merged = original;
  Overlay(t, diags).merge(&merged, t.source.value, "");
  return merged;
}

}  // namespace wegwijzer
