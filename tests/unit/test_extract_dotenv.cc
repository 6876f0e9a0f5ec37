#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE(".env settings", "[extract][dotenv]") {
  auto e = MakeDotenvExtractor();
  std::string text =
      "# LLM settings\n"
      "OPENAI_BASE_URL=https://api.deepseek.com/v1\n"
      "OPENAI_MODEL=\"deepseek-chat\"  \n"
      "export MOONSHOT_API_KEY=\n"
      "LLM_PROVIDER=zhipuai # China region\n";
  CHECK(RunExtractor(*e, ".env.example", text) ==
        std::vector<std::string>{
            // the URL names the provider; OPENAI_ in the variable's name does not
            "2:17 api-endpoint https://api.deepseek.com/v1 ~ key=OPENAI_BASE_URL",
            "3:15 api-model deepseek-chat ~ key=OPENAI_MODEL",
            "4:8 deploy-config MOONSHOT_API_KEY ? env_var=MOONSHOT_API_KEY",
            "5:14 deploy-config zhipuai ~ provider=zhipuai key=LLM_PROVIDER",
        });
}

TEST_CASE(".env negatives", "[extract][dotenv]") {
  auto e = MakeDotenvExtractor();
  std::string text =
      "DATABASE_URL=postgres://localhost/app\n"
      "DEBUG=true\n"
      "qwen_cfg=configs/qwen.yaml\n"
      "MODEL_PATH=./models/local\n"
      "not an assignment\n";
  CHECK(RunExtractor(*e, "prod.env", text).empty());
}

TEST_CASE(".env: an endpoint variable without a literal URL still names its provider", "[extract][dotenv]") {
  auto e = MakeDotenvExtractor();
  CHECK(RunExtractor(*e, ".env", "DEEPSEEK_BASE_URL=${BASE}\nOPENAI_API_BASE=\n") ==
        std::vector<std::string>{"1:1 deploy-config DEEPSEEK_BASE_URL ? env_var=DEEPSEEK_BASE_URL",
                                 "2:1 deploy-config OPENAI_API_BASE ? env_var=OPENAI_API_BASE"});
}
