// The legal-review report as Markdown, in two sizes, both rendered from the
// shared ReportModel (report_model.h):
//   markdown          the full report for a file: what needs a decision, the
//                     obligations of each license with the models bound by
//                     it, one entry per model (publisher, use, lineage,
//                     evidence), the findings with all their places, counts.
//   markdown-summary  for a pull-request comment: the same risk summary, the
//                     active findings and the models, cut to stay under
//                     kSummaryLimit characters whatever the repository, with a
//                     pointer to the full report.
// Every value from the scan is escaped, so a model id or a source line can
// never break a table or inject markup; anchors are [a-z0-9-] only.
#include <algorithm>
#include <map>
#include <sstream>

#include "core/text.h"
#include "report/report_model.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using report::MarkdownEscape;

std::string E(const std::string& s) { return MarkdownEscape(s); }
std::string OrDash(const std::string& s) { return s.empty() ? "—" : E(s); }

// Where inline code sits: GFM needs '|' escaped inside a table cell, even in
// code, but shows the backslash anywhere else.
enum class Context { kCell, kProse };

// Inline code spans cannot be escaped with backslashes; pick a fence longer
// than any backtick run in the text instead.
std::string Code(const std::string& raw, Context where = Context::kCell) {
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
  if (where == Context::kCell) {
    for (size_t i = 0; (i = body.find('|', i)) != std::string::npos; i += 2) body.replace(i, 1, "\\|");
  }
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// At most n bytes of s, cut on a UTF-8 character boundary, with an ellipsis
// when shortened.
std::string Trunc(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string Anchor(const std::string& id) { return id.empty() ? "" : "<a id=\"" + id + "\"></a>"; }

std::string Url(const std::string& url) {
  return report::IsWebUrl(url) ? "<" + report::PercentEncodeUrl(url) + ">" : E(url);
}

// A license by name, linked to its obligations entry when it has one, else
// to its text.
std::string LicenseRef(const report::LicenseLink& l, bool with_category = true) {
  if (l.id.empty()) return "unknown";
  std::string s = !l.anchor.empty()        ? "[" + E(l.name) + "](#" + l.anchor + ")"
                  : report::IsWebUrl(l.url) ? "[" + E(l.name) + "](<" + report::PercentEncodeUrl(l.url) + ">)"
                                            : E(l.name);
  if (with_category && !l.category.empty()) s += " (" + E(l.category) + ")";
  return s;
}

std::string ModelRef(const report::ModelLink& m, size_t max_id = 0, Context where = Context::kCell) {
  std::string id = max_id ? Trunc(m.id, max_id) : m.id;
  std::string s = m.anchor.empty() ? Code(id, where) : "[" + Code(id, where) + "](#" + m.anchor + ")";
  if (!m.via.empty()) s += " (" + E(m.via) + ")";
  return s;
}

std::string ModelList(const std::vector<report::ModelLink>& models, size_t max, size_t max_id = 0,
                      Context where = Context::kCell) {
  std::string s;
  for (size_t i = 0; i < models.size() && i < max; ++i) s += (i ? ", " : "") + ModelRef(models[i], max_id, where);
  if (models.size() > max) s += ", and " + std::to_string(models.size() - max) + " more";
  return s;
}

std::string_view SeverityTitle(Severity s) {
  switch (s) {
    case Severity::kError: return "Errors";
    case Severity::kWarning: return "Warnings";
    case Severity::kNote: return "Notes";
  }
  return "Findings";
}

std::string Header(const report::ReportModel& m) {
  std::string roots;
  for (const std::string& root : m.roots) roots += (roots.empty() ? "" : ", ") + Code(root, Context::kProse);
  return "Scanned " + (roots.empty() ? std::string("(no roots recorded)") : roots) + " with modelprov" +
         (m.tool_version.empty() ? "" : " " + E(m.tool_version)) + ": " +
         std::to_string(m.models.size()) + " model dependenc" + (m.models.size() == 1 ? "y" : "ies") + ", " +
         m.finding_counts + ", " + report::Plural(m.reference_count, "reference", "references") + " in " +
         report::Plural(m.file_count, "file", "files") + ".\n\n" +
         (m.scope.empty() ? "" : "**Scope:** " + E(m.scope) + ".\n\n");
}

std::string DecisionList(const report::ReportModel& m, bool linked) {
  if (m.risks.empty()) {
    return "Nothing needs a decision: no restricted or unknown license, and no active policy error or warning.\n\n";
  }
  std::string s = "**" + std::to_string(m.models_needing_decision) + " of " +
                  report::Plural(m.models.size(), "model", "models") + " need" +
                  (m.models_needing_decision == 1 ? "s" : "") + " a decision:**\n\n";
  for (const report::RiskGroup& g : m.risks) {
    s += "- " + (linked ? "[" + E(g.title) + "](#" + g.anchor + ")" : "**" + E(g.title) + "**") + ": " +
         report::Plural(g.model_count, "model", "models") + "\n";
  }
  return s + "\n";
}

std::string RiskRowLabel(const report::RiskRow& row) {
  return row.license.id.empty() ? E(row.label) : LicenseRef(row.license, false);
}

std::string Places(const std::vector<std::string>& places, size_t max) {
  if (places.empty()) return "—";
  std::string s = Code(places.front());
  if (places.size() > 1) {
    s += "; also at ";
    for (size_t i = 1; i < places.size() && i <= max; ++i) s += (i > 1 ? ", " : "") + Code(places[i]);
    if (places.size() - 1 > max) s += ", and " + std::to_string(places.size() - 1 - max) + " more";
  }
  return s;
}

std::string CountTable(const char* heading, const report::Counts& counts) {
  std::string s = std::string("| ") + heading + " | Models |\n|---|---:|\n";
  for (const auto& [k, n] : counts) s += "| " + E(k) + " | " + std::to_string(n) + " |\n";
  return s + "\n";
}

class MarkdownWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "markdown"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    report::ReportModel m = report::BuildReportModel(r, ReportTimestamp(options));
    out << "# Model dependency review\n\n" << Header(m);
    out << "**Contents:** ";
    std::vector<report::SectionRef> sections = report::Sections(m);
    for (size_t i = 0; i < sections.size(); ++i) {
      out << (i ? " · " : "") << "[" << sections[i].title << "](#" << sections[i].anchor << ")";
    }
    out << "\n\n";
    WriteDecisions(m, out);
    WriteObligations(m, out);
    WriteModels(m, out);
    WriteFindings(m, out);
    out << Anchor("counts") << "\n\n## Counts\n\n";
    if (m.models.empty()) {
      out << "No model dependencies were found.\n\n";
    } else {
      out << CountTable("Publisher", m.by_publisher) << CountTable("Country", m.by_country)
          << CountTable("License category (with inherited licenses)", m.by_category);
    }
    if (!m.errors.empty()) {
      out << Anchor("errors") << "\n\n## Scan errors\n\n";
      for (const ScanError& e : m.errors) out << "- " << (e.path.empty() ? "(scan)" : Code(e.path, Context::kProse)) << ": " << E(e.message) << "\n";
      out << "\n";
    }
  }

 private:
  static void WriteDecisions(const report::ReportModel& m, std::ostream& out) {
    out << Anchor("decisions") << "\n\n## Needs a decision\n\n";
    if (m.models.empty()) {
      out << "No model dependencies were found.\n\n";
      return;
    }
    out << DecisionList(m, true);
    for (const report::RiskGroup& g : m.risks) {
      out << Anchor(g.anchor) << "\n\n### " << E(g.title) << " (" << report::Plural(g.model_count, "model", "models")
          << ")\n\n" << E(g.explain) << "\n\n";
      bool policy = g.key == "policy";
      out << (policy ? "| Rule | Severity | Models |\n" : "| License | Terms | Models |\n") << "|---|---|---|\n";
      for (const report::RiskRow& row : g.rows) {
        out << "| " << (policy ? Code(row.label) : RiskRowLabel(row)) << " | " << OrDash(row.detail) << " | "
            << ModelList(row.models, row.models.size()) << " |\n";
      }
      out << "\n";
    }
  }

  static void WriteObligations(const report::ReportModel& m, std::ostream& out) {
    out << Anchor("obligations") << "\n\n## Obligations by license\n\n";
    if (m.licenses.empty()) {
      out << "No model has a known license.\n\n";
      return;
    }
    out << "Each license once, with what it asks and every model bound by it (its own license, or inherited from a "
           "base model).\n\n";
    for (const report::LicenseEntry& l : m.licenses) {
      out << Anchor(l.license.anchor) << "\n\n### " << E(l.license.name);
      if (l.license.name != l.license.id) out << " (" << Code(l.license.id, Context::kProse) << ")";
      out << "\n\n";
      out << "- **Category:** " << OrDash(l.license.category) << "\n";
      out << "- **License text:** " << (l.license.url.empty() ? "—" : Url(l.license.url)) << "\n";
      if (l.obligations.empty()) out << "- **Obligations:** none recorded beyond the license text\n";
      for (const report::Obligation& o : l.obligations) {
        out << "- **" << o.label << ":** " << (o.is_url ? Url(o.text) : E(o.text)) << "\n";
      }
      out << "- **Binds " << report::Plural(l.models.size(), "model", "models") << ":** "
          << ModelList(l.models, l.models.size(), 0, Context::kProse) << "\n\n";
    }
  }

  static void WriteModels(const report::ReportModel& m, std::ostream& out) {
    out << Anchor("models") << "\n\n## Models\n\n";
    if (m.models.empty()) {
      out << "No model dependencies were found.\n\n";
      return;
    }
    out << "| Model | Publisher | Country | Used as | License | Effective category |\n|---|---|---|---|---|---|\n";
    for (const report::ModelEntry& e : m.models) {
      std::string license = LicenseRef(e.license, false);
      for (const report::LicenseLink& l : e.inherited) license += "; inherits " + LicenseRef(l, false);
      out << "| " << ModelRef({e.id, e.anchor, ""}) << " | " << OrDash(e.publisher) << " | " << OrDash(e.country) << " | "
          << E(e.usage) << " | " << license << " | " << OrDash(e.effective_category) << " |\n";
    }
    out << "\n";
    for (const report::ModelEntry& e : m.models) {
      out << Anchor(e.anchor) << "\n\n### " << Code(e.id, Context::kProse) << "\n\n";
      out << "- **Publisher:** " << OrDash(e.publisher) << (e.country.empty() ? "" : " (" + E(e.country) + ")") << "\n";
      if (!e.family.empty()) out << "- **Family:** " << E(e.family) << "\n";
      out << "- **Used as:** " << E(e.usage) << "\n";
      if (!e.hosted_by.empty()) out << "- **Hosted by:** " << E(e.hosted_by) << "\n";
      for (const std::string& url : e.endpoints) out << "- **Endpoint:** " << Code(url, Context::kProse) << "\n";
      out << "- **License:** " << LicenseRef(e.license) << "\n";
      if (!e.license_basis.empty()) out << "- **Terms that apply:** " << E(e.license_basis) << "\n";
      for (const report::LicenseLink& l : e.inherited) out << "- **Inherits:** " << LicenseRef(l) << "\n";
      if (!e.inherited.empty() || e.effective_category != e.license.category) {
        out << "- **Effective category:** " << OrDash(e.effective_category) << "\n";
      }
      if (!e.lineage.empty()) {
        out << "- **Lineage:** " << Code(e.id, Context::kProse);
        for (const report::LineageEntry& s : e.lineage) {
          out << " ← " << E(s.relation) << " of "
              << (s.anchor.empty() ? (s.model_known ? Code(s.model, Context::kProse) : E(s.model)) : "[" + Code(s.model, Context::kProse) + "](#" + s.anchor + ")");
          out << " (" << LicenseRef(s.license, false) << (s.source.empty() ? "" : ", from " + E(s.source)) << ")";
        }
        out << "\n";
      }
      if (!e.risks.empty()) {
        out << "- **Needs a decision:** ";
        for (size_t i = 0; i < e.risks.size(); ++i) out << (i ? ", " : "") << E(e.risks[i]);
        out << "\n";
      }
      if (!e.findings.empty()) {
        out << "- **Findings:** ";
        for (size_t i = 0; i < e.findings.size(); ++i) {
          const report::FindingEntry& f = m.findings[e.findings[i]];
          out << (i ? ", " : "") << "[" << Code(f.rule, Context::kProse) << "](#" << f.anchor << ") (" << SeverityName(f.severity)
              << (f.active ? "" : ", " + f.badge) << ")";
        }
        out << "\n";
      }
      out << "- **Evidence** (" << report::Plural(e.evidence.size(), "place", "places") << "):\n";
      // Long lists fold away (GitHub renders <details>); the first places stay visible.
      constexpr size_t kShown = 5;
      for (size_t i = 0; i < e.evidence.size(); ++i) {
        if (i == kShown) {
          out << "\n  <details><summary>" << report::Plural(e.evidence.size() - kShown, "more place", "more places")
              << "</summary>\n\n";
        }
        out << "  - " << Code(e.evidence[i].where, Context::kProse);
        if (!e.evidence[i].excerpt.empty()) out << ": " << Code(e.evidence[i].excerpt, Context::kProse);
        out << "\n";
      }
      if (e.evidence.size() > kShown) out << "\n  </details>\n";
      out << "\n";
    }
  }

  static void WriteFindings(const report::ReportModel& m, std::ostream& out) {
    out << Anchor("findings") << "\n\n## Findings\n\n";
    if (m.findings.empty()) {
      out << "No findings.\n\n";
      return;
    }
    for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      size_t active = 0, suppressed = 0;
      for (const report::FindingEntry& f : m.findings) {
        if (f.severity == sev) (f.active ? active : suppressed)++;
      }
      if (active + suppressed == 0) continue;
      out << "### " << SeverityTitle(sev) << " (" << active << " active, " << suppressed
          << " suppressed)\n\n| Status | Rule | Model | Where | Trigger | Message |\n|---|---|---|---|---|---|\n";
      for (const report::FindingEntry& f : m.findings) {
        if (f.severity != sev) continue;
        out << "| " << (f.active ? "**active**" : E(f.status)) << " | " << Code(f.rule) << " | "
            << (f.model.id.empty() ? "—" : ModelRef(f.model)) << " | " << Places(f.places, 20) << " | "
            << (f.trigger.empty() ? "—" : Code(f.trigger)) << " | " << E(f.message) << " " << Anchor(f.anchor) << " |\n";
      }
      out << "\n";
    }
  }
};

// The whole comment stays below this many bytes (so characters too): GitHub
// refuses comments over 65,536 characters.
constexpr size_t kSummaryLimit = 60000;

class MarkdownSummaryWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "markdown-summary"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    report::ReportModel m = report::BuildReportModel(r, ReportTimestamp(options));
    std::string footer = "\n---\n" + Pointer(options) + "\n";
    // Room kept for the footer and each section's "and N more" line.
    const size_t budget = kSummaryLimit - std::min<size_t>(footer.size(), 4000) - 1500;
    std::string doc = "## Model dependency review\n\n" + Header(m);
    doc += "### Needs a decision\n\n" + (m.models.empty() ? "No model dependencies were found.\n\n" : DecisionList(m, false));

    // Each section may use its share of what is left, so no section can
    // crowd out the ones after it.
    auto section = [&doc, budget](const std::vector<std::string>& rows, size_t share, const std::string& more_what) {
      size_t limit = std::min(budget, doc.size() + share);
      size_t shown = 0;
      for (const std::string& row : rows) {
        if (doc.size() + row.size() > limit) break;
        doc += row;
        ++shown;
      }
      if (shown < rows.size()) {
        doc += "\n… and " + std::to_string(rows.size() - shown) + " more " + more_what + " in the full report.\n";
      }
      doc += "\n";
    };

    if (!m.risks.empty()) {
      std::vector<std::string> rows;
      rows.push_back("| Needs a decision | License or rule | Terms | Models |\n|---|---|---|---|\n");
      for (const report::RiskGroup& g : m.risks) {
        for (const report::RiskRow& row : g.rows) {
          std::string label = g.key == "policy" ? Code(Trunc(row.label, 80))
                              : row.license.id.empty() ? E(row.label)
                                                       : E(Trunc(row.license.name, 80));
          rows.push_back("| " + E(g.title) + " | " + label + " | " + OrDash(Trunc(row.detail, 480)) + " | " +
                         PlainModels(row.models, 8) + " |\n");
        }
      }
      section(rows, budget / 3, "rows");
    }

    std::vector<std::string> finding_rows;
    size_t active = 0;
    for (const report::FindingEntry& f : m.findings) {
      if (!f.active) continue;
      if (active++ == 0) finding_rows.push_back("| Severity | Rule | Model | Where | Message |\n|---|---|---|---|---|\n");
      std::string where = f.places.empty() ? "—" : Code(Trunc(f.places.front(), 120));
      if (f.places.size() > 1) where += " (+" + std::to_string(f.places.size() - 1) + " more)";
      finding_rows.push_back("| " + std::string(SeverityName(f.severity)) + " | " + Code(Trunc(f.rule, 60)) + " | " +
                             (f.model.id.empty() ? "—" : Code(Trunc(f.model.id, 100))) + " | " + where + " | " +
                             E(Trunc(f.message, 200)) + " |\n");
    }
    doc += "### Active findings (" + std::to_string(active) + ")\n\n";
    if (active == 0) {
      doc += "None" + std::string(m.suppressed_findings ? " (" + std::to_string(m.suppressed_findings) + " suppressed)" : "") +
             ".\n\n";
    } else {
      section(finding_rows, (budget - std::min(budget, doc.size())) / 2, "findings");
    }

    doc += "### Models (" + std::to_string(m.models.size()) + ")\n\n";
    if (m.models.empty()) {
      doc += "None.\n\n";
    } else {
      std::vector<std::string> rows;
      rows.push_back("| Model | Publisher | Country | License | Used as |\n|---|---|---|---|---|\n");
      for (const report::ModelEntry& e : m.models) {
        std::string license = e.license.id.empty() ? "unknown" : E(Trunc(e.license.name, 80));
        if (!e.license.category.empty()) license += " (" + E(e.license.category) + ")";
        if (!e.effective_category.empty() && e.effective_category != e.license.category) {
          license += "; effective: " + E(e.effective_category);
        }
        rows.push_back("| " + Code(Trunc(e.id, 100)) + " | " + OrDash(Trunc(e.publisher, 60)) + " | " + OrDash(e.country) +
                       " | " + license + " | " + E(Trunc(e.usage, 120)) + " |\n");
      }
      section(rows, budget, "models");
    }
    if (!m.errors.empty()) doc += report::Plural(m.errors.size(), "file", "files") + " could not be read completely (see the full report).\n";
    doc += footer;
    // The sections above keep within the budget; this guards the promise.
    if (doc.size() > kSummaryLimit) doc = Trunc(doc, kSummaryLimit - 4) + "\n";
    out << doc;
  }

 private:
  static std::string PlainModels(const std::vector<report::ModelLink>& models, size_t max) {
    std::string s;
    for (size_t i = 0; i < models.size() && i < max; ++i) s += (i ? ", " : "") + Code(Trunc(models[i].id, 80));
    if (models.size() > max) s += ", and " + std::to_string(models.size() - max) + " more";
    return s;
  }

  // Where the full report is: a Markdown or HTML report written from the
  // same scan, else how to make one.
  static std::string Pointer(const WriteOptions& options) {
    std::string saved_json;
    for (const auto& [format, file] : options.companions) {
      if (format == "html" || format == "markdown") {
        return "Obligations per license, lineage and evidence for every model: the full report " + Code(file, Context::kProse) + ".";
      }
      if (format == "json") saved_json = file;
    }
    if (!saved_json.empty()) {
      return "Obligations per license, lineage and evidence for every model: " +
             Code("modelprov report --from " + saved_json + " --format html --output modelprov.html", Context::kProse) +
             " renders the full report.";
    }
    return "Obligations per license, lineage and evidence for every model: the full report, from "
           "`modelprov scan --format html --output modelprov.html` (or `--report html=FILE` next to this summary).";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeMarkdownWriter() { return std::make_unique<MarkdownWriter>(); }
std::unique_ptr<ReportWriter> MakeMarkdownSummaryWriter() { return std::make_unique<MarkdownSummaryWriter>(); }

}  // namespace modelprov
