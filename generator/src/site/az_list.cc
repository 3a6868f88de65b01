#include "site/az_list.h"

#include <cctype>

namespace wegwijzer {

void add_under_letter(nlohmann::json* letters, const std::string& key, const char* list,
                      nlohmann::json item) {
  char first =
      key.empty() ? '#' : static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
  std::string letter(1, first);
  if (letters->empty() || letters->back()["letter"] != letter) {
    std::string id = "letter-" + std::string(1, static_cast<char>(std::tolower(first)));
    letters->push_back({{"letter", letter}, {"id", id}, {list, nlohmann::json::array()}});
  }
  letters->back()[list].push_back(std::move(item));
}

}  // namespace wegwijzer
