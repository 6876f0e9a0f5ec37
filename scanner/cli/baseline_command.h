// `modelprov baseline create [PATH...] --output FILE`: scans like `scan` and
// writes the current findings as a baseline (engine/baseline.h), so later
// runs with --baseline FILE fail only on new findings.
#pragma once

#include "cli/options.h"

namespace CLI {
class App;
}

namespace modelprov::cli {

// Registers the flags baseline create shares with scan (paths, --policy,
// --catalog, --jobs, --max-file-size, --quiet) and its own --output.
void AddBaselineFlags(CLI::App& cmd, RawScanOptions& raw);

// Exit 0 written, 2 usage/configuration error.
int RunBaselineCreate(const RawScanOptions& raw);

}  // namespace modelprov::cli
