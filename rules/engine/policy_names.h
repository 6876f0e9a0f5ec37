// Policy names the catalog does not know. A rule on `family: lama` is valid
// YAML and a valid policy, and never fires: the typo silences the rule. The
// rules engine does not know the catalog, so the caller passes its names.
#pragma once

#include <string>
#include <vector>

#include "engine/policy.h"

namespace modelprov::rules {

struct CatalogNames {
  std::vector<std::string> families;
  std::vector<std::string> providers;
  std::vector<std::string> publishers;
};

// One warning per `family:`, `provider:` or `publisher:` value (in rules and
// inside `lineage:`) that names nothing in `known`: a literal the catalog
// lacks, or a glob matching none of its ids. "ORIGIN:LINE: family 'lama' is
// not in the catalog (closest: llama, lamini)". `unknown` is always valid.
std::vector<std::string> UnknownCatalogNames(const Policy& policy, const CatalogNames& known);

}  // namespace modelprov::rules
