// Text files saved as UTF-16 (Windows editors, PowerShell's `>` redirect
// writes requirements.txt that way) are full of NUL bytes and would be
// refused as binary. When such a file starts with a UTF-16 byte order mark,
// the pipeline transcodes it to UTF-8 before the extractors see it, so line
// numbers and literals come out the same as for a UTF-8 copy.
//
// Also here: what counts as text at all, decided as ripgrep decides it, so a
// file on disk and the same file inside an archive are judged alike.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace modelprov {

// If `bytes` starts with a UTF-16 LE (FF FE) or BE (FE FF) byte order mark,
// returns the text after the mark as UTF-8. Unpaired surrogates and a
// trailing odd byte become U+FFFD. Returns nullopt when there is no mark.
std::optional<std::string> DecodeUtf16WithBom(std::string_view bytes);

// How many leading bytes decide binary or text.
constexpr size_t kBinarySniffBytes = 8192;

// True when `head` starts with a UTF-16 byte order mark.
bool HasUtf16Bom(std::string_view head);

// Binary by content: a NUL byte in the first kBinarySniffBytes, unless the
// bytes start with a UTF-16 byte order mark (decoded, not refused).
bool LooksBinary(std::string_view bytes);

// Names whose files are never text (images, fonts, media, compiled code,
// weights): text-scan does not even open them.
bool IsNeverTextName(std::string_view path);

}  // namespace modelprov
