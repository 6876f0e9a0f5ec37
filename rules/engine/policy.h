// Policy: a company's rules over the models a scan found, plus the waivers
// that excuse individual models or paths until a date. Loaded from YAML (or
// JSON, which YAML reads too); see docs/policy.md for the syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/result.h"
#include "engine/condition.h"

namespace modelprov::rules {

struct Rule {
  std::string id;
  Severity severity = Severity::kWarning;
  std::string message;  // template with {model}, {publisher}, ... placeholders
  std::string how_to_fix;
  Condition when;       // kAll with no children: matches every model
  int line = 0;         // 1-based line in the policy file
};

struct Waiver {
  std::string rule;       // rule id, or "*" for every rule
  std::string model;      // glob over the model id; empty: any model
  std::string path;       // glob over the evidence path; empty: any path
  std::string reason;
  std::string expires;    // YYYY-MM-DD: the waiver applies before this day
  int line = 0;
};

struct Policy {
  std::string origin;  // file name or "builtin:NAME", used in messages
  std::vector<Rule> rules;
  std::vector<Waiver> waivers;
};

// Parses policy text. Errors are "ORIGIN:LINE: what is wrong" (line omitted
// only when the problem has no place, e.g. an empty document).
Result<Policy> LoadPolicy(std::string_view text, std::string_view origin);

// Names of the presets compiled into the binary, sorted.
std::vector<std::string> BuiltinPolicyNames();

// Loads "builtin:NAME" presets by NAME; error lists the known names.
Result<Policy> LoadBuiltinPolicy(std::string_view name);

// A preset's YAML as compiled in (a starting point for a policy file).
Result<std::string_view> BuiltinPolicyText(std::string_view name);

// The closed lists policies are checked against: license categories (as in
// seeds/schema, checked by a test) and lineage relations.
const std::vector<std::string>& LicenseCategories();
const std::vector<std::string>& LineageRelations();

// Placeholders a message template may use.
const std::vector<std::string>& TemplatePlaceholders();

}  // namespace modelprov::rules
