#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"
#include "support/weights_builder.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
const char* kLlamaHeader =
    R"({"__metadata__":{"format":"pt","model_name":"tiny-llama","license":"apache-2.0","other":"x"},)"
    R"("model.embed_tokens.weight":{"dtype":"BF16","shape":[32000,64],"data_offsets":[0,4096000]},)"
    R"("model.layers.0.self_attn.q_proj.weight":{"dtype":"BF16","shape":[64,64],"data_offsets":[0,1]},)"
    R"("model.layers.1.mlp.experts.3.down_proj.weight":{"dtype":"BF16","shape":[64,64],"data_offsets":[0,1]},)"
    R"("lm_head.weight":{"dtype":"BF16","shape":[32000,64],"data_offsets":[0,1]}})";
}

TEST_CASE("safetensors header gives metadata, architecture hints and vocabulary", "[extract][safetensors]") {
  auto ex = MakeSafetensorsExtractor();
  CollectingSink sink = RunExtractor(*ex, "m/model.safetensors", Safetensors(kLlamaHeader, 64));
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.refs.size() == 1);
  const ModelReference& r = sink.refs[0];
  CHECK(r.kind == ReferenceKind::kSafetensors);
  CHECK(r.text == "tiny-llama");
  CHECK(r.location.line == 0);
  CHECK(r.FactPairs() == Facts{{"format", "pt"},
                         {"license", "apache-2.0"},
                         {"model_name", "tiny-llama"},
                         {"tensor_count", "4"},
                         {"layers", "2"},
                         {"architecture_hints", "llama-style-decoder,moe-experts"},
                         {"vocab_size", "32000"},
                         {"hidden_size", "64"},
                         {"dtype", "BF16"}});
}

TEST_CASE("safetensors without metadata is named after its most telling tensor pattern", "[extract][safetensors]") {
  auto ex = MakeSafetensorsExtractor();
  auto sink = RunExtractor(*ex, "gpt2.safetensors",
                           Safetensors(R"({"transformer.h.0.attn.c_attn.weight":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                       R"("transformer.h.11.mlp.c_fc.weight":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})"));
  REQUIRE(sink.refs.size() == 1);
  CHECK(sink.refs[0].text == "gpt2-style-decoder");
  CHECK(FactValue(sink.refs[0].FactPairs(), "layers") == "12");
  auto plain = RunExtractor(*ex, "x.safetensors", Safetensors(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})"));
  REQUIRE(plain.refs.size() == 1);
  CHECK(plain.refs[0].text == "x.safetensors");
}

TEST_CASE("hostile and truncated safetensors headers are errors", "[extract][safetensors]") {
  auto ex = MakeSafetensorsExtractor();
  auto error_of = [&](const std::string& bytes) {
    CollectingSink sink = RunExtractor(*ex, "bad.safetensors", bytes);
    CHECK(sink.refs.empty());
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].path == "bad.safetensors");
    return sink.errors[0].message;
  };
  CHECK(error_of("abc") == "safetensors header truncated: the file is shorter than 8 bytes");
  std::string huge;
  GgufBuilder::Le(huge, 1ull << 40, 8);
  CHECK(error_of(huge + "{}") == "safetensors header length 1099511627776 is over the 100 MiB limit; not read");
  std::string past;
  GgufBuilder::Le(past, 500, 8);
  CHECK(error_of(past + "{\"a\":1}") ==
        "safetensors header length 500 runs past the end of the 15-byte file (truncated)");
  CHECK(error_of(Safetensors("[1,2,3]")) == "safetensors header is not a JSON object");
  // Parsed like every other JSON file (same budget, same messages).
  CHECK(error_of(Safetensors("{\"a\": tru")).rfind("invalid JSON at line 1: ", 0) == 0);
  CHECK(error_of(Safetensors(std::string(100, '[') + std::string(100, ']'))) ==
        "safetensors header nests deeper than 64 levels; not parsed");
  std::string full = Safetensors(kLlamaHeader);
  for (size_t len = 8; len < full.size(); len += 37) {
    INFO(len);
    error_of(full.substr(0, len));
  }
}

TEST_CASE("safetensors is claimed by extension and by its header shape", "[extract][safetensors]") {
  auto ex = MakeSafetensorsExtractor();
  CHECK(ex->input() == Extractor::Input::kRandomAccess);
  CHECK(ex->ClaimsMagic(Safetensors(R"({"__metadata__":{}})").substr(0, 64)));
  CHECK_FALSE(ex->ClaimsMagic("{\"a\": 1} is JSON text, not a safetensors file"));
  std::string huge;
  GgufBuilder::Le(huge, 1ull << 40, 8);
  CHECK_FALSE(ex->ClaimsMagic(huge + "{\"x"));
}

TEST_CASE("a shard index's weight_map is read like a header", "[extract][safetensors]") {
  auto ex = MakeSafetensorsIndexExtractor();
  std::string index = R"({
  "metadata": {"total_size": 15231233024},
  "weight_map": {
    "model.embed_tokens.weight": "model-00001-of-00002.safetensors",
    "model.layers.0.self_attn.q_proj.weight": "model-00001-of-00002.safetensors",
    "model.layers.27.self_attn.q_proj.weight": "model-00002-of-00002.safetensors"
  }
})";
  CollectingSink sink = RunExtractor(*ex, "m/model.safetensors.index.json", index);
  REQUIRE(sink.refs.size() == 1);
  const ModelReference& r = sink.refs[0];
  CHECK(r.text == "llama-style-decoder");
  CHECK(r.location.line == 3);
  CHECK(r.FactPairs() == Facts{{"total_size", "15231233024"},
                         {"tensor_count", "3"},
                         {"layers", "28"},
                         {"architecture_hints", "llama-style-decoder"},
                         {"shards", "2"}});
  CHECK(RunExtractor(*ex, "x.safetensors.index.json", R"({"weight_map": {}})").refs.empty());
  CHECK(RunExtractor(*ex, "x.safetensors.index.json", "{").errors.size() == 1);
}
