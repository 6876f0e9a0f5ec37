// A saved JSON scan read back (`report --from`, baselines).
#include "report/scan_json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = modelprov::ScanResultFromJson(modelprov::fuzz::AsView(data, size));
  (void)result;
  return 0;
}
