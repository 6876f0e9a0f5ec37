#include "catalog/resolver.h"

#include "core/name_grammar.h"

#include <algorithm>
#include <array>
#include <functional>

#include "core/glob.h"
#include "core/provider_classes.h"
#include "core/text.h"

namespace modelprov {
namespace {

constexpr int kMaxLineageDepth = 4;

bool AnyGlob(const std::vector<std::string>& patterns, std::string_view text) {
  for (const std::string& p : patterns) {
    if (GlobMatch(p, text, CaseSensitivity::kInsensitive)) return true;
  }
  return false;
}


// Packaging suffixes, checked repeatedly from the end of the name.
constexpr std::array<std::string_view, 22> kPackagingSuffixes = {
    "-gguf", "-ggml", "-awq", "-gptq", "-exl2", "-mlx", "-onnx", "-bnb-4bit", "-bnb-8bit", "-4bit",
    "-8bit", "-int4", "-int8", "-fp8", "-fp16", "-bf16", "-dynamic", "-unsloth", "-imatrix", "-i1",
    "-hf", "-quantized"};

bool EndsWithQuantTag(std::string_view s, size_t* cut) {
  // llama.cpp quant types: -q4_k_m, .q8_0, -iq3_xxs, -f16
  size_t dash = s.find_last_of("-.");
  if (dash == std::string_view::npos) return false;
  std::string_view tail = s.substr(dash + 1);
  bool quant = (tail.size() >= 2 && (tail[0] == 'q' || (tail[0] == 'i' && tail[1] == 'q')) &&
                tail.find_first_of("0123456789") != std::string_view::npos &&
                tail.find_first_not_of("qiksmxl_0123456789") == std::string_view::npos) ||
               tail == "f16" || tail == "f32";
  if (quant) *cut = dash;
  return quant;
}


// The upstream repository a re-upload was made from, from its name:
// "Qwen2.5-7B-Instruct-GGUF" -> "Qwen/Qwen2.5-7B-Instruct". The family's Hub
// org is only put in front when the name starts the way the family's own
// names do (an anchored pattern matches); a third party's fine-tune
// ("Nous-Hermes-2-Mixtral-8x7B-DPO") keeps its bare name.
std::string UpstreamId(const Family& family, std::string_view repo_name) {
  std::string upstream = StripPackagingSuffixes(repo_name);
  std::string lower = ToLower(upstream);
  if (family.hf_orgs.empty()) return upstream;
  for (const std::string& p : family.name_patterns) {
    if (!p.empty() && p[0] != '*' && GlobMatch(p, lower, CaseSensitivity::kInsensitive)) {
      return family.hf_orgs.front() + "/" + upstream;
    }
  }
  return upstream;
}

// Names the basis of a resolved licence when the resolver path did not: API
// terms when the licence is a hosted API's terms, otherwise the open weights'
// licence (a Hub id, Ollama tag or GGUF name is the checkpoint itself).
Resolution WithBasis(const Catalog& catalog, Resolution r) {
  if (r.license.empty() || !r.license_basis.empty()) return r;
  const License* l = catalog.FindLicense(r.license);
  r.license_basis = l != nullptr && l->category == "proprietary-api-terms" ? "api-terms" : "weights";
  return r;
}

// The one family a provider serves, or null: the provider's model patterns
// must reach exactly one family of the provider's own publisher ("claude-*"
// for Anthropic, "glm-4.5*" and "glm-4-32b-0414-128k" for Z.ai). Gateways and
// clouds serve other publishers' families, which this never picks.
const Family* SoleFamily(const Provider& p, const std::function<const Family*(std::string_view)>& by_api_name) {
  const Family* only = nullptr;
  for (const std::string& pattern : p.model_patterns) {
    std::string probe = ToLower(pattern);
    std::replace(probe.begin(), probe.end(), '*', 'x');
    const Family* f = by_api_name(probe);
    if (f == nullptr || !IEquals(f->publisher, p.publisher)) continue;
    if (only != nullptr && only != f) return nullptr;
    only = f;
  }
  return only;
}

}  // namespace

bool IsLocalPath(std::string_view text) {
  text = Trim(text);
  return !text.empty() && (text[0] == '/' || text[0] == '~' || text.substr(0, 2) == "./" ||
                           text.substr(0, 3) == "../" || (text.size() > 2 && text[1] == ':' && text[2] == '\\'));
}

std::string NormalizeModelName(std::string_view name) { return ToLower(StripPackagingSuffixes(name)); }

std::string StripPackagingSuffixes(std::string_view name) {
  std::string s(Trim(name));
  std::string lower = ToLower(s);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view suf : kPackagingSuffixes) {
      if (lower.size() > suf.size() && lower.compare(lower.size() - suf.size(), suf.size(), suf) == 0) {
        lower.resize(lower.size() - suf.size());
        changed = true;
      }
    }
    size_t cut = 0;
    if (EndsWithQuantTag(lower, &cut) && cut > 0) {
      lower.resize(cut);
      changed = true;
    }
  }
  return s.substr(0, lower.size());
}

bool SplitHubId(std::string_view id, std::string* org, std::string* name) {
  id = Trim(id);
  for (std::string_view p : {"https://", "http://"}) {
    if (IStartsWith(id, p)) id.remove_prefix(p.size());
  }
  for (std::string_view p : {"huggingface.co/", "www.huggingface.co/", "hf.co/", "modelscope.cn/models/",
                             "modelers.cn/models/", "wisemodel.cn/models/"}) {
    if (IStartsWith(id, p)) id.remove_prefix(p.size());
  }
  while (!id.empty() && id.back() == '/') id.remove_suffix(1);
  size_t slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= id.size()) return false;
  std::string_view rest = id.substr(slash + 1);
  size_t extra = rest.find('/');
  if (extra != std::string_view::npos) rest = rest.substr(0, extra);  // ".../tree/main", "/resolve/..."
  *org = std::string(id.substr(0, slash));
  *name = std::string(rest);
  return !rest.empty();
}

std::string HostOf(std::string_view s) {
  s = Trim(s);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) s.remove_prefix(scheme + 3);
  size_t at = s.find('@');
  size_t end = s.find_first_of("/?#");
  if (at != std::string_view::npos && (end == std::string_view::npos || at < end)) s.remove_prefix(at + 1);
  end = s.find_first_of("/?#:");
  return ToLower(s.substr(0, end));
}

Resolver::Resolver(const Catalog& catalog) : catalog_(catalog) {
  for (const Publisher& p : catalog_.publishers()) {
    for (const std::string& org : p.hf_orgs) org_publisher_[ToLower(org)] = p.id;
  }
  std::unordered_map<std::string, int> org_family_count;
  for (const Family& f : catalog_.families()) {
    for (const std::string& org : f.hf_orgs) {
      std::string key = ToLower(org);
      if (++org_family_count[key] == 1) {
        org_family_[key] = &f;
      } else {
        org_family_.erase(key);
      }
      if (!org_publisher_.count(key)) org_publisher_[key] = f.publisher;
    }
  }
  for (const Republisher& r : catalog_.republishers()) republisher_[ToLower(r.org)] = &r;

  auto index = [&](const std::string& pattern, const Family* f, const Provider* p) {
    std::string lower = ToLower(pattern);
    size_t wild = lower.find_first_of("*?");
    std::string prefix = lower.substr(0, wild);
    if (prefix.empty()) {
      api_unprefixed_.push_back({lower, f, p});
    } else {
      api_by_prefix_[prefix].push_back({lower, f, p});
      max_api_prefix_ = std::max(max_api_prefix_, prefix.size());
    }
  };
  for (const Family& f : catalog_.families()) {
    for (const std::string& p : f.api_models) index(p, &f, nullptr);
  }
  for (const Provider& p : catalog_.providers()) {
    for (const std::string& m : p.model_patterns) index(m, nullptr, &p);
  }
}

const Family* Resolver::FamilyByName(std::string_view normalized, std::string_view org) const {
  // The org's own families first: "google/gemma-2b" is Gemma even if another
  // family's pattern would also match.
  for (const Family& f : catalog_.families()) {
    if (IContainsElement(f.hf_orgs, org) && AnyGlob(f.name_patterns, normalized)) return &f;
  }
  for (const Family& f : catalog_.families()) {
    if (AnyGlob(f.name_patterns, normalized)) return &f;
  }
  return nullptr;
}

const Family* Resolver::FamilyByApiName(std::string_view lowered) const {
  for (size_t len = std::min(lowered.size(), max_api_prefix_); len > 0; --len) {
    auto it = api_by_prefix_.find(std::string(lowered.substr(0, len)));
    if (it == api_by_prefix_.end()) continue;
    for (const PatternRef& p : it->second) {
      if (p.family != nullptr && GlobMatch(p.pattern, lowered)) return p.family;
    }
  }
  for (const PatternRef& p : api_unprefixed_) {
    if (p.family != nullptr && GlobMatch(p.pattern, lowered)) return p.family;
  }
  return nullptr;
}

const Family* Resolver::FamilyByOllama(std::string_view library_name) const {
  for (const Family& f : catalog_.families()) {
    if (IContainsElement(f.ollama, library_name)) return &f;
  }
  return nullptr;
}

const Family* Resolver::FamilyByExactName(std::string_view lowered) const {
  for (const Family& f : catalog_.families()) {
    for (const std::string& p : f.name_patterns) {
      if (p.find_first_of("*?[") == std::string::npos && IEquals(p, lowered)) return &f;
    }
  }
  return nullptr;
}

const Family* Resolver::FamilyByGrammar(std::string_view lowered) const {
  if (HasNonModelShape(lowered)) return nullptr;
  const Family* best = nullptr;
  size_t best_len = 0;
  for (const Family& f : catalog_.families()) {
    for (const std::string& s : f.stems) {
      if (s.size() > best_len && StemFits(lowered, s, StemRule::kAnyTail)) best = &f, best_len = s.size();
    }
    for (const std::string& s : f.versioned_stems) {
      if (s.size() > best_len && StemFits(lowered, s, StemRule::kVersionDigit)) best = &f, best_len = s.size();
    }
  }
  return best;
}

const Family* Resolver::FamilyInNameTail(std::string_view lowered) const {
  if (HasNonModelShape(lowered)) return nullptr;
  const Family* best = nullptr;
  size_t best_len = 0;
  for (size_t i = 1; i < lowered.size(); ++i) {
    if (lowered[i - 1] != '-' && lowered[i - 1] != '_') continue;
    std::string_view tail = lowered.substr(i);
    for (const Family& f : catalog_.families()) {
      for (const auto* stems : {&f.stems, &f.versioned_stems}) {
        for (const std::string& s : *stems) {
          // Short stems ("yi", "o1") are ordinary name parts.
          if (s.size() >= 3 && s.size() > best_len && StemFits(tail, s, StemRule::kVersionDigit)) {
            best = &f, best_len = s.size();
          }
        }
      }
    }
    if (best != nullptr) return best;  // the first family named, reading left to right
  }
  return nullptr;
}

const Family* Resolver::FamilyOfCloudModelId(std::string_view lowered) const {
  std::vector<std::string_view> parts = Split(lowered, '.');
  size_t vendor = 0;
  if (parts.size() > 2 && (parts[0] == "us" || parts[0] == "eu" || parts[0] == "apac" || parts[0] == "us-gov" ||
                           parts[0] == "global")) {
    vendor = 1;  // a cross-region inference profile: "us.anthropic.claude-..."
  }
  if (parts.size() < vendor + 2) return nullptr;
  std::string_view v = parts[vendor];
  bool is_publisher = std::any_of(catalog_.publishers().begin(), catalog_.publishers().end(), [&](const Publisher& p) {
    return IEquals(p.id, v) || IContainsElement(p.aliases, v) || IContainsElement(p.hf_orgs, v);
  });
  if (!is_publisher) return nullptr;
  std::string_view rest = lowered.substr(static_cast<size_t>(v.data() + v.size() + 1 - lowered.data()));
  if (const Family* f = FamilyByApiName(rest)) return f;
  return FamilyByName(NormalizeModelName(rest.substr(0, rest.find(':'))), "");
}

const Provider* Resolver::GatewayBySuffix(std::string_view lowered) const {
  if (lowered.find(':') == std::string_view::npos) return nullptr;
  for (const PatternRef& p : api_unprefixed_) {
    if (p.provider != nullptr && p.pattern.find(':') != std::string::npos && GlobMatch(p.pattern, lowered)) {
      return p.provider;
    }
  }
  return nullptr;
}

const Provider* Resolver::ProviderForModel(std::string_view lowered, const Family* family) const {
  for (size_t len = std::min(lowered.size(), max_api_prefix_); len > 0; --len) {
    auto it = api_by_prefix_.find(std::string(lowered.substr(0, len)));
    if (it == api_by_prefix_.end()) continue;
    for (const PatternRef& p : it->second) {
      if (p.provider != nullptr && GlobMatch(p.pattern, lowered)) return p.provider;
    }
  }
  if (family == nullptr) return nullptr;
  // The family's own publisher's API.
  for (const Provider& p : catalog_.providers()) {
    if (p.kind == "vendor" && IEquals(p.publisher, family->publisher)) return &p;
  }
  return nullptr;
}

const VersionRule* Resolver::MatchVersion(const Family& family, std::string_view name) const {
  for (const VersionRule& v : family.versions) {
    if (AnyGlob(v.match, name)) return &v;
  }
  return nullptr;
}

std::string Resolver::VersionLicense(const Family& family, std::string_view normalized) const {
  const VersionRule* v = MatchVersion(family, normalized);
  return v != nullptr ? v->license : family.license;
}

void Resolver::FillPublisher(Resolution& r, std::string_view publisher_id) const {
  const Publisher* p = catalog_.FindPublisher(publisher_id);
  if (p == nullptr) return;
  r.publisher = p->id;
  r.publisher_name = p->name;
  r.country = p->country;
}

void Resolver::AddCatalogLineage(Resolution& r, const Family& family, std::string_view normalized,
                                 int depth) const {
  if (depth >= kMaxLineageDepth) return;
  for (const BaseModelRule& b : family.base_models) {
    if (!AnyGlob(b.match, normalized)) continue;
    LineageStep step{b.base, b.relation.empty() ? "base" : b.relation, "", "", "catalog"};
    if (auto base = ResolveHubId(b.base, Evidence::kDefinite)) {
      step.family = base->family;
      step.license = base->license;
      r.lineage.push_back(step);
      for (LineageStep& s : base->lineage) r.lineage.push_back(std::move(s));
    } else {
      r.lineage.push_back(step);
    }
    return;
  }
}

std::optional<Resolution> Resolver::ResolveHubId(std::string_view id, Evidence evidence) const {
  std::string org, name;
  if (!SplitHubId(id, &org, &name)) {
    // A bare name ("gpt2", "all-MiniLM-L6-v2") only counts when a family claims it.
    if (evidence == Evidence::kPossible) return std::nullopt;
    std::string norm = NormalizeModelName(id);
    const Family* f = FamilyByName(norm, "");
    if (f == nullptr) return std::nullopt;
    Resolution r;
    r.model = std::string(Trim(id));
    r.family = f->id;
    FillPublisher(r, f->publisher);
    r.license = VersionLicense(*f, norm);
    r.match = "name-pattern";
    r.confidence = 0.7;
    AddCatalogLineage(r, *f, norm, 0);
    return WithBasis(catalog_, std::move(r));
  }
  std::string lorg = ToLower(org);
  std::string norm = NormalizeModelName(name);
  Resolution r;
  r.model = org + "/" + name;
  const Family* official = nullptr;
  for (const Family& f : catalog_.families()) {
    if (IContainsElement(f.hf_orgs, org) && AnyGlob(f.name_patterns, norm)) {
      official = &f;
      break;
    }
  }
  if (official == nullptr) {
    // An org with one catalog family also publishes other models (google/
    // flan-t5 is not Gemma): the family, and so its license, is only taken
    // when a version rule names this model; otherwise only the publisher is known.
    auto it = org_family_.find(lorg);
    if (it != org_family_.end() && MatchVersion(*it->second, norm) != nullptr) official = it->second;
  }
  if (official != nullptr) {
    r.family = official->id;
    FillPublisher(r, official->publisher);
    r.license = VersionLicense(*official, norm);
    r.match = "hf-org";
    r.confidence = 1.0;
    AddCatalogLineage(r, *official, norm, 0);
    return WithBasis(catalog_, std::move(r));
  }
  auto rep = republisher_.find(lorg);
  const Family* by_name = FamilyByName(norm, org);
  if (by_name == nullptr && evidence == Evidence::kDefinite) by_name = FamilyInNameTail(ToLower(norm));
  if (rep != republisher_.end() && by_name != nullptr) {
    r.family = by_name->id;
    FillPublisher(r, by_name->publisher);
    r.license = VersionLicense(*by_name, norm);
    r.republisher = rep->second->org;
    r.match = "republisher";
    r.confidence = 0.9;
    std::string relation = rep->second->kind == "quantizer" ? "quantized" : rep->second->kind == "finetuner" ? "finetune" : "mirror";
    r.lineage.push_back({UpstreamId(*by_name, name), relation, by_name->id, r.license, "re-published by " + rep->second->org});
    AddCatalogLineage(r, *by_name, norm, 0);
    return WithBasis(catalog_, std::move(r));
  }
  auto pub = org_publisher_.find(lorg);
  if (pub != org_publisher_.end()) {  // a known publisher, but no family we know
    FillPublisher(r, pub->second);
    r.match = "hf-org";
    r.confidence = 0.8;
    return WithBasis(catalog_, std::move(r));
  }
  if (by_name != nullptr && evidence != Evidence::kPossible) {
    // Someone else's derivative whose name says what it derives from.
    r.family = by_name->id;
    FillPublisher(r, by_name->publisher);
    r.license = VersionLicense(*by_name, norm);
    r.republisher = org;
    r.match = "name-pattern";
    r.confidence = 0.6;
    r.lineage.push_back({"", "derivative (by name)", by_name->id, r.license, "model name"});
    return WithBasis(catalog_, std::move(r));
  }
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolveOllama(std::string_view tag, bool known_ollama) const {
  std::string t = ToLower(Trim(tag));
  if (IStartsWith(t, "ollama/") || IStartsWith(t, "ollama_chat/")) t = t.substr(t.find('/') + 1);
  if (IStartsWith(t, "library/")) t = t.substr(8);
  std::string library = t.substr(0, t.find(':'));
  const Family* f = FamilyByOllama(library);
  if (f == nullptr) {
    // A library name newer than the catalog ("gemma4", "qwen3.5"): the
    // family's grammar; the licence is presumed.
    if (!known_ollama && t.find(':') == std::string::npos) return std::nullopt;
    f = FamilyByGrammar(library);
    if (f == nullptr) return std::nullopt;
    Resolution r;
    r.model = t;
    r.family = f->id;
    FillPublisher(r, f->publisher);
    const VersionRule* v = MatchVersion(*f, NormalizeModelName(library));
    r.license = v != nullptr ? v->license : f->license;
    // A version rule's glob ("gemma4*") may or may not have meant this
    // release: the release itself is not in the catalog.
    r.version_known = false;
    r.license_presumed = !r.license.empty();
    r.match = "ollama-grammar";
    r.confidence = 0.7;
    return WithBasis(catalog_, std::move(r));
  }
  Resolution r;
  r.model = t;
  r.family = f->id;
  FillPublisher(r, f->publisher);
  // Tags carry the size ("qwen2.5:72b"), and sizes can have their own license.
  const VersionRule* v = MatchVersion(*f, t);
  r.license = v != nullptr ? v->license : VersionLicense(*f, NormalizeModelName(library));
  r.match = "ollama";
  r.confidence = 0.9;
  // A tag can name a different model from its library's flagship:
  // "deepseek-r1:70b" is the R1 distill onto Llama 3.3, with Llama's terms.
  AddCatalogLineage(r, *f, t, 0);
  return WithBasis(catalog_, std::move(r));
}

std::optional<Resolution> Resolver::ResolveGgufName(std::string_view name) const {
  std::string dashed(Trim(name));
  std::replace(dashed.begin(), dashed.end(), ' ', '-');
  std::vector<std::string> candidates{NormalizeModelName(dashed)};
  // "Meta Llama 3.1 8B": the converter often puts the publisher first.
  size_t dash = candidates[0].find('-');
  if (dash != std::string::npos) {
    std::string first = candidates[0].substr(0, dash);
    bool is_publisher = std::any_of(catalog_.publishers().begin(), catalog_.publishers().end(), [&](const Publisher& p) {
      return IEquals(p.id, first) || IEquals(p.name, first) || IContainsElement(p.aliases, first);
    });
    std::string rest = candidates[0].substr(dash + 1);
    candidates.insert(is_publisher ? candidates.begin() : candidates.end(), rest);
  }
  for (const std::string& norm : candidates) {
    const Family* f = FamilyByName(norm, "");
    if (f == nullptr) continue;
    Resolution r;
    r.model = std::string(Trim(name));
    r.family = f->id;
    FillPublisher(r, f->publisher);
    r.license = VersionLicense(*f, norm);
    r.match = "gguf-name";
    r.confidence = 0.8;
    AddCatalogLineage(r, *f, norm, 0);
    return WithBasis(catalog_, std::move(r));
  }
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolveApiModel(std::string_view name, Evidence evidence) const {
  std::string lowered = ToLower(Trim(name));
  // A bare string as short as "o1" or "o3" is a model only where a slot
  // says so.
  if (evidence == Evidence::kPossible && lowered.size() < 4) return std::nullopt;
  const Provider* gateway = nullptr;
  // "deepseek/deepseek-r1:free", "openai/gpt-4o:nitro": a variant suffix
  // routes the request through its gateway, the part before the slash is
  // the model's org there (not a LiteLLM provider prefix), and the model is
  // the one named before the colon.
  const Provider* suffix_gateway = GatewayBySuffix(lowered);
  // "openrouter/deepseek/deepseek-r1:free": the same, behind the gateway's
  // own LiteLLM prefix.
  for (const Provider& p : catalog_.providers()) {
    if (suffix_gateway != nullptr || lowered.find(':') == std::string::npos) break;
    for (const std::string& prefix : p.prefixes) {
      if (!prefix.empty() && IStartsWith(lowered, prefix) &&
          GatewayBySuffix(std::string_view(lowered).substr(prefix.size())) == &p) {
        suffix_gateway = &p;
      }
    }
  }
  std::string variant;
  if (suffix_gateway != nullptr) {
    variant = lowered.substr(lowered.rfind(':'));
    lowered.resize(lowered.size() - variant.size());
  }
  // LiteLLM / OpenRouter prefixes: "openrouter/qwen/...", "bedrock/...", "deepseek/deepseek-chat".
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const Provider& p : catalog_.providers()) {
      if (suffix_gateway != nullptr && &p != suffix_gateway) continue;
      for (const std::string& prefix : p.prefixes) {
        if (!prefix.empty() && IStartsWith(lowered, prefix) && lowered.size() > prefix.size()) {
          lowered = lowered.substr(prefix.size());
          if (gateway == nullptr) gateway = &p;
          stripped = true;
        }
      }
    }
  }
  // "saves/qwen3-vl-4b/lora/sft": a path of the user's own, not a
  // provider/model name (gateway prefixes were stripped above).
  if (std::count(lowered.begin(), lowered.end(), '/') > 1 && gateway == nullptr) return std::nullopt;
  if (suffix_gateway != nullptr && gateway == nullptr) gateway = suffix_gateway;
  Resolution r;
  r.model = lowered + variant;
  const Family* f = FamilyByApiName(lowered);
  if (f == nullptr && lowered.find('/') != std::string::npos) {
    // "qwen/qwen-2.5-72b-instruct": vendor/model as gateways write it.
    if (auto hub = ResolveHubId(lowered, Evidence::kLikely); hub && !hub->family.empty()) {
      f = catalog_.FindFamily(hub->family);
    }
    if (f == nullptr) {
      std::string tail = lowered.substr(lowered.rfind('/') + 1);
      f = FamilyByApiName(tail);
    }
  }
  if (f == nullptr && evidence != Evidence::kPossible) {
    if (lowered.find(':') != std::string::npos || gateway == nullptr) {
      if (auto o = ResolveOllama(lowered)) return o;
    }
    if (gateway != nullptr || evidence == Evidence::kDefinite) f = FamilyByName(NormalizeModelName(lowered), "");
  }
  bool by_grammar = false;
  if (f == nullptr && evidence != Evidence::kPossible) {
    // A release newer than the catalog ("qwen3.8-max", "gemma4:e4b"): the
    // family's grammar names family, publisher and country; the licence is
    // only presumed.
    std::string_view tail = std::string_view(lowered).substr(lowered.rfind('/') + 1);
    f = FamilyByExactName(tail);
    if (f == nullptr) f = FamilyByGrammar(tail);
    by_grammar = f != nullptr;
    if (by_grammar && tail.find(':') != std::string_view::npos && gateway == nullptr) {
      // "name:tag" is how Ollama names pulled weights: the weights licence.
      if (auto o = ResolveOllama(tail, /*known_ollama=*/true)) return o;
    }
  }
  const Provider* provider = gateway != nullptr ? gateway : ProviderForModel(lowered, f);
  // Whether a provider names this very string among the models its API
  // serves (or a gateway prefix was written): then the name is used through
  // that API, and a vendor's API terms bind it whatever licence a
  // same-named open-weights checkpoint has.
  bool served_by_name = gateway != nullptr || (provider != nullptr && ProviderForModel(lowered, nullptr) == provider);
  if (f == nullptr && provider != nullptr && provider->kind != "vendor") f = FamilyOfCloudModelId(lowered);
  if (f == nullptr && provider != nullptr && evidence != Evidence::kPossible) {
    // A provider's own model name ("kimi-k2-0905-preview") whose family only
    // the name patterns know.
    const Family* named = FamilyByName(NormalizeModelName(lowered.substr(lowered.rfind('/') + 1)), "");
    if (named != nullptr && IEquals(named->publisher, provider->publisher)) f = named;
  }
  if (f == nullptr && provider == nullptr) return std::nullopt;
  // Who made the model: its family's publisher; else the vendor its gateway
  // id names ("google/learnlm-..." on NVIDIA NIM or OpenRouter is Google's);
  // only then the provider itself.
  std::string named_org;
  if (size_t slash = lowered.find('/'); slash != std::string::npos) named_org = lowered.substr(0, slash);
  auto org_pub = named_org.empty() ? org_publisher_.end() : org_publisher_.find(named_org);
  if (f != nullptr) {
    r.family = f->id;
    FillPublisher(r, f->publisher);
  } else if (org_pub != org_publisher_.end()) {
    FillPublisher(r, org_pub->second);
  } else if (provider != nullptr && (provider->kind == "vendor" || named_org.empty())) {
    FillPublisher(r, provider->publisher);
  }
  if (provider != nullptr) r.provider = provider->id;
  // Which license applies: a version rule of the family names it (open
  // weights served by a gateway keep their own license; catalog version rules
  // also map first-party API names to API terms). Otherwise a vendor's or
  // cloud's hosted model is under its API terms.
  std::string tail = lowered.substr(lowered.rfind('/') + 1);
  const VersionRule* v = f != nullptr ? MatchVersion(*f, tail) : nullptr;
  const License* rule_license = v != nullptr ? catalog_.FindLicense(v->license) : nullptr;
  bool rule_names_api_terms = rule_license != nullptr && rule_license->category == "proprietary-api-terms";
  if (provider != nullptr && provider->kind == "vendor" && served_by_name && !provider->license.empty()) {
    r.license = provider->license;
    r.license_basis = "api-terms";
  } else if (v != nullptr && !(rule_names_api_terms && provider != nullptr && provider->kind != "gateway")) {
    r.license = v->license;
    if (!rule_names_api_terms) r.license_basis = "weights";
  } else if (provider != nullptr && provider->kind != "gateway") {
    // The provider's own terms, also when a version rule says "API terms": a
    // --catalog entry that replaces the provider's license (a negotiated
    // contract) then reaches every model it serves.
    r.license = provider->license;
  } else if (f != nullptr) {
    r.license = f->license;
  } else if (provider != nullptr) {
    r.license = provider->license;
  }
  r.match = by_grammar ? "family-grammar" : "api-model";
  r.confidence = by_grammar ? 0.7 : f != nullptr ? 0.95 : 0.8;
  if (by_grammar) {
    r.version_known = false;
    // API terms bind whatever the vendor serves; a family default does not.
    const License* lic = catalog_.FindLicense(r.license);
    r.license_presumed = !r.license.empty() && (lic == nullptr || lic->category != "proprietary-api-terms");
  }
  return r;
}

std::optional<Resolution> Resolver::ResolveHost(std::string_view url_or_host) const {
  if (IsWebPageUrl(url_or_host)) return std::nullopt;  // a console or docs page, not the API
  std::string host = HostOf(url_or_host);
  if (host.empty()) return std::nullopt;
  for (const Provider& p : catalog_.providers()) {
    if (!AnyGlob(p.hosts, host)) continue;
    Resolution r;
    r.model = host;
    r.provider = p.id;
    r.license = p.license;
    FillPublisher(r, p.publisher);
    for (const auto& [glob, country] : p.host_countries) {
      if (GlobMatch(glob, host, CaseSensitivity::kInsensitive)) {
        r.data_country = country;
        break;
      }
    }
    // The host serves one family when the publisher's families that its
    // provider's model patterns reach are exactly one.
    if (const Family* only = SoleFamily(p, [&](std::string_view n) { return FamilyByApiName(n); })) {
      r.family = only->id;
    }
    r.match = "host";
    r.confidence = 1.0;
    return r;
  }
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolvePackage(std::string_view ecosystem, std::string_view package) const {
  auto norm = [&](std::string_view s) {
    std::string out = ToLower(Trim(s));
    if (ecosystem == "pypi") std::replace(out.begin(), out.end(), '_', '-');
    return out;
  };
  std::string pkg = norm(package);
  // Several providers list OpenAI-compatible SDKs; the package's own vendor
  // (whose id or publisher the package name contains) wins over the others.
  const Provider* best = nullptr;
  bool best_owns = false;
  for (const Provider& p : catalog_.providers()) {
    auto it = p.sdk.find(std::string(ecosystem));
    if (it == p.sdk.end()) continue;
    bool listed = std::any_of(it->second.begin(), it->second.end(),
                              [&](const std::string& c) { return norm(c) == pkg; });
    if (!listed) continue;
    bool owns = IContains(pkg, p.id) || (!p.publisher.empty() && IContains(pkg, p.publisher));
    if (best == nullptr || (owns && !best_owns)) {
      best = &p;
      best_owns = owns;
    }
  }
  if (best == nullptr) return std::nullopt;
  Resolution r;
  r.model = std::string(ecosystem) + ":" + pkg;
  r.provider = best->id;
  r.license = best->license;
  FillPublisher(r, best->publisher);
  // A vendor's own SDK serves its one family (Anthropic's serve Claude, zai-sdk
  // serves GLM); a package shared by several providers names none.
  if (best_owns) {
    if (const Family* only = SoleFamily(*best, [&](std::string_view n) { return FamilyByApiName(n); })) {
      r.family = only->id;
    }
  }
  r.match = "sdk";
  r.confidence = best_owns ? 1.0 : 0.6;
  return r;
}

std::optional<Resolution> Resolver::ProviderResolution(const Provider& p, std::string_view match) const {
  Resolution r;
  r.model = p.id;
  r.provider = p.id;
  r.license = p.license;
  FillPublisher(r, p.publisher);
  r.match = std::string(match);
  r.confidence = 0.9;
  return r;
}

std::optional<Resolution> Resolver::ResolveEnvVar(std::string_view name) const {
  for (const Provider& p : catalog_.providers()) {
    for (const std::string& v : p.env_vars) {
      if (v == name) return ProviderResolution(p, "env-var");  // variable names are case-sensitive
    }
  }
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolveProviderName(std::string_view name) const {
  std::string n = ToLower(Trim(name));
  if (n.empty()) return std::nullopt;
  for (const Provider& p : catalog_.providers()) {
    if (IEquals(p.id, n) || IContainsElement(p.aliases, n)) return ProviderResolution(p, "provider");
    for (const std::string& prefix : p.prefixes) {
      std::string_view bare = prefix;
      if (!bare.empty() && bare.back() == '/') bare.remove_suffix(1);
      if (IEquals(bare, n)) return ProviderResolution(p, "provider");
    }
    for (const std::string& v : p.env_vars) {
      size_t cut = v.find("_API_KEY");
      if (cut != std::string::npos && cut > 0 && IEquals(std::string_view(v).substr(0, cut), n)) {
        return ProviderResolution(p, "provider");
      }
    }
  }
  // A publisher's name with exactly one vendor API: "alibaba" -> Model Studio.
  for (const Publisher& pub : catalog_.publishers()) {
    if (!IEquals(pub.id, n) && !IContainsElement(pub.aliases, n)) continue;
    const Provider* only = nullptr;
    int count = 0;
    for (const Provider& p : catalog_.providers()) {
      if (p.kind == "vendor" && IEquals(p.publisher, pub.id)) only = &p, ++count;
    }
    if (count == 1) return ProviderResolution(*only, "provider");
  }
  return std::nullopt;
}

std::optional<Resolution> Resolver::ResolveProviderClass(std::string_view class_name) const {
  const ProviderClass* pc = FindProviderClass(class_name);
  if (pc == nullptr) return std::nullopt;
  const Provider* p = catalog_.FindProvider(pc->provider);
  if (p == nullptr) return std::nullopt;
  return ProviderResolution(*p, "provider-class");
}

std::string Resolver::LicenseFromCard(std::string_view hf_license, std::string_view license_name) const {
  std::string lic = ToLower(Trim(hf_license));
  if (lic.empty()) return {};
  if (lic == "other" || lic.empty()) {
    for (const License& l : catalog_.licenses()) {
      if (!license_name.empty() && IContainsElement(l.hf_license_names, Trim(license_name))) return l.id;
    }
    return {};
  }
  for (const License& l : catalog_.licenses()) {
    if (IContainsElement(l.hf_ids, lic) || IEquals(l.id, lic)) return l.id;
  }
  return {};
}

}  // namespace modelprov
