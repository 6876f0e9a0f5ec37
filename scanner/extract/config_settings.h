// ConfigSettings: the rules for one `KEY=value` / `key: value` setting in a
// deployment or agent config (.env files, Dockerfile ENV/ARG, compose and
// Kubernetes environments, Helm values, LiteLLM/Continue/Aider files).
// Shared so that every config format applies the same precision rules:
//
// - a model slot (MODEL_ID, OPENAI_MODEL, --model's YAML twin `model:`) holding
//   a name goes through ClassifyCodeLiteral, exactly like `model="x"` in code;
// - a URL value is an api-endpoint (likely when the key is *_BASE_URL and the like);
// - a provider-selection key (`provider: moonshot`, `model_server: dashscope`,
//   `LLM_PROVIDER=zhipuai`) is a deploy-config reference with fact provider=;
// - a variable name that looks like a credential or endpoint
//   (DEEPSEEK_API_KEY, MOONSHOT_BASE_URL) is a possible deploy-config
//   reference with fact env_var=, kept only if the catalog lists that name.
#pragma once

#include <string_view>
#include <vector>

#include "core/model_ref.h"

namespace modelprov {

struct Setting {
  std::string_view key;
  std::string_view value;        // unquoted; may be empty
  uint32_t key_line = 0, key_column = 0;
  uint32_t value_line = 0, value_column = 0;
  // Whether a bare `provider:` key selects an LLM provider here (agent and
  // gateway configs); `LLM_PROVIDER`, `model_provider`, `model_server` always do.
  bool bare_provider_key = false;
};

std::vector<ModelReference> ClassifySetting(const Setting& s, std::string_view path, std::string_view extractor);

// True for names like DEEPSEEK_API_KEY, OPENAI_BASE_URL, DASHSCOPE_API_BASE.
bool LooksLikeProviderVariable(std::string_view name);
// True for provider-selection keys: provider (when allowed), llm_provider,
// model_provider, LLM_PROVIDER, model_server, api_provider.
bool IsProviderSlotName(std::string_view key, bool bare_provider_key);

}  // namespace modelprov
