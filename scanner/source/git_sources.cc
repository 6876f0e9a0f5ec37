#include "source/git_sources.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "source/file_blob.h"

namespace modelprov {
namespace {

// A blob's bytes, copied out of libgit2 so the worker can read them without
// holding the repository lock.
class MemoryBlob final : public Blob {
 public:
  explicit MemoryBlob(std::string data) : data_(std::move(data)) {}
  uint64_t size() const override { return data_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    if (offset >= data_.size()) return size_t{0};
    size_t count = std::min<uint64_t>(n, data_.size() - offset);
    std::memcpy(buf, data_.data() + offset, count);
    return count;
  }

 private:
  std::string data_;
};

constexpr const char* kBlobPrefix = "blob:";
constexpr const char* kFilePrefix = "file:";

// Entries decided up front (by a diff or a tree walk); Walk replays them.
class GitObjectSource final : public Source {
 public:
  GitObjectSource(std::shared_ptr<GitRepo> repo, std::string description, std::string origin)
      : repo_(std::move(repo)), description_(std::move(description)), origin_(std::move(origin)) {}

  std::string Describe() const override { return description_; }
  std::string origin() const override { return origin_; }

  Status Walk(EntrySink& sink) override {
    for (Entry& e : entries_) sink.OnEntry(std::move(e));
    for (ScanError& e : errors_) sink.OnError(std::move(e));
    entries_.clear();
    errors_.clear();
    return Ok{};
  }

  Result<std::unique_ptr<Blob>> Open(const Entry& entry) const override {
    if (entry.locator.rfind(kFilePrefix, 0) == 0) return OpenFileBlob(entry.locator.substr(std::strlen(kFilePrefix)));
    git_oid id;
    if (git_oid_fromstr(&id, entry.locator.c_str() + std::strlen(kBlobPrefix)) != 0) {
      return MakeError("internal: bad blob locator " + entry.locator);
    }
    std::lock_guard<std::mutex> lock(repo_->mutex());
    git_blob* blob = nullptr;
    if (git_blob_lookup(&blob, repo_->get(), &id) != 0) {
      return MakeError(GitErrorMessage("corrupt or missing git object " + OidHex(id)));
    }
    std::string data(static_cast<const char*>(git_blob_rawcontent(blob)), git_blob_rawsize(blob));
    git_blob_free(blob);
    return std::unique_ptr<Blob>(std::make_unique<MemoryBlob>(std::move(data)));
  }

  void AddBlob(const std::string& path, const git_oid& id, uint64_t size) {
    entries_.push_back({path, kBlobPrefix + OidHex(id), size});
  }
  void AddFile(const std::string& path, const std::string& fs_path, uint64_t size) {
    entries_.push_back({path, kFilePrefix + fs_path, size});
  }
  void AddError(ScanError e) { errors_.push_back(std::move(e)); }
  bool empty() const { return entries_.empty(); }

 private:
  std::shared_ptr<GitRepo> repo_;
  std::string description_;
  std::string origin_;
  std::vector<Entry> entries_;
  std::vector<ScanError> errors_;
};

bool IsBlobMode(uint32_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

uint64_t BlobSize(git_repository* repo, const git_oid& id) {
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repo) != 0) return 0;
  size_t size = 0;
  git_object_t type;
  if (git_odb_read_header(&size, &type, odb, &id) != 0) size = 0;
  git_odb_free(odb);
  return size;
}

void WalkTree(git_repository* repo, git_tree* tree, const std::string& prefix, GitObjectSource& out) {
  size_t n = git_tree_entrycount(tree);
  for (size_t i = 0; i < n; ++i) {
    const git_tree_entry* te = git_tree_entry_byindex(tree, i);
    std::string path = prefix + git_tree_entry_name(te);
    const git_oid* id = git_tree_entry_id(te);
    git_filemode_t mode = git_tree_entry_filemode(te);
    if (mode == GIT_FILEMODE_TREE) {
      git_tree* sub = nullptr;
      if (git_tree_lookup(&sub, repo, id) != 0) {
        out.AddError({path, GitErrorMessage("corrupt or missing git tree " + OidHex(*id)) + "; its files were not scanned"});
        continue;
      }
      WalkTree(repo, sub, path + "/", out);
      git_tree_free(sub);
    } else if (mode == GIT_FILEMODE_COMMIT) {
      out.AddError({path, SubmoduleMessage(*id)});
    } else if (IsBlobMode(mode)) {
      out.AddBlob(path, *id, BlobSize(repo, *id));
    }  // symbolic links: skipped, as in the work tree walk
  }
}

// Applies rename/copy detection so a moved file keeps its baseline. With
// `untracked`, an untracked file can be the new name of a deleted one (a file
// renamed on disk and not yet `git add`-ed).
Status FindRenames(git_diff* diff, bool untracked = false) {
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  if (untracked) find.flags |= GIT_DIFF_FIND_FOR_UNTRACKED;
  if (git_diff_find_similar(diff, &find) != 0) return MakeError(GitErrorMessage("rename detection failed"));
  return Ok{};
}

bool IsNewSide(git_delta_t status) {
  return status == GIT_DELTA_ADDED || status == GIT_DELTA_MODIFIED || status == GIT_DELTA_RENAMED ||
         status == GIT_DELTA_COPIED || status == GIT_DELTA_TYPECHANGE || status == GIT_DELTA_UNTRACKED;
}

}  // namespace

Result<std::unique_ptr<Source>> MakeStagedIndexSource(std::shared_ptr<GitRepo> repo) {
  if (repo->bare()) return MakeError("--staged needs a work tree; this repository is bare");
  std::lock_guard<std::mutex> lock(repo->mutex());
  git_repository* r = repo->get();
  git_tree* head_tree = nullptr;
  if (!repo->unborn()) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, r, "HEAD^{tree}") != 0) return MakeError(GitErrorMessage("cannot read HEAD"));
    head_tree = reinterpret_cast<git_tree*>(obj);
  }
  // `git commit -a` and `git commit <paths>` prepare the commit in a
  // temporary index and name it in GIT_INDEX_FILE for the hooks; that index,
  // not .git/index, is what is about to be committed.
  git_index* index = nullptr;
  const char* index_file = std::getenv("GIT_INDEX_FILE");
  int index_rc = index_file != nullptr && *index_file != '\0' ? git_index_open(&index, index_file)
                                                               : git_repository_index(&index, r);
  if (index_rc != 0) {
    git_tree_free(head_tree);
    return MakeError(GitErrorMessage("cannot read the index"));
  }
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_diff* diff = nullptr;
  int rc = git_diff_tree_to_index(&diff, r, head_tree, index, &opts);
  git_index_free(index);
  git_tree_free(head_tree);
  if (rc != 0) return MakeError(GitErrorMessage("cannot compare the index with HEAD"));
  Status renames = FindRenames(diff);
  if (!renames) {
    git_diff_free(diff);
    return renames.error();
  }
  auto src = std::make_unique<GitObjectSource>(repo, "staged changes (index vs HEAD)", "index");
  for (size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    if (!IsNewSide(d->status)) continue;
    const git_diff_file& f = d->new_file;
    if (f.mode == GIT_FILEMODE_COMMIT) {
      src->AddError({f.path, SubmoduleMessage(f.id)});
    } else if (IsBlobMode(f.mode)) {
      src->AddBlob(f.path, f.id, f.size);
    }
  }
  git_diff_free(diff);
  return std::unique_ptr<Source>(std::move(src));
}

Result<std::unique_ptr<Source>> MakeCommitTreeSource(std::shared_ptr<GitRepo> repo, const std::string& rev) {
  Result<git_oid> id = repo->ResolveCommit(rev);
  if (!id) return id.error();
  Result<git_tree*> tree = repo->CommitTree(*id);
  if (!tree) return tree.error();
  std::string short_id = repo->ShortId(*id);
  auto src = std::make_unique<GitObjectSource>(repo, "commit " + short_id + " (" + rev + ")", "commit:" + short_id);
  {
    std::lock_guard<std::mutex> lock(repo->mutex());
    WalkTree(repo->get(), *tree, "", *src);
  }
  git_tree_free(*tree);
  return std::unique_ptr<Source>(std::move(src));
}

Result<ChangedSources> MakeChangedSinceSources(std::shared_ptr<GitRepo> repo, const std::string& since_rev,
                                               const std::string& commit_rev) {
  Result<git_oid> since = repo->ResolveCommit(since_rev);
  if (!since) return since.error();
  Result<git_tree*> old_tree = repo->CommitTree(*since);
  if (!old_tree) return old_tree.error();
  git_tree* new_tree = nullptr;
  std::string origin = "worktree", description = "changes since " + since_rev + " in the work tree";
  if (!commit_rev.empty()) {
    Result<git_oid> to = repo->ResolveCommit(commit_rev);
    Result<git_tree*> t = to ? repo->CommitTree(*to) : Result<git_tree*>(to.error());
    if (!t) {
      git_tree_free(*old_tree);
      return t.error();
    }
    new_tree = *t;
    origin = "commit:" + repo->ShortId(*to);
    description = "changes " + since_rev + ".." + commit_rev;
  } else if (repo->bare()) {
    git_tree_free(*old_tree);
    return MakeError("--since without --commit compares with the work tree; this repository is bare");
  }

  const bool to_commit = new_tree != nullptr;
  std::lock_guard<std::mutex> lock(repo->mutex());
  git_repository* r = repo->get();
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_diff* diff = nullptr;
  int rc;
  if (to_commit) {
    rc = git_diff_tree_to_tree(&diff, r, *old_tree, new_tree, &opts);
  } else {
    opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    rc = git_diff_tree_to_workdir_with_index(&diff, r, *old_tree, &opts);
  }
  git_tree_free(*old_tree);
  git_tree_free(new_tree);
  if (rc != 0) return MakeError(GitErrorMessage("cannot compare with " + since_rev));
  Status renames = FindRenames(diff, !to_commit);
  if (!renames) {
    git_diff_free(diff);
    return renames.error();
  }
  auto changed = std::make_unique<GitObjectSource>(repo, description, origin);
  auto baseline = std::make_unique<GitObjectSource>(repo, since_rev + " versions of the changed files", "commit");
  std::string workdir = repo->workdir();
  for (size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    if (d->status == GIT_DELTA_DELETED) {
      // Nothing to report, but what the file referenced may have moved to
      // another changed file (new_references.h).
      if (IsBlobMode(d->old_file.mode)) baseline->AddBlob(d->old_file.path, d->old_file.id, d->old_file.size);
      continue;
    }
    if (!IsNewSide(d->status)) continue;
    const git_diff_file& f = d->new_file;
    if (f.mode == GIT_FILEMODE_COMMIT) {
      changed->AddError({f.path, SubmoduleMessage(f.id)});
      continue;
    }
    if (!IsBlobMode(f.mode)) continue;
    if (to_commit) {
      changed->AddBlob(f.path, f.id, f.size);
    } else {
      changed->AddFile(f.path, workdir + f.path, f.size);
    }
    if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_UNTRACKED && IsBlobMode(d->old_file.mode)) {
      baseline->AddBlob(f.path, d->old_file.id, d->old_file.size);
    }
  }
  git_diff_free(diff);
  return ChangedSources{std::move(changed), std::move(baseline)};
}

}  // namespace modelprov
