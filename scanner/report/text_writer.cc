// The human-readable report: one block per model dependency with its origin,
// license, obligations and where it is used, then findings, unknown
// references, errors and a one-line summary.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "core/text.h"
#include "report/report_util.h"
#include "report/report_model.h"
#include "report/writer.h"

namespace modelprov {
namespace {

class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  std::string Bold(std::string_view s) const { return Wrap("1", s); }
  std::string Dim(std::string_view s) const { return Wrap("2", s); }
  std::string Red(std::string_view s) const { return Wrap("31", s); }
  std::string Yellow(std::string_view s) const { return Wrap("33", s); }
  std::string Cyan(std::string_view s) const { return Wrap("36", s); }

 private:
  std::string Wrap(const char* code, std::string_view s) const {
    if (!color_) return std::string(s);
    return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
  }
  bool color_;
};

std::string Or(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

// The rule id of findings about expired waivers (rules/engine/evaluator.h;
// writers do not depend on the rules engine).
constexpr std::string_view kExpiredWaiverRuleId = "expired-waiver";

std::string Plural(size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Every value that comes from scanned files, git or the catalog passes
// through this: control characters are escaped (a file name holding ESC, CR
// or LF must not drive the terminal).
std::string T(std::string_view s) { return TerminalSafe(s); }

std::string HumanBytes(uint64_t b) {
  char buf[32];
  if (b >= (1ull << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(b) / (1 << 20));
  } else if (b >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(b) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
  }
  return buf;
}

std::string TermsLine(const TermMap& terms) {
  std::string out;
  for (const auto& [key, v] : terms) {
    if (v.state != TermValue::State::kPresent) continue;
    if (key == "commercial_use" && v.text == "yes") continue;  // the normal case is not an obligation
    if (key == "research_only" && v.text == "no") continue;
    if (!out.empty()) out += "; ";
    out += key + ": " + v.text;
  }
  return out;
}

std::string Where(const Location& l) {
  std::string s = T(l.path);
  if (l.line > 0) s += ":" + std::to_string(l.line);
  return s;
}

// "abc1234def56 2025-01-01 Name <mail>: summary"
std::string CommitLine(const CommitInfo& c) {
  return T(c.hash.substr(0, 12) + " " + c.date.substr(0, 10) + " " + c.author + ": " + c.summary);
}

void WriteModel(const ModelSummary& m, const ScanResult& r, const Style& st, std::ostream& out) {
  out << st.Bold(T(m.id)) << "\n";
  std::string family = m.family.empty() ? "unknown" : m.family + (m.family_name.empty() ? "" : " (" + m.family_name + ")");
  out << "    family     " << T(family) << "\n";
  std::string publisher = m.publisher_name.empty() ? Or(m.publisher, "unknown") : m.publisher_name;
  out << "    publisher  " << T(publisher) << " [" << T(Or(m.country, "country unknown")) << "]";
  if (!m.republisher.empty()) out << ", re-published by " << T(m.republisher);
  out << "\n";
  std::string license = Or(m.license, "unknown");
  if (!m.license_name.empty() && m.license_name != m.license) license += " — " + m.license_name;
  if (!m.license_category.empty()) license += " (" + m.license_category + ")";
  out << "    license    " << T(license) << "\n";
  // A derivative is also bound by its ancestors' licenses.
  for (const std::string& id : report::InheritedLicenses(m)) {
    std::string inherited = id;
    if (std::string name = report::LicenseNameOf(r, id); name != id) inherited += " — " + name;
    if (std::string c = report::LicenseCategoryOf(r, id); !c.empty()) inherited += " (" + c + ")";
    out << "    inherits   " << T(inherited) << "\n";
  }
  if (!m.provider.empty()) {
    out << "    via        " << T(Or(m.provider_name, m.provider.c_str()));
    if (!m.data_country.empty()) out << " (data processed in " << T(m.data_country) << ")";
    out << "\n";
  }
  for (const LineageStep& s : m.lineage) {
    if (s.model.empty() && s.family.empty()) continue;
    out << "    lineage    " << T(s.relation) << " of " << T(Or(s.model, ("a " + s.family + " model").c_str()));
    if (!s.license.empty()) out << " [" << T(s.license) << "]";
    out << st.Dim(" (" + T(s.source) + ")") << "\n";
  }
  std::string terms = TermsLine(m.terms);
  if (!terms.empty()) out << "    terms      " << T(terms) << "\n";
  // A terminal inventory, not a place list: a model used 40 times shows a
  // few places and a count (JSON, SARIF and the Markdown report list all).
  constexpr size_t kShownUses = 5;
  for (size_t i = 0; i < m.occurrences.size() && i < kShownUses; ++i) {
    out << (i == 0 ? "    used at    " : "               ") << Where(m.occurrences[i]) << "\n";
  }
  if (m.occurrences.size() > kShownUses) {
    out << "               (+" << m.occurrences.size() - kShownUses << " more; --format json lists all "
        << m.occurrences.size() << ")\n";
  }
  if (r.history) {
    for (const ModelHistory& h : *r.history) {
      if (h.model != m.id) continue;
      out << "    introduced " << CommitLine(h.introduced) << "\n";
      if (h.removed) out << "    removed    " << CommitLine(*h.removed) << "\n";
    }
  }
  out << "\n";
}

// Models the history saw that no current file references any more.
void WriteRemoved(const ScanResult& r, const Style& st, std::ostream& out) {
  if (!r.history) return;
  std::vector<const ModelHistory*> gone;
  for (const ModelHistory& h : *r.history) {
    bool current = false;
    for (const ModelSummary& m : r.models) current = current || m.id == h.model;
    if (!current && h.removed) gone.push_back(&h);
  }
  if (gone.empty()) return;
  out << st.Bold("Removed from the code (" + std::to_string(gone.size()) + ")") << "\n";
  for (const ModelHistory* h : gone) {
    out << "    " << T(h->model) << "\n";
    out << "        introduced " << CommitLine(h->introduced) << "\n";
    out << "        removed    " << CommitLine(*h->removed) << "\n";
  }
  out << "\n";
}

}  // namespace

class TextWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "text"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions& options) const override {
    Style st(options.color);
    // What needs acting on comes first (a blocked commit's reader stops
    // there); the inventory follows.
    WriteCounts(r, st, out);
    WriteFindings(r, st, options, out);
    if (!r.models.empty()) out << st.Bold("Models (" + std::to_string(r.models.size()) + ")") << "\n\n";
    for (const ModelSummary& m : r.models) WriteModel(m, r, st, out);
    WriteRemoved(r, st, out);
    WriteUnresolved(r, st, out);
    if (!r.errors.empty()) {
      out << st.Bold("Scan errors (" + std::to_string(r.errors.size()) + ")") << "\n";
      for (const ScanError& e : r.errors) out << "    " << (e.path.empty() ? "(scan)" : T(e.path)) << ": " << T(e.message) << "\n";
      out << "\n";
    }
    if (r.change) out << "Scope: " << T(report::ChangeScopeText(*r.change)) << ".\n";
    WriteSummary(r, out);
  }

 private:
  static void WriteUnresolved(const ScanResult& r, const Style& st, std::ostream& out) {
    std::vector<const ResolvedReference*> unknown;
    for (const ResolvedReference& rr : r.references) {
      // Resolved references without a model id (a LICENSE file's license)
      // are known facts, not unknown models.
      if (!rr.resolution) unknown.push_back(&rr);
    }
    if (unknown.empty()) return;
    out << st.Bold("Not in the catalog (" + std::to_string(unknown.size()) + ")") << "\n";
    for (const ResolvedReference* rr : unknown) {
      out << "    " << Where(rr->ref.location) << "  " << KindName(rr->ref.kind) << "  " << T(rr->ref.text) << "\n";
    }
    out << "\n";
  }

  // Counts first, so the reader knows what is coming: per severity, then
  // per rule (active findings; places in parentheses when they differ).
  static void WriteCounts(const ScanResult& r, const Style& st, std::ostream& out) {
    if (r.findings.empty()) return;
    std::map<Severity, size_t, std::greater<>> by_severity;
    std::vector<std::pair<std::string, size_t>> by_rule;  // ranked order, as the findings are
    size_t suppressed = 0;
    for (const Finding& f : r.findings) {
      if (!f.suppressed_by.empty()) {
        ++suppressed;
        continue;
      }
      ++by_severity[f.severity];
      auto it = std::find_if(by_rule.begin(), by_rule.end(), [&](const auto& p) { return p.first == f.rule; });
      if (it == by_rule.end()) by_rule.emplace_back(f.rule, 1);
      else ++it->second;
    }
    std::string line;
    for (const auto& [sev, n] : by_severity) {
      line += (line.empty() ? "" : ", ") + Plural(n, std::string(SeverityName(sev)));
    }
    if (line.empty()) line = "no active findings";
    out << st.Bold("Findings: " + line) << (suppressed > 0 ? ", " + std::to_string(suppressed) + " suppressed" : "")
        << "\n";
    if (!by_rule.empty()) {
      std::string rules;
      for (const auto& [rule, n] : by_rule) rules += (rules.empty() ? "" : ", ") + T(rule) + " " + std::to_string(n);
      out << "    by rule: " << rules << "\n";
    }
    out << "\n";
  }

  static void WriteFindings(const ScanResult& r, const Style& st, const WriteOptions& options, std::ostream& out) {
    if (r.findings.empty()) return;
    size_t suppressed = 0;
    for (const Finding& f : r.findings) suppressed += f.suppressed_by.empty() ? 0 : 1;
    out << st.Bold("Findings (" + std::to_string(r.findings.size() - suppressed) + " active, " +
                   std::to_string(suppressed) + " suppressed)")
        << "\n";
    for (const Finding& f : r.findings) {
      std::string sev(SeverityName(f.severity));
      std::string tag = f.severity == Severity::kError     ? st.Red(sev)
                        : f.severity == Severity::kWarning ? st.Yellow(sev)
                                                           : st.Cyan(sev);
      out << "    " << tag << " [" << T(f.rule) << "] " << Where(f.location) << ": " << T(f.message);
      // A rule without conditions "fires on the model itself": nothing to add.
      if (!f.trigger.empty() && f.trigger != "model=" + f.model) out << st.Dim(" [trigger: " + T(f.trigger) + "]");
      if (!f.suppressed_by.empty()) out << st.Dim(" (" + T(SuppressionText(f)) + ")");
      out << "\n";
      WritePlaces(f, out);
      bool blocks = f.suppressed_by.empty() && options.fail_on && f.severity >= *options.fail_on;
      if (blocks) WriteAdvice(f, st, out);
    }
    out << "\n";
  }

  // The places after the first (which leads the finding's line): up to
  // kShownPlaces in all, then a count.
  static void WritePlaces(const Finding& f, std::ostream& out) {
    constexpr size_t kShownPlaces = 10;
    if (f.also_at.empty()) return;
    out << "        also at ";
    for (size_t i = 0; i < f.also_at.size() && i + 1 < kShownPlaces; ++i) out << (i ? ", " : "") << Where(f.also_at[i]);
    if (PlaceCount(f) > kShownPlaces) {
      out << " (+" << PlaceCount(f) - kShownPlaces << " more; --format json or sarif lists all " << PlaceCount(f) << ")";
    }
    out << "\n";
  }

  // What a blocked developer can do, in a few lines: the fix, the waiver to
  // add and where, the inline comment for one place, and the rule's line.
  static void WriteAdvice(const Finding& f, const Style& st, std::ostream& out) {
    if (!f.how_to_fix.empty()) out << "        fix:    " << T(f.how_to_fix) << "\n";
    if (f.rule == kExpiredWaiverRuleId) return;
    std::string origin = f.rule_source.substr(0, f.rule_source.rfind(':'));
    bool builtin = origin.empty() || origin.rfind("builtin:", 0) == 0;
    std::string file = builtin ? ".modelprov.yml" : origin;
    out << "        waive:  add to " << T(file) << " under `waivers:`  "
        << st.Dim("- {rule: " + T(f.rule) + ", model: \"" + T(f.model) + "\", reason: \"...\", expires: YYYY-MM-DD}")
        << "\n";
    if (builtin && !origin.empty()) {
      out << "                (" << T(origin) << " is built in: start the file with `modelprov policy show " << T(origin)
          << " > .modelprov.yml`)\n";
    }
    out << "        ignore: one place only, a comment on the line or the line above: "
        << st.Dim("modelprov:ignore " + T(f.rule) + " <reason>") << "\n";
    if (!f.rule_source.empty()) out << "        rule:   " << T(f.rule_source) << "\n";
  }

  static void WriteSummary(const ScanResult& r, std::ostream& out) {
    std::set<std::string> publishers;
    std::map<std::string, int> countries;
    for (const ModelSummary& m : r.models) {
      if (!m.publisher.empty()) publishers.insert(m.publisher);
      ++countries[m.country.empty() ? "unknown" : m.country];
    }
    std::ostringstream c;
    bool first = true;
    for (const auto& [country, n] : countries) {
      c << (first ? "" : ", ") << country << " " << n;
      first = false;
    }
    size_t active = 0;
    for (const Finding& f : r.findings) active += f.suppressed_by.empty() ? 1 : 0;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", r.stats.seconds);
    out << r.models.size() << " model" << (r.models.size() == 1 ? "" : "s") << " from " << publishers.size()
        << " publisher" << (publishers.size() == 1 ? "" : "s");
    if (!countries.empty()) out << " (models by publisher country: " << T(c.str()) << ")";
    out << ", " << r.references.size() << " reference" << (r.references.size() == 1 ? "" : "s") << " in "
        << r.stats.files << (r.stats.files == 1 ? " file (" : " files (") << HumanBytes(r.stats.bytes) << ")"
        << (r.stats.excluded > 0 ? ", " + std::to_string(r.stats.excluded) + " excluded" : "") << "; " << active
        << " active finding"
        << (active == 1 ? "" : "s") << ", " << r.findings.size() - active << " suppressed"
        << ", " << r.errors.size() << " scan error" << (r.errors.size() == 1 ? "" : "s")
        << "; " << secs << " s\n";
  }
};

std::unique_ptr<ReportWriter> MakeTextWriter() { return std::make_unique<TextWriter>(); }

}  // namespace modelprov
