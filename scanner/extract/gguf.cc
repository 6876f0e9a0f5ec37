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
    auto add = [&](std::string fact, std::string_view key) {
      std::string v = h.Get(key);
      if (!v.empty()) ref.facts.emplace_back(std::move(fact), std::move(v));
    };
    add("name", "general.name");
    add("basename", "general.basename");
    add("architecture", "general.architecture");
    add("size_label", "general.size_label");
    add("finetune", "general.finetune");
    add("license", "general.license");
    add("license_name", "general.license.name");
    add("license_link", "general.license.link");
    add("repo_url", "general.repo_url");
    add("quantized_by", "general.quantized_by");
    std::string count_text = h.Get("general.base_model.count");
    int count = 0;
    for (char c : count_text) {
      if (c < '0' || c > '9' || count > kMaxBaseModels) break;
      count = count * 10 + (c - '0');
    }
    count = std::min(count, kMaxBaseModels);
    if (count > 0) ref.facts.emplace_back("base_model.count", std::to_string(count));
    for (int i = 0; i < count; ++i) {
      std::string prefix = "general.base_model." + std::to_string(i) + ".";
      std::string fact = "base_model." + std::to_string(i) + ".";
      add(fact + "name", prefix + "name");
      add(fact + "organization", prefix + "organization");
      add(fact + "repo_url", prefix + "repo_url");
    }
    add("tokenizer_model", "tokenizer.ggml.model");
    if (h.vocab_size) ref.facts.emplace_back("vocab_size", std::to_string(*h.vocab_size));
    ref.facts.emplace_back("gguf_version", std::to_string(h.version));
    ref.facts.emplace_back("tensor_count", std::to_string(h.tensor_count));
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeGgufExtractor() { return std::make_unique<GgufExtractor>(); }

}  // namespace modelprov
