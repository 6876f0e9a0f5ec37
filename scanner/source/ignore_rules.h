// IgnoreRules: paths the user leaves out of a scan (test fixtures, vendored
// trees), written in gitignore syntax: `--exclude PATTERN` flags and the
// lines of a `.modelprovignore` file. Matching is libgit2's own gitignore
// implementation (negation, anchoring, `**`, directory-only patterns), run on
// an in-memory repository with no work tree, so no .gitignore file on disk
// takes part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "source/git_repo.h"

namespace modelprov {

class IgnoreRules {
 public:
  // `patterns`: one gitignore line each. Fails on a line libgit2 rejects.
  static Result<IgnoreRules> FromPatterns(const std::vector<std::string>& patterns);

  bool empty() const { return repo_ == nullptr; }

  // True when `path` (relative to the root the patterns are written for,
  // '/'-separated) or one of its parent directories is ignored. Not
  // thread-safe (the pipeline asks while listing, on one thread).
  bool Ignored(std::string_view path) const;

 private:
  GitRepositoryPtr repo_;
};

// Reads the lines of a `.modelprovignore` file (comments and blank lines
// are interpreted by the matcher, as in a .gitignore). A missing file gives
// no patterns; an unreadable or oversized one (more than 1 MiB) is an error.
Result<std::vector<std::string>> ReadIgnoreFile(const std::string& path);

}  // namespace modelprov
