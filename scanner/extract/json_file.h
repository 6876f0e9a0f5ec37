// Helpers for extractors that read JSON files: bounded parsing that turns
// every failure into a ScanError, and locating a key's line for evidence.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extract/extractor.h"

namespace modelprov {

// Parses `in.text`. On failure reports "invalid JSON: ..." (with line) to
// `sink` and returns nullopt. Nesting deeper than 256 levels is refused before
// parsing, so hostile files cannot exhaust the stack.
std::optional<nlohmann::json> ParseJsonFile(const ExtractInput& in, ReferenceSink& sink);

// 1-based line and column of the first `"key"` followed by ':' at or after
// byte `from`; {0,0} if not found.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};
LineCol FindJsonKey(std::string_view text, std::string_view key, size_t from = 0);
// Byte offset of that key, or npos.
size_t FindJsonKeyOffset(std::string_view text, std::string_view key, size_t from = 0);

}  // namespace modelprov
