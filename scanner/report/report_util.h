// Helpers the report writers share: escaping for each output language,
// stable hashes and UUIDs, Hub-id recognition, and the facts every legal
// report groups by (obligations, evidence excerpts, counts).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.h"

namespace modelprov::report {

// 64-bit FNV-1a. Small, dependency-free, and stable across platforms and
// releases, which is all a fingerprint needs.
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ull);
std::string Hex64(uint64_t v);
// A version-4-shaped UUID derived from `seed`: the same seed gives the same
// UUID, so reports rendered with a fixed timestamp are reproducible.
std::string UuidFromSeed(std::string_view seed);

// Escapes &, <, >, " and ' for HTML text and attribute values; invalid UTF-8
// becomes U+FFFD.
std::string HtmlEscape(std::string_view s);
// Escapes text for a Markdown table cell or paragraph: Markdown syntax
// characters and HTML are backslash-escaped, '|' too, and newlines become
// spaces so a cell never breaks the table.
std::string MarkdownEscape(std::string_view s);

// "org/name" as used on the Hugging Face Hub: exactly one '/', no scheme, no
// spaces, and not a registry-qualified id such as "pypi:openai".
bool IsHubId(std::string_view id);
std::string HubUrl(std::string_view id);
// pkg:huggingface/<namespace>/<name>, percent-encoded per the purl spec. The
// purl version is a Hub commit hash, which a scan does not know, so none.
std::string HubPurl(std::string_view id);
std::string PercentEncode(std::string_view s);
// PercentEncode that keeps '/' separators: a relative URI reference for a path.
std::string PercentEncodePath(std::string_view path);
// A URL made safe to put between <...> in Markdown or in an href: spaces,
// quotes, angle brackets, control and non-ASCII bytes are percent-encoded.
std::string PercentEncodeUrl(std::string_view url);
// http(s) only: anything else (javascript:, data:) is shown as text, never linked.
bool IsWebUrl(std::string_view url);

// True for ids from the SPDX license list (anything not LicenseRef-/empty).
bool IsSpdxListed(std::string_view license);
// The URL of a license's text: the catalog's, else the SPDX list page for an
// SPDX id, else empty.
std::string LicenseUrl(const ModelSummary& m);

// The scan's catalog facts for license `id` (case-insensitive); nullptr when
// the scan has none (an unknown id, or a scan saved before `licenses`).
const LicenseFacts* FindLicense(const ScanResult& r, std::string_view id);
// A license's display name: the catalog name, else the id.
std::string LicenseNameOf(const ScanResult& r, std::string_view id);
// The URL of a license's text: the catalog's, else the SPDX list page for an
// SPDX id, else empty.
std::string LicenseUrlOf(const ScanResult& r, std::string_view id);
// The license category of `id` from the scan's license facts, else empty.
std::string LicenseCategoryOf(const ScanResult& r, std::string_view id);

// Licenses a model is bound by: its own, then each ancestor's that differs
// (compared case-insensitively), in lineage order.
std::vector<std::string> EffectiveLicenses(const ModelSummary& m);
// The licenses only inherited through lineage (EffectiveLicenses minus own).
std::vector<std::string> InheritedLicenses(const ModelSummary& m);
// How restrictive a license category is, for picking the effective one:
// permissive < weak-copyleft < copyleft < responsible-ai <
// restricted-commercial < proprietary-api-terms < non-commercial. Unknown
// categories rank below permissive.
int CategoryRank(std::string_view category);
// The most restrictive category among the model's effective licenses; the
// model's own category when nothing is inherited; empty when none is known.
std::string EffectiveCategory(const ScanResult& r, const ModelSummary& m);

// "path:line" (or "path" for line 0).
std::string Where(const Location& l);

// A model of the scanned project itself (`local:<folder>`): its publisher
// fields name the upstream family's publisher, not who made it.
bool IsLocalModel(std::string_view id);

// A lineage ancestor the scan did not list as a model of its own, described
// from the step and the scan's license facts. The publisher is filled only
// when it is known to be the base's: `from` is a local model of the same
// family (a local model's publisher is its family's).
ModelSummary BaseModelSummary(const ScanResult& r, const ModelSummary& from, const LineageStep& step);

// A hosted API rather than a downloadable model: the provider is known and
// the id is not a Hub id.
bool IsHostedApi(const ModelSummary& m);
// The URLs written in the code for a hosted API's provider (api-endpoint
// references), sorted and unique.
std::vector<std::string> EndpointsOf(const ScanResult& r, const ModelSummary& m);

// One row of the obligations table; empty strings mean "none known".
struct Obligations {
  std::string attribution;
  std::string naming;
  std::string user_caps;
  std::string output_use;
  std::string aup_url;
  std::string other;  // field of use, geography, research-only, no commercial use
};
Obligations ObligationsOf(const TermMap& terms);

// "3 active findings, 1 suppressed" (suppressed ones are still listed).
std::string FindingCounts(const std::vector<Finding>& findings);

// Evidence: the excerpt recorded for each path:line among the references.
std::map<std::string, std::string> ExcerptsByPlace(const ScanResult& r);

// Counts used by the summaries and charts, sorted by key; empty keys become
// "unknown".
std::map<std::string, int> CountBy(const ScanResult& r, const std::function<std::string(const ModelSummary&)>& key);
std::string PublisherOf(const ModelSummary& m);  // display name, else id, else empty

}  // namespace modelprov::report
