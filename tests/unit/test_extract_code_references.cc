#include <catch2/catch.hpp>

#include "extract/code_references.h"

using namespace modelprov;

namespace {

std::optional<ModelReference> Classify(std::string value, std::string callee, int arg, std::string key) {
  StringLiteral lit;
  lit.value = std::move(value);
  lit.callee = std::move(callee);
  lit.arg_index = arg;
  lit.key = std::move(key);
  lit.line = 7;
  lit.column = 3;
  return ClassifyCodeLiteral(lit);
}

}  // namespace

TEST_CASE("hub loaders make definite Hub ids", "[classify]") {
  auto r = Classify("Qwen/Qwen2.5-7B", "AutoModel.from_pretrained", 0, "");
  REQUIRE(r);
  CHECK(r->kind == ReferenceKind::kHfModelId);
  CHECK(r->evidence == Evidence::kDefinite);
  CHECK(r->location.line == 7);
  CHECK(FactValue(r->FactPairs(), "call") == "AutoModel.from_pretrained");
  // pipeline's first argument is the task, the second the model
  CHECK_FALSE(Classify("text-generation", "pipeline", 0, ""));
  CHECK(Classify("gpt2", "pipeline", 1, "")->evidence == Evidence::kLikely);
  CHECK(Classify("org/x", "pipeline", -1, "model")->evidence == Evidence::kDefinite);
}

TEST_CASE("push_to_hub names the Hub repository a model is published to", "[classify]") {
  auto r = Classify("llamafactory/tiny-random-qwen3", "model.push_to_hub", 0, "");
  REQUIRE(r);
  CHECK(r->kind == ReferenceKind::kHfModelId);
  CHECK(r->evidence == Evidence::kDefinite);
  CHECK_FALSE(Classify("./out", "model.push_to_hub", 0, ""));  // a local path is no Hub id
}

TEST_CASE("local paths are not models", "[classify]") {
  CHECK_FALSE(Classify("./checkpoints/latest", "from_pretrained", 0, ""));
  CHECK_FALSE(Classify("/models/llama", "from_pretrained", 0, ""));
  CHECK_FALSE(Classify("weights/model.safetensors", "from_pretrained", 0, ""));
}

TEST_CASE("model slots make likely API models", "[classify]") {
  auto r = Classify("deepseek-chat", "client.chat.completions.create", -1, "model");
  REQUIRE(r);
  CHECK(r->kind == ReferenceKind::kApiModel);
  CHECK(r->evidence == Evidence::kLikely);
  CHECK(Classify("gpt-4o", "openai", 0, "")->evidence == Evidence::kLikely);
  CHECK(Classify("qwen-max", "builder.modelName", 0, "")->evidence == Evidence::kLikely);
}

TEST_CASE("bare literals are only possible references", "[classify]") {
  CHECK(Classify("gpt-4o", "", -1, "")->evidence == Evidence::kPossible);
  CHECK(Classify("meta-llama/Llama-3.1-8B", "", -1, "")->evidence == Evidence::kPossible);
  CHECK_FALSE(Classify("command", "", -1, ""));  // no digit or dash: too common a word
  CHECK_FALSE(Classify("hello world", "", -1, ""));
  CHECK_FALSE(Classify("", "", -1, "model"));
}

TEST_CASE("values of keys that name something else are no models", "[classify]") {
  CHECK_FALSE(Classify("minimax-thinking", "", -1, "format"));
  CHECK_FALSE(Classify("qwen2-vl", "", -1, "chat_template"));
  CHECK_FALSE(Classify("llama-3.1-8b", "", -1, "reasoningParser"));
  // A bare literal shaped like a file is none.
  CHECK_FALSE(Classify("command-runner.jar", "", -1, "COMMAND_RUNNER"));
  // A model table's id is its model id.
  auto id = Classify("qwen-max", "", -1, "id");
  REQUIRE(id);
  CHECK(id->kind == ReferenceKind::kApiModel);
}

TEST_CASE("URLs are endpoints, likely in endpoint slots", "[classify]") {
  CHECK(Classify("https://api.deepseek.com", "OpenAI", -1, "base_url")->evidence == Evidence::kLikely);
  CHECK(Classify("https://api.deepseek.com/v1", "", -1, "")->evidence == Evidence::kPossible);
  CHECK(Classify("https://x.y/z", "", -1, "baseURL")->kind == ReferenceKind::kApiEndpoint);
}

TEST_CASE("slot names", "[classify]") {
  for (const char* k : {"model", "model_id", "MODEL_NAME", "modelName", "llm_model", "repo_id", "EMBEDDING_MODEL",
                        "pretrained_model_name_or_path", "self.model"}) {
    INFO(k);
    CHECK(IsModelSlotName(k));
  }
  for (const char* k : {"model_path", "model_dir", "models_total", "temperature", "", "qwen_cfg"}) {
    INFO(k);
    CHECK_FALSE(IsModelSlotName(k));
  }
  CHECK(IsEndpointSlotName("base_url"));
  CHECK(IsEndpointSlotName("baseURL"));
  CHECK(IsEndpointSlotName("api_base"));
  CHECK(IsEndpointSlotName("azure_endpoint"));
  CHECK_FALSE(IsEndpointSlotName("url"));
  CHECK_FALSE(IsEndpointSlotName("name"));
}
