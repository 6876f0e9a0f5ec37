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
