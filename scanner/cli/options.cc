#include "cli/options.h"

#include <filesystem>
#include <thread>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "report/writer.h"
#include "source/file_list_source.h"

namespace modelprov::cli {

void AddScanFlags(CLI::App& cmd, RawScanOptions& raw) {
  cmd.add_option("paths", raw.paths, "Directories or files to scan (default: .)");
  cmd.add_option("-f,--format", raw.format, "Output format: text or json")->capture_default_str();
  cmd.add_option("-o,--output", raw.output, "Write the report to FILE instead of standard output");
  cmd.add_option("-j,--jobs", raw.jobs, "Worker threads (default: all cores)");
  cmd.add_option("--fail-on", raw.fail_on, "Exit 1 when a finding has this severity or higher: error, warning, note, none")
      ->capture_default_str();
  cmd.add_option("--catalog", raw.catalog, "JSON file whose entries override or extend the built-in catalog");
  cmd.add_option("--max-file-size", raw.max_file_size, "Largest file (bytes) loaded for text extraction")
      ->capture_default_str();
  cmd.add_option("--color", raw.color, "Colour output: auto, always, never")->capture_default_str();
  cmd.add_flag("-q,--quiet", raw.quiet, "No progress line");
  cmd.add_option("--policy", raw.policy,
                 "Policy FILE, builtin:NAME or none (default: .modelprov.yml in the scanned directory, "
                 "else builtin:default)");
  cmd.add_option("--baseline", raw.baseline, "Baseline FILE: findings it lists are reported as suppressed");
}

Result<ScanConfig> Validate(const RawScanOptions& raw) {
  ScanConfig c;
  WriterList writers = DefaultWriters();
  if (FindWriter(writers, raw.format) == nullptr) {
    std::string known;
    for (const auto& w : writers) known += (known.empty() ? "" : ", ") + std::string(w->id());
    return MakeError("unknown --format '" + raw.format + "' (known: " + known + ")");
  }
  c.format = raw.format;
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
  if (!raw.catalog.empty() && !std::filesystem::is_regular_file(raw.catalog)) {
    return MakeError("--catalog file not found: " + raw.catalog);
  }
  c.catalog_file = raw.catalog;
  if (!raw.baseline.empty() && !std::filesystem::is_regular_file(raw.baseline)) {
    return MakeError("--baseline file not found: " + raw.baseline);
  }
  c.baseline_file = raw.baseline;
  c.policy = raw.policy;

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

  bool to_terminal = raw.output.empty() && ::isatty(STDOUT_FILENO) == 1;
  c.color = raw.color == "always" || (raw.color == "auto" && to_terminal && c.format == "text");
  c.progress = !raw.quiet && ::isatty(STDERR_FILENO) == 1;
  return c;
}

}  // namespace modelprov::cli
