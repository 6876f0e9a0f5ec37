// SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one run whose
// driver lists a rule per rule id seen in the findings, and one result per
// finding. The rules engine's metadata is not visible to writers, so rule
// descriptions are built from the findings themselves.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "report/report_util.h"
#include "report/writer.h"

namespace modelprov {
namespace {

using json = nlohmann::ordered_json;  // keys in the order the spec documents them
using report::Fnv1a64;
using report::Hex64;

std::string_view Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "warning";
}

// "no-cn-origin" -> "NoCnOrigin": SARIF wants a rule name that reads as an
// identifier, distinct from the opaque id.
std::string RuleName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out.empty() ? "Rule" : out;
}

// "no-cn-origin" -> "No cn origin".
std::string Humanize(std::string_view id) {
  std::string out;
  for (char c : id) out += (c == '-' || c == '_' || c == '.') ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The part of a trigger before '=' ("country=CN" -> "country"): what kind of
// fact the rule looks at, used as a tag.
std::string TriggerKey(const std::string& trigger) {
  size_t eq = trigger.find('=');
  return ToLower(Trim(eq == std::string::npos ? trigger : trigger.substr(0, eq)));
}

struct RuleInfo {
  std::string id;
  Severity level = Severity::kNote;
  std::string how_to_fix;
  std::set<std::string> trigger_keys;
  size_t index = 0;
};

// Waivers and baselines live outside the code; an inline comment is in it.
std::string_view SuppressionKind(const std::string& by) {
  return by == "inline" || IContains(by, "modelprov:ignore") || IContains(by, "comment") ? "inSource" : "external";
}

// The line text with all whitespace removed, so re-indenting does not change
// a fingerprint.
std::string NormalizedLine(const std::string& excerpt) {
  std::string out;
  for (char c : excerpt) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

// An absolute path (a policy file outside the scanned root, for
// expired-waiver findings) as a file:// URI; such locations get no uriBaseId.
bool IsAbsolutePath(const std::string& path) {
  return (!path.empty() && path[0] == '/') ||
         (path.size() > 2 && path[1] == ':' && (path[2] == '/' || path[2] == '\\'));
}

std::string FileUri(const std::string& path) {
  std::string p = path;
  for (char& c : p) c = c == '\\' ? '/' : c;
  return "file://" + std::string(p[0] == '/' ? "" : "/") + report::PercentEncodePath(p);
}

json Physical(const Location& l) {
  json artifact = IsAbsolutePath(l.path) ? json{{"uri", FileUri(l.path)}}
                                         : json{{"uri", report::PercentEncodePath(l.path)}, {"uriBaseId", "%SRCROOT%"}};
  json physical = {{"artifactLocation", artifact}};
  if (l.line > 0) {
    json region = {{"startLine", l.line}};
    if (l.column > 0) region["startColumn"] = l.column;
    physical["region"] = region;
  }
  return physical;
}

json RuleJson(const RuleInfo& r) {
  std::string keys;
  for (const std::string& k : r.trigger_keys) keys += (keys.empty() ? "" : ", ") + k;
  std::string full = "modelprov policy rule '" + r.id + "': reports a model dependency whose origin, license or usage terms the policy flags";
  full += keys.empty() ? "." : " (looks at: " + keys + ").";
  std::string help_text = r.how_to_fix.empty()
                              ? "Review the model named in the result, then replace it, obtain approval, or waive the finding in the policy."
                              : r.how_to_fix;
  json tags = json::array({"model-provenance", "supply-chain"});
  for (const std::string& k : r.trigger_keys) tags.push_back(k);
  return {{"id", r.id},
          {"name", RuleName(r.id)},
          {"shortDescription", {{"text", Humanize(r.id)}}},
          {"fullDescription", {{"text", full}}},
          {"help", {{"text", SanitizeUtf8(help_text)}, {"markdown", SanitizeUtf8(help_text)}}},
          {"defaultConfiguration", {{"level", Level(r.level)}}},
          {"properties", {{"tags", tags}}}};
}

class SarifWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "sarif"; }

  void Write(const ScanResult& r, std::ostream& out, const WriteOptions&) const override {
    std::map<std::string, RuleInfo> rules;
    for (const Finding& f : r.findings) {
      RuleInfo& info = rules[f.rule];
      info.id = f.rule;
      if (f.severity > info.level) info.level = f.severity;
      if (info.how_to_fix.empty()) info.how_to_fix = f.how_to_fix;
      if (std::string k = TriggerKey(f.trigger); !k.empty()) info.trigger_keys.insert(k);
    }
    json rule_list = json::array();
    size_t index = 0;
    for (auto& [id, info] : rules) {
      info.index = index++;
      rule_list.push_back(RuleJson(info));
    }

    std::map<std::string, std::string> excerpts = report::ExcerptsByPlace(r);
    std::map<std::string, size_t> occurrences;  // fingerprint key -> findings seen with it
    json results = json::array();
    for (const Finding& f : r.findings) {
      json result = {{"ruleId", f.rule},
                     {"ruleIndex", rules[f.rule].index},
                     {"level", Level(f.severity)},
                     {"message", {{"text", SanitizeUtf8(f.message.empty() ? f.rule : f.message)}}}};
      if (!f.location.path.empty()) result["locations"] = json::array({{{"physicalLocation", Physical(f.location)}}});
      // The model's other uses with the same verdict: one result, many
      // places, so code scanning shows one alert per model and rule.
      json related = json::array();
      for (const Location& l : f.also_at) {
        if (l.path.empty()) continue;
        related.push_back({{"id", related.size() + 1},
                           {"physicalLocation", Physical(l)},
                           {"message", {{"text", SanitizeUtf8(f.model.empty() ? f.rule : f.model)}}}});
      }
      if (!related.empty()) result["relatedLocations"] = std::move(related);
      // Line numbers are left out on purpose: code scanning matches a finding
      // across commits by this value, and edits above it move the line. The
      // evidence line's text (whitespace removed) and the finding's index
      // among findings with the same text tell apart two findings of one
      // model in one file, like GitHub's primaryLocationLineHash.
      std::string line_text;
      if (auto it = excerpts.find(report::Where(f.location)); f.location.line > 0 && it != excerpts.end()) {
        line_text = NormalizedLine(it->second);
      }
      std::string key = f.rule + '\0' + f.model + '\0' + f.location.path + '\0' + line_text;
      size_t occurrence = occurrences[key]++;
      result["partialFingerprints"] = {
          {"modelprovFinding/v2", Hex64(Fnv1a64(key + '\0' + std::to_string(occurrence))) + ":" + std::to_string(occurrence + 1)}};
      if (!f.model.empty()) result["properties"] = {{"model", SanitizeUtf8(f.model)}};
      if (!f.trigger.empty()) result["properties"]["trigger"] = SanitizeUtf8(f.trigger);
      if (!f.suppressed_by.empty()) {
        result["suppressions"] = json::array(
            {{{"kind", SuppressionKind(f.suppressed_by)}, {"justification", SanitizeUtf8(SuppressionText(f))}}});
      }
      results.push_back(std::move(result));
    }

    json driver = {{"name", "modelprov"}, {"rules", rule_list}};
    if (!r.tool_version.empty()) driver["version"] = r.tool_version;
    json run = {{"tool", {{"driver", driver}}},
                {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The root of the scanned repository"}}}}}}},
                {"results", results}};
    json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", json::array({run})}};
    out << doc.dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeSarifWriter() { return std::make_unique<SarifWriter>(); }

}  // namespace modelprov
