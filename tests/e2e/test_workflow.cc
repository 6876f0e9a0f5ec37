// The everyday loop (issue 13): findings grouped per model and rule and
// ranked, the default policy's short list, what a commit adds under
// --staged, --exclude and .modelprovignore, and the CLI's handling of flags,
// subcommands, colour and output files. Each test builds its fixture and runs
// the real binary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

// One model used three times, a self-hosted Llama used twice (a user cap,
// a naming duty and an acceptable-use policy), a non-commercial FLUX model
// used once, and a hosted API model whose terms the default policy leaves to
// the inventory.
void WriteGroupedFixture(const TempDir& d) {
  d.Write("app/chat.py",
          "client = OpenAI(base_url=\"https://api.deepseek.com\")\n"
          "a = client.chat.completions.create(model=\"deepseek-chat\", messages=m)\n"
          "b = client.chat.completions.create(model=\"deepseek-chat\", messages=m)\n");
  d.Write("app/local.py",
          "tok = AutoTokenizer.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\n"
          "llm = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\n"
          "img = FluxPipeline.from_pretrained(\"black-forest-labs/FLUX.1-dev\")\n");
  d.Write("web/chat.ts", "const r = await openai.chat.completions.create({ model: \"deepseek-chat\" });\n");
}

std::string Between(const std::string& text, const std::string& from, const std::string& to) {
  size_t a = text.find(from);
  if (a == std::string::npos) return "";
  size_t b = text.find(to, a);
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

}  // namespace

TEST_CASE("default policy: a short ranked list, one finding per model and rule with its places", "[e2e][workflow]") {
  TempDir d;
  WriteGroupedFixture(d);
  RunResult r = Modelprov({"scan", "-q", "."}, d.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Counts first, by severity and by rule, in rank order.
  CHECK(r.out.rfind("Findings: 2 warnings, 2 notes\n"
                    "    by rule: non-commercial 1, user-cap 1, naming 1, field-of-use 1\n\n",
                    0) == 0);
  CHECK(Between(r.out, "Findings (", "\n\n") ==
        "Findings (4 active, 0 suppressed)\n"
        "    warning [non-commercial] app/local.py:3: black-forest-labs/FLUX.1-dev may not be used commercially under "
        "LicenseRef-flux-1-dev-non-commercial [trigger: commercial_use=no]\n"
        "    warning [user-cap] app/local.py:1: meta-llama/Llama-3.1-8B-Instruct has a monthly-active-user threshold "
        "(700000000, under LicenseRef-llama-3.1) [trigger: mau_cap=700000000]\n"
        "        also at app/local.py:2\n"
        "    note [naming] app/local.py:1: meta-llama/Llama-3.1-8B-Instruct carries a naming or display duty: a model created, trained, fine-tuned or improved with Llama 3.1 or its outputs and then "
        "distributed must have a name beginning with 'Llama' [trigger: naming=present]\n"
        "        also at app/local.py:2\n"
        "    note [field-of-use] app/local.py:1: meta-llama/Llama-3.1-8B-Instruct restricts fields of use: Llama 3.1 "
        "Acceptable Use Policy is incorporated (e.g. no military, warfare or ITAR-controlled use) "
        "[trigger: field_of_use=present, license_category=restricted-commercial]\n"
        "        also at app/local.py:2");
  // What the summary's numbers count.
  CHECK(r.out.find("4 models from 3 publishers (models by publisher country: CN 2, DE 1, US 1), 7 references in 3 "
                   "files") != std::string::npos);
  // Nothing blocks (no finding at or above --fail-on error): no advice.
  CHECK(r.out.find("waive:") == std::string::npos);

  // JSON and SARIF carry every place.
  RunResult json_run = Modelprov({"scan", "-q", "--format", "json", "."}, d.path());
  nlohmann::json scan = ParseJson(json_run);
  REQUIRE(scan["findings"].size() == 4);
  const nlohmann::json& cap = scan["findings"][1];
  CHECK(cap["rule"] == "user-cap");
  CHECK(cap["rule_source"] == "builtin:default:30");
  CHECK(cap["locations"] == nlohmann::json::parse(R"([{"path":"app/local.py","line":1,"column":38},
                                                     {"path":"app/local.py","line":2,"column":45}])"));
  RunResult sarif_run = Modelprov({"scan", "-q", "--format", "sarif", "."}, d.path());
  nlohmann::json sarif = ParseJson(sarif_run);
  const nlohmann::json& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  REQUIRE(results[1]["relatedLocations"].size() == 1);
  CHECK(results[1]["relatedLocations"][0]["id"] == 1);
  CHECK(results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  CHECK(results[0].count("relatedLocations") == 0);
}

TEST_CASE("a blocking finding says how to fix, waive or suppress it; one place suppressed is its own finding",
          "[e2e][workflow]") {
  TempDir d;
  WriteGroupedFixture(d);
  d.Write("policy.yml",
          "rules:\n"
          "  - id: no-cn-origin\n"
          "    severity: error\n"
          "    message: \"{model} comes from {publisher} ({country})\"\n"
          "    how_to_fix: \"Use an approved model.\"\n"
          "    when:\n"
          "      country: [CN]\n");
  d.Write("web/chat.ts",
          "// modelprov:ignore no-cn-origin evaluated in LEGAL-7\n"
          "const r = await openai.chat.completions.create({ model: \"deepseek-chat\" });\n");
  RunResult r = Modelprov({"scan", "-q", "--policy", "policy.yml", "."}, d.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("Findings: 2 errors, 1 suppressed\n    by rule: no-cn-origin 2\n\n", 0) == 0);
  CHECK(Between(r.out, "Findings (", "\n\n") ==
        "Findings (2 active, 1 suppressed)\n"
        "    error [no-cn-origin] app/chat.py:1: api.deepseek.com comes from DeepSeek (CN)\n"
        "        fix:    Use an approved model.\n"
        "        waive:  add to policy.yml under `waivers:`  - {rule: no-cn-origin, model: \"api.deepseek.com\", "
        "reason: \"...\", expires: YYYY-MM-DD}\n"
        "        ignore: one place only, a comment on the line or the line above: modelprov:ignore no-cn-origin <reason>\n"
        "        rule:   policy.yml:2\n"
        "    error [no-cn-origin] app/chat.py:2: deepseek-chat comes from DeepSeek (CN)\n"
        "        also at app/chat.py:3\n"
        "        fix:    Use an approved model.\n"
        "        waive:  add to policy.yml under `waivers:`  - {rule: no-cn-origin, model: \"deepseek-chat\", "
        "reason: \"...\", expires: YYYY-MM-DD}\n"
        "        ignore: one place only, a comment on the line or the line above: modelprov:ignore no-cn-origin <reason>\n"
        "        rule:   policy.yml:2\n"
        "    error [no-cn-origin] web/chat.ts:2: deepseek-chat comes from DeepSeek (CN) (suppressed inline: evaluated in "
        "LEGAL-7)");

  // With a built-in policy the advice says how to start a policy file.
  RunResult builtin = Modelprov({"scan", "-q", "--fail-on", "warning", "."}, d.path());
  CHECK(builtin.exit_code == 1);
  CHECK(builtin.out.find("        waive:  add to .modelprov.yml under `waivers:`  - {rule: non-commercial, model: "
                         "\"black-forest-labs/FLUX.1-dev\", reason: \"...\", expires: YYYY-MM-DD}\n"
                         "                (builtin:default is built in: start the file with `modelprov policy show "
                         "builtin:default > .modelprov.yml`)\n") != std::string::npos);
  RunResult show = Modelprov({"policy", "show", "builtin:default"}, d.path());
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("  - id: non-commercial\n") != std::string::npos);
  d.Write("shown.yml", show.out);
  CHECK(Modelprov({"policy", "check", "shown.yml"}, d.path()).out == "shown.yml: ok (8 rules, 0 waivers)\n");
  RunResult unknown_preset = Modelprov({"policy", "show", "builtin:nope"}, d.path());
  CHECK(unknown_preset.exit_code == 2);
  CHECK(unknown_preset.err.find("unknown built-in policy 'nope' (known: default, origin-allowlist, permissive-only, "
                                "review-restricted)") != std::string::npos);
}

TEST_CASE("an inline ignore naming no rule of the policy is a warning at its line", "[e2e][workflow][policy]") {
  TempDir d;
  d.Write("policy.yml",
          "rules:\n  - id: no-cn-origin\n    severity: error\n    message: \"{model} from {country}\"\n"
          "    when:\n      country: [CN]\n");
  d.Write("app.py", "x = 1\n# modelprov:ignore no-cn-orign typo\nclient.create(model=\"deepseek-chat\")\n");
  RunResult r = Modelprov({"scan", "-q", "--policy", "policy.yml", "--format", "json", "."}, d.path());
  nlohmann::json scan = ParseJson(r);
  REQUIRE(scan["findings"].size() == 2);
  CHECK(scan["findings"][0]["rule"] == "no-cn-origin");
  CHECK(scan["findings"][0]["suppressed_by"].is_null());
  CHECK(scan["findings"][1]["rule"] == "unknown-ignore-rule");
  CHECK(scan["findings"][1]["severity"] == "warning");
  CHECK(scan["findings"][1]["line"] == 2);
  CHECK(scan["findings"][1]["message"] ==
        "`modelprov:ignore no-cn-orign` names no rule of the policy policy.yml and silences nothing (its rules: "
        "no-cn-origin)");
}

TEST_CASE("pre-commit: --staged judges what the commit adds; --whole-files and named files", "[e2e][workflow][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("app.py", "client.create(model=\"deepseek-chat\")\n");
  d.Write("other.py", "m = \"qwen-max\"\n");
  Git({"add", "-A"}, d.path());
  Git({"commit", "-q", "-m", "initial"}, d.path());
  d.Write("app.py", "# a comment\nclient.create(model=\"deepseek-chat\")\n");
  Git({"add", "app.py"}, d.path());

  auto refs = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all{"scan", "-q", "--format", "json", "--policy", "none"};
    all.insert(all.end(), args.begin(), args.end());
    return ReferenceLines(ParseJson(Modelprov(all, d.path())));
  };
  CHECK(refs({"--staged"}).empty());
  CHECK(refs({"--staged", "--whole-files"}) == std::vector<std::string>{"app.py:2 api-model deepseek-chat -> deepseek-chat"});

  d.Write("app.py", "# a comment\nclient.create(model=\"deepseek-chat\")\nclient.create(model=\"glm-4\")\n");
  Git({"add", "app.py"}, d.path());
  CHECK(refs({"--staged"}) == std::vector<std::string>{"app.py:3 api-model glm-4 -> glm-4"});
  // Named files (what pre-commit passes): a changed one by what it adds, an unchanged one whole.
  CHECK(refs({"--staged", "app.py", "other.py"}) ==
        std::vector<std::string>{"app.py:3 api-model glm-4 -> glm-4", "other.py:1 api-model qwen-max -> qwen-max"});
  CHECK(refs({"--staged", "other.py"}) == std::vector<std::string>{"other.py:1 api-model qwen-max -> qwen-max"});

  RunResult untracked = Modelprov({"scan", "-q", "--format", "json", "--staged", "new.py"},
                                  (d.Write("new.py", "x\n"), d.path()));
  nlohmann::json scan = ParseJson(untracked);
  REQUIRE(scan["errors"].size() == 1);
  CHECK(scan["errors"][0]["path"] == "new.py");
  CHECK(scan["errors"][0]["message"] == "not in the git index (untracked, or only a path in the work tree); not scanned");

  RunResult outside = Modelprov({"scan", "--staged", "/etc/hostname"}, d.path());
  CHECK(outside.exit_code == 2);
  CHECK(outside.err.find("/etc/hostname is outside the repository's work tree") != std::string::npos);
  RunResult misuse = Modelprov({"scan", "--whole-files", "."}, d.path());
  CHECK(misuse.exit_code == 2);
  CHECK(misuse.err == "modelprov: scan: --whole-files needs --staged or --since (see modelprov scan --help)\n");
}

TEST_CASE("excluding: --exclude and .modelprovignore leave paths out and are counted", "[e2e][workflow]") {
  TempDir d;
  d.Write("app.py", "client.create(model=\"deepseek-chat\")\n");
  d.Write("tests/fixtures/case.py", "client.create(model=\"qwen-max\")\n");
  d.Write("tests/test_app.py", "client.create(model=\"glm-4\")\n");
  d.Write("vendor/lib/x.py", "client.create(model=\"gpt-4o\")\n");
  d.Write("web/app.min.js", "fetch({model:\"claude-3-5-sonnet-20241022\"})\n");
  d.Write("web/keep.min.js", "fetch({model:\"mistral-large-latest\"})\n");
  d.Write(".modelprovignore", "# fixtures are test data\ntests/fixtures/\n*.min.js\n!keep.min.js\n");
  RunResult r = Modelprov({"scan", "-q", "--format", "json", "--policy", "none", "--exclude", "/vendor", "."}, d.path());
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"app.py:1 api-model deepseek-chat -> deepseek-chat",
                                                         "tests/test_app.py:1 api-model glm-4 -> glm-4",
                                                         "web/keep.min.js:1 api-model mistral-large-latest -> "
                                                         "mistral-large-latest"});
  CHECK(scan["stats"]["excluded"] == 3);
  RunResult text = Modelprov({"scan", "-q", "--policy", "none", "--exclude", "/vendor", "."}, d.path());
  CHECK(text.out.find(" in 4 files (") != std::string::npos);
  CHECK(text.out.find("), 3 excluded; ") != std::string::npos);
  // A path after --exclude is a path to scan, not a second pattern.
  RunResult positional = Modelprov({"scan", "-q", "--format", "json", "--policy", "none", "--exclude", "app.min.js", "web"},
                                   d.path());
  nlohmann::json web = ParseJson(positional);
  CHECK(ReferenceLines(web) == std::vector<std::string>{"keep.min.js:1 api-model mistral-large-latest -> "
                                                        "mistral-large-latest"});
  CHECK(web["stats"]["excluded"] == 1);
  // A malformed pattern file is a configuration error, before scanning.
  d.Write(".modelprovignore", std::string("ok\n") + std::string(2 << 20, 'x'));
  RunResult big = Modelprov({"scan", "-q", "."}, d.path());
  CHECK(big.exit_code == 2);
  CHECK(big.err.find(".modelprovignore is larger than 1 MiB") != std::string::npos);
}

TEST_CASE("CLI: option values never take paths, numbers are checked, errors point at the command's help",
          "[e2e][workflow][cli]") {
  TempDir d;
  d.Write("svc/app.py", "client.create(model=\"deepseek-chat\")\n");
  // --report takes one value: svc is the scanned directory (paths relative to it).
  RunResult report = Modelprov({"scan", "-q", "--report", "json=out.json", "svc"}, d.path());
  INFO(report.err);
  CHECK(report.exit_code == 0);
  CHECK(report.err == "modelprov: wrote json report to out.json (" +
                          std::to_string(std::filesystem::file_size(d.path() / "out.json")) + " bytes)\n");
  CHECK(report.out.find("used at    app.py:1") != std::string::npos);
  // -o FILE: the report goes to the file, a one-line confirmation to stderr.
  RunResult to_file = Modelprov({"scan", "-q", "-o", "out.txt", "svc"}, d.path());
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  CHECK(to_file.err == "modelprov: wrote text report to out.txt (" +
                           std::to_string(std::filesystem::file_size(d.path() / "out.txt")) + " bytes)\n");

  for (const char* bad : {"-5", "99999999999999999999999", "1.5", "12abc"}) {
    INFO(bad);
    RunResult r = Modelprov({"scan", "--max-file-size", bad, "svc"}, d.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("modelprov: scan: --max-file-size: must be a whole number from 1 to 18446744073709551615, not ",
                      0) == 0);
    CHECK(r.err.find("(see modelprov scan --help)\n") != std::string::npos);
  }
  RunResult jobs = Modelprov({"scan", "--jobs", "5000", "svc"}, d.path());
  CHECK(jobs.exit_code == 2);
  CHECK(jobs.err.find("--jobs: must be a whole number from 0 to 1024, not 5000") != std::string::npos);
  RunResult depth = Modelprov({"scan", "--archive-depth", "4294967297", "svc"}, d.path());
  CHECK(depth.exit_code == 2);
  CHECK(depth.err.find("--archive-depth: must be a whole number from 1 to 4294967295, not 4294967297") !=
        std::string::npos);

  RunResult flag = Modelprov({"scan", "--bogus"}, d.path());
  CHECK(flag.exit_code == 2);
  CHECK(flag.err == "modelprov: scan: The following argument was not expected: --bogus (see modelprov scan --help)\n");
  RunResult policy_flag = Modelprov({"policy", "check", "--bogus", "x"}, d.path());
  CHECK(policy_flag.err.find("(see modelprov policy check --help)\n") != std::string::npos);
  RunResult sub = Modelprov({"policy", "frob"}, d.path());
  CHECK(sub.exit_code == 2);
  CHECK(sub.err ==
        "modelprov: unknown subcommand 'frob' for modelprov policy (known: check, show; see modelprov policy --help)\n");
  RunResult top = Modelprov({"frob"}, d.path());
  CHECK(top.err == "modelprov: unknown command 'frob' (known: scan, report, notice, policy, baseline, explain; see "
                   "modelprov --help)\n");

  // An output file that cannot be written: the system's reason.
  RunResult nowhere = Modelprov({"scan", "-q", "-o", "missing-dir/out.json", "svc"}, d.path());
  CHECK(nowhere.exit_code == 2);
  CHECK(nowhere.err == "modelprov: cannot write missing-dir/out.json: No such file or directory\n");
}

TEST_CASE("CLI: NO_COLOR turns off automatic colour on a terminal; --color always still colours",
          "[e2e][workflow][cli]") {
  TempDir d;
  d.Write("app.py", "client.create(model=\"deepseek-chat\")\n");
  // `script` gives the command a terminal, where --color auto would colour.
  auto on_terminal = [&](const std::string& env, const std::string& flags) {
    std::string cmd = env + " " + std::string(MODELPROV_BIN) + " scan -q --policy none " + flags + " .";
    return Run({"script", "-qec", cmd, "/dev/null"}, d.path()).out;
  };
  CHECK(on_terminal("env", "").find("\x1b[1m") != std::string::npos);
  CHECK(on_terminal("env NO_COLOR=1", "").find("\x1b[") == std::string::npos);
  CHECK(on_terminal("env NO_COLOR=", "").find("\x1b[1m") != std::string::npos);  // empty: not set
  CHECK(on_terminal("env NO_COLOR=1", "--color always").find("\x1b[1m") != std::string::npos);
}

TEST_CASE("policy validation: impossible dates, unknown catalog names, closed lists", "[e2e][workflow][policy]") {
  TempDir d;
  const std::string rule = "rules:\n  - id: r\n    severity: error\n    message: x\n";
  d.Write("date.yml", rule + "waivers:\n  - rule: r\n    model: x\n    reason: y\n    expires: 2027-02-31\n");
  RunResult date = Modelprov({"policy", "check", "date.yml"}, d.path());
  CHECK(date.exit_code == 2);
  CHECK(date.err == "modelprov: date.yml:9: expires: '2027-02-31' is not a calendar date (YYYY-MM-DD, e.g. 2027-03-31)\n");
  d.Write("leap.yml", rule + "waivers:\n  - rule: r\n    model: x\n    reason: y\n    expires: 2028-02-29\n");
  CHECK(Modelprov({"policy", "check", "leap.yml"}, d.path()).exit_code == 0);

  d.Write("names.yml", rule +
                           "    when:\n      any:\n        - family: [lama, qwen]\n        - provider: opnai\n"
                           "        - publisher: \"deepsek*\"\n        - lineage: {family: mistrall}\n");
  RunResult names = Modelprov({"policy", "check", "names.yml"}, d.path());
  CHECK(names.exit_code == 0);
  CHECK(names.out == "names.yml: ok (1 rule, 0 waivers)\n");
  CHECK(names.err.find("modelprov: warning: names.yml:7: family 'lama' is not in the catalog (closest: llama") == 0);
  CHECK(names.err.find("modelprov: warning: names.yml:8: provider 'opnai' is not in the catalog (closest: openai") !=
        std::string::npos);
  CHECK(names.err.find("modelprov: warning: names.yml:9: publisher 'deepsek*' matches no publisher in the catalog "
                       "(closest: ") != std::string::npos);
  CHECK(names.err.find("modelprov: warning: names.yml:10: family 'mistrall' is not in the catalog (closest: mistral") !=
        std::string::npos);
  CHECK(std::count(names.err.begin(), names.err.end(), '\n') == 4);
  // The same warnings when a scan uses the policy.
  RunResult scan = Modelprov({"scan", "-q", "--policy", "names.yml", "."}, d.path());
  CHECK(scan.err.find("modelprov: warning: names.yml:7: family 'lama'") != std::string::npos);

  d.Write("kind.yml", rule + "    when:\n      kind: api-modle\n");
  RunResult kind = Modelprov({"policy", "check", "kind.yml"}, d.path());
  CHECK(kind.exit_code == 2);
  CHECK(kind.err.find("kind: unknown reference kind 'api-modle' (known: hf-model-id, api-model, ") !=
        std::string::npos);
  d.Write("waiver.yml", rule + "waivers:\n  - rule: s\n    model: x\n    reason: y\n    expires: 2099-01-01\n");
  CHECK(Modelprov({"policy", "check", "waiver.yml"}, d.path()).err ==
        "modelprov: waiver.yml:6: waiver names unknown rule 's' (known: r, or *)\n");
}

TEST_CASE("an archive named like a licence file is opened as an archive", "[e2e][workflow][archives]") {
  TempDir d;
  d.Write("src/app.py", "client.create(model=\"deepseek-chat\")\n");
  RunResult zip = Run({"zip", "-q", "-r", "../LICENSE-plugin.zip", "app.py"}, d.path() / "src");
  REQUIRE(zip.exit_code == 0);
  std::filesystem::remove_all(d.path() / "src");
  RunResult r = Modelprov({"scan", "-q", "--format", "json", "--policy", "none", "."}, d.path());
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"LICENSE-plugin.zip!/app.py:1 api-model deepseek-chat -> deepseek-chat"});
  CHECK(scan["errors"].empty());
}
