// The rules/policies/*.yml presets, compiled into the binary by
// rules/cmake/EmbedPolicies.cmake so `--policy builtin:NAME` needs no files.
#pragma once

#include <cstddef>
#include <string_view>

namespace modelprov::rules {

struct EmbeddedPolicy {
  std::string_view name;  // file name without ".yml", e.g. "default"
  std::string_view text;
};

// All presets, sorted by name.
const EmbeddedPolicy* EmbeddedPolicies(size_t* count);

}  // namespace modelprov::rules
