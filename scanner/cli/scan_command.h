// `modelprov scan`: wires the stages together for one run.
#pragma once

#include <optional>

#include "cli/options.h"
#include "core/scan_result.h"

namespace modelprov::cli {

// Loads catalog, policy and baseline, scans, and evaluates the policy into
// ScanResult::findings. On a configuration error prints it to stderr and
// returns nullopt (exit code 2).
std::optional<ScanResult> ScanAndEvaluate(const ScanConfig& config);

// Returns the process exit code.
int RunScan(const ScanConfig& config);

}  // namespace modelprov::cli
