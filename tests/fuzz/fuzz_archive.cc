// Archive walking: the pipeline's ArchiveExpander on an in-memory blob, with
// members handed to the real extractors, under small limits so each run is
// quick and the limit paths are reached.
#include "fuzz_support.h"
#include "pipeline/archive_expander.h"

namespace {
class Members final : public modelprov::MemberExtractor {
 public:
  explicit Members(const modelprov::ExtractorSelector& selector) : selector_(selector) {}
  void ExtractMember(const std::vector<const modelprov::Extractor*>& chosen, const std::string& display_path,
                     std::string_view data, uint64_t, bool read_as_text, modelprov::ReferenceSink& sink) override {
    for (const modelprov::Extractor* ex : chosen) modelprov::fuzz::RunOne(*ex, display_path, data, sink);
    if (read_as_text && selector_.every_text() != nullptr) {
      modelprov::fuzz::RunOne(*selector_.every_text(), display_path, data, sink);
    }
  }

 private:
  const modelprov::ExtractorSelector& selector_;
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
  Members members(selector);
  for (const char* name : {"upload.zip", "bundle.tar.gz"}) expander.Expand(blob, name, members, sink);
  return 0;
}
