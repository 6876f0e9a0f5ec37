#include "extract/code_references.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/name_grammar.h"
#include "core/text.h"
#include "extract/text_context.h"

namespace modelprov {
namespace {

std::string_view LastSegment(std::string_view dotted) {
  size_t dot = dotted.find_last_of('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// Splits "modelName", "MODEL_NAME", "model-id" into lowercase words.
std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    bool upper = c >= 'A' && c <= 'Z';
    bool prev_lower = i > 0 && key[i - 1] >= 'a' && key[i - 1] <= 'z';
    if (c == '_' || c == '-' || c == ' ') {
      if (!cur.empty()) words.push_back(cur), cur.clear();
      continue;
    }
    if (upper && prev_lower && !cur.empty()) words.push_back(cur), cur.clear();
    cur.push_back(AsciiLower(c));
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

// Calls whose model argument is a Hub id (transformers, sentence-transformers,
// huggingface_hub, diffusers, vLLM, transformers.js, llama-cpp-python).
// push_to_hub names the Hub repository the code publishes a model to: a
// model of the project's (often a derivative) that others then load.
constexpr std::array<std::string_view, 15> kHubLoaders = {
    "from_pretrained", "from_single_file", "SentenceTransformer", "CrossEncoder",
    "snapshot_download", "hf_hub_download", "pipeline", "LLM", "AsyncLLMEngine",
    "HuggingFaceEmbeddings", "HuggingFaceEndpoint", "from_model_id", "SparseEncoder", "StaticEmbedding",
    "push_to_hub"};

// Provider factories whose first argument is a hosted model name (Vercel AI
// SDK: openai("gpt-4o"), anthropic("claude-..."), deepseek("deepseek-chat")).
constexpr std::array<std::string_view, 14> kApiFactories = {
    "openai", "anthropic", "deepseek", "google", "mistral", "groq", "xai", "togetherai",
    "fireworks", "cohere", "alibaba", "qwen", "moonshotai", "openrouter"};

// Builder-style setters: .modelName("x"), .model("x"), withModel("x").
constexpr std::array<std::string_view, 6> kModelSetters = {"model", "modelName", "modelId", "withModel",
                                                          "setModel", "model_name"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool LocalPathLike(std::string_view s) {
  if (s.empty()) return true;
  if (s[0] == '.' || s[0] == '/' || s[0] == '~' || s.find('\\') != std::string_view::npos) return true;
  static constexpr std::array<std::string_view, 16> kFileExts = {
      ".json", ".txt", ".bin", ".py", ".gguf", ".safetensors", ".pt", ".pth", ".yaml", ".yml", ".csv",
      ".png", ".jpg", ".onnx", ".md", ".html"};
  for (std::string_view ext : kFileExts) {
    if (s.size() > ext.size() && IEquals(s.substr(s.size() - ext.size()), ext)) return true;
  }
  return false;
}

bool NameChars(std::string_view s, std::string_view extra) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || extra.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

ModelReference Make(ReferenceKind kind, std::string_view text, Evidence evidence, const StringLiteral& lit) {
  ModelReference ref;
  ref.kind = kind;
  ref.text = std::string(text);
  ref.evidence = evidence;
  ref.location.line = lit.line;
  ref.location.column = lit.column;
  if (lit.callee.empty() && lit.key.empty()) return ref;
  // Every kind made here is a name in a code slot: a Hub id keeps Hub facts,
  // an API model or host the API-call ones.
  if (kind == ReferenceKind::kHfModelId) {
    HubIdFacts& f = ref.SetFacts<HubIdFacts>();
    f.call = lit.callee;
    f.key = lit.key;
  } else {
    ApiCallFacts& f = ref.SetFacts<ApiCallFacts>();
    f.call = lit.callee;
    f.key = lit.key;
  }
  return ref;
}

}  // namespace

bool LooksLikeHubId(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= s.size()) return false;
  if (s.find('/', slash + 1) != std::string_view::npos) return false;
  if (s.size() > 192 || LocalPathLike(s)) return false;
  std::string_view org = s.substr(0, slash), name = s.substr(slash + 1);
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  return alnum(org[0]) && alnum(name[0]) && NameChars(org, "") && NameChars(name, "") &&
         name.find("..") == std::string_view::npos;
}

bool LooksLikeModelName(std::string_view s) {
  if (s.size() < 2 || s.size() > 128 || LocalPathLike(s)) return false;
  char c = s[0];
  bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return alnum && NameChars(s, ":/@");
}

bool LooksLikeUrl(std::string_view s) {
  return (IStartsWith(s, "https://") || IStartsWith(s, "http://") || IStartsWith(s, "wss://")) &&
         s.find_first_of(" \t\n\"'<>") == std::string_view::npos && s.size() > 10;
}

bool IsModelSlotName(std::string_view key) {
  std::vector<std::string> w = Words(LastSegment(key));
  if (w.empty()) return false;
  if (w.size() == 2 && w[0] == "repo" && w[1] == "id") return true;
  if (w.size() >= 4 && w[w.size() - 3] == "name" && w[w.size() - 2] == "or" && w.back() == "path") return true;
  bool has_model = std::any_of(w.begin(), w.end(), [](const std::string& x) {
    return x == "model" || x == "models" || x == "llm" || x == "engine" || x == "checkpoint";
  });
  if (!has_model) return false;
  const std::string& last = w.back();
  return last == "model" || last == "models" || last == "name" || last == "id" || last == "llm" ||
         last == "engine" || last == "checkpoint" || last == "repo" || last == "tag";
}

bool IsEndpointSlotName(std::string_view key) {
  std::vector<std::string> w = Words(LastSegment(key));
  if (w.empty()) return false;
  const std::string& last = w.back();
  if (last == "endpoint" || last == "host") return true;
  if (last == "url" || last == "base" || last == "uri") {
    return w.size() >= 2 || last == "base";
  }
  return false;
}

std::optional<ModelReference> ClassifyCodeLiteral(const StringLiteral& lit) {
  std::string_view v = Trim(lit.value);
  if (v.empty() || v.size() > 512 || v.size() != lit.value.size()) return std::nullopt;
  if (LooksLikeUrl(v)) {
    if (lit.interpolated && v.find('{') < v.find('/', 8)) return std::nullopt;  // host is a substitution
    Evidence e = IsEndpointSlotName(lit.key) ? Evidence::kLikely : Evidence::kPossible;
    return Make(ReferenceKind::kApiEndpoint, v, e, lit);
  }
  if (lit.interpolated) return std::nullopt;
  std::string_view callee = LastSegment(lit.callee);
  bool hub_call = OneOf(kHubLoaders, callee);
  int model_position = callee == "pipeline" ? 1 : 0;
  bool keyed = IsModelSlotName(lit.key);
  bool positional_model = lit.arg_index == model_position && lit.key.empty();

  if (hub_call && (positional_model || keyed)) {
    if (LooksLikeHubId(v)) return Make(ReferenceKind::kHfModelId, v, Evidence::kDefinite, lit);
    if (LooksLikeModelName(v) && v.find('/') == std::string_view::npos && v.find(':') == std::string_view::npos) {
      return Make(ReferenceKind::kHfModelId, v, Evidence::kLikely, lit);
    }
    return std::nullopt;
  }
  // The other positional arguments of a Hub loader (pipeline's task, a
  // revision) are not models.
  if (hub_call && lit.arg_index >= 0 && lit.key.empty()) return std::nullopt;
  bool api_slot = keyed || (lit.arg_index == 0 && lit.key.empty() &&
                            (OneOf(kApiFactories, callee) || OneOf(kModelSetters, callee)));
  if (api_slot) {
    if (LooksLikeHubId(v)) return Make(ReferenceKind::kHfModelId, v, Evidence::kLikely, lit);
    if (LooksLikeModelName(v)) return Make(ReferenceKind::kApiModel, v, Evidence::kLikely, lit);
    return std::nullopt;
  }
  // The value of a key that names something else (a format, a template, a
  // parser, an architecture) is no model even when it reads like one:
  // format: "minimax-thinking", chat_template: "qwen2". An `id` in code is
  // often a model table's model id ({ id: 'qwen-max', displayName: ... }).
  if (!lit.key.empty() && IsNonModelSlot(lit.key) && !IEquals(lit.key, "id")) return std::nullopt;
  if (LooksLikeHubId(v)) return Make(ReferenceKind::kHfModelId, v, Evidence::kPossible, lit);
  // A bare literal shaped like a file or module ("command-runner.jar",
  // "qwen.client") is none, whatever family name it starts with.
  if (LooksLikeModelName(v) && v.find_first_of("-0123456789") != std::string_view::npos &&
      !HasNonModelShape(ToLower(v))) {
    return Make(ReferenceKind::kApiModel, v, Evidence::kPossible, lit);
  }
  return std::nullopt;
}

}  // namespace modelprov
