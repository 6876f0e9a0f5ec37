// The --since filter: keep only references that are new relative to REV.
//
// A reference's identity here is (kind, text, path), not its line: a line
// that merely moved, or a file that was renamed (the baseline is read under
// the new path), is not new. A text that appears more often than before is
// also not new; only identities absent from REV's version count.
//
// A line moved to another file is not new either: when a (kind, text) pair
// disappeared from one changed file (it was in REV's version and is not in
// the new version, or the file was deleted) and appears in another, it moved.
#pragma once

#include "core/scan_result.h"

namespace modelprov {

// Drops from `changed` every reference whose identity occurs in `baseline`,
// or whose (kind, text) left some other file of `baseline`. `baseline` holds
// REV's versions of the changed files, deleted ones included, under their
// new paths.
void KeepNewReferences(ScanResult& changed, const ScanResult& baseline);

}  // namespace modelprov
