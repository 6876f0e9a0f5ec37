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
#include <vector>

#include "core/result.h"
#include "core/scan_error.h"

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
  // When the work tree's `.git` is a file ("gitdir: /other/repo/.git")
  // naming a repository that is neither inside the work tree nor one that
  // names this directory as its work tree (a linked worktree's `gitdir`
  // file, a submodule's core.worktree): why the repository must not be read
  // as this directory's. nullopt otherwise.
  std::optional<std::string> ForeignGitdir() const;
  // The shortest unambiguous abbreviation, at least 7 hex digits.
  std::string ShortId(const git_oid& id) const;

 private:
  // " (this is a shallow clone: ...)" in a shallow clone, else empty.
  std::string ShallowHint() const;
  explicit GitRepo(git_repository* repo) : repo_(repo) {}
  git_repository* repo_;
  mutable std::mutex mu_;
};

// Owning handles for libgit2 objects: every object a function looks up is
// freed on every path, error paths included.
template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};
using GitObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using GitTreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using GitTreeEntryPtr = std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using GitCommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using GitBlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using GitIndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using GitDiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using GitOdbPtr = std::unique_ptr<git_odb, GitDeleter<git_odb, git_odb_free>>;
using GitConfigPtr = std::unique_ptr<git_config, GitDeleter<git_config, git_config_free>>;
using GitReferencePtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using GitReferenceIteratorPtr =
    std::unique_ptr<git_reference_iterator, GitDeleter<git_reference_iterator, git_reference_iterator_free>>;
using GitRevwalkPtr = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using GitRepositoryPtr = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;

// Why `path` must not be opened: it exists and is not a regular file (a FIFO,
// socket, device or directory, directly or behind a symbolic link), which
// would block or fail an open(). nullopt when it is a regular file or does
// not exist. Only stat()s, never opens.
std::optional<std::string> NotRegularFileReason(const std::string& path);

// The git metadata files libgit2 opens when it reads the index or applies
// ignore rules: <gitdir>/index, <gitdir>/info/exclude and core.excludesFile.
// A FIFO there would block libgit2's open() forever, so each is checked with
// stat() before libgit2 may touch it; a special file becomes an error entry
// (`display_prefix` + its path relative to the work tree) and the matching
// flag says not to use it.
struct GitMetadataCheck {
  bool index_usable = true;
  bool ignores_usable = true;
  std::vector<ScanError> errors;
};
GitMetadataCheck CheckGitMetadata(git_repository* repo);

// Opens the repository containing `path` like git_repository_open_ext, after
// checking that the git metadata read while opening (the `.git` file,
// config, HEAD, commondir) is made of regular files. On failure `error`
// says why (a special file, or no repository).
git_repository* OpenRepositorySafely(const std::string& path, std::string* error);

// The last libgit2 error as one line, prefixed with `what`.
std::string GitErrorMessage(const std::string& what);

std::string OidHex(const git_oid& id);

// The error entry every mode gives a submodule (gitlink) at commit `id`.
std::string SubmoduleMessage(const git_oid& id);

}  // namespace modelprov
