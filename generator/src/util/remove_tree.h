#pragma once

#include <string>

namespace wegwijzer {

// Removes the folder `path` and everything in it, on up to `jobs` threads (its subfolders are
// shared out), without following symbolic links: a link is removed, never what it points to.
// Replacing a built site removes the previous one, 20,000 files and folders at 10,000 pages;
// std::filesystem::remove_all takes several system calls for each and one thread for all.
// Returns false if something could not be removed (what could be is gone).
bool remove_tree(const std::string& path, int jobs);

}  // namespace wegwijzer
