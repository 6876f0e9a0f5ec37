// UTF-16 text with a byte order mark is transcoded to UTF-8 before extraction.
#include <catch2/catch.hpp>

#include "pipeline/text_encoding.h"

using namespace modelprov;

namespace {
std::string Le(std::u16string_view s) {
  std::string out = "\xFF\xFE";
  for (char16_t c : s) {
    out += static_cast<char>(c & 0xFF);
    out += static_cast<char>(c >> 8);
  }
  return out;
}
std::string Be(std::u16string_view s) {
  std::string out = "\xFE\xFF";
  for (char16_t c : s) {
    out += static_cast<char>(c >> 8);
    out += static_cast<char>(c & 0xFF);
  }
  return out;
}
}  // namespace

TEST_CASE("UTF-16 LE and BE with a BOM become UTF-8 without the mark", "[pipeline][encoding]") {
  CHECK(DecodeUtf16WithBom(Le(u"transformers==4.44\r\n")) == std::optional<std::string>("transformers==4.44\r\n"));
  CHECK(DecodeUtf16WithBom(Be(u"x = \"Qwen/Qwen2.5\"\n")) == std::optional<std::string>("x = \"Qwen/Qwen2.5\"\n"));
  // two- and three-byte UTF-8, and a surrogate pair (U+1F600)
  CHECK(DecodeUtf16WithBom(Le(u"\u00e9\u4e2d\U0001F600")) == std::optional<std::string>("\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80"));
  CHECK(DecodeUtf16WithBom(Le(u"")) == std::optional<std::string>(""));
}

TEST_CASE("broken UTF-16 becomes U+FFFD, never fails", "[pipeline][encoding]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(DecodeUtf16WithBom(Le(u"a") + "\x3D\xD8") == "a" + fffd);               // high surrogate at the end
  CHECK(DecodeUtf16WithBom(Le(u"a") + "\x3D\xD8" + std::string("b\0", 2)) == "a" + fffd + "b");  // high, then no low
  CHECK(DecodeUtf16WithBom(Le(u"a") + std::string("\x00\xDC", 2)) == "a" + fffd);  // lone low surrogate
  CHECK(DecodeUtf16WithBom(Le(u"ab") + "c") == "ab" + fffd);                    // odd trailing byte
}

TEST_CASE("text without a UTF-16 byte order mark is left alone", "[pipeline][encoding]") {
  CHECK_FALSE(DecodeUtf16WithBom("plain text").has_value());
  CHECK_FALSE(DecodeUtf16WithBom("\xEF\xBB\xBFutf-8 with BOM").has_value());
  CHECK_FALSE(DecodeUtf16WithBom("\xFF").has_value());
  CHECK_FALSE(DecodeUtf16WithBom("").has_value());
}
