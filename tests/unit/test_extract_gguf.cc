#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"
#include "support/weights_builder.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("gguf extractor reports one reference with the header facts", "[extract][gguf]") {
  auto ex = MakeGgufExtractor();
  CHECK(ex->input() == Extractor::Input::kRandomAccess);
  std::string file = GgufBuilder(3, 291)
                         .Str("general.architecture", "llama")
                         .Str("general.name", "Meta Llama 3.1 8B Instruct")
                         .Str("general.basename", "Meta-Llama-3.1")
                         .Str("general.size_label", "8B")
                         .Str("general.finetune", "Instruct")
                         .Str("general.license", "llama3.1")
                         .U32("general.base_model.count", 2)
                         .Str("general.base_model.0.name", "Llama 3.1 8B")
                         .Str("general.base_model.0.organization", "Meta Llama")
                         .Str("general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B")
                         .Str("general.base_model.1.name", "Other")
                         .Str("general.quantized_by", "bartowski")
                         .Str("tokenizer.ggml.model", "gpt2")
                         .StrArray("tokenizer.ggml.tokens", 1000)
                         .Build();
  CollectingSink sink = RunExtractor(*ex, "models/llama.gguf", file);
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.refs.size() == 1);
  const ModelReference& ref = sink.refs[0];
  CHECK(ref.kind == ReferenceKind::kGguf);
  CHECK(ref.text == "Meta Llama 3.1 8B Instruct");
  CHECK(ref.evidence == Evidence::kDefinite);
  CHECK(ref.location.path == "models/llama.gguf");
  CHECK(ref.location.line == 0);
  CHECK(ref.FactPairs() == Facts{{"name", "Meta Llama 3.1 8B Instruct"},
                           {"basename", "Meta-Llama-3.1"},
                           {"architecture", "llama"},
                           {"size_label", "8B"},
                           {"finetune", "Instruct"},
                           {"license", "llama3.1"},
                           {"quantized_by", "bartowski"},
                           {"base_model.count", "2"},
                           {"base_model.0.name", "Llama 3.1 8B"},
                           {"base_model.0.organization", "Meta Llama"},
                           {"base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B"},
                           {"base_model.1.name", "Other"},
                           {"tokenizer_model", "gpt2"},
                           {"vocab_size", "1000"},
                           {"gguf_version", "3"},
                           {"tensor_count", "291"}});
}

TEST_CASE("gguf extractor falls back to basename, then architecture, then the file name", "[extract][gguf]") {
  auto ex = MakeGgufExtractor();
  CHECK(RunExtractor(*ex, "a.gguf", GgufBuilder(2).Str("general.basename", "tiny").Str("general.architecture", "llama").Build())
            .refs.at(0).text == "tiny");
  CHECK(RunExtractor(*ex, "a.gguf", GgufBuilder(2).Str("general.architecture", "llama").Build()).refs.at(0).text == "llama");
  CHECK(RunExtractor(*ex, "dir/a.gguf", GgufBuilder(1).Build()).refs.at(0).text == "a.gguf");
}

TEST_CASE("gguf extractor turns a bad header into one error and no reference", "[extract][gguf]") {
  auto ex = MakeGgufExtractor();
  std::string file = GgufBuilder(3).Str("general.name", "x").Build();
  CollectingSink sink = RunExtractor(*ex, "w/x.gguf", file.substr(0, file.size() - 1));
  CHECK(sink.refs.empty());
  REQUIRE(sink.errors.size() == 1);
  CHECK(sink.errors[0].path == "w/x.gguf");
  CHECK(sink.errors[0].message == "GGUF header string length 1 runs past the end of the file (at byte 56)");
}

TEST_CASE("gguf extractor claims *.gguf and GGUF magic", "[extract][gguf]") {
  auto ex = MakeGgufExtractor();
  CHECK(ex->globs() == std::vector<std::string>{"**/*.gguf"});
  CHECK(ex->uses_magic());
  CHECK(ex->ClaimsMagic(std::string_view("GGUF\x03\0\0\0", 8)));
  CHECK_FALSE(ex->ClaimsMagic("GGML...."));
  CHECK_FALSE(ex->ClaimsMagic("GGUF"));
}

TEST_CASE("gguf extractor on a sparse 2 GB file reads only the header", "[extract][gguf]") {
  auto ex = MakeGgufExtractor();
  std::string header = GgufBuilder(3, 1).Str("general.name", "Big").Build();
  CollectingSink sink;
  MemoryFile file(header, 2ull << 30);
  ExtractInput in;
  in.path = "big.gguf";
  in.name = "big.gguf";
  in.blob = &file;
  ex->Extract(in, sink);
  REQUIRE(sink.refs.size() == 1);
  CHECK(sink.refs[0].text == "Big");
  CHECK(file.bytes <= (64u << 10));
  CHECK(file.reads == 1);
}
