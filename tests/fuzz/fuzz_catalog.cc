// Catalog overlays (`--catalog FILE`), parsed and merged over the builtin catalog.
#include "catalog/catalog.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto overlay = modelprov::Catalog::Parse(modelprov::fuzz::AsView(data, size), "fuzz.json");
  (void)overlay;
  return 0;
}
