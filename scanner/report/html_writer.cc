// The legal-review report as one self-contained HTML file, rendered from the
// shared ReportModel (report_model.h): a table of contents, what needs a
// decision first, the obligations of each license once with every model bound
// by it, one entry per model (publisher, use, lineage with inherited terms,
// evidence folded away when long), the findings with all their places, and
// the counts as inline SVG bar charts. Inline CSS with a print stylesheet (the
// browser's "Print to PDF" gives a clean document); no scripts, fonts or
// images from elsewhere. Everything that comes from the scan goes through
// HtmlEscape; links are only made for http(s) URLs; anchors are [a-z0-9-].
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "core/text.h"
#include "report/report_model.h"
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

// A model id that may wrap only after a '/' (between the publisher and the
// name), never inside a name: each part is kept whole (white-space: nowrap)
// and a <wbr> sits between them.
std::string Id(const std::string& id) {
  std::string out = "<code class=\"id\">";
  size_t from = 0;
  while (from < id.size()) {
    size_t slash = id.find('/', from);
    size_t end = slash == std::string::npos ? id.size() : slash + 1;
    out += (from ? "<wbr>" : "") + std::string("<span>") + H(id.substr(from, end - from)) + "</span>";
    from = end;
  }
  return out + "</code>";
}

std::string ModelRef(const report::ModelLink& m) {
  std::string s = m.anchor.empty() ? Id(m.id) : "<a class=\"model\" href=\"#" + m.anchor + "\">" + Id(m.id) + "</a>";
  if (!m.via.empty()) s += " <span class=\"via\">" + H(m.via) + "</span>";
  return s;
}

std::string ModelList(const std::vector<report::ModelLink>& models) {
  std::string s = "<ul class=\"inline\">";
  for (const report::ModelLink& m : models) s += "<li>" + ModelRef(m) + "</li>";
  return s + "</ul>";
}

std::string Badge(const std::string& text, const std::string& cls = "") {
  return "<span class=\"badge" + (cls.empty() ? "" : " " + cls) + "\">" + H(text) + "</span>";
}

std::string CategoryClass(const std::string& category) {
  int rank = LicenseCategoryRank(category);
  if (category.empty()) return "cat-unknown";
  if (rank >= LicenseCategoryRank("restricted-commercial")) return "cat-restricted";
  if (rank >= LicenseCategoryRank("copyleft")) return "cat-conditions";
  return "cat-open";
}

// A license by name, linked to its obligations entry when it has one.
std::string LicenseRef(const report::LicenseLink& l, bool with_category = true) {
  if (l.id.empty()) return Badge("unknown license", "cat-unknown");
  std::string s = !l.anchor.empty() ? "<a href=\"#" + l.anchor + "\">" + H(l.name) + "</a>" : Link(l.url, l.name);
  if (with_category && !l.category.empty()) s += " " + Badge(l.category, CategoryClass(l.category));
  return s;
}

constexpr const char* kStyle = R"css(
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --bar: #0969da; --err: #cf222e; --warn: #9a6700; --note: #0550ae; --ok: #1a7f37; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 74rem; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
a { color: var(--bar); }
a[href^="http"] { overflow-wrap: anywhere; }
.meta, .explain, .via { color: var(--muted); }
.via { font-size: .9em; }
nav.toc { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; background: var(--soft); margin: 1rem 0; }
nav.toc ol { margin: .2rem 0; padding-left: 1.4rem; }
nav.toc ol ol { padding-left: 1.2rem; font-size: .95em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; }
code { font: 13px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 0 .2rem; }
code.id { overflow-wrap: normal; word-break: normal; }
h3 code.id { font-size: 1rem; font-weight: 700; background: none; padding: 0; }
code.id span { white-space: nowrap; }
code.where, code.excerpt { overflow-wrap: anywhere; }
code.excerpt { white-space: pre-wrap; display: block; margin: .1rem 0 .3rem 1rem; padding: .15rem .4rem; border-left: 3px solid var(--line); }
table.models td:first-child, table.risk td:last-child { min-width: 14rem; }
ul.inline { list-style: none; margin: 0; padding: 0; }
ul.inline li { display: inline; }
ul.inline li:not(:last-child)::after { content: ", "; }
ul.plain { list-style: none; padding-left: 0; margin: .2rem 0; }
ul.plain li { margin: .15rem 0; }
.lead { font-size: 1.05rem; }
ul.risk-index { padding-left: 1.2rem; }
.risk-group { border-left: 4px solid var(--warn); padding-left: .8rem; margin: 1rem 0; }
.risk-group.high { border-left-color: var(--err); }
.risk-group h3 { margin-top: .4rem; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, 13rem) minmax(0, 1fr); gap: .25rem 1rem; margin: .4rem 0 1rem; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; min-width: 0; }
article { border-top: 1px solid var(--line); padding-top: .2rem; }
ol.chain { list-style: none; padding-left: 0; margin: 0; }
ol.chain li { margin: .1rem 0; position: relative; }
ol.chain li + li { padding-left: 1.3rem; }
ol.chain li + li::before { content: "↳"; position: absolute; left: .2rem; color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.chart { margin: 0; max-width: 100%; }
.chart svg { max-width: 100%; height: auto; }
.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .bar { fill: var(--bar); }
.sev-error { color: var(--err); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-note { color: var(--note); font-weight: 600; }
tr.suppressed td { color: var(--muted); }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; font-size: 12px; white-space: nowrap; }
.badge.cat-restricted { border-color: var(--err); color: var(--err); }
.badge.cat-conditions { border-color: var(--warn); color: var(--warn); }
.badge.cat-open { border-color: var(--ok); color: var(--ok); }
.badge.cat-unknown { border-color: var(--muted); color: var(--muted); border-style: dashed; }
details summary { cursor: pointer; color: var(--bar); }
@media (max-width: 700px) {
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  body { padding: 0 .6rem; }
}
@media screen and (max-width: 700px) {
  /* On a phone an id longer than the screen scrolls in its own line rather
     than break mid-name or push the page sideways (print shows it whole). */
  h3, dd, li, p { overflow-x: auto; }
}
@media print {
  @page { margin: 15mm 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { background: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: var(--muted); overflow-wrap: anywhere; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  tr, .risk-group, figure, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  th, code, nav.toc { background: none; }
  .badge { display: inline; white-space: normal; border: none; padding: 0; font-size: 9pt; }
  .badge::before { content: "["; }
  .badge::after { content: "]"; }
  details summary { display: none; }
  details::details-content { content-visibility: visible; display: contents; }
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
// The full label is the row's tooltip and is listed in the table after it.
std::string BarChart(const std::string& id, const std::string& title, const report::Counts& counts) {
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

std::string SeverityClass(Severity s) { return "sev-" + std::string(SeverityName(s)); }

// Evidence or places: the first `shown` visible, the rest folded away (and
// unfolded when printed).
template <typename Item>
std::string Folded(const std::vector<Item>& items, size_t shown,
                   const std::function<std::string(const Item&)>& render) {
  std::string s = "<ul class=\"plain\">";
  for (size_t i = 0; i < items.size() && i < shown; ++i) s += "<li>" + render(items[i]) + "</li>";
  s += "</ul>";
  if (items.size() > shown) {
    s += "<details><summary>" + report::Plural(items.size() - shown, "more place", "more places") +
         "</summary><ul class=\"plain\">";
    for (size_t i = shown; i < items.size(); ++i) s += "<li>" + render(items[i]) + "</li>";
    s += "</ul></details>";
  }
  return s;
}

class HtmlWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "html"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    report::ReportModel m = report::BuildReportModel(r, ReportTimestamp(options));
    std::string roots;
    for (const std::string& root : m.roots) roots += (roots.empty() ? "" : ", ") + root;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        << "<title>Model dependency review" << (roots.empty() ? "" : " — " + H(roots)) << "</title>\n<style>" << kStyle
        << "</style>\n</head>\n<body>\n";
    out << "<header>\n<h1>Model dependency review</h1>\n<p class=\"meta\">Scanned <code>" << OrDash(roots)
        << "</code> with modelprov " << H(m.tool_version) << " on " << H(m.timestamp) << ": <strong id=\"model-count\">"
        << m.models.size() << "</strong> model dependenc" << (m.models.size() == 1 ? "y" : "ies") << ", "
        << H(m.finding_counts) << ", " << H(report::Plural(m.reference_count, "reference", "references")) << " in "
        << H(report::Plural(m.file_count, "file", "files")) << ".</p>\n";
    if (!m.scope.empty()) out << "<p class=\"scope\"><strong>Scope:</strong> " << H(m.scope) << ".</p>\n";
    out << "</header>\n";
    WriteToc(m, out);
    out << "<main>\n";
    WriteDecisions(m, out);
    WriteObligations(m, out);
    WriteModels(m, out);
    WriteFindings(m, out);
    WriteCounts(m, out);
    if (!m.errors.empty()) {
      out << "<section id=\"errors\">\n<h2>Scan errors</h2>\n<ul>\n";
      for (const ScanError& e : m.errors) {
        out << "<li><code class=\"where\">" << H(e.path.empty() ? "(scan)" : e.path) << "</code>: " << H(e.message) << "</li>\n";
      }
      out << "</ul>\n</section>\n";
    }
    out << "</main>\n</body>\n</html>\n";
  }

 private:
  static void WriteToc(const report::ReportModel& m, std::ostream& out) {
    out << "<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n";
    for (const report::SectionRef& s : report::Sections(m)) {
      out << "<li><a href=\"#" << s.anchor << "\">" << H(s.title) << "</a>";
      if (s.anchor == "decisions" && !m.risks.empty()) {
        out << "<ol>";
        for (const report::RiskGroup& g : m.risks) {
          out << "<li><a href=\"#" << g.anchor << "\">" << H(g.title) << "</a> (" << g.model_count << ")</li>";
        }
        out << "</ol>";
      }
      out << "</li>\n";
    }
    out << "</ol>\n</nav>\n";
  }

  static void WriteDecisions(const report::ReportModel& m, std::ostream& out) {
    out << "<section id=\"decisions\">\n<h2>Needs a decision</h2>\n";
    if (m.models.empty()) {
      out << "<p>No model dependencies were found.</p>\n</section>\n";
      return;
    }
    if (m.risks.empty()) {
      out << "<p class=\"lead\">Nothing needs a decision: no restricted or unknown license, and no active policy error or "
             "warning.</p>\n</section>\n";
      return;
    }
    out << "<p class=\"lead\"><strong>" << m.models_needing_decision << " of "
        << H(report::Plural(m.models.size(), "model", "models")) << "</strong> need"
        << (m.models_needing_decision == 1 ? "s" : "") << " a decision:</p>\n<ul class=\"risk-index\">\n";
    for (const report::RiskGroup& g : m.risks) {
      out << "<li><a href=\"#" << g.anchor << "\">" << H(g.title) << "</a>: "
          << H(report::Plural(g.model_count, "model", "models")) << "</li>\n";
    }
    out << "</ul>\n";
    for (const report::RiskGroup& g : m.risks) {
      bool high = g.key == "non-commercial" || g.key == "research-only" || g.key == "unknown-license";
      bool policy = g.key == "policy";
      out << "<div class=\"risk-group" << (high ? " high" : "") << "\">\n<h3 id=\"" << g.anchor << "\">" << H(g.title)
          << " <span class=\"meta\">(" << H(report::Plural(g.model_count, "model", "models")) << ")</span></h3>\n"
          << "<p class=\"explain\">" << H(g.explain) << "</p>\n<div class=\"scroll\"><table class=\"risk\"><thead><tr><th>"
          << (policy ? "Rule" : "License") << "</th><th>" << (policy ? "Severity" : "Terms")
          << "</th><th>Models</th></tr></thead><tbody>\n";
      for (const report::RiskRow& row : g.rows) {
        std::string label = policy                  ? "<code>" + H(row.label) + "</code>"
                            : row.license.id.empty() ? H(row.label)
                                                     : LicenseRef(row.license, false);
        std::string detail = policy ? "<span class=\"sev-" + H(row.detail) + "\">" + H(row.detail) + "</span>" : OrDash(row.detail);
        out << "<tr><td>" << label << "</td><td>" << detail << "</td><td>" << ModelList(row.models) << "</td></tr>\n";
      }
      out << "</tbody></table></div>\n";
      if (policy) out << "<p><a href=\"#findings\">All findings</a></p>\n";
      out << "</div>\n";
    }
    out << "</section>\n";
  }

  static void WriteObligations(const report::ReportModel& m, std::ostream& out) {
    out << "<section id=\"obligations\">\n<h2>Obligations by license</h2>\n";
    if (m.licenses.empty()) {
      out << "<p>No model has a known license.</p>\n</section>\n";
      return;
    }
    out << "<p class=\"explain\">Each license once, with what it asks and every model bound by it (its own license, or "
           "inherited from a base model).</p>\n";
    for (const report::LicenseEntry& l : m.licenses) {
      out << "<article class=\"license\" id=\"" << l.license.anchor << "\">\n<h3>" << H(l.license.name);
      if (l.license.name != l.license.id) out << " <code>" << H(l.license.id) << "</code>";
      if (!l.license.category.empty()) out << " " << Badge(l.license.category, CategoryClass(l.license.category));
      out << "</h3>\n<dl class=\"facts\">\n<dt>License text</dt><dd>"
          << (l.license.url.empty() ? "—" : Link(l.license.url, "")) << "</dd>\n";
      if (l.obligations.empty()) out << "<dt>Obligations</dt><dd>none recorded beyond the license text</dd>\n";
      for (const report::Obligation& o : l.obligations) {
        out << "<dt>" << H(o.label) << "</dt><dd>" << (o.is_url ? Link(o.text, "") : H(o.text)) << "</dd>\n";
      }
      out << "<dt>Binds " << H(report::Plural(l.models.size(), "model", "models")) << "</dt><dd>" << ModelList(l.models)
          << "</dd>\n</dl>\n</article>\n";
    }
    out << "</section>\n";
  }

  static void WriteModels(const report::ReportModel& m, std::ostream& out) {
    out << "<section id=\"models\">\n<h2>Models</h2>\n";
    if (m.models.empty()) {
      out << "<p>No model dependencies were found.</p>\n</section>\n";
      return;
    }
    out << "<div class=\"scroll\"><table class=\"models\"><thead><tr><th>Model</th><th>Publisher</th><th>Country</th>"
           "<th>Used as</th><th>License</th><th>Effective category</th></tr></thead><tbody>\n";
    for (const report::ModelEntry& e : m.models) {
      std::string license = LicenseRef(e.license, false);
      for (const report::LicenseLink& l : e.inherited) license += "<br>inherits " + LicenseRef(l, false);
      out << "<tr><td>" << ModelRef({e.id, e.anchor, ""}) << "</td><td>" << OrDash(e.publisher) << "</td><td>"
          << OrDash(e.country) << "</td><td>" << H(e.usage) << "</td><td>" << license << "</td><td>"
          << (e.effective_category.empty() ? Badge("unknown", "cat-unknown")
                                           : Badge(e.effective_category, CategoryClass(e.effective_category)))
          << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n";
    for (const report::ModelEntry& e : m.models) {
      out << "<article class=\"model\" id=\"" << e.anchor << "\">\n<h3>" << Id(e.id) << "</h3>\n<dl class=\"facts\">\n";
      out << "<dt>Publisher</dt><dd>" << OrDash(e.publisher) << (e.country.empty() ? "" : " (" + H(e.country) + ")")
          << "</dd>\n";
      if (!e.family.empty()) out << "<dt>Family</dt><dd>" << H(e.family) << "</dd>\n";
      out << "<dt>Used as</dt><dd>" << H(e.usage) << "</dd>\n";
      if (!e.hosted_by.empty()) out << "<dt>Hosted by</dt><dd>" << H(e.hosted_by) << "</dd>\n";
      if (!e.endpoints.empty()) {
        out << "<dt>Endpoints</dt><dd>";
        for (const std::string& url : e.endpoints) out << "<code class=\"where\">" << H(url) << "</code> ";
        out << "</dd>\n";
      }
      out << "<dt>License</dt><dd>" << LicenseRef(e.license) << "</dd>\n";
      if (!e.license_basis.empty()) out << "<dt>Terms that apply</dt><dd>" << H(e.license_basis) << "</dd>\n";
      for (const report::LicenseLink& l : e.inherited) out << "<dt>Inherits</dt><dd>" << LicenseRef(l) << "</dd>\n";
      if (!e.inherited.empty() || e.effective_category != e.license.category) {
        out << "<dt>Effective category</dt><dd>" << OrDash(e.effective_category) << "</dd>\n";
      }
      if (!e.lineage.empty()) {
        out << "<dt>Lineage</dt><dd><ol class=\"chain lineage\"><li>" << Id(e.id) << " " << LicenseRef(e.license, false)
            << "</li>";
        for (const report::LineageEntry& s : e.lineage) {
          std::string who = s.model_known ? Id(s.model) : H(s.model);
          if (!s.anchor.empty()) who = "<a class=\"model\" href=\"#" + s.anchor + "\">" + who + "</a>";
          out << "<li>" << H(s.relation) << " of " << who << " " << LicenseRef(s.license)
              << (s.source.empty() ? "" : " <span class=\"via\">from " + H(s.source) + "</span>") << "</li>";
        }
        out << "</ol></dd>\n";
      }
      if (!e.risks.empty()) {
        out << "<dt>Needs a decision</dt><dd>";
        for (size_t i = 0; i < e.risks.size(); ++i) out << (i ? ", " : "") << H(e.risks[i]);
        out << "</dd>\n";
      }
      if (!e.findings.empty()) {
        out << "<dt>Findings</dt><dd><ul class=\"inline\">";
        for (size_t i : e.findings) {
          const report::FindingEntry& f = m.findings[i];
          out << "<li><a href=\"#" << f.anchor << "\"><code>" << H(f.rule) << "</code></a> <span class=\""
              << SeverityClass(f.severity) << "\">" << SeverityName(f.severity) << "</span>"
              << (f.active ? "" : " " + Badge(f.badge)) << "</li>";
        }
        out << "</ul></dd>\n";
      }
      out << "<dt>Evidence</dt><dd>"
          << Folded<report::EvidenceEntry>(e.evidence, 5, [](const report::EvidenceEntry& ev) {
               std::string s = "<code class=\"where\">" + H(ev.where) + "</code>";
               if (!ev.excerpt.empty()) s += "<code class=\"excerpt\">" + H(ev.excerpt) + "</code>";
               return s;
             })
          << "</dd>\n</dl>\n</article>\n";
    }
    out << "</section>\n";
  }

  static void WriteFindings(const report::ReportModel& m, std::ostream& out) {
    out << "<section id=\"findings\">\n<h2>Findings</h2>\n";
    if (m.findings.empty()) {
      out << "<p>No findings.</p>\n</section>\n";
      return;
    }
    out << "<p id=\"finding-counts\">" << m.active_findings << " active, " << m.suppressed_findings << " suppressed</p>\n";
    out << "<div class=\"scroll\"><table class=\"findings\"><thead><tr><th>Severity</th><th>Status</th><th>Rule</th>"
           "<th>Model</th><th>Where</th><th>Trigger</th><th>Message</th></tr></thead><tbody>\n";
    for (const report::FindingEntry& f : m.findings) {
      std::string where = f.places.empty() ? "—"
                                           : Folded<std::string>(f.places, 1, [](const std::string& p) {
                                               return "<code class=\"where\">" + H(p) + "</code>";
                                             });
      out << "<tr id=\"" << f.anchor << "\"" << (f.active ? "" : " class=\"suppressed\"") << "><td class=\""
          << SeverityClass(f.severity) << "\">" << SeverityName(f.severity) << "</td><td>"
          << (f.active ? std::string("active") : Badge(f.badge) + " " + H(f.status)) << "</td><td><code>" << H(f.rule)
          << "</code>" << (f.rule_source.empty() ? "" : "<br><span class=\"via\">" + H(f.rule_source) + "</span>")
          << "</td><td>" << (f.model.id.empty() ? "—" : ModelRef(f.model)) << "</td><td>" << where << "</td><td>"
          << (f.trigger.empty() ? "—" : "<code>" + H(f.trigger) + "</code>") << "</td><td>" << H(f.message)
          << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n</section>\n";
  }

  static void CountTable(std::ostream& out, const char* heading, const report::Counts& counts) {
    out << "<div class=\"scroll\"><table class=\"counts\"><thead><tr><th>" << heading
        << "</th><th>Models</th></tr></thead><tbody>\n";
    for (const auto& [k, n] : counts) out << "<tr><td>" << H(k) << "</td><td class=\"num\">" << n << "</td></tr>\n";
    out << "</tbody></table></div>\n";
  }

  static void WriteCounts(const report::ReportModel& m, std::ostream& out) {
    out << "<section id=\"counts\">\n<h2>Counts</h2>\n";
    if (m.models.empty()) {
      out << "<p>No model dependencies were found.</p>\n</section>\n";
      return;
    }
    // A derivative counts under the most restrictive of its own and its
    // ancestors' license categories.
    out << "<div class=\"charts\">" << BarChart("chart-country", "Models by publisher country", m.by_country)
        << BarChart("chart-license", "Models by license category (with inherited licenses)", m.by_category) << "</div>\n";
    CountTable(out, "Publisher", m.by_publisher);
    CountTable(out, "Country", m.by_country);
    CountTable(out, "License category (with inherited licenses)", m.by_category);
    out << "</section>\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeHtmlWriter() { return std::make_unique<HtmlWriter>(); }

}  // namespace modelprov
