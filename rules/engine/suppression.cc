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

struct IgnoreMarker {
  std::vector<std::string_view> ids;
  std::string_view reason;  // to the end of the line or the next marker, closer stripped
};

constexpr std::string_view kMarker = "modelprov:ignore";

// Each `modelprov:ignore IDS reason` on the line; a marker not followed by
// a blank is part of some other word and ignored.
std::vector<IgnoreMarker> IgnoreMarkers(std::string_view line) {
  std::vector<IgnoreMarker> out;
  for (size_t at = line.find(kMarker); at != std::string_view::npos; at = line.find(kMarker, at + 1)) {
    size_t i = at + kMarker.size();
    if (i >= line.size() || (line[i] != ' ' && line[i] != '\t')) continue;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    IgnoreMarker m;
    for (std::string_view id : Split(line.substr(i, end - i), ',')) {
      if (!id.empty()) m.ids.push_back(id);
    }
    std::string_view rest = line.substr(end);
    size_t next = rest.find(kMarker);
    if (next != std::string_view::npos) rest = rest.substr(0, next);
    m.reason = StripCloser(rest);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::optional<std::string> SuppressionReason(std::string_view line, std::string_view rule) {
  for (const IgnoreMarker& m : IgnoreMarkers(line)) {
    for (std::string_view id : m.ids) {
      if (id == rule) return std::string(m.reason);
    }
  }
  return std::nullopt;
}

std::vector<std::string> IgnoredRuleIds(std::string_view line) {
  std::vector<std::string> out;
  for (const IgnoreMarker& m : IgnoreMarkers(line)) {
    for (std::string_view id : m.ids) out.emplace_back(id);
  }
  return out;
}

bool LineSuppresses(std::string_view line, std::string_view rule) { return SuppressionReason(line, rule).has_value(); }

}  // namespace modelprov::rules
