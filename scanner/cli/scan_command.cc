#include "cli/scan_command.h"

#include <cstdio>
#include <iostream>

#include "analysis/analysis.h"
#include "cli/cli.h"
#include "cli/progress_line.h"
#include "cli/report_command.h"
#include "core/text.h"
#include "report/writer.h"

namespace modelprov::cli {

analysis::AnalysisRequest ToAnalysisRequest(const ScanConfig& config) {
  analysis::AnalysisRequest r;
  r.targets = config.targets;
  r.roots = config.roots;
  r.jobs = config.jobs;
  r.catalog_file = config.catalog_file;
  r.max_file_bytes = config.max_file_bytes;
  r.git_mode = config.git_mode;
  r.git_path = config.git_path;
  r.git_dir_explicit = config.git_dir_explicit;
  r.staged_paths = config.staged_paths;
  r.whole_files = config.whole_files;
  r.since_rev = config.since_rev;
  r.commit_rev = config.commit_rev;
  r.history = config.history;
  r.history_limit = config.history_limit;
  r.archive_depth = config.archive_depth;
  r.archive_max_bytes = config.archive_max_bytes;
  r.archive_max_entries = config.archive_max_entries;
  r.archive_max_ratio = config.archive_max_ratio;
  r.policy = config.policy;
  r.baseline_file = config.baseline_file;
  r.exclude = config.exclude;
  r.tool_version = MODELPROV_VERSION;
  return r;
}

std::optional<ScanResult> ScanAndEvaluate(const ScanConfig& config) {
  analysis::AnalysisRequest request = ToAnalysisRequest(config);
  ProgressLine progress(stderr);
  if (config.progress) request.on_progress = [&progress](const ScanProgress& p) { progress.Show(p); };
  request.on_note = [](std::string_view note) { std::cerr << "modelprov: " << TerminalSafe(note) << "\n"; };
  Result<ScanResult> result = analysis::Analyze(request);
  progress.Clear();
  if (!result) {
    std::cerr << "modelprov: " << TerminalSafe(result.error().message) << "\n";
    return std::nullopt;
  }
  return std::move(*result);
}

int RunScan(const ScanConfig& config) {
  std::optional<ScanResult> scanned = ScanAndEvaluate(config);
  if (!scanned) return kExitUsage;
  const ScanResult& result = *scanned;

  // Every report knows the others written from this scan (the compact
  // Markdown summary points at the full report among them).
  std::vector<std::pair<std::string, std::string>> all = {{config.format, config.output}};
  for (const auto& report : config.reports) all.push_back(report);
  auto options_for = [&](size_t self, bool color) {
    WriteOptions options = MakeWriteOptions(color, config.fail_on);
    for (size_t i = 0; i < all.size(); ++i) {
      if (i != self && !all[i].second.empty()) options.companions.push_back(all[i]);
    }
    return options;
  };
  if (Status st = WriteReport(result, config.format, config.output, options_for(0, config.color)); !st) {
    std::cerr << "modelprov: " << TerminalSafe(st.error().message) << "\n";
    return kExitUsage;
  }
  for (size_t i = 0; i < config.reports.size(); ++i) {
    const auto& [format, file] = config.reports[i];
    if (Status st = WriteReport(result, format, file, options_for(i + 1, false)); !st) {
      std::cerr << "modelprov: " << TerminalSafe(st.error().message) << "\n";
      return kExitUsage;
    }
  }
  if (!config.fail_on) return kExitClean;
  for (const Finding& f : result.findings) {
    if (f.suppressed_by.empty() && f.severity >= *config.fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace modelprov::cli
