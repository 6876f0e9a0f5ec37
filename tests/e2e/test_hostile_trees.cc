// Hostile trees (issue 14): special files where git metadata is read, file
// names that drive the terminal, huge error messages and archives full of
// broken members, a truncated pack, a `.git` file naming another repository
// and errors of the --since base scan. Every run of the binary goes through
// `timeout 20`, so a regression that hangs fails instead of blocking ctest.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/e2e.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
const std::string kBge = "e = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")\n";

// The binary under `timeout 20`: exit 124 means it hung.
RunResult Timed(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  std::vector<std::string> argv{"timeout", "20", MODELPROV_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, cwd);
}

json TimedJson(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  std::vector<std::string> a{"scan", "--format", "json"};
  a.insert(a.end(), args.begin(), args.end());
  RunResult r = Timed(a, cwd);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code != 124);  // hung
  REQUIRE(r.exit_code == 0);
  return ParseJson(r);
}

void Commit(const std::filesystem::path& repo, const std::string& message) {
  Git({"add", "-A"}, repo);
  Git({"commit", "-q", "-m", message}, repo);
}

std::string Rev(const std::filesystem::path& repo, const std::string& rev) {
  std::string out = Git({"rev-parse", rev}, repo);
  return out.substr(0, out.find('\n'));
}

std::vector<std::string> Errors(const json& scan) {
  std::vector<std::string> out;
  for (const auto& e : scan["errors"]) out.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  return out;
}

bool HasError(const json& scan, const std::string& path, const std::string& part) {
  for (const auto& e : scan["errors"]) {
    if (e["path"] == path && e["message"].get<std::string>().find(part) != std::string::npos) return true;
  }
  return false;
}

bool HasReference(const json& scan, const std::string& path, const std::string& text) {
  for (const auto& r : scan["references"]) {
    if (r["path"] == path && r["text"] == text) return true;
  }
  return false;
}

void MakeFifo(const std::filesystem::path& p) {
  std::filesystem::create_directories(p.parent_path());
  std::filesystem::remove(p);
  REQUIRE(::mkfifo(p.c_str(), 0644) == 0);
}

// A repository with one commit: app.py (tracked), sub/tracked.py.
void MakeRepo(const TempDir& d) {
  Git({"init", "-q"}, d.path());
  d.Write("app.py", kQwen);
  d.Write("sub/tracked.py", kBge);
  Commit(d.path(), "one");
}

}  // namespace

// ---- 1. special files where git metadata is read ---------------------------

TEST_CASE("a FIFO at sub/.gitignore does not hang the work tree scan", "[e2e][hostile-tree][git]") {
  TempDir d;
  MakeRepo(d);
  d.Write("sub/new.py", kQwen);
  MakeFifo(d.path() / "sub" / ".gitignore");
  json scan = TimedJson({"."}, d.path());
  CHECK(HasError(scan, "sub/.gitignore", "not a regular file"));
  CHECK(HasReference(scan, "app.py", "Qwen/Qwen2.5-7B-Instruct"));
  CHECK(HasReference(scan, "sub/tracked.py", "BAAI/bge-large-en-v1.5"));
  CHECK(HasReference(scan, "sub/new.py", "Qwen/Qwen2.5-7B-Instruct"));  // untracked, scanned
  // Scanning the subdirectory itself (its .gitignore is then the root's).
  json sub = TimedJson({"sub"}, d.path());
  CHECK(HasError(sub, ".gitignore", "not a regular file"));  // paths are relative to the scanned directory

  SECTION("and --since in the work tree compares without libgit2's diff") {
    d.Write("app.py", kQwen + kBge);
    json since = TimedJson({"--since", "HEAD"}, d.path());
    CHECK(HasError(since, "sub/.gitignore", "not a regular file"));
    CHECK(HasReference(since, "app.py", "BAAI/bge-large-en-v1.5"));
    CHECK_FALSE(HasReference(since, "app.py", "Qwen/Qwen2.5-7B-Instruct"));  // not new
    CHECK(HasReference(since, "sub/new.py", "Qwen/Qwen2.5-7B-Instruct"));    // new file; Qwen left no file
  }
}

TEST_CASE("a FIFO at .git/index hangs no mode", "[e2e][hostile-tree][git]") {
  TempDir d;
  MakeRepo(d);
  d.Write("app.py", kQwen + kBge);
  MakeFifo(d.path() / ".git" / "index");

  json tree = TimedJson({"."}, d.path());
  CHECK(HasError(tree, ".git/index", "not a regular file"));
  CHECK(HasReference(tree, "sub/tracked.py", "BAAI/bge-large-en-v1.5"));

  json staged = TimedJson({"--staged"}, d.path());
  CHECK(HasError(staged, ".git/index", "not a regular file"));

  json commit = TimedJson({"--commit", "HEAD"}, d.path());
  CHECK(HasReference(commit, "app.py", "Qwen/Qwen2.5-7B-Instruct"));

  json since = TimedJson({"--since", "HEAD"}, d.path());
  CHECK(HasError(since, ".git/index", "not a regular file"));
  CHECK(HasReference(since, "app.py", "BAAI/bge-large-en-v1.5"));

  json history = TimedJson({"--history", "."}, d.path());
  CHECK(HasError(history, ".git/index", "not a regular file"));
}

TEST_CASE("FIFOs at .git/info/exclude and core.excludesFile do not hang --since", "[e2e][hostile-tree][git]") {
  TempDir d;
  MakeRepo(d);
  d.Write("app.py", kQwen + kBge);
  std::string which;
  SECTION(".git/info/exclude") {
    MakeFifo(d.path() / ".git" / "info" / "exclude");
    which = ".git/info/exclude";
  }
  SECTION("core.excludesFile") {
    MakeFifo(d.path() / "excludes.fifo");
    Git({"config", "core.excludesFile", (d.path() / "excludes.fifo").string()}, d.path());
    which = "excludes.fifo";
  }
  json since = TimedJson({"--since", "HEAD"}, d.path());
  CHECK(HasError(since, which, "not a regular file"));
  CHECK(HasReference(since, "app.py", "BAAI/bge-large-en-v1.5"));
  json tree = TimedJson({"."}, d.path());
  CHECK(HasError(tree, which, "not a regular file"));
  CHECK(HasReference(tree, "app.py", "Qwen/Qwen2.5-7B-Instruct"));
}

TEST_CASE("a FIFO at .git/config stops a git mode with a clear error, not a hang", "[e2e][hostile-tree][git]") {
  TempDir d;
  MakeRepo(d);
  MakeFifo(d.path() / ".git" / "config");
  RunResult r = Timed({"scan", "--commit", "HEAD"}, d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not a regular file") != std::string::npos);
  // The plain scan goes on without git.
  json tree = TimedJson({"."}, d.path());
  CHECK(HasReference(tree, "app.py", "Qwen/Qwen2.5-7B-Instruct"));
}

// ---- 2. terminal injection ----------------------------------------------------

TEST_CASE("control characters in file names are escaped in the text report and on stderr", "[e2e][hostile-tree]") {
  TempDir d;
  std::string evil = "evil\x1b[2J\r\nname\x07.py";
  d.Write("pkg/" + evil, kQwen);
  d.Write("pkg/bad\x1b]0;title\x07/config.json", "{\"model_type\": ");  // an error entry naming it
  RunResult r = Timed({"scan", "--color", "never", "pkg"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\r') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("evil\\x1b[2J\\r\\nname\\x07.py:1") != std::string::npos);
  CHECK(r.out.find("bad\\x1b]0;title\\x07/config.json") != std::string::npos);
  // JSON keeps the real name.
  json scan = TimedJson({"pkg"}, d.path());
  CHECK(HasReference(scan, evil, "Qwen/Qwen2.5-7B-Instruct"));

  RunResult missing = Timed({"scan", "no\x1b[31msuch\rdir"}, d.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find('\x1b') == std::string::npos);
  CHECK(missing.err.find('\r') == std::string::npos);
  CHECK(missing.err.find("no\\x1b[31msuch\\rdir") != std::string::npos);
}

// ---- 4. bounded error messages and error entries -----------------------------

TEST_CASE("an unterminated 60 MB JSON string is not quoted whole in the error entry", "[e2e][hostile-tree]") {
  TempDir d;
  {
    std::filesystem::create_directories(d.path() / "pkg" / "a");
    std::ofstream out(d.path() / "pkg" / "a" / "config.json", std::ios::binary);
    out << "{\"model_type\": \"";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 60; ++i) out << chunk;
  }
  // A long bad number, which the JSON parser quotes in its message.
  d.Write("pkg/b/config.json", "{\"model_type\": 1" + std::string(500000, '1') + "e}");
  RunResult r = Run({"/usr/bin/time", "-f", "maxrss_kb=%M", "timeout", "20", MODELPROV_BIN, "scan", "--format",
                     "json", "pkg"},
                    d.path());
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  REQUIRE(scan["errors"].size() == 2);
  CHECK(scan["errors"][0]["path"] == "a/config.json");
  CHECK(scan["errors"][0]["message"] == "invalid JSON at line 1: a string starting there is never closed; not parsed");
  std::string quoted = scan["errors"][1]["message"];
  CHECK(quoted.size() <= 303);
  CHECK(quoted.substr(quoted.size() - 3) == "...");
  CHECK(r.out.size() < 10000);
  size_t at = r.err.rfind("maxrss_kb=");
  REQUIRE(at != std::string::npos);
  long kb = std::stol(r.err.substr(at + 10));
#if defined(__SANITIZE_ADDRESS__)
  CHECK(kb < 3 * 200 * 1024);
#else
  CHECK(kb < 200 * 1024);  // the promise for any tree; the 60 MB file is read once and never parsed
#endif
}

TEST_CASE("error entries per archive are bounded with one summary entry", "[e2e][hostile-tree][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  // 1,500 members that each give an error entry (malformed config.json).
  RunResult py = Run({"python3", "-c",
                      "import zipfile\n"
                      "with zipfile.ZipFile('pkg/many.zip', 'w') as z:\n"
                      "    for i in range(1500):\n"
                      "        z.writestr('m%04d/config.json' % i, '{')\n"},
                     d.path());
  REQUIRE(py.exit_code == 0);
  json scan = TimedJson({"pkg"}, d.path());
  REQUIRE(scan["errors"].size() == 1001);
  CHECK(HasError(scan, "many.zip", "500 more error entries in this archive were not listed"));
}

// ---- 5. truncated pack -------------------------------------------------------

TEST_CASE("a truncated pack gives an error, not a crash or a leak", "[e2e][hostile-tree][git]") {
  TempDir d;
  MakeRepo(d);
  Git({"repack", "-a", "-d", "-q"}, d.path());
  Git({"prune-packed"}, d.path());
  for (const auto& e : std::filesystem::directory_iterator(d.path() / ".git" / "objects" / "pack")) {
    if (e.path().extension() != ".pack") continue;
    std::filesystem::permissions(e.path(), std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    std::filesystem::resize_file(e.path(), std::filesystem::file_size(e.path()) / 2);
  }
  for (const char* rev : {"HEAD", "HEAD:app.py", "HEAD~5"}) {
    RunResult r = Timed({"scan", "--format", "json", "--commit", rev}, d.path());
    INFO(rev << " stderr: " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 2));
    if (r.exit_code == 2) CHECK(r.err.rfind("modelprov: ", 0) == 0);
  }
  RunResult h = Timed({"scan", "--format", "json", "--history", "."}, d.path());
  CHECK((h.exit_code == 0 || h.exit_code == 2));
}

// ---- 6. a .git file naming another repository ---------------------------------

TEST_CASE("a .git file pointing at another repository is refused unless given with --git-dir", "[e2e][hostile-tree][git]") {
  TempDir other;
  Git({"init", "-q"}, other.path());
  other.Write("secret.py", kQwen);
  Commit(other.path(), "other");
  TempDir d;
  d.Write("scanned/.git", "gitdir: " + (other.path() / ".git").string() + "\n");
  d.Write("scanned/app.py", kBge);

  RunResult r = Timed({"scan", "--commit", "HEAD", "--format", "json", "scanned"}, d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("pointing at a repository outside the scanned directory") != std::string::npos);
  CHECK(r.err.find("--git-dir") != std::string::npos);

  json named = TimedJson({"--commit", "HEAD", "--git-dir", (other.path() / ".git").string(), "scanned"}, d.path());
  CHECK(HasReference(named, "secret.py", "Qwen/Qwen2.5-7B-Instruct"));

  // A linked worktree's .git file points outside it too, and is its own.
  Git({"worktree", "add", "-q", (d.path() / "linked").string()}, other.path());
  json linked = TimedJson({"--commit", "HEAD", "linked"}, d.path());
  CHECK(HasReference(linked, "secret.py", "Qwen/Qwen2.5-7B-Instruct"));
}

// ---- 7. errors of the --since base scan ---------------------------------------

TEST_CASE("the --since base scan keeps the base revision's errors, marked as the base's", "[e2e][hostile-tree][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("app.py", kQwen);
  Commit(d.path(), "base");
  d.Write("app.py", kQwen + kBge);
  Commit(d.path(), "change");
  std::string blob = Rev(d.path(), "HEAD~1:app.py");
  std::filesystem::path object = d.path() / ".git" / "objects" / blob.substr(0, 2) / blob.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  d.Write(".git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2), "this is not a zlib stream");

  json scan = TimedJson({"--since", "HEAD~1", "--commit", "HEAD"}, d.path());
  INFO(Errors(scan).size());
  CHECK(HasError(scan, "app.py", "in the --since base HEAD~1: corrupt or missing git object " + blob));
}
