// The rules engine end to end: presets, the issue's example policy, waivers,
// baselines, inline suppressions, lineage, malformed policies, `policy
// check` and `explain`.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

// A small repository: a DeepSeek API client, two Hub models, a LoRA adapter
// on Llama whose own card says apache-2.0, and a test that names a model.
void WriteFixture(const TempDir& dir) {
  dir.Write("app/chat.py",
            "from openai import OpenAI\n"
            "\n"
            "client = OpenAI(base_url=\"https://api.deepseek.com\")\n"
            "reply = client.chat.completions.create(model=\"deepseek-chat\", messages=[])\n");
  dir.Write("app/embed.py",
            "from transformers import AutoModel\n"
            "\n"
            "model = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  dir.Write("models/lora/adapter_config.json",
            "{\n  \"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B-Instruct\",\n  \"peft_type\": \"LORA\"\n}\n");
  dir.Write("models/lora/README.md",
            "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n# acme support lora\n");
  dir.Write("tests/test_chat.py", "MODEL = \"deepseek-chat\"\n");
}

// "severity rule path:line message [suppressed_by]" per finding.
std::vector<std::string> FindingLines(const nlohmann::json& scan) {
  std::vector<std::string> out;
  for (const auto& f : scan["findings"]) {
    std::string line = f["severity"].get<std::string>() + " " + f["rule"].get<std::string>() + " " +
                       f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + " " +
                       f["message"].get<std::string>();
    // One finding per model and rule: its further places are counted here, listed in "locations".
    if (f.contains("locations") && f["locations"].size() > 1) {
      line += " (+" + std::to_string(f["locations"].size() - 1) + " more)";
    }
    if (!f["suppressed_by"].is_null()) line += " [" + f["suppressed_by"].get<std::string>() + "]";
    out.push_back(line);
  }
  return out;
}

// The example from issue 6, verbatim.
const char* kIssuePolicy = R"P(rules:
  - id: no-cn-origin
    severity: error
    message: "{model} comes from {publisher} ({country})"
    when:
      country: [CN]
  - id: user-cap
    severity: warning
    message: "{model} limits monthly active users"
    when:
      terms:
        mau_cap: present
waivers:
  - rule: no-cn-origin
    model: "deepseek-chat"
    reason: "approved by legal, ticket LEGAL-42"
    expires: 2099-01-01
)P";

}  // namespace

TEST_CASE("the issue's example policy works as written", "[e2e][policy]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write("policy.yml", kIssuePolicy);
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "."}, dir.path());
  CHECK(r.err.empty());
  REQUIRE(r.exit_code == 1);
  nlohmann::json scan = ParseJson(r);
  CHECK(FindingLines(scan) == std::vector<std::string>{
                                  "error no-cn-origin app/chat.py:3 api.deepseek.com comes from DeepSeek (CN)",
                                  "error no-cn-origin app/embed.py:3 Qwen/Qwen2.5-7B-Instruct comes from Alibaba Cloud (Qwen / Tongyi team) (CN)",
                                  "warning user-cap models/lora/README.md:3 local:models/lora limits monthly active users (+1 more)",
                                  "error no-cn-origin app/chat.py:4 deepseek-chat comes from DeepSeek (CN) (+1 more) [waiver]",
                              });
  CHECK(scan["findings"][0]["trigger"] == "country=CN");
  CHECK(scan["findings"][2]["trigger"] == "mau_cap=700000000");
  CHECK(scan["findings"][3]["locations"][1]["path"] == "tests/test_chat.py");
  CHECK(scan["stats"]["suppressed"] == 1);

  // The text report shows the same findings, with the waived one's further place.
  RunResult text = Modelprov({"scan", "--policy", "policy.yml", "--color", "never", "."}, dir.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("    error [no-cn-origin] app/chat.py:3: api.deepseek.com comes from DeepSeek (CN) [trigger: country=CN]\n") !=
        std::string::npos);
  CHECK(text.out.find("tests/test_chat.py:1") != std::string::npos);
  CHECK(text.out.find("; 3 active findings, 1 suppressed, 0 scan errors;") != std::string::npos);
  // JSON keeps the waiver's reason and expiry.
  CHECK(scan["findings"][3]["suppressed_reason"] == "approved by legal, ticket LEGAL-42");
  CHECK(scan["findings"][3]["waiver_expires"] == "2099-01-01");
  CHECK(scan["findings"][0]["suppressed_reason"] == nullptr);
}

TEST_CASE("the --fail-on flag decides the exit code", "[e2e][policy]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write("policy.yml",
            "rules:\n  - id: cap\n    severity: warning\n    message: \"{model}\"\n    when:\n      terms: { mau_cap: present }\n");
  CHECK(Modelprov({"scan", "-q", "--policy", "policy.yml", "."}, dir.path()).exit_code == 0);  // default: error
  CHECK(Modelprov({"scan", "-q", "--policy", "policy.yml", "--fail-on", "warning", "."}, dir.path()).exit_code == 1);
  CHECK(Modelprov({"scan", "-q", "--policy", "policy.yml", "--fail-on", "note", "."}, dir.path()).exit_code == 1);
  CHECK(Modelprov({"scan", "-q", "--policy", "policy.yml", "--fail-on", "none", "."}, dir.path()).exit_code == 0);
}

TEST_CASE(".modelprov.yml at the scanned root is the default policy", "[e2e][policy]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write(".modelprov.yml",
            "rules:\n  - id: qwen\n    severity: error\n    message: \"{model} is {family}\"\n    when:\n      family: qwen\n");
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{"error qwen app/embed.py:3 Qwen/Qwen2.5-7B-Instruct is qwen"});
  // --policy none turns rules off.
  RunResult none = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, dir.path());
  CHECK(none.exit_code == 0);
  CHECK(ParseJson(none)["findings"].empty());
}

TEST_CASE("preset default: restrictions ranked first, one finding per model and rule, never an error",
          "[e2e][policy][preset]") {
  TempDir dir;
  WriteFixture(dir);
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  // No finding for merely using a model (the inventory lists them), none for
  // the API terms every vendor has; the LoRA's card says apache-2.0, and the
  // cap, naming duty and use policy come from its Llama base, at both places.
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{
            "warning user-cap models/lora/README.md:3 local:models/lora has a monthly-active-user threshold (700000000, under LicenseRef-llama-3.1) (+1 more)",
            "note naming models/lora/README.md:3 local:models/lora carries a naming or display duty: a model created, trained, fine-tuned or improved with Llama 3.1 or its outputs and then distributed must have a name beginning with 'Llama' (+1 more)",
            "note field-of-use models/lora/README.md:3 local:models/lora restricts fields of use: Llama 3.1 Acceptable Use Policy is incorporated (e.g. no military, warfare or ITAR-controlled use) (+1 more)",
        });
  // Held in a variable: a range-for over a member of a temporary reads freed memory.
  const nlohmann::json report = ParseJson(r);
  for (const auto& f : report["findings"]) {
    INFO(f.dump());
    CHECK(f["locations"].size() == 2);
    CHECK(f["locations"][1]["path"] == "models/lora/adapter_config.json");
  }
  CHECK(Modelprov({"scan", "-q", "--fail-on", "warning", "."}, dir.path()).exit_code == 1);
}

TEST_CASE("preset permissive-only: only OSI permissive licenses pass", "[e2e][policy][preset]") {
  TempDir dir;
  WriteFixture(dir);
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "builtin:permissive-only", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{
            "error not-permissive app/chat.py:3 api.deepseek.com is under LicenseRef-deepseek-api-terms (proprietary-api-terms), not an OSI-approved permissive license",
            "error not-permissive app/chat.py:4 deepseek-chat is under LicenseRef-deepseek-api-terms (proprietary-api-terms), not an OSI-approved permissive license (+1 more)",
            "error not-permissive app/chat.py:1 pypi:openai is under LicenseRef-openai-api-terms (proprietary-api-terms), not an OSI-approved permissive license",
            // Apache-2.0 on the LoRA's card does not lift the Llama license of its base.
            "error inherited-restrictions models/lora/README.md:3 local:models/lora derives from a model under lineage.license=LicenseRef-llama-3.1 (meta-llama/Llama-3.1-8B-Instruct), which its own license does not lift (+1 more)",
        });
  CHECK(ParseJson(r)["findings"][3]["trigger"] == "lineage.license=LicenseRef-llama-3.1 (meta-llama/Llama-3.1-8B-Instruct)");
}

TEST_CASE("preset review-restricted: caps, field-of-use, output-use and non-commercial need review",
          "[e2e][policy][preset]") {
  TempDir dir;
  dir.Write("app.py",
            "from transformers import AutoModel\n"
            "a = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n"
            "b = AutoModel.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "builtin:review-restricted", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{
            "error review-user-cap app.py:3 meta-llama/Llama-3.1-8B-Instruct caps monthly active users at 700000000 (LicenseRef-llama-3.1): needs legal review",
            "error review-field-of-use app.py:3 meta-llama/Llama-3.1-8B-Instruct restricts fields of use (LicenseRef-llama-3.1): needs legal review",
        });
}

TEST_CASE("preset origin-allowlist: countries and API providers", "[e2e][policy][preset]") {
  TempDir dir;
  WriteFixture(dir);
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "builtin:origin-allowlist", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{
            "error origin-not-allowed app/chat.py:3 api.deepseek.com comes from DeepSeek (CN), which is not on the country allowlist",
            "error origin-not-allowed app/chat.py:4 deepseek-chat comes from DeepSeek (CN), which is not on the country allowlist (+1 more)",
            "error origin-not-allowed app/embed.py:3 Qwen/Qwen2.5-7B-Instruct comes from Alibaba Cloud (Qwen / Tongyi team) (CN), which is not on the country allowlist",
            "error api-provider-not-approved app/chat.py:3 api.deepseek.com sends data to DeepSeek API, which is not an approved API provider",
            "error api-provider-not-approved app/chat.py:4 deepseek-chat sends data to DeepSeek API, which is not an approved API provider (+1 more)",
        });
  CHECK(ParseJson(r)["findings"][3]["trigger"] == "kind=api-endpoint, provider=deepseek");
}

TEST_CASE("expired waivers stop applying and are reported", "[e2e][policy][waiver]") {
  TempDir dir;
  WriteFixture(dir);
  std::string policy = kIssuePolicy;
  policy.replace(policy.find("2099-01-01"), 10, "2020-01-01");
  dir.Write("policy.yml", policy);
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  nlohmann::json scan = ParseJson(r);
  std::vector<std::string> lines = FindingLines(scan);
  REQUIRE(lines.size() == 5);  // one finding per model and rule
  CHECK(lines[1] == "error no-cn-origin app/chat.py:4 deepseek-chat comes from DeepSeek (CN) (+1 more)");
  CHECK(lines[4] ==
        "warning expired-waiver policy.yml:14 waiver for rule no-cn-origin (model deepseek-chat) expired on 2020-01-01 "
        "and no longer applies; reason was: approved by legal, ticket LEGAL-42");
  CHECK(scan["findings"][4]["trigger"] == "expires=2020-01-01");
  CHECK(scan["stats"]["suppressed"] == 0);
}

TEST_CASE("waivers by path", "[e2e][policy][waiver]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write("policy.yml",
            "rules:\n  - id: cn\n    severity: error\n    message: \"{model}\"\n    when:\n      country: CN\n"
            "waivers:\n  - rule: cn\n    path: \"app/**\"\n    reason: demo code\n    expires: 2099-01-01\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "."}, dir.path());
  REQUIRE(r.exit_code == 1);  // tests/test_chat.py is not waived
  CHECK(FindingLines(ParseJson(r)) == std::vector<std::string>{
                                          // active findings first
                                          "error cn tests/test_chat.py:1 deepseek-chat",
                                          "error cn app/chat.py:3 api.deepseek.com [waiver]",
                                          "error cn app/chat.py:4 deepseek-chat [waiver]",
                                          "error cn app/embed.py:3 Qwen/Qwen2.5-7B-Instruct [waiver]",
                                      });
}

TEST_CASE("baselines: only new findings fail", "[e2e][policy][baseline]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write("policy.yml",
            "rules:\n  - id: cn\n    severity: error\n    message: \"{model}\"\n    when:\n      country: CN\n");
  RunResult create = Modelprov({"baseline", "create", ".", "--policy", "policy.yml", "--output", "base.json"}, dir.path());
  REQUIRE(create.exit_code == 0);
  CHECK(create.err == "modelprov: wrote 4 findings to base.json\n");
  CHECK(ReadFile(dir.path() / "base.json") ==
        "{\n  \"modelprov_baseline\": 1,\n  \"findings\": [\n"
        "    {\"rule\": \"cn\", \"model\": \"api.deepseek.com\", \"path\": \"app/chat.py\", \"line\": 3, \"message\": \"api.deepseek.com\"},\n"
        "    {\"rule\": \"cn\", \"model\": \"deepseek-chat\", \"path\": \"app/chat.py\", \"line\": 4, \"message\": \"deepseek-chat\"},\n"
        "    {\"rule\": \"cn\", \"model\": \"Qwen/Qwen2.5-7B-Instruct\", \"path\": \"app/embed.py\", \"line\": 3, \"message\": \"Qwen/Qwen2.5-7B-Instruct\"},\n"
        "    {\"rule\": \"cn\", \"model\": \"deepseek-chat\", \"path\": \"tests/test_chat.py\", \"line\": 1, \"message\": \"deepseek-chat\"}\n"
        "  ]\n}\n");

  // Same tree, lines shifted: everything is in the baseline, exit 0.
  dir.Write("app/embed.py",
            "from transformers import AutoModel\n\n\n\nmodel = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  RunResult same = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "--baseline", "base.json", "."}, dir.path());
  CHECK(same.exit_code == 0);
  CHECK(ParseJson(same)["stats"]["suppressed"] == 3);  // grouped per model and rule

  // A new CN model is not in the baseline and fails.
  dir.Write("app/kimi.py", "from transformers import AutoModel\nm = AutoModel.from_pretrained(\"moonshotai/Kimi-K2-Instruct\")\n");
  RunResult grown = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "--baseline", "base.json", "."}, dir.path());
  CHECK(grown.exit_code == 1);
  std::vector<std::string> lines = FindingLines(ParseJson(grown));
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("[baseline]") == std::string::npos; }) == 1);
  CHECK(std::find(lines.begin(), lines.end(), "error cn app/kimi.py:2 moonshotai/Kimi-K2-Instruct") != lines.end());

  // Broken or missing baselines are usage errors.
  dir.Write("bad.json", "{\"findings\": []}\n");
  RunResult bad = Modelprov({"scan", "--policy", "policy.yml", "--baseline", "bad.json", "."}, dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "modelprov: bad.json: not a modelprov baseline (create one with `modelprov baseline create`)\n");
  RunResult missing = Modelprov({"scan", "--baseline", "nope.json", "."}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "modelprov: scan: --baseline file not found: nope.json (see modelprov scan --help)\n");
}

TEST_CASE("inline suppressions on the line or the line above are counted", "[e2e][policy][suppression]") {
  TempDir dir;
  dir.Write("app.py",
            "import openai\n"
            "# modelprov:ignore cn vendor approved in LEGAL-7\n"
            "A = openai.chat(model=\"deepseek-chat\")\n"
            "B = openai.chat(model=\"qwen-max\")  # modelprov:ignore cn approved\n"
            "\n"
            "C = openai.chat(model=\"deepseek-reasoner\")  # modelprov:ignore other-rule\n");
  dir.Write("policy.yml",
            "rules:\n  - id: cn\n    severity: error\n    message: \"{model}\"\n    when:\n      country: CN\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  nlohmann::json scan = ParseJson(r);
  CHECK(FindingLines(scan) == std::vector<std::string>{
                                  // active first; the ignore naming another rule is a warning of its own
                                  "error cn app.py:6 deepseek-reasoner",
                                  "warning unknown-ignore-rule app.py:6 `modelprov:ignore other-rule` names no rule of the policy policy.yml and silences nothing (its rules: cn)",
                                  "error cn app.py:3 deepseek-chat [inline]",
                                  "error cn app.py:4 qwen-max [inline]",
                              });
  CHECK(scan["stats"]["suppressed"] == 2);
  CHECK(scan["findings"][2]["suppressed_reason"] == "vendor approved in LEGAL-7");
  CHECK(scan["findings"][3]["suppressed_reason"] == "approved");
  CHECK(scan["findings"][0]["waiver_expires"] == nullptr);

  // A bare marker is accepted; reports say no reason was given.
  dir.Write("app.py", "import openai\nA = openai.chat(model=\"deepseek-chat\")  # modelprov:ignore cn\n");
  RunResult bare = Modelprov({"scan", "--format", "markdown", "--policy", "policy.yml", "."}, dir.path());
  CHECK(bare.exit_code == 0);
  CHECK(bare.out.find("| suppressed inline: no reason given | `cn` |") != std::string::npos);
  CHECK(bare.out.find("waived") == std::string::npos);  // inline is not a waiver
}

TEST_CASE("expired-waiver findings point into the root, or at an absolute path outside it", "[e2e][policy][waiver]") {
  TempDir repo, other;
  WriteFixture(repo);
  std::string policy = kIssuePolicy;
  policy.replace(policy.find("2099-01-01"), 10, "2020-01-01");
  std::string inside_policy = repo.Write("conf/policy.yml", policy).string();
  std::string outside_policy = other.Write("outside.yml", policy).string();
  // Named from outside the root, the policy inside it is still root-relative.
  RunResult inside = Modelprov({"scan", "--format", "json", "--policy", inside_policy, repo.path().string()}, other.path());
  nlohmann::json in_scan = ParseJson(inside);
  CHECK(in_scan["findings"].back()["rule"] == "expired-waiver");
  CHECK(in_scan["findings"].back()["path"] == "conf/policy.yml");
  RunResult outside = Modelprov({"scan", "--format", "sarif", "--policy", outside_policy, repo.path().string()}, other.path());
  nlohmann::json sarif = nlohmann::json::parse(outside.out);
  const nlohmann::json& artifact = sarif["runs"][0]["results"].back()["locations"][0]["physicalLocation"]["artifactLocation"];
  std::string uri = artifact["uri"];
  CHECK(uri.rfind("file:///", 0) == 0);
  CHECK(uri.size() > 12);
  CHECK(uri.substr(uri.size() - 12) == "/outside.yml");
  CHECK(artifact.contains("uriBaseId") == false);
}

TEST_CASE("lineage: a derivative is bound by its base model's license", "[e2e][policy][lineage]") {
  TempDir dir;
  // The distilled model's own license is MIT; its base is Llama 3.1.
  dir.Write("app.py",
            "from transformers import AutoModel\n"
            "m = AutoModel.from_pretrained(\"deepseek-ai/DeepSeek-R1-Distill-Llama-8B\")\n");
  // A LoRA whose own card says apache-2.0, on a Llama base.
  dir.Write("lora/README.md", "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n");
  dir.Write("policy.yml", R"P(rules:
  - id: llama-derived
    severity: error
    message: "{model} derives from Llama: {trigger}"
    when:
      lineage:
        family: llama
  - id: llama-license
    severity: error
    message: "{model} is bound by {license}"
    when:
      license: LicenseRef-llama-*
  - id: cap
    severity: warning
    message: "{model} caps users at {term_value} though its own license is {license}"
    when:
      terms: { mau_cap: ">= 1000000" }
)P");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "policy.yml", "."}, dir.path());
  REQUIRE(r.exit_code == 1);
  CHECK(FindingLines(ParseJson(r)) ==
        std::vector<std::string>{
            "error llama-derived app.py:2 deepseek-ai/DeepSeek-R1-Distill-Llama-8B derives from Llama: lineage.family=llama (meta-llama/Llama-3.1-8B)",
                                  "error llama-derived lora/README.md:3 local:lora derives from Llama: lineage.family=llama (meta-llama/Llama-3.1-8B-Instruct)",
                                  "warning cap app.py:2 deepseek-ai/DeepSeek-R1-Distill-Llama-8B caps users at 700000000 though its own license is MIT",
                                  "warning cap lora/README.md:3 local:lora caps users at 700000000 though its own license is Apache-2.0",
                              });
}

TEST_CASE("malformed policies are usage errors naming file and line", "[e2e][policy][malformed]") {
  TempDir dir;
  WriteFixture(dir);
  dir.Write("bad-yaml.yml", "rules:\n  - id: a\n    severity: [error\n");
  dir.Write("bad-sev.yml", "rules:\n  - id: a\n    severity: fatal\n    message: x\n");
  dir.Write("bad-term.yml", "rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      terms:\n        mau_cap: many\n");
  dir.Write("bad-waiver.yml", std::string(kIssuePolicy) + "  - rule: no-such-rule\n    model: x\n    reason: r\n    expires: 2099-01-01\n");

  RunResult yaml = Modelprov({"scan", "--policy", "bad-yaml.yml", "."}, dir.path());
  CHECK(yaml.exit_code == 2);
  CHECK(yaml.out.empty());
  CHECK(yaml.err.rfind("modelprov: bad-yaml.yml:4: invalid YAML: ", 0) == 0);

  RunResult sev = Modelprov({"scan", "--policy", "bad-sev.yml", "."}, dir.path());
  CHECK(sev.exit_code == 2);
  CHECK(sev.err == "modelprov: bad-sev.yml:3: rule 'a': severity must be error, warning or note, not 'fatal'\n");

  RunResult term = Modelprov({"scan", "--policy", "bad-term.yml", "."}, dir.path());
  CHECK(term.exit_code == 2);
  CHECK(term.err ==
        "modelprov: bad-term.yml:7: terms.mau_cap: 'many' is not a term test (use present, absent, unknown, "
        "or a comparison such as '>= 1000000')\n");

  RunResult waiver = Modelprov({"scan", "--policy", "bad-waiver.yml", "."}, dir.path());
  CHECK(waiver.exit_code == 2);
  CHECK(waiver.err == "modelprov: bad-waiver.yml:18: waiver names unknown rule 'no-such-rule' (known: no-cn-origin, "
                      "user-cap, or *)\n");

  RunResult missing = Modelprov({"scan", "--policy", "nope.yml", "."}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "modelprov: policy file not found: nope.yml\n");

  RunResult preset = Modelprov({"scan", "--policy", "builtin:strict", "."}, dir.path());
  CHECK(preset.exit_code == 2);
  CHECK(preset.err ==
        "modelprov: unknown built-in policy 'strict' (known: default, origin-allowlist, permissive-only, "
        "review-restricted)\n");

  // A malformed .modelprov.yml found at the root is an error too, not ignored.
  dir.Write(".modelprov.yml", "rules: 3\n");
  RunResult found = Modelprov({"scan", "."}, dir.path());
  CHECK(found.exit_code == 2);
  CHECK(found.err == "modelprov: .modelprov.yml:1: 'rules' must be a list\n");
}

TEST_CASE("policy check validates without scanning", "[e2e][policy][check]") {
  TempDir dir;
  dir.Write("policy.yml", kIssuePolicy);
  dir.Write("bad.yml", "rules:\n  - id: a\n    severity: note\n    message: \"{mdl}\"\n");
  RunResult ok = Modelprov({"policy", "check", "policy.yml"}, dir.path());
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "policy.yml: ok (2 rules, 1 waiver)\n");
  RunResult preset = Modelprov({"policy", "check", "builtin:review-restricted"}, dir.path());
  CHECK(preset.exit_code == 0);
  CHECK(preset.out == "builtin:review-restricted: ok (4 rules, 0 waivers)\n");
  RunResult bad = Modelprov({"policy", "check", "bad.yml"}, dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.rfind("modelprov: bad.yml:4: message: unknown placeholder {mdl} (known: {model}, ", 0) == 0);
  CHECK(Modelprov({"policy", "check"}, dir.path()).exit_code == 2);

  // Closed-list typos are caught too, with file and line.
  const std::string head = "rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n";
  const std::vector<std::pair<std::string, std::string>> typos = {
      {"      license_category: permisive\n",
       "modelprov: typo.yml:6: license_category: unknown license category 'permisive' (known: permissive, weak-copyleft, "
       "copyleft, responsible-ai, restricted-commercial, non-commercial, proprietary-api-terms)\n"},
      {"      lineage: {relation: quantised}\n",
       "modelprov: typo.yml:6: lineage.relation: unknown relation 'quantised' (known: finetune, quantized, adapter, merge, "
       "distillation, base, mirror)\n"},
      {"      country: China\n",
       "modelprov: typo.yml:6: country: 'China' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, US)\n"},
      {"      terms: {mau_cap: yes}\n",
       "modelprov: typo.yml:6: terms.mau_cap: 'yes' is only a test for commercial_use and research_only (use present, "
       "absent, unknown, or a comparison such as '>= 1000000')\n"},
  };
  for (const auto& [when, message] : typos) {
    INFO(when);
    dir.Write("typo.yml", head + when);
    RunResult typo = Modelprov({"policy", "check", "typo.yml"}, dir.path());
    CHECK(typo.exit_code == 2);
    CHECK(typo.err == message);
  }
}

TEST_CASE("explain: a hosted API model, as text and JSON", "[e2e][explain]") {
  TempDir dir;
  RunResult text = Modelprov({"explain", "deepseek-chat", "--policy", "builtin:origin-allowlist"}, dir.path());
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.rfind("deepseek-chat: api-model (matched by api-model)\n"
                       "  family:           deepseek (DeepSeek)\n"
                       "  publisher:        DeepSeek (deepseek)\n"
                       "  country:          CN\n"
                       "  license:          LicenseRef-deepseek-api-terms (DeepSeek API terms of service)\n"
                       "  license category: proprietary-api-terms\n"
                       "  license basis:    api-terms (the name is used through DeepSeek API, whose terms bind it; an open-weights\n"
                       "                    licence of the same model applies only to self-hosted weights)\n"
                       "  provider:         DeepSeek API (deepseek)\n"
                       "  data country:     unknown\n"
                       "  terms:\n"
                       "    (none known)\n"
                       "  sources:\n",
                       0) == 0);
  CHECK(text.out.find("  policy builtin:origin-allowlist:\n"
                      "    error [origin-not-allowed] deepseek-chat comes from DeepSeek (CN), which is not on the country "
                      "allowlist (country=CN)\n"
                      "    error [api-provider-not-approved] deepseek-chat sends data to DeepSeek API, which is not an "
                      "approved API provider (kind=api-model, provider=deepseek)\n") != std::string::npos);

  RunResult json = Modelprov({"explain", "deepseek-chat", "--format", "json"}, dir.path());
  REQUIRE(json.exit_code == 0);
  nlohmann::json j = ParseJson(json);
  CHECK(j["family"] == "deepseek");
  CHECK(j["publisher"] == "deepseek");
  CHECK(j["country"] == "CN");
  CHECK(j["license"] == "LicenseRef-deepseek-api-terms");
  CHECK(j["license_category"] == "proprietary-api-terms");
  CHECK(j["terms"] == nlohmann::json::object());  // the API terms are in the catalog but not reviewed: all unknown
  CHECK(j["lineage"] == nlohmann::json::array());
  CHECK(j["sources"].size() > 0);
  CHECK(j["policy"] == "builtin:default");
  // The default policy makes no finding for merely using a hosted API model.
  CHECK(j["findings"] == nlohmann::json::array());
}

TEST_CASE("explain: a derivative shows its lineage and inherited terms", "[e2e][explain]") {
  TempDir dir;
  RunResult r = Modelprov({"explain", "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "--format", "json"}, dir.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = ParseJson(r);
  CHECK(j["license"] == "MIT");
  CHECK(j["terms"]["mau_cap"] == 700000000);
  REQUIRE(j["lineage"].size() == 1);
  CHECK(j["lineage"][0] == nlohmann::json{{"model", "meta-llama/Llama-3.1-8B"}, {"relation", "distillation"},
                                          {"family", "llama"}, {"license", "LicenseRef-llama-3.1"}, {"source", "catalog"}});
}

TEST_CASE("explain: license ids, family ids, provider hosts and Ollama tags", "[e2e][explain]") {
  TempDir dir;
  RunResult lic = Modelprov({"explain", "LicenseRef-llama-3.1", "--format", "json", "--policy", "none"}, dir.path());
  REQUIRE(lic.exit_code == 0);
  nlohmann::json l = ParseJson(lic);
  CHECK(l["type"] == "license");
  CHECK(l["license"] == "LicenseRef-llama-3.1");
  CHECK(l["license_category"] == "restricted-commercial");
  CHECK(l["terms"]["mau_cap"] == 700000000);
  CHECK(l["family"].is_null());
  CHECK(l["findings"] == nlohmann::json::array());

  RunResult family = Modelprov({"explain", "llama", "--format", "json"}, dir.path());
  REQUIRE(family.exit_code == 0);
  nlohmann::json f = ParseJson(family);
  CHECK(f["type"] == "family");
  CHECK(f["publisher"] == "meta");
  CHECK(f["country"] == "US");
  REQUIRE(f["versions"].size() > 0);
  CHECK(f["versions"][0]["license"] == "LicenseRef-llama-4");
  RunResult family_text = Modelprov({"explain", "llama"}, dir.path());
  CHECK(family_text.out.find("  licenses by version:\n    llama-4-*, llama4* -> LicenseRef-llama-4 (") != std::string::npos);

  RunResult card = Modelprov({"explain", "llama3.1", "--format", "json"}, dir.path());  // a model card's license value
  REQUIRE(card.exit_code == 0);
  CHECK(ParseJson(card)["license"] == "LicenseRef-llama-3.1");

  RunResult host = Modelprov({"explain", "api.deepseek.com", "--format", "json"}, dir.path());
  REQUIRE(host.exit_code == 0);
  CHECK(ParseJson(host)["type"] == "provider-host");
  CHECK(ParseJson(host)["provider"] == "deepseek");

  dir.Write("catalog.json",
            R"({"families": [{"id": "acmelm", "name": "Acme LM", "publisher": "mistral", "ollama": ["acmelm"],)"
            R"( "license": "Apache-2.0", "sources": ["https://example.com/acmelm"]}]})");
  RunResult ollama = Modelprov({"explain", "acmelm:7b", "--catalog", "catalog.json", "--format", "json"}, dir.path());
  REQUIRE(ollama.exit_code == 0);
  nlohmann::json o = ParseJson(ollama);
  CHECK(o["type"] == "ollama");
  CHECK(o["family"] == "acmelm");
  CHECK(o["country"] == "FR");
  CHECK(o["license"] == "Apache-2.0");
  CHECK(o["sources"][0] == "https://example.com/acmelm");
}

TEST_CASE("explain: unknown names exit 1 with the closest known names", "[e2e][explain]") {
  TempDir dir;
  RunResult r = Modelprov({"explain", "deepseek-chta"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "modelprov: 'deepseek-chta' is not in the catalog (closest known names: deepseek-chat, deepseek-coder, deepseek-r1)\n");
  RunResult fmt = Modelprov({"explain", "deepseek-chat", "--format", "xml"}, dir.path());
  CHECK(fmt.exit_code == 2);
  CHECK(fmt.err == "modelprov: explain: --format must be text or json, not 'xml' (see modelprov explain --help)\n");
}

TEST_CASE("explain: the issue's example policy shows the waiver covering deepseek-chat", "[e2e][explain]") {
  TempDir dir;
  dir.Write("policy.yml",
            "rules:\n"
            "  - id: no-cn-origin\n"
            "    severity: error\n"
            "    message: \"{model} comes from {publisher} ({country})\"\n"
            "    when:\n"
            "      country: [CN]\n"
            "waivers:\n"
            "  - rule: no-cn-origin\n"
            "    model: \"deepseek-chat\"\n"
            "    reason: \"approved by legal, ticket LEGAL-42\"\n"
            "    expires: 2099-01-01\n");
  RunResult text = Modelprov({"explain", "deepseek-chat", "--policy", "policy.yml"}, dir.path());
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("    error [no-cn-origin] deepseek-chat comes from DeepSeek (CN) (country=CN)\n"
                      "      waived until 2099-01-01") != std::string::npos);
  RunResult json = Modelprov({"explain", "deepseek-chat", "--policy", "policy.yml", "--format", "json"}, dir.path());
  REQUIRE(json.exit_code == 0);
  nlohmann::json j = ParseJson(json);
  REQUIRE(j["findings"].size() == 1);
  REQUIRE(j["findings"][0]["waivers"].size() == 1);
  CHECK(j["findings"][0]["waivers"][0].get<std::string>().find("approved by legal, ticket LEGAL-42") != std::string::npos);
  // Another CN model is not covered.
  RunResult other = Modelprov({"explain", "qwen-max", "--policy", "policy.yml", "--format", "json"}, dir.path());
  CHECK(ParseJson(other)["findings"][0]["waivers"] == nlohmann::json::array());
}
