#include "source/directory_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <dirent.h>
#include <git2.h>
#include <sys/stat.h>

#include "source/file_blob.h"
#include "source/git_repo.h"

namespace modelprov {

// The parts of a git repository the walk needs: which paths the index tracks
// and whether an untracked path is ignored. Owns the libgit2 handles.
class DirectorySource::GitView {
 public:
  // Returns nullptr when `root` is not inside a non-bare work tree, or when
  // the repository's own metadata cannot be opened safely (then `errors`
  // says why and the walk goes on without git). Git metadata files that are
  // not regular files (a FIFO would block libgit2 forever) are error entries
  // and are never opened.
  static std::unique_ptr<GitView> Open(const std::filesystem::path& root, std::vector<ScanError>& errors) {
    git_libgit2_init();
    std::string error;
    git_repository* repo = OpenRepositorySafely(root.string(), &error);
    if (repo == nullptr) {
      if (error.find("is not inside a git repository") == std::string::npos) {
        errors.push_back({"", error + "; scanned as a plain directory (no ignore rules)"});
      }
      git_libgit2_shutdown();
      return nullptr;
    }
    const char* workdir = git_repository_workdir(repo);
    if (workdir == nullptr) {  // bare repository: nothing to walk on disk
      git_repository_free(repo);
      git_libgit2_shutdown();
      return nullptr;
    }
    auto view = std::unique_ptr<GitView>(new GitView(repo, workdir));
    GitMetadataCheck check = CheckGitMetadata(repo);
    view->ignores_usable_ = check.ignores_usable;
    for (ScanError& e : check.errors) errors.push_back(std::move(e));
    if (check.index_usable) view->LoadIndex();
    return view;
  }

  ~GitView() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
  }
  GitView(const GitView&) = delete;
  GitView& operator=(const GitView&) = delete;

  const std::filesystem::path& workdir() const { return workdir_; }

  bool IsTracked(const std::string& repo_path) const { return tracked_.count(repo_path) > 0; }
  // The commit a submodule (gitlink) at `repo_path` is pinned to; nullptr
  // when there is no submodule there.
  const git_oid* Submodule(const std::string& repo_path) const {
    auto it = gitlinks_.find(repo_path);
    return it == gitlinks_.end() ? nullptr : &it->second;
  }

  // True when some tracked file lives below directory `repo_dir` ("a/b").
  bool HasTrackedBelow(const std::string& repo_dir) const {
    std::string prefix = repo_dir + "/";
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix);
    return it != sorted_.end() && it->compare(0, prefix.size(), prefix) == 0;
  }

  // False when the ignore rules cannot be read safely (a special file among
  // info/exclude, core.excludesFile or a .gitignore above the path).
  bool IsIgnored(const std::string& repo_path, bool is_dir) const {
    if (!ignores_usable_ || UnderUnsafeGitignore(repo_path)) return false;
    int ignored = 0;
    std::string p = is_dir ? repo_path + "/" : repo_path;
    if (git_ignore_path_is_ignored(&ignored, repo_, p.c_str()) != 0) return false;
    return ignored == 1;
  }

  // `repo_dir`'s .gitignore is not a regular file: libgit2 would block
  // opening it, so no ignore rule is evaluated at or below `repo_dir`.
  void MarkUnsafeGitignore(const std::string& repo_dir) { unsafe_dirs_.push_back(repo_dir); }
  void DisableIgnores() { ignores_usable_ = false; }

 private:
  bool UnderUnsafeGitignore(const std::string& repo_path) const {
    for (const std::string& d : unsafe_dirs_) {
      if (d.empty() || repo_path == d ||
          (repo_path.size() > d.size() && repo_path.compare(0, d.size(), d) == 0 && repo_path[d.size()] == '/')) {
        return true;
      }
    }
    return false;
  }

  GitView(git_repository* repo, const char* workdir) : repo_(repo), workdir_(workdir) {}

  void LoadIndex() {
    git_index* raw_index = nullptr;
    int rc = git_repository_index(&raw_index, repo_);
    GitIndexPtr index(raw_index);
    if (rc != 0) return;
    size_t n = git_index_entrycount(index.get());
    for (size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(index.get(), i);
      if (e == nullptr) continue;
      if (e->mode == GIT_FILEMODE_COMMIT) {
        gitlinks_.emplace(e->path, e->id);
      } else {
        tracked_.insert(e->path);
        sorted_.push_back(e->path);
      }
    }
    std::sort(sorted_.begin(), sorted_.end());
  }

  git_repository* repo_;
  std::filesystem::path workdir_;
  std::unordered_set<std::string> tracked_;
  std::unordered_map<std::string, git_oid> gitlinks_;
  std::vector<std::string> sorted_;
  bool ignores_usable_ = true;
  std::vector<std::string> unsafe_dirs_;
};

namespace {

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "/" + b;
}

bool IsWithin(const std::string& path, const std::string& root) {
  if (path == root) return true;
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         (root.back() == '/' || path[root.size()] == '/');
}

// Walks one directory tree iteratively (an explicit stack: deep trees cannot
// overflow the call stack) and hands each regular file to the sink.
class TreeWalker {
 public:
  TreeWalker(const std::string& real_root, const std::string& display_prefix,
             DirectorySource::GitView* git, const std::string& repo_prefix, EntrySink& sink)
      : real_root_(real_root), display_prefix_(display_prefix), git_(git),
        repo_prefix_(repo_prefix), sink_(sink) {}

  void Run() {
    std::vector<std::string> stack{""};  // paths relative to root
    while (!stack.empty()) {
      std::string rel = std::move(stack.back());
      stack.pop_back();
      ListDirectory(rel, stack);
    }
  }

 private:
  void ListDirectory(const std::string& rel, std::vector<std::string>& stack) {
    std::string abs = rel.empty() ? real_root_ : real_root_ + "/" + rel;
    DIR* dir = ::opendir(abs.c_str());
    if (dir == nullptr) {
      sink_.OnError({Display(rel), std::string("cannot read directory: ") + std::strerror(errno)});
      return;
    }
    std::vector<std::string> names;
    while (dirent* d = ::readdir(dir)) {
      std::string name = d->d_name;
      if (name == "." || name == "..") continue;
      names.push_back(std::move(name));
    }
    ::closedir(dir);
    // Sorted so that the walk order, and with it any order-dependent output,
    // is the same on every file system.
    std::sort(names.begin(), names.end(), std::greater<>());
    // libgit2 reads a directory's .gitignore when asked about any path in
    // it: checked first, without opening it.
    if (git_ != nullptr && std::find(names.begin(), names.end(), ".gitignore") != names.end()) {
      std::string gitignore = JoinPath(rel, ".gitignore");
      if (auto why = NotRegularFileReason(real_root_ + "/" + gitignore)) {
        git_->MarkUnsafeGitignore(JoinPath(repo_prefix_, rel));
        unsafe_gitignores_.insert(gitignore);
        sink_.OnError({Display(gitignore), "git ignore file " + *why +
                                               "; ignore rules were not applied below it, untracked files are scanned"});
      }
    }
    for (const std::string& name : names) VisitChild(JoinPath(rel, name), name, stack);
  }

  void VisitChild(const std::string& rel, const std::string& name, std::vector<std::string>& stack) {
    std::string abs = real_root_ + "/" + rel;
    struct stat st {};
    if (::lstat(abs.c_str(), &st) != 0) {
      sink_.OnError({Display(rel), std::string("cannot stat: ") + std::strerror(errno)});
      return;
    }
    std::string repo_path = JoinPath(repo_prefix_, rel);
    if (S_ISDIR(st.st_mode)) {
      if (name == ".git") return;
      if (git_ != nullptr && !WantDirectory(abs, rel, repo_path)) return;
      stack.push_back(rel);
      return;
    }
    if (unsafe_gitignores_.count(rel) > 0) return;  // already an error entry
    if (git_ != nullptr && !git_->IsTracked(repo_path) && git_->IsIgnored(repo_path, false)) return;
    if (S_ISLNK(st.st_mode)) {
      ReportSymlink(abs, rel);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      sink_.OnError({Display(rel), "not a regular file (FIFO, socket or device); skipped"});
      return;
    }
    sink_.OnEntry(Entry{Display(rel), abs, static_cast<uint64_t>(st.st_size)});
  }

  bool WantDirectory(const std::string& abs, const std::string& rel, const std::string& repo_path) {
    // ls-files does not descend into submodules; the git modes list them as
    // error entries, and so does this walk.
    if (const git_oid* pinned = git_->Submodule(repo_path)) {
      sink_.OnError({Display(rel), SubmoduleMessage(*pinned)});
      return false;
    }
    if (git_->HasTrackedBelow(repo_path)) return true;
    // Asking about the directory may read its own .gitignore.
    if (NotRegularFileReason(abs + "/.gitignore")) git_->MarkUnsafeGitignore(repo_path);
    if (git_->IsIgnored(repo_path, true)) return false;
    // An untracked nested repository is listed by git as one entry, not walked.
    struct stat st {};
    return ::lstat((abs + "/.git").c_str(), &st) != 0;
  }

  void ReportSymlink(const std::string& abs, const std::string& rel) {
    char buf[PATH_MAX];
    if (::realpath(abs.c_str(), buf) == nullptr) {
      int err = errno;
      sink_.OnError({Display(rel), err == ELOOP ? "symbolic link loop; skipped"
                                   : err == ENOENT || err == ENOTDIR
                                       ? "symbolic link whose target does not exist; skipped"
                                       : "symbolic link cannot be resolved (" + std::string(std::strerror(err)) + "); skipped"});
      return;
    }
    if (!IsWithin(buf, real_root_)) {
      sink_.OnError({Display(rel), "symbolic link pointing outside the scanned root; not followed"});
    }
    // A link inside the root: its target is walked under its own path.
  }

  std::string Display(const std::string& rel) const { return JoinPath(display_prefix_, rel); }

  const std::string& real_root_;
  const std::string& display_prefix_;
  DirectorySource::GitView* git_;
  const std::string& repo_prefix_;
  EntrySink& sink_;
  std::unordered_set<std::string> unsafe_gitignores_;
};

}  // namespace

DirectorySource::DirectorySource(std::filesystem::path root, std::string display_prefix,
                                 GitAwareness git)
    : root_(std::move(root)), display_prefix_(std::move(display_prefix)), git_(git) {}

DirectorySource::~DirectorySource() = default;

std::string DirectorySource::Describe() const {
  return "directory " + root_.string() + (in_git_ ? " (git work tree)" : "");
}

Status DirectorySource::Walk(EntrySink& sink) {
  char buf[PATH_MAX];
  if (::realpath(root_.c_str(), buf) == nullptr) {
    return MakeError(root_.string() + ": " + std::strerror(errno));
  }
  std::string real_root = buf;
  std::unique_ptr<GitView> git;
  std::string repo_prefix;
  std::vector<ScanError> git_errors;
  if (git_ == GitAwareness::kUseGitIgnore) git = GitView::Open(real_root, git_errors);
  for (ScanError& e : git_errors) sink.OnError(std::move(e));
  if (git != nullptr) {
    char wbuf[PATH_MAX];
    std::string workdir = ::realpath(git->workdir().c_str(), wbuf) ? wbuf : git->workdir().string();
    if (IsWithin(real_root, workdir)) {
      repo_prefix = real_root.size() > workdir.size() ? real_root.substr(workdir.size()) : "";
      while (!repo_prefix.empty() && repo_prefix.front() == '/') repo_prefix.erase(0, 1);
      in_git_ = true;
      // The .gitignore files of the directories between the work tree and
      // the scanned root apply too; the walk checks only those it lists.
      std::string dir = workdir;
      if (!dir.empty() && dir.back() == '/') dir.pop_back();
      std::string rest = repo_prefix;
      while (!repo_prefix.empty()) {
        if (auto why = NotRegularFileReason(dir + "/.gitignore")) {
          git->DisableIgnores();
          sink.OnError({dir + "/.gitignore", "git ignore file " + *why + "; ignore rules were not applied"});
        }
        if (rest.empty()) break;
        size_t slash = rest.find('/');
        dir += "/" + rest.substr(0, slash);
        rest = slash == std::string::npos ? "" : rest.substr(slash + 1);
        if (rest.empty()) break;  // the root's own .gitignore is checked by the walk
      }
      // A directory the user named, which the enclosing repository ignores
      // as a whole (a virtualenv, ~/.pyenv/versions): git would list nothing
      // in it; the scan reads every file, and says why.
      if (!repo_prefix.empty() && !git->HasTrackedBelow(repo_prefix) && git->IsIgnored(repo_prefix, true)) {
        sink.OnError({"", "the git repository at " + workdir + " ignores " + real_root +
                              "; scanned as a plain directory (every file, no ignore rules)"});
        git.reset();
        repo_prefix.clear();
        in_git_ = false;
      }
    } else {
      git.reset();
    }
  }
  TreeWalker walker(real_root, display_prefix_, git.get(), repo_prefix, sink);
  walker.Run();
  return Ok{};
}

Result<std::unique_ptr<Blob>> DirectorySource::Open(const Entry& entry) const {
  return OpenFileBlob(entry.locator);
}

}  // namespace modelprov
