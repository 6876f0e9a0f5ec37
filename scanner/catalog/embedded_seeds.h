// The seeds/ files, compiled into the binary by scanner/cmake/EmbedSeeds.cmake
// so an installed modelprov needs no data files.
#pragma once

#include <cstddef>
#include <string_view>

namespace modelprov {

struct EmbeddedFile {
  std::string_view name;  // path relative to seeds/, e.g. "families/qwen.json"
  std::string_view data;
};

// All embedded seed files, sorted by name.
const EmbeddedFile* EmbeddedSeeds(size_t* count);

}  // namespace modelprov
