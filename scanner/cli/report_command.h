// `modelprov report`: renders any format from a saved JSON scan, so a report
// can be made later, elsewhere, without the source tree. Also the one place
// that writes a report to a file or stdout, shared by scan and notice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/options.h"
#include "core/scan_result.h"
#include "report/writer.h"

namespace modelprov::cli {

// Writer options for this run. SOURCE_DATE_EPOCH (seconds since 1970, the
// reproducible-builds convention), when set, fixes the timestamp that the
// CycloneDX, SPDX and HTML reports record, and so their serial numbers.
// `fail_on`: what blocks this run (the text report advises on those).
WriteOptions MakeWriteOptions(bool color, std::optional<Severity> fail_on = Severity::kError);

// Writes `text` to `path` (created or truncated); the error names the file
// and the system's reason.
Status WriteTextFile(const std::string& path, std::string_view text);

// Renders `format` to `output` (empty: stdout); a file gets a one-line
// confirmation on stderr. Fails when the file cannot be
// written. Precondition: `format` names a writer.
Status WriteReport(const ScanResult& result, const std::string& format, const std::string& output,
                   const WriteOptions& options);

// Reads a `scan --format json` file back.
Result<ScanResult> LoadSavedScan(const std::string& path);

// Returns the process exit code: 0, or 2 when the scan file is unreadable or
// the report cannot be written.
int RunReport(const ReportConfig& config);

}  // namespace modelprov::cli
