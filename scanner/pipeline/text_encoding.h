// Text files saved as UTF-16 (Windows editors, PowerShell's `>` redirect
// writes requirements.txt that way) are full of NUL bytes and would be
// refused as binary. When such a file starts with a UTF-16 byte order mark,
// the pipeline transcodes it to UTF-8 before the extractors see it, so line
// numbers and literals come out the same as for a UTF-8 copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace modelprov {

// If `bytes` starts with a UTF-16 LE (FF FE) or BE (FE FF) byte order mark,
// returns the text after the mark as UTF-8. Unpaired surrogates and a
// trailing odd byte become U+FFFD. Returns nullopt when there is no mark.
std::optional<std::string> DecodeUtf16WithBom(std::string_view bytes);

}  // namespace modelprov
