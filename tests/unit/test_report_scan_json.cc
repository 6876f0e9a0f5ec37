#include <catch2/catch.hpp>

#include "report/scan_json.h"

using namespace modelprov;

TEST_CASE("reference source and --history survive a JSON round trip", "[report][json]") {
  ScanResult r;
  ResolvedReference a;
  a.ref.text = "Qwen/Qwen2.5-7B-Instruct";
  a.ref.location = {"x.zip!/a.py", 2, 5};
  a.ref.source = "commit:abc1234";
  ResolvedReference b;
  b.ref.text = "BAAI/bge-large-en-v1.5";
  b.ref.location = {"b.py", 1, 1};  // source left empty: a work tree scan
  r.references = {a, b};
  ModelSummary m;
  m.id = "Qwen/Qwen2.5-7B-Instruct";
  r.models = {m};
  CommitInfo c1{"1111111111111111111111111111111111111111", "A <a@example.com>", "2025-01-01T00:00:00Z", "add"};
  CommitInfo c2{"2222222222222222222222222222222222222222", "B <b@example.com>", "2025-02-01T00:00:00Z", "drop"};
  r.history = std::vector<ModelHistory>{{"BAAI/bge-large-en-v1.5", c1, c2}, {"Qwen/Qwen2.5-7B-Instruct", c1, std::nullopt}};

  nlohmann::json doc = ScanResultToJson(r);
  CHECK(doc["references"][0]["source"] == "commit:abc1234");
  CHECK(doc["references"][1]["source"] == "worktree");
  CHECK(doc["models"][0]["introduced"]["hash"] == c1.hash);
  CHECK(doc["models"][0]["removed"] == nullptr);
  CHECK(doc["history"][0]["removed"]["summary"] == "drop");

  Result<ScanResult> back = ScanResultFromJson(doc.dump());
  REQUIRE(back.ok());
  CHECK(back->references[0].ref.source == "commit:abc1234");
  CHECK(back->references[1].ref.source == "worktree");
  REQUIRE(back->history.has_value());
  REQUIRE(back->history->size() == 2);
  CHECK((*back->history)[0].removed->hash == c2.hash);
  CHECK_FALSE((*back->history)[1].removed.has_value());
  CHECK(ScanResultToJson(*back) == doc);
}

TEST_CASE("without --history the JSON has no history fields", "[report][json]") {
  ScanResult r;
  ModelSummary m;
  m.id = "x";
  r.models = {m};
  nlohmann::json doc = ScanResultToJson(r);
  CHECK_FALSE(doc.contains("history"));
  CHECK_FALSE(doc["models"][0].contains("introduced"));
  Result<ScanResult> back = ScanResultFromJson(doc.dump());
  REQUIRE(back.ok());
  CHECK_FALSE(back->history.has_value());
}

TEST_CASE("license facts and suppression reasons survive a JSON round trip", "[report][json]") {
  ScanResult r;
  LicenseFacts llama;
  llama.id = "LicenseRef-llama-3.1";
  llama.name = "Llama 3.1 Community License Agreement";
  llama.url = "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE";
  llama.category = "restricted-commercial";
  llama.terms["mau_cap"] = PresentTerm("700000000", 700000000);
  llama.terms["attribution"] = PresentTerm("Built with Llama");
  llama.terms["naming"] = AbsentTerm();
  LicenseFacts kimi;
  kimi.id = "LicenseRef-kimi-k2-modified-mit";
  TermValue display = PresentTerm("display it above the thresholds");
  display.display = "Kimi K2";
  display.above = DutyThreshold{100000000, MoneyAmount{20000000, "USD", "month"}};
  kimi.terms["attribution"] = display;
  TermValue revenue = PresentTerm("USD 1,000,000 per year", 1000000);
  revenue.money = MoneyAmount{1000000, "USD", "year"};
  kimi.terms["revenue_cap"] = revenue;
  LicenseFacts apache;
  apache.id = "Apache-2.0";
  apache.spdx = true;
  r.licenses = {{llama.id, llama}, {apache.id, apache}, {kimi.id, kimi}};
  Finding f;
  f.rule = "no-cn";
  f.suppressed_by = "waiver";
  f.suppressed_reason = "approved by legal, ticket LEGAL-42";
  f.waiver_expires = "2099-01-01";
  Finding active;
  active.rule = "other";
  r.findings = {f, active};

  nlohmann::json doc = ScanResultToJson(r);
  CHECK(doc["licenses"]["LicenseRef-llama-3.1"] ==
        nlohmann::json::parse(R"({"name": "Llama 3.1 Community License Agreement",
          "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE",
          "category": "restricted-commercial", "spdx": false,
          "terms": {"attribution": "Built with Llama", "mau_cap": 700000000, "naming": false}})"));
  CHECK(doc["licenses"]["Apache-2.0"]["name"] == nullptr);
  CHECK(doc["licenses"]["LicenseRef-kimi-k2-modified-mit"]["terms"] ==
        nlohmann::json::parse(R"({"attribution": {"text": "display it above the thresholds", "display": "Kimi K2",
          "above": {"monthly_active_users": 100000000, "revenue": {"amount": 20000000, "currency": "USD", "period": "month"}}},
          "revenue_cap": {"amount": 1000000, "currency": "USD", "period": "year"}})"));
  CHECK(doc["findings"][0]["suppressed_reason"] == "approved by legal, ticket LEGAL-42");
  CHECK(doc["findings"][0]["waiver_expires"] == "2099-01-01");
  CHECK(doc["findings"][1]["suppressed_reason"] == nullptr);
  CHECK(doc["findings"][1]["waiver_expires"] == nullptr);

  Result<ScanResult> back = ScanResultFromJson(doc.dump());
  REQUIRE(back.ok());
  REQUIRE(back->licenses.count("LicenseRef-llama-3.1"));
  CHECK(back->licenses["LicenseRef-llama-3.1"].url == llama.url);
  CHECK(back->licenses["LicenseRef-llama-3.1"].terms.at("mau_cap").number == 700000000);
  CHECK(back->licenses["Apache-2.0"].spdx);
  const TermMap& back_kimi = back->licenses["LicenseRef-kimi-k2-modified-mit"].terms;
  CHECK(back_kimi.at("attribution").above == display.above);
  CHECK(back_kimi.at("revenue_cap").number == 1000000);
  CHECK(back->findings[0].suppressed_reason == f.suppressed_reason);
  CHECK(back->findings[0].waiver_expires == "2099-01-01");
  CHECK(ScanResultToJson(*back) == doc);

  // Scans saved before these fields existed still load.
  doc.erase("licenses");
  doc["findings"][0].erase("suppressed_reason");
  Result<ScanResult> old = ScanResultFromJson(doc.dump());
  REQUIRE(old.ok());
  CHECK(old->licenses.empty());
  CHECK(old->findings[0].suppressed_reason.empty());
}

TEST_CASE("which licence imposes each model term survives a JSON round trip", "[report][json]") {
  ScanResult r;
  ModelSummary m;
  m.id = "local:models/nc-adapter";
  m.license = "Apache-2.0";
  m.terms["commercial_use"] = PresentTerm("no");
  m.terms["commercial_use"].licenses = {"LicenseRef-c4ai-cc-by-nc-4.0"};
  m.terms["attribution"] = PresentTerm("keep the NOTICE; credit Cohere");
  m.terms["attribution"].licenses = {"Apache-2.0", "LicenseRef-c4ai-cc-by-nc-4.0"};
  m.terms["naming"] = AbsentTerm();
  r.models = {m};
  nlohmann::json doc = ScanResultToJson(r);
  CHECK(doc["models"][0]["term_licenses"] ==
        nlohmann::json::parse(R"({"attribution": ["Apache-2.0", "LicenseRef-c4ai-cc-by-nc-4.0"],
                                  "commercial_use": ["LicenseRef-c4ai-cc-by-nc-4.0"]})"));
  Result<ScanResult> back = ScanResultFromJson(doc.dump());
  REQUIRE(back.ok());
  REQUIRE(back->models.size() == 1);
  CHECK(back->models[0].terms.at("commercial_use").licenses == std::vector<std::string>{"LicenseRef-c4ai-cc-by-nc-4.0"});
  CHECK(back->models[0].terms.at("attribution").licenses.size() == 2);
  CHECK(back->models[0].terms.at("naming").licenses.empty());
}
