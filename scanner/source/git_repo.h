// GitRepo: one opened repository shared by the git sources and the history
// walk. Owns the libgit2 handle and serialises object-database reads: the
// workers open blobs concurrently, and one mutex keeps libgit2's caches
// single-threaded without costing anything measurable next to extraction.
#pragma once

#include <git2.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"

namespace modelprov {

class GitRepo {
 public:
  // Finds the repository containing `path` (walking up like git does).
  // Fails with "<path> is not inside a git repository" otherwise.
  static Result<std::shared_ptr<GitRepo>> Discover(const std::string& path);
  ~GitRepo();
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  git_repository* get() const { return repo_; }
  std::mutex& mutex() const { return mu_; }

  bool bare() const;
  bool shallow() const;
  // HEAD points at a commit directly rather than through a branch.
  bool detached() const;
  // The branch HEAD names has no commit yet (a fresh `git init`).
  bool unborn() const;
  // Absolute work tree path with a trailing '/'; empty for bare repositories.
  std::string workdir() const;

  // Resolves a revision ("HEAD~2", "v1.0", a hash) to a commit. Failures
  // say "the repository has no commits yet" in an empty repository and
  // suggest fetching more history in a shallow clone.
  Result<git_oid> ResolveCommit(const std::string& rev) const;
  // The content of the blob at `path` (repository-relative, '/'-separated)
  // in a commit's tree; nullopt when the tree has no regular file there.
  Result<std::optional<std::string>> ReadFileAt(const git_oid& commit, const std::string& path) const;
  // The tree of a commit; the caller frees it.
  Result<git_tree*> CommitTree(const git_oid& commit) const;
  // The shortest unambiguous abbreviation, at least 7 hex digits.
  std::string ShortId(const git_oid& id) const;

 private:
  // " (this is a shallow clone: ...)" in a shallow clone, else empty.
  std::string ShallowHint() const;
  explicit GitRepo(git_repository* repo) : repo_(repo) {}
  git_repository* repo_;
  mutable std::mutex mu_;
};

// The last libgit2 error as one line, prefixed with `what`.
std::string GitErrorMessage(const std::string& what);

std::string OidHex(const git_oid& id);

// The error entry every mode gives a submodule (gitlink) at commit `id`.
std::string SubmoduleMessage(const git_oid& id);

}  // namespace modelprov
