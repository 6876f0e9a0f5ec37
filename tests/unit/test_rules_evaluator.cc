// The evaluator: findings per occurrence, waivers with an injected clock,
// inline suppressions, baselines.
#include <algorithm>
#include <catch2/catch.hpp>

#include "engine/baseline.h"
#include "engine/evaluator.h"
#include "engine/suppression.h"

using namespace modelprov;
using namespace modelprov::rules;

namespace {

ScanResult TwoModels() {
  ScanResult r;
  ModelSummary ds;
  ds.id = "deepseek-chat";
  ds.publisher = "deepseek";
  ds.publisher_name = "DeepSeek";
  ds.country = "CN";
  ModelSummary gpt;
  gpt.id = "gpt-4o";
  gpt.publisher = "openai";
  gpt.publisher_name = "OpenAI";
  gpt.country = "US";
  r.models = {ds, gpt};
  auto ref = [](const std::string& model, const std::string& path, uint32_t line) {
    ResolvedReference rr;
    rr.ref.kind = ReferenceKind::kApiModel;
    rr.ref.text = model;
    rr.ref.location = {path, line, 1};
    Resolution res;
    res.model = model;
    rr.resolution = res;
    return rr;
  };
  r.references = {ref("deepseek-chat", "app/a.py", 3), ref("gpt-4o", "app/b.py", 7), ref("deepseek-chat", "tests/t.py", 1)};
  return r;
}

Policy Load(const std::string& text) {
  Result<Policy> p = LoadPolicy(text, "p.yml");
  if (!p) FAIL(p.error().message);
  return *p;
}

const char* kCnPolicy = R"(rules:
  - id: no-cn
    severity: error
    message: "{model} comes from {publisher} ({country}) at {path}:{line}"
    when:
      country: [CN]
)";

}  // namespace

TEST_CASE("one finding per matching occurrence, with rendered message and trigger", "[rules][evaluator]") {
  Policy p = Load(kCnPolicy);
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  std::vector<Finding> f = e.Evaluate(TwoModels());
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule == "no-cn");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].model == "deepseek-chat");
  CHECK(f[0].message == "deepseek-chat comes from DeepSeek (CN) at app/a.py:3");
  CHECK(f[0].trigger == "country=CN");
  CHECK(f[0].location.path == "app/a.py");
  CHECK(f[0].suppressed_by.empty());
  CHECK(f[1].location.path == "tests/t.py");
}

TEST_CASE("waivers apply before their expiry date and are reported after it", "[rules][evaluator][waiver]") {
  Policy p = Load(std::string(kCnPolicy) + R"(waivers:
  - rule: no-cn
    model: "deepseek-*"
    path: "app/**"
    reason: "approved, LEGAL-42"
    expires: 2030-06-01
)");
  SECTION("before expiry the waiver silences matching findings only") {
    PolicyEvaluator e(p, [] { return std::string("2030-05-31"); });
    std::vector<Finding> f = e.Evaluate(TwoModels());
    REQUIRE(f.size() == 2);
    CHECK(f[1].suppressed_by == "waiver");
    CHECK(f[1].suppressed_reason == "approved, LEGAL-42");
    CHECK(f[1].waiver_expires == "2030-06-01");
    CHECK(SuppressionText(f[1]) == "waived until 2030-06-01: approved, LEGAL-42");
    CHECK(f[0].suppressed_by.empty());  // tests/t.py is outside the waiver's path
    CHECK(f[0].suppressed_reason.empty());
  }
  SECTION("on the expiry day it no longer applies and an expired-waiver finding appears") {
    PolicyEvaluator e(p, [] { return std::string("2030-06-01"); });
    std::vector<Finding> f = e.Evaluate(TwoModels());
    REQUIRE(f.size() == 3);
    CHECK(f[0].suppressed_by.empty());
    CHECK(f[2].rule == "expired-waiver");
    CHECK(f[2].severity == Severity::kWarning);
    CHECK(f[2].location.path == "p.yml");
    CHECK(f[2].location.line == 8);
    CHECK(f[2].trigger == "expires=2030-06-01");
    CHECK(f[2].message ==
          "waiver for rule no-cn (model deepseek-*, path app/**) expired on 2030-06-01 and no longer applies; "
          "reason was: approved, LEGAL-42");
  }
}

TEST_CASE("inline suppressions on the line or the line above", "[rules][evaluator][suppression]") {
  CHECK(LineSuppresses("model = 'x'  # modelprov:ignore no-cn approved", "no-cn"));
  CHECK(LineSuppresses("// modelprov:ignore other,no-cn both approved", "no-cn"));
  CHECK_FALSE(LineSuppresses("# modelprov:ignore no-cn-origin", "no-cn"));
  CHECK_FALSE(LineSuppresses("# modelprov:ignoreno-cn", "no-cn"));
  CHECK_FALSE(LineSuppresses("# modelprov:ignore", "no-cn"));
  CHECK_FALSE(LineSuppresses("model = 'x'", "no-cn"));
  // The reason is the text after the ids; a bare marker is accepted with none.
  CHECK(SuppressionReason("model = 'x'  # modelprov:ignore no-cn approved by legal ", "no-cn") == "approved by legal");
  CHECK(SuppressionReason("// modelprov:ignore other,no-cn both approved", "no-cn") == "both approved");
  CHECK(SuppressionReason("<!-- modelprov:ignore no-cn docs example -->", "no-cn") == "docs example");
  CHECK(SuppressionReason("/* modelprov:ignore no-cn */", "no-cn") == "");
  CHECK(SuppressionReason("# modelprov:ignore no-cn", "no-cn") == "");
  CHECK(SuppressionReason("# modelprov:ignore a x  modelprov:ignore no-cn y", "no-cn") == "y");
  CHECK(SuppressionReason("# modelprov:ignore a first reason modelprov:ignore no-cn", "a") == "first reason");
  CHECK_FALSE(SuppressionReason("# modelprov:ignore no-cn-origin", "no-cn").has_value());

  Policy p = Load(kCnPolicy);
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  e.set_line_reader([](const std::string& path, uint32_t line) -> std::optional<std::string> {
    if (path == "app/a.py" && line == 2) return "# modelprov:ignore no-cn vendor approved";
    if (path == "tests/t.py" && line == 1) return "m = 'deepseek-chat'  # modelprov:ignore other-rule";
    return std::string("code");
  });
  std::vector<Finding> f = e.Evaluate(TwoModels());
  // Active findings rank first; "other-rule" names no rule of the policy, so it is a warning of its own.
  auto inline_finding = [&f] {
    return std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.suppressed_by == "inline"; });
  };
  REQUIRE(f.size() == 3);
  REQUIRE(inline_finding() != f.end());
  CHECK(inline_finding()->suppressed_reason == "vendor approved");
  CHECK(inline_finding()->waiver_expires.empty());
  CHECK(SuppressionText(*inline_finding()) == "suppressed inline: vendor approved");
  CHECK(std::count_if(f.begin(), f.end(), [](const Finding& x) { return x.rule == "unknown-ignore-rule"; }) == 1);
  CHECK(std::count_if(f.begin(), f.end(), [](const Finding& x) {
          return x.rule == "no-cn" && x.suppressed_by.empty();
        }) == 1);

  e.set_line_reader([](const std::string&, uint32_t line) -> std::optional<std::string> {
    if (line == 3) return "m = 'deepseek-chat'  # modelprov:ignore no-cn";
    return std::string("code");
  });
  f = e.Evaluate(TwoModels());
  REQUIRE(inline_finding() != f.end());
  CHECK(inline_finding()->suppressed_reason.empty());
  CHECK(SuppressionText(*inline_finding()) == "suppressed inline: no reason given");
}

TEST_CASE("baselines: written, parsed and matched by rule, model and path", "[rules][baseline]") {
  Policy p = Load(kCnPolicy);
  PolicyEvaluator first(p, [] { return std::string("2030-01-01"); });
  std::vector<Finding> before = first.Evaluate(TwoModels());
  std::string text = Baseline::Write({before[0]});
  CHECK(text ==
        "{\n  \"modelprov_baseline\": 1,\n  \"findings\": [\n    {\"rule\": \"no-cn\", \"model\": \"deepseek-chat\", "
        "\"path\": \"app/a.py\", \"line\": 3, \"message\": \"deepseek-chat comes from DeepSeek (CN) at app/a.py:3\"}\n  ]\n}\n");
  Result<Baseline> b = Baseline::Parse(text, "base.json");
  REQUIRE(b);
  REQUIRE(b->entries().size() == 1);

  ScanResult moved = TwoModels();
  moved.references[0].ref.location.line = 40;  // lines shift: still the same accepted finding
  PolicyEvaluator second(p, [] { return std::string("2030-01-01"); });
  second.set_baseline(&*b);
  std::vector<Finding> after = second.Evaluate(moved);
  REQUIRE(after.size() == 2);
  CHECK(after[1].suppressed_by == "baseline");
  CHECK(after[1].suppressed_reason == "base.json");
  CHECK(SuppressionText(after[1]) == "accepted in baseline base.json");
  CHECK(after[0].suppressed_by.empty());  // new: not in the baseline

  CHECK(Baseline::Write({}) == "{\n  \"modelprov_baseline\": 1,\n  \"findings\": []\n}\n");
  Result<Baseline> bad = Baseline::Parse("{\"findings\": []}", "b.json");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "b.json: not a modelprov baseline (create one with `modelprov baseline create`)");
}

TEST_CASE("baselines skip findings already suppressed and expired waivers", "[rules][baseline]") {
  Finding waived;
  waived.rule = "a";
  waived.suppressed_by = "waiver";
  Finding expired;
  expired.rule = "expired-waiver";
  Finding dup1, dup2;
  dup1.rule = dup2.rule = "b";
  dup1.location.path = dup2.location.path = "x.py";
  dup2.location.line = 9;
  Result<Baseline> b = Baseline::Parse(Baseline::Write({waived, expired, dup1, dup2}), "b");
  REQUIRE(b);
  REQUIRE(b->entries().size() == 1);
  CHECK(b->entries()[0].rule == "b");
  CHECK_FALSE(b->Contains(expired));
}

TEST_CASE("EvaluateModel shows which rules would fire without a location", "[rules][evaluator]") {
  Policy p = Load(kCnPolicy);
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  ScanResult r = TwoModels();
  std::vector<Finding> f = e.EvaluateModel(r.models[0], "api-model");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "deepseek-chat comes from DeepSeek (CN) at unknown:unknown");
  CHECK(e.EvaluateModel(r.models[1], "api-model").empty());
}

TEST_CASE("WaiverNotes tells explain which waivers cover a rule for a model", "[rules][evaluator][waiver]") {
  Policy p = Load(std::string(kCnPolicy) + R"(waivers:
  - rule: no-cn
    model: "deepseek-*"
    reason: "approved by legal, ticket LEGAL-42"
    expires: 2099-01-01
  - rule: "*"
    path: "services/**"
    reason: "sandbox"
    expires: 2099-01-01
  - rule: no-cn
    model: "deepseek-chat"
    reason: "old approval"
    expires: 2020-01-01
  - rule: no-cn
    model: "qwen-*"
    reason: "other model"
    expires: 2099-01-01
)");
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  std::vector<Finding> f = e.EvaluateModel(TwoModels().models[0], "api-model");
  REQUIRE(f.size() == 1);
  CHECK(e.WaiverNotes(f[0]) == std::vector<std::string>{
            "waived until 2099-01-01 (model deepseek-*, p.yml:8): approved by legal, ticket LEGAL-42",
            "waived in path services/** until 2099-01-01 (path services/**, p.yml:12): sandbox",
            "waiver (model deepseek-chat, p.yml:16) expired on 2020-01-01: old approval",
        });
  Finding other = f[0];
  other.model = "gpt-4o";
  other.rule = "something-else";
  CHECK(e.WaiverNotes(other) == std::vector<std::string>{
            "waived in path services/** until 2099-01-01 (path services/**, p.yml:12): sandbox"});
}

TEST_CASE("places with the same verdict are one finding; findings are ranked", "[rules][evaluator][group]") {
  Policy p = Load(R"(rules:
  - id: us-note
    severity: note
    message: "{model} is from the US"
    when:
      country: [US]
  - id: no-cn
    severity: error
    message: "{model} comes from {country}"
    when:
      country: [CN]
  - id: inventory
    severity: note
    message: "{model}"
)");
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  std::vector<Finding> f = e.Evaluate(TwoModels());
  REQUIRE(f.size() == 4);
  // Errors first; among notes, the policy's order (us-note before inventory), then model id.
  CHECK(f[0].rule == "no-cn");
  CHECK(f[0].location.path == "app/a.py");
  REQUIRE(f[0].also_at.size() == 1);
  CHECK(f[0].also_at[0].path == "tests/t.py");
  CHECK(PlaceCount(f[0]) == 2);
  CHECK(f[0].rule_source == "p.yml:7");
  CHECK(f[1].rule == "us-note");
  CHECK(f[1].model == "gpt-4o");
  CHECK(f[2].rule == "inventory");
  CHECK(f[2].model == "deepseek-chat");
  CHECK(f[3].rule == "inventory");
  CHECK(f[3].model == "gpt-4o");

  // A place suppressed inline is its own (suppressed) finding, ranked last.
  PolicyEvaluator inline_e(p, [] { return std::string("2030-01-01"); });
  inline_e.set_line_reader([](const std::string& path, uint32_t line) -> std::optional<std::string> {
    if (path == "tests/t.py" && line == 1) return std::string("x  # modelprov:ignore no-cn fixture");
    return std::string("x");
  });
  std::vector<Finding> g = inline_e.Evaluate(TwoModels());
  REQUIRE(g.size() == 5);
  CHECK(g[0].rule == "no-cn");
  CHECK(g[0].also_at.empty());
  CHECK(g[4].rule == "no-cn");
  CHECK(g[4].suppressed_by == "inline");
  CHECK(g[4].location.path == "tests/t.py");
}

TEST_CASE("baselines written from grouped findings list every place, sorted by place", "[rules][baseline][group]") {
  Finding f;
  f.rule = "no-cn";
  f.model = "deepseek-chat";
  f.message = "m";
  f.location = {"z.py", 4, 1};
  f.also_at = {{"a.py", 2, 1}, {"z.py", 9, 1}};
  std::string text = Baseline::Write({f});
  Result<Baseline> b = Baseline::Parse(text, "b.json");
  REQUIRE(b);
  REQUIRE(b->entries().size() == 2);  // one entry per rule, model and path
  CHECK(b->entries()[0].path == "a.py");
  CHECK(b->entries()[1].path == "z.py");
}

TEST_CASE("an inline ignore naming no rule of the policy becomes a warning at its line", "[rules][evaluator]") {
  Policy p = Load(kCnPolicy);
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  e.set_line_reader([](const std::string& path, uint32_t line) -> std::optional<std::string> {
    if (path == "app/a.py" && line == 2) return std::string("# modelprov:ignore no-cm,no-cn reviewed");
    return std::string("x");
  });
  std::vector<Finding> f = e.Evaluate(TwoModels());
  REQUIRE(f.size() == 3);
  CHECK(f[0].rule == "no-cn");
  CHECK(f[0].suppressed_by.empty());  // tests/t.py:1 is still active
  CHECK(f[1].rule == kUnknownIgnoreRule);
  CHECK(f[1].severity == Severity::kWarning);
  CHECK(f[1].location.path == "app/a.py");
  CHECK(f[1].location.line == 2);
  CHECK(f[1].message == "`modelprov:ignore no-cm` names no rule of the policy p.yml and silences nothing (its rules: no-cn)");
  CHECK(f[2].suppressed_by == "inline");
  CHECK(IgnoredRuleIds("a # modelprov:ignore x,y why # modelprov:ignore z") == std::vector<std::string>{"x", "y", "z"});
  CHECK(IgnoredRuleIds("modelprov:ignored x").empty());
}

TEST_CASE("{term_license} names the licence that imposes the matched term, not the model's own", "[rules][evaluator]") {
  Policy p = Load(R"P(rules:
  - id: nc
    severity: warning
    message: "{model} may not be used commercially under {term_license} (own: {license})"
    when:
      terms: { commercial_use: "no" }
  - id: any
    severity: note
    message: "{model}: {term_license}"
    when:
      country: [CA]
)P");
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  ModelSummary m;
  m.id = "local:models/nc-adapter";
  m.country = "CA";
  m.license = "Apache-2.0";
  m.terms["commercial_use"] = PresentTerm("no");
  m.terms["commercial_use"].licenses = {"LicenseRef-c4ai-cc-by-nc-4.0"};
  std::vector<Finding> f = e.EvaluateModel(m, "model-card");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "local:models/nc-adapter may not be used commercially under LicenseRef-c4ai-cc-by-nc-4.0 (own: Apache-2.0)");
  // No term matched: the model's own licence.
  CHECK(f[1].message == "local:models/nc-adapter: Apache-2.0");
}

TEST_CASE("a path condition does not split one model's finding per file", "[rules][evaluator][group]") {
  Policy p = Load(R"(rules:
  - id: cn-outside-tests
    severity: error
    message: "{model} outside tests"
    when:
      country: CN
      not:
        path: "tests/**"
)");
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  ScanResult r = TwoModels();
  ResolvedReference more = r.references[0];
  more.ref.location = {"app/c.py", 9, 1};
  r.references.push_back(more);
  std::vector<Finding> f = e.Evaluate(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "deepseek-chat outside tests");
  CHECK(f[0].location.path == "app/a.py");
  REQUIRE(f[0].also_at.size() == 1);
  CHECK(f[0].also_at[0].path == "app/c.py");
  // The first place's path fact no longer describes a finding in two files.
  CHECK(f[0].trigger == "country=CN");
}

TEST_CASE("an unknown inline ignore is reported at any model reference, not only at findings", "[rules][evaluator]") {
  Policy p = Load(kCnPolicy);
  PolicyEvaluator e(p, [] { return std::string("2030-01-01"); });
  e.set_line_reader([](const std::string& path, uint32_t line) -> std::optional<std::string> {
    // gpt-4o (US) at app/b.py:7 fires no rule of this policy.
    if (path == "app/b.py" && line == 7) return std::string("m = 'gpt-4o'  # modelprov:ignore no-cn-orign");
    return std::string("x");
  });
  std::vector<Finding> f = e.Evaluate(TwoModels());
  auto unknown = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.rule == kUnknownIgnoreRule; });
  REQUIRE(unknown != f.end());
  CHECK(unknown->location.path == "app/b.py");
  CHECK(unknown->location.line == 7);
}
