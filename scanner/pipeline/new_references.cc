#include "pipeline/new_references.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace modelprov {

void KeepNewReferences(ScanResult& changed, const ScanResult& baseline) {
  using Identity = std::tuple<ReferenceKind, std::string, std::string>;
  std::set<Identity> old;
  for (const ResolvedReference& rr : baseline.references) {
    old.emplace(rr.ref.kind, rr.ref.text, rr.ref.location.path);
  }
  auto& refs = changed.references;
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ResolvedReference& rr) {
                              return old.count({rr.ref.kind, rr.ref.text, rr.ref.location.path}) > 0;
                            }),
             refs.end());
}

}  // namespace modelprov
