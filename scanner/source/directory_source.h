// DirectorySource: every file under a directory, the way a developer sees the
// project.
//
// Inside a git work tree it lists what `git ls-files --cached --others
// --exclude-standard` lists: tracked files, plus untracked files that the
// repository's ignore rules (.gitignore, .git/info/exclude, core.excludesFile)
// do not ignore. libgit2 evaluates the ignore rules. Outside a work tree it
// lists everything except `.git` directories.
//
// Symbolic links are never followed, so loops are impossible. A link whose
// target lies inside the root is skipped silently (the target is listed under
// its own path); a link that leaves the root, or dangles, is reported as an
// error entry. FIFOs, sockets and devices are reported and skipped.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "source/source.h"

namespace modelprov {

enum class GitAwareness { kUseGitIgnore, kIgnoreGit };

class DirectorySource final : public Source {
 public:
  // `display_prefix` is prepended to every entry path ("" to report paths
  // relative to `root`, "sub/dir" to report "sub/dir/file").
  DirectorySource(std::filesystem::path root, std::string display_prefix,
                  GitAwareness git = GitAwareness::kUseGitIgnore);
  ~DirectorySource() override;

  std::string Describe() const override;
  Status Walk(EntrySink& sink) override;
  Result<std::unique_ptr<Blob>> Open(const Entry& entry) const override;

  // True after Walk() when the root was inside a git work tree.
  bool in_git_work_tree() const { return in_git_; }

  // Implementation detail of Walk(): the libgit2-backed view of the index
  // and ignore rules. Public only so the walker in the .cc can name it.
  class GitView;

 private:
  std::filesystem::path root_;
  std::string display_prefix_;
  GitAwareness git_;
  bool in_git_ = false;
};

}  // namespace modelprov
