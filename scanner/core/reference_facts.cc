#include "core/reference_facts.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/model_ref.h"

namespace modelprov {
namespace {

// Serialisation helpers: one Put per field, in extraction order.
void Put(Facts& out, std::string_view key, const std::string& v) {
  if (!v.empty()) out.emplace_back(std::string(key), v);
}
template <typename N>
void PutNumber(Facts& out, std::string_view key, const std::optional<N>& v) {
  if (v) out.emplace_back(std::string(key), std::to_string(*v));
}
std::string Join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}
// A list joined by `sep`, left out when the joined text is empty.
void PutList(Facts& out, std::string_view key, const std::vector<std::string>& v, char sep) {
  Put(out, key, Join(v, sep));
}
// A token set joined by newlines, written whenever it has members (a lone
// empty token too, as the tokenizer extractors always did).
void PutTokens(Facts& out, std::string_view key, const std::vector<std::string>& v) {
  if (!v.empty()) out.emplace_back(std::string(key), Join(v, '\n'));
}
std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}
template <typename N>
std::optional<N> ParseNumber(std::string_view s) {
  N n{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return n;
}

Facts Pairs(const std::monostate&) { return {}; }

Facts Pairs(const HubIdFacts& f) {
  Facts out;
  Put(out, "call", f.call);
  Put(out, "key", f.key);
  Put(out, "hub", f.hub);
  Put(out, "context", f.context);
  return out;
}

Facts Pairs(const ApiCallFacts& f) {
  Facts out;
  Put(out, "call", f.call);
  Put(out, "key", f.key);
  Put(out, "context", f.context);
  return out;
}

Facts Pairs(const SdkPackageFacts& f) {
  Facts out;
  Put(out, "class", f.class_name);
  Put(out, "ecosystem", f.ecosystem);
  Put(out, "package", f.package);
  Put(out, "context", f.context);
  return out;
}

Facts Pairs(const DeployFacts& f) {
  Facts out;
  Put(out, "env_var", f.env_var);
  Put(out, "provider", f.provider);
  Put(out, "key", f.key);
  Put(out, "tool", f.tool);
  if (f.arg) out.emplace_back("arg", *f.arg);  // written even when empty, as command lines always did
  Put(out, "source", f.source);
  Put(out, "context", f.context);
  return out;
}

Facts Pairs(const ModelfileFacts& f) {
  Facts out;
  Put(out, "directive", f.directive);
  Put(out, "source", f.source);
  Put(out, "tool", f.tool);
  return out;
}

Facts Pairs(const HfConfigFacts& f) {
  Facts out;
  Put(out, "name_or_path", f.name_or_path);
  Put(out, "model_type", f.model_type);
  PutList(out, "architectures", f.architectures, ',');
  PutNumber(out, "vocab_size", f.vocab_size);
  PutNumber(out, "hidden_size", f.hidden_size);
  PutNumber(out, "num_hidden_layers", f.num_hidden_layers);
  return out;
}

Facts Pairs(const TokenizerFacts& f) {
  Facts out;
  Put(out, "tokenizer", f.tokenizer);
  Put(out, "tokenizer_class", f.tokenizer_class);
  PutNumber(out, "tokenizer_vocab_size", f.vocab_size);
  Put(out, "vocab_hash", f.vocab_hash);
  PutTokens(out, "special_tokens", f.special_tokens);
  PutTokens(out, "chat_template_markers", f.chat_template_markers);
  return out;
}

Facts Pairs(const AdapterConfigFacts& f) {
  Facts out;
  Put(out, "peft_type", f.peft_type);
  return out;
}

Facts Pairs(const ModelCardFacts& f) {
  Facts out;
  Put(out, "license", f.license);
  Put(out, "license_name", f.license_name);
  Put(out, "base_model", f.base_model);
  Put(out, "base_model_relation", f.base_model_relation);
  return out;
}

Facts Pairs(const GgufFacts& f) {
  Facts out;
  Put(out, "name", f.name);
  Put(out, "basename", f.basename);
  Put(out, "architecture", f.architecture);
  Put(out, "size_label", f.size_label);
  Put(out, "finetune", f.finetune);
  Put(out, "license", f.license);
  Put(out, "license_name", f.license_name);
  Put(out, "license_link", f.license_link);
  Put(out, "repo_url", f.repo_url);
  Put(out, "quantized_by", f.quantized_by);
  if (!f.base_models.empty()) out.emplace_back("base_model.count", std::to_string(f.base_models.size()));
  for (size_t i = 0; i < f.base_models.size(); ++i) {
    std::string p = "base_model." + std::to_string(i) + ".";
    Put(out, p + "name", f.base_models[i].name);
    Put(out, p + "organization", f.base_models[i].organization);
    Put(out, p + "repo_url", f.base_models[i].repo_url);
  }
  Put(out, "tokenizer_model", f.tokenizer_model);
  PutNumber(out, "vocab_size", f.vocab_size);
  out.emplace_back("gguf_version", std::to_string(f.gguf_version));
  out.emplace_back("tensor_count", std::to_string(f.tensor_count));
  return out;
}

Facts Pairs(const SafetensorsFacts& f) {
  Facts out = f.metadata;
  PutNumber(out, "total_size", f.total_size);
  PutNumber(out, "tensor_count", f.tensor_count);
  PutNumber(out, "layers", f.layers);
  PutList(out, "architecture_hints", f.architecture_hints, ',');
  PutNumber(out, "vocab_size", f.vocab_size);
  PutNumber(out, "hidden_size", f.hidden_size);
  if (f.dtype) out.emplace_back("dtype", *f.dtype);
  PutNumber(out, "shards", f.shards);
  return out;
}

Facts Pairs(const ModelWeightsFacts& f) {
  return {{"format", f.format}, {"size", std::to_string(f.size)}};
}

std::string FormatScore(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

Facts Pairs(const LicenseFileFacts& f) {
  Facts out;
  out.emplace_back("name", f.name);
  out.emplace_back("score", FormatScore(f.score));
  Put(out, "license_id", f.license_id);
  if (f.modified) out.emplace_back("modified", "true");
  Put(out, "closest", f.closest);
  out.emplace_back("source", f.source);
  return out;
}

// Reading back: each struct takes the keys it has a field for.
void Read(HubIdFacts& f, std::string_view k, const std::string& v) {
  if (k == "call") f.call = v;
  else if (k == "key") f.key = v;
  else if (k == "hub") f.hub = v;
  else if (k == "context") f.context = v;
}
void Read(ApiCallFacts& f, std::string_view k, const std::string& v) {
  if (k == "call") f.call = v;
  else if (k == "key") f.key = v;
  else if (k == "context") f.context = v;
}
void Read(SdkPackageFacts& f, std::string_view k, const std::string& v) {
  if (k == "class") f.class_name = v;
  else if (k == "ecosystem") f.ecosystem = v;
  else if (k == "package") f.package = v;
  else if (k == "context") f.context = v;
}
void Read(DeployFacts& f, std::string_view k, const std::string& v) {
  if (k == "env_var") f.env_var = v;
  else if (k == "provider") f.provider = v;
  else if (k == "key") f.key = v;
  else if (k == "tool") f.tool = v;
  else if (k == "arg") f.arg = v;
  else if (k == "source") f.source = v;
  else if (k == "context") f.context = v;
}
void Read(ModelfileFacts& f, std::string_view k, const std::string& v) {
  if (k == "directive") f.directive = v;
  else if (k == "source") f.source = v;
  else if (k == "tool") f.tool = v;
}
void Read(HfConfigFacts& f, std::string_view k, const std::string& v) {
  if (k == "name_or_path") f.name_or_path = v;
  else if (k == "model_type") f.model_type = v;
  else if (k == "architectures") f.architectures = SplitList(v, ',');
  else if (k == "vocab_size") f.vocab_size = ParseNumber<int64_t>(v);
  else if (k == "hidden_size") f.hidden_size = ParseNumber<int64_t>(v);
  else if (k == "num_hidden_layers") f.num_hidden_layers = ParseNumber<int64_t>(v);
}
void Read(TokenizerFacts& f, std::string_view k, const std::string& v) {
  if (k == "tokenizer") f.tokenizer = v;
  else if (k == "tokenizer_class") f.tokenizer_class = v;
  else if (k == "tokenizer_vocab_size") f.vocab_size = ParseNumber<uint64_t>(v);
  else if (k == "vocab_hash") f.vocab_hash = v;
  else if (k == "special_tokens") f.special_tokens = SplitList(v, '\n');
  else if (k == "chat_template_markers") f.chat_template_markers = SplitList(v, '\n');
}
void Read(AdapterConfigFacts& f, std::string_view k, const std::string& v) {
  if (k == "peft_type") f.peft_type = v;
}
void Read(ModelCardFacts& f, std::string_view k, const std::string& v) {
  if (k == "license") f.license = v;
  else if (k == "license_name") f.license_name = v;
  else if (k == "base_model") f.base_model = v;
  else if (k == "base_model_relation") f.base_model_relation = v;
}
void Read(GgufFacts& f, std::string_view k, const std::string& v) {
  if (k == "name") f.name = v;
  else if (k == "basename") f.basename = v;
  else if (k == "architecture") f.architecture = v;
  else if (k == "size_label") f.size_label = v;
  else if (k == "finetune") f.finetune = v;
  else if (k == "license") f.license = v;
  else if (k == "license_name") f.license_name = v;
  else if (k == "license_link") f.license_link = v;
  else if (k == "repo_url") f.repo_url = v;
  else if (k == "quantized_by") f.quantized_by = v;
  else if (k == "tokenizer_model") f.tokenizer_model = v;
  else if (k == "vocab_size") f.vocab_size = ParseNumber<uint64_t>(v);
  else if (k == "gguf_version") f.gguf_version = ParseNumber<uint32_t>(v).value_or(0);
  else if (k == "tensor_count") f.tensor_count = ParseNumber<uint64_t>(v).value_or(0);
  else if (k == "base_model.count") {
    f.base_models.resize(std::min<size_t>(ParseNumber<size_t>(v).value_or(0), 16));
  } else if (k.substr(0, 11) == "base_model.") {
    std::string_view rest = k.substr(11);
    size_t dot = rest.find('.');
    std::optional<size_t> i = dot == std::string_view::npos ? std::nullopt : ParseNumber<size_t>(rest.substr(0, dot));
    if (!i || *i >= 16) return;
    if (f.base_models.size() <= *i) f.base_models.resize(*i + 1);
    std::string_view field = rest.substr(dot + 1);
    if (field == "name") f.base_models[*i].name = v;
    else if (field == "organization") f.base_models[*i].organization = v;
    else if (field == "repo_url") f.base_models[*i].repo_url = v;
  }
}
void Read(SafetensorsFacts& f, std::string_view k, const std::string& v) {
  if (k == "total_size") f.total_size = ParseNumber<uint64_t>(v);
  else if (k == "tensor_count") f.tensor_count = ParseNumber<uint64_t>(v);
  else if (k == "layers") f.layers = ParseNumber<int64_t>(v);
  else if (k == "architecture_hints") f.architecture_hints = SplitList(v, ',');
  else if (k == "vocab_size") f.vocab_size = ParseNumber<uint64_t>(v);
  else if (k == "hidden_size") f.hidden_size = ParseNumber<uint64_t>(v);
  else if (k == "dtype") f.dtype = v;
  else if (k == "shards") f.shards = ParseNumber<uint64_t>(v);
  else f.metadata.emplace_back(std::string(k), v);
}
void Read(ModelWeightsFacts& f, std::string_view k, const std::string& v) {
  if (k == "format") f.format = v;
  else if (k == "size") f.size = ParseNumber<uint64_t>(v).value_or(0);
}
void Read(LicenseFileFacts& f, std::string_view k, const std::string& v) {
  if (k == "name") f.name = v;
  else if (k == "score") f.score = std::strtod(v.c_str(), nullptr);
  else if (k == "license_id") f.license_id = v;
  else if (k == "modified") f.modified = v == "true";
  else if (k == "closest") f.closest = v;
  else if (k == "source") f.source = v;
}

template <typename T>
void ReadAll(ModelReference& ref, const Facts& pairs) {
  T& f = ref.SetFacts<T>();
  for (const auto& [k, v] : pairs) Read(f, k, v);
}

bool HasKey(const Facts& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace

Facts FactPairs(const FactsVariant& facts) {
  return std::visit([](const auto& f) { return Pairs(f); }, facts);
}

std::string FactValue(const Facts& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs) {
    if (k == key) return v;
  }
  return {};
}

std::string_view SafetensorsFacts::Metadata(std::string_view key) const {
  for (const auto& [k, v] : metadata) {
    if (k == key) return v;
  }
  return {};
}

void SetFactsFromPairs(ModelReference& ref, const Facts& pairs) {
  ref.facts.Reset();
  if (pairs.empty()) return;
  switch (ref.kind) {
    case ReferenceKind::kHfModelId:
    case ReferenceKind::kApiModel:
    case ReferenceKind::kApiEndpoint:
      // The resolver may have re-read an hf-model-id as an api-model (and an
      // api-endpoint Hub URL as an hf-model-id): either struct reads both.
      if (ref.kind == ReferenceKind::kHfModelId || HasKey(pairs, "hub")) return ReadAll<HubIdFacts>(ref, pairs);
      return ReadAll<ApiCallFacts>(ref, pairs);
    case ReferenceKind::kSdkPackage: return ReadAll<SdkPackageFacts>(ref, pairs);
    case ReferenceKind::kDeployConfig: return ReadAll<DeployFacts>(ref, pairs);
    case ReferenceKind::kModelfile: return ReadAll<ModelfileFacts>(ref, pairs);
    case ReferenceKind::kModelConfig:
      if (HasKey(pairs, "tokenizer")) return ReadAll<TokenizerFacts>(ref, pairs);
      return ReadAll<HfConfigFacts>(ref, pairs);
    case ReferenceKind::kAdapterConfig: return ReadAll<AdapterConfigFacts>(ref, pairs);
    case ReferenceKind::kModelCard: return ReadAll<ModelCardFacts>(ref, pairs);
    case ReferenceKind::kGguf: return ReadAll<GgufFacts>(ref, pairs);
    case ReferenceKind::kSafetensors: return ReadAll<SafetensorsFacts>(ref, pairs);
    case ReferenceKind::kModelWeights: return ReadAll<ModelWeightsFacts>(ref, pairs);
    case ReferenceKind::kLicenseFile: return ReadAll<LicenseFileFacts>(ref, pairs);
  }
}

}  // namespace modelprov
