// Finds and loads the policy a command runs with, and reads evidence lines
// for inline suppressions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "analysis/scan_target.h"
#include "engine/policy.h"

namespace modelprov::analysis {

// `spec` is "builtin:NAME", "none" (a policy without rules), a file path, or
// empty: then `.modelprov.yml` in `root_dir` if that file exists (root_dir
// empty: none), else builtin:default. Errors name the file and line.
Result<rules::Policy> LoadActivePolicy(const std::string& spec, const std::string& root_dir);

// One warning for each family, provider or publisher the policy names that
// `catalog` does not know (a typo would make the rule never fire); callers
// print them as "modelprov: warning: ...".
std::vector<std::string> UnknownCatalogNameWarnings(const rules::Policy& policy, const Catalog& catalog);

// The directory whose .modelprov.yml applies: the only scanned directory,
// or empty when several paths (or files) are scanned.
std::string PolicyRootOf(const std::vector<ScanTarget>& targets);

// Reads lines of scanned files by their reported path, caching each file.
// Paths are mapped back through the scan targets; archive members and
// unreadable files give nullopt.
class EvidenceLines {
 public:
  explicit EvidenceLines(const std::vector<ScanTarget>& targets);
  // In git modes reported paths are relative to the repository root; the
  // lines are then read from its work tree.
  void set_base_dir(std::string dir) { base_dir_ = std::move(dir); }
  std::optional<std::string> Line(const std::string& path, uint32_t line);

 private:
  std::string FileFor(const std::string& path) const;
  const std::vector<ScanTarget>& targets_;
  std::string base_dir_;
  std::map<std::string, std::optional<std::vector<std::string>>> cache_;
};

}  // namespace modelprov::analysis
