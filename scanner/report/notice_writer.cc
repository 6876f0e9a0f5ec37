// NOTICE / attribution text: what the licenses of the model dependencies ask
// a product to show or ship, grouped per license in license-id order so the
// file is the same for the same scan. Used by `modelprov notice` and by
// `--format notice`.
#include <map>
#include <set>

#include "core/text.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

struct LicenseGroup {
  std::string name;
  std::string url;
  std::map<std::string, std::string> models;  // model id -> how it is listed
  std::set<std::string> attributions;
  std::set<std::string> naming;
  std::set<std::string> aup;
};

void AddTerms(LicenseGroup& g, const TermMap& terms) {
  report::Obligations o = report::ObligationsOf(terms);
  if (!o.attribution.empty()) g.attributions.insert(o.attribution);
  if (!o.naming.empty()) g.naming.insert(o.naming);
  if (!o.aup_url.empty()) g.aup.insert(o.aup_url);
}

bool NoTerms(const LicenseGroup& g) { return g.attributions.empty() && g.naming.empty() && g.aup.empty(); }

class NoticeWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "notice"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions&) const override {
    std::map<std::string, LicenseGroup> groups;
    for (const ModelSummary& m : r.models) {
      if (!m.license.empty()) groups[m.license].models.emplace(m.id, m.id);
      for (const LineageStep& s : m.lineage) {
        if (s.license.empty()) continue;
        // A model bound by a license both as its own and through an
        // ancestor is listed once, with the lineage that explains it.
        std::string label = m.id + " (" + s.relation + " of " + (s.model.empty() ? s.family : s.model) + ")";
        auto& models = groups[s.license].models;
        auto it = models.find(m.id);
        if (it == models.end()) {
          models.emplace(m.id, label);
        } else if (it->second == m.id) {
          it->second = label;
        }
      }
    }
    for (auto& [license, g] : groups) {
      g.name = report::LicenseNameOf(r, license);
      g.url = report::LicenseUrlOf(r, license);
      // Each license's own terms, from the scan's license facts; a model's
      // terms are merged with its ancestors' and would mix licenses.
      if (const LicenseFacts* facts = report::FindLicense(r, license)) AddTerms(g, facts->terms);
    }
    // Scans saved before `licenses` existed: credit a model's merged terms to
    // its license only when it has no lineage, else fall back to any model
    // that names the license.
    for (const ModelSummary& m : r.models) {
      if (m.license.empty() || !m.lineage.empty() || report::FindLicense(r, m.license)) continue;
      AddTerms(groups[m.license], m.terms);
    }
    for (const ModelSummary& m : r.models) {
      if (m.lineage.empty()) continue;
      std::vector<std::string> ids = report::EffectiveLicenses(m);
      for (const std::string& id : ids) {
        auto it = groups.find(id);
        if (it == groups.end() || report::FindLicense(r, id) || !NoTerms(it->second)) continue;
        AddTerms(it->second, m.terms);
      }
    }

    out << "THIRD-PARTY AI MODEL NOTICES\n";
    out << "============================\n\n";
    if (groups.empty()) {
      out << "This product uses no third-party AI model whose license modelprov knows.\n";
      WriteUnknown(r, out);
      return;
    }
    out << "This product uses the third-party AI models listed below, under the licenses and terms named here.\n";
    for (const auto& [license, g] : groups) {
      out << "\n" << std::string(72, '-') << "\n";
      out << SanitizeUtf8(g.name);
      if (!g.name.empty() && g.name != license) out << " (" << license << ")";
      out << "\n";
      if (!g.url.empty()) out << "License: " << SanitizeUtf8(g.url) << "\n";
      out << "\nModels:\n";
      for (const auto& [id, label] : g.models) out << "  - " << SanitizeUtf8(label) << "\n";
      if (!g.attributions.empty()) {
        out << "\nRequired attribution:\n";
        for (const std::string& a : g.attributions) out << "  " << SanitizeUtf8(a) << "\n";
      }
      if (!g.naming.empty()) {
        out << "\nNaming rule:\n";
        for (const std::string& a : g.naming) out << "  " << SanitizeUtf8(a) << "\n";
      }
      if (!g.aup.empty()) {
        out << "\nAcceptable use policy:\n";
        for (const std::string& a : g.aup) out << "  " << SanitizeUtf8(a) << "\n";
      }
    }
    WriteUnknown(r, out);
  }

 private:
  static void WriteUnknown(const ScanResult& r, std::ostream& out) {
    std::vector<std::string> unknown;
    for (const ModelSummary& m : r.models) {
      if (m.license.empty() && m.lineage.empty()) unknown.push_back(m.id);
    }
    if (unknown.empty()) return;
    out << "\n" << std::string(72, '-') << "\n";
    out << "License not determined (check before shipping):\n";
    for (const std::string& id : unknown) out << "  - " << SanitizeUtf8(id) << "\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeNoticeWriter() { return std::make_unique<NoticeWriter>(); }

}  // namespace modelprov
