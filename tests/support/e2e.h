// Helpers for end-to-end tests: temporary fixture trees built by the test,
// and running the real modelprov binary (or git, tar, zip) on them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace modelprov::testing {

// A fresh directory under the system temp dir, removed (recursively) when the
// object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to `relative` (creating parent directories); returns the full path.
  std::filesystem::path Write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `argv` (argv[0] looked up on PATH unless it contains '/') in `cwd`
// with stdin from /dev/null; captures stdout and stderr.
RunResult Run(const std::vector<std::string>& argv, const std::filesystem::path& cwd);

// Runs the modelprov binary under test with `args`.
RunResult Modelprov(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// Runs git with a fixed identity and dates so commits are reproducible.
// Fails the current test if git exits non-zero.
std::string Git(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// The whole content of a file the run wrote (report, hook config...), or ""
// when it is missing.
std::string ReadFile(const std::filesystem::path& p);

// Parses stdout of a --format json run; fails the test if it is not JSON.
nlohmann::json ParseJson(const RunResult& r);

// "path:line kind text -> model" for each reference, for compact exact asserts.
std::vector<std::string> ReferenceLines(const nlohmann::json& scan);

}  // namespace modelprov::testing
