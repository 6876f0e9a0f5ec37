// Model cards: README.md files whose YAML front matter declares a model's
// license and the base model(s) it was derived from, as the Hugging Face Hub
// writes them.
#include "core/text.h"
#include "extract/extractors.h"
#include "extract/yaml_lines.h"

namespace modelprov {
namespace {

const YamlEntry* Find(const std::vector<YamlEntry>& entries, std::string_view key) {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string First(const std::vector<YamlEntry>& entries, std::string_view key) {
  const YamlEntry* e = Find(entries, key);
  return e != nullptr && !e->values.empty() ? e->values.front().text : std::string();
}

// A project README can carry front matter too (static-site generators, HF
// Spaces); only keys that model cards use make it a model card.
bool IsModelCard(const std::vector<YamlEntry>& entries) {
  if (Find(entries, "base_model") != nullptr) return true;
  if (Find(entries, "license") == nullptr) return false;
  for (const char* k : {"pipeline_tag", "library_name", "model-index", "base_model_relation", "license_name"}) {
    if (Find(entries, k) != nullptr) return true;
  }
  return false;
}

// Hub ids and local paths are short and have no blanks or YAML brackets.
constexpr size_t kMaxIdBytes = 256;
bool IdShaped(std::string_view v) {
  return !v.empty() && v.size() <= kMaxIdBytes && v.find_first_of(" \t[]{}\"'") == std::string_view::npos;
}

class ModelCardExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "model-card"; }
  std::vector<std::string> globs() const override {
    return {"**/README.md", "**/MODEL_CARD.md", "**/modelcard.md", "**/*_README.md", "**/README_*.md"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    uint32_t body_line = 0;
    std::string_view fm = FrontMatter(in.text, &body_line);
    if (fm.empty()) return;
    std::vector<YamlEntry> entries = ReadTopLevelYaml(fm, body_line);
    if (!IsModelCard(entries)) return;
    std::string license = First(entries, "license").substr(0, kMaxIdBytes);
    std::string license_name = First(entries, "license_name").substr(0, kMaxIdBytes);
    std::string relation = First(entries, "base_model_relation");
    auto make = [&](const YamlValue& v) {
      ModelReference ref;
      ref.kind = ReferenceKind::kModelCard;
      ref.extractor = "model-card";
      ref.evidence = Evidence::kDefinite;
      ref.text = v.text;
      ref.location = {std::string(in.path), v.line, v.column};
      ModelCardFacts& f = ref.SetFacts<ModelCardFacts>();
      f.license = license;
      f.license_name = license_name;
      return ref;
    };
    const YamlEntry* base = Find(entries, "base_model");
    if (base != nullptr && !base->values.empty()) {
      for (const YamlValue& v : base->values) {
        if (!IdShaped(v.text)) {
          // A hostile or broken card must not carry kilobytes of text into every report.
          sink.OnError({std::string(in.path), "model card base_model at line " + std::to_string(v.line) +
                                                  " is not a model id; ignored"});
          continue;
        }
        ModelReference ref = make(v);
        ModelCardFacts& f = ref.SetFacts<ModelCardFacts>();
        f.base_model = v.text;
        f.base_model_relation = relation;
        sink.OnReference(std::move(ref));
      }
      return;
    }
    const YamlEntry* lic = Find(entries, "license");
    if (lic != nullptr && !lic->values.empty()) sink.OnReference(make(lic->values.front()));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeModelCardExtractor() { return std::make_unique<ModelCardExtractor>(); }

}  // namespace modelprov
