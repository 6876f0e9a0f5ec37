// The scan commands docs/ci.md's jobs run, executed verbatim (with $BASE_SHA
// substituted) on a repository shaped like a pull request. The test also
// checks each command is still spelled that way in docs/ci.md, and that the
// jobs' `apt-get install` lines install every package setup.sh builds with.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support/e2e.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
const std::string kBge = "e = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")\n";

const std::string kPullRequest =
    "modelprov scan --since \"$BASE_SHA\" --commit HEAD --fail-on error --format markdown-summary --output modelprov.md "
    "--report html=modelprov.html --report sarif=modelprov.sarif --report json=modelprov.json";
const std::string kInventory =
    "modelprov scan --commit HEAD --history --fail-on none --format json --output modelprov-inventory.json "
    "--report cyclonedx=modelprov.cdx.json";
// A policy a team would keep at the repository root.
const std::string kPolicy =
    "rules:\n  - id: no-cn-origin\n    severity: error\n    message: \"{model} comes from {publisher} ({country})\"\n"
    "    when:\n      country: [CN]\n";

// The words of the bash array `NAME=(a b c)` assigned at the start of a line
// of `script`.
std::vector<std::string> ShellArray(const std::string& script, const std::string& name) {
  size_t at = script.find("\n" + name + "=(");
  REQUIRE(at != std::string::npos);
  size_t open = script.find('(', at);
  size_t close = script.find(')', open);
  REQUIRE(close != std::string::npos);
  std::istringstream words(script.substr(open + 1, close - open - 1));
  std::vector<std::string> out;
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

// The part of a Markdown document from the heading `heading` to the next
// heading of the same level (or the end).
std::string Section(const std::string& doc, const std::string& heading) {
  size_t start = doc.find("\n" + heading + "\n");
  REQUIRE(start != std::string::npos);
  size_t end = doc.find("\n## ", start + 1);
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The packages of every `apt-get install` command in `text`: the words after
// `install` up to the end of the line (or a shell operator), options dropped.
std::vector<std::vector<std::string>> AptInstalls(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  const std::string kCommand = "apt-get install ";
  for (size_t at = text.find(kCommand); at != std::string::npos; at = text.find(kCommand, at + 1)) {
    size_t from = at + kCommand.size();
    size_t eol = text.find('\n', from);
    std::istringstream words(text.substr(from, eol == std::string::npos ? std::string::npos : eol - from));
    std::vector<std::string> packages;
    for (std::string w; words >> w;) {
      if (w == "&&" || w == ";" || w == "|" || w == "||" || w[0] == '#') break;
      if (w[0] != '-') packages.push_back(w);
    }
    out.push_back(std::move(packages));
  }
  return out;
}

// Splits the documented command on spaces, drops the leading "modelprov"
// and substitutes "$BASE_SHA".
RunResult RunDocumented(const std::string& command, const std::string& base, const std::filesystem::path& cwd) {
  std::istringstream words(command);
  std::vector<std::string> args;
  std::string w;
  words >> w;
  REQUIRE(w == "modelprov");
  while (words >> w) args.push_back(w == "\"$BASE_SHA\"" ? base : w);
  return Modelprov(args, cwd);
}

}  // namespace

TEST_CASE("docs/ci.md scan commands work on a pull-request-shaped repository", "[e2e][ci]") {
  std::string doc = ReadFile(std::filesystem::path(MODELPROV_SOURCE_DIR) / "docs/ci.md");
  for (const std::string& c : {kPullRequest, kInventory}) {
    INFO(c);
    CHECK(doc.find(c) != std::string::npos);
  }

  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("app/model.py", kQwen);
  d.Write(".modelprov.yml", kPolicy);
  Git({"add", "-A"}, d.path());
  Git({"commit", "-q", "-m", "base"}, d.path());
  std::string base = Git({"rev-parse", "HEAD"}, d.path());
  base = base.substr(0, base.find('\n'));
  Git({"checkout", "-q", "-b", "feature"}, d.path());
  d.Write("app/embed.py", kBge);
  d.Write("app/model.py", "# moved down\n" + kQwen);
  Git({"add", "-A"}, d.path());
  Git({"commit", "-q", "-m", "add embeddings"}, d.path());
  std::string head = Git({"rev-parse", "HEAD"}, d.path());
  head = head.substr(0, head.find('\n'));
  // CI checkouts often leave other files around; the commit is what counts.
  d.Write("app/scratch.py", kQwen);

  // The pull request adds a CN-origin model: the policy fails the job (exit 1),
  // and all four reports are written anyway.
  RunResult r = RunDocumented(kPullRequest, base, d.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  CHECK(r.out.empty());
  json scan = json::parse(ReadFile(d.path() / "modelprov.json"));
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app/embed.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5"});
  CHECK(scan["references"][0]["source"] == "commit:" + Git({"rev-parse", "--short", "HEAD"}, d.path()).substr(0, 7));
  REQUIRE(scan["findings"].size() == 1);
  CHECK(scan["findings"][0]["rule"] == "no-cn-origin");
  json sarif = json::parse(ReadFile(d.path() / "modelprov.sarif"));
  REQUIRE(sarif["runs"][0]["results"].size() == 1);
  CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "no-cn-origin");
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/embed.py");
  std::string md = ReadFile(d.path() / "modelprov.md");
  CHECK(md.find("BAAI/bge-large-en-v1.5") != std::string::npos);
  CHECK(md.find("no-cn-origin") != std::string::npos);
  CHECK(md.find("Qwen/Qwen2.5-7B-Instruct") == std::string::npos);  // not new in this pull request
  // The comment-sized summary names the full report written beside it.
  CHECK(md.size() < 60000);
  CHECK(md.find("the full report `modelprov.html`") != std::string::npos);
  std::string html = ReadFile(d.path() / "modelprov.html");
  CHECK(html.find("BAAI/") != std::string::npos);
  CHECK(html.find("id=\"obligations\"") != std::string::npos);

  r = RunDocumented(kInventory, base, d.path());
  REQUIRE(r.exit_code == 0);
  json inventory = json::parse(ReadFile(d.path() / "modelprov-inventory.json"));
  json bom = json::parse(ReadFile(d.path() / "modelprov.cdx.json"));
  CHECK(bom["bomFormat"] == "CycloneDX");
  REQUIRE(inventory["history"].size() == 2);
  CHECK(inventory["history"][0]["model"] == "BAAI/bge-large-en-v1.5");
  CHECK(inventory["history"][0]["introduced"]["hash"] == head);
  CHECK(inventory["history"][1]["model"] == "Qwen/Qwen2.5-7B-Instruct");
  CHECK(inventory["history"][1]["introduced"]["hash"] == base);

  // An unknown base (a shallow CI checkout) is a configuration error: exit 2.
  r = RunDocumented(kPullRequest, "0123456789abcdef0123456789abcdef01234567", d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("modelprov: unknown revision '0123456789abcdef0123456789abcdef01234567'", 0) == 0);
}

TEST_CASE("docs/ci.md jobs install every package setup.sh builds with", "[e2e][ci]") {
  std::string doc = ReadFile(std::filesystem::path(MODELPROV_SOURCE_DIR) / "docs/ci.md");
  std::string setup = ReadFile(std::filesystem::path(MODELPROV_SOURCE_DIR) / "setup.sh");
  std::vector<std::string> build_packages = ShellArray(setup, "BUILD_PACKAGES");
  REQUIRE(build_packages.size() >= 5);
  CHECK(std::find(build_packages.begin(), build_packages.end(), "libyaml-cpp-dev") != build_packages.end());

  for (const char* heading : {"## GitHub Actions", "## GitLab CI"}) {
    std::string job = Section(doc, heading);
    INFO(heading);
    // setup.sh's package names are Debian 12's; the jobs run there.
    CHECK(job.find("debian:12") != std::string::npos);
    std::vector<std::vector<std::string>> installs = AptInstalls(job);
    REQUIRE(installs.size() == 1);
    for (const std::string& p : build_packages) {
      INFO(p);
      CHECK(std::find(installs[0].begin(), installs[0].end(), p) != installs[0].end());
    }
  }
}
