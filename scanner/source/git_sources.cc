#include "source/git_sources.h"

#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_set>
#include <vector>

#include "source/directory_source.h"
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
    git_blob* raw_blob = nullptr;
    int found = git_blob_lookup(&raw_blob, repo_->get(), &id);
    GitBlobPtr blob(raw_blob);
    if (found != 0) return MakeError(GitErrorMessage("corrupt or missing git object " + OidHex(id)));
    std::string data(static_cast<const char*>(git_blob_rawcontent(blob.get())), git_blob_rawsize(blob.get()));
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
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) != 0) return 0;
  GitOdbPtr odb(raw_odb);
  size_t size = 0;
  git_object_t type;
  if (git_odb_read_header(&size, &type, odb.get(), &id) != 0) size = 0;
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
      git_tree* raw_sub = nullptr;
      int found = git_tree_lookup(&raw_sub, repo, id);
      GitTreePtr sub(raw_sub);
      if (found != 0) {
        out.AddError({path, GitErrorMessage("corrupt or missing git tree " + OidHex(*id)) + "; its files were not scanned"});
        continue;
      }
      WalkTree(repo, sub.get(), path + "/", out);
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

Result<ChangedSources> MakeStagedSources(std::shared_ptr<GitRepo> repo, const std::vector<std::string>& only_paths) {
  if (repo->bare()) return MakeError("--staged needs a work tree; this repository is bare");
  std::lock_guard<std::mutex> lock(repo->mutex());
  git_repository* r = repo->get();
  auto changed = std::make_unique<GitObjectSource>(repo, "staged changes (index vs HEAD)", "index");
  auto baseline = std::make_unique<GitObjectSource>(repo, "HEAD versions of the staged files", "commit");
  // `git commit -a` and `git commit <paths>` prepare the commit in a
  // temporary index and name it in GIT_INDEX_FILE for the hooks; that index,
  // not .git/index, is what is about to be committed.
  const char* index_file = std::getenv("GIT_INDEX_FILE");
  bool env_index = index_file != nullptr && *index_file != '\0';
  std::string index_path = env_index ? std::string(index_file) : std::string(git_repository_path(r)) + "index";
  if (auto why = NotRegularFileReason(index_path)) {
    // A FIFO would block libgit2's open() forever: nothing staged can be read.
    std::string shown = index_path;
    if (!repo->workdir().empty() && shown.rfind(repo->workdir(), 0) == 0) shown = shown.substr(repo->workdir().size());
    changed->AddError({shown, "git index " + *why + "; the staged changes could not be read"});
    return ChangedSources{std::move(changed), std::move(baseline)};
  }
  GitTreePtr head_tree;
  if (!repo->unborn()) {
    git_object* obj = nullptr;
    int parsed = git_revparse_single(&obj, r, "HEAD^{tree}");
    head_tree.reset(reinterpret_cast<git_tree*>(obj));
    if (parsed != 0) return MakeError(GitErrorMessage("cannot read HEAD"));
  }
  git_index* raw_index = nullptr;
  int index_rc = env_index ? git_index_open(&raw_index, index_file) : git_repository_index(&raw_index, r);
  GitIndexPtr index(raw_index);
  if (index_rc != 0) return MakeError(GitErrorMessage("cannot read the index"));
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_diff* raw_diff = nullptr;
  int rc = git_diff_tree_to_index(&raw_diff, r, head_tree.get(), index.get(), &opts);
  GitDiffPtr diff(raw_diff);
  if (rc != 0) return MakeError(GitErrorMessage("cannot compare the index with HEAD"));
  Status renames = FindRenames(diff.get());
  if (!renames) return renames.error();
  std::unordered_set<std::string> named(only_paths.begin(), only_paths.end());
  std::unordered_set<std::string> seen;
  for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    if (d->status == GIT_DELTA_DELETED) {
      // Nothing to judge, but what the file referenced may have moved into
      // a staged file (new_references.h).
      if (IsBlobMode(d->old_file.mode)) baseline->AddBlob(d->old_file.path, d->old_file.id, d->old_file.size);
      continue;
    }
    if (!IsNewSide(d->status)) continue;
    const git_diff_file& f = d->new_file;
    if (!named.empty() && !named.count(f.path)) continue;
    seen.insert(f.path);
    if (f.mode == GIT_FILEMODE_COMMIT) {
      changed->AddError({f.path, SubmoduleMessage(f.id)});
      continue;
    }
    if (!IsBlobMode(f.mode)) continue;
    changed->AddBlob(f.path, f.id, f.size);
    if (d->status != GIT_DELTA_ADDED && IsBlobMode(d->old_file.mode)) {
      baseline->AddBlob(f.path, d->old_file.id, d->old_file.size);
    }
  }
  for (const std::string& path : only_paths) {
    if (seen.count(path)) continue;
    seen.insert(path);
    const git_index_entry* e = git_index_get_bypath(index.get(), path.c_str(), 0);
    if (e == nullptr) {
      changed->AddError({path, "not in the git index (untracked, or only a path in the work tree); not scanned"});
    } else if (e->mode == GIT_FILEMODE_COMMIT) {
      changed->AddError({path, SubmoduleMessage(e->id)});
    } else if (IsBlobMode(e->mode)) {
      changed->AddBlob(path, e->id, e->file_size);
    }
  }
  git_error_clear();
  return ChangedSources{std::move(changed), std::move(baseline)};
}

Result<std::unique_ptr<Source>> MakeCommitTreeSource(std::shared_ptr<GitRepo> repo, const std::string& rev) {
  Result<git_oid> id = repo->ResolveCommit(rev);
  if (!id) return id.error();
  Result<git_tree*> tree_result = repo->CommitTree(*id);
  if (!tree_result) return tree_result.error();
  GitTreePtr tree(*tree_result);
  std::string short_id = repo->ShortId(*id);
  auto src = std::make_unique<GitObjectSource>(repo, "commit " + short_id + " (" + rev + ")", "commit:" + short_id);
  {
    std::lock_guard<std::mutex> lock(repo->mutex());
    WalkTree(repo->get(), tree.get(), "", *src);
  }
  return std::unique_ptr<Source>(std::move(src));
}

namespace {

// Special files among the per-directory git files a work-tree diff opens
// (.gitignore, .gitattributes), found with readdir and stat only; `.git`
// directories are not entered.
void FindUnsafeWorktreeFiles(const std::string& workdir, std::vector<ScanError>& errors) {
  std::vector<std::string> stack{""};
  while (!stack.empty()) {
    std::string rel = std::move(stack.back());
    stack.pop_back();
    DIR* dir = ::opendir((workdir + rel).c_str());
    if (dir == nullptr) continue;
    while (dirent* d = ::readdir(dir)) {
      std::string name = d->d_name;
      if (name == "." || name == ".." || name == ".git") continue;
      if (d->d_type == DT_DIR) {
        stack.push_back(rel + name + "/");
      } else if (name == ".gitignore" || name == ".gitattributes") {
        if (auto why = NotRegularFileReason(workdir + rel + name)) errors.push_back({rel + name, "git " + name.substr(4) + " file " + *why});
      }
    }
    ::closedir(dir);
  }
}

class CollectingSink final : public EntrySink {
 public:
  void OnEntry(Entry entry) override { entries.push_back(std::move(entry)); }
  void OnError(ScanError error) override { errors.push_back(std::move(error)); }
  std::vector<Entry> entries;
  std::vector<ScanError> errors;
};

void TreeBlobs(git_repository* repo, git_tree* tree, const std::string& prefix,
               std::vector<std::pair<std::string, git_oid>>& out) {
  for (size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
    const git_tree_entry* te = git_tree_entry_byindex(tree, i);
    std::string path = prefix + git_tree_entry_name(te);
    git_filemode_t mode = git_tree_entry_filemode(te);
    if (mode == GIT_FILEMODE_TREE) {
      git_tree* raw = nullptr;
      int found = git_tree_lookup(&raw, repo, git_tree_entry_id(te));
      GitTreePtr sub(raw);
      if (found == 0) TreeBlobs(repo, sub.get(), path + "/", out);
    } else if (IsBlobMode(mode)) {
      out.emplace_back(path, *git_tree_entry_id(te));
    }
  }
}

}  // namespace

Result<ChangedSources> MakeChangedSinceSources(std::shared_ptr<GitRepo> repo, const std::string& since_rev,
                                               const std::string& commit_rev) {
  Result<git_oid> since = repo->ResolveCommit(since_rev);
  if (!since) return since.error();
  Result<git_tree*> old_result = repo->CommitTree(*since);
  if (!old_result) return old_result.error();
  GitTreePtr old_tree(*old_result);
  GitTreePtr new_tree;
  std::string origin = "worktree", description = "changes since " + since_rev + " in the work tree";
  if (!commit_rev.empty()) {
    Result<git_oid> to = repo->ResolveCommit(commit_rev);
    Result<git_tree*> t = to ? repo->CommitTree(*to) : Result<git_tree*>(to.error());
    if (!t) return t.error();
    new_tree.reset(*t);
    origin = "commit:" + repo->ShortId(*to);
    description = "changes " + since_rev + ".." + commit_rev;
  } else if (repo->bare()) {
    return MakeError("--since without --commit compares with the work tree; this repository is bare");
  }

  const bool to_commit = new_tree != nullptr;
  auto changed = std::make_unique<GitObjectSource>(repo, description, origin);
  auto baseline = std::make_unique<GitObjectSource>(repo, since_rev + " versions of the changed files", "commit");
  std::string workdir = repo->workdir();
  std::lock_guard<std::mutex> lock(repo->mutex());
  git_repository* r = repo->get();

  if (!to_commit) {
    // libgit2's work-tree diff opens the index, info/exclude,
    // core.excludesFile and every .gitignore/.gitattributes; a FIFO among
    // them would block it forever. Then the diff is done here instead:
    // every file the (hardened) directory walk lists is compared with REV's
    // blob by hash, without ignore rules or rename detection.
    GitMetadataCheck check = CheckGitMetadata(r);
    std::vector<ScanError> unsafe = std::move(check.errors);
    for (const char* name : {"info/attributes"}) {
      std::string path = std::string(git_repository_commondir(r)) + name;
      if (auto why = NotRegularFileReason(path)) unsafe.push_back({path, "git attributes file " + *why});
    }
    FindUnsafeWorktreeFiles(workdir, unsafe);
    if (!unsafe.empty()) {
      for (ScanError& e : unsafe) {
        e.message += "; --since compared the work tree without git's index and ignore rules";
        changed->AddError(std::move(e));
      }
      CollectingSink sink;
      DirectorySource walk(workdir, "");
      if (Status st = walk.Walk(sink); !st) return st.error();
      std::unordered_set<std::string> present;
      for (const Entry& e : sink.entries) {
        present.insert(e.path);
        git_oid now;
        bool hashed = git_odb_hashfile(&now, e.locator.c_str(), GIT_OBJECT_BLOB) == 0;
        git_tree_entry* raw = nullptr;
        int found = git_tree_entry_bypath(&raw, old_tree.get(), e.path.c_str());
        GitTreeEntryPtr old(raw);
        bool old_blob = found == 0 && IsBlobMode(git_tree_entry_filemode(old.get()));
        if (old_blob && hashed && git_oid_equal(&now, git_tree_entry_id(old.get()))) continue;
        changed->AddFile(e.path, e.locator, e.size);
        if (old_blob) baseline->AddBlob(e.path, *git_tree_entry_id(old.get()), BlobSize(r, *git_tree_entry_id(old.get())));
      }
      // The walk's own error entries name the special files again; keep one.
      for (ScanError& e : sink.errors) {
        if (e.message.rfind("git ", 0) != 0) changed->AddError(std::move(e));
      }
      std::vector<std::pair<std::string, git_oid>> old_blobs;
      TreeBlobs(r, old_tree.get(), "", old_blobs);
      for (const auto& [path, id] : old_blobs) {
        if (!present.count(path)) baseline->AddBlob(path, id, BlobSize(r, id));
      }
      git_error_clear();
      return ChangedSources{std::move(changed), std::move(baseline)};
    }
  }

  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_diff* raw_diff = nullptr;
  int rc;
  if (to_commit) {
    rc = git_diff_tree_to_tree(&raw_diff, r, old_tree.get(), new_tree.get(), &opts);
  } else {
    opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    rc = git_diff_tree_to_workdir_with_index(&raw_diff, r, old_tree.get(), &opts);
  }
  GitDiffPtr diff(raw_diff);
  if (rc != 0) return MakeError(GitErrorMessage("cannot compare with " + since_rev));
  Status renames = FindRenames(diff.get(), !to_commit);
  if (!renames) return renames.error();
  for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
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
  return ChangedSources{std::move(changed), std::move(baseline)};
}

}  // namespace modelprov
