// PolicyEvaluator: runs a policy's rules over a ScanResult and returns the
// findings, one per rule, model and verdict with every place it holds for,
// with waivers, inline suppressions and a baseline applied per place
// (suppressed findings are kept, marked in Finding::suppressed_by, so reports
// can count what was silenced; a place suppressed inline and the model's
// other places are two findings).
#pragma once

#include <functional>
#include <map>
#include <utility>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "engine/baseline.h"
#include "engine/policy.h"

namespace modelprov::rules {

// Today's date as YYYY-MM-DD. Injected so waiver expiry is testable.
using Clock = std::function<std::string()>;
std::string TodayUtc();

// Returns 1-based line `line` of evidence file `path` (as it appears in
// Location::path), or nullopt when it cannot be read (archive member,
// binary file...). Used for inline suppressions only.
using LineReader = std::function<std::optional<std::string>(const std::string& path, uint32_t line)>;

// The rule id of findings about waivers that have expired.
inline constexpr const char* kExpiredWaiverRule = "expired-waiver";
// The rule id of findings about `modelprov:ignore` comments, at a finding's
// place, that name no rule of the policy (a typo silences nothing).
inline constexpr const char* kUnknownIgnoreRule = "unknown-ignore-rule";

class PolicyEvaluator {
 public:
  // `policy` must outlive the evaluator.
  explicit PolicyEvaluator(const Policy& policy, Clock today = TodayUtc);

  void set_line_reader(LineReader reader) { read_line_ = std::move(reader); }
  // `baseline` must outlive the evaluator; nullptr: none.
  void set_baseline(const Baseline* baseline) { baseline_ = baseline; }

  // Findings ranked for people: active before suppressed, then by severity
  // (highest first), then by the rule's place in the policy (a policy lists
  // what matters most first), then by model id ignoring case; expired-waiver
  // findings after the rules' findings of their severity. Each finding's
  // places are in reference order (path, line, column).
  std::vector<Finding> Evaluate(const ScanResult& result) const;

  // The findings `model` would get as a `kind` reference at no particular
  // place (for `modelprov explain`); no waivers or suppressions applied.
  std::vector<Finding> EvaluateModel(const ModelSummary& model, std::string_view kind) const;

  // For `modelprov explain`: how the policy's waivers treat `f` (a finding
  // from EvaluateModel, so at no particular place). One line per waiver that
  // names f.rule (or "*") and whose model glob matches f.model, or that
  // names only a path: "waived until 2099-01-01 (model deepseek-chat):
  // approved by legal", "waived in path services/** until ...",
  // "waiver (model deepseek-*) expired on 2020-01-01: ...". Empty when no
  // waiver covers the rule for this model.
  std::vector<std::string> WaiverNotes(const Finding& f) const;

 private:
  // Appends a finding per rule that fires at `where`. With `verdicts`, also
  // appends each finding's verdict: its message and its trigger without path
  // facts, which decides which places group into one finding.
  void Check(const ModelSummary& m, const Location& where, std::string_view kind, std::vector<Finding>& out,
             std::vector<std::string>* verdicts = nullptr) const;
  void Suppress(Finding& f, const std::string& today) const;
  // Findings for the `modelprov:ignore` ids on the line of `place` or the
  // line above that name no rule of the policy; `checked` holds the lines
  // already looked at.
  void CheckIgnoreComments(const Location& place, std::set<std::pair<std::string, uint32_t>>& checked,
                           std::vector<Finding>& out) const;

  // Positions in policy_.waivers that may cover a finding of `rule` on
  // `model`, ascending (the first matching waiver in policy order wins).
  std::vector<size_t> WaiverCandidates(const std::string& rule, const std::string& model) const;

  const Policy& policy_;
  // Waivers indexed so a finding costs a few lookups, not one glob match per
  // waiver (a 300,000-waiver policy): by (rule, lowercased literal model) for
  // waivers whose model has no wildcard, and per rule for the others ("*"
  // rules under "*").
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> waivers_by_model_;
  std::map<std::string, std::vector<size_t>> waivers_with_globs_;
  Clock today_;
  LineReader read_line_;
  const Baseline* baseline_ = nullptr;
};

}  // namespace modelprov::rules
