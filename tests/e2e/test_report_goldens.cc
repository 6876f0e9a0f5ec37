// The legal-review reports (markdown, markdown-summary, html) rendered from a
// real scan of a fixture repository built here, compared with
// tests/golden/<format>/scan.golden. Volatile parts (the timestamp, the tool
// version, the temporary directory) are normalised first.
// To regenerate after an intended change:
//   MODELPROV_UPDATE_GOLDEN=1 ./e2e_tests "[golden]"   (then review the diff)
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::string Normalise(std::string s, const std::filesystem::path& tmp) {
  s = ReplaceAll(s, tmp.string(), "<tmp>");
  s = std::regex_replace(s, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"), "<timestamp>");
  s = std::regex_replace(s, std::regex(R"(modelprov \d+\.\d+\.\d+[0-9A-Za-z.+-]*)"), "modelprov <version>");
  return s;
}

void CheckGolden(const std::string& format, const std::string& actual) {
  std::filesystem::path path = std::filesystem::path(MODELPROV_SOURCE_DIR) / "tests/golden" / format / "scan.golden";
  const char* update = std::getenv("MODELPROV_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
  }
  INFO("golden file " << path.string() << " (MODELPROV_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(std::filesystem::exists(path));
  CHECK(actual == ReadFile(path));
}

// A small product: a chat client on OpenAI's API (three models, two files),
// a Qwen model used in seven places, a LoRA adapter on Llama 3.1 whose own
// card says Apache-2.0 (so it inherits Llama's terms), a
// non-commercial image model, a permissive embedder, a model nobody knows,
// and a team policy that flags Chinese publishers and non-commercial terms
// (own or inherited).
void WriteFixture(const TempDir& dir) {
  dir.Write("app/chat.py",
            "from openai import OpenAI\n"
            "client = OpenAI()\n"
            "\n"
            "def answer(q):\n"
            "    return client.chat.completions.create(model=\"gpt-4o\", messages=[q])\n"
            "\n"
            "def cheap(q):\n"
            "    return client.chat.completions.create(model=\"gpt-4o-mini\", messages=[q])\n");
  dir.Write("app/search.py",
            "from openai import OpenAI\n"
            "client = OpenAI()\n"
            "vectors = client.embeddings.create(model=\"text-embedding-3-small\", input=docs)\n"
            "backup = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n");
  dir.Write("app/local_llm.py",
            "from transformers import AutoModelForCausalLM\n"
            "llm = AutoModelForCausalLM.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  // Six more uses of the same model: its evidence list folds after five.
  std::string batch = "from transformers import AutoModelForCausalLM\n";
  for (int i = 1; i <= 6; ++i) {
    batch += "worker_" + std::to_string(i) + " = AutoModelForCausalLM.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
  }
  dir.Write("app/batch.py", batch);
  dir.Write("app/images.py",
            "from diffusers import DiffusionPipeline\n"
            "pipe = DiffusionPipeline.from_pretrained(\"black-forest-labs/FLUX.1-dev\")\n");
  dir.Write("app/embed.py",
            "from sentence_transformers import SentenceTransformer\n"
            "EMBEDDER = SentenceTransformer(\"BAAI/bge-large-en-v1.5\")\n");
  dir.Write("app/mystery.py",
            "from transformers import AutoModel\n"
            "m = AutoModel.from_pretrained(\"mystery-lab/secret-model\")\n");
  dir.Write("models/support-bot/adapter_config.json",
            "{\n  \"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B-Instruct\",\n  \"peft_type\": \"LORA\",\n"
            "  \"task_type\": \"CAUSAL_LM\"\n}\n");
  dir.Write("models/support-bot/README.md",
            "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\nbase_model_relation: adapter\n"
            "library_name: peft\n---\n\n# support-bot\n\nLoRA adapter trained on our support tickets.\n");
  dir.Write(".modelprov.yml",
            "rules:\n"
            "  - id: no-cn-origin\n"
            "    severity: error\n"
            "    message: \"{model} comes from {publisher} ({country})\"\n"
            "    how_to_fix: \"Replace it with an approved model, or add a waiver.\"\n"
            "    when:\n"
            "      country: [CN]\n"
            "  - id: non-commercial\n"
            "    severity: warning\n"
            "    message: \"{model} is {effective_license_category} (its own license or a base model's)\"\n"
            "    when:\n"
            "      effective_license_category: [non-commercial]\n"
            "  - id: unknown-license\n"
            "    severity: warning\n"
            "    message: \"{model}: license unknown\"\n"
            "    when:\n"
            "      license: unknown\n");
}

}  // namespace

TEST_CASE("legal-review reports of a real scan match their golden files", "[e2e][report][golden]") {
  TempDir dir;
  WriteFixture(dir);
  RunResult r = Modelprov({"scan", ".", "--fail-on", "none", "--format", "json", "--output", "scan.json", "--report",
                           "markdown=full.md", "--report", "markdown-summary=summary.md", "--report", "html=report.html"},
                          dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The effective category is computed once, in the scan.
  nlohmann::json scan = nlohmann::json::parse(ReadFile(dir.path() / "scan.json"));
  bool adapter = false;
  for (const auto& m : scan["models"]) {
    REQUIRE(m.contains("effective_license_category"));
    if (m["id"] != "local:models/support-bot") continue;
    adapter = true;
    CHECK(m["license_category"] == "permissive");
    CHECK(m["effective_license_category"] == "restricted-commercial");
  }
  CHECK(adapter);
  std::string md = Normalise(ReadFile(dir.path() / "full.md"), dir.path());
  std::string summary = Normalise(ReadFile(dir.path() / "summary.md"), dir.path());
  std::string html = Normalise(ReadFile(dir.path() / "report.html"), dir.path());

  // What the goldens must show, checked by name so a regenerated golden
  // cannot silently lose it.
  // Risk first: the non-commercial model is brought forward.
  size_t decisions = md.find("## Needs a decision");
  REQUIRE(decisions != std::string::npos);
  CHECK(decisions < md.find("## Obligations by license"));
  CHECK(md.find("[Non-commercial use only](#risk-non-commercial): 1 model") != std::string::npos);
  CHECK(md.find("[`black-forest-labs/FLUX.1-dev`](#model-black-forest-labs-flux-1-dev)") != std::string::npos);
  // Obligations once per license: the OpenAI terms bind three models in one entry.
  size_t openai = md.find("<a id=\"license-");
  CHECK(openai != std::string::npos);
  // The adapter is bound by Llama's license through its base.
  CHECK(md.find("[`local:models/support-bot`](#model-local-models-support-bot) (through meta-llama/Llama-3.1-8B-Instruct)") !=
        std::string::npos);
  CHECK(md.find("Built with Llama") != std::string::npos);
  // Grouped findings show every place.
  CHECK(md.find("`app/batch.py:2`; also at `app/batch.py:3`") != std::string::npos);
  CHECK(md.find("`app/local_llm.py:2` |") != std::string::npos);
  // The policy saw the effective category.
  CHECK(md.find("is non-commercial (its own license or a base model") != std::string::npos);
  CHECK(summary.find("the full report `full.md`") != std::string::npos);
  CHECK(summary.size() < 60000);
  CHECK(html.find("<nav class=\"toc\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);

  CheckGolden("markdown", md);
  CheckGolden("markdown-summary", summary);
  CheckGolden("html", html);

  // `report --from` renders the same documents from the saved scan.
  for (const auto& [format, file] : {std::pair{"markdown", "full.md"}, std::pair{"html", "report.html"}}) {
    RunResult later = Modelprov({"report", "--from", "scan.json", "--format", format}, dir.path());
    REQUIRE(later.exit_code == 0);
    CHECK(Normalise(later.out, dir.path()) == Normalise(ReadFile(dir.path() / file), dir.path()));
  }
}
