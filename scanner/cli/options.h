// Scan options in two steps (ripgrep's low/high args): RawScanOptions holds
// strings as CLI11 parsed them; Validate() turns them into a ScanConfig that
// nothing downstream has to re-check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/scan_target.h"
#include "core/finding.h"
#include "core/result.h"

namespace CLI {
class App;
class Validator;
}

namespace modelprov::cli {

struct RawScanOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  unsigned jobs = 0;
  std::string fail_on = "error";
  std::string catalog;
  // Limits default to the analysis library's own, so a flag's default and the
  // library's cannot drift apart.
  uint64_t max_file_size = analysis::AnalysisRequest{}.max_file_bytes;
  std::string color = "auto";
  bool quiet = false;
  // Git modes (docs/git-and-archives.md).
  bool staged = false;
  bool whole_files = false;
  std::string since;
  std::string commit;
  std::string git_dir;
  bool history = false;
  uint64_t history_limit = analysis::AnalysisRequest{}.history_limit;
  // Archive limits.
  unsigned archive_depth = analysis::AnalysisRequest{}.archive_depth;
  uint64_t archive_max_bytes = analysis::AnalysisRequest{}.archive_max_bytes;
  uint64_t archive_max_entries = analysis::AnalysisRequest{}.archive_max_entries;
  uint64_t archive_max_ratio = analysis::AnalysisRequest{}.archive_max_ratio;
  std::string policy;    // FILE, builtin:NAME or none; empty: discover (policy_loader.h)
  std::string baseline;  // baseline FILE; empty: none
  std::vector<std::string> reports;  // --report FORMAT=FILE, repeatable
  std::vector<std::string> exclude;  // --exclude PATTERN, repeatable (gitignore syntax)
};

// One thing to scan (analysis/scan_target.h).
using analysis::ScanTarget;

struct ScanConfig {
  std::vector<ScanTarget> targets;
  std::vector<std::string> roots;    // as given, for the report
  std::string format;
  std::string output;                // empty: stdout
  unsigned jobs = 1;
  std::optional<Severity> fail_on;   // nullopt: never fail on findings
  std::string catalog_file;          // empty: built-in only
  uint64_t max_file_bytes = 0;
  bool color = false;
  bool progress = false;
  // Git modes. kWorkTree is the ordinary directory/file scan.
  using GitMode = analysis::GitMode;
  GitMode git_mode = GitMode::kWorkTree;
  std::string git_path;              // where to look for the repository (git modes and --history)
  bool git_dir_explicit = false;     // --git-dir: the user named the repository, read it wherever it is
  // --staged FILE...: only these (as given on the command line); empty: every
  // staged change.
  std::vector<std::string> staged_paths;
  // --whole-files: with --staged/--since, every reference in a changed file,
  // not only those the change adds.
  bool whole_files = false;
  std::string since_rev;
  std::string commit_rev;            // empty: HEAD for --history, the work tree for --since
  bool history = false;
  uint64_t history_limit = 0;
  unsigned archive_depth = 0;
  uint64_t archive_max_bytes = 0;
  uint64_t archive_max_entries = 0;
  uint64_t archive_max_ratio = 0;
  std::string policy;                // as given; empty: discover
  std::string baseline_file;         // empty: no baseline
  // --exclude patterns (gitignore syntax), in command-line order; the
  // .modelprovignore file's are added when the scan starts.
  std::vector<std::string> exclude;
  // Extra reports from the same scan: (format, file), in command-line order.
  std::vector<std::pair<std::string, std::string>> reports;
};

// `modelprov report --from scan.json --format FORMAT [--output FILE]`.
struct RawReportOptions {
  std::string from;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
};

struct ReportConfig {
  std::string from;
  std::string format;
  std::string output;  // empty: stdout
  bool color = false;
};

// `modelprov notice [PATH...] [--from scan.json] [--output FILE]`.
struct RawNoticeOptions {
  std::vector<std::string> paths;
  std::string from;
  std::string output;
  std::string catalog;
  unsigned jobs = 0;
};

// Most worker threads -j accepts.
inline constexpr uint64_t kMaxJobs = 1024;

// A CLI11 check for a numeric flag: digits only (no sign), within [min, max];
// the error says the range and what was given.
CLI::Validator WholeNumber(uint64_t min, uint64_t max);

// Registers --exclude (shared by scan and baseline create).
void AddExcludeFlag(CLI::App& cmd, RawScanOptions& raw);

// Registers the scan flags on `cmd`, writing into `raw`.
void AddScanFlags(CLI::App& cmd, RawScanOptions& raw);

// Checks everything that can be checked before scanning.
// Prints a flag-value error of `command` ("scan", "baseline create") on
// stderr with a pointer at that command's help, and returns the usage exit
// code: "modelprov: scan: --color must be ... (see modelprov scan --help)".
int UsageError(std::string_view command, std::string_view message);

Result<ScanConfig> Validate(const RawScanOptions& raw);

void AddReportFlags(CLI::App& cmd, RawReportOptions& raw);
Result<ReportConfig> ValidateReport(const RawReportOptions& raw);
void AddNoticeFlags(CLI::App& cmd, RawNoticeOptions& raw);

// Checks that `format` names a writer; the error lists the known ones.
Status CheckFormat(const std::string& format, const std::string& flag);

}  // namespace modelprov::cli
