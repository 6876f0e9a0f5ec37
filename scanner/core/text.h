// Small byte-string helpers. Everything here treats input as bytes: scanned
// files are often not valid UTF-8 and must never make these functions fail.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ToLower(std::string_view s);
bool IEquals(std::string_view a, std::string_view b);
// Levenshtein distance ignoring ASCII case (for "closest known name" hints).
size_t EditDistance(std::string_view a, std::string_view b);

// Orders ignoring ASCII case ("deepseek" < "Qwen"), then by bytes, so equal
// words differing in case still have one order.
bool ILess(std::string_view a, std::string_view b);
bool IStartsWith(std::string_view s, std::string_view prefix);
bool IContains(std::string_view haystack, std::string_view needle);
// True when some element of `v` equals `s` ignoring ASCII case.
bool IContainsElement(const std::vector<std::string>& v, std::string_view s);
std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
// Basename of a '/'-separated path.
std::string_view BaseName(std::string_view path);

// Maps byte offsets to 1-based line/column numbers. Build once per file; each
// lookup is a binary search over line starts.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  uint32_t LineOf(size_t offset) const;
  uint32_t ColumnOf(size_t offset) const;
  // Byte range of 1-based line `line` without its terminator.
  std::string_view LineText(std::string_view text, uint32_t line) const;

 private:
  std::vector<size_t> starts_;
};

// Replaces invalid UTF-8 sequences with U+FFFD so that text can be written to
// JSON. Valid input is returned unchanged.
std::string SanitizeUtf8(std::string_view s);

// Text made safe to print on a terminal: control characters (C0, DEL and the
// C1 range U+0080..U+009F, which some terminals also obey) are written as
// escapes (\n, \r, \t, \x1b, \u009b), so a file name or message cannot
// move the cursor, rewrite earlier lines or send terminal commands. Invalid
// UTF-8 becomes U+FFFD.
std::string TerminalSafe(std::string_view s);

// `s` cut to at most `max_bytes` bytes (at a UTF-8 character boundary) with
// "..." appended when it was longer: error messages quote at most this much
// of what they complain about.
std::string Abbreviate(std::string_view s, size_t max_bytes = 300);

// 20000000 -> "20,000,000": thresholds are read by people checking them
// against their own figures.
std::string GroupThousands(int64_t n);

}  // namespace modelprov
