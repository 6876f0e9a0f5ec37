// The legal-review report as data: what needs a decision, the obligations of
// each license with every model bound by it, one entry per model (publisher,
// how it is used, lineage with inherited terms, evidence), the findings with
// every place they cover, and the counts. Built once from a ScanResult; the
// Markdown, compact Markdown and HTML writers only render it, so the three
// agree on what is reported and in which order.
//
// Everything here is plain text as it came from the scan (no escaping); each
// renderer escapes for its own language. Anchors are stable, unique and safe
// as HTML ids and Markdown link targets ([a-z0-9-] only).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/location.h"
#include "core/scan_result.h"

namespace modelprov::report {

// A model named somewhere in the report, linked to its entry.
struct ModelLink {
  std::string id;
  std::string anchor;  // "model-..."
  // How this model comes to be here when not directly: "through <base>" for
  // a license only inherited through lineage. Empty otherwise.
  std::string via;
};

// A license named somewhere in the report.
struct LicenseLink {
  std::string id;        // SPDX id or LicenseRef-...; empty: unknown
  std::string name;      // display name (the id when the catalog has none)
  std::string url;       // the license text; empty when unknown (only http(s) is ever linked)
  std::string category;  // empty when unknown
  std::string anchor;    // "license-..." of its obligations entry; empty when it has none
};

// One row of the risk summary: a license (or, for unknown licenses and policy
// findings, a model or a rule) with what it restricts and the models bound.
struct RiskRow {
  LicenseLink license;          // empty id for rows that are not about one license
  std::string label;            // the row's name when it is not a license (a rule id, "unknown license")
  std::string detail;           // the term in words: "over 700,000,000 monthly active users needs ..."
  std::vector<ModelLink> models;
};

// One kind of restriction that needs a decision, most restrictive first.
struct RiskGroup {
  std::string key;     // non-commercial, research-only, geographic, user-threshold, output-use, field-of-use,
                       // naming-display, unknown-license, policy
  std::string anchor;  // "risk-<key>"
  std::string title;   // "Non-commercial use only"
  std::string explain; // one sentence on what it means for the product
  std::vector<RiskRow> rows;
  size_t model_count = 0;  // distinct models in the rows
};

// One obligation of a license, in words.
struct Obligation {
  std::string label;  // "Attribution to display", "Naming", "User and revenue thresholds", ...
  std::string text;
  bool is_url = false;  // text is a URL (acceptable-use policy)
};

// A license that binds at least one model, with its obligations and every
// model bound by it (its own license or inherited through lineage).
struct LicenseEntry {
  LicenseLink license;
  bool spdx = false;
  std::vector<Obligation> obligations;  // empty: none known beyond the license text
  std::vector<ModelLink> models;        // own first-class users and inheritors, by id (case-insensitive)
};

// One step of a model's lineage, with the license it brings in.
struct LineageEntry {
  std::string relation;   // finetune, adapter, quantized, merge, distillation, base, mirror
  std::string model;      // the ancestor's id, or "a <family> model" when unknown
  bool model_known = true;
  std::string anchor;     // the ancestor's model entry when the scan lists it; else empty
  LicenseLink license;    // empty id: unknown
  std::string source;     // where the link came from
};

// One place a model is used, with the quoted line when the scan kept it.
struct EvidenceEntry {
  std::string where;    // "path:line"
  std::string excerpt;  // empty when none
};

// A finding, with every place it covers.
struct FindingEntry {
  Severity severity = Severity::kWarning;
  bool active = true;
  std::string status;  // "active", or the suppression in words
  std::string badge;   // "", "waived", "suppressed", "baseline"
  std::string rule;
  std::string rule_source;
  ModelLink model;     // empty id: not about a model
  std::vector<std::string> places;  // "path:line", the first place first; empty when none
  std::string trigger;
  std::string message;
  std::string how_to_fix;  // Markdown from the policy
  std::string anchor;      // "finding-N"
};

struct ModelEntry {
  std::string id;
  std::string anchor;  // "model-..."
  std::string publisher;  // display name; empty: unknown
  std::string country;
  std::string family;     // display name
  std::string usage;      // "hosted API (OpenAI)", "self-hosted weights", "fine-tune of ...", "SDK package"
  std::string hosted_by;  // provider display name, with "(data in XX)"; empty when none
  LicenseLink license;    // own license; empty id: unknown
  // Which terms bind and why, in words: the provider's API terms for a name
  // used through its API, the weights' licence for self-hosted weights;
  // empty when the scan did not say.
  std::string license_basis;
  std::string effective_category;
  std::vector<LicenseLink> inherited;  // licenses inherited through lineage
  std::vector<LineageEntry> lineage;
  std::vector<EvidenceEntry> evidence;
  std::vector<std::string> endpoints;  // URLs the code calls for a hosted API
  std::vector<size_t> findings;        // indexes into ReportModel::findings
  std::vector<std::string> risks;      // titles of the risk groups the model is in
};

// A count of models by some fact, keys in case-insensitive order.
using Counts = std::vector<std::pair<std::string, int>>;

struct ReportModel {
  std::vector<std::string> roots;
  std::string tool_version;
  std::string timestamp;
  size_t reference_count = 0;
  uint64_t file_count = 0;
  size_t active_findings = 0;
  size_t suppressed_findings = 0;
  std::string finding_counts;  // "3 active findings, 1 suppressed"
  // Plain text; empty for a whole-tree scan. Says that a --staged/--since
  // scan lists only what the change adds (ChangeScopeText).
  std::string scope;

  std::vector<RiskGroup> risks;  // only groups with rows, in order of restrictiveness
  size_t models_needing_decision = 0;
  std::vector<LicenseEntry> licenses;  // by restrictiveness, then name (case-insensitive)
  std::vector<ModelEntry> models;      // by id, case-insensitive
  std::vector<FindingEntry> findings;  // errors, warnings, notes; scan order within
  Counts by_publisher, by_country, by_category;
  std::vector<ScanError> errors;
};

// "Only what the change since origin/main adds ...": what a change scan's
// lists cover, for every report that shows them.
std::string ChangeScopeText(const ChangeScope& change);

// The "Generated: ..." timestamp is WriteOptions' (ReportTimestamp).
ReportModel BuildReportModel(const ScanResult& result, const std::string& timestamp);

// Sections of the document, for the table of contents: anchor and title.
struct SectionRef {
  std::string anchor;
  std::string title;
};
std::vector<SectionRef> Sections(const ReportModel& model);

// Case-insensitive "less" for sorting names the way a reader expects
// (ASCII case folded; ties broken by the bytes, so the order is total).
bool NameLess(const std::string& a, const std::string& b);

// "1 model" / "3 models".
std::string Plural(size_t n, const std::string& one, const std::string& many);

}  // namespace modelprov::report
