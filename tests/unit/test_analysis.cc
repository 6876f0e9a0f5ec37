// analysis::Analyze(): the scan -> resolve -> evaluate hand-off as a library
// call, without the CLI: a request in, a ScanResult with models and findings
// out, configuration problems as errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "report/scan_json.h"
#include "support/e2e.h"

using namespace modelprov;
using modelprov::testing::TempDir;

namespace {

analysis::AnalysisRequest RequestFor(const TempDir& dir) {
  analysis::AnalysisRequest r;
  analysis::ScanTarget t;
  t.path = dir.path().string();
  r.targets.push_back(t);
  r.roots = {"."};
  r.tool_version = "test";
  return r;
}

const char* kPolicy =
    "rules:\n"
    "  - id: qwen\n"
    "    severity: error\n"
    "    message: \"{model} is {family}\"\n"
    "    when:\n"
    "      family: qwen\n";

}  // namespace

TEST_CASE("Analyze scans a directory and evaluates the policy", "[analysis]") {
  TempDir dir;
  dir.Write("app/embed.py",
            "from transformers import AutoModel\n\n"
            "model = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  dir.Write("policy.yml", kPolicy);
  analysis::AnalysisRequest request = RequestFor(dir);
  request.policy = (dir.path() / "policy.yml").string();
  std::vector<std::string> notes;
  request.on_note = [&notes](std::string_view n) { notes.emplace_back(n); };

  Result<ScanResult> result = analysis::Analyze(request);
  REQUIRE(result);
  CHECK(result->tool_version == "test");
  CHECK(result->roots == std::vector<std::string>{"."});
  auto hub = std::find_if(result->references.begin(), result->references.end(), [](const ResolvedReference& r) {
    return r.ref.kind == ReferenceKind::kHfModelId;
  });
  REQUIRE(hub != result->references.end());
  const ResolvedReference& ref = *hub;
  CHECK(ref.ref.location.path == "app/embed.py");
  CHECK(ref.ref.location.line == 3);
  CHECK(ref.ref.kind == ReferenceKind::kHfModelId);
  REQUIRE(ref.ref.FactsAs<HubIdFacts>() != nullptr);
  CHECK(ref.ref.FactsAs<HubIdFacts>()->call == "AutoModel.from_pretrained");
  REQUIRE(ref.resolution);
  CHECK(ref.resolution->family == "qwen");
  auto has_model = [](const ScanResult& r, const std::string& id) {
    return std::any_of(r.models.begin(), r.models.end(), [&](const ModelSummary& m) { return m.id == id; });
  };
  CHECK(has_model(*result, "Qwen/Qwen2.5-7B-Instruct"));
  REQUIRE(result->findings.size() == 1);
  CHECK(result->findings[0].rule == "qwen");
  CHECK(result->findings[0].severity == Severity::kError);
  CHECK(result->findings[0].message == "Qwen/Qwen2.5-7B-Instruct is qwen");
  CHECK(result->findings[0].location.path == "app/embed.py");
  CHECK(notes.empty());

  // The result is the serialisable hand-off: it survives its JSON form.
  Result<ScanResult> back = ScanResultFromJson(ScanResultToJson(*result).dump());
  REQUIRE(back);
  REQUIRE(back->references.size() == result->references.size());
  for (size_t i = 0; i < back->references.size(); ++i) {
    CHECK(back->references[i].ref.FactPairs() == result->references[i].ref.FactPairs());
  }
  CHECK(back->findings.size() == 1);
}

TEST_CASE("Analyze: an empty policy finds nothing; the inventory is the same", "[analysis]") {
  TempDir dir;
  dir.Write("app/embed.py", "model = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  analysis::AnalysisRequest request = RequestFor(dir);
  request.policy = "none";
  Result<ScanResult> result = analysis::Analyze(request);
  REQUIRE(result);
  CHECK(result->findings.empty());
  CHECK(std::any_of(result->models.begin(), result->models.end(),
                    [](const ModelSummary& m) { return m.id == "Qwen/Qwen2.5-7B-Instruct"; }));
}

TEST_CASE("Analyze reports configuration problems as errors and notes through the callback", "[analysis]") {
  TempDir dir;
  dir.Write("a.py", "x = 1\n");
  analysis::AnalysisRequest request = RequestFor(dir);
  request.policy = (dir.path() / "missing.yml").string();
  Result<ScanResult> missing = analysis::Analyze(request);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("missing.yml") != std::string::npos);

  request.policy = "none";
  request.catalog_file = (dir.path() / "no-such-catalog.json").string();
  CHECK_FALSE(analysis::Analyze(request));

  // A policy naming a family the catalog does not know is a warning, not an error.
  dir.Write("typo.yml",
            "rules:\n  - id: t\n    severity: error\n    message: \"{model}\"\n    when:\n      family: qwne\n");
  request.catalog_file.clear();
  request.policy = (dir.path() / "typo.yml").string();
  std::vector<std::string> notes;
  request.on_note = [&notes](std::string_view n) { notes.emplace_back(n); };
  Result<ScanResult> typo = analysis::Analyze(request);
  REQUIRE(typo);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].rfind("warning: ", 0) == 0);
  CHECK(notes[0].find("qwne") != std::string::npos);
}
