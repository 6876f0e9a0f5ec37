#include "engine/suppression.h"

#include "core/text.h"

namespace modelprov::rules {
namespace {

// Comment closers that end a reason rather than belong to it.
std::string_view StripCloser(std::string_view reason) {
  reason = Trim(reason);
  for (std::string_view closer : {"-->", "*/", "#}", "%>", "--}}"}) {
    if (reason.size() >= closer.size() && reason.substr(reason.size() - closer.size()) == closer) {
      reason.remove_suffix(closer.size());
      return Trim(reason);
    }
  }
  return reason;
}

}  // namespace

std::optional<std::string> SuppressionReason(std::string_view line, std::string_view rule) {
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
      if (ids.substr(0, comma) == rule) {
        // The reason runs to the end of the line or to the next marker.
        std::string_view rest = line.substr(end);
        size_t next = rest.find(kMarker);
        if (next != std::string_view::npos) rest = rest.substr(0, next);
        return std::string(StripCloser(rest));
      }
      if (comma == std::string_view::npos) break;
      ids.remove_prefix(comma + 1);
    }
  }
  return std::nullopt;
}

bool LineSuppresses(std::string_view line, std::string_view rule) { return SuppressionReason(line, rule).has_value(); }

}  // namespace modelprov::rules
