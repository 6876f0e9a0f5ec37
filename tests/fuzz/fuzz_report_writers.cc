// Every report writer fed from a fuzzed scan: a JSON scan read back with
// ScanResultFromJson (`report --from`), then written in every format.
#include <sstream>

#include "fuzz_support.h"
#include "report/scan_json.h"
#include "report/writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = modelprov::ScanResultFromJson(modelprov::fuzz::AsView(data, size));
  if (!result) return 0;
  static const modelprov::WriterList writers = modelprov::DefaultWriters();
  modelprov::WriteOptions options;
  options.timestamp = "2026-01-01T00:00:00Z";  // reproducible
  for (const auto& writer : writers) {
    for (bool color : {false, true}) {
      options.color = color;
      std::ostringstream out;
      writer->Write(*result, out, options);
    }
  }
  return 0;
}
