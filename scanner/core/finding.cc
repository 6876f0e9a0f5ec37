#include "core/finding.h"

namespace modelprov {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "note";
}

std::string SuppressionText(const Finding& f) {
  if (f.suppressed_by.empty()) return "";
  if (f.suppressed_by == "waiver") {
    std::string s = "waived";
    if (!f.waiver_expires.empty()) s += " until " + f.waiver_expires;
    return s + ": " + (f.suppressed_reason.empty() ? "no reason given" : f.suppressed_reason);
  }
  if (f.suppressed_by == "inline") {
    return "suppressed inline: " + (f.suppressed_reason.empty() ? std::string("no reason given") : f.suppressed_reason);
  }
  if (f.suppressed_by == "baseline") {
    return "accepted in baseline" + (f.suppressed_reason.empty() ? std::string() : " " + f.suppressed_reason);
  }
  // Scans written by other tools or older versions may hold free text.
  return "suppressed: " + f.suppressed_by + (f.suppressed_reason.empty() ? "" : " (" + f.suppressed_reason + ")");
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "note") return Severity::kNote;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace modelprov
