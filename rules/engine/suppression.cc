#include "engine/suppression.h"

namespace modelprov::rules {

bool LineSuppresses(std::string_view line, std::string_view rule) {
  constexpr std::string_view kMarker = "modelprov:ignore";
  for (size_t at = line.find(kMarker); at != std::string_view::npos; at = line.find(kMarker, at + 1)) {
    size_t i = at + kMarker.size();
    if (i >= line.size() || (line[i] != ' ' && line[i] != '\t')) continue;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    std::string_view ids = line.substr(i, end - i);
    while (!ids.empty()) {
      size_t comma = ids.find(',');
      if (ids.substr(0, comma) == rule) return true;
      if (comma == std::string_view::npos) break;
      ids.remove_prefix(comma + 1);
    }
  }
  return false;
}

}  // namespace modelprov::rules
