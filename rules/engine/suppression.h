// Inline suppressions: a comment `modelprov:ignore RULE-ID reason` on the
// evidence line or the line above silences that rule there. Several ids may
// be given comma-separated (`modelprov:ignore a,b reason`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov::rules {

// When `line` carries a suppression naming `rule`: the reason written after
// the rule ids (trimmed; empty when the comment gives none, which is
// accepted and reported as "no reason given"). nullopt otherwise.
std::optional<std::string> SuppressionReason(std::string_view line, std::string_view rule);

// Every rule id the `modelprov:ignore` comments of `line` name, in order
// (so a caller can tell which name no rule of the policy).
std::vector<std::string> IgnoredRuleIds(std::string_view line);

// True when `line` carries a suppression naming `rule`.
bool LineSuppresses(std::string_view line, std::string_view rule);

}  // namespace modelprov::rules
