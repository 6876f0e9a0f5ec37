// `modelprov report`: renders any format from a saved JSON scan, so a report
// can be made later, elsewhere, without the source tree. Also the one place
// that writes a report to a file or stdout, shared by scan and notice.
#pragma once

#include <string>

#include "cli/options.h"
#include "core/scan_result.h"
#include "report/writer.h"

namespace modelprov::cli {

// Writer options for this run. SOURCE_DATE_EPOCH (seconds since 1970, the
// reproducible-builds convention), when set, fixes the timestamp that the
// CycloneDX, SPDX and HTML reports record, and so their serial numbers.
WriteOptions MakeWriteOptions(bool color);

// Renders `format` to `output` (empty: stdout). Fails when the file cannot be
// written. Precondition: `format` names a writer.
Status WriteReport(const ScanResult& result, const std::string& format, const std::string& output,
                   const WriteOptions& options);

// Reads a `scan --format json` file back.
Result<ScanResult> LoadSavedScan(const std::string& path);

// Returns the process exit code: 0, or 2 when the scan file is unreadable or
// the report cannot be written.
int RunReport(const ReportConfig& config);

}  // namespace modelprov::cli
