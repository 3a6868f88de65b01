#include "check/fact_table.h"

#include <algorithm>

namespace wegwijzer {
namespace {

// A table cell: no '|' or line break may end it early.
std::string cell(std::string text) {
  for (char& c : text) {
    if (c == '|' || c == '\n') c = ' ';
  }
  return text.empty() ? "–" : text;
}

std::string row_of(const std::string& file, const FactRow& f) {
  std::string source = f.source_titel.empty() ? f.source : f.source_titel;
  if (!f.source_datum.empty()) source += " (" + f.source_datum + ")";
  std::string checked = f.gecontroleerd_op.empty() ? "never" : f.gecontroleerd_op + " by " + f.door;
  std::string age = std::to_string(f.age_months) +
                    (f.gecontroleerd_op.empty() ? " mo since entry" : " mo since check");
  return "| " + std::string(f.due ? "yes" : "no") + " | " + cell(f.summary) + " | " +
         cell(file + "#" + f.pointer) + " | " + (f.shown ? "yes" : "no") + " | " +
         cell(f.zekerheid) + " | " + cell(source) + " | " + cell(f.opgenomen) + " | " +
         cell(checked) + " | " + age + " |\n";
}

}  // namespace

std::string format_fact_table(std::vector<std::pair<std::string, FactRow>> facts) {
  std::stable_sort(facts.begin(), facts.end(),
                   [](const auto& a, const auto& b) { return a.second.due && !b.second.due; });
  size_t due =
      std::count_if(facts.begin(), facts.end(), [](const auto& f) { return f.second.due; });
  std::string out = "Facts: " + std::to_string(facts.size()) + ", of which " + std::to_string(due) +
                    " due for a check (not shown until checked, or older than the limit)\n\n";
  out += "| due | fact | where | shown | zekerheid | source | entered | checked | age |\n";
  out += "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& [file, row] : facts) out += row_of(file, row);
  out +=
      "\nTo check a fact: open the organisation's own current source; if it matches, record\n"
      "\"gecontroleerd\": {\"datum\": \"YYYY-MM-DD\", \"door\": \"<your role>\"} at the place "
      "given under\n"
      "\"where\" (docs/EDITORS.md, \"Een feit controleren, stap voor stap\").\n";
  return out;
}

}  // namespace wegwijzer
