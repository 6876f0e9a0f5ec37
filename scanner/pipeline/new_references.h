// The --since filter: keep only references that are new relative to REV.
//
// A reference's identity here is (kind, text, path), not its line: a line
// that merely moved, or a file that was renamed (the baseline is read under
// the new path), is not new. A text that appears more often than before is
// also not new; only identities absent from REV's version count.
#pragma once

#include "core/scan_result.h"

namespace modelprov {

// Drops from `changed` every reference whose identity occurs in `baseline`.
void KeepNewReferences(ScanResult& changed, const ScanResult& baseline);

}  // namespace modelprov
