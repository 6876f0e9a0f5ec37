// The catalog's words for detection (see core/vocabulary.h).
#pragma once

#include "catalog/catalog.h"
#include "core/vocabulary.h"

namespace modelprov {

// Collects stems, exact names, hosts, SDK packages and Hub orgs from every
// family, provider, publisher and re-publisher; sorted and deduplicated.
DetectionVocabulary BuildDetectionVocabulary(const Catalog& catalog);

}  // namespace modelprov
