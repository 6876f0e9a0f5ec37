// Sources that read from a git repository's object database instead of (or
// next to) the work tree:
//
//   StagedSources       what `git commit` would record: files whose index
//                       version differs from HEAD (added, modified, renamed,
//                       copied, type-changed), read from the index blobs
//                       (origin "index"), plus a baseline of HEAD's versions
//                       of them (and of staged deletions), so the caller can
//                       judge only what the commit adds. With an unborn HEAD
//                       every index entry counts as added. Restricted to
//                       named paths (what the pre-commit framework passes),
//                       a named file the commit does not change is read
//                       whole from the index with no baseline: it was named
//                       to be checked (`pre-commit run --all-files`).
//   CommitTreeSource    every file of a commit's tree, straight from the
//                       object database (works in bare clones). Origin
//                       "commit:<short-hash>".
//   ChangedSinceSources the files that changed between REV and the work tree
//                       (or a commit), plus a "baseline" source holding REV's
//                       version of each of them under the new path (and of
//                       deleted files under their old path), so the caller
//                       can drop references that already existed or moved.
//                       Renames are detected, in the work tree also from a
//                       deleted file to an untracked one.
//
// All paths are relative to the repository root, whatever directory the
// scan was started from. Submodules (gitlinks) are listed as error entries
// and never entered; symbolic links are skipped; an object that cannot be
// read becomes an error entry for its path.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "source/git_repo.h"
#include "source/source.h"

namespace modelprov {

Result<std::unique_ptr<Source>> MakeCommitTreeSource(std::shared_ptr<GitRepo> repo, const std::string& rev);

struct ChangedSources {
  std::unique_ptr<Source> changed;   // the new versions
  std::unique_ptr<Source> baseline;  // REV's versions of the modified, renamed and deleted files
};

// `only_paths` empty: every staged change. Otherwise repository-relative
// paths: the staged changes among them, and the index version of those the
// commit leaves as they are. A named path the index does not hold is an
// error entry.
Result<ChangedSources> MakeStagedSources(std::shared_ptr<GitRepo> repo, const std::vector<std::string>& only_paths);
// `commit_rev` empty: compare against the work tree (staged and unstaged
// changes plus untracked, not-ignored files). Otherwise compare against that
// commit's tree.
Result<ChangedSources> MakeChangedSinceSources(std::shared_ptr<GitRepo> repo, const std::string& since_rev,
                                               const std::string& commit_rev);

}  // namespace modelprov
