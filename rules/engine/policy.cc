#include "engine/policy.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/glob.h"
#include "core/model_ref.h"
#include "engine/embedded_policies.h"

namespace modelprov::rules {
namespace {

const std::vector<std::string> kTermKeys = {"commercial_use", "mau_cap",  "revenue_cap",  "attribution",
                                            "naming",         "output_use", "field_of_use", "aup_url",
                                            "geographic",     "research_only"};

// A problem at a node; carried as an exception inside this file only and
// turned into a Result at LoadPolicy's edge.
struct PolicyError {
  int line;  // 1-based, 0: no place
  std::string message;
};

[[noreturn]] void Fail(const YAML::Node& at, std::string message) {
  int line = at.Mark().is_null() ? 0 : at.Mark().line + 1;
  throw PolicyError{line, std::move(message)};
}

std::string Scalar(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) Fail(n, std::string(what) + " must be a single value");
  return n.Scalar();
}

std::vector<std::string> ScalarList(const YAML::Node& n, std::string_view what) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const YAML::Node& item : n) out.push_back(Scalar(item, what));
  } else {
    Fail(n, std::string(what) + " must be a value or a list of values");
  }
  if (out.empty()) Fail(n, std::string(what) + " must not be an empty list");
  for (const std::string& v : out) {
    if (v.empty()) Fail(n, std::string(what) + " must not contain an empty value");
  }
  return out;
}

std::string KeyOf(const YAML::const_iterator::value_type& kv) { return kv.first.Scalar(); }

bool IsYesNoTerm(const std::string& term) { return term == "commercial_use" || term == "research_only"; }
bool IsCapTerm(const std::string& term) { return term == "mau_cap" || term == "revenue_cap"; }

// The tests a term accepts, for error messages.
std::string TestsFor(const std::string& term) {
  if (IsYesNoTerm(term)) return "use present, absent, unknown, yes or no";
  if (IsCapTerm(term)) return "use present, absent, unknown, or a comparison such as '>= 1000000'";
  return "use present, absent or unknown";
}

TermTest ParseTermTest(const YAML::Node& at, const std::string& term, std::string text) {
  TermTest t;
  if (text == "present") { t.op = TermTest::Op::kPresent; return t; }
  if (text == "absent") { t.op = TermTest::Op::kAbsent; return t; }
  if (text == "unknown") { t.op = TermTest::Op::kUnknown; return t; }
  bool yes = text == "yes" || text == "true", no = text == "no" || text == "false";
  if ((yes || no) && !IsYesNoTerm(term)) {
    Fail(at, "terms." + term + ": '" + text + "' is only a test for commercial_use and research_only (" +
                 TestsFor(term) + ")");
  }
  if (yes) { t.op = TermTest::Op::kYes; return t; }
  if (no) { t.op = TermTest::Op::kNo; return t; }
  size_t i = 0;
  std::string op;
  while (i < text.size() && (text[i] == '<' || text[i] == '>' || text[i] == '=')) op += text[i++];
  while (i < text.size() && text[i] == ' ') ++i;
  std::string digits = text.substr(i);
  bool numeric = !digits.empty() && digits.size() <= 18 &&
                 std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (numeric && (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==")) {
    if (!IsCapTerm(term)) {
      Fail(at, "terms." + term + ": '" + text + "' compares a number, which only mau_cap and revenue_cap have (" +
                   TestsFor(term) + ")");
    }
    t.number = std::stoll(digits);
    t.op = op == "<" ? TermTest::Op::kLt : op == "<=" ? TermTest::Op::kLe : op == ">" ? TermTest::Op::kGt
           : op == ">=" ? TermTest::Op::kGe : TermTest::Op::kEq;
    return t;
  }
  Fail(at, "terms." + term + ": '" + text + "' is not a term test (" + TestsFor(term) + ")");
}

Condition ParseWhen(const YAML::Node& node, bool in_lineage);

// YAML aliases let a few lines describe an exponentially large tree, and a
// .modelprov.yml comes with the (untrusted) scanned repository: cap the
// number of conditions one policy may expand to.
constexpr size_t kMaxConditions = 10000;
thread_local size_t g_conditions = 0;

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// A value for a closed list passes when it is `unknown` or a (glob) pattern
// matching at least one known value, so a typo cannot silently match nothing.
bool MatchesAny(const std::string& pattern, const std::vector<std::string>& known) {
  if (pattern == "unknown") return true;
  return std::any_of(known.begin(), known.end(),
                     [&](const std::string& k) { return GlobMatch(pattern, k, CaseSensitivity::kInsensitive); });
}

// ISO 3166-1 alpha-2 shape: two ASCII letters (or a glob that can match two
// letters, e.g. "C?"), or `unknown`.
bool CountryShaped(const std::string& v) {
  if (v == "unknown") return true;
  static const std::vector<std::string> kAllPairs = [] {
    std::vector<std::string> out;
    for (char a = 'A'; a <= 'Z'; ++a) {
      for (char b = 'A'; b <= 'Z'; ++b) out.push_back(std::string{a, b});
    }
    return out;
  }();
  return MatchesAny(v, kAllPairs);
}

// Checks each value of a closed-list condition; `item` is the node of that
// value (for its line number).
void CheckFactValue(Condition::Type type, const YAML::Node& item, const std::string& v, const std::string& where) {
  using T = Condition::Type;
  switch (type) {
    case T::kKind:
      if (v.find_first_of("*?") == std::string::npos && !ParseKind(v)) {
        Fail(item, "kind: unknown reference kind '" + v + "' (known: " + Joined(ReferenceKindNames()) + ")");
      }
      break;
    case T::kLicenseCategory:
    case T::kEffectiveLicenseCategory:
      if (!MatchesAny(v, LicenseCategories())) {
        Fail(item, where + ": unknown license category '" + v + "' (known: " + Joined(LicenseCategories()) + ")");
      }
      break;
    case T::kRelation:
      if (!MatchesAny(v, LineageRelations())) {
        Fail(item, where + ": unknown relation '" + v + "' (known: " + Joined(LineageRelations()) + ")");
      }
      break;
    case T::kCountry:
    case T::kDataCountry:
      if (!CountryShaped(v)) {
        Fail(item, where + ": '" + v + "' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, US)");
      }
      break;
    default:
      break;
  }
}

Condition Fact(Condition::Type type, const YAML::Node& value, const std::string& key, const std::string& where) {
  Condition c;
  c.type = type;
  c.values = ScalarList(value, key);
  c.line = value.Mark().is_null() ? 0 : value.Mark().line + 1;
  if (value.IsSequence()) {
    size_t i = 0;
    for (const YAML::Node& item : value) CheckFactValue(type, item, c.values[i++], where);
  } else {
    CheckFactValue(type, value, c.values.front(), where);
  }
  return c;
}

Condition Fact(Condition::Type type, const YAML::Node& value, const std::string& key) {
  return Fact(type, value, key, key);
}

Condition ParseCondition(const std::string& key, const YAML::Node& value, bool in_lineage) {
  using T = Condition::Type;
  if (++g_conditions > kMaxConditions) {
    Fail(value, "the policy has more than " + std::to_string(kMaxConditions) + " conditions");
  }
  if (in_lineage) {
    if (key == "model") return Fact(T::kModel, value, key);
    if (key == "family") return Fact(T::kFamily, value, key);
    if (key == "license") return Fact(T::kLicense, value, key, "lineage.license");
    if (key == "relation") return Fact(T::kRelation, value, key, "lineage.relation");
    Fail(value, "lineage: unknown key '" + key + "' (known: model, family, license, relation)");
  }
  if (key == "family") return Fact(T::kFamily, value, key);
  if (key == "model") return Fact(T::kModel, value, key);
  if (key == "publisher") return Fact(T::kPublisher, value, key);
  if (key == "country") return Fact(T::kCountry, value, key);
  if (key == "license") return Fact(T::kLicense, value, key);
  if (key == "license_category") return Fact(T::kLicenseCategory, value, key);
  if (key == "effective_license_category") return Fact(T::kEffectiveLicenseCategory, value, key);
  if (key == "provider") return Fact(T::kProvider, value, key);
  if (key == "data_country") return Fact(T::kDataCountry, value, key);
  if (key == "kind") return Fact(T::kKind, value, key);
  if (key == "path") return Fact(T::kPath, value, key);
  if (key == "terms") {
    if (!value.IsMap() || value.size() == 0) Fail(value, "terms must be a mapping of term names to tests");
    Condition all;
    all.type = T::kAll;
    for (const auto& kv : value) {
      std::string term = KeyOf(kv);
      if (std::find(kTermKeys.begin(), kTermKeys.end(), term) == kTermKeys.end()) {
        std::string known;
        for (const std::string& k : kTermKeys) known += (known.empty() ? "" : ", ") + k;
        Fail(kv.first, "terms: unknown term '" + term + "' (known: " + known + ")");
      }
      Condition c;
      c.type = T::kTerm;
      c.term = term;
      std::vector<std::string> tests = ScalarList(kv.second, "terms." + term);
      for (size_t i = 0; i < tests.size(); ++i) {
        c.term_tests.push_back(ParseTermTest(kv.second.IsSequence() ? kv.second[i] : kv.second, term, tests[i]));
      }
      all.children.push_back(std::move(c));
    }
    return all.children.size() == 1 ? std::move(all.children.front()) : all;
  }
  if (key == "lineage") {
    if (value.IsScalar()) {
      Condition c;
      c.type = T::kHasLineage;
      if (value.Scalar() == "present") c.flag = true;
      else if (value.Scalar() == "absent") c.flag = false;
      else Fail(value, "lineage must be present, absent, or a mapping of model/family/license/relation");
      return c;
    }
    if (!value.IsMap() || value.size() == 0) {
      Fail(value, "lineage must be present, absent, or a mapping of model/family/license/relation");
    }
    Condition c = ParseWhen(value, true);
    c.type = T::kLineage;
    return c;
  }
  if (key == "all" || key == "any") {
    if (!value.IsSequence() || value.size() == 0) Fail(value, key + " must be a non-empty list of conditions");
    Condition c;
    c.type = key == "all" ? T::kAll : T::kAny;
    for (const YAML::Node& item : value) c.children.push_back(ParseWhen(item, false));
    return c;
  }
  if (key == "not") {
    Condition c;
    c.type = T::kNot;
    c.children.push_back(ParseWhen(value, false));
    return c;
  }
  Fail(value, "unknown condition '" + key +
                  "' (known: family, model, publisher, country, license, license_category, effective_license_category, "
                  "provider, data_country, "
                  "kind, path, terms, lineage, all, any, not)");
}

// A mapping of conditions, all of which must hold.
Condition ParseWhen(const YAML::Node& node, bool in_lineage) {
  if (!node.IsMap() || node.size() == 0) Fail(node, "a condition must be a non-empty mapping");
  Condition all;
  all.type = Condition::Type::kAll;
  for (const auto& kv : node) all.children.push_back(ParseCondition(KeyOf(kv), kv.second, in_lineage));
  return all;
}

bool ValidRuleId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

void CheckTemplate(const YAML::Node& at, const std::string& text) {
  const auto& known = TemplatePlaceholders();
  for (size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1)) {
    size_t end = text.find('}', i);
    if (end == std::string::npos) break;
    std::string name = text.substr(i + 1, end - i - 1);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + ("{" + k + "}");
      Fail(at, "message: unknown placeholder {" + name + "} (known: " + list + ")");
    }
  }
}

// A real calendar day: 2027-02-31 and 2026-02-29 are not.
bool ValidDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int year = std::stoi(d.substr(0, 4));
  int month = std::stoi(d.substr(5, 2));
  int day = std::stoi(d.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

void RequireKeys(const YAML::Node& node, const std::set<std::string>& allowed, const std::string& what) {
  for (const auto& kv : node) {
    std::string key = KeyOf(kv);
    if (allowed.count(key) == 0) {
      std::string list;
      for (const std::string& k : allowed) list += (list.empty() ? "" : ", ") + k;
      Fail(kv.first, what + ": unknown key '" + key + "' (known: " + list + ")");
    }
  }
}

Rule ParseRule(const YAML::Node& node, std::set<std::string>& ids) {
  if (!node.IsMap()) Fail(node, "each rule must be a mapping with id, severity, message and when");
  RequireKeys(node, {"id", "severity", "message", "when", "how_to_fix"}, "rule");
  Rule r;
  r.line = node.Mark().line + 1;
  if (!node["id"]) Fail(node, "rule is missing 'id'");
  r.id = Scalar(node["id"], "id");
  if (!ValidRuleId(r.id)) Fail(node["id"], "rule id '" + r.id + "' must be letters, digits, '-', '_' or '.'");
  if (r.id == "expired-waiver" || r.id == "unknown-ignore-rule") {
    Fail(node["id"], "rule id '" + r.id + "' is reserved for modelprov's own findings");
  }
  if (!ids.insert(r.id).second) Fail(node["id"], "duplicate rule id '" + r.id + "'");
  if (!node["severity"]) Fail(node, "rule '" + r.id + "' is missing 'severity'");
  std::string sev = Scalar(node["severity"], "severity");
  auto parsed = ParseSeverity(sev);
  if (!parsed) Fail(node["severity"], "rule '" + r.id + "': severity must be error, warning or note, not '" + sev + "'");
  r.severity = *parsed;
  if (!node["message"]) Fail(node, "rule '" + r.id + "' is missing 'message'");
  r.message = Scalar(node["message"], "message");
  CheckTemplate(node["message"], r.message);
  if (node["how_to_fix"]) r.how_to_fix = Scalar(node["how_to_fix"], "how_to_fix");
  if (node["when"]) {
    r.when = ParseWhen(node["when"], false);
  } else {
    r.when.type = Condition::Type::kAll;  // no conditions: every model
  }
  return r;
}

Waiver ParseWaiver(const YAML::Node& node, const std::set<std::string>& ids) {
  if (!node.IsMap()) Fail(node, "each waiver must be a mapping with rule, model or path, reason and expires");
  RequireKeys(node, {"rule", "model", "path", "reason", "expires"}, "waiver");
  Waiver w;
  w.line = node.Mark().line + 1;
  if (!node["rule"]) Fail(node, "waiver is missing 'rule'");
  w.rule = Scalar(node["rule"], "rule");
  if (w.rule != "*" && ids.count(w.rule) == 0) {
    std::string known;
    for (const std::string& id : ids) known += (known.empty() ? "" : ", ") + id;
    Fail(node["rule"], "waiver names unknown rule '" + w.rule + "' (known: " + (known.empty() ? "none" : known) + ", or *)");
  }
  if (node["model"]) w.model = Scalar(node["model"], "model");
  if (node["path"]) w.path = Scalar(node["path"], "path");
  if (w.model.empty() && w.path.empty()) Fail(node, "waiver for '" + w.rule + "' needs a 'model' or a 'path'");
  if (!node["reason"] || Scalar(node["reason"], "reason").empty()) Fail(node, "waiver for '" + w.rule + "' needs a 'reason'");
  w.reason = node["reason"].Scalar();
  if (!node["expires"]) Fail(node, "waiver for '" + w.rule + "' needs an 'expires' date (YYYY-MM-DD)");
  w.expires = Scalar(node["expires"], "expires");
  if (!ValidDate(w.expires)) {
    Fail(node["expires"], "expires: '" + w.expires + "' is not a calendar date (YYYY-MM-DD, e.g. 2027-03-31)");
  }
  return w;
}

Policy ParseDocument(const YAML::Node& root) {
  Policy p;
  if (!root.IsMap()) Fail(root, "a policy must be a mapping with 'rules' (and optionally 'waivers')");
  RequireKeys(root, {"rules", "waivers"}, "policy");
  const YAML::Node rules = root["rules"];
  if (!rules) Fail(root, "a policy needs a 'rules' list");
  if (!rules.IsSequence()) Fail(rules, "'rules' must be a list");
  std::set<std::string> ids;
  for (const YAML::Node& r : rules) p.rules.push_back(ParseRule(r, ids));
  if (const YAML::Node waivers = root["waivers"]) {
    if (!waivers.IsSequence()) Fail(waivers, "'waivers' must be a list");
    for (const YAML::Node& w : waivers) p.waivers.push_back(ParseWaiver(w, ids));
  }
  return p;
}

}  // namespace

const std::vector<std::string>& LicenseCategories() {
  static const std::vector<std::string> kNames = {"permissive",     "weak-copyleft",        "copyleft",
                                                  "responsible-ai", "restricted-commercial", "non-commercial",
                                                  "proprietary-api-terms"};
  return kNames;
}

const std::vector<std::string>& LineageRelations() {
  static const std::vector<std::string> kNames = {"finetune", "quantized", "adapter", "merge",
                                                  "distillation", "base", "mirror"};
  return kNames;
}

const std::vector<std::string>& TemplatePlaceholders() {
  static const std::vector<std::string> kNames = {
      "model",   "family",  "family_name", "publisher", "publisher_id", "country",  "license",
      "license_name", "license_category", "effective_license_category", "provider", "data_country", "kind", "path", "line",
      "term",    "term_value", "term_license", "trigger", "rule", "severity"};
  return kNames;
}

Result<Policy> LoadPolicy(std::string_view text, std::string_view origin) {
  std::string where(origin);
  try {
    g_conditions = 0;
    YAML::Node root = YAML::Load(std::string(text));
    if (!root || root.IsNull()) return MakeError(where + ": the policy is empty (it needs a 'rules' list)");
    Policy p = ParseDocument(root);
    p.origin = where;
    return p;
  } catch (const PolicyError& e) {
    return MakeError(where + (e.line > 0 ? ":" + std::to_string(e.line) : "") + ": " + e.message);
  } catch (const YAML::Exception& e) {
    std::string line = e.mark.is_null() ? "" : ":" + std::to_string(e.mark.line + 1);
    return MakeError(where + line + ": invalid YAML: " + e.msg);
  }
}

std::vector<std::string> BuiltinPolicyNames() {
  size_t n = 0;
  const EmbeddedPolicy* all = EmbeddedPolicies(&n);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.emplace_back(all[i].name);
  return out;
}

Result<std::string_view> BuiltinPolicyText(std::string_view name) {
  size_t n = 0;
  const EmbeddedPolicy* all = EmbeddedPolicies(&n);
  for (size_t i = 0; i < n; ++i) {
    if (all[i].name == name) return all[i].text;
  }
  std::string known;
  for (const std::string& k : BuiltinPolicyNames()) known += (known.empty() ? "" : ", ") + k;
  return MakeError("unknown built-in policy '" + std::string(name) + "' (known: " + known + ")");
}

Result<Policy> LoadBuiltinPolicy(std::string_view name) {
  Result<std::string_view> text = BuiltinPolicyText(name);
  if (!text) return text.error();
  return LoadPolicy(*text, "builtin:" + std::string(name));
}

}  // namespace modelprov::rules
