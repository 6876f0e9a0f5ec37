// safetensors weight files: an 8-byte little-endian header length, then a JSON
// header mapping tensor names to dtype/shape/offsets, with an optional
// "__metadata__" object of strings. Only the header is read.
//
// The tensor names say which architecture wrote the file
// ("model.layers.N.self_attn.q_proj" is a Llama-style decoder,
// "transformer.h.N" GPT-2-style, "...mlp.experts.N" a mixture of experts); the
// embedding matrix's first dimension is the vocabulary size. Both become facts.
//
// model.safetensors.index.json (the shard index of a split checkpoint) lists
// the same tensor names in its weight_map and is read the same way.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "extract/extractors.h"
#include "extract/json_file.h"

namespace modelprov {
namespace {

using nlohmann::json;

constexpr uint64_t kMaxHeaderBytes = 100ull << 20;
constexpr int kMaxJsonDepth = 64;

// Refuses nesting a recursive parser could choke on, before parsing.
bool ShallowEnough(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

// Replaces each run of digits between dots with "N": "model.layers.12.mlp" -> "model.layers.N.mlp".
std::string Generalize(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    if (name[i] >= '0' && name[i] <= '9' && (i == 0 || name[i - 1] == '.')) {
      size_t j = i;
      while (j < name.size() && name[j] >= '0' && name[j] <= '9') ++j;
      if (j == name.size() || name[j] == '.') {
        out += 'N';
        i = j;
        continue;
      }
    }
    out += name[i++];
  }
  return out;
}

struct Hint {
  const char* needle;  // substring of a generalised tensor name
  const char* label;
};

// Ordered from the most to the least specific; each label is reported once.
constexpr Hint kHints[] = {
    {"mlp.experts.N.", "moe-experts"},
    {"block_sparse_moe.experts.N.", "moe-experts"},
    {"model.layers.N.self_attn.q_proj", "llama-style-decoder"},
    {"model.layers.N.self_attn.qkv_proj", "phi3-style-decoder"},
    {"model.layers.N.self_attn.kv_a_proj_with_mqa", "deepseek-mla-decoder"},
    {"transformer.h.N.", "gpt2-style-decoder"},
    {"gpt_neox.layers.N.", "gpt-neox-decoder"},
    {"transformer.blocks.N.", "mpt-style-decoder"},
    {"transformer.encoder.layers.N.", "chatglm-style-decoder"},
    {"model.decoder.layers.N.", "encoder-decoder"},
    {"encoder.layer.N.attention", "bert-style-encoder"},
    {"language_model.", "multimodal-language-model"},
    {"vision_tower.", "vision-tower"},
    {"vision_model.", "vision-tower"},
    {"visual.blocks.N.", "vision-tower"},
    {"lora_A", "lora-adapter"},
    {"lora_B", "lora-adapter"},
};

constexpr const char* kEmbeddings[] = {
    "model.embed_tokens.weight", "transformer.wte.weight", "gpt_neox.embed_in.weight",
    "language_model.model.embed_tokens.weight", "model.language_model.embed_tokens.weight",
    "transformer.word_embeddings.weight", "embeddings.word_embeddings.weight", "tok_embeddings.weight",
};

// Facts from the tensor names (and shapes, when `tensors` holds them).
void AddTensorFacts(const json& tensors, bool has_shapes, SafetensorsFacts& facts) {
  std::vector<std::string> labels;
  uint64_t count = 0;
  int64_t layers = -1;
  for (auto it = tensors.begin(); it != tensors.end(); ++it) {
    if (it.key() == "__metadata__") continue;
    ++count;
    std::string g = Generalize(it.key());
    for (const Hint& h : kHints) {
      if (g.find(h.needle) != std::string::npos &&
          std::find(labels.begin(), labels.end(), h.label) == labels.end()) {
        labels.push_back(h.label);
      }
    }
    // Layer count: the largest index after "layers." / ".h." / "blocks.".
    for (const char* marker : {"layers.", ".h.", "blocks."}) {
      size_t at = it.key().find(marker);
      if (at == std::string::npos) continue;
      size_t d = at + std::strlen(marker);
      int64_t n = 0;
      size_t start = d;
      while (d < it.key().size() && it.key()[d] >= '0' && it.key()[d] <= '9' && n < 100000) n = n * 10 + (it.key()[d++] - '0');
      if (d > start) layers = std::max(layers, n);
      break;
    }
  }
  facts.tensor_count = count;
  if (layers >= 0) facts.layers = layers + 1;
  std::sort(labels.begin(), labels.end());
  facts.architecture_hints = std::move(labels);
  if (!has_shapes) return;
  for (const char* name : kEmbeddings) {
    auto t = tensors.find(name);
    if (t == tensors.end() || !t->is_object()) continue;
    auto shape = t->find("shape");
    if (shape != t->end() && shape->is_array() && shape->size() == 2 && (*shape)[0].is_number_unsigned()) {
      facts.vocab_size = (*shape)[0].get<uint64_t>();
      if ((*shape)[1].is_number_unsigned()) facts.hidden_size = (*shape)[1].get<uint64_t>();
      if (auto dt = t->find("dtype"); dt != t->end() && dt->is_string()) facts.dtype = dt->get<std::string>();
      break;
    }
  }
}

// Reference text: a declared name, else the most telling hint, else the file name.
std::string TextFor(const SafetensorsFacts& facts, std::string_view file_name) {
  for (const char* key : {"name", "model_name", "base_model"}) {
    for (const auto& [k, v] : facts.metadata) {
      if (k == key && !v.empty()) return v;
    }
  }
  if (!facts.architecture_hints.empty()) return facts.architecture_hints.front();
  return std::string(file_name);
}

void AddMetadata(const json& meta, Facts& facts) {
  if (!meta.is_object()) return;
  int kept = 0;
  for (auto it = meta.begin(); it != meta.end() && kept < 16; ++it) {
    if (!it->is_string()) continue;
    const std::string& k = it.key();
    bool wanted = k == "format" || k.find("name") != std::string::npos || k.find("license") != std::string::npos ||
                  k.find("base_model") != std::string::npos || k == "modelspec.architecture";
    if (!wanted || it->get<std::string>().size() > 1024) continue;
    facts.emplace_back(k, it->get<std::string>());
    ++kept;
  }
}

class SafetensorsExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "safetensors"; }
  std::vector<std::string> globs() const override { return {"**/*.safetensors"}; }
  bool uses_magic() const override { return true; }
  bool ClaimsMagic(std::string_view head) const override {
    if (head.size() < 10 || head[8] != '{' || (head[9] != '"' && head[9] != ' ' && head[9] != '}')) return false;
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(head[i]);
    return n >= 2 && n <= kMaxHeaderBytes;
  }
  Input input() const override { return Input::kRandomAccess; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (in.blob == nullptr) return;
    std::string path(in.path);
    uint64_t size = in.blob->size();
    unsigned char len_bytes[8];
    auto got = in.blob->ReadAt(0, reinterpret_cast<char*>(len_bytes), 8);
    if (!got) return sink.OnError({path, got.error().message});
    if (*got < 8) return sink.OnError({path, "safetensors header truncated: the file is shorter than 8 bytes"});
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | len_bytes[i];
    if (n > kMaxHeaderBytes) {
      return sink.OnError({path, "safetensors header length " + std::to_string(n) + " is over the " +
                                     std::to_string(kMaxHeaderBytes >> 20) + " MiB limit; not read"});
    }
    if (n > size - 8) {
      return sink.OnError({path, "safetensors header length " + std::to_string(n) + " runs past the end of the " +
                                     std::to_string(size) + "-byte file (truncated)"});
    }
    std::string header(static_cast<size_t>(n), '\0');
    auto read = in.blob->ReadAt(8, header.data(), header.size());
    if (!read) return sink.OnError({path, read.error().message});
    if (*read != n) return sink.OnError({path, "safetensors header truncated while reading"});
    if (!ShallowEnough(header)) return sink.OnError({path, "safetensors header nests deeper than 64 levels; not parsed"});
    // The same bounded parse as every other JSON file: a 94 MB generated
    // header must not become a gigabyte of tree.
    ExtractInput header_in;
    header_in.path = in.path;
    header_in.name = in.name;
    header_in.size = header.size();
    header_in.text = header;
    JsonReadOptions options;
    options.what = "safetensors header values";
    std::optional<json> parsed = ParseJsonFile(header_in, sink, options);
    if (!parsed) return;
    json& doc = *parsed;
    if (!doc.is_object()) return sink.OnError({path, "safetensors header is not a JSON object"});
    ModelReference ref;
    ref.kind = ReferenceKind::kSafetensors;
    ref.extractor = "safetensors";
    ref.evidence = Evidence::kDefinite;
    ref.location.path = path;
    SafetensorsFacts& f = ref.SetFacts<SafetensorsFacts>();
    if (auto m = doc.find("__metadata__"); m != doc.end()) AddMetadata(*m, f.metadata);
    AddTensorFacts(doc, true, f);
    ref.text = TextFor(f, in.name);
    sink.OnReference(std::move(ref));
  }
};

class SafetensorsIndexExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "safetensors-index"; }
  std::vector<std::string> globs() const override { return {"**/*.safetensors.index.json"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<json> doc = ParseJsonFile(in, sink);
    if (!doc || !doc->is_object()) return;
    auto map = doc->find("weight_map");
    if (map == doc->end() || !map->is_object() || map->empty()) return;
    ModelReference ref;
    ref.kind = ReferenceKind::kSafetensors;
    ref.extractor = "safetensors-index";
    ref.evidence = Evidence::kDefinite;
    ref.location.path = std::string(in.path);
    SafetensorsFacts& f = ref.SetFacts<SafetensorsFacts>();
    if (auto m = doc->find("metadata"); m != doc->end() && m->is_object()) {
      if (auto total = m->find("total_size"); total != m->end() && total->is_number_unsigned()) {
        f.total_size = total->get<uint64_t>();
      }
    }
    AddTensorFacts(*map, false, f);
    std::set<std::string> shards;
    for (const json& v : *map) {
      if (v.is_string()) shards.insert(v.get<std::string>());
    }
    f.shards = shards.size();
    ref.text = TextFor(f, in.name);
    LineCol lc = FindJsonKey(in.text, "weight_map");
    ref.location.line = lc.line;
    ref.location.column = lc.column;
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeSafetensorsExtractor() { return std::make_unique<SafetensorsExtractor>(); }
std::unique_ptr<Extractor> MakeSafetensorsIndexExtractor() { return std::make_unique<SafetensorsIndexExtractor>(); }

}  // namespace modelprov
