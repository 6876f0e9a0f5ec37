// Glob matching shared by extractors (file-name claims), the catalog (model
// name patterns) and policies (path filters).
//
// Syntax: '*' matches any run of characters except '/', '**' matches any run
// including '/', '?' matches one character except '/'. No character classes:
// patterns come from data files and policies, and keeping the language tiny
// keeps matching linear-ish and impossible to make hang.
#pragma once

#include <string_view>

namespace modelprov {

enum class CaseSensitivity { kSensitive, kInsensitive };

bool GlobMatch(std::string_view pattern, std::string_view text,
               CaseSensitivity cs = CaseSensitivity::kSensitive);

}  // namespace modelprov
