// Resolver: maps a raw ModelReference onto the catalog.
//
// Each reference kind has its own matchers (Hub org + name patterns, API model
// patterns, provider hosts, SDK package names, config.json fields). How much
// evidence a match needs depends on ModelReference::evidence: a definite
// reference is kept even when nothing matches, a possible one only on an
// exact catalog hit. That decision is made here, in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "core/resolved.h"

namespace modelprov {

class Resolver {
 public:
  // Builds lookup indexes; `catalog` must outlive the resolver.
  explicit Resolver(const Catalog& catalog);

  // Resolves one reference. Returns nullopt when the reference should be
  // dropped: too little evidence that it names a model at all. A kept
  // reference that the catalog does not know has resolution == nullopt.
  // The returned reference may have a refined kind: "deepseek/deepseek-chat"
  // written where a Hub id could stand is a LiteLLM-style api-model.
  std::optional<ResolvedReference> Resolve(const ModelReference& ref) const;

  // Lower-level lookups, also used by `modelprov explain`.
  std::optional<Resolution> ResolveHubId(std::string_view id, Evidence evidence) const;
  std::optional<Resolution> ResolveApiModel(std::string_view name, Evidence evidence) const;
  std::optional<Resolution> ResolveHost(std::string_view url_or_host) const;
  // `known_ollama`: the text is certainly an Ollama name (ollama run X,
  // ollama.com/library/X), so a library newer than the catalog is read by
  // its family's grammar even without a ":tag".
  std::optional<Resolution> ResolveOllama(std::string_view tag, bool known_ollama = false) const;
  // A GGUF `general.name` as llama.cpp's converter writes it ("Qwen2.5 7B
  // Instruct", "Meta Llama 3.1 8B Instruct").
  std::optional<Resolution> ResolveGgufName(std::string_view name) const;
  std::optional<Resolution> ResolvePackage(std::string_view ecosystem, std::string_view package) const;
  // A credential/endpoint variable name (DEEPSEEK_API_KEY) listed in a
  // provider's env_vars.
  std::optional<Resolution> ResolveEnvVar(std::string_view name) const;
  // A provider named in a config (`provider: moonshot`, `model_server:
  // dashscope`): matched against provider ids, LiteLLM prefixes without the
  // '/', the stems of their env_vars (ZHIPUAI_API_KEY -> zhipuai), and the
  // publisher's id and aliases when that publisher has one vendor API.
  std::optional<Resolution> ResolveProviderName(std::string_view name) const;
  // A LangChain/LlamaIndex class (core/provider_classes.h) to its provider.
  std::optional<Resolution> ResolveProviderClass(std::string_view class_name) const;
  // Maps a model-card `license:` / `license_name:` value to a license id.
  std::string LicenseFromCard(std::string_view hf_license, std::string_view license_name) const;

  const Catalog& catalog() const { return catalog_; }

 private:
  const Family* FamilyByName(std::string_view normalized_name, std::string_view org) const;
  const Family* FamilyByApiName(std::string_view lowered) const;
  const Family* FamilyByOllama(std::string_view library_name) const;
  // The family of a release named after a '-' or '_' inside a derivative's
  // name ("tiny-random-qwen3", "my-sft-llama-3-8b"): the stem and a version
  // digit must follow the separator. nullptr when none is named.
  const Family* FamilyInNameTail(std::string_view lowered) const;
 public:
  // The family whose naming grammar (Family::stems / versioned_stems) fits a
  // lowercased name, longest stem first; nullptr when none does. Names that
  // look like code or files ("claude-history.db", "qwen-client") never fit.
  const Family* FamilyByGrammar(std::string_view lowered) const;
  // The family one of whose name_patterns is this exact name ("sd-turbo").
  const Family* FamilyByExactName(std::string_view lowered) const;

 private:
  const Provider* ProviderForModel(std::string_view lowered, const Family* family) const;
  // The gateway whose variant suffix a model id carries ("…:free", "…:nitro"
  // on OpenRouter): catalog patterns that start with a wildcard and end in
  // a ":suffix" name a convention only that gateway uses.
  const Provider* GatewayBySuffix(std::string_view lowered) const;
  // A cloud's model id that puts the vendor first (Bedrock's
  // "meta.llama3-1-70b-instruct-v1:0", "us.anthropic.claude-..."): the family
  // of what follows the vendor, when the vendor is a catalog publisher.
  const Family* FamilyOfCloudModelId(std::string_view lowered) const;
  const VersionRule* MatchVersion(const Family& family, std::string_view name) const;
  std::string VersionLicense(const Family& family, std::string_view normalized_name) const;
  void FillPublisher(Resolution& r, std::string_view publisher_id) const;
  void AddCatalogLineage(Resolution& r, const Family& family, std::string_view normalized_name,
                         int depth) const;
  // One function per reference kind, chosen by Resolve() from a table in
  // ReferenceKind order (resolver_kinds.cc); each reads its kind's typed facts.
  std::optional<ResolvedReference> ResolveHubIdRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveApiModelRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveApiEndpointRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveSdkPackageRef(ResolvedReference out) const;
  // deploy-config and modelfile.
  std::optional<ResolvedReference> ResolveDeployRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveModelConfigRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveAdapterRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveModelCardRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveGgufRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveSafetensorsRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveLicenseFileRef(ResolvedReference out) const;
  std::optional<ResolvedReference> ResolveWeightsRef(ResolvedReference out) const;
  // What every kind does last: drops an unresolved reference short of
  // definite evidence, and gives an unknown Hub id its own identity.
  std::optional<ResolvedReference> Kept(ResolvedReference out) const;

  std::optional<Resolution> ResolveConfig(const HfConfigFacts& facts, std::string_view path) const;
  std::optional<Resolution> ResolveTokenizer(const TokenizerFacts& facts) const;
  std::optional<Resolution> ResolveCard(const ModelCardFacts& card, std::string_view path) const;
  // A model folder in the scanned tree (the folder of `path`) derived from
  // `base`: its id is "local:<folder>", its lineage starts with `base`.
  std::optional<Resolution> ResolveDerivative(std::string_view path, std::string_view base,
                                              std::string_view relation, std::string_view source) const;
  // deploy-config and modelfile references: serving/pull commands, Modelfile
  // FROM/ADAPTER/LICENSE, env-var names and provider keys.
  std::optional<Resolution> ResolveDeploy(const ModelReference& ref) const;
  std::optional<Resolution> ProviderResolution(const Provider& p, std::string_view match) const;
  // safetensors __metadata__ (base_model, name, license), then a vocabulary
  // size only one family's fingerprint has; the model is the file's folder.
  std::optional<Resolution> ResolveSafetensors(const SafetensorsFacts& facts, std::string_view path) const;
  // GGUF metadata: base models (lineage), general.name, then architecture;
  // `text` is the reference's text, the model's name when nothing better is known.
  std::optional<Resolution> ResolveGguf(const GgufFacts& facts, std::string_view text) const;

  const Catalog& catalog_;
  std::unordered_map<std::string, std::string> org_publisher_;    // lowercased Hub org -> publisher id
  std::unordered_map<std::string, const Family*> org_family_;     // lowercased org -> family, only when the org has one family
  std::unordered_map<std::string, const Republisher*> republisher_;
  // API-model patterns grouped by their literal prefix (before the first
  // wildcard), so a bare literal costs a few hash lookups, not every pattern.
  struct PatternRef {
    std::string pattern;
    const Family* family;
    const Provider* provider;
  };
  std::unordered_map<std::string, std::vector<PatternRef>> api_by_prefix_;
  std::vector<PatternRef> api_unprefixed_;
  size_t max_api_prefix_ = 0;
};

// "Qwen2.5-7B-Instruct-GGUF" -> "qwen2.5-7b-instruct": lowercases and strips
// packaging suffixes (quantisation formats, bit widths, "-GGUF", "-MLX"...)
// that re-publishers append but that do not change which model it is.
std::string NormalizeModelName(std::string_view name);
// The same suffixes stripped, case kept: "Qwen2.5-7B-Instruct-GGUF" -> "Qwen2.5-7B-Instruct".
std::string StripPackagingSuffixes(std::string_view name);

// Splits "org/name" (also hf.co/..., https://huggingface.co/...). Returns
// false when `id` is not of that shape.
bool SplitHubId(std::string_view id, std::string* org, std::string* name);

// "/root/out", "./models/x", "~/ckpt", "C:\\m": a path on the user's disk.
bool IsLocalPath(std::string_view text);

// Lowercased host of a URL or bare host name ("https://API.x.com:443/v1" -> "api.x.com").
std::string HostOf(std::string_view url_or_host);

}  // namespace modelprov
