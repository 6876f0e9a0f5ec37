// Policy files (YAML) as `--policy FILE` loads them.
#include "engine/policy.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto policy = modelprov::rules::LoadPolicy(modelprov::fuzz::AsView(data, size), "fuzz.yml");
  if (policy) (void)policy->rules.size();
  return 0;
}
