// The --history walk: when did each model dependency enter the code, and
// when (if ever) did it leave?
//
// Walks the first-parent history from a commit once (oldest first), diffs
// each commit's tree against its first parent's, and scans only the blobs that
// changed (and only those some extractor claims by name, or archives), with
// the same extractors and resolver as a normal scan. Per path it keeps the set
// of model ids the current version references, so a model is "introduced" by
// the first commit after which some file references it and "removed" by the
// commit after which none does (cleared again if it comes back). A blob seen
// twice under the same path is scanned once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/resolver.h"
#include "core/history.h"
#include "core/scan_error.h"
#include "extract/extractor.h"
#include "pipeline/pipeline.h"
#include "source/git_repo.h"

namespace modelprov {

struct HistoryResult {
  // Sorted by model id ignoring case (the order of models[]); case variants
  // of an id are one model, spelled as first seen.
  std::vector<ModelHistory> models;
  // Walk-level notes: the --history-limit was hit, the clone is shallow, an
  // object could not be read; and an entry per submodule in the walked
  // commit's tree (SubmoduleMessage), as the scan sources give.
  std::vector<ScanError> errors;
};

// `limit`: most commits walked; older history is ignored and an error entry
// says so (the oldest walked commit then "introduces" what it contains).
HistoryResult WalkHistory(GitRepo& repo, const std::string& rev, uint64_t limit, const ExtractorList& extractors,
                          const Resolver& resolver, const ScanLimits& limits);

}  // namespace modelprov
