// JSON configuration files: Hugging Face config, PEFT adapter config,
// tokenizer files, package.json, gateway JSON.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = modelprov::fuzz::AsView(data, size);
  for (std::string_view name : {"config.json", "adapter_config.json", "tokenizer.json", "tokenizer_config.json",
                                "package.json", ".continue/config.json"}) {
    modelprov::fuzz::RunSelected(name, bytes);
  }
  return 0;
}
