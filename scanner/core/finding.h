// Finding: a policy rule's verdict on one resolved model, with every place
// the model is used where the verdict is the same (one model used 40 times is
// one finding with 40 places).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace modelprov {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

struct Finding {
  std::string rule;       // rule id
  Severity severity = Severity::kWarning;
  std::string message;    // rendered message
  std::string model;      // canonical model id the finding is about
  std::string trigger;    // the fact or term that fired the rule, e.g. "country=CN"
  std::string how_to_fix; // Markdown, may be empty
  Location location;      // the first place, in reference order
  // The other places, in reference order (empty for a single use). SARIF
  // writes them as relatedLocations, JSON as `locations` after the first.
  std::vector<Location> also_at;
  // Where the rule is written: "ORIGIN:LINE" of its policy file (ORIGIN as
  // in Policy::origin, e.g. ".modelprov.yml:12" or "builtin:default:8").
  // Empty for findings not made by a rule (expired waivers).
  std::string rule_source;
  // Set when a waiver or inline suppression silenced the finding; such
  // findings are reported but do not count for --fail-on. One of "waiver",
  // "inline", "baseline".
  std::string suppressed_by;
  // Why: the waiver's reason, the text after the rule ids of an inline
  // `modelprov:ignore` comment (empty when the comment gives none), or the
  // baseline file for "baseline".
  std::string suppressed_reason;
  // For "waiver": the waiver's expiry date (YYYY-MM-DD); else empty.
  std::string waiver_expires;
};

// How a suppressed finding is described to people, e.g. "waived until
// 2099-01-01: approved by legal", "suppressed inline: no reason given",
// "accepted in baseline modelprov-baseline.json". Empty when active.
std::string SuppressionText(const Finding& f);

// How many places a finding covers (1 + also_at).
inline size_t PlaceCount(const Finding& f) { return 1 + f.also_at.size(); }

}  // namespace modelprov
