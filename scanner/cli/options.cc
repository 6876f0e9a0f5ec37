#include "cli/options.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "cli/cli.h"
#include "core/text.h"
#include "report/writer.h"
#include "source/file_list_source.h"

namespace modelprov::cli {

CLI::Validator WholeNumber(uint64_t min, uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
        bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) return "must be " + range + ", not '" + TerminalSafe(text) + "'";
        errno = 0;
        unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
        if (errno == ERANGE || value < min || value > max) {
          return "must be " + range + ", not " + TerminalSafe(text);
        }
        return "";
      },
      "N");
}

// --color always/never decide; auto means colour on a terminal unless the
// NO_COLOR convention (https://no-color.org: set and not empty) asks for none.
static bool ColorWanted(const std::string& setting, const std::string& output) {
  if (setting != "auto") return setting == "always";
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return output.empty() && ::isatty(STDOUT_FILENO) == 1;
}

void AddExcludeFlag(CLI::App& cmd, RawScanOptions& raw) {
  cmd.add_option("--exclude", raw.exclude,
                 "Leave out paths matching PATTERN (gitignore syntax, repeatable), e.g. --exclude 'tests/fixtures/' "
                 "--exclude '*.min.js'; .modelprovignore at the scanned root adds more")
      ->allow_extra_args(false);
}

void AddScanFlags(CLI::App& cmd, RawScanOptions& raw) {
  cmd.add_option("paths", raw.paths, "Directories or files to scan (default: .)");
  cmd.add_option("-f,--format", raw.format,
                 "Output format: text, json, sarif, cyclonedx, spdx, markdown, markdown-summary, html, notice")->capture_default_str();
  cmd.add_option("-o,--output", raw.output, "Write the report to FILE instead of standard output");
  cmd.add_option("-j,--jobs", raw.jobs, "Worker threads (default: all cores)")->check(WholeNumber(0, kMaxJobs));
  cmd.add_option("--fail-on", raw.fail_on, "Exit 1 when a finding has this severity or higher: error, warning, note, none")
      ->capture_default_str();
  cmd.add_option("--catalog", raw.catalog, "JSON file whose entries override or extend the built-in catalog");
  cmd.add_option("--max-file-size", raw.max_file_size, "Largest file (bytes) loaded for text extraction")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_option("--color", raw.color, "Colour output: auto, always, never")->capture_default_str();
  cmd.add_flag("-q,--quiet", raw.quiet, "No progress line");
  cmd.add_flag("--staged", raw.staged,
               "Judge what the commit adds: references new in the staged (index) version of the files that differ "
               "from HEAD; with FILE arguments (the pre-commit framework's), only those files, and a named file the "
               "commit leaves unchanged is judged whole");
  cmd.add_flag("--whole-files", raw.whole_files,
               "With --staged or --since: report every reference in the changed files, not only those the change adds");
  cmd.add_option("--since", raw.since, "Report only references new since REV (compared with the work tree, or --commit)");
  cmd.add_option("--commit", raw.commit, "Scan commit REV's tree from the object database (works in bare clones)");
  cmd.add_option("--git-dir", raw.git_dir,
                 "The repository the git modes read (a .git directory or bare repository), when it is not the one "
                 "the scanned directory's .git names from inside it");
  cmd.add_flag("--history", raw.history, "For each model, the commit that introduced it and the one that removed it");
  cmd.add_option("--history-limit", raw.history_limit, "Most commits --history walks")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_option("--archive-depth", raw.archive_depth, "Most nesting levels of archives opened")
      ->check(WholeNumber(1, UINT32_MAX))
      ->capture_default_str();
  cmd.add_option("--archive-max-bytes", raw.archive_max_bytes, "Most uncompressed bytes read from one archive")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_option("--archive-max-entries", raw.archive_max_entries, "Most members read per archive")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_option("--archive-max-ratio", raw.archive_max_ratio,
                 "Largest uncompressed:compressed ratio before an archive is treated as a bomb")
      ->check(WholeNumber(1, UINT64_MAX))
      ->capture_default_str();
  cmd.add_option("--policy", raw.policy,
                 "Policy FILE, builtin:NAME or none (default: .modelprov.yml in the scanned directory, "
                 "else builtin:default)");
  cmd.add_option("--baseline", raw.baseline, "Baseline FILE: findings it lists are reported as suppressed");
  // One value per --report: a repeatable option must never take the paths
  // that follow it (`--report sarif=a.sarif DIR`).
  cmd.add_option("--report", raw.reports,
                 "Also write FORMAT to FILE from the same scan (FORMAT=FILE, repeatable), e.g. --report sarif=scan.sarif")
      ->allow_extra_args(false);
  AddExcludeFlag(cmd, raw);
}

Status CheckFormat(const std::string& format, const std::string& flag) {
  WriterList writers = DefaultWriters();
  if (FindWriter(writers, format) != nullptr) return Ok{};
  std::string known;
  for (const auto& w : writers) known += (known.empty() ? "" : ", ") + std::string(w->id());
  return MakeError("unknown " + flag + " '" + format + "' (known: " + known + ")");
}

void AddReportFlags(CLI::App& cmd, RawReportOptions& raw) {
  cmd.add_option("--from", raw.from, "A saved scan (modelprov scan --format json)")->required();
  cmd.add_option("-f,--format", raw.format,
                 "Output format: text, json, sarif, cyclonedx, spdx, markdown, markdown-summary, html, notice")
      ->capture_default_str();
  cmd.add_option("-o,--output", raw.output, "Write the report to FILE instead of standard output");
  cmd.add_option("--color", raw.color, "Colour output: auto, always, never")->capture_default_str();
}

namespace {

// An input file a flag names: missing, or present but not a regular file
// (a directory, /dev/null), say which.
Status CheckInputFile(const std::string& path, const std::string& flag) {
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return MakeError(flag + " file not found: " + path);
  if (!std::filesystem::is_regular_file(st)) {
    std::string what = std::filesystem::is_directory(st) ? "a directory" : "not a regular file";
    return MakeError(flag + " must name a file; " + path + " is " + what);
  }
  return Ok{};
}

}  // namespace

int UsageError(std::string_view command, std::string_view message) {
  std::cerr << "modelprov: " << command << ": " << TerminalSafe(message) << " (see modelprov " << command << " --help)\n";
  return kExitUsage;
}

Result<ReportConfig> ValidateReport(const RawReportOptions& raw) {
  if (Status st = CheckFormat(raw.format, "--format"); !st) return st.error();
  if (raw.color != "auto" && raw.color != "always" && raw.color != "never") {
    return MakeError("--color must be auto, always or never, not '" + raw.color + "'");
  }
  if (Status st = CheckInputFile(raw.from, "--from"); !st) return st.error();
  ReportConfig c{raw.from, raw.format, raw.output, false};
  c.color = c.format == "text" && ColorWanted(raw.color, raw.output);
  return c;
}

void AddNoticeFlags(CLI::App& cmd, RawNoticeOptions& raw) {
  cmd.add_option("paths", raw.paths, "Directories or files to scan (default: .)");
  cmd.add_option("--from", raw.from, "Use a saved scan (modelprov scan --format json) instead of scanning");
  cmd.add_option("-o,--output", raw.output, "Write the notices to FILE instead of standard output");
  cmd.add_option("--catalog", raw.catalog, "JSON file whose entries override or extend the built-in catalog");
  cmd.add_option("-j,--jobs", raw.jobs, "Worker threads (default: all cores)")->check(WholeNumber(0, kMaxJobs));
}

namespace {

Status ValidateGit(const RawScanOptions& raw, const std::vector<std::string>& paths, ScanConfig& c) {
  if (raw.staged && (!raw.since.empty() || !raw.commit.empty())) {
    return MakeError("--staged cannot be combined with --since or --commit");
  }
  c.since_rev = raw.since;
  c.commit_rev = raw.commit;
  if (raw.whole_files && !raw.staged && raw.since.empty()) return MakeError("--whole-files needs --staged or --since");
  c.whole_files = raw.whole_files;
  c.history = raw.history;
  if (raw.staged) {
    c.git_mode = ScanConfig::GitMode::kStaged;
  } else if (!raw.since.empty()) {
    c.git_mode = ScanConfig::GitMode::kSince;
  } else if (!raw.commit.empty()) {
    c.git_mode = ScanConfig::GitMode::kCommit;
  }
  if (c.git_mode == ScanConfig::GitMode::kWorkTree && !c.history) {
    if (!raw.git_dir.empty()) return MakeError("--git-dir needs --staged, --since, --commit or --history");
    return Ok{};
  }
  if (raw.history_limit == 0) return MakeError("--history-limit must be at least 1");
  c.history_limit = raw.history_limit;
  c.git_path = paths.front();
  bool one_directory = paths.size() == 1 && std::filesystem::is_directory(paths.front());
  if (c.git_mode == ScanConfig::GitMode::kStaged && !one_directory) {
    // The pre-commit framework names the files; the repository is the one
    // the current directory is in.
    c.staged_paths = paths;
    c.git_path = ".";
  } else if (c.git_mode != ScanConfig::GitMode::kWorkTree && paths.size() > 1) {
    return MakeError("--since and --commit take at most one path (a directory inside the repository)");
  }
  if (!raw.git_dir.empty()) {
    c.git_path = raw.git_dir;
    c.git_dir_explicit = true;
  }
  if (!std::filesystem::is_directory(c.git_path)) {
    return MakeError("git modes need a directory inside a repository, not " + c.git_path);
  }
  return Ok{};
}

}  // namespace

Result<ScanConfig> Validate(const RawScanOptions& raw) {
  ScanConfig c;
  if (Status st = CheckFormat(raw.format, "--format"); !st) return st.error();
  c.format = raw.format;
  for (const std::string& spec : raw.reports) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return MakeError("--report must be FORMAT=FILE, not '" + spec + "'");
    }
    std::string format = spec.substr(0, eq);
    if (Status st = CheckFormat(format, "--report format"); !st) return st.error();
    c.reports.emplace_back(format, spec.substr(eq + 1));
  }
  c.output = raw.output;
  if (raw.fail_on == "none") {
    c.fail_on = std::nullopt;
  } else if (auto sev = ParseSeverity(raw.fail_on)) {
    c.fail_on = sev;
  } else {
    return MakeError("--fail-on must be error, warning, note or none, not '" + raw.fail_on + "'");
  }
  if (raw.color != "auto" && raw.color != "always" && raw.color != "never") {
    return MakeError("--color must be auto, always or never, not '" + raw.color + "'");
  }
  if (raw.max_file_size == 0) return MakeError("--max-file-size must be at least 1");
  c.max_file_bytes = raw.max_file_size;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  c.jobs = raw.jobs == 0 ? cores : raw.jobs;
  if (!raw.catalog.empty()) {
    if (Status st = CheckInputFile(raw.catalog, "--catalog"); !st) return st.error();
  }
  c.catalog_file = raw.catalog;
  if (!raw.baseline.empty()) {
    if (Status st = CheckInputFile(raw.baseline, "--baseline"); !st) return st.error();
  }
  c.baseline_file = raw.baseline;
  c.policy = raw.policy;
  c.exclude = raw.exclude;

  std::vector<std::string> paths = raw.paths.empty() ? std::vector<std::string>{"."} : raw.paths;
  c.roots = paths;
  ScanTarget files{ScanTarget::Type::kFiles, "", "", {}};
  for (const std::string& p : paths) {
    std::error_code ec;
    auto status = std::filesystem::status(p, ec);
    if (ec || !std::filesystem::exists(status)) return MakeError("path not found: " + p);
    if (std::filesystem::is_directory(status)) {
      // One directory: paths relative to it. Several arguments: relative to
      // the working directory, as written on the command line.
      std::string prefix = paths.size() == 1 ? "" : NormalizeDisplayPath(p);
      if (prefix == ".") prefix.clear();
      c.targets.push_back({ScanTarget::Type::kDirectory, p, prefix, {}});
    } else {
      files.files.push_back(p);
    }
  }
  if (!files.files.empty()) c.targets.push_back(std::move(files));
  Status git = ValidateGit(raw, paths, c);
  if (!git) return git.error();
  if (raw.archive_depth == 0) return MakeError("--archive-depth must be at least 1");
  if (raw.archive_max_bytes == 0) return MakeError("--archive-max-bytes must be at least 1");
  if (raw.archive_max_entries == 0) return MakeError("--archive-max-entries must be at least 1");
  if (raw.archive_max_ratio == 0) return MakeError("--archive-max-ratio must be at least 1");
  c.archive_depth = raw.archive_depth;
  c.archive_max_bytes = raw.archive_max_bytes;
  c.archive_max_entries = raw.archive_max_entries;
  c.archive_max_ratio = raw.archive_max_ratio;

  c.color = c.format == "text" && ColorWanted(raw.color, raw.output);
  c.progress = !raw.quiet && ::isatty(STDERR_FILENO) == 1;
  return c;
}

}  // namespace modelprov::cli
