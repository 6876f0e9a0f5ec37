#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("LiteLLM model_list", "[extract][gateway_config]") {
  auto e = MakeGatewayConfigExtractor();
  std::string text =
      "model_list:\n"
      "  - model_name: chat\n"
      "    litellm_params:\n"
      "      model: deepseek/deepseek-chat\n"
      "      api_base: https://api.deepseek.com\n"
      "      api_key: os.environ/DEEPSEEK_API_KEY\n"
      "  - model_name: qwen\n"
      "    litellm_params:\n"
      "      model: openrouter/qwen/qwen-2.5-72b-instruct\n";
  CHECK(RunExtractor(*e, "proxy/config.yaml", text) ==
        std::vector<std::string>{
            "2:17 api-model chat ~ key=model_name",
            "4:14 hf-model-id deepseek/deepseek-chat ~ key=model",
            "5:17 api-endpoint https://api.deepseek.com ~ key=api_base",
            "6:27 deploy-config DEEPSEEK_API_KEY ? env_var=DEEPSEEK_API_KEY",
            "7:17 api-model qwen ~ key=model_name",
            "9:14 api-model openrouter/qwen/qwen-2.5-72b-instruct ~ key=model",
        });
}

TEST_CASE("Continue, Aider and provider keys in LLM sections", "[extract][gateway_config]") {
  auto e = MakeGatewayConfigExtractor();
  std::string cont =
      "name: my-assistant\n"
      "models:\n"
      "  - name: Qwen Max\n"
      "    provider: dashscope\n"
      "    model: qwen-max\n"
      "    apiBase: https://dashscope-intl.aliyuncs.com/compatible-mode/v1\n";
  CHECK(RunExtractor(*e, ".continue/config.yaml", cont) ==
        std::vector<std::string>{
            "4:15 deploy-config dashscope ~ provider=dashscope key=provider",
            "5:12 api-model qwen-max ~ key=model",
            "6:14 api-endpoint https://dashscope-intl.aliyuncs.com/compatible-mode/v1 ~ key=apiBase",
        });
  std::string json =
      "{\n"
      "  \"models\": [\n"
      "    {\"title\": \"Kimi\", \"provider\": \"moonshot\", \"model\": \"kimi-k2-0905-preview\"}\n"
      "  ]\n"
      "}\n";
  CHECK(RunExtractor(*e, ".continue/config.json", json) ==
        std::vector<std::string>{"3:36 deploy-config moonshot ~ provider=moonshot key=provider",
                                 "3:57 api-model kimi-k2-0905-preview ~ key=model"});
  std::string json2 =
      "{\n"
      "  \"models\": [{\n"
      "    \"provider\": \"moonshot\",\n"
      "    \"model\": \"kimi-k2-0905-preview\"\n"
      "  }]\n"
      "}\n";
  CHECK(RunExtractor(*e, ".continue/config.json", json2) ==
        std::vector<std::string>{"3:18 deploy-config moonshot ~ provider=moonshot key=provider",
                                 "4:15 api-model kimi-k2-0905-preview ~ key=model"});
  CHECK(RunExtractor(*e, ".aider.conf.yml", "model: deepseek/deepseek-reasoner\nweak-model: deepseek/deepseek-chat\n") ==
        std::vector<std::string>{"1:8 hf-model-id deepseek/deepseek-reasoner ~ key=model",
                                 "2:13 hf-model-id deepseek/deepseek-chat ~ key=weak-model"});
  std::string agent =
      "llm:\n"
      "  model_server: dashscope\n"
      "  provider: moonshot\n"
      "serverless:\n"
      "  provider: aws\n";
  CHECK(RunExtractor(*e, "agent.yaml", agent) ==
        std::vector<std::string>{"2:17 deploy-config dashscope ~ provider=dashscope key=model_server",
                                 "3:13 deploy-config moonshot ~ provider=moonshot key=provider"});
}

TEST_CASE("gateway config negatives", "[extract][gateway_config]") {
  auto e = MakeGatewayConfigExtractor();
  CHECK(RunExtractor(*e, "serverless.yml", "provider:\n  name: aws\nprovider_region: x\n").empty());
  CHECK(RunExtractor(*e, "mkdocs.yml", "site_name: Qwen notes\ntheme: material\n").empty());
  // Deployment files are deploy-yaml's, not read twice.
  CHECK(RunExtractor(*e, "docker-compose.yml", "services:\n  a:\n    environment:\n      OPENAI_MODEL: gpt-4o\n").empty());
}
