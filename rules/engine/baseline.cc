#include "engine/baseline.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include <yaml-cpp/yaml.h>

#include "core/text.h"

namespace modelprov::rules {
namespace {

std::string JsonString(std::string_view raw) {
  std::string s = SanitizeUtf8(raw);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

Result<Baseline> Baseline::Parse(std::string_view text, std::string_view origin) {
  std::string where(origin);
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap() || !root["modelprov_baseline"]) {
      return MakeError(where + ": not a modelprov baseline (create one with `modelprov baseline create`)");
    }
    if (root["modelprov_baseline"].Scalar() != "1") {
      return MakeError(where + ": unsupported baseline version " + root["modelprov_baseline"].Scalar() +
                       " (this modelprov reads version 1; recreate it with `modelprov baseline create`)");
    }
    Baseline b;
    b.origin_ = where;
    const YAML::Node findings = root["findings"];
    if (!findings || !findings.IsSequence()) return MakeError(where + ": 'findings' must be a list");
    for (const YAML::Node& f : findings) {
      if (!f.IsMap() || !f["rule"] || !f["path"]) {
        return MakeError(where + ":" + std::to_string(f.Mark().line + 1) + ": a baseline entry needs rule and path");
      }
      BaselineEntry e;
      e.rule = f["rule"].Scalar();
      e.model = f["model"] && !f["model"].IsNull() ? f["model"].Scalar() : "";
      e.path = f["path"].Scalar();
      b.entries_.push_back(std::move(e));
    }
    return b;
  } catch (const YAML::Exception& e) {
    std::string line = e.mark.is_null() ? "" : ":" + std::to_string(e.mark.line + 1);
    return MakeError(where + line + ": invalid baseline: " + e.msg);
  }
}

std::string Baseline::Write(const std::vector<Finding>& findings) {
  // Sorted by place, so a regenerated baseline diffs line by line against
  // the old one whatever order the findings are ranked in.
  struct Row {
    const Finding* finding;
    Location at;
  };
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<Row> rows;
  for (const Finding& f : findings) {
    if (!f.suppressed_by.empty() && f.suppressed_by != "baseline") continue;
    if (f.rule == "expired-waiver") continue;
    std::vector<Location> places{f.location};
    places.insert(places.end(), f.also_at.begin(), f.also_at.end());
    for (const Location& at : places) {
      if (seen.insert({f.rule, f.model, at.path}).second) rows.push_back({&f, at});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.at.path, a.at.line, a.at.column) < std::tie(b.at.path, b.at.line, b.at.column);
  });
  std::string out = "{\n  \"modelprov_baseline\": 1,\n  \"findings\": [";
  bool first = true;
  for (const Row& row : rows) {
    const Finding& f = *row.finding;
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"rule\": " + JsonString(f.rule) + ", \"model\": " + JsonString(f.model) +
           ", \"path\": " + JsonString(row.at.path) + ", \"line\": " + std::to_string(row.at.line) +
           ", \"message\": " + JsonString(f.message) + "}";
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

bool Baseline::Contains(const Finding& f) const {
  if (f.rule == "expired-waiver") return false;
  for (const BaselineEntry& e : entries_) {
    if (e.rule == f.rule && e.model == f.model && e.path == f.location.path) return true;
  }
  return false;
}

}  // namespace modelprov::rules
