// SentencePiece tokenizer.model files, built byte by byte in protobuf wire format.
#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "extract/vocabulary_hash.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

namespace {

void Varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void Bytes(std::string& out, uint32_t field, const std::string& value) {
  Varint(out, (field << 3) | 2);
  Varint(out, value.size());
  out += value;
}

std::string Piece(const std::string& text, uint32_t type) {
  std::string p;
  Bytes(p, 1, text);
  p += '\x15';  // field 2, fixed32 score
  p.append("\0\0\x80\xbf", 4);
  if (type != 1) {
    Varint(p, (3 << 3) | 0);
    Varint(p, type);
  }
  return p;
}

std::string Model(const std::vector<std::pair<std::string, uint32_t>>& pieces) {
  std::string m;
  for (const auto& [text, type] : pieces) Bytes(m, 1, Piece(text, type));
  Bytes(m, 2, std::string("\x0a\x03" "bpe", 5));  // trainer_spec, skipped
  return m;
}

}  // namespace

TEST_CASE("tokenizer.model: vocabulary size, hash and control pieces", "[tokenizer][sentencepiece]") {
  auto ex = MakeSentencePieceExtractor();
  std::string model = Model({{"<unk>", 2}, {"<s>", 3}, {"</s>", 3}, {"<start_of_turn>", 4}, {"\xe2\x96\x81the", 1}, {"a", 1}});
  auto out = RunExtractor(*ex, "ckpt/tokenizer.model", model);
  REQUIRE(out.errors.empty());
  REQUIRE(out.refs.size() == 1);
  const ModelReference& r = out.refs[0];
  CHECK(r.kind == ReferenceKind::kModelConfig);
  CHECK(FactValue(r.FactPairs(), "tokenizer") == "tokenizer.model");
  CHECK(FactValue(r.FactPairs(), "tokenizer_vocab_size") == "6");
  CHECK(FactValue(r.FactPairs(), "special_tokens") == "</s>\n<s>\n<start_of_turn>");
  VocabularyHash h;
  int id = 0;
  for (const char* t : {"<unk>", "<s>", "</s>", "<start_of_turn>", "\xe2\x96\x81the", "a"}) h.Add(t, std::to_string(id++));
  CHECK(FactValue(r.FactPairs(), "vocab_hash") == h.Hex());
}

TEST_CASE("tokenizer.model: truncated and hostile bytes are an error entry", "[tokenizer][sentencepiece]") {
  auto ex = MakeSentencePieceExtractor();
  std::string model = Model({{"<s>", 3}, {"hello", 1}});
  for (size_t cut : {size_t{1}, size_t{3}, model.size() - 4}) {
    INFO(cut);
    auto out = RunExtractor(*ex, "tokenizer.model", model.substr(0, cut));
    CHECK(out.refs.empty());
    CHECK(out.errors.size() == 1);
  }
  std::string huge;
  Varint(huge, (1 << 3) | 2);
  Varint(huge, uint64_t{1} << 62);  // a length far past the end
  CHECK(RunExtractor(*ex, "tokenizer.model", huge).errors.size() == 1);
  CHECK(RunExtractor(*ex, "tokenizer.model", std::string(100, '\xff')).errors.size() == 1);
  CHECK(RunExtractor(*ex, "tokenizer.model", "").refs.empty());
}
