// The analyzer -> evaluator hand-off as a library call: one request in (what
// to scan, with which catalog, policy and baseline), one ScanResult out
// (references, models, licenses, history and the policy's findings), the
// value report/scan_json.h serialises and `report --from` reads back. The
// CLI's scan and baseline commands parse flags, build an AnalysisRequest and
// call Analyze(); nothing here prints.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/scan_target.h"
#include "core/result.h"
#include "core/scan_result.h"
#include "pipeline/pipeline.h"

namespace modelprov::analysis {

struct AnalysisRequest {
  std::vector<ScanTarget> targets;  // the work-tree mode's inputs
  std::vector<std::string> roots;   // as given, recorded in the result
  unsigned jobs = 1;
  std::string catalog_file;         // overlay on the built-in catalog; empty: built-in only
  uint64_t max_file_bytes = 64ull << 20;
  // Git modes (docs/git-and-archives.md).
  GitMode git_mode = GitMode::kWorkTree;
  std::string git_path;             // where to look for the repository (git modes and history)
  bool git_dir_explicit = false;    // the user named the repository: read it wherever it is
  std::vector<std::string> staged_paths;  // --staged FILE...: only these; empty: every staged change
  bool whole_files = false;         // every reference of a changed file, not only the added ones
  std::string since_rev;
  std::string commit_rev;           // empty: HEAD for history, the work tree for since
  bool history = false;
  uint64_t history_limit = 10000;
  unsigned archive_depth = 4;
  uint64_t archive_max_bytes = 1ull << 30;
  uint64_t archive_max_entries = 100000;
  uint64_t archive_max_ratio = 200;
  std::string policy;               // FILE, builtin:NAME or none; empty: discover .modelprov.yml
  std::string baseline_file;        // empty: no baseline
  std::vector<std::string> exclude; // gitignore-syntax patterns; .modelprovignore's are added
  std::string tool_version;         // recorded in the result

  // Observers (both optional). Progress of the main scan; notes and
  // warnings ("note: HEAD is detached", "warning: policy names unknown
  // family ...") as they arise, for the caller to print.
  std::function<void(const ScanProgress&)> on_progress;
  std::function<void(std::string_view)> on_note;
};

// Loads the catalog, policy and baseline, scans, resolves, summarises and
// evaluates the policy into ScanResult::findings. Configuration problems
// (catalog, repository, policy, baseline, ignore patterns) are errors,
// reported before any file is read.
Result<ScanResult> Analyze(const AnalysisRequest& request);

}  // namespace modelprov::analysis
