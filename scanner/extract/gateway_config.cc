// LLM gateway and agent configs: LiteLLM proxy `model_list`, Continue
// (`.continue/config.yaml|json`: models with provider/model/apiBase), Aider
// (`.aider.conf.yml`: model, weak-model, editor-model), and any other YAML
// that configures an LLM (`llm: {provider: moonshot, model: ...}`,
// `model_server: dashscope`). Every `key: value` goes through the setting
// rules (config_settings.h); a bare `provider:` key counts only in these
// LLM configs, so `provider: aws` in a serverless file yields nothing.
// Deployment YAML (compose, Kubernetes, Helm, CI) is deploy-yaml's.
#include "core/text.h"
#include "extract/code_references.h"
#include "extract/config_settings.h"
#include "extract/deploy_yaml_kind.h"
#include "extract/extractors.h"
#include "extract/yaml_nodes.h"

namespace modelprov {
namespace {

bool LlmSection(std::string_view key) {
  std::string k = ToLower(key);
  return k == "llm" || k == "llms" || k == "model" || k == "models" || k == "model_list" || k == "chat_model" ||
         k == "agent" || k == "agents" || k == "litellm_params" || k == "embeddings" || k == "embedding";
}

// LiteLLM writes secrets as `api_key: os.environ/DEEPSEEK_API_KEY`.
constexpr std::string_view kLiteLlmEnv = "os.environ/";

class GatewayConfigExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "llm-config"; }
  std::vector<std::string> globs() const override {
    return {"**/*.yml", "**/*.yaml", "**/.continue/config.json"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (IEquals(BaseName(in.path), "config.json")) return ExtractJson(in, sink);
    if (in.text.size() > kMaxConfigYamlBytes) return;
    std::vector<YamlNode> nodes = ReadYamlNodes(in.text);
    if (DetectDeployYaml(in.path, nodes) != DeployYamlKind::kNone) return;
    std::string base = ToLower(BaseName(in.path));
    bool llm_file = base == ".aider.conf.yml" || base == ".aider.conf.yaml" ||
                    IContains(in.path, ".continue/") || IContains(base, "litellm");
    for (const YamlNode& n : nodes) {
      if (n.path.empty() && (n.key == "model_list" || n.key == "litellm_settings")) llm_file = true;
    }
    for (const YamlNode& n : nodes) {
      if (n.key.empty() || n.value.empty() || n.flow_list) continue;
      bool llm_context = llm_file;
      for (const std::string& p : n.path) llm_context = llm_context || LlmSection(p);
      Setting s;
      s.key = n.key;
      s.value = n.value;
      s.key_line = s.value_line = n.line;
      s.key_column = n.key_column;
      s.value_column = n.column;
      s.bare_provider_key = llm_context;
      std::string env_var;
      if (IStartsWith(n.value, kLiteLlmEnv)) {
        env_var = n.value.substr(kLiteLlmEnv.size());
        s.key = env_var;
        s.value = {};
        s.key_column = n.column + static_cast<uint32_t>(kLiteLlmEnv.size());
      }
      bool interesting = IsModelSlotName(s.key) || IsEndpointSlotName(s.key) ||
                         IsProviderSlotName(s.key, llm_context) || LooksLikeProviderVariable(s.key);
      if (!interesting) continue;
      for (ModelReference& r : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(r));
    }
  }

 private:
  // Continue's config.json: every `"key": "value"` pair, read line by line so
  // each keeps its position (nested objects need no parse for this).
  void ExtractJson(const ExtractInput& in, ReferenceSink& sink) const {
    uint32_t line_no = 0;
    for (std::string_view line : Split(in.text, '\n')) {
      ++line_no;
      size_t from = 0;
      while (true) {
        size_t k0 = line.find('"', from);
        if (k0 == std::string_view::npos) break;
        size_t k1 = line.find('"', k0 + 1);
        if (k1 == std::string_view::npos) break;
        from = k1 + 1;
        size_t colon = line.find_first_not_of(" \t", k1 + 1);
        if (colon == std::string_view::npos || line[colon] != ':') continue;
        size_t v0 = line.find_first_not_of(" \t", colon + 1);
        if (v0 == std::string_view::npos || line[v0] != '"') continue;
        size_t v1 = line.find('"', v0 + 1);
        if (v1 == std::string_view::npos) break;
        from = v1 + 1;
        Setting s;
        s.key = line.substr(k0 + 1, k1 - k0 - 1);
        s.value = line.substr(v0 + 1, v1 - v0 - 1);
        s.key_line = s.value_line = line_no;
        s.key_column = static_cast<uint32_t>(k0 + 2);
        s.value_column = static_cast<uint32_t>(v0 + 2);
        s.bare_provider_key = true;
        bool interesting = IsModelSlotName(s.key) || IsEndpointSlotName(s.key) ||
                           IsProviderSlotName(s.key, true) || LooksLikeProviderVariable(s.key);
        if (!interesting) continue;
        for (ModelReference& r : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(r));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeGatewayConfigExtractor() { return std::make_unique<GatewayConfigExtractor>(); }

}  // namespace modelprov
