#include "engine/condition.h"

#include <algorithm>

#include "core/glob.h"
#include "core/model_ref.h"
#include "core/text.h"

namespace modelprov::rules {
namespace {

std::string_view FactName(Condition::Type t) {
  switch (t) {
    case Condition::Type::kFamily: return "family";
    case Condition::Type::kModel: return "model";
    case Condition::Type::kPublisher: return "publisher";
    case Condition::Type::kCountry: return "country";
    case Condition::Type::kLicense: return "license";
    case Condition::Type::kLicenseCategory: return "license_category";
    case Condition::Type::kEffectiveLicenseCategory: return "effective_license_category";
    case Condition::Type::kProvider: return "provider";
    case Condition::Type::kDataCountry: return "data_country";
    case Condition::Type::kKind: return "kind";
    case Condition::Type::kPath: return "path";
    case Condition::Type::kRelation: return "relation";
    default: return "";
  }
}

std::string_view FactOf(Condition::Type t, const Subject& s) {
  switch (t) {
    case Condition::Type::kFamily: return s.family;
    case Condition::Type::kModel: return s.model;
    case Condition::Type::kPublisher: return s.publisher;
    case Condition::Type::kCountry: return s.country;
    case Condition::Type::kLicense: return s.license;
    case Condition::Type::kLicenseCategory: return s.license_category;
    case Condition::Type::kEffectiveLicenseCategory: return s.effective_license_category;
    case Condition::Type::kProvider: return s.provider;
    case Condition::Type::kDataCountry: return s.data_country;
    case Condition::Type::kKind: return s.kind;
    case Condition::Type::kPath: return s.path;
    case Condition::Type::kRelation: return s.relation;
    default: return "";
  }
}

bool MatchFact(const Condition& c, const Subject& s, MatchTrace* trace) {
  std::string_view fact = FactOf(c.type, s);
  for (const std::string& pattern : c.values) {
    bool hit = fact.empty() ? IEquals(pattern, "unknown")
                            : GlobMatch(pattern, fact, CaseSensitivity::kInsensitive);
    if (!hit) continue;
    if (trace) trace->facts.push_back(std::string(FactName(c.type)) + "=" + (fact.empty() ? "unknown" : std::string(fact)));
    return true;
  }
  return false;
}

bool TestTerm(const TermTest& t, const TermValue* v) {
  using Op = TermTest::Op;
  using State = TermValue::State;
  State state = v ? v->state : State::kUnknown;
  switch (t.op) {
    case Op::kPresent: return state == State::kPresent && v->text != "no";
    case Op::kAbsent: return state == State::kAbsent || (state == State::kPresent && v->text == "no");
    case Op::kUnknown: return state == State::kUnknown;
    case Op::kYes: return state == State::kPresent && v->text == "yes";
    case Op::kNo: return state == State::kPresent && v->text == "no";
    default: break;
  }
  if (state != State::kPresent || v->number == 0) return false;
  switch (t.op) {
    case Op::kLt: return v->number < t.number;
    case Op::kLe: return v->number <= t.number;
    case Op::kGt: return v->number > t.number;
    case Op::kGe: return v->number >= t.number;
    case Op::kEq: return v->number == t.number;
    default: return false;
  }
}

std::string TermValueText(const TermValue* v) {
  if (!v || v->state == TermValue::State::kUnknown) return "unknown";
  if (v->state == TermValue::State::kAbsent) return "absent";
  if (v->money) return v->text;  // "USD 1,000,000 per year": the amount alone hides its currency and period
  if (v->number != 0) return std::to_string(v->number);
  return v->text.empty() ? "present" : v->text;
}

bool MatchTerm(const Condition& c, const Subject& s, MatchTrace* trace) {
  const TermValue* v = nullptr;
  if (s.terms) {
    auto it = s.terms->find(c.term);
    if (it != s.terms->end()) v = &it->second;
  }
  for (const TermTest& t : c.term_tests) {
    if (!TestTerm(t, v)) continue;
    if (trace) {
      std::string value = TermValueText(v);
      // Long texts stay in {term_value}; the trigger keeps a short form.
      std::string shown = (v && v->state == TermValue::State::kPresent && v->number == 0 && v->text != "yes" &&
                           v->text != "no")
                              ? "present"
                              : value;
      trace->facts.push_back(c.term + "=" + shown);
      if (trace->term.empty()) {
        trace->term = c.term;
        trace->term_value = value;
      }
    }
    return true;
  }
  return false;
}

bool MatchLineage(const Condition& c, const Subject& s, MatchTrace* trace) {
  if (!s.lineage) return false;
  for (const LineageStep& step : *s.lineage) {
    Subject a;
    a.model = step.model;
    a.family = step.family;
    a.license = step.license;
    a.relation = step.relation;
    MatchTrace local;
    bool all = true;
    for (const Condition& child : c.children) {
      if (!Matches(child, a, &local)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    if (trace) {
      for (const std::string& f : local.facts) trace->facts.push_back("lineage." + f + " (" + step.model + ")");
    }
    return true;
  }
  return false;
}

// The facts a negated condition looked at, with the subject's actual values
// ("country=CN" for `not: {country: [US]}`): that is what triggered it.
void DescribeFacts(const Condition& c, const Subject& s, std::vector<std::string>& out) {
  std::string fact;
  if (c.type == Condition::Type::kTerm) {
    const TermValue* v = nullptr;
    if (s.terms) {
      auto it = s.terms->find(c.term);
      if (it != s.terms->end()) v = &it->second;
    }
    fact = c.term + "=" + TermValueText(v);
  } else if (!FactName(c.type).empty()) {
    std::string_view value = FactOf(c.type, s);
    fact = std::string(FactName(c.type)) + "=" + (value.empty() ? "unknown" : std::string(value));
  } else if (c.type == Condition::Type::kHasLineage) {
    fact = s.lineage && !s.lineage->empty() ? "lineage=present" : "lineage=absent";
  }
  if (!fact.empty()) {
    if (std::find(out.begin(), out.end(), fact) == out.end()) out.push_back(fact);
    return;
  }
  if (c.type == Condition::Type::kLineage) return;  // ancestors have no single value to show
  for (const Condition& child : c.children) DescribeFacts(child, s, out);
}

}  // namespace

Subject SubjectOf(const ModelSummary& m, const Location& location, std::string_view kind) {
  Subject s;
  s.model = m.id;
  s.family = m.family;
  s.publisher = m.publisher;
  s.country = m.country;
  s.license = m.license;
  s.license_category = m.license_category;
  s.effective_license_category = m.effective_license_category.empty() ? m.license_category : m.effective_license_category;
  s.provider = m.provider;
  s.data_country = m.data_country;
  s.kind = kind;
  s.path = location.path;
  s.terms = &m.terms;
  s.lineage = &m.lineage;
  return s;
}

bool Matches(const Condition& c, const Subject& s, MatchTrace* trace) {
  switch (c.type) {
    case Condition::Type::kAll: {
      MatchTrace local;
      for (const Condition& child : c.children) {
        if (!Matches(child, s, &local)) return false;
      }
      if (trace) {
        trace->facts.insert(trace->facts.end(), local.facts.begin(), local.facts.end());
        if (trace->term.empty()) {
          trace->term = local.term;
          trace->term_value = local.term_value;
        }
      }
      return true;
    }
    case Condition::Type::kAny:
      for (const Condition& child : c.children) {
        if (Matches(child, s, trace)) return true;
      }
      return false;
    case Condition::Type::kNot:
      if (!c.children.empty() && Matches(c.children.front(), s, nullptr)) return false;
      if (trace && !c.children.empty()) DescribeFacts(c.children.front(), s, trace->facts);
      return true;
    case Condition::Type::kTerm:
      return MatchTerm(c, s, trace);
    case Condition::Type::kLineage:
      return MatchLineage(c, s, trace);
    case Condition::Type::kHasLineage: {
      bool has = s.lineage && !s.lineage->empty();
      if (has != c.flag) return false;
      if (trace) trace->facts.push_back(has ? "lineage=present" : "lineage=absent");
      return true;
    }
    default:
      return MatchFact(c, s, trace);
  }
}

}  // namespace modelprov::rules
