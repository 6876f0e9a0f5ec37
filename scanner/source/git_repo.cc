#include "source/git_repo.h"

#include <sys/stat.h>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace modelprov {

std::optional<std::string> NotRegularFileReason(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;  // absent (or a dangling link): nothing is opened
  if (S_ISREG(st.st_mode)) return std::nullopt;
  if (S_ISDIR(st.st_mode)) return "is a directory, not a file; not read";
  return "is not a regular file (FIFO, socket or device); not read";
}

namespace {

// "a/.git/index" as the user knows it: relative to the work tree when inside it.
std::string DisplayGitPath(git_repository* repo, const std::string& path) {
  const char* w = git_repository_workdir(repo);
  if (w != nullptr) {
    std::string workdir = w;
    if (path.compare(0, workdir.size(), workdir) == 0) return path.substr(workdir.size());
  }
  return path;
}

std::string GitConfigPath(git_repository* repo, const char* key) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return "";
  GitConfigPtr cfg(raw);
  git_buf buf = GIT_BUF_INIT;
  std::string out;
  if (git_config_get_path(&buf, cfg.get(), key) == 0 && buf.ptr != nullptr) out.assign(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  git_error_clear();
  return out;
}

}  // namespace

GitMetadataCheck CheckGitMetadata(git_repository* repo) {
  GitMetadataCheck check;
  std::string gitdir = git_repository_path(repo);
  std::string commondir = git_repository_commondir(repo);
  if (auto why = NotRegularFileReason(gitdir + "index")) {
    check.index_usable = false;
    check.errors.push_back({DisplayGitPath(repo, gitdir + "index"),
                            "git index " + *why + "; every file counts as untracked"});
  }
  std::vector<std::string> excludes{commondir + "info/exclude"};
  std::string global = GitConfigPath(repo, "core.excludesFile");
  if (!global.empty()) {
    excludes.push_back(global);
    // libgit2 opens a relative core.excludesFile from the process's
    // directory; git from the work tree. Both must be safe.
    const char* w = git_repository_workdir(repo);
    if (global.front() != '/' && w != nullptr) excludes.push_back(std::string(w) + global);
  }
  for (const std::string& path : excludes) {
    if (auto why = NotRegularFileReason(path)) {
      check.ignores_usable = false;
      check.errors.push_back({DisplayGitPath(repo, path), "git ignore file " + *why +
                                                              "; ignore rules were not applied, untracked files are scanned"});
    }
  }
  return check;
}

git_repository* OpenRepositorySafely(const std::string& path, std::string* error) {
  git_buf found = GIT_BUF_INIT;
  if (git_repository_discover(&found, path.c_str(), 0, nullptr) != 0) {
    git_buf_dispose(&found);
    *error = path + " is not inside a git repository";
    return nullptr;
  }
  std::string gitdir(found.ptr, found.size);
  git_buf_dispose(&found);
  if (!gitdir.empty() && gitdir.back() != '/') gitdir += '/';
  for (const char* name : {"config", "HEAD", "commondir", "gitdir"}) {
    if (auto why = NotRegularFileReason(gitdir + name)) {
      *error = gitdir + name + ": git metadata " + *why + "; the repository was not opened";
      return nullptr;
    }
  }
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0 || repo == nullptr) {
    *error = path + " is not inside a git repository";
    return nullptr;
  }
  return repo;
}

std::string GitErrorMessage(const std::string& what) {
  const git_error* e = git_error_last();
  std::string msg = what;
  if (e != nullptr && e->message != nullptr) msg += ": " + std::string(e->message);
  return msg;
}

std::string OidHex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

std::string SubmoduleMessage(const git_oid& id) {
  return "submodule at commit " + OidHex(id).substr(0, 12) + "; listed, not entered (scan it separately)";
}

namespace {

// False in a fresh repository: no branch or tag exists yet. (Unlike
// git_repository_is_empty, this does not depend on init.defaultBranch.)
bool HasReferences(git_repository* repo) {
  git_reference_iterator* raw_it = nullptr;
  if (git_reference_iterator_new(&raw_it, repo) != 0) return true;
  GitReferenceIteratorPtr it(raw_it);
  git_reference* raw_ref = nullptr;
  bool any = git_reference_next(&raw_ref, it.get()) == 0;
  GitReferencePtr ref(raw_ref);
  return any;
}

}  // namespace

Result<std::shared_ptr<GitRepo>> GitRepo::Discover(const std::string& path) {
  git_libgit2_init();
  std::string error;
  git_repository* repo = OpenRepositorySafely(path, &error);
  if (repo == nullptr) {
    git_libgit2_shutdown();
    return MakeError(error);
  }
  return std::shared_ptr<GitRepo>(new GitRepo(repo));
}

GitRepo::~GitRepo() {
  git_repository_free(repo_);
  git_libgit2_shutdown();
}

bool GitRepo::bare() const { return git_repository_is_bare(repo_) == 1; }
bool GitRepo::shallow() const { return git_repository_is_shallow(repo_) == 1; }
bool GitRepo::detached() const { return git_repository_head_detached(repo_) == 1; }
bool GitRepo::unborn() const { return git_repository_head_unborn(repo_) == 1; }

std::string GitRepo::workdir() const {
  const char* w = git_repository_workdir(repo_);
  return w == nullptr ? std::string() : std::string(w);
}

Result<git_oid> GitRepo::ResolveCommit(const std::string& rev) const {
  std::lock_guard<std::mutex> lock(mu_);
  git_object* raw_obj = nullptr;
  int parsed = git_revparse_single(&raw_obj, repo_, rev.c_str());
  // libgit2 may hand back an object even when it fails (a truncated pack):
  // owned from here on, whatever happens.
  GitObjectPtr obj(raw_obj);
  if (parsed != 0) {
    if (git_repository_head_unborn(repo_) == 1 && !HasReferences(repo_)) {
      return MakeError("unknown revision '" + rev + "': the repository has no commits yet");
    }
    if (git_repository_head_unborn(repo_) == 1 && (rev.rfind("HEAD", 0) == 0 || rev.rfind("@", 0) == 0)) {
      return MakeError("unknown revision '" + rev + "': the current branch has no commits yet");
    }
    return MakeError(GitErrorMessage("unknown revision '" + rev + "'") + ShallowHint());
  }
  git_object* raw_commit = nullptr;
  int rc = git_object_peel(&raw_commit, obj.get(), GIT_OBJECT_COMMIT);
  GitObjectPtr commit(raw_commit);
  if (rc != 0) return MakeError(GitErrorMessage("revision '" + rev + "' does not name a commit") + ShallowHint());
  return *git_object_id(commit.get());
}

std::string GitRepo::ShallowHint() const {
  if (git_repository_is_shallow(repo_) != 1) return "";
  return " (this is a shallow clone: fetch more history, e.g. git fetch --deepen / fetch-depth: 0)";
}

Result<std::optional<std::string>> GitRepo::ReadFileAt(const git_oid& commit, const std::string& path) const {
  Result<git_tree*> tree_result = CommitTree(commit);
  if (!tree_result) return tree_result.error();
  GitTreePtr tree(*tree_result);
  std::lock_guard<std::mutex> lock(mu_);
  git_tree_entry* raw_entry = nullptr;
  int rc = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  GitTreeEntryPtr entry(raw_entry);
  if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
  if (rc != 0) return MakeError(GitErrorMessage("cannot read " + path + " in commit " + OidHex(commit)));
  git_filemode_t mode = git_tree_entry_filemode(entry.get());
  git_oid id = *git_tree_entry_id(entry.get());
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return std::optional<std::string>();
  git_blob* raw_blob = nullptr;
  int found = git_blob_lookup(&raw_blob, repo_, &id);
  GitBlobPtr blob(raw_blob);
  if (found != 0) {
    return MakeError(GitErrorMessage("corrupt or missing git object " + OidHex(id) + " (" + path + ")"));
  }
  std::string data(static_cast<const char*>(git_blob_rawcontent(blob.get())), git_blob_rawsize(blob.get()));
  return std::optional<std::string>(std::move(data));
}

Result<git_tree*> GitRepo::CommitTree(const git_oid& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  git_commit* raw_commit = nullptr;
  int found = git_commit_lookup(&raw_commit, repo_, &id);
  GitCommitPtr commit(raw_commit);
  if (found != 0) return MakeError(GitErrorMessage("cannot read commit " + OidHex(id)));
  git_tree* raw_tree = nullptr;
  int rc = git_commit_tree(&raw_tree, commit.get());
  GitTreePtr tree(raw_tree);
  if (rc != 0) return MakeError(GitErrorMessage("cannot read the tree of commit " + OidHex(id)));
  return tree.release();
}

namespace {

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) return "";
  std::string out = buf;
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool Inside(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

}  // namespace

std::optional<std::string> GitRepo::ForeignGitdir() const {
  std::string work = workdir();
  if (work.empty()) return std::nullopt;
  struct stat st {};
  std::string dotgit = work + ".git";
  if (::lstat(dotgit.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;  // a normal .git directory
  std::string real_work = RealPath(work);
  std::string gitdir = RealPath(git_repository_path(repo_));
  if (real_work.empty() || gitdir.empty() || Inside(gitdir, real_work)) return std::nullopt;
  // A linked worktree (`git worktree add`): its gitdir's `gitdir` file names
  // this .git file.
  std::string back_file = std::string(git_repository_path(repo_)) + "gitdir";
  if (!NotRegularFileReason(back_file)) {
    if (FILE* f = std::fopen(back_file.c_str(), "rb")) {
      char buf[PATH_MAX + 2] = {};
      size_t n = std::fread(buf, 1, PATH_MAX, f);
      std::fclose(f);
      std::string named(buf, n);
      while (!named.empty() && (named.back() == '\n' || named.back() == '\r')) named.pop_back();
      if (!named.empty() && RealPath(named) == RealPath(dotgit)) return std::nullopt;
    }
  }
  // A submodule's gitdir under the superproject's .git/modules names its
  // checkout in core.worktree; libgit2 then reports that as the work tree.
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo_) == 0) {
    GitConfigPtr cfg(raw);
    git_buf buf = GIT_BUF_INIT;
    bool named = false;
    if (git_config_get_string_buf(&buf, cfg.get(), "core.worktree") == 0 && buf.ptr != nullptr) {
      std::string wt = buf.ptr;
      if (!wt.empty() && wt.front() != '/') wt = std::string(git_repository_path(repo_)) + wt;
      named = RealPath(wt) == real_work;
    }
    git_buf_dispose(&buf);
    git_error_clear();
    if (named) return std::nullopt;
  }
  return real_work + "/.git is a file pointing at a repository outside the scanned directory (" + gitdir +
         "), which does not name this directory as its work tree; not read. To scan that repository, pass it "
         "explicitly with --git-dir " + gitdir;
}

std::string GitRepo::ShortId(const git_oid& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  git_object* raw_obj = nullptr;
  std::string out = OidHex(id).substr(0, 7);
  int found = git_object_lookup(&raw_obj, repo_, &id, GIT_OBJECT_ANY);
  GitObjectPtr obj(raw_obj);
  if (found == 0) {
    git_buf buf = GIT_BUF_INIT;
    if (git_object_short_id(&buf, obj.get()) == 0) out.assign(buf.ptr, buf.size);
    git_buf_dispose(&buf);
  }
  return out;
}

}  // namespace modelprov
