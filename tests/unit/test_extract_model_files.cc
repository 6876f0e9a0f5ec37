// config.json, adapter_config.json and model-card extractors.
#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

TEST_CASE("config.json with a Hub name", "[hf-config]") {
  auto ex = MakeHfConfigExtractor();
  auto out = RunExtractor(*ex, "m/config.json",
                          "{\n  \"_name_or_path\": \"Qwen/Qwen2.5-7B-Instruct\",\n  \"architectures\": [\"Qwen2ForCausalLM\"],\n"
                          "  \"model_type\": \"qwen2\",\n  \"vocab_size\": 152064\n}\n");
  REQUIRE(out.refs.size() == 1);
  const ModelReference& r = out.refs[0];
  CHECK(r.kind == ReferenceKind::kModelConfig);
  CHECK(r.text == "Qwen/Qwen2.5-7B-Instruct");
  CHECK(r.location.line == 2);
  CHECK(FactValue(r.FactPairs(), "model_type") == "qwen2");
  CHECK(FactValue(r.FactPairs(), "architectures") == "Qwen2ForCausalLM");
  CHECK(FactValue(r.FactPairs(), "vocab_size") == "152064");
}

TEST_CASE("config.json without a name keeps its fingerprint", "[hf-config]") {
  auto ex = MakeHfConfigExtractor();
  auto out = RunExtractor(*ex, "config.json",
                          "{\"_name_or_path\": \"/tmp/ckpt\", \"architectures\": [\"DeepseekV3ForCausalLM\"],\n"
                          "\"model_type\": \"kimi_k2\", \"text_config\": {\"vocab_size\": 163840}}");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].text == "kimi_k2");
  CHECK(FactValue(out.refs[0].FactPairs(), "name_or_path").empty());
  CHECK(FactValue(out.refs[0].FactPairs(), "vocab_size") == "163840");
}

TEST_CASE("config.json that is not a model config yields nothing", "[hf-config]") {
  auto ex = MakeHfConfigExtractor();
  CHECK(RunExtractor(*ex, "config.json", "{\"port\": 8080, \"model_type\": \"user\"}").refs.empty());
  CHECK(RunExtractor(*ex, "config.json", "[1, 2]").refs.empty());
  auto bad = RunExtractor(*ex, "app/config.json", "{\n\"a\": 1,\n}");
  CHECK(bad.refs.empty());
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].path == "app/config.json");
  CHECK(bad.errors[0].message.rfind("invalid JSON at line 3", 0) == 0);
  auto deep = RunExtractor(*ex, "config.json", std::string(10000, '[') + std::string(10000, ']'));
  REQUIRE(deep.errors.size() == 1);
  CHECK(deep.errors[0].message == "JSON nested deeper than 256 levels; not parsed");
}

TEST_CASE("adapter_config.json names its base model", "[adapter]") {
  auto ex = MakeAdapterConfigExtractor();
  auto out = RunExtractor(*ex, "lora/adapter_config.json",
                          "{\n  \"peft_type\": \"LORA\",\n  \"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B\"\n}");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].kind == ReferenceKind::kAdapterConfig);
  CHECK(out.refs[0].text == "meta-llama/Llama-3.1-8B");
  CHECK(out.refs[0].location.line == 3);
  CHECK(FactValue(out.refs[0].FactPairs(), "peft_type") == "LORA");
  CHECK(RunExtractor(*ex, "adapter_config.json", "{\"peft_type\": \"LORA\"}").refs.empty());
}

TEST_CASE("model card front matter", "[model-card]") {
  auto ex = MakeModelCardExtractor();
  auto out = RunExtractor(*ex, "README.md",
                          "---\nlicense: other\nlicense_name: deepseek\nbase_model:\n- deepseek-ai/DeepSeek-V3\n"
                          "base_model_relation: quantized\n---\n# Card\nbase_model: not/this\n");
  REQUIRE(out.refs.size() == 1);
  const ModelReference& r = out.refs[0];
  CHECK(r.kind == ReferenceKind::kModelCard);
  CHECK(r.text == "deepseek-ai/DeepSeek-V3");
  CHECK(r.location.line == 5);
  CHECK(FactValue(r.FactPairs(), "license_name") == "deepseek");
  CHECK(FactValue(r.FactPairs(), "base_model_relation") == "quantized");
}

TEST_CASE("a card with only a license reports the license", "[model-card]") {
  auto ex = MakeModelCardExtractor();
  auto out = RunExtractor(*ex, "README.md", "---\nlicense: llama3.1\npipeline_tag: text-generation\n---\n");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].text == "llama3.1");
  CHECK(out.refs[0].location.line == 2);
}

TEST_CASE("READMEs that are not model cards yield nothing", "[model-card]") {
  auto ex = MakeModelCardExtractor();
  CHECK(RunExtractor(*ex, "README.md", "# Llama notes\nWe use llama and qwen.\n").refs.empty());
  CHECK(RunExtractor(*ex, "README.md", "---\ntitle: Demo\nsdk: gradio\nlicense: mit\n---\n").refs.empty());
}
