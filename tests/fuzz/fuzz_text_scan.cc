// text-scan (the extractor every text file gets) on arbitrary bytes, under a
// file name picked by the first byte (code, prose, manifest, notebook), with
// the built-in catalog's anchors; every reference is then resolved, so the
// resolver's grammar and path rules see hostile strings too.
#include <memory>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "catalog/vocabulary.h"
#include "extract/extractors.h"
#include "fuzz_support.h"

namespace {

constexpr std::string_view kNames[] = {"app.py", "README.md", "notes.txt", "guide.adoc", "package.json",
                                       "pom.xml", "main.go", "run.sh", "x.ipynb", "config.yaml", "unknown"};

struct TextScanHarness {
  modelprov::Catalog catalog;
  std::unique_ptr<modelprov::Resolver> resolver;
  std::unique_ptr<modelprov::Extractor> text_scan;
};

const TextScanHarness& Harness() {
  static const TextScanHarness h = [] {
    TextScanHarness t;
    t.catalog = std::move(modelprov::Catalog::Builtin().value());
    t.resolver = std::make_unique<modelprov::Resolver>(t.catalog);
    t.text_scan = std::move(modelprov::MakeTextScanExtractor(modelprov::BuildDetectionVocabulary(t.catalog)).value());
    return t;
  }();
  return h;
}

class ResolvingSink final : public modelprov::ReferenceSink {
 public:
  explicit ResolvingSink(const modelprov::Resolver& r) : resolver_(r) {}
  void OnReference(modelprov::ModelReference ref) override {
    if (auto rr = resolver_.Resolve(ref); rr && rr->resolution) bytes += rr->resolution->model.size();
  }
  void OnError(modelprov::ScanError e) override { bytes += e.message.size(); }
  size_t bytes = 0;

 private:
  const modelprov::Resolver& resolver_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const TextScanHarness& h = Harness();
  std::string_view name = kNames[data[0] % std::size(kNames)];
  std::string_view body = modelprov::fuzz::AsView(data + 1, size - 1);
  ResolvingSink sink(*h.resolver);
  (void)h.text_scan->MayMatter(body);
  modelprov::fuzz::RunOne(*h.text_scan, name, body, sink);
  return 0;
}
