// Reads `NAME=value` assignments as .env files, shell scripts and Dockerfile
// ENV/ARG lines write them, with the file positions of name and value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov {

struct EnvAssignment {
  std::string name;
  std::string value;  // quotes removed; "" when unset
  uint32_t name_column = 0;
  uint32_t value_column = 0;
};

// Parses `text` (one logical line, after any `export`/`ENV` keyword was
// removed by the caller) holding one or more NAME=value pairs separated by
// blanks. `base_column` is the file column of text[0]. A pair whose name is
// not an identifier ends the scan (it is a command, not an assignment).
std::vector<EnvAssignment> ParseEnvAssignments(std::string_view text, uint32_t base_column);

}  // namespace modelprov
