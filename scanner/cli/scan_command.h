// `modelprov scan`: wires the stages together for one run.
#pragma once

#include "cli/options.h"

namespace modelprov::cli {

// Returns the process exit code.
int RunScan(const ScanConfig& config);

}  // namespace modelprov::cli
