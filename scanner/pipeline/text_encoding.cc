#include "pipeline/text_encoding.h"

#include <cstdint>

namespace modelprov {
namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr uint32_t kReplacement = 0xFFFD;

}  // namespace

std::optional<std::string> DecodeUtf16WithBom(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
  bool little;
  if (b0 == 0xFF && b1 == 0xFE) {
    little = true;
  } else if (b0 == 0xFE && b1 == 0xFF) {
    little = false;
  } else {
    return std::nullopt;
  }
  auto unit = [&](size_t i) -> uint32_t {
    auto lo = static_cast<unsigned char>(bytes[i]), hi = static_cast<unsigned char>(bytes[i + 1]);
    return little ? (uint32_t{hi} << 8 | lo) : (uint32_t{lo} << 8 | hi);
  };
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);  // mostly ASCII: about half the bytes
  size_t i = 2;
  while (i + 1 < bytes.size()) {
    uint32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {  // high surrogate: needs a low one next
      if (i + 1 < bytes.size()) {
        uint32_t next = unit(i);
        if (next >= 0xDC00 && next <= 0xDFFF) {
          i += 2;
          AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00));
          continue;
        }
      }
      AppendUtf8(out, kReplacement);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {  // low surrogate without a high one
      AppendUtf8(out, kReplacement);
    } else {
      AppendUtf8(out, u);
    }
  }
  if (i < bytes.size()) AppendUtf8(out, kReplacement);  // odd trailing byte
  return out;
}

}  // namespace modelprov
