#include <catch2/catch.hpp>

#include "extract/config_settings.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
std::vector<std::string> Classify(std::string_view key, std::string_view value, bool bare_provider = false) {
  Setting s;
  s.key = key;
  s.value = value;
  s.key_line = s.value_line = 1;
  s.key_column = 1;
  s.value_column = static_cast<uint32_t>(key.size() + 2);
  s.bare_provider_key = bare_provider;
  return Render(ClassifySetting(s, "f", "t"));
}
}  // namespace

TEST_CASE("setting rules", "[extract][config_settings]") {
  CHECK(Classify("MODEL_ID", "Qwen/Qwen2.5-7B") == std::vector<std::string>{"1:10 hf-model-id Qwen/Qwen2.5-7B ~ key=MODEL_ID"});
  CHECK(Classify("DASHSCOPE_API_KEY", "") == std::vector<std::string>{"1:1 deploy-config DASHSCOPE_API_KEY ? env_var=DASHSCOPE_API_KEY"});
  // A .env.example's placeholder documents the setting; nothing is wired yet.
  CHECK(Classify("OPENAI_API_KEY", "your-api-key-here").empty());
  CHECK(Classify("OPENAI_API_KEY", "sk-xxxxxxxx").empty());
  CHECK(Classify("OPENAI_API_KEY", "${OPENAI_API_KEY}") ==
        std::vector<std::string>{"1:1 deploy-config OPENAI_API_KEY ? env_var=OPENAI_API_KEY"});
  CHECK(Classify("provider", "moonshot", true) ==
        std::vector<std::string>{"1:10 deploy-config moonshot ~ provider=moonshot key=provider"});
  CHECK(Classify("provider", "moonshot", false).empty());
  CHECK(Classify("model_server", "DashScope") ==
        std::vector<std::string>{"1:14 deploy-config DashScope ~ provider=dashscope key=model_server"});
  CHECK(Classify("model", "${MODEL}").empty());
  CHECK(Classify("qwen_cfg", "configs/qwen.yaml").empty());
  CHECK(Classify("title", "gpt-4o").empty());  // a bare value in a config is not a reference
  CHECK(LooksLikeProviderVariable("ZHIPUAI_API_KEY"));
  CHECK_FALSE(LooksLikeProviderVariable("zhipuai_api_key"));
  CHECK_FALSE(LooksLikeProviderVariable("MODEL_NAME"));
}
