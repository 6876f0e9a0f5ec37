// Jupyter notebooks (JSON with code cells scanned as Python).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  modelprov::fuzz::RunSelected("analysis.ipynb", modelprov::fuzz::AsView(data, size));
  return 0;
}
