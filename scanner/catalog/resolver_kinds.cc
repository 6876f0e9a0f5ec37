// Resolver::Resolve: one function per reference kind, chosen by a table
// indexed by ReferenceKind. Each reads its kind's typed facts
// (core/reference_facts.h); the catalog lookups they share are in
// resolver.cc.
#include <algorithm>
#include <array>

#include "catalog/resolver.h"
#include "core/text.h"

namespace modelprov {
namespace {

// "models/bot/README.md" -> "local:models/bot": a folder in the scanned tree
// that holds a model of the company's own (fine-tune, adapter, merge).
// A file at an archive's root belongs to the archive: "x.zip!/config.json"
// -> "local:x.zip!", so two archives are two models.
std::string LocalModelId(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return "local:" + (slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash)));
}

// A fact struct of the reference's own, or an empty one.
template <typename T>
const T& FactsOr(const ModelReference& ref) {
  static const T kEmpty{};
  const T* f = ref.FactsAs<T>();
  return f ? *f : kEmpty;
}

}  // namespace

std::optional<ResolvedReference> Resolver::Resolve(const ModelReference& ref) const {
  using KindFn = std::optional<ResolvedReference> (Resolver::*)(ResolvedReference) const;
  // In ReferenceKind's declaration order.
  static constexpr std::array<KindFn, 13> kByKind = {
      &Resolver::ResolveHubIdRef,       // kHfModelId
      &Resolver::ResolveApiModelRef,    // kApiModel
      &Resolver::ResolveApiEndpointRef, // kApiEndpoint
      &Resolver::ResolveSdkPackageRef,  // kSdkPackage
      &Resolver::ResolveModelConfigRef, // kModelConfig
      &Resolver::ResolveModelCardRef,   // kModelCard
      &Resolver::ResolveAdapterRef,     // kAdapterConfig
      &Resolver::ResolveGgufRef,        // kGguf
      &Resolver::ResolveSafetensorsRef, // kSafetensors
      &Resolver::ResolveDeployRef,      // kModelfile
      &Resolver::ResolveLicenseFileRef, // kLicenseFile
      &Resolver::ResolveDeployRef,      // kDeployConfig
      &Resolver::ResolveWeightsRef,     // kModelWeights
  };
  static_assert(static_cast<size_t>(ReferenceKind::kModelWeights) + 1 == kByKind.size());
  size_t i = static_cast<size_t>(ref.kind);
  if (i >= kByKind.size()) return std::nullopt;
  return (this->*kByKind[i])(ResolvedReference{ref, std::nullopt});
}

std::optional<ResolvedReference> Resolver::Kept(ResolvedReference out) const {
  const ModelReference& ref = out.ref;
  if (!out.resolution && ref.evidence != Evidence::kDefinite) return std::nullopt;
  if (!out.resolution && ref.kind == ReferenceKind::kHfModelId) {
    // Unknown to the catalog but still a concrete dependency with an identity.
    std::string org, name;
    if (SplitHubId(ref.text, &org, &name)) {
      Resolution r;
      r.model = org + "/" + name;
      r.match = "unknown";
      r.confidence = 0;
      out.resolution = std::move(r);
    }
  }
  return out;
}

std::optional<ResolvedReference> Resolver::ResolveHubIdRef(ResolvedReference out) const {
  const ModelReference& ref = out.ref;
  std::string org, name;
  if (ref.evidence != Evidence::kDefinite && SplitHubId(ref.text, &org, &name)) {
    // "deepseek/deepseek-chat" in a model= slot is LiteLLM's provider/model form.
    for (const Provider& p : catalog_.providers()) {
      if (IContainsElement(p.prefixes, org + "/") && !org_publisher_.count(ToLower(org))) {
        if (auto r = ResolveApiModel(ref.text, ref.evidence)) {
          out.ref.kind = ReferenceKind::kApiModel;
          out.resolution = std::move(r);
          return out;
        }
      }
    }
  }
  // "openai/gpt-4o", "anthropic/claude-3-5-sonnet": a vendor's own API
  // name behind its own org (LiteLLM, OpenRouter and model tables write
  // them so) is that API model, not a Hub repository.
  // A repository the publisher really has on the Hub (Qwen/Qwen3-235B-A22B)
  // stays a Hub id: open weights, under their licence.
  if (ref.evidence != Evidence::kDefinite && SplitHubId(ref.text, &org, &name)) {
    auto pub = org_publisher_.find(ToLower(org));
    const Family* api = FamilyByApiName(ToLower(name));
    std::optional<Resolution> hub = ResolveHubId(ref.text, ref.evidence);
    bool official_repo = hub && hub->match == "hf-org" && !hub->family.empty();
    if (!official_repo && pub != org_publisher_.end() && api != nullptr && IEquals(api->publisher, pub->second)) {
      if (auto r = ResolveApiModel(name, ref.evidence)) {
        out.ref.kind = ReferenceKind::kApiModel;
        out.resolution = std::move(r);
        return out;
      }
    }
  }
  out.resolution = ResolveHubId(ref.text, ref.evidence);
  if (!out.resolution && ref.evidence == Evidence::kLikely) {
    if (auto r = ResolveApiModel(ref.text, ref.evidence); r && !r->family.empty()) {
      out.ref.kind = ReferenceKind::kApiModel;
      out.resolution = std::move(r);
    }
  }
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveApiModelRef(ResolvedReference out) const {
  out.resolution = ResolveApiModel(out.ref.text, out.ref.evidence);
  return Kept(std::move(out));
}

namespace {

// A model page on a hub, by its host: "https://huggingface.co/org/name",
// "hf.co/org/name", "modelscope.cn/models/org/name". Other hosts of the same
// sites ("api-inference.huggingface.co/v1/") are APIs.
bool IsHubPageUrl(std::string_view url) {
  std::string_view t = Trim(url);
  for (std::string_view p : {"https://", "http://"}) {
    if (IStartsWith(t, p)) t.remove_prefix(p.size());
  }
  for (std::string_view hub : {"huggingface.co/", "www.huggingface.co/", "hf.co/", "modelscope.cn/models/",
                               "www.modelscope.cn/models/", "modelers.cn/models/", "wisemodel.cn/models/"}) {
    if (IStartsWith(t, hub)) return true;
  }
  return false;
}

}  // namespace

std::optional<ResolvedReference> Resolver::ResolveApiEndpointRef(ResolvedReference out) const {
  const std::string& text = out.ref.text;
  if (std::string org, name; IsHubPageUrl(text) && SplitHubId(text, &org, &name)) {
    out.ref.kind = ReferenceKind::kHfModelId;
    out.resolution = ResolveHubId(org + "/" + name, Evidence::kLikely);
    if (!out.resolution) return std::nullopt;
    out.ref.text = org + "/" + name;
    return out;
  }
  out.resolution = ResolveHost(text);
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveSdkPackageRef(ResolvedReference out) const {
  const SdkPackageFacts& f = FactsOr<SdkPackageFacts>(out.ref);
  if (!f.class_name.empty()) {
    out.resolution = ResolveProviderClass(f.class_name);
  } else {
    // text-scan names the catalog's package when the text is its short
    // form (a Maven artifactId without its group).
    out.resolution = ResolvePackage(f.ecosystem, f.package.empty() ? std::string_view(out.ref.text) : f.package);
  }
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveDeployRef(ResolvedReference out) const {
  const ModelReference& ref = out.ref;
  out.resolution = ResolveDeploy(ref);
  if (!out.resolution && IsLocalPath(ref.text)) return std::nullopt;  // `vllm serve /root/output/merged`
  // Modelfile directives and command-line tools say the same things.
  std::string_view directive, tool, source;
  if (const ModelfileFacts* m = ref.FactsAs<ModelfileFacts>()) {
    directive = m->directive, tool = m->tool, source = m->source;
  } else if (const DeployFacts* d = ref.FactsAs<DeployFacts>()) {
    tool = d->tool, source = d->source;
  }
  if (!out.resolution && ref.evidence == Evidence::kDefinite && directive != "LICENSE") {
    // Unknown to the catalog but a concrete Hub dependency all the same.
    if (std::string org, name; SplitHubId(ref.text, &org, &name) && tool != "ollama" && source != "file") {
      Resolution r;
      r.model = org + "/" + name;
      r.match = "unknown";
      r.confidence = 0;
      out.resolution = std::move(r);
    }
  }
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveModelConfigRef(ResolvedReference out) const {
  if (const TokenizerFacts* t = out.ref.FactsAs<TokenizerFacts>(); t != nullptr && !t->tokenizer.empty()) {
    out.resolution = ResolveTokenizer(*t);
    if (out.resolution) out.resolution->model = LocalModelId(out.ref.location.path);
  } else {
    out.resolution = ResolveConfig(FactsOr<HfConfigFacts>(out.ref), out.ref.location.path);
  }
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveAdapterRef(ResolvedReference out) const {
  const ModelReference& ref = out.ref;
  // An adapter trained on a base at a local path ("/root/models/x")
  // names no third-party model unless the folder's name does.
  if (IsLocalPath(ref.text)) {
    std::string_view last = Trim(ref.text);
    while (!last.empty() && last.back() == '/') last.remove_suffix(1);
    last = last.substr(last.find_last_of('/') == std::string_view::npos ? 0 : last.find_last_of('/') + 1);
    if (FamilyByName(NormalizeModelName(last), "") == nullptr && FamilyByGrammar(ToLower(last)) == nullptr) {
      return std::nullopt;
    }
  }
  out.resolution = ResolveDerivative(ref.location.path, ref.text, "adapter", "adapter_config.json");
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveModelCardRef(ResolvedReference out) const {
  out.resolution = ResolveCard(FactsOr<ModelCardFacts>(out.ref), out.ref.location.path);
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveGgufRef(ResolvedReference out) const {
  out.resolution = ResolveGguf(FactsOr<GgufFacts>(out.ref), out.ref.text);
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveSafetensorsRef(ResolvedReference out) const {
  out.resolution = ResolveSafetensors(FactsOr<SafetensorsFacts>(out.ref), out.ref.location.path);
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveLicenseFileRef(ResolvedReference out) const {
  // A license text names no model; what it tells is the license id.
  if (const LicenseFileFacts* f = out.ref.FactsAs<LicenseFileFacts>(); f != nullptr && !f->license_id.empty()) {
    Resolution lic;
    lic.license = f->license_id;
    lic.match = "license-text";
    lic.confidence = 1.0;
    out.resolution = std::move(lic);
  }
  return Kept(std::move(out));
}

std::optional<ResolvedReference> Resolver::ResolveWeightsRef(ResolvedReference out) const {
  // A weight container's format names no model: only a bare literal of
  // this kind (never made by an extractor) is looked up as a Hub id.
  if (out.ref.evidence != Evidence::kDefinite) out.resolution = ResolveHubId(out.ref.text, out.ref.evidence);
  return Kept(std::move(out));
}

std::optional<Resolution> Resolver::ResolveDeploy(const ModelReference& ref) const {
  const DeployFacts* deploy = ref.FactsAs<DeployFacts>();
  const ModelfileFacts* modelfile = ref.FactsAs<ModelfileFacts>();
  if (deploy != nullptr && !deploy->env_var.empty()) return ResolveEnvVar(deploy->env_var);
  if (deploy != nullptr && !deploy->provider.empty()) return ResolveProviderName(deploy->provider);
  if (modelfile != nullptr && modelfile->directive == "LICENSE") {
    std::string id = LicenseFromCard(ref.text, "");
    if (id.empty()) {
      if (const License* l = catalog_.FindLicense(ref.text)) id = l->id;
    }
    if (id.empty()) return std::nullopt;
    Resolution r;
    r.license = id;
    r.match = "modelfile-license";
    r.confidence = 1.0;
    return r;
  }
  std::string_view tool = deploy ? std::string_view(deploy->tool) : modelfile ? std::string_view(modelfile->tool) : "";
  std::string_view source =
      deploy ? std::string_view(deploy->source) : modelfile ? std::string_view(modelfile->source) : "";
  std::string_view text = Trim(ref.text);
  Evidence e = ref.evidence == Evidence::kPossible ? Evidence::kPossible : Evidence::kLikely;
  if (IStartsWith(text, "hf.co/") || IStartsWith(text, "huggingface.co/") || IStartsWith(text, "https://")) {
    std::string_view hub = text;
    size_t colon = hub.rfind(':');  // "hf.co/org/name:Q4_K_M" (an Ollama quantisation tag)
    if (colon != std::string_view::npos && colon > hub.rfind('/')) hub = hub.substr(0, colon);
    return ResolveHubId(hub, Evidence::kDefinite);
  }
  if (tool == "ollama") {
    if (auto r = ResolveOllama(text, /*known_ollama=*/true)) return r;
    return std::nullopt;
  }
  // A local weights file: the file name usually says which model it is.
  std::string_view base = text;
  bool file = source == "file" || IContains(text, ".gguf") || text.find('\\') != std::string_view::npos ||
              (!text.empty() && (text[0] == '/' || text[0] == '.' || text[0] == '~'));
  if (file) {
    size_t slash = base.find_last_of("/\\");
    if (slash != std::string_view::npos) base = base.substr(slash + 1);
    for (std::string_view ext : {".gguf", ".bin", ".safetensors"}) {
      if (base.size() > ext.size() && IEquals(base.substr(base.size() - ext.size()), ext)) {
        base.remove_suffix(ext.size());
      }
    }
    if (base.empty()) return std::nullopt;
    return ResolveHubId(base, Evidence::kLikely);
  }
  if (auto r = ResolveHubId(text, e)) return r;
  if (text.find(':') != std::string_view::npos) return ResolveOllama(text);
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolveTokenizer(const TokenizerFacts& facts) const {
  const std::vector<std::string>& present = facts.special_tokens;
  auto has = [&](const std::string& t) { return std::find(present.begin(), present.end(), t) != present.end(); };
  std::string_view cls = facts.tokenizer_class;
  std::string vocab = facts.vocab_size ? std::to_string(*facts.vocab_size) : std::string();
  std::string_view hash = facts.vocab_hash;
  const Family* chosen = nullptr;
  double best = 0;
  std::string how;
  for (const Family& f : catalog_.families()) {
    for (const TokenizerFingerprint& t : f.tokenizers) {
      double score = 0;
      std::string why;
      if (!t.vocab_hash.empty() && t.vocab_hash == hash) {
        score = 1.0, why = "vocab_hash=" + t.vocab_hash;
      } else if (!t.special_tokens.empty() && std::all_of(t.special_tokens.begin(), t.special_tokens.end(), has)) {
        bool vocab_ok = t.vocab_size == 0 || vocab.empty() || std::to_string(t.vocab_size) == vocab;
        if (!vocab_ok) continue;
        score = t.vocab_size != 0 && !vocab.empty() ? 0.9 : 0.8;
        why = "special_tokens=" + t.special_tokens.front() + (score > 0.8 ? " vocab_size=" + vocab : "");
      } else if (t.special_tokens.empty() && !t.tokenizer_class.empty() && t.tokenizer_class == cls) {
        score = 0.5, why = "tokenizer_class=" + t.tokenizer_class;
      }
      if (score > best) best = score, chosen = &f, how = "tokenizer " + why;
    }
  }
  if (chosen == nullptr) return std::nullopt;
  Resolution r;
  r.family = chosen->id;
  FillPublisher(r, chosen->publisher);
  r.license = chosen->license;
  r.match = how;
  r.confidence = best;
  return r;
}

std::optional<Resolution> Resolver::ResolveConfig(const HfConfigFacts& facts, std::string_view path) const {
  std::string_view named = facts.name_or_path;
  if (!named.empty()) {
    // The folder holds a model saved from (or fine-tuned on) a Hub model.
    if (auto r = ResolveDerivative(path, named, "base", "config.json _name_or_path"); r && !r->lineage.empty()) {
      r->match = "config _name_or_path";
      return r;
    }
  }
  std::string_view model_type = facts.model_type;
  std::string_view first_arch = facts.architectures.empty() ? std::string_view() : facts.architectures.front();
  std::string vocab = facts.vocab_size ? std::to_string(*facts.vocab_size) : std::string();
  const Family* chosen = nullptr;
  std::string how;
  double confidence = 0;
  // 1. Fingerprints: the most specific facts first.
  for (const Family& f : catalog_.families()) {
    for (const Fingerprint& fp : f.fingerprints) {
      if (!fp.model_type.empty() && !IEquals(fp.model_type, model_type)) continue;
      if (!fp.architectures.empty() && !IContainsElement(fp.architectures, first_arch)) continue;
      if (fp.vocab_size != 0 && std::to_string(fp.vocab_size) != vocab) continue;
      if (fp.model_type.empty() && fp.architectures.empty() && fp.vocab_size == 0) continue;
      double c = 0.5 + (fp.model_type.empty() ? 0 : 0.2) + (fp.vocab_size ? 0.25 : 0) + (fp.architectures.empty() ? 0 : 0.05);
      if (c > confidence) {
        chosen = &f;
        confidence = c;
        how = "fingerprint";
        if (!fp.model_type.empty()) how += " model_type=" + fp.model_type;
        if (!fp.architectures.empty()) how += " architectures=" + fp.architectures.front();
        if (fp.vocab_size) how += " vocab_size=" + std::to_string(fp.vocab_size);
      }
    }
  }
  // 2. A model_type, then an architecture, that only one family uses.
  if (chosen == nullptr) {
    for (const Family& f : catalog_.families()) {
      if (!model_type.empty() && IContainsElement(f.config_model_types, model_type)) {
        chosen = &f, confidence = 0.8, how = "config model_type=" + std::string(model_type);
        break;
      }
    }
  }
  if (chosen == nullptr) {
    for (const Family& f : catalog_.families()) {
      for (const std::string& a : facts.architectures) {
        if (!a.empty() && IContainsElement(f.config_architectures, a)) {
          chosen = &f, confidence = 0.7, how = "config architectures=" + a;
          break;
        }
      }
      if (chosen != nullptr) break;
    }
  }
  if (chosen == nullptr) return std::nullopt;
  Resolution r;
  r.model = LocalModelId(path);
  r.family = chosen->id;
  FillPublisher(r, chosen->publisher);
  r.license = chosen->license;
  r.match = how;
  r.confidence = confidence;
  return r;
}

std::optional<Resolution> Resolver::ResolveDerivative(std::string_view path, std::string_view base,
                                                      std::string_view relation, std::string_view source) const {
  Resolution r;
  r.model = LocalModelId(path);
  r.match = "derivative";
  r.confidence = 1.0;
  if (base.empty()) return r;
  std::optional<Resolution> b = ResolveHubId(base, Evidence::kDefinite);
  LineageStep step{std::string(base), std::string(relation), "", "", std::string(source)};
  if (b) {
    step.model = b->model;
    step.family = b->family;
    step.license = b->license;
    r.family = b->family;
    r.publisher = b->publisher;
    r.publisher_name = b->publisher_name;
    r.country = b->country;
    r.license = b->license;  // a derivative that declares nothing is under its base's license
    r.confidence = b->confidence;
  }
  r.lineage.push_back(std::move(step));
  if (b) {
    for (LineageStep& s : b->lineage) r.lineage.push_back(std::move(s));
  }
  return r;
}

std::optional<Resolution> Resolver::ResolveCard(const ModelCardFacts& card, std::string_view path) const {
  std::string card_license = LicenseFromCard(card.license, card.license_name);
  std::string_view base = card.base_model;
  const std::string& relation = card.base_model_relation;
  auto r = ResolveDerivative(path, base, relation.empty() ? "finetune" : relation, "model card");
  // The card's own declaration wins over the base's license; a declared
  // license the catalog cannot map ("other" with an unknown license_name)
  // leaves the model's license unknown rather than borrowing the base's
  // (whose terms still reach it through the lineage).
  if (!card_license.empty() || !card.license.empty()) r->license = card_license;
  if (base.empty() && card_license.empty()) return std::nullopt;
  r->match = "model-card";
  return r;
}

std::optional<Resolution> Resolver::ResolveSafetensors(const SafetensorsFacts& facts, std::string_view path) const {
  std::optional<Resolution> r;
  // __metadata__ written by the publisher or a training tool: a base model, or
  // the model's own Hub name, makes the file a copy or derivative of it.
  for (std::string_view key : {"base_model", "name", "model_name"}) {
    std::string_view named = facts.Metadata(key);
    if (named.empty()) continue;
    std::optional<Resolution> d = ResolveDerivative(path, named, "base", "safetensors __metadata__ " + std::string(key));
    if (d && !d->family.empty()) {
      r = std::move(d);
      r->match = "safetensors " + std::string(key);
      break;
    }
  }
  // The embedding matrix's rows are the vocabulary size: decisive only when
  // one family alone has a fingerprint with that size.
  if (!r && facts.vocab_size) {
    uint64_t vocab = *facts.vocab_size;
    const Family* only = nullptr;
    bool ambiguous = false;
    for (const Family& f : catalog_.families()) {
      bool has = std::any_of(f.fingerprints.begin(), f.fingerprints.end(), [&](const Fingerprint& fp) {
        return fp.vocab_size != 0 && std::to_string(fp.vocab_size) == std::to_string(vocab);
      });
      if (!has) continue;
      ambiguous = ambiguous || (only != nullptr && only != &f);
      only = &f;
    }
    if (only != nullptr && !ambiguous) {
      r = Resolution{};
      r->model = LocalModelId(path);
      r->family = only->id;
      FillPublisher(*r, only->publisher);
      r->license = only->license;
      r->match = "fingerprint vocab_size=" + std::to_string(vocab) + " (safetensors embedding rows)";
      r->confidence = 0.6;
    }
  }
  std::string_view declared = facts.Metadata("license");
  std::string license = LicenseFromCard(declared, facts.Metadata("license_name"));
  if (!r && license.empty()) return std::nullopt;
  if (!r) {
    r = Resolution{};
    r->model = LocalModelId(path);
    r->match = "safetensors license";
    r->confidence = 1.0;
  }
  if (!declared.empty()) r->license = license;  // the file's own declaration wins
  return r;
}

std::optional<Resolution> Resolver::ResolveGguf(const GgufFacts& facts, std::string_view text) const {
  // general.name is prose ("Qwen2.5 7B Instruct"); family patterns are written
  // for Hub-style names, so spaces become dashes.
  auto hub_style = [](std::string_view s) {
    std::string out(Trim(s));
    std::replace(out.begin(), out.end(), ' ', '-');
    return out;
  };
  std::optional<Resolution> r;
  if (!facts.repo_url.empty()) r = ResolveHubId(facts.repo_url, Evidence::kLikely);
  for (const std::string* v : {&facts.name, &facts.basename}) {
    if (r) break;
    if (v->empty()) continue;
    std::string norm = NormalizeModelName(hub_style(*v));
    if (const Family* f = FamilyByName(norm, "")) {
      r = Resolution{};
      r->model = *v;
      r->family = f->id;
      FillPublisher(*r, f->publisher);
      r->license = VersionLicense(*f, norm);
      r->match = "gguf-name";
      r->confidence = 0.8;
    }
  }
  // Base models: each becomes a lineage step; the first one that resolves
  // also identifies the family when the name did not.
  std::string relation = facts.quantized_by.empty() ? "base" : "quantized";
  std::vector<LineageStep> steps;
  std::optional<Resolution> first_base;
  for (const GgufFacts::BaseModel& b : facts.base_models) {
    const std::string &url = b.repo_url, &org = b.organization, &name = b.name;
    if (url.empty() && name.empty()) continue;
    std::optional<Resolution> base;
    if (!url.empty()) base = ResolveHubId(url, Evidence::kLikely);
    if (!base && !org.empty() && !name.empty()) base = ResolveHubId(hub_style(org) + "/" + hub_style(name), Evidence::kLikely);
    std::string id = base ? base->model : name;
    steps.push_back({id, relation, base ? base->family : "", base ? base->license : "", "gguf metadata"});
    if (base && !first_base) first_base = std::move(base);
  }
  if (!r && first_base) {
    r = std::move(first_base);
    r->model = std::string(text);
    r->match = "gguf-base-model";
  }
  if (!r && !facts.architecture.empty()) {
    // The architecture is what config.json calls model_type.
    HfConfigFacts as_config;
    as_config.model_type = facts.architecture;
    if (facts.vocab_size) as_config.vocab_size = static_cast<int64_t>(*facts.vocab_size);
    if ((r = ResolveConfig(as_config, ""))) r->model = std::string(text);
  }
  std::string license = LicenseFromCard(facts.license, facts.license_name);
  if (!r && license.empty() && steps.empty()) return std::nullopt;
  if (!r) {
    r = Resolution{};
    r->model = std::string(text);
    r->match = "gguf-metadata";
    r->confidence = 0.5;
  }
  if (!license.empty()) r->license = license;  // the file's own declaration wins
  r->lineage.insert(r->lineage.begin(), steps.begin(), steps.end());
  return r;
}

}  // namespace modelprov
