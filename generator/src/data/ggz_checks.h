#pragma once

#include "data/data_files.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// The checks across the GGZ data sets that a schema cannot express: unique codes and slugs,
// every gemeente in exactly one region of each kind, references between files (postcode ->
// gemeente, tafel -> province, step or answer -> contact), well-formed phone numbers and e-mail
// addresses, and a question tree without dead ends, cycles or unreachable questions. Each check
// runs only when the files it needs are present.
void check_ggz_data(const DataFiles& data, Diagnostics* diags);

}  // namespace wegwijzer
