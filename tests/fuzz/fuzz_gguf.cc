// GgufHeaderReader over an in-memory file, then the GGUF extractor.
#include "extract/gguf_header.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = modelprov::fuzz::AsView(data, size);
  modelprov::fuzz::MemoryAccess file(bytes);
  modelprov::GgufLimits limits;
  limits.max_header_bytes = 1 << 20;  // keeps each run fast; the code paths are the same
  auto header = modelprov::GgufHeaderReader(file, limits).Read();
  if (header) (void)header->Get("general.name");
  modelprov::fuzz::RunSelected("models/model.gguf", bytes);
  return 0;
}
