// GGUF weight files: one reference per file, from the metadata header only
// (GgufHeaderReader). The facts carry what the resolver needs: the model's
// own name, its base models (lineage), who quantised it, its license and the
// architecture/vocabulary as a fallback fingerprint.
#include <algorithm>

#include "extract/extractors.h"
#include "extract/gguf_header.h"

namespace modelprov {
namespace {

constexpr int kMaxBaseModels = 16;

class GgufExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "gguf"; }
  std::vector<std::string> globs() const override { return {"**/*.gguf"}; }
  bool uses_magic() const override { return true; }
  bool ClaimsMagic(std::string_view head) const override { return LooksLikeGguf(head); }
  Input input() const override { return Input::kRandomAccess; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (in.blob == nullptr) return;
    GgufHeaderReader reader(*in.blob);
    Result<GgufHeader> header = reader.Read();
    if (!header) {
      sink.OnError({std::string(in.path), header.error().message});
      return;
    }
    const GgufHeader& h = *header;
    ModelReference ref;
    ref.kind = ReferenceKind::kGguf;
    ref.extractor = "gguf";
    ref.evidence = Evidence::kDefinite;
    ref.location.path = std::string(in.path);
    for (const char* key : {"general.name", "general.basename", "general.architecture"}) {
      ref.text = h.Get(key);
      if (!ref.text.empty()) break;
    }
    if (ref.text.empty()) ref.text = std::string(in.name);
    GgufFacts& f = ref.SetFacts<GgufFacts>();
    f.name = h.Get("general.name");
    f.basename = h.Get("general.basename");
    f.architecture = h.Get("general.architecture");
    f.size_label = h.Get("general.size_label");
    f.finetune = h.Get("general.finetune");
    f.license = h.Get("general.license");
    f.license_name = h.Get("general.license.name");
    f.license_link = h.Get("general.license.link");
    f.repo_url = h.Get("general.repo_url");
    f.quantized_by = h.Get("general.quantized_by");
    std::string count_text = h.Get("general.base_model.count");
    int count = 0;
    for (char c : count_text) {
      if (c < '0' || c > '9' || count > kMaxBaseModels) break;
      count = count * 10 + (c - '0');
    }
    count = std::min(count, kMaxBaseModels);
    for (int i = 0; i < count; ++i) {
      std::string prefix = "general.base_model." + std::to_string(i) + ".";
      f.base_models.push_back({h.Get(prefix + "name"), h.Get(prefix + "organization"), h.Get(prefix + "repo_url")});
    }
    f.tokenizer_model = h.Get("tokenizer.ggml.model");
    f.vocab_size = h.vocab_size;
    f.gguf_version = h.version;
    f.tensor_count = h.tensor_count;
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeGgufExtractor() { return std::make_unique<GgufExtractor>(); }

}  // namespace modelprov
