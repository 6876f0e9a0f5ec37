// Loads the built-in catalog and overlays the user's --catalog file.
#pragma once

#include <string>

#include "catalog/catalog.h"

namespace modelprov::analysis {

// `user_file` empty: built-in only. Errors name the file and the field.
Result<Catalog> LoadCatalog(const std::string& user_file);

}  // namespace modelprov::analysis
