// Archive walking: the pipeline's ArchiveExpander on an in-memory blob, with
// members handed to the real extractors, under small limits so each run is
// quick and the limit paths are reached.
#include "fuzz_support.h"
#include "pipeline/archive_expander.h"

namespace {
class Members final : public modelprov::MemberExtractor {
 public:
  void ExtractMember(const std::vector<const modelprov::Extractor*>& chosen, const std::string& display_path,
                     std::string_view data, uint64_t, modelprov::ReferenceSink& sink) override {
    for (const modelprov::Extractor* ex : chosen) modelprov::fuzz::RunOne(*ex, display_path, data, sink);
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const modelprov::ExtractorSelector selector(modelprov::fuzz::Extractors());
  static const modelprov::ArchiveLimits limits = [] {
    modelprov::ArchiveLimits l;
    l.max_bytes = 8 << 20;
    l.max_entries = 1000;
    l.random_access_prefix = 1 << 20;
    return l;
  }();
  modelprov::ArchiveExpander expander(selector, limits, 1 << 20);
  modelprov::fuzz::MemoryAccess blob(modelprov::fuzz::AsView(data, size));
  modelprov::fuzz::DiscardSink sink;
  Members members;
  for (const char* name : {"upload.zip", "bundle.tar.gz"}) expander.Expand(blob, name, members, sink);
  return 0;
}
