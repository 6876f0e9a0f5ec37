// Conditions: the `when:` part of a rule, a small tree of matchers over one
// occurrence of a model (its catalog facts, the reference kind and the
// evidence path). String matchers take globs (core/glob.h), compared
// case-insensitively, so no user pattern can make matching slow.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_summary.h"
#include "core/resolved.h"
#include "core/terms.h"

namespace modelprov::rules {

// What a condition is evaluated against: one model at one occurrence. Empty
// strings are unknown facts. Inside `lineage:` the same struct describes one
// ancestor (model, family, license, relation set; the rest empty).
struct Subject {
  std::string_view model;
  std::string_view family;
  std::string_view publisher;
  std::string_view country;
  std::string_view license;
  std::string_view license_category;
  // The most restrictive of the model's own and its ancestors' categories
  // (ModelSummary::effective_license_category).
  std::string_view effective_license_category;
  std::string_view provider;
  std::string_view data_country;
  std::string_view kind;      // ReferenceKind name, e.g. "api-model"
  std::string_view path;      // evidence path
  std::string_view relation;  // lineage only: finetune, adapter, quantized...
  const TermMap* terms = nullptr;
  const std::vector<LineageStep>* lineage = nullptr;
};

// Builds the subject for `model` seen at `location` as a `kind` reference.
Subject SubjectOf(const ModelSummary& model, const Location& location, std::string_view kind);

// One test on a term's value: state checks, yes/no, or a numeric comparison
// on a cap's threshold (only true when the term is present with a number).
struct TermTest {
  enum class Op { kPresent, kAbsent, kUnknown, kYes, kNo, kLt, kLe, kGt, kGe, kEq };
  Op op = Op::kPresent;
  int64_t number = 0;
};

struct Condition {
  enum class Type {
    kAll, kAny, kNot,                                  // combinators over children
    kFamily, kModel, kPublisher, kCountry, kLicense,   // fact globs (any of values)
    kLicenseCategory, kEffectiveLicenseCategory, kProvider, kDataCountry, kKind, kPath, kRelation,
    kTerm,                                             // term + term_tests (any of)
    kLineage,                                          // some ancestor satisfies children (all)
    kHasLineage,                                       // the model has (true) / lacks (false) ancestors
  };
  Type type = Type::kAll;
  std::vector<std::string> values;  // globs; "unknown" also matches an empty fact
  std::string term;
  std::vector<TermTest> term_tests;
  bool flag = true;                 // kHasLineage
  std::vector<Condition> children;
  int line = 0;                     // 1-based line of the values in the policy file (fact conditions)
};

// What made a condition true, for Finding::trigger and message templates.
struct MatchTrace {
  std::vector<std::string> facts;  // "country=CN", "mau_cap=700000000", ...
  std::string term;                // first term key that matched
  std::string term_value;          // its number or text
};

// True when `c` holds for `s`. Facts that made it true are appended to
// `trace`; under `not` those are the subject's actual values of the facts the
// negated condition tested ("country=CN" for `not: {country: [US]}`).
bool Matches(const Condition& c, const Subject& s, MatchTrace* trace);

}  // namespace modelprov::rules
