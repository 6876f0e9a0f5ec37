// extract/text_context.h: the slot a candidate sits in, read from its line
// without knowing the file's language.
#include <catch2/catch.hpp>

#include <string>

#include "extract/text_context.h"

using namespace modelprov;

namespace {

// The context of the first occurrence of `token` in the one-line `line`.
TextContext At(const std::string& line, const std::string& token) {
  size_t b = line.find(token);
  REQUIRE(b != std::string::npos);
  return ReadTextContext(line, 0, line.size(), b, b + token.size());
}

}  // namespace

TEST_CASE("keys of assignments, objects and keyword arguments", "[extract][context]") {
  TextContext c = At("client.create(model=\"qwen-max\")", "qwen-max");
  CHECK(c.key == "model");
  CHECK(c.quoted);
  CHECK_FALSE(c.is_call);
  CHECK(At("  \"model\": \"deepseek-chat\",", "deepseek-chat").key == "model");
  CHECK(At("model: qwen2.5:7b", "qwen2.5:7b").key == "model");
  CHECK(At("MODEL=qwen3-8b", "qwen3-8b").key == "model");
  CHECK(At("self.config.llm_model = 'glm-4'", "glm-4").key == "llm_model");
  CHECK(At("x := \"gpt-4o\"", "gpt-4o").key == "x");
  CHECK(At("'model' => 'gpt-4o'", "gpt-4o").key == "model");
  CHECK(At("if name == \"gpt-4o\":", "gpt-4o").key.empty());  // a comparison is no slot
  CHECK(At("std::glm::vec3", "vec3").key.empty());           // a scope is no key
}

TEST_CASE("calls, positional arguments and flags", "[extract][context]") {
  TextContext c = At("ollama.WithModel(\"mistral\")", "mistral");
  CHECK(c.is_call);
  CHECK(c.key == "withmodel");
  CHECK(At("hf_hub_download(\"Qwen/Qwen3-8B\", \"config.json\")", "config.json").key == "hf_hub_download");
  TextContext f = At("vllm serve --model deepseek-ai/DeepSeek-R1 --port 8000", "deepseek-ai/DeepSeek-R1");
  CHECK(f.is_flag);
  CHECK(f.key == "--model");
  CHECK(At("--which \"glm4-new\"", "glm4-new").key == "--which");
  // argparse names the slot in its flag
  CHECK(At("p.add_argument(\"--base_model\", default=\"x/llama-7b\")", "x/llama-7b").key == "--base_model");
}

TEST_CASE("list items and line roles", "[extract][context]") {
  CHECK(At("  - qwen2.5:7b", "qwen2.5:7b").list_item);
  CHECK(At("import dashscope", "dashscope").role == LineRole::kImport);
  CHECK(At("from zhipuai import ZhipuAI", "zhipuai").role == LineRole::kImport);
  CHECK(At("const OpenAI = require(\"openai\");", "openai\"").role == LineRole::kImportCall);
  CHECK(At("use async_openai::Client;", "async_openai").role == LineRole::kImport);
  CHECK(At("using Microsoft.SemanticKernel;", "Microsoft").role == LineRole::kImport);
  // Sentences that start like statements are prose.
  CHECK(At("// from the runtime. These stats are grouped together because", "together").role == LineRole::kOther);
  CHECK(At("#   using these together is needed", "together").role == LineRole::kOther);
  CHECK(At("\"use strict\";var d=require(\"x\"), together = 1", "together").role == LineRole::kImportCall);
  CHECK(At("    \"import anthropic\\n\",", "anthropic").role == LineRole::kImport);  // a notebook cell line
  CHECK(At("!pip install zhipuai", "zhipuai").role == LineRole::kInstall);
  CHECK(At("$ ollama run qwen2.5:7b", "qwen2.5:7b").role == LineRole::kModelTool);
  CHECK(At("huggingface-cli download Qwen/Qwen3-8B", "Qwen/Qwen3-8B").role == LineRole::kModelTool);
  CHECK(At("print(\"hello\")", "hello").role == LineRole::kOther);
}

TEST_CASE("which keys are model, provider and non-model slots", "[extract][context]") {
  for (const char* k : {"model", "model_name", "modelId", "llm_model", "LLM_MODEL", "engine", "deployment_name",
                        "--model", "--served-model-name", "withmodel", "from_pretrained", "repo_id"}) {
    CAPTURE(k);
    CHECK(IsModelSlot(k));
  }
  for (const char* k : {"template", "chat_template", "output_dir", "run_name", "title", "aria-label", "format",
                        "model_type", "model_family", "--which", ""}) {
    CAPTURE(k);
    CHECK_FALSE(IsModelSlot(k));
  }
  for (const char* k : {"provider", "apiProvider", "model_server", "api_type", "llm_provider", "providerName"}) {
    CAPTURE(k);
    CHECK(IsProviderSlot(k));
  }
  CHECK_FALSE(IsProviderSlot("platform_type"));
  CHECK(IsNonModelSlot("template"));
  CHECK(IsNonModelSlot("export_dir"));
}
