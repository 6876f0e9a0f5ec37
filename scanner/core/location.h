// Where a piece of evidence was found.
#pragma once

#include <cstdint>
#include <string>

namespace modelprov {

struct Location {
  // Relative to the scanned root, '/' separators. Inside an archive the
  // member path follows the archive's path: "outer.zip!/inner/file".
  std::string path;
  // 1-based. 0 when the file has no lines (e.g. a binary header).
  uint32_t line = 0;
  // 1-based column of the first character of the evidence; 0 when unknown.
  uint32_t column = 0;
};

}  // namespace modelprov
