// Runs one extractor over in-memory text and collects what it reports.
#pragma once

#include <string>
#include <vector>

#include "extract/extractor.h"

namespace modelprov::testing {

struct Extracted {
  std::vector<ModelReference> refs;
  std::vector<ScanError> errors;
};

class CollectingSink final : public ReferenceSink {
 public:
  explicit CollectingSink(Extracted& out) : out_(out) {}
  void OnReference(ModelReference ref) override { out_.refs.push_back(std::move(ref)); }
  void OnError(ScanError error) override { out_.errors.push_back(std::move(error)); }

 private:
  Extracted& out_;
};

inline Extracted RunExtractor(const Extractor& ex, const std::string& path, const std::string& text) {
  Extracted out;
  CollectingSink sink(out);
  ExtractInput in;
  in.path = path;
  in.name = std::string_view(path).substr(path.find_last_of('/') + 1);
  in.size = text.size();
  in.text = text;
  ex.Extract(in, sink);
  return out;
}

}  // namespace modelprov::testing
