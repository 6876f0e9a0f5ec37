// CycloneDX 1.6 JSON ML-BOM. Downloadable models become
// `machine-learning-model` components, SDK packages `library` components,
// and hosted model APIs `services` with the endpoints the code calls.
// Lineage (fine-tune -> base) is written as dependencies, the base models
// being added as components when the scan did not see them directly.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/terms.h"
#include "core/text.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using json = nlohmann::ordered_json;  // keys in the order the spec documents them
using report::IsHubId;

std::string S(const std::string& s) { return SanitizeUtf8(s); }

bool IsSdk(const ModelSummary& m) { return IStartsWith(m.id, "pypi:") || IStartsWith(m.id, "npm:"); }

std::string BomRef(std::string_view kind, std::string_view id) { return std::string(kind) + ":" + std::string(id); }

std::string RefFor(const ModelSummary& m) {
  if (IsSdk(m)) return BomRef("package", m.id);
  if (report::IsHostedApi(m)) return BomRef("service", m.id);
  return BomRef("model", m.id);
}

// pkg:pypi/name, pkg:npm/%40scope/name: the purl spec's forms.
std::string SdkPurl(const std::string& id) {
  if (IStartsWith(id, "pypi:")) return "pkg:pypi/" + report::PercentEncode(ToLower(id.substr(5)));
  std::string name = id.substr(4);
  if (!name.empty() && name[0] == '@' && name.find('/') != std::string::npos) {
    size_t slash = name.find('/');
    return "pkg:npm/" + report::PercentEncode(name.substr(0, slash)) + "/" + report::PercentEncode(name.substr(slash + 1));
  }
  return "pkg:npm/" + report::PercentEncode(name);
}

// {license: {id}} for an SPDX-listed id, else {license: {name, url}} with the
// catalog's name and text URL.
json LicenseObject(const ScanResult& r, const std::string& id) {
  if (report::IsSpdxListed(id)) return {{"id", id}};
  json l = {{"name", S(report::LicenseNameOf(r, id))}};
  std::string url = report::LicenseUrlOf(r, id);
  if (!url.empty()) l["url"] = S(url);
  return l;
}

// The model's own license; when lineage adds licenses, the own one is marked
// `declared` and every license the model is bound by (own and inherited)
// `concluded` (CycloneDX 1.6 acknowledgement).
json Licenses(const ScanResult& r, const ModelSummary& m) {
  json a = json::array();
  std::vector<std::string> inherited = report::InheritedLicenses(m);
  if (inherited.empty()) {
    if (!m.license.empty()) a.push_back({{"license", LicenseObject(r, m.license)}});
    return a;
  }
  if (!m.license.empty()) {
    json l = LicenseObject(r, m.license);
    l["acknowledgement"] = "declared";
    a.push_back({{"license", l}});
  }
  for (const std::string& id : report::EffectiveLicenses(m)) {
    json l = LicenseObject(r, id);
    l["acknowledgement"] = "concluded";
    a.push_back({{"license", l}});
  }
  return a;
}

json Property(const std::string& name, const std::string& value) { return {{"name", name}, {"value", S(value)}}; }

json FactProperties(const ScanResult& r, const ModelSummary& m) {
  json p = json::array();
  auto add = [&](const char* name, const std::string& v) {
    if (!v.empty()) p.push_back(Property(std::string("modelprov:") + name, v));
  };
  add("family", m.family_name.empty() ? m.family : m.family_name);
  add("country", m.country);
  add("license", m.license);
  add("license_category", m.license_category);
  for (const std::string& id : report::InheritedLicenses(m)) add("inherited_license", id);
  if (std::string effective = report::EffectiveCategory(r, m); effective != m.license_category) {
    add("effective_license_category", effective);
  }
  add("provider", m.provider_name.empty() ? m.provider : m.provider_name);
  add("data_country", m.data_country);
  add("republisher", m.republisher);
  for (const std::string& k : m.kinds) add("reference_kind", k);
  return p;
}

json ExternalReferences(const ScanResult& r, const ModelSummary& m) {
  json a = json::array();
  if (IsHubId(m.id)) a.push_back({{"type", "model-card"}, {"url", report::HubUrl(m.id)}, {"comment", "Hugging Face model card"}});
  if (std::string url = report::LicenseUrl(m); !url.empty()) {
    a.push_back({{"type", "license"}, {"url", S(url)}, {"comment", S(m.license_name.empty() ? m.license : m.license_name)}});
  }
  for (const std::string& id : report::InheritedLicenses(m)) {
    if (std::string url = report::LicenseUrlOf(r, id); !url.empty()) {
      a.push_back({{"type", "license"}, {"url", S(url)}, {"comment", "inherited: " + S(report::LicenseNameOf(r, id))}});
    }
  }
  auto aup = m.terms.find("aup_url");
  if (aup != m.terms.end() && aup->second.state == TermValue::State::kPresent && !aup->second.text.empty()) {
    a.push_back({{"type", "documentation"}, {"url", S(aup->second.text)}, {"comment", "acceptable use policy"}});
  }
  for (const std::string& src : m.sources) {
    a.push_back({{"type", "other"}, {"url", S(src)}, {"comment", "source of the modelprov catalog facts"}});
  }
  return a;
}

json Occurrences(const ModelSummary& m, const std::map<std::string, std::string>& excerpts) {
  json a = json::array();
  for (const Location& l : m.occurrences) {
    json o = {{"location", S(l.path)}};
    if (l.line > 0) o["line"] = l.line;
    auto it = excerpts.find(report::Where(l));
    if (it != excerpts.end()) o["additionalContext"] = S(it->second);
    a.push_back(o);
  }
  return a;
}

// A term as one property value: a display duty names its words and
// threshold along with the clause.
std::string TermText(const std::string& key, const TermValue& v) {
  return key == "attribution" ? DescribeDisplayDuty(v) : v.text;
}

json ModelCard(const ModelSummary& m) {
  json props = json::array();
  for (const auto& [key, v] : m.terms) {
    if (v.state == TermValue::State::kUnknown) continue;
    props.push_back(Property("modelprov:terms:" + key, v.state == TermValue::State::kAbsent ? "none" : TermText(key, v)));
  }
  for (const LineageStep& s : m.lineage) {
    if (s.model.empty()) continue;
    props.push_back(Property("modelprov:lineage:" + s.relation, s.model));
  }
  json card = json::object();
  if (!props.empty()) card["properties"] = props;
  return card;
}

void AddCommon(json& c, const ScanResult& r, const ModelSummary& m) {
  // A local model is the project's own: the upstream publisher goes on its
  // base component, not here.
  if (!report::IsLocalModel(m.id)) {
    std::string publisher = report::PublisherOf(m);
    if (!publisher.empty()) c["publisher"] = S(publisher);
    std::string supplier = m.republisher.empty() ? publisher : m.republisher;
    if (!supplier.empty()) c["supplier"] = {{"name", S(supplier)}};
  }
  json l = Licenses(r, m);
  if (!l.empty()) c["licenses"] = l;
}

json ComponentFor(const ScanResult& r, const ModelSummary& m, const std::map<std::string, std::string>& excerpts) {
  json c;
  if (IsSdk(m)) {
    c = {{"type", "library"}, {"bom-ref", RefFor(m)}, {"name", S(m.id.substr(m.id.find(':') + 1))}, {"purl", SdkPurl(m.id)}};
  } else {
    c = {{"type", "machine-learning-model"}, {"bom-ref", RefFor(m)}};
    if (IsHubId(m.id)) {
      size_t slash = m.id.find('/');
      c["group"] = S(m.id.substr(0, slash));
      c["name"] = S(m.id.substr(slash + 1));
      c["purl"] = report::HubPurl(m.id);
    } else {
      c["name"] = S(m.id);
    }
  }
  AddCommon(c, r, m);
  json ext = ExternalReferences(r, m);
  if (!ext.empty()) c["externalReferences"] = ext;
  if (!IsSdk(m)) {
    json card = ModelCard(m);
    if (!card.empty()) c["modelCard"] = card;
  }
  json props = FactProperties(r, m);
  if (!props.empty()) c["properties"] = props;
  json occ = Occurrences(m, excerpts);
  if (!occ.empty()) c["evidence"] = {{"occurrences", occ}};
  return c;
}

json ServiceFor(const ScanResult& r, const ModelSummary& m) {
  json s = {{"bom-ref", RefFor(m)}, {"name", S(m.id)}};
  std::string provider = m.provider_name.empty() ? m.provider : m.provider_name;
  if (!provider.empty()) s["provider"] = {{"name", S(provider)}};
  std::vector<std::string> endpoints = report::EndpointsOf(r, m);
  if (!endpoints.empty()) {
    json e = json::array();
    for (const std::string& u : endpoints) e.push_back(S(u));
    s["endpoints"] = e;
  }
  json l = Licenses(r, m);
  if (!l.empty()) s["licenses"] = l;
  json ext = ExternalReferences(r, m);
  if (!ext.empty()) s["externalReferences"] = ext;
  json props = FactProperties(r, m);
  for (const auto& [key, v] : m.terms) {
    if (v.state == TermValue::State::kPresent) props.push_back(Property("modelprov:terms:" + key, TermText(key, v)));
  }
  if (!props.empty()) s["properties"] = props;
  return s;
}

class CycloneDxWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "cyclonedx"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    std::string timestamp = ReportTimestamp(options);
    std::map<std::string, std::string> excerpts = report::ExcerptsByPlace(r);
    std::string seed = timestamp;
    for (const ModelSummary& m : r.models) seed += "\n" + m.id;
    for (const std::string& root : r.roots) seed += "\n" + root;

    json components = json::array(), services = json::array(), dependencies = json::array();
    std::set<std::string> known_refs;
    for (const ModelSummary& m : r.models) known_refs.insert(RefFor(m));
    std::map<std::string, json> bases;  // ancestors the scan did not list itself
    for (const ModelSummary& m : r.models) {
      if (report::IsHostedApi(m) && !IsSdk(m)) {
        services.push_back(ServiceFor(r, m));
      } else {
        components.push_back(ComponentFor(r, m, excerpts));
      }
      json depends = json::array();
      for (const LineageStep& s : m.lineage) {
        if (s.model.empty()) continue;
        std::string ref = BomRef("model", s.model);
        if (!known_refs.count(ref) && !bases.count(ref)) {
          json c = ComponentFor(r, report::BaseModelSummary(r, m, s), excerpts);
          c["description"] = "Base model (" + S(s.relation) + " ancestor of " + S(m.id) + ", from " + S(s.source) + ")";
          bases[ref] = c;
        }
        if (std::find(depends.begin(), depends.end(), json(ref)) == depends.end()) depends.push_back(ref);
      }
      if (!depends.empty()) dependencies.push_back({{"ref", RefFor(m)}, {"dependsOn", depends}});
    }
    for (auto& [ref, c] : bases) {
      components.push_back(c);
      dependencies.push_back({{"ref", ref}, {"dependsOn", json::array()}});
    }

    json tool = {{"type", "application"}, {"name", "modelprov"}};
    if (!r.tool_version.empty()) tool["version"] = r.tool_version;
    json metadata = {{"timestamp", timestamp}, {"tools", {{"components", json::array({tool})}}}};
    if (!r.roots.empty()) {
      std::string name;
      for (const std::string& root : r.roots) name += (name.empty() ? "" : " ") + root;
      metadata["component"] = {{"type", "application"}, {"bom-ref", "scanned-root"}, {"name", S(name)}};
      json all = json::array();
      for (const ModelSummary& m : r.models) all.push_back(RefFor(m));
      json root_deps = {{"ref", "scanned-root"}, {"dependsOn", all}};
      dependencies.insert(dependencies.begin(), root_deps);
    }
    json doc = {{"$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json"},
                {"bomFormat", "CycloneDX"},
                {"specVersion", "1.6"},
                {"serialNumber", "urn:uuid:" + report::UuidFromSeed(seed)},
                {"version", 1},
                {"metadata", metadata},
                {"components", components}};
    if (!services.empty()) doc["services"] = services;
    doc["dependencies"] = dependencies;
    out << doc.dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeCycloneDxWriter() { return std::make_unique<CycloneDxWriter>(); }

}  // namespace modelprov
