// ScanResult: everything one scan produced. It is the serialisable hand-off
// between the analysis stages and the report writers (ORT-style), so a report
// can be rendered later from a saved JSON scan.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/history.h"
#include "core/model_summary.h"
#include "core/resolved.h"
#include "core/scan_error.h"
#include "core/terms.h"

namespace modelprov {

struct ScanStats {
  uint64_t files = 0;    // files considered (walked and not excluded)
  uint64_t bytes = 0;    // total size of those files
  double seconds = 0.0;  // wall time of the scan
  uint64_t excluded = 0; // files left out by --exclude or .modelprovignore
};

// A scan that judged a change (--staged, --since) lists only the references
// the change adds, not everything the repository uses: reports must say so.
struct ChangeScope {
  std::string mode;          // "staged" or "since"
  std::string base;          // --since REV as given; empty for --staged
  bool whole_files = false;  // --whole-files: every reference of a changed file
};

// The catalog's facts about one license, so writers (and `report --from`)
// can name, link and categorise every license a scan mentions, including
// licenses only inherited through lineage. Empty strings: unknown.
struct LicenseFacts {
  std::string id;        // SPDX id or LicenseRef-...
  std::string name;
  std::string url;       // where the license text is published
  std::string category;  // permissive, ..., proprietary-api-terms
  bool spdx = false;     // on the SPDX license list
  TermMap terms;         // this license's own terms (not merged with others)
};

struct ScanResult {
  std::string tool_version;
  std::vector<std::string> roots;             // what was scanned, as given
  std::vector<ResolvedReference> references;  // sorted by path, line, column
  std::vector<ModelSummary> models;           // sorted by id
  std::vector<Finding> findings;
  // Every license id that appears in references, models or lineage, keyed by
  // id as written there, with the catalog's facts (see LicenseFacts).
  std::map<std::string, LicenseFacts> licenses;
  std::vector<ScanError> errors;              // sorted by path
  ScanStats stats;
  // Set only by `scan --history`: one entry per model ever referenced in the
  // walked history (removed ones included), sorted by model id.
  std::optional<std::vector<ModelHistory>> history;
  // Set only by --staged and --since.
  std::optional<ChangeScope> change;
};

}  // namespace modelprov
