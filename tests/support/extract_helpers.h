// Unit-test helpers: run one extractor on in-memory text and render what it
// found as compact strings ("3:5 deploy-config qwen2.5:7b tool=ollama arg=run").
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/model_ref.h"
#include "core/text.h"
#include "extract/extractor.h"

namespace modelprov::testing {

class CollectingSink final : public ReferenceSink {
 public:
  void OnReference(ModelReference ref) override { refs.push_back(std::move(ref)); }
  void OnError(ScanError error) override { errors.push_back(std::move(error)); }
  std::vector<ModelReference> refs;
  std::vector<ScanError> errors;
};

inline std::string Render(const ModelReference& r) {
  std::ostringstream s;
  s << r.location.line << ":" << r.location.column << " " << KindName(r.kind) << " " << r.text;
  s << (r.evidence == Evidence::kDefinite ? " !" : r.evidence == Evidence::kLikely ? " ~" : " ?");
  for (const auto& [k, v] : r.FactPairs()) s << " " << k << "=" << v;
  return s.str();
}

inline std::vector<std::string> Render(const std::vector<ModelReference>& refs) {
  std::vector<std::string> out;
  for (const ModelReference& r : refs) out.push_back(Render(r));
  return out;
}

// Runs `e` on `text` as if it were the file `path`.
inline std::vector<std::string> RunExtractor(const Extractor& e, const std::string& path, const std::string& text) {
  CollectingSink sink;
  ExtractInput in;
  in.path = path;
  in.name = BaseName(path);
  in.size = text.size();
  in.text = text;
  e.Extract(in, sink);
  return Render(sink.refs);
}

}  // namespace modelprov::testing
