#include "cli/baseline_command.h"
#include "core/text.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/report_command.h"
#include "cli/scan_command.h"
#include "engine/baseline.h"

namespace modelprov::cli {

void AddBaselineFlags(CLI::App& cmd, RawScanOptions& raw) {
  cmd.add_option("paths", raw.paths, "Directories or files to scan (default: .)");
  cmd.add_option("-o,--output", raw.output, "Baseline FILE to write")->required();
  cmd.add_option("--policy", raw.policy,
                 "Policy FILE, builtin:NAME or none (default: .modelprov.yml in the scanned directory, "
                 "else builtin:default)");
  cmd.add_option("--catalog", raw.catalog, "JSON file whose entries override or extend the built-in catalog");
  cmd.add_option("-j,--jobs", raw.jobs, "Worker threads (default: all cores)")->check(WholeNumber(0, kMaxJobs));
  cmd.add_option("--max-file-size", raw.max_file_size, "Largest file (bytes) loaded for text extraction")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_flag("-q,--quiet", raw.quiet, "No progress line");
  AddExcludeFlag(cmd, raw);
}

int RunBaselineCreate(const RawScanOptions& raw) {
  RawScanOptions scan = raw;
  scan.output.clear();  // --output is the baseline here, not a report
  scan.format = "text";
  Result<ScanConfig> config = Validate(scan);
  if (!config) return UsageError("baseline create", config.error().message);
  std::optional<ScanResult> result = ScanAndEvaluate(*config);
  if (!result) return kExitUsage;
  std::string text = rules::Baseline::Write(result->findings);
  if (Status st = WriteTextFile(raw.output, text); !st) {
    std::cerr << "modelprov: " << TerminalSafe(st.error().message) << "\n";
    return kExitUsage;
  }
  Result<rules::Baseline> written = rules::Baseline::Parse(text, raw.output);
  size_t n = written ? written->entries().size() : 0;
  std::cerr << "modelprov: wrote " << n << " finding" << (n == 1 ? "" : "s") << " to " << TerminalSafe(raw.output) << "\n";
  return kExitClean;
}

}  // namespace modelprov::cli
