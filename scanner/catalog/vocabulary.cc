#include "catalog/vocabulary.h"

#include <algorithm>

#include "core/text.h"

namespace modelprov {
namespace {

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool HasWildcard(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

}  // namespace

DetectionVocabulary BuildDetectionVocabulary(const Catalog& catalog) {
  DetectionVocabulary v;
  for (const Family& f : catalog.families()) {
    v.stems.insert(v.stems.end(), f.stems.begin(), f.stems.end());
    v.versioned_stems.insert(v.versioned_stems.end(), f.versioned_stems.begin(), f.versioned_stems.end());
    for (const std::string& m : f.api_models) {
      if (!HasWildcard(m)) v.exact_names.push_back(ToLower(m));
    }
    for (const std::string& o : f.ollama) v.exact_names.push_back(ToLower(o));
    for (const std::string& n : f.name_patterns) {
      if (!HasWildcard(n)) v.exact_names.push_back(ToLower(n));
    }
    v.hub_orgs.insert(v.hub_orgs.end(), f.hf_orgs.begin(), f.hf_orgs.end());
  }
  for (const Provider& p : catalog.providers()) {
    for (const std::string& h : p.hosts) {
      if (!HasWildcard(h)) v.hosts.push_back(ToLower(h));
    }
    for (const std::string& m : p.model_patterns) {
      if (!HasWildcard(m)) v.exact_names.push_back(ToLower(m));
    }
    v.provider_names.push_back(ToLower(p.id));
    for (const std::string& a : p.aliases) v.provider_names.push_back(ToLower(a));
    for (const std::string& x : p.prefixes) {
      std::string bare = ToLower(x);
      if (!bare.empty() && bare.back() == '/') bare.pop_back();
      if (!bare.empty()) v.provider_names.push_back(bare);
    }
    for (const auto& [ecosystem, packages] : p.sdk) {
      for (const std::string& pkg : packages) v.sdk_packages.emplace_back(ecosystem, ToLower(pkg));
    }
  }
  for (const Publisher& p : catalog.publishers()) {
    v.hub_orgs.insert(v.hub_orgs.end(), p.hf_orgs.begin(), p.hf_orgs.end());
    v.hub_orgs.insert(v.hub_orgs.end(), p.modelscope_orgs.begin(), p.modelscope_orgs.end());
  }
  for (const Republisher& r : catalog.republishers()) v.hub_orgs.push_back(r.org);
  SortUnique(v.stems);
  SortUnique(v.versioned_stems);
  SortUnique(v.exact_names);
  SortUnique(v.hosts);
  SortUnique(v.provider_names);
  SortUnique(v.sdk_packages);
  SortUnique(v.hub_orgs);
  return v;
}

}  // namespace modelprov
