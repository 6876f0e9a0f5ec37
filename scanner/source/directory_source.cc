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
  // Returns nullptr when `root` is not inside a non-bare work tree.
  static std::unique_ptr<GitView> Open(const std::filesystem::path& root) {
    git_libgit2_init();
    git_repository* repo = nullptr;
    if (git_repository_open_ext(&repo, root.c_str(), 0, nullptr) != 0 || repo == nullptr) {
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
    view->LoadIndex();
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

  bool IsIgnored(const std::string& repo_path, bool is_dir) const {
    int ignored = 0;
    std::string p = is_dir ? repo_path + "/" : repo_path;
    if (git_ignore_path_is_ignored(&ignored, repo_, p.c_str()) != 0) return false;
    return ignored == 1;
  }

 private:
  GitView(git_repository* repo, const char* workdir) : repo_(repo), workdir_(workdir) {}

  void LoadIndex() {
    git_index* index = nullptr;
    if (git_repository_index(&index, repo_) != 0) return;
    size_t n = git_index_entrycount(index);
    for (size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(index, i);
      if (e == nullptr) continue;
      if (e->mode == GIT_FILEMODE_COMMIT) {
        gitlinks_.emplace(e->path, e->id);
      } else {
        tracked_.insert(e->path);
        sorted_.push_back(e->path);
      }
    }
    git_index_free(index);
    std::sort(sorted_.begin(), sorted_.end());
  }

  git_repository* repo_;
  std::filesystem::path workdir_;
  std::unordered_set<std::string> tracked_;
  std::unordered_map<std::string, git_oid> gitlinks_;
  std::vector<std::string> sorted_;
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
             const DirectorySource::GitView* git, const std::string& repo_prefix, EntrySink& sink)
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
  const DirectorySource::GitView* git_;
  const std::string& repo_prefix_;
  EntrySink& sink_;
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
  if (git_ == GitAwareness::kUseGitIgnore) git = GitView::Open(real_root);
  if (git != nullptr) {
    char wbuf[PATH_MAX];
    std::string workdir = ::realpath(git->workdir().c_str(), wbuf) ? wbuf : git->workdir().string();
    if (IsWithin(real_root, workdir)) {
      repo_prefix = real_root.size() > workdir.size() ? real_root.substr(workdir.size()) : "";
      while (!repo_prefix.empty() && repo_prefix.front() == '/') repo_prefix.erase(0, 1);
      in_git_ = true;
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
