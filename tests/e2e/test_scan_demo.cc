// The bundled demo (docs/demo) as a user first sees it.
#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;

TEST_CASE("demo scan finds every dependency with its evidence", "[e2e][demo]") {
  RunResult r = Modelprov({"scan", "--format", "json", "docs/demo"}, MODELPROV_SOURCE_DIR);
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(scan["schema_version"] == 1);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app/embeddings.py:4 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5",
                                    "app/embeddings.py:6 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "app/llm_client.py:8 sdk-package openai -> pypi:openai",
      "app/llm_client.py:13 api-endpoint https://api.deepseek.com -> api.deepseek.com",
                                    "app/llm_client.py:19 api-model deepseek-chat -> deepseek-chat",
                                    "app/llm_client.py:29 api-endpoint https://dashscope-intl.aliyuncs.com/compatible-mode/v1 -> dashscope-intl.aliyuncs.com",
                                    "app/llm_client.py:30 api-model qwen-max -> qwen-max",
                                    "models/support-bot/README.md:3 model-card meta-llama/Llama-3.1-8B-Instruct -> local:models/support-bot",
                                    "models/support-bot/adapter_config.json:2 adapter-config meta-llama/Llama-3.1-8B-Instruct -> local:models/support-bot",
                                    "requirements.txt:2 sdk-package openai -> pypi:openai",
                                    "requirements.txt:3 sdk-package dashscope -> pypi:dashscope",
                                    "web/package.json:6 sdk-package @anthropic-ai/sdk -> npm:@anthropic-ai/sdk",
                                    "web/package.json:7 sdk-package openai -> npm:openai",
                                    "web/src/chat.ts:1 sdk-package openai -> npm:openai",
      "web/src/chat.ts:2 sdk-package @anthropic-ai/sdk -> npm:@anthropic-ai/sdk",
      "web/src/chat.ts:9 api-model gpt-4o-mini -> gpt-4o-mini",
                                    "web/src/chat.ts:18 api-model claude-3-5-sonnet-20241022 -> claude-3-5-sonnet-20241022",
                                });
}
