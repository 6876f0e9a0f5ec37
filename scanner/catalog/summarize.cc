#include "catalog/summarize.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace modelprov {
namespace {

TermValue FromBool(const std::optional<bool>& b) {
  TermValue v;
  if (b.has_value()) {
    v.state = TermValue::State::kPresent;
    v.text = *b ? "yes" : "no";
  }
  return v;
}

void AddSources(std::vector<std::string>& out, const std::vector<std::string>& more) {
  for (const std::string& s : more) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
}

// Which sighting's license a model keeps: what the model card declares, then
// a LICENSE text in its folder, then anything inferred (an inherited or a
// family's default license). The first sighting of a rank wins.
int LicenseRank(ReferenceKind kind) {
  return kind == ReferenceKind::kModelCard ? 3 : kind == ReferenceKind::kLicenseFile ? 2 : 1;
}

// Lowercased Hub ids group case variants; other ids are compared as written.
std::string GroupKey(const std::string& id) { return ToLower(id); }

}  // namespace

TermMap TermsOf(const License& l) {
  TermMap m;
  m["commercial_use"] = FromBool(l.terms.commercial_use);
  m["mau_cap"] = l.terms.mau_cap;
  m["revenue_cap"] = l.terms.revenue_cap;
  m["attribution"] = l.terms.attribution;
  m["naming"] = l.terms.naming;
  m["output_use"] = l.terms.output_use;
  m["field_of_use"] = l.terms.field_of_use;
  m["aup_url"] = l.terms.aup_url;
  m["geographic"] = l.terms.geographic;
  m["research_only"] = FromBool(l.terms.research_only);
  for (auto it = m.begin(); it != m.end();) {
    if (it->second.state == TermValue::State::kUnknown) {
      it = m.erase(it);
    } else {
      it->second.licenses = {l.id};
      ++it;
    }
  }
  return m;
}

void MergeTerms(TermMap& into, const TermMap& extra) {
  // Both licences impose a term they agree on, or whose words are joined.
  auto also_from = [](TermValue& kept, const TermValue& other) {
    for (const std::string& id : other.licenses) {
      if (std::find(kept.licenses.begin(), kept.licenses.end(), id) == kept.licenses.end()) kept.licenses.push_back(id);
    }
  };
  for (const auto& [key, v] : extra) {
    auto it = into.find(key);
    if (it == into.end() || it->second.state != TermValue::State::kPresent) {
      if (it == into.end() || v.state == TermValue::State::kPresent) into[key] = v;
      continue;
    }
    if (v.state != TermValue::State::kPresent) continue;
    if (it->second.text == v.text) {
      also_from(it->second, v);
      continue;
    }
    if (key == "commercial_use" || key == "research_only") {
      // The stricter answer wins: "no" commercial use, "yes" research-only.
      bool strict = key == "commercial_use" ? v.text == "no" : v.text == "yes";
      if (strict) it->second = v;
      continue;
    }
    // The lower cap binds; revenue caps compare only in the same currency
    // and period, otherwise both are kept in words.
    bool comparable = key == "mau_cap" || (key == "revenue_cap" && v.money && it->second.money &&
                                           v.money->currency == it->second.money->currency &&
                                           v.money->period == it->second.money->period);
    if (comparable) {
      if (v.number != 0 && (it->second.number == 0 || v.number < it->second.number)) it->second = v;
      continue;
    }
    it->second.text += "; " + v.text;
    also_from(it->second, v);
    // Each display duty keeps its words in the text; the structured one is
    // the first licence's, or the ancestor's when the first has none.
    if (it->second.display.empty() && !v.display.empty()) {
      it->second.display = v.display;
      it->second.above = v.above;
    }
  }
}

std::map<std::string, LicenseFacts> SummarizeLicenses(const std::vector<ResolvedReference>& refs,
                                                      const std::vector<ModelSummary>& models, const Catalog& catalog) {
  std::map<std::string, LicenseFacts> out;
  auto add = [&](const std::string& id) {
    if (id.empty() || out.count(id)) return;
    LicenseFacts f;
    f.id = id;
    if (const License* l = catalog.FindLicense(id)) {
      f.name = l->name;
      f.url = l->url;
      f.category = l->category;
      f.spdx = l->spdx;
      f.terms = TermsOf(*l);
    }
    out.emplace(id, std::move(f));
  };
  for (const ResolvedReference& r : refs) {
    if (!r.resolution) continue;
    add(r.resolution->license);
    for (const LineageStep& s : r.resolution->lineage) add(s.license);
  }
  for (const ModelSummary& m : models) {
    add(m.license);
    for (const LineageStep& s : m.lineage) add(s.license);
  }
  return out;
}

std::vector<ModelSummary> SummarizeModels(const std::vector<ResolvedReference>& refs, const Catalog& catalog) {
  std::map<std::string, ModelSummary> by_id;
  std::map<std::string, std::set<std::string>> kinds;
  std::map<std::string, int> license_rank;
  // Models whose lineage came from a card that did not say how it derives.
  std::set<std::string> unstated_relation;
  for (const ResolvedReference& r : refs) {
    if (!r.resolution || r.resolution->model.empty()) continue;
    const Resolution& res = *r.resolution;
    std::string key = GroupKey(res.model);
    auto [it, inserted] = by_id.try_emplace(key);
    ModelSummary& m = it->second;
    if (inserted) {
      m.id = res.model;
      m.family = res.family;
      m.publisher = res.publisher;
      m.publisher_name = res.publisher_name;
      m.country = res.country;
      m.license = res.license;
      m.license_basis = res.license_basis;
      m.provider = res.provider;
      m.republisher = res.republisher;
    }
    // Later sightings fill what earlier ones lacked (a folder's config.json,
    // tokenizer and card each know part of the story); a model card's declared
    // license is the model's own statement and wins over an inherited one.
    auto fill = [](std::string& field, const std::string& value) {
      if (field.empty()) field = value;
    };
    if (m.family.empty() && !res.family.empty()) {
      m.family = res.family;
      m.publisher = res.publisher;
      m.publisher_name = res.publisher_name;
      m.country = res.country;
    }
    fill(m.provider, res.provider);
    fill(m.data_country, res.data_country);
    fill(m.republisher, res.republisher);
    if (m.lineage.empty()) {
      m.lineage = res.lineage;
      const ModelCardFacts* card = r.ref.kind == ReferenceKind::kModelCard ? r.ref.FactsAs<ModelCardFacts>() : nullptr;
      if (card != nullptr && card->base_model_relation.empty() && !m.lineage.empty()) unstated_relation.insert(key);
    } else if (r.ref.kind == ReferenceKind::kAdapterConfig && unstated_relation.count(key) && !res.lineage.empty() &&
               IEquals(res.lineage.front().model, m.lineage.front().model)) {
      // A card that names its base without base_model_relation reads as a
      // fine-tune; the folder's adapter_config.json says it is an adapter.
      m.lineage.front().relation = res.lineage.front().relation;
      m.lineage.front().source = res.lineage.front().source;
      unstated_relation.erase(key);
    }
    // A card that declares a license the catalog cannot map makes it unknown.
    bool declares = !res.license.empty() || (r.ref.kind == ReferenceKind::kModelCard && r.ref.FactsAs<ModelCardFacts>() != nullptr &&
                                              !r.ref.FactsAs<ModelCardFacts>()->license.empty());
    if (declares && LicenseRank(r.ref.kind) > license_rank[key]) {
      m.license = res.license;
      m.license_basis = res.license_basis;
      license_rank[key] = LicenseRank(r.ref.kind);
    }
    kinds[key].insert(std::string(KindName(r.ref.kind)));
    m.occurrences.push_back(r.ref.location);
  }
  std::vector<ModelSummary> out;
  for (auto& [key, m] : by_id) {
    m.kinds.assign(kinds[key].begin(), kinds[key].end());
    if (const Family* f = catalog.FindFamily(m.family)) {
      m.family_name = f->name;
      AddSources(m.sources, f->sources);
    }
    if (const Publisher* p = catalog.FindPublisher(m.publisher)) AddSources(m.sources, p->sources);
    if (const License* l = catalog.FindLicense(m.license)) {
      m.license_name = l->name;
      m.license_category = l->category;
      m.license_url = l->url;
      m.terms = TermsOf(*l);
      AddSources(m.sources, l->sources);
    }
    // A derivative carries its ancestors' obligations, and counts under the
    // most restrictive of its own and their categories.
    m.effective_license_category = m.license_category;
    for (const LineageStep& step : m.lineage) {
      if (const License* l = catalog.FindLicense(step.license)) {
        MergeTerms(m.terms, TermsOf(*l));
        AddSources(m.sources, l->sources);
        m.effective_license_category = MoreRestrictiveCategory(m.effective_license_category, l->category);
      }
    }
    if (const Provider* p = catalog.FindProvider(m.provider)) {
      m.provider_name = p->name;
      if (m.data_country.empty()) m.data_country = p->data_country;
      AddSources(m.sources, p->sources);
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace modelprov
