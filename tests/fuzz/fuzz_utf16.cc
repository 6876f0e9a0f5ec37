// The UTF-16 decoder (a file with a byte order mark is transcoded before
// extraction): any bytes give valid UTF-8 or nullopt, never an over-read.
#include "fuzz_support.h"
#include "pipeline/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = modelprov::fuzz::AsView(data, size);
  // Half the inputs get a BOM so the decoder's body is reached most of the time.
  std::string with_bom = (size > 0 && (data[0] & 1) ? std::string("\xFF\xFE", 2) : std::string("\xFE\xFF", 2)) +
                         std::string(bytes);
  for (std::string_view in : {bytes, std::string_view(with_bom)}) {
    std::optional<std::string> out = modelprov::DecodeUtf16WithBom(in);
    if (out) {
      size_t sum = 0;
      for (char c : *out) sum += static_cast<unsigned char>(c);
      (void)sum;
    }
  }
  return 0;
}
