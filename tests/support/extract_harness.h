// Running one extractor on an in-memory file, for unit tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace modelprov::testing {

// A file in memory, optionally extended (virtually, with zeros) to
// `virtual_size` bytes; records every read.
class MemoryFile final : public RandomAccess {
 public:
  explicit MemoryFile(std::string data, uint64_t virtual_size = 0)
      : data_(std::move(data)), size_(std::max<uint64_t>(virtual_size, data_.size())) {}
  uint64_t size() const override { return size_; }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    ++reads;
    max_end = std::max(max_end, offset + n);
    if (offset >= size_) return size_t{0};
    n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset));
    for (size_t i = 0; i < n; ++i) buf[i] = offset + i < data_.size() ? data_[offset + i] : '\0';
    bytes += n;
    return n;
  }
  int reads = 0;
  uint64_t bytes = 0;
  uint64_t max_end = 0;

 private:
  std::string data_;
  uint64_t size_;
};

class CollectingSink final : public ReferenceSink {
 public:
  void OnReference(ModelReference ref) override { refs.push_back(std::move(ref)); }
  void OnError(ScanError error) override { errors.push_back(std::move(error)); }
  std::vector<ModelReference> refs;
  std::vector<ScanError> errors;
};

// What one extractor run reported.
using Extracted = CollectingSink;

// Runs `ex` on a file at `path` with `content`, the way the pipeline would.
inline CollectingSink RunExtractor(const Extractor& ex, const std::string& path, const std::string& content,
                                   uint64_t virtual_size = 0) {
  CollectingSink sink;
  MemoryFile file(content, virtual_size);
  ExtractInput in;
  in.path = path;
  size_t slash = path.rfind('/');
  in.name = slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
  in.size = file.size();
  if (ex.input() == Extractor::Input::kRandomAccess) {
    in.blob = &file;
  } else {
    in.text = content;
  }
  ex.Extract(in, sink);
  return sink;
}

}  // namespace modelprov::testing
