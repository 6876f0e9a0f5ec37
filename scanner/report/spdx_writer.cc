// SPDX 2.3 JSON: one package per model dependency (and per base model named
// in a lineage), described by the document and depended on by the scanned
// root; fine-tunes are DESCENDANT_OF their bases. Licenses outside the SPDX
// list are LicenseRef- ids, each declared in hasExtractedLicensingInfos.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using json = nlohmann::ordered_json;  // keys in the order the spec documents them

std::string S(const std::string& s) { return SanitizeUtf8(s); }

// SPDXRef ids allow letters, digits, '.' and '-'; a hash suffix keeps ids
// that differ only in other characters apart.
std::string SpdxId(const std::string& model) {
  std::string clean;
  for (char c : model) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    clean += ok ? c : '-';
  }
  return "SPDXRef-Model-" + clean + "-" + report::Hex64(report::Fnv1a64(model)).substr(0, 8);
}

// A license expression SPDX tools accept: an SPDX id, a LicenseRef- id with
// only allowed characters, or NOASSERTION when unknown.
std::string LicenseField(const std::string& license) {
  if (license.empty()) return "NOASSERTION";
  for (char c : license) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
    if (!ok) return "NOASSERTION";
  }
  return license;
}

// licenseConcluded: every license the model is bound by (its own and its
// ancestors'), joined with AND; NOASSERTION when none is usable.
std::string ConcludedField(const std::vector<std::string>& licenses) {
  std::string out;
  for (const std::string& id : licenses) {
    std::string f = LicenseField(id);
    if (f == "NOASSERTION") continue;
    out += (out.empty() ? "" : " AND ") + f;
  }
  return out.empty() ? "NOASSERTION" : out;
}

struct PackageFacts {
  std::string id;
  std::string license;
  std::vector<std::string> effective;  // own and inherited licenses
  std::string license_name;
  std::string license_url;
  std::string supplier;
  std::string comment;
  bool sdk = false;
};

json PackageJson(const PackageFacts& p) {
  json pkg = {{"SPDXID", SpdxId(p.id)},
              {"name", S(p.id)},
              {"downloadLocation", report::IsHubId(p.id) ? report::HubUrl(p.id) : std::string("NOASSERTION")},
              {"filesAnalyzed", false},
              {"supplier", p.supplier.empty() ? std::string("NOASSERTION") : "Organization: " + S(p.supplier)},
              {"licenseConcluded", ConcludedField(p.effective)},
              {"licenseDeclared", LicenseField(p.license)},
              {"copyrightText", "NOASSERTION"},
              {"primaryPackagePurpose", p.sdk ? "LIBRARY" : "OTHER"}};
  if (report::IsHubId(p.id)) {
    pkg["homepage"] = report::HubUrl(p.id);
    pkg["externalRefs"] = json::array(
        {{{"referenceCategory", "PACKAGE-MANAGER"}, {"referenceType", "purl"}, {"referenceLocator", report::HubPurl(p.id)}}});
  }
  if (!p.comment.empty()) pkg["comment"] = S(p.comment);
  return pkg;
}

class SpdxWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "spdx"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    std::string timestamp = ReportTimestamp(options);
    std::string root_name;
    for (const std::string& root : r.roots) root_name += (root_name.empty() ? "" : " ") + root;
    if (root_name.empty()) root_name = "scan";
    std::string seed = timestamp + "\n" + root_name;
    for (const ModelSummary& m : r.models) seed += "\n" + m.id;

    std::map<std::string, PackageFacts> packages;  // by model id, sorted
    std::map<std::string, std::pair<std::string, std::string>> extracted;  // LicenseRef -> name, url
    json relationships = json::array();
    const std::string root_id = "SPDXRef-Scanned-Root";
    relationships.push_back({{"spdxElementId", "SPDXRef-DOCUMENT"}, {"relationshipType", "DESCRIBES"}, {"relatedSpdxElement", root_id}});

    auto note_license = [&](const std::string& license) {
      if (license.empty() || report::IsSpdxListed(license) || LicenseField(license) == "NOASSERTION") return;
      auto& e = extracted[license];
      if (e.first.empty()) e.first = report::LicenseNameOf(r, license);
      if (e.second.empty()) e.second = report::LicenseUrlOf(r, license);
    };

    for (const ModelSummary& m : r.models) {
      PackageFacts p;
      p.id = m.id;
      p.license = m.license;
      p.effective = report::EffectiveLicenses(m);
      // A local model is the project's own: no supplier (its publisher
      // fields name the upstream family's publisher, credited on the base).
      if (!report::IsLocalModel(m.id)) p.supplier = report::PublisherOf(m);
      p.sdk = IStartsWith(m.id, "pypi:") || IStartsWith(m.id, "npm:");
      std::string comment;
      if (!m.country.empty()) comment += "publisher country: " + m.country;
      if (!m.provider.empty()) comment += std::string(comment.empty() ? "" : "; ") + "hosted by: " + (m.provider_name.empty() ? m.provider : m.provider_name);
      if (!m.license_category.empty()) comment += std::string(comment.empty() ? "" : "; ") + "license category: " + m.license_category;
      if (std::string effective = report::EffectiveCategory(r, m); effective != m.license_category) {
        comment += std::string(comment.empty() ? "" : "; ") + "effective license category (with inherited licenses): " + effective;
      }
      p.comment = comment;
      packages[m.id] = p;
      for (const std::string& id : p.effective) note_license(id);
      relationships.push_back({{"spdxElementId", root_id}, {"relationshipType", "DEPENDS_ON"}, {"relatedSpdxElement", SpdxId(m.id)}});
    }
    for (const ModelSummary& m : r.models) {
      for (const LineageStep& s : m.lineage) {
        if (s.model.empty()) continue;
        if (!packages.count(s.model)) {
          ModelSummary summary = report::BaseModelSummary(r, m, s);
          PackageFacts base;
          base.id = s.model;
          base.license = s.license;
          if (!s.license.empty()) base.effective = {s.license};
          base.supplier = report::PublisherOf(summary);
          base.comment = "base model named in the lineage of " + m.id + " (" + s.source + ")";
          if (!summary.license_category.empty()) base.comment += "; license category: " + summary.license_category;
          packages[s.model] = base;
          note_license(s.license);
        }
        relationships.push_back({{"spdxElementId", SpdxId(m.id)}, {"relationshipType", "DESCENDANT_OF"}, {"relatedSpdxElement", SpdxId(s.model)}, {"comment", S(s.relation)}});
      }
    }

    json pkgs = json::array();
    pkgs.push_back({{"SPDXID", root_id},
                    {"name", S(root_name)},
                    {"downloadLocation", "NOASSERTION"},
                    {"filesAnalyzed", false},
                    {"licenseConcluded", "NOASSERTION"},
                    {"licenseDeclared", "NOASSERTION"},
                    {"copyrightText", "NOASSERTION"},
                    {"primaryPackagePurpose", "SOURCE"},
                    {"comment", "The scanned source tree"}});
    for (const auto& [id, p] : packages) pkgs.push_back(PackageJson(p));

    json infos = json::array();
    for (const auto& [license, e] : extracted) {
      std::string name = e.first.empty() ? license.substr(std::string("LicenseRef-").size()) : e.first;
      std::string text = name + (e.second.empty() ? "" : ". Full text: " + e.second);
      json info = {{"licenseId", license}, {"name", S(name)}, {"extractedText", S(text)}};
      if (!e.second.empty()) info["seeAlsos"] = json::array({S(e.second)});
      infos.push_back(info);
    }

    std::string creator = "Tool: modelprov" + (r.tool_version.empty() ? std::string() : "-" + r.tool_version);
    json doc = {{"spdxVersion", "SPDX-2.3"},
                {"dataLicense", "CC0-1.0"},
                {"SPDXID", "SPDXRef-DOCUMENT"},
                {"name", "modelprov model dependencies of " + S(root_name)},
                {"documentNamespace", "https://spdx.org/spdxdocs/modelprov-" + report::UuidFromSeed(seed)},
                {"creationInfo", {{"created", timestamp}, {"creators", json::array({creator})}}},
                {"packages", pkgs},
                {"relationships", relationships}};
    if (!infos.empty()) doc["hasExtractedLicensingInfos"] = infos;
    out << doc.dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeSpdxWriter() { return std::make_unique<SpdxWriter>(); }

}  // namespace modelprov
