// Inline suppressions: a comment `modelprov:ignore RULE-ID reason` on the
// evidence line or the line above silences that rule there. Several ids may
// be given comma-separated (`modelprov:ignore a,b reason`).
#pragma once

#include <string_view>

namespace modelprov::rules {

// True when `line` carries a suppression naming `rule`.
bool LineSuppresses(std::string_view line, std::string_view rule);

}  // namespace modelprov::rules
