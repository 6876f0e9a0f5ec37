// Every condition type and combinator of the rules engine.
#include <catch2/catch.hpp>

#include "engine/condition.h"
#include "engine/policy.h"

using namespace modelprov;
using namespace modelprov::rules;

namespace {

ModelSummary Llama() {
  ModelSummary m;
  m.id = "meta-llama/Llama-3.1-8B-Instruct";
  m.family = "llama";
  m.publisher = "meta";
  m.publisher_name = "Meta";
  m.country = "US";
  m.license = "LicenseRef-llama-3.1";
  m.license_category = "restricted-commercial";
  TermValue cap;
  cap.state = TermValue::State::kPresent;
  cap.number = 700000000;
  m.terms["mau_cap"] = cap;
  TermValue commercial;
  commercial.state = TermValue::State::kPresent;
  commercial.text = "yes";
  m.terms["commercial_use"] = commercial;
  TermValue revenue;
  revenue.state = TermValue::State::kAbsent;
  m.terms["revenue_cap"] = revenue;
  TermValue output;
  output.state = TermValue::State::kPresent;
  output.text = "no training of other models";
  m.terms["output_use"] = output;
  return m;
}

// Parses `when_yaml` (the body of a rule's when:) and matches it.
bool When(const std::string& when_yaml, const ModelSummary& m, const std::string& path = "src/app.py",
          const std::string& kind = "hf-model-id", MatchTrace* trace = nullptr) {
  std::string text = "rules:\n  - id: r\n    severity: note\n    message: m\n    when:\n" + when_yaml;
  Result<Policy> p = LoadPolicy(text, "t.yml");
  INFO(text);
  if (!p) FAIL(p.error().message);
  Location loc{path, 3, 1};
  return Matches(p->rules.front().when, SubjectOf(m, loc, kind), trace);
}

}  // namespace

TEST_CASE("fact conditions match globs case-insensitively, any of a list", "[rules][condition]") {
  ModelSummary m = Llama();
  CHECK(When("      family: llama\n", m));
  CHECK_FALSE(When("      family: qwen\n", m));
  CHECK(When("      model: \"meta-llama/*\"\n", m));
  CHECK(When("      model: \"META-LLAMA/llama-3.1-*\"\n", m));
  CHECK_FALSE(When("      model: \"meta-llama\"\n", m));
  CHECK(When("      publisher: [openai, meta]\n", m));
  CHECK_FALSE(When("      publisher: [openai]\n", m));
  CHECK(When("      country: [CN, us]\n", m));
  CHECK_FALSE(When("      country: [CN]\n", m));
  CHECK(When("      license: LicenseRef-llama-*\n", m));
  CHECK_FALSE(When("      license: Apache-2.0\n", m));
  CHECK(When("      license_category: restricted-commercial\n", m));
  CHECK_FALSE(When("      license_category: permissive\n", m));
}

TEST_CASE("'unknown' matches a fact the catalog does not know", "[rules][condition]") {
  ModelSummary m = Llama();
  m.country.clear();
  CHECK(When("      country: unknown\n", m));
  CHECK_FALSE(When("      country: US\n", m));
  CHECK(When("      provider: unknown\n", Llama()));  // Llama() has no provider
  m.provider = "deepseek";
  m.data_country = "CN";
  CHECK(When("      provider: deepseek\n", m));
  CHECK(When("      data_country: CN\n", m));
}

TEST_CASE("kind and path conditions look at the occurrence", "[rules][condition]") {
  ModelSummary m = Llama();
  CHECK(When("      kind: [api-model, hf-model-id]\n", m, "src/app.py", "hf-model-id"));
  CHECK_FALSE(When("      kind: api-endpoint\n", m, "src/app.py", "hf-model-id"));
  CHECK(When("      path: \"src/**\"\n", m, "src/deep/app.py"));
  CHECK_FALSE(When("      path: \"tests/**\"\n", m, "src/app.py"));
  CHECK_FALSE(When("      path: \"src/*\"\n", m, "src/deep/app.py"));
}

TEST_CASE("term tests: state, yes/no and numeric comparisons", "[rules][condition]") {
  ModelSummary m = Llama();
  MatchTrace trace;
  CHECK(When("      terms:\n        mau_cap: present\n", m, "a", "hf-model-id", &trace));
  CHECK(trace.facts == std::vector<std::string>{"mau_cap=700000000"});
  CHECK(trace.term == "mau_cap");
  CHECK(trace.term_value == "700000000");
  CHECK_FALSE(When("      terms:\n        mau_cap: absent\n", m));
  CHECK(When("      terms:\n        revenue_cap: absent\n", m));
  CHECK_FALSE(When("      terms:\n        revenue_cap: present\n", m));
  CHECK(When("      terms:\n        naming: unknown\n", m));
  CHECK_FALSE(When("      terms:\n        mau_cap: unknown\n", m));
  CHECK(When("      terms:\n        commercial_use: yes\n", m));
  CHECK_FALSE(When("      terms:\n        commercial_use: no\n", m));
  CHECK(When("      terms:\n        mau_cap: \"< 1000000000\"\n", m));
  CHECK(When("      terms:\n        mau_cap: \"<= 700000000\"\n", m));
  CHECK_FALSE(When("      terms:\n        mau_cap: \"< 700000000\"\n", m));
  CHECK(When("      terms:\n        mau_cap: \">= 700000000\"\n", m));
  CHECK_FALSE(When("      terms:\n        mau_cap: \"> 700000000\"\n", m));
  CHECK(When("      terms:\n        mau_cap: \"== 700000000\"\n", m));
  CHECK_FALSE(When("      terms:\n        revenue_cap: \"> 0\"\n", m));  // absent: no number to compare
  CHECK(When("      terms:\n        output_use: present\n", m));
  CHECK(When("      terms:\n        naming: [present, unknown]\n", m));
  // Several terms in one mapping must all hold.
  CHECK(When("      terms:\n        mau_cap: present\n        output_use: present\n", m));
  CHECK_FALSE(When("      terms:\n        mau_cap: present\n        revenue_cap: present\n", m));
}

TEST_CASE("term tests on every other term: attribution, field_of_use, aup_url, geographic, research_only",
          "[rules][condition]") {
  auto text = [](const std::string& t) { return PresentTerm(t); };
  ModelSummary m;
  m.id = "x/y";
  m.terms["attribution"] = text("Built with Llama");
  m.terms["field_of_use"] = text("no military use");
  m.terms["aup_url"] = text("https://example.com/aup");
  m.terms["geographic"] = AbsentTerm();
  m.terms["research_only"] = text("yes");
  for (const char* term : {"attribution", "field_of_use", "aup_url"}) {
    INFO(term);
    MatchTrace trace;
    CHECK(When("      terms:\n        " + std::string(term) + ": present\n", m, "a", "hf-model-id", &trace));
    // Texts stay out of the trigger (it says "present"); {term_value} has them.
    CHECK(trace.facts == std::vector<std::string>{std::string(term) + "=present"});
    CHECK(trace.term == term);
    CHECK(trace.term_value == m.terms[term].text);
    CHECK_FALSE(When("      terms:\n        " + std::string(term) + ": absent\n", m));
    CHECK_FALSE(When("      terms:\n        " + std::string(term) + ": unknown\n", m));
  }
  MatchTrace geo;
  CHECK(When("      terms:\n        geographic: absent\n", m, "a", "hf-model-id", &geo));
  CHECK(geo.facts == std::vector<std::string>{"geographic=absent"});
  CHECK_FALSE(When("      terms:\n        geographic: present\n", m));
  MatchTrace research;
  CHECK(When("      terms:\n        research_only: yes\n", m, "a", "hf-model-id", &research));
  CHECK(research.facts == std::vector<std::string>{"research_only=yes"});
  CHECK(When("      terms:\n        research_only: present\n", m));  // present means "yes" for yes/no terms
  CHECK_FALSE(When("      terms:\n        research_only: no\n", m));
  CHECK_FALSE(When("      terms:\n        research_only: absent\n", m));
  // A yes/no term answered "no" is absent, not present.
  m.terms["research_only"] = text("no");
  CHECK(When("      terms:\n        research_only: absent\n", m));
  CHECK(When("      terms:\n        research_only: no\n", m));
  CHECK_FALSE(When("      terms:\n        research_only: present\n", m));
  // Unknown terms (no key at all) match only `unknown`.
  m.terms.erase("aup_url");
  CHECK(When("      terms:\n        aup_url: unknown\n", m));
  CHECK_FALSE(When("      terms:\n        aup_url: [present, absent]\n", m));
  // Under not, the trigger names the actual value.
  MatchTrace negated;
  CHECK(When("      not:\n        terms:\n          attribution: absent\n", m, "a", "hf-model-id", &negated));
  CHECK(negated.facts == std::vector<std::string>{"attribution=Built with Llama"});
}

TEST_CASE("lineage conditions match any ancestor", "[rules][condition]") {
  ModelSummary lora;
  lora.id = "acme/support-lora";
  lora.license = "Apache-2.0";
  lora.lineage.push_back({"meta-llama/Llama-3.1-8B-Instruct", "adapter", "llama", "LicenseRef-llama-3.1", "adapter_config.json"});
  MatchTrace trace;
  CHECK(When("      lineage:\n        family: llama\n", lora, "a", "adapter-config", &trace));
  CHECK(trace.facts == std::vector<std::string>{"lineage.family=llama (meta-llama/Llama-3.1-8B-Instruct)"});
  CHECK(When("      lineage:\n        license: LicenseRef-llama-*\n        relation: adapter\n", lora));
  CHECK_FALSE(When("      lineage:\n        license: LicenseRef-llama-*\n        relation: finetune\n", lora));
  CHECK(When("      lineage:\n        model: \"meta-llama/*\"\n", lora));
  CHECK_FALSE(When("      lineage:\n        family: qwen\n", lora));
  CHECK(When("      lineage: present\n", lora));
  CHECK_FALSE(When("      lineage: absent\n", lora));
  CHECK(When("      lineage: absent\n", Llama()));
  // The model's own facts are not its ancestors'.
  CHECK_FALSE(When("      family: llama\n", lora));
}

TEST_CASE("combinators: all, any, not and implicit all of a mapping", "[rules][condition]") {
  ModelSummary m = Llama();
  CHECK(When("      family: llama\n      country: US\n", m));
  CHECK_FALSE(When("      family: llama\n      country: CN\n", m));
  CHECK(When("      any:\n        - country: CN\n        - family: llama\n", m));
  CHECK_FALSE(When("      any:\n        - country: CN\n        - family: qwen\n", m));
  CHECK(When("      all:\n        - country: US\n        - family: llama\n", m));
  CHECK_FALSE(When("      all:\n        - country: US\n        - family: qwen\n", m));
  CHECK(When("      not:\n        country: CN\n", m));
  CHECK_FALSE(When("      not:\n        country: US\n", m));
  CHECK(When("      not:\n        any:\n          - country: CN\n          - publisher: deepseek\n", m));
  // Under `not` the trigger is the actual value of the fact tested.
  MatchTrace trace;
  CHECK(When("      family: llama\n      not:\n        country: CN\n", m, "a", "hf-model-id", &trace));
  CHECK(trace.facts == std::vector<std::string>{"family=llama", "country=US"});
  MatchTrace unknown;
  ModelSummary bare;
  bare.id = "x";
  CHECK(When("      not:\n        license: [MIT]\n        terms: { mau_cap: present }\n", bare, "a", "hf-model-id", &unknown));
  CHECK(unknown.facts == std::vector<std::string>{"license=unknown", "mau_cap=unknown"});
}

TEST_CASE("a rule without when matches every model", "[rules][condition]") {
  Result<Policy> p = LoadPolicy("rules:\n  - id: all\n    severity: note\n    message: x\n", "t.yml");
  REQUIRE(p);
  ModelSummary m = Llama();
  CHECK(Matches(p->rules.front().when, SubjectOf(m, Location{}, "api-model"), nullptr));
}

TEST_CASE("effective_license_category sees the inherited category, license_category the own one", "[rules][condition]") {
  // An adapter whose card says Apache-2.0 on a non-commercial base.
  ModelSummary m = Llama();
  m.id = "acme/adapter";
  m.license = "Apache-2.0";
  m.license_category = "permissive";
  m.effective_license_category = "non-commercial";
  m.lineage = {{"base/nc-model", "adapter", "", "CC-BY-NC-4.0", "model card"}};
  CHECK(When("      effective_license_category: non-commercial\n", m));
  CHECK_FALSE(When("      license_category: non-commercial\n", m));
  CHECK(When("      license_category: permissive\n", m));
  MatchTrace trace;
  CHECK(When("      effective_license_category: [restricted-commercial, non-commercial]\n", m, "src/app.py", "hf-model-id",
             &trace));
  REQUIRE(trace.facts.size() == 1);
  CHECK(trace.facts[0] == "effective_license_category=non-commercial");
  // Without ancestors (or from a summary that lacks the field) it is the own category.
  ModelSummary plain = Llama();
  CHECK(When("      effective_license_category: restricted-commercial\n", plain));
  // A typo is an error when the policy loads.
  Result<Policy> bad = LoadPolicy(
      "rules:\n  - id: r\n    severity: note\n    message: m\n    when:\n      effective_license_category: non-comercial\n",
      "t.yml");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("unknown license category 'non-comercial'") != std::string::npos);
}
