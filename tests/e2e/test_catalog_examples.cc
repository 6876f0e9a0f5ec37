// The three examples issue 3 opens with, through `modelprov explain`: what a
// reviewer must learn from one name.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

nlohmann::json Explain(const std::string& name, const std::string& policy = "none") {
  TempDir d;
  RunResult r = Modelprov({"explain", name, "--format", "json", "--policy", policy}, d.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return ParseJson(r);
}

}  // namespace

TEST_CASE("a DeepSeek distillation onto Llama carries the Llama 3.3 terms", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("deepseek-ai/DeepSeek-R1-Distill-Llama-70B");
  CHECK(j["family"] == "deepseek");
  CHECK(j["country"] == "CN");
  CHECK(j["license"] == "MIT");
  REQUIRE(j["lineage"].size() == 1);
  CHECK(j["lineage"][0]["model"] == "meta-llama/Llama-3.3-70B-Instruct");
  CHECK(j["lineage"][0]["relation"] == "distillation");
  CHECK(j["lineage"][0]["family"] == "llama");
  CHECK(j["lineage"][0]["license"] == "LicenseRef-llama-3.3");
  CHECK(j["terms"]["mau_cap"] == 700000000);  // MIT has no cap: it comes from the Llama base
}

TEST_CASE("Kimi K2 shows the modified-MIT display requirement", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("Kimi-K2-Instruct");
  CHECK(j["family"] == "kimi");
  CHECK(j["publisher"] == "moonshot");
  CHECK(j["license"] == "LicenseRef-kimi-k2-modified-mit");
  // The licence caps neither users nor revenue: above 100M MAU or USD 20M a
  // month it only asks for a "Kimi K2" display, so the thresholds are the
  // attribution's, structured, and no user-cap or revenue-cap warning fires.
  CHECK(j["terms"]["mau_cap"] == false);
  CHECK(j["terms"]["revenue_cap"] == false);
  const nlohmann::json& attribution = j["terms"]["attribution"];
  CHECK(attribution["display"] == "Kimi K2");
  CHECK(attribution["above"] == nlohmann::json::parse(R"({"monthly_active_users": 100000000,
      "revenue": {"amount": 20000000, "currency": "USD", "period": "month"}})"));
  CHECK(attribution["text"].get<std::string>().find("prominently display \"Kimi K2\"") != std::string::npos);
  CHECK(Explain("Kimi-K2-Instruct", "builtin:default")["findings"].size() == 0);
}

TEST_CASE("MiniMax M2.5 asks every commercial product for the display; M2 only above its thresholds",
          "[e2e][explain][catalog]") {
  nlohmann::json m25 = Explain("MiniMaxAI/MiniMax-M2.5");
  CHECK(m25["license"] == "LicenseRef-minimax-m2.5-modified-mit");
  CHECK(m25["terms"]["attribution"]["display"] == "MiniMax M2.5");
  CHECK_FALSE(m25["terms"]["attribution"].contains("above"));
  nlohmann::json m2 = Explain("MiniMaxAI/MiniMax-M2");
  CHECK(m2["terms"]["attribution"]["above"]["revenue"] ==
        nlohmann::json::parse(R"({"amount": 30000000, "currency": "USD", "period": "year"})"));
}

TEST_CASE("a revenue cap is an amount with its currency and period", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("LicenseRef-stability-ai-community", "builtin:default");
  CHECK(j["terms"]["revenue_cap"] == nlohmann::json::parse(R"({"amount": 1000000, "currency": "USD", "period": "year"})"));
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["message"] ==
        "LicenseRef-stability-ai-community has a revenue threshold (USD 1,000,000 per year, under "
        "LicenseRef-stability-ai-community)");
}

TEST_CASE("qwen-max is Alibaba Cloud's hosted API", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("qwen-max");
  CHECK(j["family"] == "qwen");
  CHECK(j["publisher"] == "alibaba");
  CHECK(j["country"] == "CN");
  CHECK(j["provider"] == "alibaba-model-studio");
  CHECK(j["license"] == "LicenseRef-alibaba-model-studio-terms");
  CHECK(j["sources"].size() > 0);
}

TEST_CASE("explain reads gateway names as a scan does, and names without their org", "[e2e][explain][catalog]") {
  nlohmann::json gw = Explain("openrouter/qwen/qwen-2.5-72b-instruct");
  CHECK(gw["family"] == "qwen");
  CHECK(gw["provider"] == "openrouter");
  CHECK(gw["kind"] == "api-model");
  nlohmann::json lite = Explain("deepseek/deepseek-chat");
  CHECK(lite["provider"] == "deepseek");
  CHECK(lite["license"] == "LicenseRef-deepseek-api-terms");
  // The issue's own example, without its org, and a GGUF general.name.
  nlohmann::json bare = Explain("DeepSeek-R1-Distill-Llama-70B");
  CHECK(bare["family"] == "deepseek");
  REQUIRE(bare["lineage"].size() == 1);
  CHECK(bare["lineage"][0]["license"] == "LicenseRef-llama-3.3");
  CHECK(Explain("Meta Llama 3.1 8B Instruct")["family"] == "llama");
  CHECK(Explain("Qwen2.5-72B-Instruct-Q4_K_M.gguf")["license"] == "LicenseRef-qwen");
}

// Issue 12: a scan and explain must say the same about one name.
TEST_CASE("scan and explain agree on gateway variants and vendor API names", "[e2e][explain][catalog]") {
  const std::vector<std::string> names = {"google/learnlm-1.5-pro-experimental:free", "deepseek/deepseek-r1:free",
                                          "kimi-k2.5", "llama3-8b"};
  TempDir d;
  std::string code;
  for (const std::string& n : names) code += "client.chat.completions.create(model=\"" + n + "\")\n";
  d.Write("app.py", code);
  RunResult scan = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, d.path());
  REQUIRE(scan.exit_code == 0);
  nlohmann::json models = ParseJson(scan)["models"];
  for (const std::string& n : names) {
    INFO(n);
    nlohmann::json e = Explain(n);
    auto it = std::find_if(models.begin(), models.end(), [&](const nlohmann::json& m) { return m["id"] == n; });
    REQUIRE(it != models.end());
    CHECK((*it)["publisher"] == e["publisher"]);
    CHECK((*it)["family"] == e["family"]);
    CHECK((*it)["license"] == e["license"]);
    CHECK((*it)["country"] == e["country"]);
  }
  CHECK(Explain("google/learnlm-1.5-pro-experimental:free")["provider"] == "openrouter");
}

TEST_CASE("a single-family org's other models are the publisher's, with no borrowed license", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("google/vit-base-patch16-224");  // ViT: no family in the catalog
  CHECK(j["publisher"] == "google");
  CHECK(j["family"].is_null());
  CHECK(j["license"].is_null());
}

TEST_CASE("explain: a publisher by its Hub org, and suggestions are names explain knows", "[e2e][explain][catalog]") {
  nlohmann::json j = Explain("mistralai");
  CHECK(j["type"] == "publisher");
  CHECK(j["publisher"] == "mistral");
  CHECK(j["country"] == "FR");
  CHECK(j["findings"] == nlohmann::json::array());
  TempDir d;
  // "bgee-large" fits no family's grammar ("bge-larg" would: a BGE name).
  RunResult r = Modelprov({"explain", "bgee-large", "--policy", "none"}, d.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("closest known names: ") != std::string::npos);
  // every suggestion is itself explainable
  std::string list = r.err.substr(r.err.find("names: ") + 7);
  list = list.substr(0, list.find(')'));
  size_t start = 0;
  while (start < list.size()) {
    size_t comma = list.find(", ", start);
    std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    INFO(name);
    CHECK(Modelprov({"explain", name, "--policy", "none"}, d.path()).exit_code == 0);
    start = comma == std::string::npos ? list.size() : comma + 2;
  }
}

// Issue 12: explain says which terms apply to a name and why, and agrees with
// the scan: GLM-4.6 through Z.ai's API is bound by the API's terms, the same
// model as a Hub id by its open-weights licence.
TEST_CASE("explain says whether API terms or the weights' licence apply", "[e2e][explain][api-vs-weights]") {
  nlohmann::json api = Explain("glm-4.6");
  CHECK(api["family"] == "glm");
  CHECK(api["country"] == "CN");
  CHECK(api["license"] == "LicenseRef-zai-api-terms");
  CHECK(api["license_category"] == "proprietary-api-terms");
  CHECK(api["license_basis"] == "api-terms");
  nlohmann::json hub = Explain("zai-org/GLM-4.6");
  CHECK(hub["family"] == "glm");
  CHECK(hub["license"] == "MIT");
  CHECK(hub["license_basis"] == "weights");
  // The text report states the basis in words.
  TempDir d;
  RunResult r = Modelprov({"explain", "MiniMax-M2", "--policy", "none"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("license basis:    api-terms") != std::string::npos);
}

TEST_CASE("a Modelfile on deepseek-r1:70b carries Llama 3.3's terms through lineage", "[e2e][catalog][lineage]") {
  TempDir d;
  d.Write("Modelfile", "FROM deepseek-r1:70b\nPARAMETER temperature 0.6\n");
  RunResult r = Modelprov({"scan", "--format", "json", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  REQUIRE(scan["models"].size() == 1);
  const nlohmann::json& m = scan["models"][0];
  CHECK(m["id"] == "deepseek-r1:70b");
  CHECK(m["license"] == "MIT");
  REQUIRE(m["lineage"].size() == 1);
  CHECK(m["lineage"][0]["model"] == "meta-llama/Llama-3.3-70B-Instruct");
  CHECK(m["effective_license_category"] == "restricted-commercial");
  std::vector<std::string> rules;
  for (const auto& f : scan["findings"]) rules.push_back(f["rule"]);
  CHECK(std::find(rules.begin(), rules.end(), "user-cap") != rules.end());
}

// The same model through a vendor's API and as Hub weights, in one scan: the
// JSON and the legal report say which terms bind each use and why.
TEST_CASE("a scan reports which terms apply: API terms for the API name, the licence for the weights",
          "[e2e][api-vs-weights][report]") {
  TempDir d;
  d.Write("app.py",
          "from transformers import AutoModel\n"
          "client.chat.completions.create(model=\"glm-4.6\")\n"
          "m = AutoModel.from_pretrained(\"zai-org/GLM-4.6\")\n");
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::pair<std::string, std::string>> got;
  const nlohmann::json scan = ParseJson(r);
  for (const auto& m : scan["models"]) {
    got[m["id"].get<std::string>()] = {m["license"].get<std::string>(), m["license_basis"].get<std::string>()};
  }
  CHECK(got["glm-4.6"] == std::make_pair(std::string("LicenseRef-zai-api-terms"), std::string("api-terms")));
  CHECK(got["zai-org/GLM-4.6"] == std::make_pair(std::string("MIT"), std::string("weights")));
  RunResult md = Modelprov({"scan", "--format", "markdown", "--policy", "none", "."}, d.path());
  CHECK(md.out.find("- **Terms that apply:** the API's terms: the model is used through Z.ai API (Zhipu AI "
                    "international), whose terms bind it\n") != std::string::npos);
  CHECK(md.out.find("- **Terms that apply:** the open-weights licence: the published checkpoint itself is used\n") !=
        std::string::npos);
}
