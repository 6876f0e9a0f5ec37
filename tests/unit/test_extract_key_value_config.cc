#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("TOML and INI settings: model slots, URLs and provider keys", "[extract][key_value_config]") {
  auto e = MakeKeyValueConfigExtractor();
  std::string toml =
      "# Codex CLI\n"
      "model = \"o3\"\n"
      "model_provider = \"moonshot\"\n"
      "[llm]\n"
      "llm.model = 'deepseek-chat'  # the default\n"
      "base_url = \"https://api.deepseek.com/v1\"\n"
      "models = [\"gpt-4o\"]\n"
      "name = \"qwen_cfg\"\n";
  CHECK(RunExtractor(*e, "config.toml", toml) ==
        std::vector<std::string>{
            "2:10 api-model o3 ~ key=model",
            "3:19 deploy-config moonshot ~ provider=moonshot key=model_provider",
            "5:14 api-model deepseek-chat ~ key=model",
            "6:13 api-endpoint https://api.deepseek.com/v1 ~ key=base_url",
        });
  std::string ini =
      "[openai]\n"
      "; comment: model = gpt-4o\n"
      "model: qwen-max ; inline\n"
      "endpoint = https://dashscope.aliyuncs.com/compatible-mode/v1\n";
  CHECK(RunExtractor(*e, "settings.ini", ini) ==
        std::vector<std::string>{
            "3:8 api-model qwen-max ~ key=model",
            "4:12 api-endpoint https://dashscope.aliyuncs.com/compatible-mode/v1 ~ key=endpoint",
        });
  CHECK(RunExtractor(*e, "Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\nserde = \"1\"\n").empty());
}
