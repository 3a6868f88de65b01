#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace wegwijzer {

// A–Z lists as templates get them: [{letter, id ("letter-a"), <list>: [items]}]. Adds `item`
// under the letter of `key` (a slug, "#" when empty); keys must come in sorted order.
void add_under_letter(nlohmann::json* letters, const std::string& key, const char* list,
                      nlohmann::json item);

}  // namespace wegwijzer
