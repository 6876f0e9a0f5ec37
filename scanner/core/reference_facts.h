// Typed facts: what an extractor read next to a reference, one struct per
// reference kind (config.json's model_type, a GGUF file's general.* keys, a
// model card's license...). The resolver reads these fields; nothing looks
// facts up by string key any more.
//
// The JSON contract still carries facts as a flat string object
// (docs/json-output.md, `references[].facts`): FactPairs() is that view, in
// the order the extractor found them, and FactsFromPairs() reads it back for
// `report --from`. Keys a struct has no field for are dropped on read, except
// safetensors `__metadata__`, which is an open map in the file itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace modelprov {

// The serialised form: ordered key/value strings (JSON `facts`).
using Facts = std::vector<std::pair<std::string, std::string>>;

// hf-model-id: a Hub id in code (`from_pretrained("x/y")`), in a command line
// (a Hub URL on a `huggingface-cli download` line) or found by text-scan.
struct HubIdFacts {
  std::string call;     // the callee the literal is passed to: "AutoModel.from_pretrained"
  std::string key;      // the keyword / dictionary key holding it: "model", "MODEL_ID"
  std::string hub;      // the hub host a command-line URL points at: "huggingface.co"
  std::string context;  // text-scan: what made the match ("hub-url", "hub-id", "model-slot")
};

// api-model and api-endpoint: a hosted model name or an API host.
struct ApiCallFacts {
  std::string call;
  std::string key;
  std::string context;  // text-scan only
};

// sdk-package: a manifest dependency, an import, a provider class.
struct SdkPackageFacts {
  std::string class_name;  // "class": a LangChain/LlamaIndex provider class ("ChatTongyi")
  std::string ecosystem;   // "pypi", "npm", "maven"...
  std::string package;     // the catalog's package name when it differs from the text (Maven group:artifact)
  std::string context;     // text-scan only
};

// deploy-config: a serving/pull command, a provider setting, an env-var name.
struct DeployFacts {
  std::string env_var;             // a provider credential variable named as such (DEEPSEEK_API_KEY)
  std::string provider;            // `provider: moonshot`, lowercased
  std::string key;                 // the setting that held the provider
  std::string tool;                // "ollama", "vllm", "huggingface-cli"...
  std::optional<std::string> arg;  // what introduced the word on a command line: "run", "--model"
  std::string source;              // "file": a local weights file
  std::string context;             // text-scan only
};

// modelfile: an Ollama Modelfile's FROM / ADAPTER / LICENSE.
struct ModelfileFacts {
  std::string directive;  // "FROM", "ADAPTER", "LICENSE"
  std::string source;     // "file" (local path) or "huggingface" (hf.co/...)
  std::string tool;       // "ollama": an Ollama library name
};

// model-config from a transformers config.json.
struct HfConfigFacts {
  std::string name_or_path;             // `_name_or_path` when it is Hub-id shaped
  std::string model_type;
  std::vector<std::string> architectures;
  std::optional<int64_t> vocab_size;
  std::optional<int64_t> hidden_size;
  std::optional<int64_t> num_hidden_layers;
};

// model-config from tokenizer files (tokenizer_config.json, tokenizer.json,
// a SentencePiece tokenizer.model).
struct TokenizerFacts {
  std::string tokenizer;  // the file name the facts came from
  std::string tokenizer_class;
  std::optional<uint64_t> vocab_size;  // "tokenizer_vocab_size"
  std::string vocab_hash;              // VocabularyHash hex
  std::vector<std::string> special_tokens;         // sorted
  std::vector<std::string> chat_template_markers;  // sorted
};

// adapter-config (PEFT adapter_config.json).
struct AdapterConfigFacts {
  std::string peft_type;
};

// model-card front matter.
struct ModelCardFacts {
  std::string license;       // as written: "apache-2.0", "other"
  std::string license_name;  // with license: other
  std::string base_model;
  std::string base_model_relation;
};

// gguf: the header's general.* metadata.
struct GgufFacts {
  struct BaseModel {
    std::string name;
    std::string organization;
    std::string repo_url;
  };
  std::string name;
  std::string basename;
  std::string architecture;
  std::string size_label;
  std::string finetune;
  std::string license;
  std::string license_name;
  std::string license_link;
  std::string repo_url;
  std::string quantized_by;
  std::vector<BaseModel> base_models;  // general.base_model.count entries (at most 16)
  std::string tokenizer_model;
  std::optional<uint64_t> vocab_size;
  uint32_t gguf_version = 0;
  uint64_t tensor_count = 0;
};

// safetensors: a file's header or a sharded model's index.
struct SafetensorsFacts {
  // The header's `__metadata__` string values the extractor keeps (format,
  // *name*, *license*, *base_model*, modelspec.architecture), as written:
  // the file's own open map, so it stays key/value.
  Facts metadata;
  std::optional<uint64_t> total_size;  // index only
  std::optional<uint64_t> tensor_count;
  std::optional<int64_t> layers;
  std::vector<std::string> architecture_hints;  // sorted labels from tensor names
  std::optional<uint64_t> vocab_size;           // the embedding matrix's rows
  std::optional<uint64_t> hidden_size;
  std::optional<std::string> dtype;  // the embedding's, as written (even empty)
  std::optional<uint64_t> shards;    // index only

  // A metadata value, or empty.
  std::string_view Metadata(std::string_view key) const;
};

// model-weights: a weight container recognised by its magic.
struct ModelWeightsFacts {
  std::string format;
  uint64_t size = 0;  // bytes
};

// license-file: a LICENSE text matched against the fingerprints.
struct LicenseFileFacts {
  std::string name;        // the license's title
  double score = 0;        // match score, 0..1 (serialised "%.2f")
  std::string license_id;  // set on an exact match: the license the resolver attaches
  bool modified = false;   // an edited text: named after its closest relative, not attached
  std::string closest;     // with modified
  std::string source;      // URL of the published text
};

using FactsVariant =
    std::variant<std::monostate, HubIdFacts, ApiCallFacts, SdkPackageFacts, DeployFacts, ModelfileFacts,
                 HfConfigFacts, TokenizerFacts, AdapterConfigFacts, ModelCardFacts, GgufFacts, SafetensorsFacts,
                 ModelWeightsFacts, LicenseFileFacts>;

// A copyable, pointer-sized holder of a FactsVariant, so the larger structs
// (GgufFacts) do not grow every ModelReference; empty means no facts.
class FactsBox {
 public:
  FactsBox() = default;
  FactsBox(const FactsBox& o) : v_(o.v_ ? std::make_unique<FactsVariant>(*o.v_) : nullptr) {}
  FactsBox(FactsBox&&) noexcept = default;
  FactsBox& operator=(const FactsBox& o) {
    if (this != &o) v_ = o.v_ ? std::make_unique<FactsVariant>(*o.v_) : nullptr;
    return *this;
  }
  FactsBox& operator=(FactsBox&&) noexcept = default;

  bool empty() const { return v_ == nullptr; }
  const FactsVariant* get() const { return v_.get(); }
  template <typename T>
  const T* As() const {
    return v_ ? std::get_if<T>(v_.get()) : nullptr;
  }
  // The facts as a T, replacing any facts of another type.
  template <typename T>
  T& Emplace() {
    if (T* t = v_ ? std::get_if<T>(v_.get()) : nullptr) return *t;
    v_ = std::make_unique<FactsVariant>(std::in_place_type<T>);
    return std::get<T>(*v_);
  }
  void Reset() { v_.reset(); }

 private:
  std::unique_ptr<FactsVariant> v_;
};

// The serialised view of `facts`: key/value strings in extraction order.
Facts FactPairs(const FactsVariant& facts);
// One fact's serialised value, or empty (tests and diagnostics; the resolver
// reads typed fields).
std::string FactValue(const Facts& pairs, std::string_view key);

}  // namespace modelprov
