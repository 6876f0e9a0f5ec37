// GgufHeaderReader: reads the metadata header of a GGUF weight file (llama.cpp's
// container) without touching the tensors.
//
// A GGUF file is: "GGUF", a version (1-3), a tensor count, a metadata
// key/value count, the key/values, then tensor descriptors and the tensor
// data. Everything a provenance scan needs (name, architecture, license, base
// models, tokenizer) is in the key/values, so reading stops after them.
//
// The reader is written for hostile input: every count and length is checked
// against the bytes the file can still hold before it is used, strings that
// are kept are capped, arrays that are not needed are skipped by seeking
// (fixed-size elements) or by walking their length prefixes (strings), and
// the total number of bytes read is capped. Nothing is allocated from a count
// read in the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "extract/extractor.h"

namespace modelprov {

struct GgufLimits {
  uint64_t max_header_bytes = 16ull << 20;  // total bytes read from the file
  uint64_t max_string_bytes = 64ull << 10;  // a key, or a value that is kept
  int max_array_depth = 4;                  // arrays of arrays of ...
};

struct GgufHeader {
  uint32_t version = 0;
  bool big_endian = false;
  uint64_t tensor_count = 0;
  uint64_t kv_count = 0;
  // Scalar values of the keys worth keeping ("general.*", "tokenizer.ggml.model",
  // "tokenizer.ggml.pre"), rendered as text, in file order.
  std::vector<std::pair<std::string, std::string>> values;
  // Element count of tokenizer.ggml.tokens: the vocabulary size.
  std::optional<uint64_t> vocab_size;
  // Bytes actually read from the file.
  uint64_t bytes_read = 0;

  // Value of `key`, or empty.
  std::string Get(std::string_view key) const;
};

// True when `head` (the first bytes of a file) starts a GGUF file.
bool LooksLikeGguf(std::string_view head);

class GgufHeaderReader {
 public:
  explicit GgufHeaderReader(RandomAccess& file, GgufLimits limits = {}) : file_(file), limits_(limits) {}
  // Reads the header. An error says what was wrong and at which byte offset.
  Result<GgufHeader> Read();

 private:
  RandomAccess& file_;
  GgufLimits limits_;
};

}  // namespace modelprov
