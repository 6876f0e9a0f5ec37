// Shared pieces of the libFuzzer targets: an in-memory RandomAccess, a sink
// that keeps nothing, and helpers that run the built-in extractors on the
// fuzzer's bytes under chosen file names, exactly as the pipeline would.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "extract/registry.h"

namespace modelprov::fuzz {

class MemoryAccess final : public RandomAccess {
 public:
  explicit MemoryAccess(std::string_view data) : data_(data) {}
  uint64_t size() const override { return data_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    if (offset >= data_.size()) return size_t{0};
    size_t count = std::min<uint64_t>(n, data_.size() - offset);
    std::copy_n(data_.data() + offset, count, buf);
    return count;
  }

 private:
  std::string_view data_;
};

// Touches every field so the sanitizers see reads of whatever was produced.
class DiscardSink final : public ReferenceSink {
 public:
  void OnReference(ModelReference ref) override { bytes += ref.text.size() + ref.location.path.size(); }
  void OnError(ScanError error) override { bytes += error.path.size() + error.message.size(); }
  size_t bytes = 0;
};

inline const ExtractorList& Extractors() {
  static const ExtractorList list = DefaultExtractors();
  return list;
}

inline std::string_view BaseNameOf(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

inline void RunOne(const Extractor& ex, std::string_view path, std::string_view data, ReferenceSink& sink) {
  ExtractInput in;
  in.path = path;
  in.name = BaseNameOf(path);
  in.size = data.size();
  MemoryAccess access(data);
  if (ex.input() == Extractor::Input::kRandomAccess) {
    in.blob = &access;
  } else {
    in.text = data;
  }
  ex.Extract(in, sink);
}

// Runs the extractors the pipeline would choose for `path` (by glob, else by
// magic) on `data`.
inline void RunSelected(std::string_view path, std::string_view data) {
  static const ExtractorSelector selector(Extractors());
  std::vector<const Extractor*> chosen = selector.ForPath(path);
  if (chosen.empty()) chosen = selector.ForMagic(data.substr(0, 64));
  DiscardSink sink;
  for (const Extractor* ex : chosen) RunOne(*ex, path, data, sink);
}

// Runs every extractor on `data` as `path`, whether or not it claims the name.
inline void RunAll(std::string_view path, std::string_view data) {
  DiscardSink sink;
  for (const auto& ex : Extractors()) RunOne(*ex, path, data, sink);
}

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace modelprov::fuzz
