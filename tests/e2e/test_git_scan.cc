// Git-aware scanning: --staged, --commit, --since and --history on real
// repositories built with the git CLI.
#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
const std::string kBge = "e = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")\n";
const std::string kLlama = "l = AutoModel.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\n";

void Commit(const TempDir& d, const std::string& message) {
  Git({"add", "-A"}, d.path());
  Git({"commit", "-q", "-m", message}, d.path());
}

std::string Rev(const std::filesystem::path& repo, const std::string& rev, bool short_form = false) {
  std::string out = short_form ? Git({"rev-parse", "--short", rev}, repo) : Git({"rev-parse", rev}, repo);
  return out.substr(0, out.find('\n'));
}

std::vector<std::string> Sources(const json& scan) {
  std::vector<std::string> out;
  for (const auto& r : scan["references"]) out.push_back(r["path"].get<std::string>() + " " + r["source"].get<std::string>());
  return out;
}

std::vector<std::string> Errors(const json& scan) {
  std::vector<std::string> out;
  for (const auto& e : scan["errors"]) out.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("git --staged scans the index version of added, modified and renamed files", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("app/old_name.py", kQwen);
  d.Write("app/same.py", kLlama);
  d.Write("app/edit.py", "x = 1\n");
  Commit(d, "base");
  Git({"mv", "app/old_name.py", "app/new_name.py"}, d.path());
  d.Write("app/edit.py", "x = 1\n" + kBge);
  d.Write("app/added.py", kLlama);
  Git({"add", "app/edit.py", "app/added.py"}, d.path());
  // Work tree changes after staging must not be read.
  d.Write("app/edit.py", "x = 1\n");
  d.Write("app/unstaged.py", kBge);

  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path() / "app");
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app/added.py:1 hf-model-id meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct",
                                    "app/edit.py:2 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                });
  // A pure rename adds no reference: --staged judges what the commit adds (--whole-files shows all).
  CHECK(Sources(scan) == std::vector<std::string>{"app/added.py index", "app/edit.py index"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("git --staged with nothing staged reports nothing", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  Commit(d, "base");
  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(ParseJson(r)["references"].empty());
}

TEST_CASE("git --staged on an unborn branch treats every index entry as added", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  Git({"add", "a.py"}, d.path());
  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: no commit yet (unborn branch); every staged file counts as added\n");
  CHECK(Sources(ParseJson(r)) == std::vector<std::string>{"a.py index"});

  r = Modelprov({"scan", "--history", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(Errors(scan) == std::vector<std::string>{": --history: the branch has no commits yet; nothing to walk"});
  CHECK(scan["history"].empty());
  CHECK(Sources(scan) == std::vector<std::string>{"a.py worktree"});
}

TEST_CASE("git modes outside a repository fail with exit 2 and a clear message", "[e2e][git]") {
  TempDir d;
  d.Write("a.py", kQwen);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"scan", "--staged"},
                                               std::vector<std::string>{"scan", "--commit", "HEAD"},
                                               std::vector<std::string>{"scan", "--since", "HEAD"},
                                               std::vector<std::string>{"scan", "--history"}}) {
    RunResult r = Modelprov(args, d.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "modelprov: . is not inside a git repository\n");
    CHECK(r.out.empty());
  }
}

TEST_CASE("git option misuse is a usage error", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  RunResult r = Modelprov({"scan", "--staged", "--since", "HEAD"}, d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "modelprov: scan: --staged cannot be combined with --since or --commit (see modelprov scan --help)\n");
  d.Write("x.py", kQwen);
  Commit(d, "one");
  r = Modelprov({"scan", "--commit", "no-such-rev"}, d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("modelprov: unknown revision 'no-such-rev'", 0) == 0);
}

TEST_CASE("git --commit scans a commit's tree from a bare clone", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  d.Write("lib/b.py", kBge);
  Commit(d, "one");
  std::string first = Rev(d.path(), "HEAD", true);
  d.Write("a.py", kLlama);
  Commit(d, "two");
  TempDir clone;
  Git({"clone", "-q", "--bare", d.path().string(), "repo.git"}, clone.path());

  RunResult r = Modelprov({"scan", "--commit", "HEAD~1", "--format", "json"}, clone.path() / "repo.git");
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "lib/b.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                });
  CHECK(Sources(scan) == std::vector<std::string>{"a.py commit:" + first, "lib/b.py commit:" + first});

  // --history in a bare clone: the current inventory is HEAD's tree, not
  // git's own files.
  std::string second = Rev(d.path(), "HEAD", true);
  r = Modelprov({"scan", "--history", "--format", "json"}, clone.path() / "repo.git");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: bare repository; scanning HEAD's tree (as --commit HEAD)\n"
                 "modelprov: note: policy: builtin:default (HEAD (commit " + second + ") has no .modelprov.yml)\n");
  scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:1 hf-model-id meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct",
                                    "lib/b.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                });
  CHECK(Sources(scan) == std::vector<std::string>{"a.py commit:" + second, "lib/b.py commit:" + second});
  CHECK(scan["stats"]["files"] == 2);
  REQUIRE(scan["history"].size() == 3);
  CHECK(scan["history"][2]["model"] == "Qwen/Qwen2.5-7B-Instruct");
  CHECK(scan["history"][2]["removed"]["summary"] == "two");

  // --staged needs a work tree.
  r = Modelprov({"scan", "--staged"}, clone.path() / "repo.git");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "modelprov: --staged needs a work tree; this repository is bare\n");
}

TEST_CASE("git --since reports only references new relative to REV; moved lines are not new", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen + kBge);
  d.Write("old.py", kLlama);
  Commit(d, "base");
  Git({"tag", "base"}, d.path());
  // Swap the two lines (moved, not new), rename old.py, add a new model.
  d.Write("a.py", kBge + "\n\n" + kQwen + kLlama);
  Git({"mv", "old.py", "renamed.py"}, d.path());
  d.Write("untracked.py", kBge);

  RunResult r = Modelprov({"scan", "--since", "base", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:5 hf-model-id meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct",
                                    "untracked.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                });
  CHECK(Sources(scan) == std::vector<std::string>{"a.py worktree", "untracked.py worktree"});

  // The same comparison between commits (the pull-request check in CI).
  Commit(d, "change");
  std::string head = Rev(d.path(), "HEAD", true);
  r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:5 hf-model-id meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct",
                                    "untracked.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                });
  CHECK(Sources(scan) == std::vector<std::string>{"a.py commit:" + head, "untracked.py commit:" + head});
}

TEST_CASE("a change scan says in every report that it lists only what the change adds", "[e2e][git][report]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  Commit(d, "base");
  Git({"tag", "base"}, d.path());
  d.Write("b.py", kBge);
  Commit(d, "change");

  RunResult r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "--format", "json", "-q"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(scan["change"] == json::parse(R"({"mode": "since", "base": "base", "whole_files": false})"));
  CHECK(scan["models"].size() == 1);

  const std::string scope =
      "only what the change since base brings in (references on the lines it adds); models the repository already "
      "used elsewhere are not listed";
  r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "--format", "markdown-summary", "-q"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\n\n**Scope:** " + scope + ".\n\n") != std::string::npos);
  r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "--format", "html", "-q"}, d.path());
  CHECK(r.out.find("<p class=\"scope\"><strong>Scope:</strong> " + scope + ".</p>") != std::string::npos);
  r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "-q"}, d.path());
  CHECK(r.out.find("\nScope: " + scope + ".\n1 model from 1 publisher") != std::string::npos);

  // A saved change scan keeps its scope; a whole-tree scan has none.
  d.Write("saved.json", ParseJson(Modelprov({"scan", "--since", "base", "--format", "json", "-q"}, d.path())).dump());
  r = Modelprov({"report", "--from", "saved.json", "--format", "markdown"}, d.path());
  CHECK(r.out.find("**Scope:** " + scope) != std::string::npos);
  r = Modelprov({"scan", ".", "--format", "json", "-q"}, d.path());
  CHECK_FALSE(ParseJson(r).contains("change"));
  d.Write("c.py", kLlama);
  Git({"add", "c.py"}, d.path());
  r = Modelprov({"scan", "--staged", "--format", "markdown", "-q"}, d.path());
  CHECK(r.out.find("**Scope:** only what the staged change brings in (references on the lines it adds)") !=
        std::string::npos);
}

TEST_CASE("git --history names the commits that introduced and removed each model", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  d.Write("README.md", "docs\n");
  Commit(d, "add qwen");
  std::string c1 = Rev(d.path(), "HEAD");
  d.Write("b.py", kBge);
  Commit(d, "add bge");
  std::string c2 = Rev(d.path(), "HEAD");
  Git({"mv", "a.py", "moved.py"}, d.path());  // a rename neither removes nor re-introduces
  Commit(d, "rename");
  Git({"checkout", "-q", "-b", "side"}, d.path());
  d.Write("side.py", kLlama);
  Commit(d, "side branch model");
  Git({"checkout", "-q", "main"}, d.path());
  Git({"merge", "-q", "--no-ff", "-m", "merge side", "side"}, d.path());
  std::string merge = Rev(d.path(), "HEAD");
  Git({"rm", "-q", "b.py"}, d.path());
  Commit(d, "drop bge");
  std::string c5 = Rev(d.path(), "HEAD");

  RunResult r = Modelprov({"scan", "--history", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  auto commit = [](const std::string& hash, const std::string& summary) {
    return json{{"hash", hash}, {"author", "Test Author <author@example.com>"}, {"date", "2025-01-01T00:00:00Z"},
                {"summary", summary}};
  };
  json expected = json::array({
      {{"model", "BAAI/bge-large-en-v1.5"}, {"introduced", commit(c2, "add bge")}, {"removed", commit(c5, "drop bge")}},
      // First-parent history: the side branch's model arrives with the merge.
      {{"model", "meta-llama/Llama-3.1-8B-Instruct"}, {"introduced", commit(merge, "merge side")}, {"removed", nullptr}},
      // Ordered ignoring case, as models[] is.
      {{"model", "Qwen/Qwen2.5-7B-Instruct"}, {"introduced", commit(c1, "add qwen")}, {"removed", nullptr}},
  });
  CHECK(scan["history"] == expected);
  REQUIRE(scan["models"].size() == 2);
  CHECK(scan["models"][0]["id"] == "meta-llama/Llama-3.1-8B-Instruct");
  CHECK(scan["models"][1]["id"] == "Qwen/Qwen2.5-7B-Instruct");
  for (const json& m : scan["models"]) {
    if (m["id"] == "Qwen/Qwen2.5-7B-Instruct") CHECK(m["introduced"] == commit(c1, "add qwen"));
    if (m["id"] == "meta-llama/Llama-3.1-8B-Instruct") CHECK(m["introduced"] == commit(merge, "merge side"));
    CHECK(m["removed"] == nullptr);
  }

  RunResult text = Modelprov({"scan", "--history"}, d.path());
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("    introduced " + c1.substr(0, 12) + " 2025-01-01 Test Author <author@example.com>: add qwen\n") !=
        std::string::npos);
  CHECK(text.out.find("Removed from the code (1)\n    BAAI/bge-large-en-v1.5\n        introduced " + c2.substr(0, 12) +
                      " 2025-01-01 Test Author <author@example.com>: add bge\n        removed    " + c5.substr(0, 12) +
                      " 2025-01-01 Test Author <author@example.com>: drop bge\n") != std::string::npos);

  // Without --history the JSON has no history fields.
  json plain = ParseJson(Modelprov({"scan", "--format", "json"}, d.path()));
  CHECK_FALSE(plain.contains("history"));
  CHECK_FALSE(plain["models"][0].contains("introduced"));
}

TEST_CASE("git --history-limit stops the walk with an error entry", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  Commit(d, "one");
  d.Write("b.py", kBge);
  Commit(d, "two");
  d.Write("c.txt", "three\n");
  Commit(d, "three");
  std::string c2 = Rev(d.path(), "HEAD~1");
  RunResult r = Modelprov({"scan", "--history", "--history-limit", "2", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(Errors(scan) == std::vector<std::string>{
                            ": --history: stopped at the --history-limit of 2 commits; models already present in commit " +
                            c2.substr(0, 12) + " are shown as introduced there"});
  REQUIRE(scan["history"].size() == 2);
  CHECK(scan["history"][0]["introduced"]["hash"] == c2);
  CHECK(scan["history"][1]["introduced"]["hash"] == c2);
}

TEST_CASE("a shallow clone's history says it is truncated", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q", "src"}, d.path());
  d.Write("src/a.py", kQwen);
  Git({"add", "-A"}, d.path() / "src");
  Git({"commit", "-q", "-m", "one"}, d.path() / "src");
  d.Write("src/b.txt", "x\n");
  Git({"add", "-A"}, d.path() / "src");
  Git({"commit", "-q", "-m", "two"}, d.path() / "src");
  Git({"clone", "-q", "--depth", "1", "file://" + (d.path() / "src").string(), "shallow"}, d.path());
  std::string head = Rev(d.path() / "shallow", "HEAD");

  RunResult r = Modelprov({"scan", "--history", "--format", "json"}, d.path() / "shallow");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: shallow clone; --history only sees the fetched commits\n");
  json scan = ParseJson(r);
  CHECK(Errors(scan) == std::vector<std::string>{
                            ": --history: shallow clone, history is truncated at the shallow boundary; 'introduced' may "
                            "name a later commit than the real one (fetch with --unshallow for full history)"});
  REQUIRE(scan["history"].size() == 1);
  CHECK(scan["history"][0]["introduced"]["hash"] == head);
}

TEST_CASE("detached HEAD is noted and scanned normally", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  Commit(d, "one");
  Git({"checkout", "-q", "--detach", "HEAD"}, d.path());
  d.Write("b.py", kBge);
  Git({"add", "b.py"}, d.path());
  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: HEAD is detached\n");
  CHECK(Sources(ParseJson(r)) == std::vector<std::string>{"b.py index"});
}

TEST_CASE("submodules are listed as error entries, not entered", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q", "sub"}, d.path());
  d.Write("sub/inner.py", kBge);
  Git({"add", "-A"}, d.path() / "sub");
  Git({"commit", "-q", "-m", "sub"}, d.path() / "sub");
  std::string sub_head = Rev(d.path() / "sub", "HEAD");
  Git({"init", "-q", "main"}, d.path());
  d.Write("main/a.py", kQwen);
  Git({"add", "a.py"}, d.path() / "main");
  Git({"-c", "protocol.file.allow=always", "submodule", "add", "-q", (d.path() / "sub").string(), "vendor/sub"},
      d.path() / "main");
  std::string message = "vendor/sub: submodule at commit " + sub_head.substr(0, 12) +
                        "; listed, not entered (scan it separately)";

  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path() / "main");
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(Sources(scan) == std::vector<std::string>{"a.py index"});
  CHECK(Errors(scan) == std::vector<std::string>{message});

  d.Write("main/lib/b.py", kLlama);
  Git({"add", "lib/b.py"}, d.path() / "main");
  Git({"commit", "-q", "-m", "with submodule"}, d.path() / "main");
  scan = ParseJson(Modelprov({"scan", "--commit", "HEAD", "--format", "json"}, d.path() / "main"));
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "lib/b.py:1 hf-model-id meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct"});
  CHECK(Errors(scan) == std::vector<std::string>{message});

  // A plain scan of the work tree, and --history, say the same (once).
  for (const std::vector<std::string>& args : {std::vector<std::string>{"scan", "--format", "json"},
                                               std::vector<std::string>{"scan", "--history", "--format", "json"}}) {
    r = Modelprov(args, d.path() / "main");
    REQUIRE(r.exit_code == 0);
    scan = ParseJson(r);
    CHECK(ReferenceLines(scan).size() == 2);
    CHECK(Errors(scan) == std::vector<std::string>{message});
  }
  // --history walks the whole repository even when a subdirectory is scanned.
  r = Modelprov({"scan", "--history", "--format", "json", "lib"}, d.path() / "main");
  REQUIRE(r.exit_code == 0);
  scan = ParseJson(r);
  CHECK(Errors(scan) == std::vector<std::string>{message});
  CHECK(scan["history"].size() == 2);
}

TEST_CASE("a corrupt object becomes an error entry, not a crash", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", kQwen);
  d.Write("b.py", kBge);
  Commit(d, "one");
  std::string blob = Rev(d.path(), "HEAD:b.py");
  std::filesystem::path object = d.path() / ".git" / "objects" / blob.substr(0, 2) / blob.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  d.Write(".git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2), "this is not a zlib stream");

  RunResult r = Modelprov({"scan", "--commit", "HEAD", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "a.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  REQUIRE(scan["errors"].size() == 1);
  CHECK(scan["errors"][0]["path"] == "b.py");
  CHECK(scan["errors"][0]["message"].get<std::string>().rfind("corrupt or missing git object " + blob, 0) == 0);

  r = Modelprov({"scan", "--history", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  scan = ParseJson(r);
  bool reported = false;
  for (const auto& e : scan["errors"]) {
    reported = reported || (e["path"] == "b.py" && e["message"].get<std::string>().find("--history: corrupt or missing git object " + blob) == 0);
  }
  CHECK(reported);
}

TEST_CASE("a pull request cannot switch off the policy it is checked against", "[e2e][git][policy]") {
  const std::string policy =
      "rules:\n  - id: no-cn-origin\n    severity: error\n    message: \"{model} comes from {country}\"\n"
      "    when:\n      country: [CN]\n";
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("README.md", "app\n");
  Commit(d, "init");
  std::string init = Rev(d.path(), "HEAD", true);
  d.Write(".modelprov.yml", policy);
  d.Write("app/embed.py", kBge);
  Commit(d, "policy");
  std::string main = Rev(d.path(), "HEAD", true);
  Git({"checkout", "-q", "-b", "pr"}, d.path());
  // The pull request adds a CN-origin model and empties the policy.
  d.Write(".modelprov.yml", "rules: []\n");
  d.Write("app/chat.py", kQwen);
  Commit(d, "add qwen, relax the policy");
  std::string head = Rev(d.path(), "HEAD", true);

  // --since: the base's policy, whether compared with a commit or the work tree.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"scan", "--since", "main", "--commit", "HEAD", "--format", "json"},
        std::vector<std::string>{"scan", "--since", "main", "--format", "json"}}) {
    RunResult r = Modelprov(args, d.path());
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "modelprov: note: policy: .modelprov.yml from main (commit " + main + ")\n");
    json scan = ParseJson(r);
    CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                      "app/chat.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
    REQUIRE(scan["findings"].size() == 1);
    CHECK(scan["findings"][0]["rule"] == "no-cn-origin");
  }
  // From a subdirectory: still the base's root policy.
  RunResult r = Modelprov({"scan", "--since", "main", "--commit", "HEAD", "--format", "json"}, d.path() / "app");
  CHECK(r.exit_code == 1);

  // --commit alone: that commit's own policy.
  r = Modelprov({"scan", "--commit", "HEAD", "--format", "json"}, d.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: policy: .modelprov.yml from HEAD (commit " + head + ")\n");
  CHECK(ParseJson(r)["findings"].empty());
  r = Modelprov({"scan", "--commit", "main", "--format", "json"}, d.path());
  CHECK(r.exit_code == 1);  // BAAI's bge is CN-origin too
  CHECK(r.err == "modelprov: note: policy: .modelprov.yml from main (commit " + main + ")\n");
  // A revision without .modelprov.yml: the built-in default.
  r = Modelprov({"scan", "--since", init, "--commit", "HEAD", "--format", "json"}, d.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "modelprov: note: policy: builtin:default (" + init + " (commit " + init + ") has no .modelprov.yml)\n");

  // An explicit --policy always wins, silently.
  d.Write("relaxed.yml", "rules: []\n");  // untracked: --commit does not scan it
  r = Modelprov({"scan", "--since", "main", "--commit", "HEAD", "--policy", "relaxed.yml", "--format", "json"}, d.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  r = Modelprov({"scan", "--since", "main", "--commit", "HEAD", "--policy", "none", "--format", "json"}, d.path());
  CHECK(r.exit_code == 0);

  // --staged (the pre-commit hook) keeps reading the work tree's policy.
  d.Write(".modelprov.yml", policy);
  d.Write("app/chat2.py", kQwen);
  Git({"add", "app/chat2.py"}, d.path());
  r = Modelprov({"scan", "--staged", "--format", "json"}, d.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
}

TEST_CASE("git --since: a line moved to another file and a file renamed on disk are not new", "[e2e][git]") {
  const std::string kMistral = "x = AutoModel.from_pretrained(\"mistralai/Mistral-7B-Instruct-v0.3\")\n";
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("a.py", "import os\n" + kQwen + kBge);
  d.Write("old.py", "import sys\nimport json\n\n" + kLlama);
  Commit(d, "base");
  Git({"tag", "base"}, d.path());
  // Qwen moves from a.py to b.py; old.py is renamed with mv, not git mv.
  d.Write("a.py", "import os\n" + kBge);
  d.Write("b.py", kQwen + kMistral);
  std::filesystem::rename(d.path() / "old.py", d.path() / "renamed_on_disk.py");

  RunResult r = Modelprov({"scan", "--since", "base", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "b.py:2 hf-model-id mistralai/Mistral-7B-Instruct-v0.3 -> mistralai/Mistral-7B-Instruct-v0.3"});

  // The same once committed, and with the old file deleted rather than renamed.
  std::filesystem::remove(d.path() / "renamed_on_disk.py");
  d.Write("c.py", "# unrelated content\n" + kLlama);
  Commit(d, "move");
  r = Modelprov({"scan", "--since", "base", "--commit", "HEAD", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "b.py:2 hf-model-id mistralai/Mistral-7B-Instruct-v0.3 -> mistralai/Mistral-7B-Instruct-v0.3"});
}

TEST_CASE("revisions in an empty repository or beyond a shallow clone give clear messages", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q", "empty"}, d.path());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"scan", "--since", "HEAD"},
                                               std::vector<std::string>{"scan", "--commit", "HEAD"},
                                               std::vector<std::string>{"scan", "--since", "HEAD", "--commit", "HEAD"}}) {
    RunResult r = Modelprov(args, d.path() / "empty");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "modelprov: unknown revision 'HEAD': the repository has no commits yet\n");
  }

  Git({"init", "-q", "src"}, d.path());
  for (int i = 0; i < 3; ++i) {
    d.Write("src/f" + std::to_string(i) + ".py", kQwen);
    Git({"add", "-A"}, d.path() / "src");
    Git({"commit", "-q", "-m", "c" + std::to_string(i)}, d.path() / "src");
  }
  Git({"clone", "-q", "--depth", "1", "file://" + (d.path() / "src").string(), "shallow"}, d.path());
  RunResult r = Modelprov({"scan", "--since", "HEAD~2"}, d.path() / "shallow");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("modelprov: unknown revision 'HEAD~2'", 0) == 0);
  CHECK(r.err.find(" (this is a shallow clone: fetch more history, e.g. git fetch --deepen / fetch-depth: 0)\n") !=
        std::string::npos);
}
