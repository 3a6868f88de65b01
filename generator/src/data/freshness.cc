#include "data/freshness.h"

#include <cstdlib>
#include <ctime>
#include <functional>
#include <regex>

namespace wegwijzer {
namespace {

bool is_date(const std::string& s) {
  static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(s, re);
}

void walk(const nlohmann::json& v, const std::string& pointer,
          const std::function<void(const nlohmann::json&, const std::string&)>& visit) {
  if (v.is_object()) {
    visit(v, pointer);
    for (const auto& [key, item] : v.items()) walk(item, pointer + "/" + pointer_escape(key), visit);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) walk(v[i], pointer + "/" + std::to_string(i), visit);
  }
}

std::string describe(const nlohmann::json& v) {
  for (const char* key : {"waarde", "naam", "titel", "feit", "regio", "id"}) {
    if (v.contains(key) && v[key].is_string()) return v[key].get<std::string>();
  }
  return v.dump().substr(0, 60);
}

}  // namespace

int whole_months_between(const std::string& from, const std::string& to) {
  int fy = std::stoi(from.substr(0, 4)), fm = std::stoi(from.substr(5, 2)), fd = std::stoi(from.substr(8, 2));
  int ty = std::stoi(to.substr(0, 4)), tm = std::stoi(to.substr(5, 2)), td = std::stoi(to.substr(8, 2));
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

void check_freshness(const JsonSource& data, const std::string& today, int stale_months,
                     Diagnostics* diags) {
  walk(data.value, "", [&](const nlohmann::json& v, const std::string& pointer) {
    if (!v.contains("checked") || !v["checked"].is_string()) return;
    std::string checked = v["checked"].get<std::string>();
    std::string at = pointer + "/checked";
    if (!is_date(checked)) return;  // the schema reports the format
    if (checked > today) {
      data.error(diags, at, "checked date " + checked + " lies in the future");
      return;
    }
    int months = whole_months_between(checked, today);
    std::string what = "\"" + describe(v) + "\" was last checked on " + checked + ", " +
                       std::to_string(months) + " months ago";
    if (months >= 2 * stale_months) {
      data.error(diags, at, what + ": check it again before publishing (limit " +
                                std::to_string(2 * stale_months) + " months)");
    } else if (months >= stale_months) {
      data.warning(diags, at, what + ": check it again soon");
    }
  });
}

std::vector<UnverifiedFact> list_unverified(const JsonSource& data) {
  std::vector<UnverifiedFact> facts;
  walk(data.value, "", [&](const nlohmann::json& v, const std::string& pointer) {
    if (v.contains("status") && v["status"] == "unverified") facts.push_back({pointer, describe(v)});
  });
  return facts;
}

std::string today_iso() {
  if (const char* fixed = std::getenv("WEGWIJZER_TODAY"); fixed && is_date(fixed)) return fixed;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace wegwijzer
