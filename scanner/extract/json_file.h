// Helpers for extractors that read JSON files: bounded parsing that turns
// every failure into a ScanError, and locating a key's line for evidence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extractor.h"

namespace modelprov {

struct JsonReadOptions {
  // Object keys whose values are never read; they are skipped while parsing
  // (a notebook's cell "outputs") and cost no memory.
  std::vector<std::string> prune_keys;
  // Budget for the parsed tree: 32 bytes a value plus its string's length.
  // Past it the file is an error entry ("too large to read"), so memory does
  // not grow with a hostile or generated file's size.
  uint64_t max_tree_bytes = 16ull << 20;
  // What the budget is of, for the message.
  const char* what = "values";
};

// Parses `in.text`. On failure reports "invalid JSON: ..." (with line) to
// `sink` and returns nullopt. Nesting deeper than 256 levels is refused before
// parsing, so hostile files cannot exhaust the stack.
std::optional<nlohmann::json> ParseJsonFile(const ExtractInput& in, ReferenceSink& sink,
                                            const JsonReadOptions& options = {});

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
