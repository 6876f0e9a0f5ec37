// ModelSummary: one distinct model dependency with its catalog facts and every
// place it occurs. Built after resolution, so report writers and the rules
// engine work from the ScanResult alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "core/resolved.h"
#include "core/terms.h"

namespace modelprov {

struct ModelSummary {
  std::string id;  // canonical model id (Resolution::model)
  std::string family;
  std::string family_name;
  std::string publisher;
  std::string publisher_name;
  std::string country;
  std::string license;
  std::string license_name;
  std::string license_category;
  // The most restrictive category among the model's own license and every
  // ancestor's (LicenseCategoryRank): a fine-tune of a non-commercial base is
  // non-commercial whatever its own card says. Computed once when the scan
  // is summarised; rules (effective_license_category) and reports read it.
  // Empty when no category is known.
  std::string effective_license_category;
  std::string license_url;  // the license text's canonical URL, from the catalog
  // Why `license` binds: "api-terms" (the name is used through a provider's
  // API, whose terms apply) or "weights" (the open-weights licence of a
  // self-hosted checkpoint); empty when the resolver did not say.
  std::string license_basis;
  std::string provider;
  std::string provider_name;
  std::string data_country;  // where a hosted API processes requests
  std::string republisher;
  std::vector<std::string> kinds;  // reference kinds seen, sorted
  std::vector<LineageStep> lineage;
  // Terms of this model's own license merged with those of every ancestor's
  // license: a derivative carries its bases' obligations.
  TermMap terms;
  std::vector<std::string> sources;  // catalog source URLs behind these facts
  std::vector<Location> occurrences;
};

// How restrictive a license category is: permissive < weak-copyleft <
// copyleft < responsible-ai < restricted-commercial < proprietary-api-terms <
// non-commercial. Unknown or empty categories rank -1, below permissive.
int LicenseCategoryRank(std::string_view category);

// The more restrictive of two categories (an empty one never wins over a
// known one).
std::string MoreRestrictiveCategory(const std::string& a, const std::string& b);

}  // namespace modelprov
