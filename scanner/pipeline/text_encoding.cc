#include "pipeline/text_encoding.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/text.h"

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

bool HasUtf16Bom(std::string_view head) {
  return head.size() >= 2 && ((head[0] == '\xff' && head[1] == '\xfe') || (head[0] == '\xfe' && head[1] == '\xff'));
}

bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kBinarySniffBytes);
  return head.find('\0') != std::string_view::npos && !HasUtf16Bom(head);
}

bool IsNeverTextName(std::string_view path) {
  std::string_view name = BaseName(path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext = ToLower(name.substr(dot + 1));
  static const std::array<std::string_view, 44> kBinary = {
      "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "pdf", "woff", "woff2", "ttf",
      "otf", "eot", "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm", "so", "dll", "dylib",
      "exe", "o", "a", "obj", "class", "pyc", "pyo", "wasm", "safetensors", "gguf", "pt", "pth", "onnx", "npy"};
  return std::find(kBinary.begin(), kBinary.end(), ext) != kBinary.end();
}

}  // namespace modelprov
