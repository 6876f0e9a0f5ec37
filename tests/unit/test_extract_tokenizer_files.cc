#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "extract/extractors.h"
#include "extract/vocabulary_hash.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

TEST_CASE("tokenizer_config.json: class and special tokens", "[tokenizer]") {
  auto ex = MakeTokenizerFilesExtractor();
  auto out = RunExtractor(*ex, "ckpt/tokenizer_config.json", R"({
    "tokenizer_class": "Qwen2Tokenizer",
    "eos_token": "<|im_end|>",
    "bos_token": null,
    "added_tokens_decoder": {"151643": {"content": "<|endoftext|>"}, "151644": {"content": "<|im_start|>"}}
  })");
  REQUIRE(out.refs.size() == 1);
  const ModelReference& r = out.refs[0];
  CHECK(r.kind == ReferenceKind::kModelConfig);
  CHECK(r.text == "Qwen2Tokenizer");
  CHECK(FactValue(r.FactPairs(), "special_tokens") == "<|endoftext|>\n<|im_end|>\n<|im_start|>");
  CHECK(FactValue(r.FactPairs(), "tokenizer") == "tokenizer_config.json");
}

TEST_CASE("tokenizer_config.json: a chat template's turn markers are special tokens", "[tokenizer]") {
  auto ex = MakeTokenizerFilesExtractor();
  auto out = RunExtractor(*ex, "ckpt/tokenizer_config.json", R"({
    "chat_template": "{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>' }}{% endfor %}"
  })");
  REQUIRE(out.refs.size() == 1);
  CHECK(FactValue(out.refs[0].FactPairs(), "chat_template_markers") == "<|im_end|>\n<|im_start|>");
  CHECK(FactValue(out.refs[0].FactPairs(), "special_tokens") == "<|im_end|>\n<|im_start|>");
  auto named = RunExtractor(*ex, "t/tokenizer_config.json", R"({"chat_template": [
    {"name": "default", "template": "[INST] {{ m }} [/INST]"},
    {"name": "tool_use", "template": "<\uff5cAssistant\uff5c>{{ x }}"}]})");
  REQUIRE(named.refs.size() == 1);
  CHECK(FactValue(named.refs[0].FactPairs(), "chat_template_markers") == "<\xef\xbd\x9c" "Assistant\xef\xbd\x9c>\n[/INST]\n[INST]");
  auto none = RunExtractor(*ex, "t/tokenizer_config.json", R"({"chat_template": "{{ '<|' + x + '|>' }} plain"})");
  CHECK(none.refs.empty());
}

TEST_CASE("tokenizer.json: vocabulary counted and hashed without a DOM", "[tokenizer]") {
  auto ex = MakeTokenizerFilesExtractor();
  std::string a = R"({"added_tokens": [{"id": 3, "content": "<|eot_id|>", "special": true}],
    "model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2}, "merges": ["a b"]}})";
  std::string b = R"({"model": {"vocab": {"ab": 2, "b": 1, "a": 0}, "type": "BPE"},
    "added_tokens": [{"content": "<|eot_id|>"}]})";
  auto x = RunExtractor(*ex, "tokenizer.json", a);
  auto y = RunExtractor(*ex, "tokenizer.json", b);
  REQUIRE(x.refs.size() == 1);
  REQUIRE(y.refs.size() == 1);
  CHECK(FactValue(x.refs[0].FactPairs(), "tokenizer_vocab_size") == "3");
  CHECK(FactValue(x.refs[0].FactPairs(), "special_tokens") == "<|eot_id|>");
  CHECK(x.refs[0].text == "BPE");
  CHECK(FactValue(x.refs[0].FactPairs(), "vocab_hash") == FactValue(y.refs[0].FactPairs(), "vocab_hash"));  // order does not matter
  VocabularyHash h;
  h.Add("a", "0");
  h.Add("b", "1");
  h.Add("ab", "2");
  CHECK(FactValue(x.refs[0].FactPairs(), "vocab_hash") == h.Hex());
  auto unigram = RunExtractor(*ex, "tokenizer.json", R"({"model": {"type": "Unigram", "vocab": [["<unk>", 0.0], ["x", -1.5]]}})");
  CHECK(FactValue(unigram.refs.at(0).FactPairs(), "tokenizer_vocab_size") == "2");
  auto bad = RunExtractor(*ex, "tokenizer.json", R"({"model": {"vocab": {"a": )");
  CHECK(bad.refs.empty());
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].message.rfind("invalid JSON near byte", 0) == 0);
  auto deep = RunExtractor(*ex, "tokenizer.json", std::string(100000, '[') + std::string(100000, ']'));
  REQUIRE(deep.errors.size() == 1);
  CHECK(deep.errors[0].message == "JSON nested deeper than 64 levels; not parsed");
}

TEST_CASE("a renamed checkpoint resolves by its tokenizer", "[tokenizer][resolver]") {
  auto catalog = Catalog::Builtin();
  REQUIRE(catalog.ok());
  Resolver resolver(*catalog);
  ModelReference ref;
  ref.kind = ReferenceKind::kModelConfig;
  ref.text = "PreTrainedTokenizerFast";
  ref.location.path = "models/assistant-v2/tokenizer_config.json";
  SetFactsFromPairs(ref, {{"tokenizer", "tokenizer_config.json"},
               {"special_tokens", "<|begin_of_text|>\n<|end_header_id|>\n<|end_of_text|>\n<|eot_id|>\n<|start_header_id|>"}});
  auto r = resolver.Resolve(ref);
  REQUIRE(r);
  REQUIRE(r->resolution);
  CHECK(r->resolution->model == "local:models/assistant-v2");
  CHECK(r->resolution->family == "llama");
  CHECK(r->resolution->match.rfind("tokenizer special_tokens=", 0) == 0);
  SetFactsFromPairs(ref, {{"tokenizer", "tokenizer_config.json"}, {"special_tokens", "<s>\n</s>"}});
  auto none = resolver.Resolve(ref);
  REQUIRE(none);  // definite evidence of a model folder, family unknown
  CHECK_FALSE(none->resolution);
}
