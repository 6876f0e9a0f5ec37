#include "extract/gguf_header.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <type_traits>

namespace modelprov {
namespace {

enum GgufType : uint32_t {
  kU8 = 0, kI8 = 1, kU16 = 2, kI16 = 3, kU32 = 4, kI32 = 5, kF32 = 6, kBool = 7,
  kString = 8, kArray = 9, kU64 = 10, kI64 = 11, kF64 = 12,
};

// Size of a fixed-size element type; 0 for strings and arrays; -1 if unknown.
int FixedSize(uint32_t type) {
  switch (type) {
    case kU8: case kI8: case kBool: return 1;
    case kU16: case kI16: return 2;
    case kU32: case kI32: case kF32: return 4;
    case kU64: case kI64: case kF64: return 8;
    case kString: case kArray: return 0;
    default: return -1;
  }
}

bool Kept(std::string_view key) {
  return key.rfind("general.", 0) == 0 || key == "tokenizer.ggml.model" || key == "tokenizer.ggml.pre";
}

// Sequential reader over RandomAccess with a small window, a position that can
// jump forward without reading, and a budget on bytes read.
class Cursor {
 public:
  Cursor(RandomAccess& file, const GgufLimits& limits) : file_(file), limits_(limits), size_(file.size()) {}

  uint64_t pos() const { return pos_; }
  uint64_t remaining() const { return pos_ <= size_ ? size_ - pos_ : 0; }
  uint64_t bytes_read() const { return bytes_read_; }
  bool swap = false;

  Status Bytes(char* out, size_t n) {
    if (n > remaining()) return Fail("truncated: needs " + std::to_string(n) + " more bytes");
    while (n > 0) {
      if (pos_ < win_start_ || pos_ >= win_start_ + window_.size()) {
        Status st = Fill();
        if (!st) return st;
      }
      size_t off = static_cast<size_t>(pos_ - win_start_);
      size_t take = std::min(n, window_.size() - off);
      std::memcpy(out, window_.data() + off, take);
      out += take;
      n -= take;
      pos_ += take;
    }
    return Ok{};
  }

  template <typename T>
  Result<T> Scalar() {
    char raw[sizeof(T)];
    Status st = Bytes(raw, sizeof raw);
    if (!st) return st.error();
    if (swap) std::reverse(raw, raw + sizeof raw);
    T v;
    std::memcpy(&v, raw, sizeof v);  // GGUF is little-endian by default, like every host we build for
    return v;
  }

  Status Skip(uint64_t n) {
    if (n > remaining()) return Fail("truncated: a value runs " + std::to_string(n - remaining()) + " bytes past the end");
    pos_ += n;
    return Ok{};
  }

  Error Fail(const std::string& what) const {
    return MakeError("GGUF header " + what + " (at byte " + std::to_string(pos_) + ")");
  }

 private:
  Status Fill() {
    uint64_t budget = limits_.max_header_bytes > bytes_read_ ? limits_.max_header_bytes - bytes_read_ : 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>({kWindow, remaining(), budget}));
    if (want == 0) {
      return Fail("is larger than the " + std::to_string(limits_.max_header_bytes >> 20) +
                  " MiB read limit; metadata after this point was not read");
    }
    window_.resize(want);
    auto got = file_.ReadAt(pos_, window_.data(), want);
    if (!got) return got.error();
    window_.resize(*got);
    win_start_ = pos_;
    bytes_read_ += *got;
    if (*got == 0) return Fail("truncated: the file ended early");
    return Ok{};
  }

  static constexpr uint64_t kWindow = 64 << 10;
  RandomAccess& file_;
  const GgufLimits& limits_;
  uint64_t size_;
  uint64_t pos_ = 0;
  uint64_t win_start_ = 0;
  std::string window_;
  uint64_t bytes_read_ = 0;
};

class Parser {
 public:
  Parser(RandomAccess& file, const GgufLimits& limits) : c_(file, limits), limits_(limits) {}

  Result<GgufHeader> Run() {
    char magic[4];
    if (Status st = c_.Bytes(magic, 4); !st) return st.error();
    if (std::memcmp(magic, "GGUF", 4) != 0) return c_.Fail("magic is not \"GGUF\"");
    auto version = c_.Scalar<uint32_t>();
    if (!version) return version.error();
    uint32_t v = *version;
    if (v < 1 || v > 3) {
      uint32_t swapped = __builtin_bswap32(v);
      if (swapped >= 2 && swapped <= 3) {
        c_.swap = true;  // big-endian GGUF (s390x builds)
        v = swapped;
        h_.big_endian = true;
      } else {
        return c_.Fail("version " + std::to_string(*version) + " is not 1, 2 or 3");
      }
    }
    h_.version = v;
    wide_ = v >= 2;  // v1 used 32-bit counts and string lengths
    auto tensors = Count();
    if (!tensors) return tensors.error();
    auto kvs = Count();
    if (!kvs) return kvs.error();
    h_.tensor_count = *tensors;
    h_.kv_count = *kvs;
    // Every tensor descriptor takes at least a name length, a dimension
    // count, a type and an offset; every key/value at least a key length and
    // a type. Counts the file cannot hold are hostile or corrupt.
    uint64_t min_kv = (wide_ ? 8 : 4) + 4 + 1;
    uint64_t min_tensor = (wide_ ? 8 : 4) + 4 + 4 + 8;
    if (h_.kv_count > c_.remaining() / min_kv) {
      return c_.Fail("metadata count " + std::to_string(h_.kv_count) + " cannot fit in a " +
                     std::to_string(c_.remaining() + c_.pos()) + "-byte file");
    }
    if (h_.tensor_count > c_.remaining() / min_tensor) {
      return c_.Fail("tensor count " + std::to_string(h_.tensor_count) + " cannot fit in the file");
    }
    for (uint64_t i = 0; i < h_.kv_count; ++i) {
      Status st = KeyValue();
      if (!st) return st.error();
    }
    h_.bytes_read = c_.bytes_read();
    return std::move(h_);
  }

 private:
  Result<uint64_t> Count() {
    if (wide_) return c_.Scalar<uint64_t>();
    auto n = c_.Scalar<uint32_t>();
    if (!n) return n.error();
    return static_cast<uint64_t>(*n);
  }

  Result<std::string> String(bool keep) {
    auto len = Count();
    if (!len) return len.error();
    if (*len > c_.remaining()) {
      return c_.Fail("string length " + std::to_string(*len) + " runs past the end of the file");
    }
    if (!keep) {
      Status st = c_.Skip(*len);
      if (!st) return st.error();
      return std::string();
    }
    if (*len > limits_.max_string_bytes) {
      return c_.Fail("string of " + std::to_string(*len) + " bytes is over the " +
                     std::to_string(limits_.max_string_bytes) + "-byte limit");
    }
    std::string s(static_cast<size_t>(*len), '\0');
    Status st = c_.Bytes(s.data(), s.size());
    if (!st) return st.error();
    return s;
  }

  Status KeyValue() {
    auto key = String(true);
    if (!key) return key.error();
    auto type = c_.Scalar<uint32_t>();
    if (!type) return type.error();
    bool keep = Kept(*key);
    if (*type == kArray) {
      auto count = ArrayValue(0);
      if (!count) return count.error();
      if (*key == "tokenizer.ggml.tokens") h_.vocab_size = *count;
      return Ok{};
    }
    auto text = Scalar(*type, keep);
    if (!text) return text.error();
    if (keep) h_.values.emplace_back(*key, std::move(*text));
    return Ok{};
  }

  // Reads one non-array value; returns it rendered as text when `keep`.
  Result<std::string> Scalar(uint32_t type, bool keep) {
    switch (type) {
      case kString: return String(keep);
      case kU8: return Render(c_.Scalar<uint8_t>());
      case kI8: return Render(c_.Scalar<int8_t>());
      case kU16: return Render(c_.Scalar<uint16_t>());
      case kI16: return Render(c_.Scalar<int16_t>());
      case kU32: return Render(c_.Scalar<uint32_t>());
      case kI32: return Render(c_.Scalar<int32_t>());
      case kU64: return Render(c_.Scalar<uint64_t>());
      case kI64: return Render(c_.Scalar<int64_t>());
      case kBool: {
        auto b = c_.Scalar<uint8_t>();
        if (!b) return b.error();
        return std::string(*b ? "true" : "false");
      }
      case kF32: return Render(c_.Scalar<float>());
      case kF64: return Render(c_.Scalar<double>());
      default: return c_.Fail("unknown value type " + std::to_string(type));
    }
  }

  template <typename T>
  static Result<std::string> Render(Result<T> v) {
    if (!v) return v.error();
    if constexpr (std::is_floating_point_v<T>) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", static_cast<double>(*v));
      return std::string(buf);
    } else {
      return std::to_string(*v);
    }
  }

  // Skips an array (its type code already read); returns its element count.
  Result<uint64_t> ArrayValue(int depth) {
    if (depth >= limits_.max_array_depth) return c_.Fail("arrays nested deeper than " + std::to_string(limits_.max_array_depth));
    auto elem = c_.Scalar<uint32_t>();
    if (!elem) return elem.error();
    auto count = Count();
    if (!count) return count.error();
    int fixed = FixedSize(*elem);
    if (fixed < 0) return c_.Fail("unknown array element type " + std::to_string(*elem));
    // Smallest possible element: its fixed size, a string's length prefix, or
    // an empty array's type + count.
    uint64_t min_size = fixed > 0 ? fixed : *elem == kString ? (wide_ ? 8 : 4) : (wide_ ? 12 : 8);
    if (*count > c_.remaining() / min_size) {
      return c_.Fail("array of " + std::to_string(*count) + " elements cannot fit in the file");
    }
    if (fixed > 0) {
      Status st = c_.Skip(*count * static_cast<uint64_t>(fixed));
      if (!st) return st.error();
      return *count;
    }
    for (uint64_t i = 0; i < *count; ++i) {
      if (*elem == kString) {
        auto s = String(false);
        if (!s) return s.error();
      } else {
        auto inner = ArrayValue(depth + 1);
        if (!inner) return inner.error();
      }
    }
    return *count;
  }

  Cursor c_;
  const GgufLimits& limits_;
  GgufHeader h_;
  bool wide_ = true;
};

}  // namespace

std::string GgufHeader::Get(std::string_view key) const {
  for (const auto& [k, v] : values) {
    if (k == key) return v;
  }
  return {};
}

bool LooksLikeGguf(std::string_view head) { return head.size() >= 8 && head.substr(0, 4) == "GGUF"; }

Result<GgufHeader> GgufHeaderReader::Read() {
  Parser p(file_, limits_);
  return p.Run();
}

}  // namespace modelprov
