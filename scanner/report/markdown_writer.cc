// The legal-review report as Markdown (GitHub-flavoured tables): summary,
// obligations per model, findings by severity with waivers shown, lineage and
// the evidence list. Every value from the scan is escaped, so a model id or a
// source line can never break a table or inject markup.
#include <algorithm>
#include <map>

#include "core/text.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using report::MarkdownEscape;

std::string E(const std::string& s) { return MarkdownEscape(s); }
std::string OrDash(const std::string& s) { return s.empty() ? "—" : E(s); }
// Inline code spans cannot be escaped with backslashes; pick a fence longer
// than any backtick run in the text instead.
std::string Code(const std::string& raw) {
  std::string s;
  for (char c : raw) s += (c == '\n' || c == '\r') ? ' ' : c;
  size_t run = 0, longest = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  // Code spans show entities literally and never parse HTML, so only the
  // table's '|' needs escaping (GFM requires it even inside code).
  std::string body = SanitizeUtf8(s);
  for (size_t i = 0; (i = body.find('|', i)) != std::string::npos; i += 2) body.replace(i, 1, "\\|");
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

void CountTable(std::ostream& out, const char* heading, const std::map<std::string, int>& counts) {
  out << "| " << heading << " | Models |\n|---|---:|\n";
  for (const auto& [k, n] : counts) out << "| " << E(k) << " | " << n << " |\n";
  out << "\n";
}

std::string LicenseLink(const ScanResult& r, const std::string& id) {
  std::string name = report::LicenseNameOf(r, id);
  std::string url = report::LicenseUrlOf(r, id);
  return !report::IsWebUrl(url) ? E(name) : "[" + E(name) + "](<" + report::PercentEncodeUrl(url) + ">)";
}

// The model's own license, then the licenses it inherits through lineage.
std::string LicenseCell(const ScanResult& r, const ModelSummary& m) {
  std::string cell = "unknown";
  if (!m.license.empty()) {
    std::string name = m.license_name.empty() ? report::LicenseNameOf(r, m.license) : m.license_name;
    std::string url = report::LicenseUrl(m);
    if (url.empty()) url = report::LicenseUrlOf(r, m.license);
    cell = !report::IsWebUrl(url) ? E(name) : "[" + E(name) + "](<" + report::PercentEncodeUrl(url) + ">)";
    if (!m.license_category.empty()) cell += " (" + E(m.license_category) + ")";
  }
  for (const std::string& id : report::InheritedLicenses(m)) {
    cell += "; inherits " + LicenseLink(r, id);
    if (std::string c = report::LicenseCategoryOf(r, id); !c.empty()) cell += " (" + E(c) + ")";
  }
  return cell;
}

std::string_view SeverityTitle(Severity s) {
  switch (s) {
    case Severity::kError: return "Errors";
    case Severity::kWarning: return "Warnings";
    case Severity::kNote: return "Notes";
  }
  return "Findings";
}

class MarkdownWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "markdown"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions&) const override {
    out << "# Model dependency review\n\n";
    std::string roots;
    for (const std::string& root : r.roots) roots += (roots.empty() ? "" : ", ") + Code(root);
    out << "Scanned " << (roots.empty() ? "(no roots recorded)" : roots) << " with modelprov"
        << (r.tool_version.empty() ? "" : " " + E(r.tool_version)) << ": " << r.models.size() << " model dependenc"
        << (r.models.size() == 1 ? "y" : "ies") << ", " << report::FindingCounts(r.findings) << ", " << r.references.size() << " reference" << (r.references.size() == 1 ? "" : "s") << " in " << r.stats.files
        << " file" << (r.stats.files == 1 ? "" : "s") << ".\n\n";

    out << "## Summary\n\n";
    if (r.models.empty()) {
      out << "No model dependencies were found.\n\n";
    } else {
      CountTable(out, "Publisher", report::CountBy(r, report::PublisherOf));
      CountTable(out, "Country", report::CountBy(r, [](const ModelSummary& m) { return m.country; }));
      // A derivative counts under the most restrictive of its own and its
      // ancestors' license categories.
      CountTable(out, "License category (with inherited licenses)",
                 report::CountBy(r, [&r](const ModelSummary& m) { return report::EffectiveCategory(r, m); }));
      out << "## Models\n\n| Model | Publisher | Country | License | Hosted by |\n|---|---|---|---|---|\n";
      for (const ModelSummary& m : r.models) {
        std::string host = m.provider_name.empty() ? m.provider : m.provider_name;
        if (!host.empty() && !m.data_country.empty()) host += " (data in " + m.data_country + ")";
        out << "| " << Code(m.id) << " | " << OrDash(report::PublisherOf(m)) << " | " << OrDash(m.country) << " | "
            << LicenseCell(r, m) << " | " << OrDash(host) << " |\n";
      }
      out << "\n";
    }

    WriteObligations(r, out);
    WriteFindings(r, out);
    WriteLineage(r, out);
    WriteEvidence(r, out);
    if (!r.errors.empty()) {
      out << "## Scan errors\n\n";
      for (const ScanError& e : r.errors) out << "- " << (e.path.empty() ? "(scan)" : Code(e.path)) << ": " << E(e.message) << "\n";
      out << "\n";
    }
  }

 private:
  static void WriteObligations(const ScanResult& r, std::ostream& out) {
    out << "## Obligations\n\n";
    bool any = false;
    for (const ModelSummary& m : r.models) {
      report::Obligations o = report::ObligationsOf(m.terms);
      if (o.attribution.empty() && o.naming.empty() && o.user_caps.empty() && o.output_use.empty() && o.aup_url.empty() &&
          o.other.empty()) {
        continue;
      }
      if (!any) {
        out << "| Model | Attribution to display | Naming rules | User caps | Output restrictions | Acceptable use | Other |\n"
               "|---|---|---|---|---|---|---|\n";
      }
      any = true;
      std::string aup = o.aup_url.empty()                ? "—"
                        : report::IsWebUrl(o.aup_url) ? "<" + report::PercentEncodeUrl(o.aup_url) + ">"
                                                      : E(o.aup_url);
      out << "| " << Code(m.id) << " | " << OrDash(o.attribution) << " | " << OrDash(o.naming) << " | " << OrDash(o.user_caps)
          << " | " << OrDash(o.output_use) << " | " << aup << " | " << OrDash(o.other) << " |\n";
    }
    out << (any ? "\n" : "No model carries a known obligation.\n\n");
  }

  static void WriteFindings(const ScanResult& r, std::ostream& out) {
    out << "## Findings\n\n";
    if (r.findings.empty()) {
      out << "No findings.\n\n";
      return;
    }
    for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      std::vector<const Finding*> list;
      for (const Finding& f : r.findings) {
        if (f.severity == sev) list.push_back(&f);
      }
      if (list.empty()) continue;
      size_t suppressed = 0;
      for (const Finding* f : list) suppressed += f->suppressed_by.empty() ? 0 : 1;
      out << "### " << SeverityTitle(sev) << " (" << list.size() - suppressed << " active, " << suppressed
          << " suppressed)\n\n| Status | Rule | Model | Where | Trigger | Message |\n|---|---|---|---|---|---|\n";
      for (const Finding* f : list) {
        std::string status = f->suppressed_by.empty() ? "**active**" : E(SuppressionText(*f));
        out << "| " << status << " | " << Code(f->rule) << " | " << (f->model.empty() ? "—" : Code(f->model)) << " | "
            << (f->location.path.empty() ? "—" : Code(report::Where(f->location))) << " | "
            << (f->trigger.empty() ? "—" : Code(f->trigger)) << " | " << E(f->message) << " |\n";
      }
      out << "\n";
    }
  }

  static void WriteLineage(const ScanResult& r, std::ostream& out) {
    out << "## Lineage\n\n";
    bool any = false;
    for (const ModelSummary& m : r.models) {
      if (m.lineage.empty()) continue;
      any = true;
      out << "- " << Code(m.id);
      if (!m.license.empty()) out << " (" << LicenseLink(r, m.license) << ")";
      for (const LineageStep& s : m.lineage) {
        std::string target = s.model.empty() ? "a " + (s.family.empty() ? std::string("model") : s.family + " model") : s.model;
        out << "\n  - " << E(s.relation) << " of " << (s.model.empty() ? E(target) : Code(target));
        if (!s.license.empty()) out << " (" << LicenseLink(r, s.license) << ")";
        if (!s.source.empty()) out << ", from " << E(s.source);
      }
      out << "\n";
    }
    out << (any ? "\n" : "No fine-tunes, adapters or quantisations with a known base.\n\n");
  }

  static void WriteEvidence(const ScanResult& r, std::ostream& out) {
    out << "## Evidence\n\n";
    if (r.models.empty()) {
      out << "Nothing to show.\n";
      return;
    }
    std::map<std::string, std::string> excerpts = report::ExcerptsByPlace(r);
    for (const ModelSummary& m : r.models) {
      out << "### " << E(m.id) << "\n\n";
      for (const Location& l : m.occurrences) {
        out << "- " << Code(report::Where(l));
        auto it = excerpts.find(report::Where(l));
        if (it != excerpts.end()) out << ": " << Code(it->second);
        out << "\n";
      }
      out << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeMarkdownWriter() { return std::make_unique<MarkdownWriter>(); }

}  // namespace modelprov
