// License usage terms in a form every stage can carry without the catalog.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace modelprov {

struct TermValue {
  enum class State { kUnknown, kAbsent, kPresent };
  State state = State::kUnknown;
  std::string text;    // the condition in words, URL, or attribution text; "yes"/"no" for yes/no terms
  int64_t number = 0;  // caps: the threshold
};

// Keys: commercial_use, mau_cap, revenue_cap, attribution, naming, output_use,
// field_of_use, aup_url, geographic, research_only. A yes/no term is kPresent
// with text "yes" or "no". Absent keys mean unknown.
using TermMap = std::map<std::string, TermValue>;

}  // namespace modelprov
