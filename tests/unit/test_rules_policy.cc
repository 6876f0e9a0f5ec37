// Policy loading: valid documents, presets, and malformed input with the
// exact messages users see.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
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
        "p.yml:7: terms.mau_cap: 'lots' is not a term test (use present, absent, unknown, or a comparison such as "
        "'>= 1000000')");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      kind: api\n") ==
        "p.yml:6: kind: unknown reference kind 'api' (known: hf-model-id, api-model, "
        "api-endpoint, sdk-package, model-config, model-card, adapter-config, gguf, safetensors, modelfile, license-file, "
        "deploy-config, model-weights)");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      any: []\n") ==
        "p.yml:6: any must be a non-empty list of conditions");
  CHECK(ErrorOf("rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n      lineage:\n        publisher: meta\n") ==
        "p.yml:7: lineage: unknown key 'publisher' (known: model, family, license, relation)");
  CHECK(ErrorOf("rules:\n  - id: expired-waiver\n    severity: note\n    message: x\n") ==
        "p.yml:2: rule id 'expired-waiver' is reserved for modelprov's own findings");
}

TEST_CASE("closed-list values are validated, so a typo never silently disables a rule", "[rules][policy]") {
  const std::string head = "rules:\n  - id: a\n    severity: note\n    message: x\n    when:\n";
  CHECK(ErrorOf(head + "      license_category: permisive\n") ==
        "p.yml:6: license_category: unknown license category 'permisive' (known: permissive, weak-copyleft, copyleft, "
        "responsible-ai, restricted-commercial, non-commercial, proprietary-api-terms)");
  CHECK(ErrorOf(head + "      license_category: [permissive, copyleft, nc]\n") ==
        "p.yml:6: license_category: unknown license category 'nc' (known: permissive, weak-copyleft, copyleft, "
        "responsible-ai, restricted-commercial, non-commercial, proprietary-api-terms)");
  CHECK(ErrorOf(head + "      lineage: {relation: quantised}\n") ==
        "p.yml:6: lineage.relation: unknown relation 'quantised' (known: finetune, quantized, adapter, merge, "
        "distillation, base, mirror)");
  CHECK(ErrorOf(head + "      country: China\n") ==
        "p.yml:6: country: 'China' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, US)");
  CHECK(ErrorOf(head + "      country:\n        - US\n        - USA\n") ==
        "p.yml:8: country: 'USA' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, US)");
  CHECK(ErrorOf(head + "      data_country: \"C-\"\n") ==
        "p.yml:6: data_country: 'C-' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, US)");
  CHECK(ErrorOf(head + "      terms:\n        mau_cap: yes\n") ==
        "p.yml:7: terms.mau_cap: 'yes' is only a test for commercial_use and research_only (use present, absent, "
        "unknown, or a comparison such as '>= 1000000')");
  CHECK(ErrorOf(head + "      terms:\n        attribution: no\n") ==
        "p.yml:7: terms.attribution: 'no' is only a test for commercial_use and research_only (use present, absent "
        "or unknown)");
  CHECK(ErrorOf(head + "      terms:\n        commercial_use: \">= 5\"\n") ==
        "p.yml:7: terms.commercial_use: '>= 5' compares a number, which only mau_cap and revenue_cap have (use "
        "present, absent, unknown, yes or no)");
  CHECK(ErrorOf(head + "      terms:\n        research_only: [yes, maybe]\n") ==
        "p.yml:7: terms.research_only: 'maybe' is not a term test (use present, absent, unknown, yes or no)");
  // Valid: known values, any case, globs that match a known value, unknown.
  for (const char* ok : {"      license_category: [restricted-*, Permissive, unknown]\n",
                         "      lineage: {relation: [quantized, adapter, mirror]}\n", "      country: [cn, US, \"C?\", unknown]\n",
                         "      data_country: \"*\"\n", "      terms: {mau_cap: \">= 1\", commercial_use: no, naming: absent}\n"}) {
    INFO(ok);
    CHECK(LoadPolicy(head + ok, "p.yml").ok());
  }
}

TEST_CASE("the closed lists cover every value the catalog uses", "[rules][policy]") {
  Result<Catalog> catalog = Catalog::Builtin();
  REQUIRE(catalog.ok());
  const auto& categories = LicenseCategories();
  for (const License& l : catalog->licenses()) {
    INFO(l.id);
    CHECK(std::find(categories.begin(), categories.end(), l.category) != categories.end());
  }
  const auto& relations = LineageRelations();
  for (const Family& f : catalog->families()) {
    for (const BaseModelRule& b : f.base_models) {
      INFO(f.id);
      CHECK(std::find(relations.begin(), relations.end(), b.relation) != relations.end());
    }
  }
  // And the seeds schemas' full category lists, not only the ones in use.
  std::vector<std::string> from_schema;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "category" && it->is_object() && it->contains("enum")) {
          for (const auto& v : (*it)["enum"]) from_schema.push_back(v.get<std::string>());
        }
        walk(*it);
      }
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MODELPROV_SOURCE_DIR) + "/seeds/schema")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    walk(nlohmann::json::parse(text.str()));
  }
  REQUIRE_FALSE(from_schema.empty());
  for (const std::string& c : from_schema) CHECK(std::find(categories.begin(), categories.end(), c) != categories.end());
}

TEST_CASE("malformed waivers", "[rules][policy]") {
  const std::string rules = "rules:\n  - id: a\n    severity: note\n    message: x\n";
  CHECK(ErrorOf(rules + "waivers:\n  - rule: b\n    model: m\n    reason: r\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver names unknown rule 'b' (known: a, or *)");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    reason: r\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver for 'a' needs a 'model' or a 'path'");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    expires: 2099-01-01\n") ==
        "p.yml:6: waiver for 'a' needs a 'reason'");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n") ==
        "p.yml:6: waiver for 'a' needs an 'expires' date (YYYY-MM-DD)");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n    expires: next year\n") ==
        "p.yml:9: expires: 'next year' is not a calendar date (YYYY-MM-DD, e.g. 2027-03-31)");
  CHECK(ErrorOf(rules + "waivers:\n  - rule: a\n    model: m\n    reason: r\n    expires: 2099-13-01\n") ==
        "p.yml:9: expires: '2099-13-01' is not a calendar date (YYYY-MM-DD, e.g. 2027-03-31)");
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
