// Groups resolved references into one ModelSummary per distinct model and
// attaches the catalog facts (names, license category, terms, sources).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/model_summary.h"
#include "core/resolved.h"
#include "core/scan_result.h"

namespace modelprov {

std::vector<ModelSummary> SummarizeModels(const std::vector<ResolvedReference>& refs, const Catalog& catalog);

// The catalog facts of every license id used by `refs` and `models` (a
// model's own license, every lineage step's, every reference's), keyed by the
// id as written there. Ids the catalog does not know get an entry with only
// the id, so a report can say so instead of guessing.
std::map<std::string, LicenseFacts> SummarizeLicenses(const std::vector<ResolvedReference>& refs,
                                                      const std::vector<ModelSummary>& models, const Catalog& catalog);

// The license's terms as a TermMap.
TermMap TermsOf(const License& license);

// Merges `extra` into `into`: a present term wins over absent/unknown, and
// two present texts are joined, so the union of obligations is kept.
void MergeTerms(TermMap& into, const TermMap& extra);

}  // namespace modelprov
