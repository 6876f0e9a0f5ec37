#include "pipeline/new_references.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace modelprov {

void KeepNewReferences(ScanResult& changed, const ScanResult& baseline) {
  using Identity = std::tuple<ReferenceKind, std::string, std::string>;
  using Content = std::pair<ReferenceKind, std::string>;
  std::set<Identity> old, now;
  for (const ResolvedReference& rr : baseline.references) {
    old.emplace(rr.ref.kind, rr.ref.text, rr.ref.location.path);
  }
  for (const ResolvedReference& rr : changed.references) {
    now.emplace(rr.ref.kind, rr.ref.text, rr.ref.location.path);
  }
  // (kind, text) pairs some changed file no longer has: moved elsewhere, if
  // they show up in another file.
  std::set<Content> left;
  for (const auto& [kind, text, path] : old) {
    if (!now.count({kind, text, path})) left.emplace(kind, text);
  }
  auto& refs = changed.references;
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ResolvedReference& rr) {
                              return old.count({rr.ref.kind, rr.ref.text, rr.ref.location.path}) > 0 ||
                                     left.count({rr.ref.kind, rr.ref.text}) > 0;
                            }),
             refs.end());
}

}  // namespace modelprov
