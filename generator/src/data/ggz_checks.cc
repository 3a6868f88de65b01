#include "data/ggz_checks.h"

#include <functional>
#include <map>
#include <set>

#include "data/json_access.h"
#include "data/phone.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

const JsonSource* find(const DataFiles& data, const char* name) {
  auto it = data.find(name);
  return it == data.end() ? nullptr : &it->second;
}

// Visits every array member `list` of `root`, with its JSON pointer.
void each(const json& root, const std::string& list, const std::string& base,
          const std::function<void(const json&, const std::string&)>& visit) {
  const json& items = list_of(root, list.c_str());
  for (size_t i = 0; i < items.size(); ++i)
    visit(items[i], base + "/" + list + "/" + std::to_string(i));
}

void check_gemeenten(const JsonSource& g, std::set<std::string>* codes,
                     std::set<std::string>* provinces, Diagnostics* diags) {
  std::map<std::string, std::string> slugs;
  each(g.value, "gemeenten", "", [&](const json& gm, const std::string& at) {
    std::string code = str(gm, "code");
    if (!codes->insert(code).second)
      g.error(diags, at + "/code", "gemeente code " + code + " appears twice");
    std::string slug = str(gm, "slug");
    auto [it, fresh] = slugs.emplace(slug, code);
    if (!fresh) g.error(diags, at + "/slug", "slug \"" + slug + "\" is also used by " + it->second);
    provinces->insert(str(gm, "provincie"));
  });
}

void check_regions(const JsonSource& r, const std::set<std::string>& codes, Diagnostics* diags) {
  for (const json& kind_name : list_of(r.value, "soorten")) {
    if (!kind_name.is_string()) continue;
    std::string kind = text(kind_name);
    std::string base = "/" + pointer_escape(kind);
    if (member(r.value, kind.c_str()).is_null()) {
      r.error(diags, "/soorten", "region kind \"" + kind + "\" is listed but has no entry");
      continue;
    }
    std::map<std::string, std::string> region_of;  // gemeente -> region id
    each(member(r.value, kind.c_str()), "regios", base,
         [&](const json& region, const std::string& at) {
           std::string id = str(region, "id");
           each(region, "gemeenten", at, [&](const json& code_value, const std::string& code_at) {
             if (!code_value.is_string()) {
               r.error(diags, code_at,
                       "a gemeente code in " + kind + " region " + id +
                           " must be a string such as \"GM0363\", not " + code_value.type_name());
               return;
             }
             std::string code = text(code_value);
             if (!codes.count(code)) {
               r.error(diags, code_at,
                       "unknown gemeente " + code + " in " + kind + " region " + id);
               return;
             }
             auto [it, fresh] = region_of.emplace(code, id);
             if (!fresh) {
               r.error(diags, code_at,
                       "gemeente " + code + " is in two " + kind + " regions: " + it->second +
                           " and " + id);
             }
           });
         });
    for (const std::string& code : codes) {
      if (!region_of.count(code))
        r.error(diags, base + "/regios", "gemeente " + code + " is in no " + kind + " region");
    }
  }
}

void check_postcodes(const JsonSource& p, const std::set<std::string>& codes, Diagnostics* diags) {
  for (const auto& [pc4, list] : fields(member(p.value, "postcodes")).items()) {
    if (!list.is_array()) continue;  // the schema's to report
    for (size_t i = 0; i < list.size(); ++i) {
      std::string at = "/postcodes/" + pointer_escape(pc4) + "/" + std::to_string(i);
      if (!list[i].is_string()) {
        p.error(
            diags, at,
            "postcode " + pc4 + " must list gemeente codes as strings, not " + list[i].type_name());
        continue;
      }
      std::string code = text(list[i]);
      if (!codes.count(code)) {
        p.error(diags, at, "postcode " + pc4 + " points at unknown gemeente " + code);
      }
    }
  }
}

void check_channels(const JsonSource& src, const json& channels, const std::string& at,
                    Diagnostics* diags) {
  if (!channels.is_array()) return;
  for (size_t i = 0; i < channels.size(); ++i) {
    const json& ch = channels[i];
    if (!member(ch, "waarde").is_string()) continue;  // schema's job
    std::string kind = str(ch, "soort"), value = str(ch, "waarde");
    std::string here = at + "/" + std::to_string(i) + "/waarde";
    if ((kind == "telefoon" || kind == "whatsapp") && !dutch_phone_to_tel(value)) {
      src.error(diags, here, "\"" + value + "\" is not a well-formed Dutch phone number");
    } else if (kind == "email" &&
               (value.find('@') == std::string::npos || value.find(' ') != std::string::npos)) {
      src.error(diags, here, "\"" + value + "\" is not an e-mail address");
    } else if ((kind == "chat" || kind == "website") && !value.starts_with("https://")) {
      src.error(diags, here, "\"" + value + "\" must be an https:// address");
    }
  }
}

// A reference to a contact ("contact": "113") must name one in contacten.json.
void check_contact_refs(const JsonSource& src, const json& value, const std::string& at,
                        const std::set<std::string>& contacts, Diagnostics* diags) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      std::string here = at + "/" + pointer_escape(key);
      if (key == "contact" && item.is_string() && !contacts.count(text(item))) {
        src.error(diags, here, "unknown contact \"" + text(item) + "\" (not in contacten.json)");
      }
      check_contact_refs(src, item, here, contacts, diags);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      check_contact_refs(src, value[i], at + "/" + std::to_string(i), contacts, diags);
    }
  }
}

void check_question_tree(const JsonSource& v, Diagnostics* diags) {
  std::map<std::string, size_t> index;
  const json& nodes = list_of(v.value, "knopen");
  for (size_t i = 0; i < nodes.size(); ++i) {
    std::string id = str(nodes[i], "id");
    if (!index.emplace(id, i).second)
      v.error(diags, "/knopen/" + std::to_string(i) + "/id", "node \"" + id + "\" appears twice");
  }
  std::string start = str(v.value, "start");
  if (!index.count(start)) {
    v.error(diags, "/start", "start node \"" + start + "\" does not exist");
    return;
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    std::string at = "/knopen/" + std::to_string(i);
    bool question = str(nodes[i], "soort") == "vraag";
    const json& answers = list_of(nodes[i], "antwoorden");
    if (question && answers.empty())
      v.error(diags, at, "dead end: question \"" + str(nodes[i], "id") + "\" has no answers");
    for (size_t a = 0; a < answers.size(); ++a) {
      std::string to = str(answers[a], "naar");
      if (!index.count(to))
        v.error(diags, at + "/antwoorden/" + std::to_string(a) + "/naar",
                "dead end: answer leads to unknown node \"" + to + "\"");
    }
  }
  // Depth-first from the start: a node met again while still on the path closes a cycle.
  std::vector<int> state(nodes.size(), 0);  // 0 unseen, 1 on the path, 2 done
  std::function<void(size_t)> visit = [&](size_t i) {
    state[i] = 1;
    const json& answers = list_of(nodes[i], "antwoorden");
    for (size_t a = 0; a < answers.size(); ++a) {
      auto it = index.find(str(answers[a], "naar"));
      if (it == index.end()) continue;
      if (state[it->second] == 1) {
        v.error(diags,
                "/knopen/" + std::to_string(i) + "/antwoorden/" + std::to_string(a) + "/naar",
                "cycle: \"" + str(nodes[i], "id") + "\" leads back to \"" + it->first + "\"");
      } else if (state[it->second] == 0) {
        visit(it->second);
      }
    }
    state[i] = 2;
  };
  visit(index[start]);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (state[i] == 0)
      v.error(diags, "/knopen/" + std::to_string(i),
              "node \"" + str(nodes[i], "id") + "\" cannot be reached from the start");
  }
}

}  // namespace

void check_ggz_data(const DataFiles& data, Diagnostics* diags) {
  std::set<std::string> codes, provinces, contacts;
  if (const JsonSource* g = find(data, "gemeenten")) check_gemeenten(*g, &codes, &provinces, diags);
  if (const JsonSource* r = find(data, "regios"); r && !codes.empty())
    check_regions(*r, codes, diags);
  if (const JsonSource* p = find(data, "postcodes"); p && !codes.empty())
    check_postcodes(*p, codes, diags);
  if (const JsonSource* c = find(data, "contacten")) {
    each(c->value, "contacten", "", [&](const json& contact, const std::string& at) {
      std::string id = str(contact, "id");
      if (!contacts.insert(id).second)
        c->error(diags, at + "/id", "contact \"" + id + "\" appears twice");
      check_channels(*c, member(contact, "kanalen"), at + "/kanalen", diags);
    });
  }
  if (const JsonSource* t = find(data, "tafels")) {
    each(t->value, "tafels", "", [&](const json& tafel, const std::string& at) {
      each(tafel, "gebied_provincies", at, [&](const json& p, const std::string& p_at) {
        if (!codes.empty() && p.is_string() && !provinces.count(text(p))) {
          t->error(diags, p_at, "unknown province \"" + text(p) + "\"");
        }
      });
      check_channels(*t, member(member(tafel, "aanmelden"), "kanalen"), at + "/aanmelden/kanalen",
                     diags);
    });
  }
  for (const char* name : {"stappen", "vragen", "crisis"}) {
    if (const JsonSource* s = find(data, name); s && find(data, "contacten")) {
      check_contact_refs(*s, s->value, "", contacts, diags);
    }
  }
  if (const JsonSource* v = find(data, "vragen")) check_question_tree(*v, diags);
}

}  // namespace wegwijzer
