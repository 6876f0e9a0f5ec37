// Detection on hostile text: a generated file full of model names must cost
// bounded memory and linear time, with an error entry for what is not listed
// (issue 14: 200k lines of x = "gpt-4o" took 4.2 GB and 124 s before).
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <string>

#include "support/e2e.h"

using namespace modelprov::testing;

TEST_CASE("references per file are capped, with an error entry saying so", "[e2e][hostile][detection]") {
  TempDir d;
  std::string body;
  for (int i = 0; i < 200000; ++i) body += "x = \"gpt-4o\"\n";
  d.Write("gen/names.py", body);
  d.Write("app.py", "client.create(model=\"deepseek-chat\")\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  size_t in_gen = 0;
  for (const auto& ref : scan["references"]) in_gen += ref["path"] == "gen/names.py";
  CHECK(in_gen == 10000);
  // The other file is unaffected.
  CHECK(scan["references"].back()["path"] == "gen/names.py");
  bool app_found = false;
  for (const auto& ref : scan["references"]) app_found = app_found || ref["path"] == "app.py";
  CHECK(app_found);
  REQUIRE(scan["errors"].size() == 1);
  CHECK(scan["errors"][0]["path"] == "gen/names.py");
  CHECK(scan["errors"][0]["message"] ==
        "more references in this file than the 10000 listed (limit per file)");
  struct rusage usage {};
  REQUIRE(::getrusage(RUSAGE_CHILDREN, &usage) == 0);
#if defined(__SANITIZE_ADDRESS__)
  CHECK(usage.ru_maxrss < 3 * 200 * 1024);
#else
  CHECK(usage.ru_maxrss < 200 * 1024);  // KiB: the bound
#endif
}

TEST_CASE("text-scan reads languages no extractor claims and skips binary content", "[e2e][detection]") {
  TempDir d;
  d.Write("ios/Chat.swift", "let model = \"qwen3.8-max\"\n");
  d.Write("infra/main.tf", "variable \"llm\" { default = \"glm-5\" }\n");
  d.Write("docs/guide.adoc", "----\nollama run gemma4:e4b\n----\n");
  d.Write("assets/blob.dat", std::string("\0\0qwen2.5:7b", 12));  // binary by content: not text
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "docs/guide.adoc:2 api-model gemma4:e4b -> gemma4:e4b",
                                    "infra/main.tf:1 api-model glm-5 -> glm-5",
                                    "ios/Chat.swift:1 api-model qwen3.8-max -> qwen3.8-max",
                                });
  CHECK(scan["errors"].empty());
  for (const auto& ref : scan["references"]) {
    CHECK(ref["version_known"] == false);  // all three releases are newer than the catalog
    CHECK((ref["match"] == "family-grammar" || ref["match"] == "ollama-grammar"));
  }
}

TEST_CASE("the same model through the vendor's API and as Hub weights gets different terms", "[e2e][api-vs-weights]") {
  TempDir d;
  d.Write("api.py", "client = OpenAI(base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")\n"
                    "client.chat.completions.create(model=\"qwen3-235b-a22b\", messages=[])\n");
  d.Write("local.py", "m = AutoModelForCausalLM.from_pretrained(\"Qwen/Qwen3-235B-A22B\")\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  const nlohmann::json* api = nullptr;
  const nlohmann::json* weights = nullptr;
  for (const auto& ref : scan["references"]) {
    if (ref["text"] == "qwen3-235b-a22b") api = &ref;
    if (ref["text"] == "Qwen/Qwen3-235B-A22B") weights = &ref;
  }
  REQUIRE(api != nullptr);
  REQUIRE(weights != nullptr);
  CHECK((*api)["license"] == "LicenseRef-alibaba-model-studio-terms");
  CHECK((*api)["license_basis"] == "api-terms");
  CHECK((*weights)["license"] == "Apache-2.0");
  CHECK((*weights)["family"] == (*api)["family"]);
}
