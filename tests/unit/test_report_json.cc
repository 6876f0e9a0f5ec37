#include <catch2/catch.hpp>

#include "report/scan_json.h"
#include "report/writer.h"

#include <sstream>

using namespace modelprov;

namespace {

ScanResult Sample() {
  ScanResult r;
  r.tool_version = "9.9.9";
  r.roots = {"."};
  ResolvedReference rr;
  rr.ref.kind = ReferenceKind::kHfModelId;
  rr.ref.text = "meta-llama/Llama-3.1-8B";
  rr.ref.location = {"app/x.py", 3, 5};
  rr.ref.extractor = "python-source";
  SetFactsFromPairs(rr.ref, {{"call", "from_pretrained"}});
  Resolution res;
  res.model = "meta-llama/Llama-3.1-8B";
  res.family = "llama";
  res.publisher = "meta";
  res.country = "US";
  res.license = "LicenseRef-llama-3.1";
  res.match = "hf-org";
  rr.resolution = res;
  r.references.push_back(rr);
  ResolvedReference unknown;
  unknown.ref.kind = ReferenceKind::kModelConfig;
  unknown.ref.text = "bad\xff";
  unknown.ref.location = {"m/config.json", 0, 0};
  r.references.push_back(unknown);
  ModelSummary m;
  m.id = res.model;
  m.family = "llama";
  m.publisher = "meta";
  m.country = "US";
  m.license = res.license;
  m.terms["mau_cap"] = PresentTerm("700000000", 700000000);
  m.terms["attribution"] = PresentTerm("Built with Llama");
  m.terms["naming"] = AbsentTerm();
  m.terms["commercial_use"] = PresentTerm("yes");
  m.occurrences = {rr.ref.location};
  m.lineage = {{"meta-llama/Llama-3.1-8B", "base", "llama", "LicenseRef-llama-3.1", "catalog"}};
  r.models.push_back(m);
  r.findings.push_back({"no-cn", Severity::kError, "msg", "x", "country=CN", "", {"a", 1, 0}, {}, "", "", "", ""});
  r.errors.push_back({"b.json", "invalid JSON at line 1"});
  r.stats = {3, 100, 0.5};
  return r;
}

}  // namespace

TEST_CASE("JSON contract fields and null for unknown", "[json]") {
  nlohmann::json j = ScanResultToJson(Sample());
  CHECK(j["schema_version"] == 1);
  const auto& ref = j["references"][0];
  for (const char* k : {"path", "line", "kind", "text", "model", "family", "publisher", "country", "license"}) {
    INFO(k);
    CHECK(ref.contains(k));
  }
  CHECK(ref["kind"] == "hf-model-id");
  CHECK(j["references"][1]["model"].is_null());
  CHECK(j["references"][1]["line"] == 0);
  CHECK(j["references"][1]["text"] == "bad\xEF\xBF\xBD");  // invalid UTF-8 replaced, never a crash
  CHECK(j["models"][0]["terms"] == nlohmann::json{{"mau_cap", 700000000}, {"attribution", "Built with Llama"},
                                                  {"naming", false}, {"commercial_use", true}});
  CHECK(j["findings"][0]["severity"] == "error");
  CHECK(j["errors"][0] == nlohmann::json{{"path", "b.json"}, {"message", "invalid JSON at line 1"}});
  CHECK(j["stats"] == nlohmann::json{{"files", 3}, {"bytes", 100}, {"seconds", 0.5}, {"suppressed", 0}, {"excluded", 0}});
}

TEST_CASE("JSON round trip keeps everything writers use", "[json]") {
  ScanResult a = Sample();
  std::string text = ScanResultToJson(a).dump();
  auto b = ScanResultFromJson(text);
  REQUIRE(b.ok());
  CHECK(ScanResultToJson(*b) == ScanResultToJson(a));
}

TEST_CASE("reading a JSON scan rejects what is not one", "[json]") {
  CHECK(ScanResultFromJson("{").error().message.rfind("not a modelprov JSON scan", 0) == 0);
  CHECK(ScanResultFromJson("{\"a\":1}").error().message == "not a modelprov JSON scan: no schema_version");
  CHECK(ScanResultFromJson("{\"schema_version\":7}").error().message ==
        "unsupported schema_version 7 (this modelprov reads 1)");
}

TEST_CASE("text report groups by model and ends with a summary", "[text]") {
  ScanResult r = Sample();
  r.stats.seconds = 0;
  std::ostringstream out;
  WriteOptions options;
  options.color = false;
  MakeTextWriter()->Write(r, out, options);
  std::string s = out.str();
  INFO(s);
  // Counts by severity and rule come first, then the models.
  CHECK(s.find("Findings: 1 error\n    by rule: no-cn 1\n") == 0);
  CHECK(s.find("meta-llama/Llama-3.1-8B\n    family     llama\n    publisher  meta [US]\n") != std::string::npos);
  CHECK(s.find("    terms      attribution: Built with Llama; mau_cap: 700000000\n") != std::string::npos);
  CHECK(s.find("    used at    app/x.py:3\n") != std::string::npos);
  // Invalid UTF-8 becomes U+FFFD, like in every other report (TerminalSafe).
  CHECK(s.find("Not in the catalog (1)\n    m/config.json  model-config  bad\xEF\xBF\xBD\n") != std::string::npos);
  CHECK(s.find("    error [no-cn] a:1: msg [trigger: country=CN]\n") != std::string::npos);
  CHECK(s.find("\x1b[") == std::string::npos);
  CHECK(s.substr(s.rfind('\n', s.size() - 2) + 1) ==
        "1 model from 1 publisher (models by publisher country: US 1), 2 references in 3 files (100 B); 1 active finding, 0 suppressed, 1 scan error; "
        "0.00 s\n");
}
