// Builds small weight-file fixtures byte by byte (GGUF, safetensors), for unit
// and end-to-end tests. Header-only so both test binaries can use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace modelprov::testing {

// GGUF writer. `version` 1 writes 32-bit counts and lengths, 2 and 3 64-bit.
class GgufBuilder {
 public:
  enum Type : uint32_t {
    kU8 = 0, kI8 = 1, kU16 = 2, kI16 = 3, kU32 = 4, kI32 = 5, kF32 = 6, kBool = 7,
    kString = 8, kArray = 9, kU64 = 10, kI64 = 11, kF64 = 12,
  };

  explicit GgufBuilder(uint32_t version = 3, uint64_t tensors = 0) : version_(version), tensors_(tensors) {}

  GgufBuilder& Str(std::string_view key, std::string_view value) {
    Key(key, kString);
    String(body_, value);
    ++kvs_;
    return *this;
  }
  GgufBuilder& U32(std::string_view key, uint32_t v) {
    Key(key, kU32);
    Le(body_, v, 4);
    ++kvs_;
    return *this;
  }
  GgufBuilder& U64(std::string_view key, uint64_t v) {
    Key(key, kU64);
    Le(body_, v, 8);
    ++kvs_;
    return *this;
  }
  GgufBuilder& F32(std::string_view key, float f) {
    Key(key, kF32);
    uint32_t bits;
    static_assert(sizeof bits == sizeof f);
    __builtin_memcpy(&bits, &f, 4);
    Le(body_, bits, 4);
    ++kvs_;
    return *this;
  }
  GgufBuilder& Bool(std::string_view key, bool v) {
    Key(key, kBool);
    body_ += static_cast<char>(v ? 1 : 0);
    ++kvs_;
    return *this;
  }
  // An array of `n` strings "t0", "t1", ...
  GgufBuilder& StrArray(std::string_view key, uint64_t n) {
    Key(key, kArray);
    Le(body_, kString, 4);
    Count(body_, n);
    for (uint64_t i = 0; i < n; ++i) String(body_, "t" + std::to_string(i));
    ++kvs_;
    return *this;
  }
  // An array of `n` float32 zeros.
  GgufBuilder& F32Array(std::string_view key, uint64_t n) {
    Key(key, kArray);
    Le(body_, kF32, 4);
    Count(body_, n);
    body_.append(n * 4, '\0');
    ++kvs_;
    return *this;
  }
  // An array of 2 arrays of 3 int32 each.
  GgufBuilder& NestedArray(std::string_view key) {
    Key(key, kArray);
    Le(body_, kArray, 4);
    Count(body_, 2);
    for (int i = 0; i < 2; ++i) {
      Le(body_, kI32, 4);
      Count(body_, 3);
      body_.append(12, '\x01');
    }
    ++kvs_;
    return *this;
  }
  // Raw bytes appended to the key/value area (for hostile fixtures); `kvs`
  // is how many key/values they count as.
  GgufBuilder& Raw(std::string_view bytes, uint64_t kvs = 1) {
    body_ += bytes;
    kvs_ += kvs;
    return *this;
  }
  GgufBuilder& OverrideKvCount(uint64_t n) {
    kv_override_ = n;
    has_override_ = true;
    return *this;
  }

  std::string Build() const {
    std::string out = "GGUF";
    Le(out, version_, 4);
    Count(out, tensors_);
    Count(out, has_override_ ? kv_override_ : kvs_);
    out += body_;
    return out;
  }

  // Little-endian helpers, public for hostile fixtures.
  static void Le(std::string& out, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  void Count(std::string& out, uint64_t n) const { Le(out, n, version_ == 1 ? 4 : 8); }
  void String(std::string& out, std::string_view s) const {
    Count(out, s.size());
    out += s;
  }

 private:
  void Key(std::string_view key, uint32_t type) {
    String(body_, key);
    Le(body_, type, 4);
  }

  uint32_t version_;
  uint64_t tensors_;
  uint64_t kvs_ = 0;
  uint64_t kv_override_ = 0;
  bool has_override_ = false;
  std::string body_;
};

// A safetensors file: 8-byte little-endian length, then `header_json`, then
// `data_bytes` zero bytes of tensor data.
inline std::string Safetensors(std::string_view header_json, size_t data_bytes = 0) {
  std::string out;
  GgufBuilder::Le(out, header_json.size(), 8);
  out += header_json;
  out.append(data_bytes, '\0');
  return out;
}

}  // namespace modelprov::testing
