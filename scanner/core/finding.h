// Finding: a policy rule's verdict on one resolved model occurrence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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
  Location location;
  // Set when a waiver or inline suppression silenced the finding; such
  // findings are reported but do not count for --fail-on.
  std::string suppressed_by;
};

}  // namespace modelprov
