#include "cli/policy_command.h"
#include "core/text.h"

#include <iostream>

#include "cli/cli.h"
#include "cli/policy_loader.h"

namespace modelprov::cli {

int RunPolicyCheck(const std::string& file) {
  if (file.empty() || file == "none") {
    std::cerr << "modelprov: policy check needs a policy FILE or builtin:NAME\n";
    return kExitUsage;
  }
  Result<rules::Policy> policy = LoadActivePolicy(file, "");
  if (!policy) {
    std::cerr << "modelprov: " << TerminalSafe(policy.error().message) << "\n";
    return kExitUsage;
  }
  size_t rules = policy->rules.size();
  size_t waivers = policy->waivers.size();
  std::cout << policy->origin << ": ok (" << rules << " rule" << (rules == 1 ? "" : "s") << ", " << waivers
            << " waiver" << (waivers == 1 ? "" : "s") << ")\n";
  return kExitClean;
}

}  // namespace modelprov::cli
