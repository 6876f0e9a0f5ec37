#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "source/directory_source.h"
#include "source/file_list_source.h"
#include "support/e2e.h"

using namespace modelprov;
using modelprov::testing::Git;
using modelprov::testing::TempDir;

namespace {

struct Listing : EntrySink {
  std::vector<std::string> paths;
  std::vector<std::string> errors;
  void OnEntry(Entry e) override { paths.push_back(e.path); }
  void OnError(ScanError e) override { errors.push_back(e.path + ": " + e.message); }
};

Listing Walk(Source& s) {
  Listing l;
  REQUIRE(s.Walk(l).ok());
  std::sort(l.paths.begin(), l.paths.end());
  std::sort(l.errors.begin(), l.errors.end());
  return l;
}

}  // namespace

TEST_CASE("outside git: everything but .git", "[source]") {
  TempDir d;
  d.Write("a.py", "x");
  d.Write("sub/b.json", "{}");
  d.Write(".git/config", "not a repo");
  d.Write("build/out.txt", "x");
  DirectorySource src(d.path(), "");
  Listing l = Walk(src);
  CHECK(l.paths == std::vector<std::string>{"a.py", "build/out.txt", "sub/b.json"});
  CHECK_FALSE(src.in_git_work_tree());
}

TEST_CASE("inside git: tracked plus untracked-not-ignored, like git ls-files", "[source]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write(".gitignore", "build/\n*.log\n");
  d.Write("app.py", "x");
  d.Write("build/gen.py", "x");
  d.Write("forced.log", "x");
  d.Write("debug.log", "x");
  d.Write("src/new.py", "x");
  Git({"add", ".gitignore", "app.py"}, d.path());
  Git({"add", "-f", "forced.log"}, d.path());
  Git({"commit", "-qm", "init"}, d.path());
  DirectorySource src(d.path(), "");
  Listing l = Walk(src);
  CHECK(src.in_git_work_tree());
  CHECK(l.paths == std::vector<std::string>{".gitignore", "app.py", "forced.log", "src/new.py"});
  std::string expected = Git({"ls-files", "--cached", "--others", "--exclude-standard"}, d.path());
  std::vector<std::string> from_git;
  std::istringstream lines(expected);
  for (std::string line; std::getline(lines, line);) from_git.push_back(line);
  std::sort(from_git.begin(), from_git.end());
  CHECK(from_git == l.paths);
}

TEST_CASE("a subdirectory of a repository uses the repository's rules", "[source]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write(".gitignore", "*.tmp\n");
  d.Write("pkg/keep.py", "x");
  d.Write("pkg/skip.tmp", "x");
  DirectorySource src(d.path() / "pkg", "pkg");
  Listing l = Walk(src);
  CHECK(l.paths == std::vector<std::string>{"pkg/keep.py"});
}

TEST_CASE("symlinks are never followed; leaving the root is reported", "[source]") {
  TempDir outside;
  outside.Write("secret.py", "x");
  TempDir d;
  d.Write("real/a.py", "x");
  std::filesystem::create_directory_symlink(d.path() / "real", d.path() / "loop");
  std::filesystem::create_directory_symlink(d.path(), d.path() / "real/up");
  std::filesystem::create_symlink(outside.path() / "secret.py", d.path() / "escape.py");
  std::filesystem::create_symlink(d.path() / "missing", d.path() / "dangling");
  std::filesystem::create_symlink(d.path() / "cycle2", d.path() / "cycle1");  // cycle1 -> cycle2 -> cycle1
  std::filesystem::create_symlink(d.path() / "cycle1", d.path() / "cycle2");
  REQUIRE(::mkfifo((d.path() / "pipe").c_str(), 0600) == 0);
  DirectorySource src(d.path(), "");
  Listing l = Walk(src);
  CHECK(l.paths == std::vector<std::string>{"real/a.py"});
  CHECK(l.errors == std::vector<std::string>{
                        "cycle1: symbolic link loop; skipped",
                        "cycle2: symbolic link loop; skipped",
                        "dangling: symbolic link whose target does not exist; skipped",
                        "escape.py: symbolic link pointing outside the scanned root; not followed",
                        "pipe: not a regular file (FIFO, socket or device); skipped",
                    });
}

TEST_CASE("unreadable directories are reported, the walk goes on", "[source]") {
  TempDir d;
  d.Write("ok.py", "x");
  d.Write("locked/x.py", "x");
  std::filesystem::permissions(d.path() / "locked", std::filesystem::perms::none);
  if (::geteuid() != 0) {
    DirectorySource src(d.path(), "");
    Listing l = Walk(src);
    CHECK(l.paths == std::vector<std::string>{"ok.py"});
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].rfind("locked: cannot read directory", 0) == 0);
    return;
  }
  // root reads anything: the walk runs in a child that has dropped to nobody
  // (CI runs as root, and a test that skips there could never fail).
  std::filesystem::permissions(d.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_read |
                                             std::filesystem::perms::others_exec);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setresgid(65534, 65534, 65534) != 0 || ::setresuid(65534, 65534, 65534) != 0) {
      ::_exit(3);
    }
    Listing sink;  // Walk() would REQUIRE, which must not run in the child
    DirectorySource src(d.path(), "");
    bool ok = src.Walk(sink).ok() && sink.paths == std::vector<std::string>{"ok.py"} && sink.errors.size() == 1 &&
              sink.errors[0].rfind("locked: cannot read directory", 0) == 0;
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);  // 3: could not drop privileges; 1: wrong listing
}

TEST_CASE("explicit files: normalised paths and clear errors", "[source]") {
  TempDir d;
  auto f = d.Write("a.py", "print('x')");
  FileListSource src({f.string(), (d.path() / "missing.py").string(), d.path().string()});
  Listing l = Walk(src);
  CHECK(l.paths == std::vector<std::string>{f.string()});
  CHECK(l.errors.size() == 2);
  CHECK(NormalizeDisplayPath("./a//b/") == "a/b");
  CHECK(NormalizeDisplayPath("../x") == "../x");
  CHECK(NormalizeDisplayPath("/abs/./p") == "/abs/p");
}
