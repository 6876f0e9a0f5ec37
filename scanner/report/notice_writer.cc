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
  std::set<std::string> models;
  std::set<std::string> attributions;
  std::set<std::string> naming;
  std::set<std::string> aup;
};

// The terms a model carries are its own license's merged with every
// ancestor's, so a term is credited to a license only for models whose terms
// come from that license alone (no lineage), or when no such model exists.
void AddTerms(LicenseGroup& g, const TermMap& terms) {
  report::Obligations o = report::ObligationsOf(terms);
  if (!o.attribution.empty()) g.attributions.insert(o.attribution);
  if (!o.naming.empty()) g.naming.insert(o.naming);
  if (!o.aup_url.empty()) g.aup.insert(o.aup_url);
}

class NoticeWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "notice"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions&) const override {
    std::map<std::string, LicenseGroup> groups;
    for (const ModelSummary& m : r.models) {
      if (!m.license.empty()) {
        LicenseGroup& g = groups[m.license];
        g.models.insert(m.id);
        if (g.name.empty()) g.name = m.license_name;
        if (g.url.empty()) g.url = report::LicenseUrl(m);
        if (m.lineage.empty()) AddTerms(g, m.terms);
      }
      for (const LineageStep& s : m.lineage) {
        if (s.license.empty()) continue;
        LicenseGroup& g = groups[s.license];
        g.models.insert(m.id + " (" + s.relation + " of " + (s.model.empty() ? s.family : s.model) + ")");
      }
    }
    // Licenses only seen through lineage, or whose models all have lineage:
    // fall back to the merged terms of a model that names them.
    for (const ModelSummary& m : r.models) {
      if (m.lineage.empty()) continue;
      if (!m.license.empty()) {
        LicenseGroup& g = groups[m.license];
        if (g.attributions.empty() && g.naming.empty() && g.aup.empty()) AddTerms(g, m.terms);
      }
      for (const LineageStep& s : m.lineage) {
        if (s.license.empty()) continue;
        LicenseGroup& g = groups[s.license];
        if (g.attributions.empty() && g.naming.empty() && g.aup.empty()) AddTerms(g, m.terms);
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
      out << SanitizeUtf8(g.name.empty() ? license : g.name);
      if (!g.name.empty() && g.name != license) out << " (" << license << ")";
      out << "\n";
      if (!g.url.empty()) out << "License: " << SanitizeUtf8(g.url) << "\n";
      out << "\nModels:\n";
      for (const std::string& m : g.models) out << "  - " << SanitizeUtf8(m) << "\n";
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
