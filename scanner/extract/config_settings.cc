#include "extract/config_settings.h"

#include <initializer_list>

#include "core/text.h"
#include "extract/code_references.h"

namespace modelprov {

namespace {

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeProviderVariable(std::string_view name) {
  if (name.size() < 5 || name.size() > 80) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;  // environment-variable style only: UPPER_SNAKE
  }
  return EndsWithAny(name, {"_API_KEY", "_KEY", "_TOKEN", "_BASE_URL", "_API_BASE", "_API_HOST", "_ENDPOINT", "_ORGANIZATION"});
}

bool IsProviderSlotName(std::string_view key, bool bare_provider_key) {
  std::string k = ToLower(key);
  for (char& c : k) {
    if (c == '-') c = '_';
  }
  if (k == "provider" || k == "api_provider" || k == "api_type") return bare_provider_key;
  return k == "llm_provider" || k == "model_provider" || k == "model_server" || k == "llm_service" ||
         k == "chat_provider" || k == "llm_backend" || k == "modelprovider" || k == "llmprovider";
}

namespace {

// Documentation's placeholder text for a secret ("your-api-key-here",
// "sk-xxxx"). An empty or substituted value is different: a deployment
// (Kubernetes secretKeyRef, compose pass-through) wires the real key in.
bool IsPlaceholderValue(std::string_view value) {
  std::string v = ToLower(value);
  for (std::string_view p : {"your", "xxx", "...", "<", "here", "changeme", "change_me", "replace", "example",
                             "dummy", "placeholder", "todo"}) {
    if (v.find(p) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<ModelReference> ClassifySetting(const Setting& s, std::string_view path, std::string_view extractor) {
  std::vector<ModelReference> out;
  std::string_view value = Trim(s.value);
  auto base = [&](ReferenceKind kind, std::string text, Evidence e, uint32_t line, uint32_t col) {
    ModelReference ref;
    ref.kind = kind;
    ref.text = std::move(text);
    ref.evidence = e;
    ref.location = {std::string(path), line, col};
    ref.extractor = std::string(extractor);
    return ref;
  };
  bool templated = value.find('$') != std::string_view::npos || value.find("{{") != std::string_view::npos;
  // OPENAI_BASE_URL=https://api.deepseek.com: the URL says which provider is
  // called (OpenAI-compatible clients are pointed at other vendors this way),
  // so the variable's name is no reference of its own.
  bool url_names_endpoint = !templated && LooksLikeUrl(value) && EndsWithAny(s.key, {"_BASE_URL", "_API_BASE", "_API_HOST", "_ENDPOINT"});
  // OPENAI_API_KEY=your-api-key-here in a .env.example documents a setting;
  // nothing is wired to the provider yet.
  if (LooksLikeProviderVariable(s.key) && !url_names_endpoint && !IsPlaceholderValue(value)) {
    ModelReference ref = base(ReferenceKind::kDeployConfig, std::string(s.key), Evidence::kPossible, s.key_line,
                              s.key_column);
    ref.SetFacts<DeployFacts>().env_var = std::string(s.key);
    out.push_back(std::move(ref));
  }
  if (value.empty() || templated) return out;
  if (IsProviderSlotName(s.key, s.bare_provider_key)) {
    bool word = value.size() <= 64 && value.find_first_of(" /:") == std::string_view::npos;
    if (word) {
      ModelReference ref = base(ReferenceKind::kDeployConfig, std::string(value), Evidence::kLikely, s.value_line,
                                s.value_column);
      DeployFacts& f = ref.SetFacts<DeployFacts>();
      f.provider = ToLower(value);
      f.key = std::string(s.key);
      out.push_back(std::move(ref));
    }
    return out;
  }
  // Everything else follows the source-code rules, with the key as the slot.
  StringLiteral lit;
  lit.value = std::string(value);
  lit.key = std::string(s.key);
  lit.line = s.value_line;
  lit.column = s.value_column;
  bool slot = IsModelSlotName(s.key) || IsEndpointSlotName(s.key);
  if (!slot && !LooksLikeUrl(value)) return out;  // a bare value in a config is not a reference
  if (std::optional<ModelReference> ref = ClassifyCodeLiteral(lit)) {
    ref->location.path = std::string(path);
    ref->extractor = std::string(extractor);
    out.push_back(std::move(*ref));
  }
  return out;
}

}  // namespace modelprov
