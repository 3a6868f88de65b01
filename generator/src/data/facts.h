#pragma once

#include <map>
#include <string>

#include "data/data_files.h"
#include "data/provenance.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// A fact that prose may name: any object in any data set with an "id" and a "waarde" (a norm, a
// count, a phone number of a contact). Markdown writes {{< feit id="..." >}} where it needs it, so
// the value, its source and whether it may be shown all come from the data.
struct Fact {
  std::string id;
  std::string value;   // "waarde" as written in the data
  std::string text;    // as a reader sees it inline ("113.nl" for https://www.113.nl)
  std::string href;    // tel:, mailto: or the address for a contact channel; empty otherwise
  bool shown = false;  // data/provenance.h: may_be_shown
  std::string file;    // the data file, for editors: "content/data/feiten.json"
  std::string pointer;
  int line = 0;
  std::string source, source_titel, source_datum, gecontroleerd_op, door;
  nlohmann::json record;  // the whole object, for templates ("uren", "kosten"), without notes
};

using FactIndex = std::map<std::string, Fact>;

// Every fact of every data set; an id used twice is an error at its second place.
FactIndex index_facts(const DataFiles& data, Diagnostics* diags,
                      const ShowPolicy& policy = ShowPolicy());

}  // namespace wegwijzer
