// The safetensors header (8-byte length + JSON) and the shard index file.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = modelprov::fuzz::AsView(data, size);
  modelprov::fuzz::RunSelected("model.safetensors", bytes);
  modelprov::fuzz::RunSelected("model.safetensors.index.json", bytes);
  return 0;
}
