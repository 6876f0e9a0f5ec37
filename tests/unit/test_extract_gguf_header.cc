#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

#include "extract/gguf_header.h"
#include "support/extract_harness.h"
#include "support/weights_builder.h"

using modelprov::GgufHeader;
using modelprov::GgufHeaderReader;
using modelprov::GgufLimits;
using modelprov::RandomAccess;
using modelprov::Result;
using modelprov::testing::GgufBuilder;
using modelprov::testing::MemoryFile;

namespace {

GgufBuilder Typical(uint32_t version) {
  GgufBuilder b(version, 2);
  b.Str("general.architecture", "qwen2")
      .Str("general.name", "Qwen2.5 7B Instruct")
      .Str("general.license", "apache-2.0")
      .U32("general.base_model.count", 1)
      .Str("general.base_model.0.name", "Qwen2.5 7B")
      .Str("general.base_model.0.organization", "Qwen")
      .Str("general.base_model.0.repo_url", "https://huggingface.co/Qwen/Qwen2.5-7B")
      .U32("qwen2.context_length", 32768)
      .F32("qwen2.rope.freq_base", 1000000.0f)
      .Bool("tokenizer.ggml.add_bos_token", false)
      .NestedArray("general.tags.nested")
      .Str("tokenizer.ggml.model", "gpt2")
      .StrArray("tokenizer.ggml.tokens", 300)
      .F32Array("tokenizer.ggml.scores", 300)
      .Str("general.quantized_by", "bartowski");
  return b;
}

Result<GgufHeader> ReadBytes(const std::string& bytes, GgufLimits limits = {}) {
  MemoryFile f(bytes);
  return GgufHeaderReader(f, limits).Read();
}

}  // namespace

TEST_CASE("GGUF v1, v2 and v3 headers give the same metadata", "[extract][gguf]") {
  for (uint32_t version : {1u, 2u, 3u}) {
    INFO("version " << version);
    auto h = ReadBytes(Typical(version).Build());
    REQUIRE(h.ok());
    CHECK(h->version == version);
    CHECK(h->tensor_count == 2);
    CHECK(h->kv_count == 15);
    CHECK(h->Get("general.name") == "Qwen2.5 7B Instruct");
    CHECK(h->Get("general.architecture") == "qwen2");
    CHECK(h->Get("general.base_model.count") == "1");
    CHECK(h->Get("general.base_model.0.repo_url") == "https://huggingface.co/Qwen/Qwen2.5-7B");
    CHECK(h->Get("general.quantized_by") == "bartowski");  // after the skipped arrays
    CHECK(h->Get("tokenizer.ggml.model") == "gpt2");
    CHECK(h->Get("qwen2.context_length").empty());  // not kept: not general.*
    REQUIRE(h->vocab_size.has_value());
    CHECK(*h->vocab_size == 300);
  }
}

TEST_CASE("GGUF big-endian files are read with swapped byte order", "[extract][gguf]") {
  std::string be = "GGUF";
  auto put = [&](uint64_t v, int n) {
    for (int i = n - 1; i >= 0; --i) be += static_cast<char>((v >> (8 * i)) & 0xff);
  };
  put(3, 4);
  put(0, 8);
  put(1, 8);
  put(12, 8);
  be += "general.name";
  put(8, 4);
  put(4, 8);
  be += "Tiny";
  auto h = ReadBytes(be);
  REQUIRE(h.ok());
  CHECK(h->big_endian);
  CHECK(h->Get("general.name") == "Tiny");
}

TEST_CASE("every truncation of a GGUF header is an error, never a crash", "[extract][gguf]") {
  std::string full = Typical(3).Build();
  for (size_t len = 0; len < full.size(); ++len) {
    auto h = ReadBytes(full.substr(0, len));
    INFO("length " << len);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.rfind("GGUF header", 0) == 0);
  }
  CHECK(ReadBytes(full).ok());
}

TEST_CASE("hostile GGUF counts and lengths are refused before allocating", "[extract][gguf]") {
  SECTION("bad magic and version") {
    CHECK(ReadBytes("GGML\x03\0\0\0" + std::string(16, '\0')).error().message.find("magic") != std::string::npos);
    std::string v9 = GgufBuilder(3).Build();
    v9[4] = 9;
    CHECK(ReadBytes(v9).error().message.find("version 9") != std::string::npos);
  }
  SECTION("metadata count larger than the file") {
    auto h = ReadBytes(GgufBuilder(3).Str("general.name", "x").OverrideKvCount(1ull << 60).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("metadata count 1152921504606846976 cannot fit") != std::string::npos);
  }
  SECTION("tensor count larger than the file") {
    auto h = ReadBytes(GgufBuilder(3, 1ull << 50).Str("general.name", "x").Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("tensor count") != std::string::npos);
  }
  SECTION("string length near 2^64") {
    std::string raw;
    GgufBuilder::Le(raw, 12, 8);
    raw += "general.name";
    GgufBuilder::Le(raw, 8, 4);
    GgufBuilder::Le(raw, ~0ull - 3, 8);
    raw += "abcd";
    auto h = ReadBytes(GgufBuilder(3).Raw(raw).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("runs past the end") != std::string::npos);
  }
  SECTION("kept string over the 64 KiB limit") {
    auto h = ReadBytes(GgufBuilder(3).Str("general.name", std::string(70000, 'a')).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("over the 65536-byte limit") != std::string::npos);
  }
  SECTION("a long value that is not kept is skipped, not refused") {
    auto h = ReadBytes(GgufBuilder(3).Str("tokenizer.chat_template", std::string(70000, 'a')).Str("general.name", "ok").Build());
    REQUIRE(h.ok());
    CHECK(h->Get("general.name") == "ok");
  }
  SECTION("array count larger than the file") {
    std::string raw;
    GgufBuilder::Le(raw, 5, 8);
    raw += "toks!";
    GgufBuilder::Le(raw, GgufBuilder::kArray, 4);
    GgufBuilder::Le(raw, GgufBuilder::kString, 4);
    GgufBuilder::Le(raw, 1ull << 40, 8);
    auto h = ReadBytes(GgufBuilder(3).Raw(raw + std::string(64, '\0')).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("array of 1099511627776 elements cannot fit") != std::string::npos);
  }
  SECTION("unknown value type") {
    std::string raw;
    GgufBuilder::Le(raw, 1, 8);
    raw += "k";
    GgufBuilder::Le(raw, 99, 4);
    auto h = ReadBytes(GgufBuilder(3).Raw(raw + std::string(16, '\0')).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("unknown value type 99") != std::string::npos);
  }
  SECTION("arrays nested too deep") {
    std::string raw;
    GgufBuilder::Le(raw, 1, 8);
    raw += "k";
    GgufBuilder::Le(raw, GgufBuilder::kArray, 4);
    for (int i = 0; i < 10; ++i) {
      GgufBuilder::Le(raw, GgufBuilder::kArray, 4);
      GgufBuilder::Le(raw, 1, 8);
    }
    auto h = ReadBytes(GgufBuilder(3).Raw(raw + std::string(64, '\0')).Build());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("nested deeper") != std::string::npos);
  }
  SECTION("header larger than the read budget") {
    GgufLimits small;
    small.max_header_bytes = 4096;
    auto h = ReadBytes(GgufBuilder(3).StrArray("tokenizer.ggml.tokens", 5000).Str("general.name", "x").Build(), small);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("read limit") != std::string::npos);
  }
}

TEST_CASE("a 2 GB GGUF costs a few reads near the start of the file", "[extract][gguf]") {
  std::string header = Typical(3).Build();
  MemoryFile f(header, 2ull << 30);
  auto h = GgufHeaderReader(f).Read();
  REQUIRE(h.ok());
  CHECK(h->Get("general.name") == "Qwen2.5 7B Instruct");
  CHECK(f.reads <= 2);
  CHECK(f.max_end <= header.size() + (64u << 10));
  CHECK(h->bytes_read == f.bytes);
  CHECK(f.bytes < (128u << 10));
}
