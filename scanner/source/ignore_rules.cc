#include "source/ignore_rules.h"

#include <git2/sys/repository.h>

#include <filesystem>
#include <fstream>

namespace modelprov {

Result<IgnoreRules> IgnoreRules::FromPatterns(const std::vector<std::string>& patterns) {
  IgnoreRules rules;
  if (patterns.empty()) return rules;
  git_libgit2_init();  // balanced by nothing: libgit2 stays loaded for the process, as in git_repo.cc
  git_repository* raw = nullptr;
  if (git_repository_new(&raw) != 0) return MakeError(GitErrorMessage("cannot prepare the ignore rules"));
  rules.repo_.reset(raw);
  std::string text;
  for (const std::string& p : patterns) {
    if (p.find_first_of("\r\n") != std::string::npos) return MakeError("exclude pattern holds a line break: " + p);
    text += p + "\n";
  }
  if (git_ignore_add_rule(rules.repo_.get(), text.c_str()) != 0) {
    return MakeError(GitErrorMessage("invalid exclude pattern"));
  }
  return rules;
}

bool IgnoreRules::Ignored(std::string_view path) const {
  if (repo_ == nullptr || path.empty()) return false;
  // libgit2 looks at the path's parent directories too, as git does: a
  // directory pattern ("vendor/") excludes every file under it, and a file
  // under an excluded directory cannot be re-included.
  int ignored = 0;
  std::string p(path);
  return git_ignore_path_is_ignored(&ignored, repo_.get(), p.c_str()) == 0 && ignored == 1;
}

Result<std::vector<std::string>> ReadIgnoreFile(const std::string& path) {
  constexpr uintmax_t kMaxBytes = 1 << 20;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::vector<std::string>{};
  if (!std::filesystem::is_regular_file(path, ec)) return MakeError(path + " is not a regular file");
  if (std::filesystem::file_size(path, ec) > kMaxBytes) return MakeError(path + " is larger than 1 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot read " + path);
  // Comments, blank lines, escapes and trailing spaces are libgit2's to
  // interpret, as in a .gitignore.
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

}  // namespace modelprov
