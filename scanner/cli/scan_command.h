// `modelprov scan`: flags in, analysis::Analyze(), reports out.
#pragma once

#include <optional>

#include "analysis/analysis.h"
#include "cli/options.h"
#include "core/scan_result.h"

namespace modelprov::cli {

// The library request (analysis/analysis.h) for a validated scan config.
analysis::AnalysisRequest ToAnalysisRequest(const ScanConfig& config);

// Runs analysis::Analyze() for `config`, with the progress line and notes on
// stderr. On a configuration error prints it to stderr and returns nullopt
// (exit code 2).
std::optional<ScanResult> ScanAndEvaluate(const ScanConfig& config);

// Returns the process exit code.
int RunScan(const ScanConfig& config);

}  // namespace modelprov::cli
