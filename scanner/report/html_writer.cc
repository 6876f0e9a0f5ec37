// The legal-review report as one self-contained HTML file: inline CSS (with a
// print stylesheet), no scripts, fonts or images from elsewhere, and inline
// SVG for the pictures (models by country and by license category as bar
// charts, and one lineage graph per fine-tune). Everything that comes from
// the scan goes through HtmlEscape; links are only made for http(s) URLs.
#include <algorithm>
#include <cstdio>
#include <map>

#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using report::HtmlEscape;

std::string H(const std::string& s) { return HtmlEscape(s); }
std::string OrDash(const std::string& s) { return s.empty() ? "—" : H(s); }

std::string Link(const std::string& url, const std::string& text) {
  if (!report::IsWebUrl(url)) return H(text.empty() ? url : text);
  return "<a href=\"" + H(report::PercentEncodeUrl(url)) + "\">" + H(text.empty() ? url : text) + "</a>";
}

constexpr const char* kStyle = R"css(
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bar: #0969da; --err: #cf222e; --warn: #9a6700; --note: #0550ae; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; }
code { font: 13px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 0 .2rem; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .node { fill: #f6f8fa; stroke: var(--muted); }
svg .edge { stroke: var(--muted); fill: none; }
.sev-error { color: var(--err); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-note { color: var(--note); font-weight: 600; }
tr.suppressed td { color: var(--muted); }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; font-size: 12px; }
ul.evidence { list-style: none; padding-left: 0; }
ul.evidence li { margin: .15rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; color: var(--muted); word-break: break-all; }
  h2 { page-break-after: avoid; }
  table, figure, .lineage { page-break-inside: avoid; }
  th { background: none; }
}
)css";

// At most n bytes of s, cut on a UTF-8 character boundary, with an ellipsis
// when shortened.
std::string Trunc(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// A horizontal bar chart: one row per key, bar length proportional to count.
std::string BarChart(const std::string& id, const std::string& title, const std::map<std::string, int>& counts) {
  const int label_w = 190, bar_w = 260, row_h = 24;
  int max = 1;
  for (const auto& [k, n] : counts) max = std::max(max, n);
  int height = static_cast<int>(counts.size()) * row_h + 8;
  std::string svg = "<figure class=\"chart\" id=\"" + id + "\"><figcaption>" + H(title) + "</figcaption>";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + H(title) + "\" width=\"" +
         std::to_string(label_w + bar_w + 40) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(label_w + bar_w + 40) + " " + std::to_string(height) + "\">";
  int y = 4;
  for (const auto& [k, n] : counts) {
    int w = std::max(2, n * bar_w / max);
    std::string label = Trunc(k, 28);
    svg += "<g><title>" + H(k) + ": " + std::to_string(n) + "</title>";
    svg += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 15) + "\" text-anchor=\"end\">" + H(label) + "</text>";
    svg += "<rect class=\"bar\" x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
           std::to_string(w) + "\" height=\"" + std::to_string(row_h - 8) + "\"/>";
    svg += "<text x=\"" + std::to_string(label_w + w + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" + std::to_string(n) + "</text></g>";
    y += row_h;
  }
  return svg + "</svg></figure>";
}


// The model on the left, each ancestor stacked on the right, an arrow per
// step labelled with the relation ("finetune", "quantized"...).
std::string LineageSvg(const ModelSummary& m) {
  const int box_w = 300, box_h = 44, gap_x = 120, gap_y = 16;
  int n = static_cast<int>(m.lineage.size());
  int height = std::max(1, n) * (box_h + gap_y) + gap_y;
  int width = box_w * 2 + gap_x + 20;
  auto box = [&](int x, int y, const std::string& title, const std::string& sub) {
    std::string s = "<g class=\"lineage-node\"><title>" + H(title) + "</title><rect class=\"node\" x=\"" + std::to_string(x) +
                    "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(box_w) + "\" height=\"" +
                    std::to_string(box_h) + "\" rx=\"6\"/>";
    s += "<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 18) + "\">" + H(Trunc(title, 44)) + "</text>";
    if (!sub.empty()) s += "<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 35) + "\" fill=\"#57606a\">" + H(Trunc(sub, 44)) + "</text>";
    return s + "</g>";
  };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage-graph\" role=\"img\" aria-label=\"Lineage of " +
                    H(m.id) + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\">";
  // Marker ids are document-wide: one per graph keeps them unique.
  std::string marker = "arrow-" + report::Hex64(report::Fnv1a64(m.id)).substr(0, 8);
  svg += "<defs><marker id=\"" + marker + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
         "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>";
  int my = (height - box_h) / 2;
  svg += box(10, my, m.id, m.license);
  for (int i = 0; i < n; ++i) {
    const LineageStep& s = m.lineage[static_cast<size_t>(i)];
    int by = gap_y + i * (box_h + gap_y);
    std::string title = s.model.empty() ? (s.family.empty() ? "unknown base" : "a " + s.family + " model") : s.model;
    int x1 = 10 + box_w, y1 = my + box_h / 2, x2 = 10 + box_w + gap_x, y2 = by + box_h / 2;
    svg += "<path class=\"edge\" d=\"M" + std::to_string(x1) + "," + std::to_string(y1) + " C" + std::to_string(x1 + gap_x / 2) +
           "," + std::to_string(y1) + " " + std::to_string(x2 - gap_x / 2) + "," + std::to_string(y2) + " " + std::to_string(x2) +
           "," + std::to_string(y2) + "\" marker-end=\"url(#" + marker + ")\"/>";
    svg += "<text x=\"" + std::to_string(x1 + gap_x / 2) + "\" y=\"" + std::to_string((y1 + y2) / 2 - 4) + "\" text-anchor=\"middle\">" +
           H(s.relation) + "</text>";
    svg += box(x2, by, title, s.license);
  }
  return svg + "</svg>";
}

std::string SeverityClass(Severity s) { return "sev-" + std::string(SeverityName(s)); }

class HtmlWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "html"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    std::string roots;
    for (const std::string& root : r.roots) roots += (roots.empty() ? "" : ", ") + root;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        << "<title>Model dependency review" << (roots.empty() ? "" : " — " + H(roots)) << "</title>\n<style>" << kStyle
        << "</style>\n</head>\n<body>\n";
    out << "<h1>Model dependency review</h1>\n<p class=\"meta\">Scanned <code>" << OrDash(roots) << "</code> with modelprov "
        << H(r.tool_version) << " on " << H(ReportTimestamp(options)) << ": <strong id=\"model-count\">" << r.models.size()
        << "</strong> model dependenc" << (r.models.size() == 1 ? "y" : "ies") << ", " << H(report::FindingCounts(r.findings))
        << ", " << r.references.size() << " reference" << (r.references.size() == 1 ? "" : "s")
        << " in " << r.stats.files << " file" << (r.stats.files == 1 ? "" : "s") << ".</p>\n";

    WriteSummary(r, out);
    WriteObligations(r, out);
    WriteFindings(r, out);
    WriteLineage(r, out);
    WriteEvidence(r, out);
    if (!r.errors.empty()) {
      out << "<h2 id=\"errors\">Scan errors</h2>\n<ul>\n";
      for (const ScanError& e : r.errors) out << "<li><code>" << H(e.path.empty() ? "(scan)" : e.path) << "</code>: " << H(e.message) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</body>\n</html>\n";
  }

 private:
  static void CountTable(std::ostream& out, const char* heading, const std::map<std::string, int>& counts) {
    out << "<table class=\"counts\"><thead><tr><th>" << heading << "</th><th>Models</th></tr></thead><tbody>\n";
    for (const auto& [k, n] : counts) out << "<tr><td>" << H(k) << "</td><td class=\"num\">" << n << "</td></tr>\n";
    out << "</tbody></table>\n";
  }

  static void WriteSummary(const ScanResult& r, std::ostream& out) {
    out << "<h2 id=\"summary\">Summary</h2>\n";
    if (r.models.empty()) {
      out << "<p>No model dependencies were found.</p>\n";
      return;
    }
    auto countries = report::CountBy(r, [](const ModelSummary& m) { return m.country; });
    // A derivative counts under the most restrictive of its own and its
    // ancestors' license categories.
    auto categories = report::CountBy(r, [&r](const ModelSummary& m) { return report::EffectiveCategory(r, m); });
    out << "<div class=\"charts\">" << BarChart("chart-country", "Models by publisher country", countries)
        << BarChart("chart-license", "Models by license category (with inherited licenses)", categories) << "</div>\n";
    CountTable(out, "Publisher", report::CountBy(r, report::PublisherOf));
    out << "<h2 id=\"models\">Models</h2>\n<table class=\"models\"><thead><tr><th>Model</th><th>Publisher</th><th>Country</th>"
           "<th>License</th><th>Category</th><th>Hosted by</th></tr></thead><tbody>\n";
    for (const ModelSummary& m : r.models) {
      std::string host = m.provider_name.empty() ? m.provider : m.provider_name;
      if (!host.empty() && !m.data_country.empty()) host += " (data in " + m.data_country + ")";
      std::string license = m.license.empty() ? "unknown" : (m.license_name.empty() ? report::LicenseNameOf(r, m.license) : m.license_name);
      std::string url = m.license.empty() ? "" : report::LicenseUrl(m);
      if (url.empty() && !m.license.empty()) url = report::LicenseUrlOf(r, m.license);
      std::string cell = Link(url, license);
      for (const std::string& id : report::InheritedLicenses(m)) {
        cell += "<br>inherits " + Link(report::LicenseUrlOf(r, id), report::LicenseNameOf(r, id));
      }
      std::string category = OrDash(m.license_category);
      if (std::string effective = report::EffectiveCategory(r, m); effective != m.license_category) {
        category += "<br>effective: " + H(effective);
      }
      out << "<tr><td><code>" << H(m.id) << "</code></td><td>" << OrDash(report::PublisherOf(m)) << "</td><td>" << OrDash(m.country)
          << "</td><td>" << cell << "</td><td>" << category << "</td><td>" << OrDash(host) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }

  static void WriteObligations(const ScanResult& r, std::ostream& out) {
    out << "<h2 id=\"obligations\">Obligations</h2>\n";
    bool any = false;
    for (const ModelSummary& m : r.models) {
      report::Obligations o = report::ObligationsOf(m.terms);
      if (o.attribution.empty() && o.naming.empty() && o.user_caps.empty() && o.output_use.empty() && o.aup_url.empty() &&
          o.other.empty()) {
        continue;
      }
      if (!any) {
        out << "<table class=\"obligations\"><thead><tr><th>Model</th><th>Attribution to display</th><th>Naming rules</th>"
               "<th>User caps</th><th>Output restrictions</th><th>Acceptable use</th><th>Other</th></tr></thead><tbody>\n";
      }
      any = true;
      out << "<tr><td><code>" << H(m.id) << "</code></td><td>" << OrDash(o.attribution) << "</td><td>" << OrDash(o.naming)
          << "</td><td>" << OrDash(o.user_caps) << "</td><td>" << OrDash(o.output_use) << "</td><td>"
          << (o.aup_url.empty() ? "—" : Link(o.aup_url, "")) << "</td><td>" << OrDash(o.other) << "</td></tr>\n";
    }
    out << (any ? "</tbody></table>\n" : "<p>No model carries a known obligation.</p>\n");
  }

  static void WriteFindings(const ScanResult& r, std::ostream& out) {
    out << "<h2 id=\"findings\">Findings</h2>\n";
    if (r.findings.empty()) {
      out << "<p>No findings.</p>\n";
      return;
    }
    size_t suppressed = 0;
    for (const Finding& f : r.findings) suppressed += f.suppressed_by.empty() ? 0 : 1;
    out << "<p id=\"finding-counts\">" << r.findings.size() - suppressed << " active, " << suppressed << " suppressed</p>\n";
    out << "<table class=\"findings\"><thead><tr><th>Severity</th><th>Status</th><th>Rule</th><th>Model</th><th>Where</th>"
           "<th>Trigger</th><th>Message</th></tr></thead><tbody>\n";
    for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      for (const Finding& f : r.findings) {
        if (f.severity != sev) continue;
        bool silenced = !f.suppressed_by.empty();
        std::string badge = f.suppressed_by == "waiver" ? "waived" : f.suppressed_by == "baseline" ? "baseline" : "suppressed";
        out << "<tr" << (silenced ? " class=\"suppressed\"" : "") << "><td class=\"" << SeverityClass(sev) << "\">"
            << SeverityName(sev) << "</td><td>"
            << (silenced ? "<span class=\"badge\">" + badge + "</span> " + H(SuppressionText(f)) : std::string("active"))
            << "</td><td><code>" << H(f.rule) << "</code></td><td>" << (f.model.empty() ? "—" : "<code>" + H(f.model) + "</code>")
            << "</td><td>" << (f.location.path.empty() ? "—" : "<code>" + H(report::Where(f.location)) + "</code>") << "</td><td>"
            << (f.trigger.empty() ? "—" : "<code>" + H(f.trigger) + "</code>") << "</td><td>" << H(f.message) << "</td></tr>\n";
      }
    }
    out << "</tbody></table>\n";
  }

  static void WriteLineage(const ScanResult& r, std::ostream& out) {
    out << "<h2 id=\"lineage\">Lineage</h2>\n";
    bool any = false;
    for (const ModelSummary& m : r.models) {
      if (m.lineage.empty()) continue;
      any = true;
      out << "<div class=\"lineage\"><h3><code>" << H(m.id) << "</code></h3>\n" << LineageSvg(m) << "\n<ul>";
      for (const LineageStep& s : m.lineage) {
        out << "<li>" << H(s.relation) << " of " << (s.model.empty() ? H("a " + s.family + " model") : "<code>" + H(s.model) + "</code>");
        if (!s.license.empty()) out << " (" << Link(report::LicenseUrlOf(r, s.license), report::LicenseNameOf(r, s.license)) << ")";
        if (!s.source.empty()) out << ", from " << H(s.source);
        out << "</li>";
      }
      out << "</ul></div>\n";
    }
    if (!any) out << "<p>No fine-tunes, adapters or quantisations with a known base.</p>\n";
  }

  static void WriteEvidence(const ScanResult& r, std::ostream& out) {
    out << "<h2 id=\"evidence\">Evidence</h2>\n";
    if (r.models.empty()) {
      out << "<p>Nothing to show.</p>\n";
      return;
    }
    std::map<std::string, std::string> excerpts = report::ExcerptsByPlace(r);
    for (const ModelSummary& m : r.models) {
      out << "<h3><code>" << H(m.id) << "</code></h3>\n<ul class=\"evidence\">\n";
      for (const Location& l : m.occurrences) {
        std::string where = report::Where(l);
        out << "<li><code>" << H(where) << "</code>";
        auto it = excerpts.find(where);
        if (it != excerpts.end()) out << " <code class=\"excerpt\">" << H(it->second) << "</code>";
        out << "</li>\n";
      }
      out << "</ul>\n";
    }
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeHtmlWriter() { return std::make_unique<HtmlWriter>(); }

}  // namespace modelprov
