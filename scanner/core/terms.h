// License usage terms in a form every stage can carry without the catalog.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modelprov {

// An amount of money per period, as a licence states it ("more than 20
// million US dollars (or equivalent in other currencies) in monthly revenue").
struct MoneyAmount {
  int64_t amount = 0;
  std::string currency;  // ISO 4217 ("USD")
  std::string period;    // "month" or "year"
  bool operator==(const MoneyAmount&) const = default;
};

// When a duty starts to bind: above this many monthly active users, or above
// this revenue (either one suffices, as Kimi K2's and MiniMax M2's licences
// word it). A zero / missing part is no threshold of that kind.
struct DutyThreshold {
  int64_t monthly_active_users = 0;
  std::optional<MoneyAmount> revenue;
  bool operator==(const DutyThreshold&) const = default;
};

struct TermValue {
  enum class State { kUnknown, kAbsent, kPresent };
  State state = State::kUnknown;
  std::string text;    // the condition in words, URL, or attribution text; "yes"/"no" for yes/no terms
  int64_t number = 0;  // caps: the threshold (revenue_cap: its amount)
  // revenue_cap: the amount with its currency and period.
  std::optional<MoneyAmount> money;
  // attribution: the words a product must show ("Kimi K2", "Built with
  // Llama"), and the size above which it must; no threshold = always.
  std::string display;
  std::optional<DutyThreshold> above;
  // The licences that impose it: the model's own, or an ancestor's when a
  // derivative inherits the term. Empty when not known (a policy overlay).
  std::vector<std::string> licenses;
};

// Keys: commercial_use, mau_cap, revenue_cap, attribution, naming, output_use,
// field_of_use, aup_url, geographic, research_only. A yes/no term is kPresent
// with text "yes" or "no". Absent keys mean unknown.
using TermMap = std::map<std::string, TermValue>;

inline TermValue PresentTerm(std::string text, int64_t number = 0) {
  TermValue v;
  v.state = TermValue::State::kPresent;
  v.text = std::move(text);
  v.number = number;
  return v;
}

inline TermValue AbsentTerm() {
  TermValue v;
  v.state = TermValue::State::kAbsent;
  return v;
}

// "USD 20,000,000 per month".
std::string DescribeMoney(const MoneyAmount& m);
// "above 100,000,000 monthly active users or USD 20,000,000 per month in revenue".
std::string DescribeThreshold(const DutyThreshold& t);
// A display duty as a reader acts on it, what to show and from what size on
// before the licence's own words: 'show "Kimi K2" above ... (<text>)'.
// Without display words, the text alone.
std::string DescribeDisplayDuty(const TermValue& v);
// The same duty in short, without the licence's words: 'show "Kimi K2"
// above ...'. Empty without display words.
std::string DescribeDisplayWords(const TermValue& v);

}  // namespace modelprov
