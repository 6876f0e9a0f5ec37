// Groups resolved references into one ModelSummary per distinct model and
// attaches the catalog facts (names, license category, terms, sources).
#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "core/model_summary.h"
#include "core/resolved.h"

namespace modelprov {

std::vector<ModelSummary> SummarizeModels(const std::vector<ResolvedReference>& refs, const Catalog& catalog);

// The license's terms as a TermMap.
TermMap TermsOf(const License& license);

// Merges `extra` into `into`: a present term wins over absent/unknown, and
// two present texts are joined, so the union of obligations is kept.
void MergeTerms(TermMap& into, const TermMap& extra);

}  // namespace modelprov
