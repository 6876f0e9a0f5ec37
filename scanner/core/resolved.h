// ResolvedReference: a ModelReference plus what the catalog says about it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model_ref.h"

namespace modelprov {

// One step up a derivative's ancestry: "this model is a <relation> of <model>".
struct LineageStep {
  std::string model;     // canonical id of the ancestor
  std::string relation;  // finetune, quantized, adapter, merge, distillation, base
  std::string family;    // catalog family of the ancestor, or empty
  std::string license;   // license of the ancestor, or empty when unknown
  std::string source;    // where the link came from: "model card", "catalog", "adapter_config.json"...
};

// What the catalog knows. Empty strings mean "unknown" and serialise as null.
struct Resolution {
  std::string model;           // canonical id: "Qwen/Qwen2.5-7B-Instruct", "deepseek-chat", "api.deepseek.com", "pypi:dashscope"
  std::string family;          // catalog family key
  std::string publisher;       // catalog publisher id
  std::string publisher_name;  // display name
  std::string country;         // ISO 3166-1 alpha-2
  std::string license;         // SPDX id or LicenseRef-...
  std::string provider;        // hosted-API provider id, for API references
  std::string republisher;     // Hub org that re-published (quantised/mirrored) the model
  std::string data_country;    // where a regional endpoint processes data, when it differs from the provider's
  std::string match;           // which catalog matcher decided: hf-org, name-pattern, api-model, ollama, host, sdk, config, fingerprint, card-license
  double confidence = 1.0;     // 0..1
  // False when the name fits a family's naming grammar but the catalog does
  // not list this release ("qwen3.8-max"): family, publisher and country are
  // known, the licence is only the family's default and so presumed.
  bool version_known = true;
  bool license_presumed = false;
  // Which terms `license` is: "api-terms" (the name is used through the
  // vendor's hosted API, whose terms bind it) or "weights" (the licence of
  // the open-weights checkpoint); empty when the resolution does not say.
  std::string license_basis;
  std::vector<LineageStep> lineage;
};

struct ResolvedReference {
  ModelReference ref;
  std::optional<Resolution> resolution;  // nullopt: unknown to the catalog (only kept for Evidence::kDefinite)
};

}  // namespace modelprov
