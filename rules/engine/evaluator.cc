#include "engine/evaluator.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <tuple>

#include "core/glob.h"
#include "core/model_ref.h"
#include "core/text.h"
#include "engine/condition.h"
#include "engine/suppression.h"
#include "engine/template.h"

namespace modelprov::rules {
namespace {

TemplateValues ValuesFor(const ModelSummary& m, const Location& where, std::string_view kind, const Rule& rule,
                         const MatchTrace& trace, std::string_view trigger) {
  TemplateValues v;
  v["model"] = m.id;
  v["family"] = m.family;
  v["family_name"] = m.family_name.empty() ? m.family : m.family_name;
  v["publisher"] = m.publisher_name.empty() ? m.publisher : m.publisher_name;
  v["publisher_id"] = m.publisher;
  v["country"] = m.country;
  v["license"] = m.license;
  v["license_name"] = m.license_name.empty() ? m.license : m.license_name;
  v["license_category"] = m.license_category;
  v["effective_license_category"] = m.effective_license_category.empty() ? m.license_category : m.effective_license_category;
  v["provider"] = m.provider_name.empty() ? m.provider : m.provider_name;
  v["data_country"] = m.data_country;
  v["kind"] = std::string(kind);
  v["path"] = where.path;
  v["line"] = where.line == 0 ? "" : std::to_string(where.line);
  v["term"] = trace.term;
  v["term_value"] = trace.term_value;
  // Which licence imposes the matched term: a derivative's may be an
  // ancestor's, not the one its own card names.
  std::string term_license;
  if (auto t = m.terms.find(trace.term); t != m.terms.end()) {
    for (const std::string& id : t->second.licenses) term_license += (term_license.empty() ? "" : " and ") + id;
  }
  v["term_license"] = term_license.empty() ? m.license : term_license;
  v["trigger"] = std::string(trigger);
  v["rule"] = rule.id;
  v["severity"] = std::string(SeverityName(rule.severity));
  return v;
}

// A trigger without its path facts ("country=CN, path=a.py" -> "country=CN").
std::string WithoutPathFacts(const std::string& trigger) {
  std::string out;
  size_t start = 0;
  while (start <= trigger.size()) {
    size_t end = trigger.find(", ", start);
    if (end == std::string::npos) end = trigger.size();
    std::string_view fact(trigger.data() + start, end - start);
    if (fact.rfind("path=", 0) != 0) {
      if (!out.empty()) out += ", ";
      out += fact;
    }
    start = end + 2;
  }
  return out;
}

std::string Describe(const Waiver& w) {
  std::string what;
  if (!w.model.empty()) what += "model " + w.model;
  if (!w.path.empty()) what += std::string(what.empty() ? "" : ", ") + "path " + w.path;
  return what;
}

}  // namespace

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

PolicyEvaluator::PolicyEvaluator(const Policy& policy, Clock today) : policy_(policy), today_(std::move(today)) {
  for (size_t i = 0; i < policy_.waivers.size(); ++i) {
    const Waiver& w = policy_.waivers[i];
    bool literal = !w.model.empty() && w.model.find_first_of("*?[") == std::string::npos;
    if (literal) {
      waivers_by_model_[{w.rule, ToLower(w.model)}].push_back(i);
    } else {
      waivers_with_globs_[w.rule].push_back(i);
    }
  }
}

std::vector<size_t> PolicyEvaluator::WaiverCandidates(const std::string& rule, const std::string& model) const {
  std::vector<size_t> out;
  std::string lower = ToLower(model);
  for (const std::string& r : {rule, std::string("*")}) {
    if (auto it = waivers_by_model_.find({r, lower}); it != waivers_by_model_.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
    if (auto it = waivers_with_globs_.find(r); it != waivers_with_globs_.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void PolicyEvaluator::Check(const ModelSummary& m, const Location& where, std::string_view kind,
                            std::vector<Finding>& out, std::vector<std::string>* verdicts) const {
  Subject s = SubjectOf(m, where, kind);
  for (const Rule& rule : policy_.rules) {
    MatchTrace trace;
    if (!Matches(rule.when, s, &trace)) continue;
    Finding f;
    f.rule = rule.id;
    f.severity = rule.severity;
    f.model = m.id;
    for (const std::string& fact : trace.facts) f.trigger += (f.trigger.empty() ? "" : ", ") + fact;
    if (f.trigger.empty()) f.trigger = "model=" + m.id;  // a rule without conditions fires on the model itself
    TemplateValues values = ValuesFor(m, where, kind, rule, trace, f.trigger);
    f.message = RenderTemplate(rule.message, values);
    f.how_to_fix = rule.how_to_fix;
    f.location = where;
    if (rule.line > 0) f.rule_source = policy_.origin + ":" + std::to_string(rule.line);
    if (verdicts != nullptr) {
      // The same verdict in another file is the same finding: a rule that
      // fires "not in tests/**" is no reason to split. A message that quotes
      // {path} or {line} is worded per place by its author, and stays so.
      values["trigger"] = WithoutPathFacts(f.trigger);
      verdicts->push_back(RenderTemplate(rule.message, values) + '\x1f' + values["trigger"]);
    }
    out.push_back(std::move(f));
  }
}

void PolicyEvaluator::Suppress(Finding& f, const std::string& today) const {
  if (read_line_ && f.location.line > 0) {
    for (uint32_t line : {f.location.line, f.location.line - 1}) {
      if (line == 0) continue;
      std::optional<std::string> text = read_line_(f.location.path, line);
      if (!text) continue;
      if (std::optional<std::string> reason = SuppressionReason(*text, f.rule)) {
        f.suppressed_by = "inline";
        f.suppressed_reason = *reason;
        return;
      }
    }
  }
  for (size_t i : WaiverCandidates(f.rule, f.model)) {
    const Waiver& w = policy_.waivers[i];
    if (w.rule != "*" && w.rule != f.rule) continue;
    if (!w.model.empty() && !GlobMatch(w.model, f.model, CaseSensitivity::kInsensitive)) continue;
    if (!w.path.empty() && !GlobMatch(w.path, f.location.path)) continue;
    if (today >= w.expires) continue;  // expired: reported on its own, no longer silences
    f.suppressed_by = "waiver";
    f.suppressed_reason = w.reason;
    f.waiver_expires = w.expires;
    return;
  }
  if (baseline_ && baseline_->Contains(f)) {
    f.suppressed_by = "baseline";
    f.suppressed_reason = baseline_->origin();
  }
}

namespace {

// Places with the same verdict on the same model are one finding. The key is
// everything a reader sees besides the place (`verdict`: the message and
// trigger with the place left out): a place suppressed inline, or a waiver
// that covers only some paths, makes a finding of its own.
using GroupKey = std::tuple<std::string, std::string, int, std::string, std::string, std::string, std::string,
                            std::string>;

GroupKey KeyOf(const Finding& f, const std::string& verdict) {
  return {f.rule, ToLower(f.model), static_cast<int>(f.severity), verdict,
          f.suppressed_by, f.suppressed_reason, f.waiver_expires, f.rule_source};
}

std::vector<Finding> GroupByVerdict(std::vector<Finding> per_place, const std::vector<std::string>& verdicts) {
  std::vector<Finding> out;
  std::map<GroupKey, size_t> index;
  for (size_t i = 0; i < per_place.size(); ++i) {
    Finding& f = per_place[i];
    auto [it, added] = index.try_emplace(KeyOf(f, verdicts[i]), out.size());
    if (added) {
      out.push_back(std::move(f));
      continue;
    }
    Finding& group = out[it->second];
    // The trigger's path fact was the first place's; with places in other
    // files it no longer describes the finding.
    if (f.location.path != group.location.path) group.trigger = WithoutPathFacts(group.trigger);
    group.also_at.push_back(f.location);
  }
  return out;
}

}  // namespace

void PolicyEvaluator::CheckIgnoreComments(const Location& place, std::set<std::pair<std::string, uint32_t>>& checked,
                                          std::vector<Finding>& out) const {
  if (!read_line_ || place.line == 0) return;
  for (uint32_t line : {place.line - 1, place.line}) {
    if (line == 0 || !checked.insert({place.path, line}).second) continue;
    std::optional<std::string> text = read_line_(place.path, line);
    if (!text) continue;
    for (const std::string& id : IgnoredRuleIds(*text)) {
      bool known = std::any_of(policy_.rules.begin(), policy_.rules.end(), [&](const Rule& r) { return r.id == id; });
      if (known) continue;
      std::string ids;
      for (const Rule& r : policy_.rules) ids += (ids.empty() ? "" : ", ") + r.id;
      Finding n;
      n.rule = kUnknownIgnoreRule;
      n.severity = Severity::kWarning;
      n.trigger = "ignore=" + id;
      n.message = "`modelprov:ignore " + id + "` names no rule of the policy " + policy_.origin +
                  " and silences nothing (its rules: " + (ids.empty() ? "none" : ids) + ")";
      n.how_to_fix = "Name a rule id of the active policy, or remove the comment.";
      n.location = Location{place.path, line, 0};
      out.push_back(std::move(n));
    }
  }
}

std::vector<Finding> PolicyEvaluator::Evaluate(const ScanResult& result) const {
  std::map<std::string, const ModelSummary*> by_id;
  for (const ModelSummary& m : result.models) by_id[ToLower(m.id)] = &m;

  std::vector<Finding> per_place;
  std::vector<std::string> verdicts;  // per_place[i]'s verdict
  std::set<std::tuple<std::string, std::string, std::string, uint32_t>> seen;
  const std::string today = today_();
  for (const ResolvedReference& r : result.references) {
    if (!r.resolution || r.resolution->model.empty()) continue;
    auto it = by_id.find(ToLower(r.resolution->model));
    if (it == by_id.end()) continue;
    std::vector<Finding> found;
    std::vector<std::string> found_verdicts;
    Check(*it->second, r.ref.location, KindName(r.ref.kind), found, &found_verdicts);
    for (size_t i = 0; i < found.size(); ++i) {
      Finding& f = found[i];
      // Two references on one line (a URL and a model name) give one place.
      if (!seen.insert({f.rule, f.model, f.location.path, f.location.line}).second) continue;
      Suppress(f, today);
      per_place.push_back(std::move(f));
      verdicts.push_back(std::move(found_verdicts[i]));
    }
  }
  std::vector<Finding> comment_findings;
  std::set<std::pair<std::string, uint32_t>> checked_lines;
  // Every place a model is used, whether or not a rule fired there: a
  // comment naming a rule of another policy silences nothing here either.
  for (const ResolvedReference& r : result.references) {
    if (r.resolution && !r.resolution->model.empty()) CheckIgnoreComments(r.ref.location, checked_lines, comment_findings);
  }
  std::vector<Finding> out = GroupByVerdict(std::move(per_place), verdicts);
  out.insert(out.end(), comment_findings.begin(), comment_findings.end());
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < policy_.rules.size(); ++i) rank.emplace(policy_.rules[i].id, i);
  auto rank_of = [&](const Finding& f) {
    auto it = rank.find(f.rule);
    return it == rank.end() ? rank.size() : it->second;
  };
  std::stable_sort(out.begin(), out.end(), [&](const Finding& a, const Finding& b) {
    bool a_active = a.suppressed_by.empty(), b_active = b.suppressed_by.empty();
    if (a_active != b_active) return a_active;
    if (a.severity != b.severity) return a.severity > b.severity;
    if (size_t ra = rank_of(a), rb = rank_of(b); ra != rb) return ra < rb;
    return ILess(a.model, b.model);
  });
  for (const Waiver& w : policy_.waivers) {
    if (today < w.expires) continue;
    Finding f;
    f.rule = kExpiredWaiverRule;
    f.severity = Severity::kWarning;
    f.model = w.model;
    f.trigger = "expires=" + w.expires;
    f.message = "waiver for rule " + w.rule + " (" + Describe(w) + ") expired on " + w.expires +
                " and no longer applies; reason was: " + w.reason;
    f.how_to_fix = "Renew the waiver with a new `expires` date or remove it from the policy.";
    f.location = Location{policy_.origin, static_cast<uint32_t>(w.line), 0};
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Finding> PolicyEvaluator::EvaluateModel(const ModelSummary& model, std::string_view kind) const {
  std::vector<Finding> out;
  Check(model, Location{}, kind, out);
  return out;
}

}  // namespace modelprov::rules

namespace modelprov::rules {

std::vector<std::string> PolicyEvaluator::WaiverNotes(const Finding& f) const {
  std::vector<std::string> out;
  const std::string today = today_();
  for (const Waiver& w : policy_.waivers) {
    if (w.rule != "*" && w.rule != f.rule) continue;
    if (!w.model.empty() && !GlobMatch(w.model, f.model, CaseSensitivity::kInsensitive)) continue;
    std::string scope = w.path.empty() ? "" : " in path " + w.path;
    std::string which = " (" + Describe(w) + ", " + policy_.origin + ":" + std::to_string(w.line) + ")";
    if (today >= w.expires) {
      out.push_back("waiver" + which + " expired on " + w.expires + ": " + w.reason);
    } else {
      out.push_back("waived" + scope + " until " + w.expires + which + ": " + w.reason);
    }
  }
  return out;
}

}  // namespace modelprov::rules
