#include "source/git_repo.h"

namespace modelprov {

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
  git_reference_iterator* it = nullptr;
  if (git_reference_iterator_new(&it, repo) != 0) return true;
  git_reference* ref = nullptr;
  bool any = git_reference_next(&ref, it) == 0;
  git_reference_free(ref);
  git_reference_iterator_free(it);
  return any;
}

}  // namespace

Result<std::shared_ptr<GitRepo>> GitRepo::Discover(const std::string& path) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0 || repo == nullptr) {
    git_libgit2_shutdown();
    return MakeError(path + " is not inside a git repository");
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
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo_, rev.c_str()) != 0) {
    if (git_repository_head_unborn(repo_) == 1 && !HasReferences(repo_)) {
      return MakeError("unknown revision '" + rev + "': the repository has no commits yet");
    }
    if (git_repository_head_unborn(repo_) == 1 && (rev.rfind("HEAD", 0) == 0 || rev.rfind("@", 0) == 0)) {
      return MakeError("unknown revision '" + rev + "': the current branch has no commits yet");
    }
    return MakeError(GitErrorMessage("unknown revision '" + rev + "'") + ShallowHint());
  }
  git_object* commit = nullptr;
  int rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
  git_object_free(obj);
  if (rc != 0) return MakeError(GitErrorMessage("revision '" + rev + "' does not name a commit") + ShallowHint());
  git_oid id = *git_object_id(commit);
  git_object_free(commit);
  return id;
}

std::string GitRepo::ShallowHint() const {
  if (git_repository_is_shallow(repo_) != 1) return "";
  return " (this is a shallow clone: fetch more history, e.g. git fetch --deepen / fetch-depth: 0)";
}

Result<std::optional<std::string>> GitRepo::ReadFileAt(const git_oid& commit, const std::string& path) const {
  Result<git_tree*> tree = CommitTree(commit);
  if (!tree) return tree.error();
  std::lock_guard<std::mutex> lock(mu_);
  git_tree_entry* entry = nullptr;
  int rc = git_tree_entry_bypath(&entry, *tree, path.c_str());
  git_tree_free(*tree);
  if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
  if (rc != 0) return MakeError(GitErrorMessage("cannot read " + path + " in commit " + OidHex(commit)));
  git_filemode_t mode = git_tree_entry_filemode(entry);
  git_oid id = *git_tree_entry_id(entry);
  git_tree_entry_free(entry);
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return std::optional<std::string>();
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo_, &id) != 0) {
    return MakeError(GitErrorMessage("corrupt or missing git object " + OidHex(id) + " (" + path + ")"));
  }
  std::string data(static_cast<const char*>(git_blob_rawcontent(blob)), git_blob_rawsize(blob));
  git_blob_free(blob);
  return std::optional<std::string>(std::move(data));
}

Result<git_tree*> GitRepo::CommitTree(const git_oid& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo_, &id) != 0) {
    return MakeError(GitErrorMessage("cannot read commit " + OidHex(id)));
  }
  git_tree* tree = nullptr;
  int rc = git_commit_tree(&tree, commit);
  git_commit_free(commit);
  if (rc != 0) return MakeError(GitErrorMessage("cannot read the tree of commit " + OidHex(id)));
  return tree;
}

std::string GitRepo::ShortId(const git_oid& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  git_object* obj = nullptr;
  std::string out = OidHex(id).substr(0, 7);
  if (git_object_lookup(&obj, repo_, &id, GIT_OBJECT_ANY) == 0) {
    git_buf buf = GIT_BUF_INIT;
    if (git_object_short_id(&buf, obj) == 0) out.assign(buf.ptr, buf.size);
    git_buf_dispose(&buf);
    git_object_free(obj);
  }
  return out;
}

}  // namespace modelprov
