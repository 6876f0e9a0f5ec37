// Catalog: what modelprov knows about model families, publishers, licenses,
// hosted-API providers and re-publishers. Loaded from the seeds/ JSON files
// embedded in the binary at build time, optionally overlaid with a user file.
//
// Unknown facts are empty strings / nullopt / Term::State::kUnknown: the catalog
// never fills a gap with a guess, and neither should code that reads it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/terms.h"

namespace modelprov {

// A license term whose value may be unknown, known-absent, or present with a
// description (and a number for caps, an amount for revenue, the words to
// display and their threshold for attribution): the same value every later
// stage carries.
using Term = TermValue;

struct LicenseTerms {
  std::optional<bool> commercial_use;
  Term mau_cap;
  Term revenue_cap;
  Term attribution;
  Term naming;
  Term output_use;
  Term field_of_use;
  Term aup_url;
  Term geographic;
  std::optional<bool> research_only;
  std::string summary;
};

struct License {
  std::string id;  // SPDX id or LicenseRef-...
  std::string name;
  bool spdx = false;
  std::string category;  // permissive, weak-copyleft, copyleft, responsible-ai, restricted-commercial, non-commercial, proprietary-api-terms
  std::vector<std::string> hf_ids;
  std::vector<std::string> hf_license_names;
  std::string url;
  LicenseTerms terms;
  std::vector<std::string> sources;
};

struct Publisher {
  std::string id;
  std::string name;
  std::string legal_name;
  std::string country;
  std::vector<std::string> aliases;
  std::vector<std::string> hf_orgs;
  std::vector<std::string> modelscope_orgs;
  std::vector<std::string> sources;
};

struct Fingerprint {
  std::string model_type;
  std::vector<std::string> architectures;
  int64_t vocab_size = 0;  // 0: not part of this fingerprint
  std::string note;
  std::string source;
};

// A tokenizer's tell-tale signs. Tokenizers survive renaming and fine-tuning,
// so they identify a checkpoint whose card names no base model.
struct TokenizerFingerprint {
  std::string tokenizer_class;              // "Qwen2Tokenizer"; empty: not part of the fingerprint
  std::vector<std::string> special_tokens;  // all must be present
  int64_t vocab_size = 0;                   // 0: unknown
  std::string vocab_hash;                   // hex; empty: unknown (see VocabularyHash in extract/)
  std::string note;
  std::string source;
};

struct VersionRule {
  std::vector<std::string> match;  // globs over the lowercased model name
  std::string license;             // empty: unknown
  std::string source;
};

struct BaseModelRule {
  std::vector<std::string> match;
  std::string base;      // Hub id of the base model
  std::string relation;  // distillation, finetune, quantized, merge, adapter
  std::string source;
};

struct Family {
  std::string id;
  std::string name;
  std::string publisher;
  std::vector<std::string> modality;
  std::vector<std::string> hf_orgs;
  std::vector<std::string> name_patterns;
  // The family's naming grammar: how names of releases the catalog does not
  // list yet are shaped ("qwen3.8-max", "gemma4:e4b"). A name fits when it
  // starts with one of `stems` followed by anything model-like, or with one
  // of `versioned_stems` followed by a version digit ("yi-34b", not
  // "yield"). Lowercase; see docs/catalog.md.
  std::vector<std::string> stems;
  std::vector<std::string> versioned_stems;
  std::vector<std::string> ollama;
  std::vector<std::string> api_models;
  std::vector<std::string> config_model_types;
  std::vector<std::string> config_architectures;
  std::vector<Fingerprint> fingerprints;
  std::vector<TokenizerFingerprint> tokenizers;
  std::string license;  // default when no version rule matches; empty: unknown
  std::vector<VersionRule> versions;
  std::vector<BaseModelRule> base_models;
  std::vector<std::string> sources;
};

struct Provider {
  std::string id;
  std::string name;
  std::string publisher;
  std::string kind;  // vendor, gateway, cloud
  // Other ids programs use for this provider in a `provider:` setting
  // ("openai-native", "zhipu"); lowercase.
  std::vector<std::string> aliases;
  std::vector<std::string> hosts;  // may contain globs: "*.openai.azure.com"
  std::vector<std::string> base_urls;
  std::vector<std::string> model_patterns;
  std::vector<std::string> prefixes;  // "openrouter/", "bedrock/"
  std::map<std::string, std::vector<std::string>> sdk;  // ecosystem -> packages
  std::vector<std::string> env_vars;
  std::string data_country;
  // Hosts (globs like `hosts`) whose data is processed somewhere else than
  // `data_country`: regional endpoints ("dashscope-intl.aliyuncs.com" -> SG).
  std::vector<std::pair<std::string, std::string>> host_countries;
  std::string terms_url;
  std::string license;
  std::vector<std::string> sources;
};

struct Republisher {
  std::string org;
  std::string kind;  // quantizer, mirror, converter, finetuner
  std::vector<std::string> sources;
};

class Catalog {
 public:
  // The catalog compiled into the binary from seeds/. Fails only if the
  // embedded data is broken, which the test suite prevents.
  static Result<Catalog> Builtin();

  // Parses one catalog document: an object with any of the arrays
  // "publishers", "licenses", "providers", "families", "republishers" (the
  // --catalog format), or one seeds/ file. `origin` names the file in errors.
  static Result<Catalog> Parse(std::string_view json_text, std::string_view origin);

  // Adds `overlay`'s entries; an entry with the same id (org for
  // republishers) replaces the existing one.
  void Merge(const Catalog& overlay);

  // Checks references between entries (family.publisher exists, license ids
  // exist, ...). Returns the first problem found.
  Status Validate() const;

  const std::vector<Publisher>& publishers() const { return publishers_; }
  const std::vector<License>& licenses() const { return licenses_; }
  const std::vector<Family>& families() const { return families_; }
  const std::vector<Provider>& providers() const { return providers_; }
  const std::vector<Republisher>& republishers() const { return republishers_; }

  // Lookups by id; nullptr when absent. License ids compare case-insensitively.
  const Publisher* FindPublisher(std::string_view id) const;
  const License* FindLicense(std::string_view id) const;
  const Family* FindFamily(std::string_view id) const;
  const Provider* FindProvider(std::string_view id) const;

 private:
  std::vector<Publisher> publishers_;
  std::vector<License> licenses_;
  std::vector<Family> families_;
  std::vector<Provider> providers_;
  std::vector<Republisher> republishers_;
};

}  // namespace modelprov
