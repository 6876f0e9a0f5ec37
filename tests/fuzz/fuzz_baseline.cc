// Baseline files (`--baseline FILE`, written by `modelprov baseline`) and,
// from the same bytes, policy files: the two loaders of user-supplied rules.
#include "engine/baseline.h"
#include "engine/policy.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = modelprov::fuzz::AsView(data, size);
  auto baseline = modelprov::rules::Baseline::Parse(text, "fuzz-baseline.json");
  (void)baseline;
  auto policy = modelprov::rules::LoadPolicy(text, "fuzz.yml");
  if (policy) (void)policy->rules.size();
  return 0;
}
