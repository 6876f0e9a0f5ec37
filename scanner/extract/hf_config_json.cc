// Hugging Face config.json: a model folder's architecture description. Its
// `_name_or_path` names the model it was saved from; model_type,
// architectures and vocab_size fingerprint the family when no name is given.
#include "core/text.h"
#include "extract/code_references.h"
#include "extract/extractors.h"
#include "extract/json_file.h"

namespace modelprov {
namespace {

using nlohmann::json;

bool IsModelConfig(const json& doc) {
  if (!doc.is_object()) return false;
  auto arch = doc.find("architectures");
  if (arch != doc.end() && arch->is_array() && !arch->empty() && (*arch)[0].is_string()) return true;
  auto mt = doc.find("model_type");
  if (mt == doc.end() || !mt->is_string()) return false;
  for (const char* k : {"vocab_size", "hidden_size", "d_model", "num_hidden_layers", "n_layer", "text_config"}) {
    if (doc.contains(k)) return true;
  }
  return false;
}

std::optional<int64_t> IntField(const json& doc, const char* key) {
  auto it = doc.find(key);
  if (it != doc.end() && it->is_number_integer()) return it->get<int64_t>();
  auto tc = doc.find("text_config");  // multimodal configs nest the language model
  if (tc != doc.end() && tc->is_object()) {
    auto inner = tc->find(key);
    if (inner != tc->end() && inner->is_number_integer()) return inner->get<int64_t>();
  }
  return std::nullopt;
}

class HfConfigExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "hf-config"; }
  std::vector<std::string> globs() const override { return {"**/config.json"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<json> doc = ParseJsonFile(in, sink);
    if (!doc || !IsModelConfig(*doc)) return;
    ModelReference ref;
    ref.kind = ReferenceKind::kModelConfig;
    HfConfigFacts& f = ref.SetFacts<HfConfigFacts>();
    ref.extractor = "hf-config";
    ref.evidence = Evidence::kDefinite;
    ref.location.path = std::string(in.path);
    // Not value("model_type", ""): that throws when the key holds a number.
    std::string model_type;
    if (auto mt = doc->find("model_type"); mt != doc->end() && mt->is_string()) model_type = mt->get<std::string>();
    std::vector<std::string> archs;
    if (auto a = doc->find("architectures"); a != doc->end() && a->is_array()) {
      for (const json& e : *a) {
        if (e.is_string()) archs.push_back(e.get<std::string>());
      }
    }
    std::string name_or_path;
    if (auto n = doc->find("_name_or_path"); n != doc->end() && n->is_string()) name_or_path = n->get<std::string>();
    const char* line_key = "model_type";
    if (LooksLikeHubId(name_or_path)) {
      ref.text = name_or_path;
      f.name_or_path = name_or_path;
      line_key = "_name_or_path";
    } else {
      ref.text = !model_type.empty() ? model_type : archs.empty() ? std::string() : archs.front();
      if (model_type.empty()) line_key = "architectures";
    }
    f.model_type = model_type;
    f.architectures = std::move(archs);
    f.vocab_size = IntField(*doc, "vocab_size");
    f.hidden_size = IntField(*doc, "hidden_size");
    f.num_hidden_layers = IntField(*doc, "num_hidden_layers");
    LineCol lc = FindJsonKey(in.text, line_key);
    ref.location.line = lc.line;
    ref.location.column = lc.column;
    sink.OnReference(std::move(ref));
  }
};

class AdapterConfigExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "adapter-config"; }
  std::vector<std::string> globs() const override { return {"**/adapter_config.json"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<json> doc = ParseJsonFile(in, sink);
    if (!doc || !doc->is_object()) return;
    auto base = doc->find("base_model_name_or_path");
    if (base == doc->end() || !base->is_string() || base->get<std::string>().empty()) return;
    ModelReference ref;
    ref.kind = ReferenceKind::kAdapterConfig;
    ref.extractor = "adapter-config";
    ref.evidence = Evidence::kDefinite;
    ref.text = base->get<std::string>();
    ref.location.path = std::string(in.path);
    LineCol lc = FindJsonKey(in.text, "base_model_name_or_path");
    ref.location.line = lc.line;
    ref.location.column = lc.column;
    if (auto p = doc->find("peft_type"); p != doc->end() && p->is_string()) {
      ref.SetFacts<AdapterConfigFacts>().peft_type = p->get<std::string>();
    }
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeHfConfigExtractor() { return std::make_unique<HfConfigExtractor>(); }
std::unique_ptr<Extractor> MakeAdapterConfigExtractor() { return std::make_unique<AdapterConfigExtractor>(); }

}  // namespace modelprov
