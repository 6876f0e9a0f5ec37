// Policy loading: valid documents, presets, and malformed input with the
// exact messages users see.
#include <catch2/catch.hpp>

#include "engine/policy.h"
#include "engine/template.h"

using namespace modelprov;
using namespace modelprov::rules;

namespace {

std::string ErrorOf(const std::string& text) {
  Result<Policy> p = LoadPolicy(text, "p.yml");
  REQUIRE_FALSE(p.ok());
  return p.error().message;
}

}  // namespace

TEST_CASE("the issue's example policy loads", "[rules][policy]") {
  Result<Policy> p = LoadPolicy(R"P(rules:
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
)P",
                                "p.yml");
  REQUIRE(p);
  REQUIRE(p->rules.size() == 2);
  CHECK(p->rules[0].id == "no-cn-origin");
  CHECK(p->rules[0].severity == Severity::kError);
  CHECK(p->rules[0].line == 2);
  CHECK(p->rules[1].severity == Severity::kWarning);
  REQUIRE(p->waivers.size() == 1);
  CHECK(p->waivers[0].model == "deepseek-chat");
  CHECK(p->waivers[0].expires == "2099-01-01");
  CHECK(p->waivers[0].line == 14);
}

TEST_CASE("JSON policies load too", "[rules][policy]") {
  Result<Policy> p = LoadPolicy(R"P({"rules": [{"id": "a", "severity": "note", "message": "{model}", "when": {"family": ["qwen"]}}]})P",
                                "p.json");
  REQUIRE(p);
  CHECK(p->rules.front().id == "a");
}

TEST_CASE("every built-in preset loads", "[rules][policy]") {
  CHECK(BuiltinPolicyNames() == std::vector<std::string>{"default", "origin-allowlist", "permissive-only", "review-restricted"});
  for (const std::string& name : BuiltinPolicyNames()) {
    Result<Policy> p = LoadBuiltinPolicy(name);
    INFO(name);
    REQUIRE(p);
    CHECK(p->origin == "builtin:" + name);
    CHECK_FALSE(p->rules.empty());
  }
  Result<Policy> missing = LoadBuiltinPolicy("strict");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message ==
        "unknown built-in policy 'strict' (known: default, origin-allowlist, permissive-only, review-restricted)");
}

TEST_CASE("malformed policies name file, line and problem", "[rules][policy]") {
  CHECK(ErrorOf("") == "p.yml: the policy is empty (it needs a 'rules' list)");
  CHECK(ErrorOf("rules: [\n  {id: a\n") .rfind("p.yml:3: invalid YAML: ", 0) == 0);
  CHECK(ErrorOf("- a\n- b\n") == "p.yml:1: a policy must be a mapping with 'rules' (and optionally 'waivers')");
  CHECK(ErrorOf("rule: []\n") == "p.yml:1: policy: unknown key 'rule' (known: rules, waivers)");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: fatal\n    message: x\n") ==
        "p.yml:3: rule 'a': severity must be error, warning or note, not 'fatal'");
  CHECK(ErrorOf("rules:\n  - severity: note\n    message: x\n") == "p.yml:2: rule is missing 'id'");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n") == "p.yml:2: rule 'a' is missing 'message'");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n  - id: a\n    severity: note\n    message: y\n") ==
        "p.yml:5: duplicate rule id 'a'");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: \"{modle} x\"\n")
            .rfind("p.yml:4: message: unknown placeholder {modle} (known: {model}, {family}, ", 0) == 0);
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      contry: CN\n")
            .rfind("p.yml:6: unknown condition 'contry' (known: family, ", 0) == 0);
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      terms:\n        mau: present\n")
            .rfind("p.yml:7: terms: unknown term 'mau' (known: commercial_use, ", 0) == 0);
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      terms:\n        mau_cap: lots\n") ==
        "p.yml:7: terms.mau_cap: 'lots' is not a term test (use present, absent, unknown, yes, no, or a comparison "
        "such as '>= 1000000')");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      kind: api\n") ==
        "p.yml:6: kind: unknown reference kind 'api'");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      any: []\n") ==
        "p.yml:6: any must be a non-empty list of conditions");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      lineage:\n        publisher: meta\n") ==
        "p.yml:7: lineage: unknown key 'publisher' (known: model, family, license, relation)");
  CHECK(ErrorOf("rules:\n  - id: expired-waiver\n    severity: note\n    message: x\n") ==
        "p.yml:2: rule id 'expired-waiver' is reserved for modelprov's own findings");
}

TEST_CASE("malformed waivers", "[rules][policy]") {
  const std::string rules = "rules:\n  - id: a\n    severity: note\n    message: x\n";
  CHECK(ErrorOf(rules + "waivers:\n  - rule: b\n    model: m\n    reason: r\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver names unknown rule 'b'");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    reason: r\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver for 'a' needs a 'model' or a 'path'");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver for 'a' needs a 'reason'");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n") ==
        "p.yml:6: waiver for 'a' needs an 'expires' date (YYYY-MM-DD)");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n    expires: next year\n") ==
        "p.yml:9: expires: 'next year' is not a date (YYYY-MM-DD)");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n    expires: 2099-13-01\n") ==
        "p.yml:9: expires: '2099-13-01' is not a date (YYYY-MM-DD)");
}

TEST_CASE("templates render facts and 'unknown' for missing ones", "[rules][template]") {
  TemplateValues v{{"model", "deepseek-chat"}, {"publisher", "DeepSeek"}, {"country", ""}};
  CHECK(RenderTemplate("{model} comes from {publisher} ({country})", v) == "deepseek-chat comes from DeepSeek (unknown)");
  CHECK(RenderTemplate("no placeholders", v) == "no placeholders");
  CHECK(RenderTemplate("{other} and {model", v) == "{other} and {model");
  CHECK(RenderTemplate("{model}{model}", v) == "deepseek-chatdeepseek-chat");
}

TEST_CASE("alias bombs cannot expand a policy without bound", "[rules][policy]") {
  // Six nested levels of ten aliases each: a million conditions if expanded.
  std::string body = "{country: CN}";
  for (int i = 0; i < 6; ++i) {
    std::string anchor = "x" + std::to_string(i);
    std::string list = "{any: [&" + anchor + " " + body;
    for (int k = 0; k < 9; ++k) list += ", *" + anchor;
    body = list + "]}";
  }
  std::string policy = "rules:\n  - id: r\n    severity: note\n    message: x\n    when: " + body + "\n";
  Result<Policy> p = LoadPolicy(policy, "bomb.yml");
  REQUIRE_FALSE(p);
  CHECK(p.error().message == "bomb.yml:5: the policy has more than 10000 conditions");
}
