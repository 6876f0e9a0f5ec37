// Baselines: a saved set of accepted findings, so a team can adopt a policy
// and fail only on findings that appear after the baseline was written.
//
// A finding matches an entry with the same rule, model and path. Lines are
// deliberately ignored: an unrelated edit that shifts a file must not make
// an accepted finding new again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/result.h"

namespace modelprov::rules {

struct BaselineEntry {
  std::string rule;
  std::string model;
  std::string path;
};

class Baseline {
 public:
  // Parses a file written by Write(). `origin` names it in errors.
  static Result<Baseline> Parse(std::string_view text, std::string_view origin);

  // The JSON document for `findings`: every finding not already suppressed
  // by an inline comment or a waiver, except expired-waiver findings (those
  // must be fixed in the policy, not accepted).
  static std::string Write(const std::vector<Finding>& findings);

  bool Contains(const Finding& f) const;
  const std::vector<BaselineEntry>& entries() const { return entries_; }
  // The file name given to Parse().
  const std::string& origin() const { return origin_; }

 private:
  std::vector<BaselineEntry> entries_;
  std::string origin_;
};

}  // namespace modelprov::rules
