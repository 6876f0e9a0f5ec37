#include "cli/notice_command.h"
#include "core/text.h"

#include <iostream>

#include "cli/cli.h"
#include "cli/report_command.h"
#include "cli/scan_command.h"

namespace modelprov::cli {

int RunNotice(const RawNoticeOptions& raw) {
  if (!raw.from.empty()) {
    if (!raw.paths.empty()) {
      std::cerr << "modelprov: give either PATH... or --from, not both\n";
      return kExitUsage;
    }
    return RunReport({raw.from, "notice", raw.output, false});
  }
  RawScanOptions scan;
  scan.paths = raw.paths;
  scan.format = "notice";
  scan.output = raw.output;
  scan.catalog = raw.catalog;
  scan.jobs = raw.jobs;
  scan.fail_on = "none";
  scan.color = "never";
  scan.quiet = true;
  Result<ScanConfig> config = Validate(scan);
  if (!config) return UsageError("notice", config.error().message);
  return RunScan(*config);
}

}  // namespace modelprov::cli
