#include "site/ggz_pages.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "data/json_access.h"
#include "data/phone.h"
#include "data/provenance.h"
#include "site/context.h"
#include "site/url_resolver.h"
#include "util/slug.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

const json& data_set(const Site& site, const char* name) {
  return member(site.data, name);
}

// Where a page made from data comes from: the data file, and the record that made it, so that a
// problem with the page is reported at that record's line. The record is looked up only then:
// it is the `nth` (0-based) element of the file's list `list` whose `key` is `value` (published
// data leaves records out, so its indexes are not the file's).
struct Origin {
  std::string path;                 // "content/data/gemeenten.json"
  const JsonSource* src = nullptr;  // the raw file, when loaded
  const char* list = "";
  const char* key = "";
  std::string value;
  int nth = 0;

  void error(Diagnostics* diags, const std::string& message) const {
    if (!src) {
      diags->error(path, 0, 0, message);
      return;
    }
    std::string pointer = "/" + std::string(list);
    const json& items = list_of(src->value, list);
    int seen = 0;
    for (size_t i = 0; *key && i < items.size(); ++i) {
      if (str(items[i], key) == value && seen++ == nth) {
        pointer += "/" + std::to_string(i) + "/" + key;
        break;
      }
    }
    src->error(diags, pointer, message);
  }
};

Origin origin_of(const DataFiles& raw, const std::string& name, const char* list, const char* key,
                 const std::string& value, int nth) {
  auto it = raw.find(name);
  if (it == raw.end())
    return Origin{"content/data/" + name + ".json", nullptr, list, key, value, nth};
  return Origin{it->second.path, &it->second, list, key, value, nth};
}

int add_page(Site* site, const std::string& url, const std::string& title,
             const std::string& layout, PageKind kind, int parent, json context,
             const Origin& where, Diagnostics* diags) {
  const std::string& origin = where.path;
  Page page;
  page.derived = true;
  page.kind = kind;
  page.url = url;
  page.output_path = output_path_for_url(url);
  page.layout = layout;
  page.front_matter.title = title;
  // A page made from a data set last changed when its data did: "content/data/x.json" -> x.
  std::string set = origin.substr(origin.rfind('/') + 1);
  if (set.ends_with(".json")) set.resize(set.size() - 5);
  page.front_matter.lastmod = str(member(data_set(*site, set.c_str()), "bron"), "opgenomen");
  page.parent = parent;
  page.derived_context = std::move(context);
  int index = static_cast<int>(site->pages.size());
  auto [it, fresh] = site->page_by_url.emplace(url, index);
  if (!fresh) {
    const Page& other = site->pages[it->second];
    where.error(
        diags, "the page " + url + " made from this data is also claimed by " +
                   (other.source_path.empty() ? "another page made from data" : other.source_path));
    return -1;
  }
  site->pages.push_back(std::move(page));
  if (parent >= 0) {
    auto& list =
        kind == PageKind::kSection ? site->pages[parent].sections : site->pages[parent].pages;
    list.push_back(index);
  }
  return index;
}

// Sorting key for the A–Z list: "'s-Hertogenbosch" belongs under H, as Dutch lists do it.
std::string sort_key(const std::string& name) {
  std::string key = slugify(name);
  if ((name.starts_with("'s-") || name.starts_with("'t ")) && key.size() > 2) key = key.substr(2);
  return key;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

namespace {

json link_items(const Site& site, const json& links) {
  json out = json::array();
  if (!links.is_array()) return out;
  const json& contacts = list_of(data_set(site, "contacten"), "contacten");
  for (const json& l : links) {
    json item = {{"titel", str(l, "titel")}};
    if (!str(l, "pagina").empty()) {
      item["url"] = str(l, "pagina");
    } else if (!str(l, "contact").empty()) {
      std::string id = str(l, "contact");
      auto it = std::find_if(contacts.begin(), contacts.end(),
                             [&](const json& c) { return str(c, "id") == id; });
      if (it == contacts.end()) continue;  // held back as unverified
      item["contact"] = contact_card(*it, site.strings);
    }
    out.push_back(std::move(item));
  }
  return out;
}

// A step as templates show it: its links resolved, with flags for the optional parts.
json step_json(const Site& site, const json& s) {
  json step = s.is_object() ? s : json::object();
  step["links"] = link_items(site, member(s, "links"));
  step["has_links"] = !step["links"].empty();
  step["has_wat_zeg_je"] = !list_of(s, "wat_zeg_je").empty();
  return step;
}

struct Gemeente {
  std::string code, naam, naam_cbs, slug, provincie, officiele_naam;
  std::string label;  // the name, with the province where two gemeenten share it
};

std::vector<Gemeente> gemeenten_of(const Site& site) {
  std::vector<Gemeente> list;
  std::map<std::string, int> uses;
  for (const json& g : list_of(data_set(site, "gemeenten"), "gemeenten")) {
    list.push_back({str(g, "code"), str(g, "naam"), str(g, "naam_cbs"), str(g, "slug"),
                    str(g, "provincie"), str(g, "officiele_naam"), ""});
    ++uses[list.back().naam];
  }
  // Two Bergens: whoever types the name must be able to tell them apart.
  for (Gemeente& g : list) g.label = uses[g.naam] > 1 ? g.naam + " (" + g.provincie + ")" : g.naam;
  return list;
}

json tafels_overview(const Site& site) {
  const json& tafels = data_set(site, "tafels");
  json known = json::array();
  size_t unknown = 0;
  for (const json& t : list_of(tafels, "tafels")) {
    if (str(t, "status") != "onbekend") {
      known.push_back({{"naam", str(t, "naam")},
                       {"gebied", str(t, "gebied")},
                       {"url", "/regiotafels/" + str(t, "id") + "/"}});
    } else {
      ++unknown;
    }
  }
  const json& count = member(member(tafels, "algemeen"), "aantal_tafels");
  size_t total = count.is_number_unsigned() ? count.get<size_t>() : known.size() + unknown;
  size_t missing = total > known.size() ? total - known.size() : 0;
  json feiten = json::array();
  for (const json& f : list_of(member(tafels, "algemeen"), "feiten"))
    feiten.push_back(str(f, "tekst"));
  return {
      {"bekend", std::move(known)},  {"aantal", total},
      {"aantal_onbekend", missing},  {"has_onbekend", missing > 0},
      {"feiten", std::move(feiten)}, {"aanmelden", str(member(tafels, "algemeen"), "aanmelden")}};
}

json tafel_for_province(const Site& site, const std::string& provincie) {
  for (const json& t : list_of(data_set(site, "tafels"), "tafels")) {
    if (str(t, "status") == "onbekend") continue;
    for (const json& p : list_of(t, "gebied_provincies")) {
      if (p == provincie)
        return {{"naam", str(t, "naam")}, {"url", "/regiotafels/" + str(t, "id") + "/"}};
    }
  }
  return nullptr;
}

// "Waar kun je in {naam} terecht?" with the name in its place.
std::string with_name(std::string text, const std::string& name) {
  size_t at = text.find("{naam}");
  if (at != std::string::npos) text.replace(at, 6, name);
  return text;
}

// The gemeente's own website (a fact "website-gm0363"), only where it may be shown: a link to the
// gemeente, never a care or crisis contact.
json gemeente_website(const Site& site, const std::string& code) {
  std::string id = "website-";
  for (char c : code) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = site.facts.find(id);
  if (it == site.facts.end() || !it->second.shown) return nullptr;
  return {{"href", it->second.href},
          {"text", it->second.text},
          {"herkomst", herkomst_frame(it->second.record, site.strings)}};
}

// Where the gemeente's own help is reached (gemeente-lokaal.json), each channel as a card: only
// what may be shown is in the published data. "compleet" when every kind is known.
std::map<std::string, json> local_help_by_code(const Site& site) {
  static const char* const kKinds[] = {"clientondersteuning", "wmo_loket", "jeugdhulp", "ggd",
                                       "bemoeizorg",          "time_out"};
  std::map<std::string, json> by_code;
  for (const json& record : list_of(data_set(site, "gemeente-lokaal"), "gemeenten")) {
    json local = json::object();
    bool complete = true;
    for (const char* kind : kKinds) {
      const json& channel = member(record, kind);
      if (!channel.is_object()) {
        complete = false;
        continue;
      }
      json card = contact_card(json{{"kanalen", json::array({channel})}}, site.strings);
      if (!card["kanalen"].empty()) local[kind] = card["kanalen"][0];
    }
    local["compleet"] = complete;
    by_code[str(record, "gemeente")] = std::move(local);
  }
  return by_code;
}

void add_gemeente_pages(Site* site, const DataFiles& raw, Diagnostics* diags) {
  std::vector<Gemeente> all = gemeenten_of(*site);
  if (all.empty()) return;
  const Origin origin = origin_of(raw, "gemeenten", "gemeenten", "", "", 0);
  std::vector<Gemeente> sorted = all;
  std::sort(sorted.begin(), sorted.end(), [](const Gemeente& a, const Gemeente& b) {
    return sort_key(a.naam) < sort_key(b.naam);
  });
  json letters = json::array();
  for (const Gemeente& g : sorted) {
    std::string key = sort_key(g.naam);
    std::string letter(
        1, key.empty() ? '#' : static_cast<char>(std::toupper(static_cast<unsigned char>(key[0]))));
    if (letters.empty() || letters.back()["letter"] != letter) {
      letters.push_back(
          {{"letter", letter},
           {"id", "letter-" + std::string(1, static_cast<char>(std::tolower(
                                                 static_cast<unsigned char>(letter[0]))))},
           {"gemeenten", json::array()}});
    }
    letters.back()["gemeenten"].push_back(
        {{"naam", g.label}, {"url", "/gemeente/" + g.slug + "/"}});
  }
  int index = add_page(site, "/gemeente/", site->strings.text("gemeenten_title"), "gemeenten",
                       PageKind::kSection, site->home,
                       {{"letters", std::move(letters)}, {"aantal", all.size()}}, origin, diags);
  if (index < 0) return;
  site->pages[index].front_matter.description = site->strings.text("gemeenten_description");
  site->pages[index].front_matter.weight = 50;
  site->pages[index].front_matter.params["menu"] = false;

  // Which regions each gemeente lies in, for every kind of region that is published.
  std::map<std::string, json> regions_of;
  const json& regios = data_set(*site, "regios");
  for (const json& kind : list_of(regios, "soorten")) {
    if (!kind.is_string()) continue;
    const json& k = member(regios, text(kind).c_str());
    if (!k.is_object()) continue;  // held back as unverified
    for (const json& region : list_of(k, "regios")) {
      for (const json& code : list_of(region, "gemeenten")) {
        if (!code.is_string()) continue;
        regions_of[text(code)].push_back({{"soort", str(k, "enkelvoud")},
                                          {"naam", str(region, "naam")},
                                          {"herkomst", herkomst_frame(k, site->strings)}});
      }
    }
  }
  std::map<std::string, int> slug_uses;
  std::map<std::string, json> local_help = local_help_by_code(*site);
  for (const Gemeente& g : all) {
    json tafel = tafel_for_province(*site, g.provincie);
    json context = {
        {"website", gemeente_website(*site, g.code)},
        {"lokaal", local_help.count(g.code) ? local_help[g.code] : json::object()},
        {"gemeente",
         {{"code", g.code},
          {"naam", g.naam},
          {"label", g.label},
          {"naam_cbs", g.naam_cbs},
          {"slug", g.slug},
          {"provincie", g.provincie},
          {"officiele_naam", g.officiele_naam}}},
        {"regios", regions_of.count(g.code) ? regions_of[g.code] : json::array()},
        {"has_tafel", !tafel.is_null()},
        {"tafel", tafel},
    };
    int p = add_page(site, "/gemeente/" + g.slug + "/", g.label, "gemeente", PageKind::kPage, index,
                     std::move(context),
                     origin_of(raw, "gemeenten", "gemeenten", "slug", g.slug, slug_uses[g.slug]++),
                     diags);
    if (p >= 0)
      site->pages[p].front_matter.description =
          with_name(site->strings.text("gemeente_description"), g.label);
  }
}

void add_tafel_pages(Site* site, const DataFiles& raw, Diagnostics* diags) {
  const json& tafels = data_set(*site, "tafels");
  if (tafels.is_null()) return;
  const Origin origin = origin_of(raw, "tafels", "tafels", "", "", 0);
  json overview = tafels_overview(*site);
  int index = add_page(site, "/regiotafels/", site->strings.text("tafels_title"), "tafels",
                       PageKind::kSection, site->home, {{"tafels", overview}}, origin, diags);
  if (index < 0) return;
  site->pages[index].front_matter.weight = 51;
  site->pages[index].front_matter.params["menu"] = false;
  std::vector<Gemeente> all = gemeenten_of(*site);
  std::map<std::string, int> id_uses;
  for (const json& t : list_of(tafels, "tafels")) {
    if (str(t, "status") == "onbekend") continue;
    json gemeenten = json::array();
    for (const Gemeente& g : all) {
      for (const json& p : list_of(t, "gebied_provincies")) {
        if (p == g.provincie)
          gemeenten.push_back({{"naam", g.naam}, {"url", "/gemeente/" + g.slug + "/"}});
      }
    }
    json kanalen = json::array();
    const json& aanmelden = member(t, "aanmelden");
    for (const json& ch : list_of(aanmelden, "kanalen")) {
      json one = json::object();
      one["kanalen"] = json::array();
      one["kanalen"].push_back(ch);
      json card = contact_card(
          one, site->strings);  // a named copy: ranging over a temporary's member dangles
      for (json& c : card["kanalen"]) kanalen.push_back(std::move(c));  // none if held back
    }
    json context = {{"tafel",
                     {{"naam", str(t, "naam")},
                      {"gebied", str(t, "gebied")},
                      {"coordinatie", str(t, "coordinatie")},
                      {"aanmelden", str(aanmelden, "tekst")},
                      {"kanalen", std::move(kanalen)},
                      {"herkomst", herkomst_frame(t, site->strings)},
                      {"has_gemeenten", !gemeenten.empty()},
                      {"gemeenten", std::move(gemeenten)}}}};
    std::string id = str(t, "id");
    add_page(site, "/regiotafels/" + id + "/", str(t, "naam"), "tafel", PageKind::kPage, index,
             std::move(context), origin_of(raw, "tafels", "tafels", "id", id, id_uses[id]++),
             diags);
  }
}

void add_route_pages(Site* site, const DataFiles& raw, Diagnostics* diags) {
  const json& vragen = data_set(*site, "vragen");
  if (vragen.is_null()) return;
  std::string start = str(vragen, "start");
  auto url_of = [&](const std::string& id) {
    return id == start ? std::string("/route/") : "/route/" + id + "/";
  };
  // The start question is the section page; the rest hang below it. Titles stay neutral so that
  // a browser's history does not tell what someone answered.
  const std::string title = site->strings.text("route_title");
  int index = -1;
  std::vector<const json*> nodes;
  for (const json& n : list_of(vragen, "knopen")) nodes.push_back(&n);
  std::stable_partition(nodes.begin(), nodes.end(),
                        [&](const json* n) { return str(*n, "id") == start; });
  int number = 0;
  std::map<std::string, int> id_uses;
  for (const json* n : nodes) {
    ++number;
    bool question = str(*n, "soort") == "vraag";
    json context = {{"is_vraag", question}, {"is_advies", !question}, {"route_start", "/route/"}};
    if (question) {
      json answers = json::array();
      for (const json& a : list_of(*n, "antwoorden"))
        answers.push_back({{"tekst", str(a, "tekst")}, {"url", url_of(str(a, "naar"))}});
      context["vraag"] = {{"vraag", str(*n, "vraag")},
                          {"uitleg", str(*n, "uitleg")},
                          {"antwoorden", std::move(answers)}};
    } else {
      context["advies"] = {{"titel", str(*n, "titel")},
                           {"wat_doe_je", member(*n, "wat_doe_je")},
                           {"waarom", str(*n, "waarom")},
                           {"links", link_items(*site, member(*n, "links"))}};
    }
    std::string id = str(*n, "id");
    bool is_start = id == start;
    int p = add_page(site, url_of(id), title, question ? "vraag" : "advies",
                     is_start ? PageKind::kSection : PageKind::kPage, is_start ? site->home : index,
                     std::move(context),
                     origin_of(raw, "vragen", "knopen", "id", id, id_uses[id]++), diags);
    if (p < 0) continue;
    site->pages[p].front_matter.params["sitemap"] = is_start;
    site->pages[p].front_matter.weight = is_start ? 3 : number;
    if (is_start) {
      index = p;
      site->pages[p].front_matter.description = site->strings.text("route_description");
      site->pages[p].front_matter.params["menu"] = true;
    }
  }
}

void add_open_data(Site* site, Diagnostics* diags) {
  if (!site->data.is_object() || site->data.empty()) return;
  json sets = json::array();
  for (const auto& [name, value] : site->data.items()) {
    const json& bron = member(value, "bron");
    json set = {{"naam", name},
                {"json", "/data/" + name + ".json"},
                {"bron", str(bron, "source")},
                {"licentie", str(bron, "licentie")},
                {"vermelding", str(bron, "vermelding")},
                {"opgenomen_nl", site->strings.date(str(bron, "opgenomen"))}};
    if (name == "gemeenten" || name == "postcodes") set["csv"] = "/data/" + name + ".csv";
    sets.push_back(std::move(set));
  }
  std::string newest;
  for (const auto& [name, value] : site->data.items())
    newest = std::max(newest, str(member(value, "bron"), "opgenomen"));
  int index = add_page(site, "/data/", site->strings.text("data_title"), "data", PageKind::kSection,
                       site->home, {{"datasets", std::move(sets)}},
                       Origin{"content/data", nullptr, "", "", "", 0}, diags);
  if (index >= 0) site->pages[index].front_matter.lastmod = newest;
  if (index >= 0) {
    site->pages[index].front_matter.weight = 90;
    site->pages[index].front_matter.params["menu"] = false;
    site->pages[index].front_matter.description = site->strings.text("data_description");
  }

  std::vector<Gemeente> all = gemeenten_of(*site);
  std::map<std::string, const Gemeente*> by_code;
  for (const Gemeente& g : all) by_code[g.code] = &g;
  if (!all.empty()) {
    std::string csv = "code,naam,naam_cbs,provincie,slug\n";
    for (const Gemeente& g : all) {
      csv += csv_field(g.code) + "," + csv_field(g.naam) + "," + csv_field(g.naam_cbs) + "," +
             csv_field(g.provincie) + "," + csv_field(g.slug) + "\n";
    }
    site->generated["data/gemeenten.csv"] = csv;
    // The finder's name index: what people type ("Den Bosch") to the page it means.
    // An entry's first term is what the finder shows ("Bergen (Limburg)"); a name that several
    // gemeenten share leads to a choice, not to the first of them.
    json names = json::array();
    const json& records = list_of(data_set(*site, "gemeenten"), "gemeenten");  // as gemeenten_of
    for (size_t i = 0; i < records.size() && i < all.size(); ++i) {
      json terms = json::array({all[i].label});
      if (all[i].label != all[i].naam) terms.push_back(all[i].naam);
      for (const json& z : list_of(records[i], "zoeknamen")) {
        if (z.is_string()) terms.push_back(z);
      }
      names.push_back({terms, "/gemeente/" + all[i].slug + "/"});
    }
    site->generated["data/gemeente-namen.json"] = json_for_publishing(names, -1);
  }
  const json& postcodes = member(data_set(*site, "postcodes"), "postcodes");
  if (postcodes.is_object() && !all.empty()) {
    std::string csv = "pc4,gemeente_code,gemeente\n";
    std::map<char, json>
        shards;  // first digit -> {"1011": [["Amsterdam", "/gemeente/amsterdam/"]]}
    for (const auto& [pc4, codes] : postcodes.items()) {
      // Only four-digit keys become shards: anything else would name a file after a stray byte.
      if (pc4.size() != 4 ||
          !std::all_of(pc4.begin(), pc4.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      json entries = json::array();
      for (const json& code : elements(codes)) {
        if (!code.is_string()) continue;
        auto it = by_code.find(text(code));
        if (it == by_code.end()) continue;
        csv += pc4 + "," + it->first + "," + csv_field(it->second->naam) + "\n";
        entries.push_back({it->second->naam, "/gemeente/" + it->second->slug + "/"});
      }
      shards[pc4[0]][pc4] = std::move(entries);
    }
    site->generated["data/postcodes.csv"] = csv;
    for (const auto& [digit, shard] : shards) {
      site->generated["data/postcode/" + std::string(1, digit) + ".json"] =
          json_for_publishing(shard, -1);
    }
  }
}

// Page paths named in the data must exist, like links in Markdown.
void check_data_links(const Site& site, const DataFiles& raw, Diagnostics* diags) {
  std::function<void(const JsonSource&, const json&, const std::string&)> walk =
      [&](const JsonSource& src, const json& v, const std::string& at) {
        if (v.is_object()) {
          for (const auto& [key, item] : v.items()) {
            std::string here = at + "/" + pointer_escape(key);
            if (key == "pagina" && item.is_string() && !site.page_by_url.count(text(item))) {
              src.error(diags, here, "broken link: no page at " + text(item));
            }
            walk(src, item, here);
          }
        } else if (v.is_array()) {
          for (size_t i = 0; i < v.size(); ++i) walk(src, v[i], at + "/" + std::to_string(i));
        }
      };
  for (const char* name : {"stappen", "vragen", "crisis", "tafels"}) {
    auto it = raw.find(name);
    if (it != raw.end()) walk(it->second, it->second.value, "");
  }
}

}  // namespace

json contact_card(const json& contact, const Strings& strings) {
  json card = contact.is_object() ? contact : json::object();
  json channels = json::array();
  for (const json& ch : list_of(contact, "kanalen")) {
    if (!ch.is_object() || !may_be_shown(ch)) continue;
    json c = ch;
    std::string kind = str(ch, "soort"), value = str(ch, "waarde");
    if (kind == "telefoon") {
      c["href"] = "tel:" + dutch_phone_to_tel(value).value_or("");
    } else if (kind == "whatsapp") {
      c["href"] = "https://wa.me/" + dutch_phone_to_tel(value).value_or("+").substr(1);
    } else if (kind == "email") {
      c["href"] = "mailto:" + value;
    } else {
      c["href"] = value;
    }
    if (!kind.empty()) c["is_" + kind] = true;
    c["herkomst"] = herkomst_frame(ch, strings);
    channels.push_back(std::move(c));
  }
  card["has_kanalen"] = !channels.empty();
  card["kanalen"] = std::move(channels);
  return card;
}

void add_ggz_pages(Site* site, const DataFiles& raw, Diagnostics* diags) {
  add_gemeente_pages(site, raw, diags);
  add_tafel_pages(site, raw, diags);
  add_route_pages(site, raw, diags);
  add_open_data(site, diags);
  check_data_links(*site, raw, diags);
  for (const Page& page : site->pages) {
    const json& stap = member(page.front_matter.params, "stap");
    if (!stap.is_string() || !site->data_ids.count("stappen")) continue;
    json frame;
    add_step_context(*site, page, &frame);
    if (!frame.contains("step")) {
      diags->error(page.source_path, 0, 0,
                   "unknown step \"" + text(stap) + "\" (not in stappen.json)");
    }
  }
}

void add_step_context(const Site& site, const Page& page, json* frame) {
  const json& stap = member(page.front_matter.params, "stap");
  if (!stap.is_string()) return;
  json steps = json::array();
  for (const json& s : list_of(data_set(site, "stappen"), "stappen")) {
    bool current = str(s, "id") == text(stap);
    json item = {{"nummer", member(s, "nummer")},
                 {"titel", str(s, "titel")},
                 {"url", str(s, "pagina")},
                 {"current", current}};
    if (current) (*frame)["step"] = step_json(site, s);
    steps.push_back(std::move(item));
  }
  (*frame)["steps_total"] = steps.size();
  (*frame)["steps"] = std::move(steps);
}

std::optional<json> ggz_block_context(const Site& site, const markdown::BlockDirective& block,
                                      std::string* error) {
  auto arg = [&](const char* key) {
    auto it = block.args.find(key);
    return it == block.args.end() ? std::string() : it->second;
  };
  const std::string& name = block.name;
  if (name == "contact") {
    std::string id = arg("id");
    auto ids = site.data_ids.find("contacten");
    if (ids == site.data_ids.end() || !ids->second.count(id)) {
      *error = "unknown contact \"" + id + "\" (not in contacten.json)";
      return std::nullopt;
    }
    for (const json& c : list_of(data_set(site, "contacten"), "contacten")) {
      if (str(c, "id") == id) return json{{"block", contact_card(c, site.strings)}};
    }
    // Present in the data but unverified, so held back: say so instead of showing it.
    return json{{"block", {{"verborgen", true}, {"id", id}}}};
  }
  if (name == "stappen") {
    json steps = json::array();
    for (const json& s : list_of(data_set(site, "stappen"), "stappen"))
      steps.push_back(step_json(site, s));
    return json{
        {"block",
         {{"stappen", std::move(steps)},
          {"clientondersteuning", member(data_set(site, "stappen"), "clientondersteuning")}}}};
  }
  if (name == "stap") {
    for (const json& s : list_of(data_set(site, "stappen"), "stappen")) {
      if (str(s, "id") == arg("id")) return json{{"block", step_json(site, s)}};
    }
    *error = "unknown step \"" + arg("id") + "\" (not in stappen.json)";
    return std::nullopt;
  }
  if (name == "crisis") {
    json ways = json::array();
    for (const json& t : list_of(data_set(site, "crisis"), "toegang")) {
      json way = t.is_object() ? t : json::object();
      way["links"] = link_items(
          site, json::array({{{"titel", str(t, "titel")}, {"contact", str(t, "contact")}}}));
      ways.push_back(std::move(way));
    }
    return json{{"block",
                 {{"toegang", std::move(ways)},
                  {"vervolg", member(data_set(site, "crisis"), "vervolg_na_crisis")}}}};
  }
  if (name == "tafels") return json{{"block", tafels_overview(site)}};
  if (name == "gemeentezoeker") return json{{"block", {{"index_url", "/gemeente/"}}}};
  return json{{"block", json::object()}};
}

}  // namespace wegwijzer
