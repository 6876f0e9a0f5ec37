// `modelprov notice`: the attribution / NOTICE text the licenses of the
// model dependencies require, from a fresh scan of PATH... or from a saved
// JSON scan (--from).
#pragma once

#include "cli/options.h"

namespace modelprov::cli {

// Returns 0 on success, 2 on a usage error or an unwritable output. Findings
// never change the exit code here: a NOTICE file is wanted either way.
int RunNotice(const RawNoticeOptions& raw);

}  // namespace modelprov::cli
