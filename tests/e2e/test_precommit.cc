// The pre-commit integrations driven for real: the pre-commit framework with
// this repository's .pre-commit-hooks.yaml, and the plain git hook script
// scanner/hooks/pre-commit. Each test makes a temporary project, installs the
// hook and runs `git commit`.
// Two ways a commit is blocked: a policy violation (a model that
// .modelprov.yml forbids, exit 1) and a failing run (a malformed --catalog,
// exit 2).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
const std::string kBge = "e = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")\n";

std::string BinDir() { return std::filesystem::path(MODELPROV_BIN).parent_path().string(); }

// Runs a command with modelprov on PATH, the test's git identity, and
// pre-commit's cache inside `home`. Does not require success.
RunResult RunWithTools(std::vector<std::string> argv, const std::filesystem::path& cwd, const std::filesystem::path& home) {
  const char* path = std::getenv("PATH");
  std::vector<std::string> full{"env",
                                "PATH=" + BinDir() + ":" + (path ? path : "/usr/bin:/bin"),
                                "HOME=" + home.string(),
                                "PRE_COMMIT_HOME=" + (home / "pre-commit-cache").string(),
                                "GIT_AUTHOR_NAME=Test Author",
                                "GIT_AUTHOR_EMAIL=author@example.com",
                                "GIT_COMMITTER_NAME=Test Author",
                                "GIT_COMMITTER_EMAIL=author@example.com",
                                "GIT_CONFIG_NOSYSTEM=1",
                                "git",
                                "-c",
                                "init.defaultBranch=main",
                                "-c",
                                "commit.gpgsign=false"};
  full.insert(full.end(), argv.begin(), argv.end());
  return Run(full, cwd);
}

// Runs the pre-commit framework in the test's project with modelprov on PATH
// and pre-commit's cache inside the test's home. Does not require success.
RunResult PreCommit(const TempDir& d, std::vector<std::string> args) {
  const char* path = std::getenv("PATH");
  std::vector<std::string> full{"env", "PATH=" + BinDir() + ":" + (path ? path : "/usr/bin:/bin"),
                                "HOME=" + d.path().string(),
                                "PRE_COMMIT_HOME=" + (d.path() / "pre-commit-cache").string(), "pre-commit"};
  full.insert(full.end(), args.begin(), args.end());
  return Run(full, d.path() / "project");
}

// A git repository holding only this project's .pre-commit-hooks.yaml, so
// the framework can install the hook from it like from the real repository.
std::string MakeHookRepo(const TempDir& d) {
  d.Write("hooks/.pre-commit-hooks.yaml", ReadFile(std::filesystem::path(MODELPROV_SOURCE_DIR) / ".pre-commit-hooks.yaml"));
  Git({"init", "-q"}, d.path() / "hooks");
  Git({"add", "-A"}, d.path() / "hooks");
  Git({"commit", "-q", "-m", "hooks"}, d.path() / "hooks");
  std::string rev = Git({"rev-parse", "HEAD"}, d.path() / "hooks");
  return rev.substr(0, rev.find('\n'));
}

void MakeProject(const TempDir& d, const std::string& hook_args) {
  std::string rev = MakeHookRepo(d);
  Git({"init", "-q", "project"}, d.path());
  d.Write("project/.pre-commit-config.yaml", "repos:\n"
                                             "  - repo: " + (d.path() / "hooks").string() + "\n"
                                             "    rev: " + rev + "\n"
                                             "    hooks:\n"
                                             "      - id: modelprov\n"
                                             "        verbose: true\n" + hook_args);
  d.Write("project/README.md", "project\n");
  Git({"add", "-A"}, d.path() / "project");
  Git({"commit", "-q", "--no-verify", "-m", "initial"}, d.path() / "project");
}

}  // namespace

TEST_CASE("pre-commit framework: the hook scans only staged content and a clean commit passes", "[e2e][precommit]") {
  TempDir d;
  MakeProject(d, "");
  std::filesystem::path project = d.path() / "project";
  RunResult install = PreCommit(d, {"install"});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);

  d.Write("project/app.py", kQwen);
  Git({"add", "app.py"}, project);
  d.Write("project/app.py", kQwen + kBge);  // not staged: must not be scanned

  RunResult commit = RunWithTools({"commit", "-m", "add app"}, project, d.path());
  INFO(commit.out << commit.err);
  REQUIRE(commit.exit_code == 0);
  std::string output = commit.out + commit.err;
  CHECK(output.find("Passed") != std::string::npos);
  CHECK(output.find("Qwen/Qwen2.5-7B-Instruct") != std::string::npos);
  CHECK(output.find("used at    app.py:1") != std::string::npos);
  CHECK(output.find("BAAI/bge-large-en-v1.5") == std::string::npos);
  std::string log = Git({"log", "--format=%s"}, project);
  CHECK(log == "add app\ninitial\n");
}

TEST_CASE("pre-commit framework: a failing scan blocks the commit with modelprov's message", "[e2e][precommit]") {
  TempDir d;
  MakeProject(d, "        args: [--catalog, broken-catalog.json]\n");
  std::filesystem::path project = d.path() / "project";
  RunResult install = PreCommit(d, {"install"});
  REQUIRE(install.exit_code == 0);
  d.Write("project/broken-catalog.json", "{ this is not json");
  d.Write("project/app.py", kQwen);
  Git({"add", "app.py", "broken-catalog.json"}, project);

  RunResult commit = RunWithTools({"commit", "-m", "add app"}, project, d.path());
  std::string output = commit.out + commit.err;
  INFO(output);
  CHECK(commit.exit_code != 0);
  CHECK(output.find("Failed") != std::string::npos);
  CHECK(output.find("- exit code: 2") != std::string::npos);
  CHECK(output.find("modelprov: ") != std::string::npos);
  CHECK(Git({"log", "--format=%s"}, project) == "initial\n");
}

TEST_CASE("pre-commit framework: a model the policy forbids blocks the commit with a readable message", "[e2e][precommit]") {
  TempDir d;
  MakeProject(d, "");
  std::filesystem::path project = d.path() / "project";
  RunResult install = PreCommit(d, {"install"});
  REQUIRE(install.exit_code == 0);
  d.Write("project/.modelprov.yml",
          "rules:\n  - id: no-cn-origin\n    severity: error\n    message: \"{model} comes from {publisher} ({country})\"\n"
          "    when:\n      country: [CN]\n");
  Git({"add", ".modelprov.yml"}, project);
  RunResult policy_only = RunWithTools({"commit", "-m", "policy"}, project, d.path());
  INFO(policy_only.out << policy_only.err);
  REQUIRE(policy_only.exit_code == 0);  // the policy file itself is not a dependency

  d.Write("project/app.py", kQwen);
  Git({"add", "app.py"}, project);
  RunResult commit = RunWithTools({"commit", "-m", "add qwen"}, project, d.path());
  std::string output = commit.out + commit.err;
  INFO(output);
  CHECK(commit.exit_code != 0);
  CHECK(output.find("Failed") != std::string::npos);
  CHECK(output.find("- exit code: 1") != std::string::npos);
  CHECK(output.find("error [no-cn-origin] app.py:1: Qwen/Qwen2.5-7B-Instruct comes from Alibaba Cloud (Qwen / Tongyi team) (CN)") !=
        std::string::npos);
  CHECK(Git({"log", "--format=%s"}, project) == "policy\ninitial\n");
}

TEST_CASE("plain git hook: scans the index, passes clean commits, blocks on a failing scan", "[e2e][precommit]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("README.md", "x\n");
  Git({"add", "-A"}, d.path());
  Git({"commit", "-q", "-m", "initial"}, d.path());
  std::filesystem::copy_file(std::filesystem::path(MODELPROV_SOURCE_DIR) / "scanner/hooks/pre-commit",
                             d.path() / ".git/hooks/pre-commit");
  std::filesystem::permissions(d.path() / ".git/hooks/pre-commit", std::filesystem::perms::owner_all);

  d.Write("app.py", kQwen);
  Git({"add", "app.py"}, d.path());
  d.Write("app.py", kBge);  // the work tree differs from what is committed
  RunResult ok = RunWithTools({"commit", "-m", "add app"}, d.path(), d.path());
  std::string output = ok.out + ok.err;
  INFO(output);
  REQUIRE(ok.exit_code == 0);
  CHECK(output.find("Qwen/Qwen2.5-7B-Instruct") != std::string::npos);
  CHECK(output.find("BAAI/bge-large-en-v1.5") == std::string::npos);

  d.Write("broken.json", "{ nope");
  Git({"add", "-A"}, d.path());
  // MODELPROV_ARGS passes flags through; a malformed catalog makes modelprov exit 2.
  RunResult blocked = Run({"env", "PATH=" + BinDir() + ":/usr/bin:/bin", "MODELPROV_ARGS=--catalog broken.json",
                 "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=T",
                 "GIT_COMMITTER_EMAIL=t@example.com", "git", "commit", "-m", "blocked"},
                d.path());
  output = blocked.out + blocked.err;
  INFO(output);
  CHECK(blocked.exit_code != 0);
  CHECK(output.find("modelprov pre-commit hook: commit blocked (modelprov exited with 2)") != std::string::npos);
  CHECK(Git({"log", "--format=%s"}, d.path()) == "add app\ninitial\n");

  // `git commit -a` stages through a temporary index (GIT_INDEX_FILE): the
  // hook must see the change it is about to commit.
  std::filesystem::remove(d.path() / "broken.json");
  Git({"rm", "-q", "--cached", "broken.json"}, d.path());
  d.Write("app.py", kQwen + kBge);
  RunResult all = RunWithTools({"commit", "-a", "-m", "commit all"}, d.path(), d.path());
  output = all.out + all.err;
  INFO(output);
  REQUIRE(all.exit_code == 0);
  CHECK(output.find("BAAI/bge-large-en-v1.5") != std::string::npos);
  CHECK(output.find("used at    app.py:2") != std::string::npos);
  d.Write("broken.json", "{ nope");

  // Without the binary the hook says so instead of passing silently.
  RunResult missing = Run({"env", "PATH=/usr/bin:/bin", "MODELPROV=modelprov-not-installed", "GIT_AUTHOR_NAME=T",
                           "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.com",
                           "git", "commit", "-m", "blocked"},
                          d.path());
  CHECK(missing.exit_code != 0);
  CHECK((missing.out + missing.err).find("'modelprov-not-installed' not found") != std::string::npos);
}

TEST_CASE("pre-commit framework: the hook judges what a commit adds; run --all-files judges the whole tree",
          "[e2e][precommit]") {
  TempDir d;
  MakeProject(d, "");
  std::filesystem::path project = d.path() / "project";
  RunResult install = PreCommit(d, {"install"});
  REQUIRE(install.exit_code == 0);
  d.Write("project/.modelprov.yml",
          "rules:\n  - id: no-cn-origin\n    severity: error\n    message: \"{model} comes from {publisher} ({country})\"\n"
          "    how_to_fix: \"Use an approved model.\"\n"
          "    when:\n      country: [CN]\n");
  // A forbidden model that is already in the history (committed before the hook).
  d.Write("project/app.py", kQwen);
  Git({"add", "-A"}, project);
  Git({"commit", "-q", "--no-verify", "-m", "existing use"}, project);

  // Editing the file that already uses it adds no reference: the commit passes.
  d.Write("project/app.py", "# load the model\n" + kQwen);
  Git({"add", "app.py"}, project);
  RunResult edit = RunWithTools({"commit", "-m", "comment"}, project, d.path());
  INFO(edit.out << edit.err);
  CHECK(edit.exit_code == 0);
  CHECK((edit.out + edit.err).find("Passed") != std::string::npos);

  // A commit that adds one is blocked, and says what to do.
  d.Write("project/chat.py", "client.chat.completions.create(model=\"deepseek-chat\")\n");
  Git({"add", "chat.py"}, project);
  RunResult add = RunWithTools({"commit", "-m", "add deepseek"}, project, d.path());
  std::string output = add.out + add.err;
  INFO(output);
  CHECK(add.exit_code != 0);
  CHECK(output.find("- exit code: 1") != std::string::npos);
  CHECK(output.find("error [no-cn-origin] chat.py:1: deepseek-chat comes from DeepSeek (CN)") != std::string::npos);
  CHECK(output.find("Qwen/Qwen2.5-7B-Instruct comes from") == std::string::npos);
  CHECK(output.find("        fix:    Use an approved model.\n") != std::string::npos);
  CHECK(output.find("        waive:  add to .modelprov.yml under `waivers:`  - {rule: no-cn-origin, model: \"deepseek-chat\", "
                    "reason: \"...\", expires: YYYY-MM-DD}\n") != std::string::npos);
  CHECK(output.find("        ignore: one place only, a comment on the line or the line above: modelprov:ignore no-cn-origin "
                    "<reason>\n") != std::string::npos);
  CHECK(output.find("        rule:   .modelprov.yml:2\n") != std::string::npos);
  CHECK(Git({"log", "--format=%s"}, project) == "comment\nexisting use\ninitial\n");

  // With nothing staged, `run --all-files` checks every file and blocks on the existing use.
  Git({"reset", "-q", "chat.py"}, project);
  std::filesystem::remove(project / "chat.py");
  REQUIRE(Git({"status", "--short"}, project).empty());
  RunResult run_all = PreCommit(d, {"run", "--all-files"});
  output = run_all.out + run_all.err;
  INFO(output);
  CHECK(run_all.exit_code != 0);
  CHECK(output.find("error [no-cn-origin] app.py:2: Qwen/Qwen2.5-7B-Instruct comes from") != std::string::npos);
}
