#include "cli/policy_command.h"
#include "core/text.h"

#include <iostream>

#include "analysis/catalog_loader.h"
#include "cli/cli.h"
#include "analysis/policy_loader.h"
#include "engine/policy.h"

namespace modelprov::cli {

int RunPolicyCheck(const std::string& file, const std::string& catalog_file) {
  if (file.empty() || file == "none") {
    std::cerr << "modelprov: policy check needs a policy FILE or builtin:NAME\n";
    return kExitUsage;
  }
  Result<rules::Policy> policy = analysis::LoadActivePolicy(file, "");
  if (!policy) {
    std::cerr << "modelprov: " << TerminalSafe(policy.error().message) << "\n";
    return kExitUsage;
  }
  Result<Catalog> catalog = analysis::LoadCatalog(catalog_file);
  if (!catalog) {
    std::cerr << "modelprov: " << TerminalSafe(catalog.error().message) << "\n";
    return kExitUsage;
  }
  for (const std::string& w : analysis::UnknownCatalogNameWarnings(*policy, *catalog)) {
    std::cerr << "modelprov: warning: " << TerminalSafe(w) << "\n";
  }
  size_t rules = policy->rules.size();
  size_t waivers = policy->waivers.size();
  std::cout << policy->origin << ": ok (" << rules << " rule" << (rules == 1 ? "" : "s") << ", " << waivers
            << " waiver" << (waivers == 1 ? "" : "s") << ")\n";
  return kExitClean;
}

int RunPolicyShow(const std::string& name) {
  std::string_view preset = name;
  if (preset.rfind("builtin:", 0) == 0) preset.remove_prefix(8);
  Result<std::string_view> text = rules::BuiltinPolicyText(preset);
  if (!text) {
    std::cerr << "modelprov: policy show: " << TerminalSafe(text.error().message) << "\n";
    return kExitUsage;
  }
  std::cout << *text;
  return kExitClean;
}

}  // namespace modelprov::cli
