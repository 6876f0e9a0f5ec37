// nlohmann::json::value(key, default) throws when the key exists with another
// type. config.json's "model_type" and a notebook cell's "cell_type" were read
// that way, so {"model_type": 5} or {"cell_type": 3} aborted the whole scan
// (an exception escaping Extract terminates the process). Found by reading
// the code while writing the fuzz seeds (tests/fuzz/corpus/fuzz_notebook/bad_cells.ipynb).
#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

TEST_CASE("config.json whose model_type is not a string", "[regression][hf-config]") {
  auto ex = MakeHfConfigExtractor();
  auto out = RunExtractor(*ex, "config.json",
                          "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": 5, \"vocab_size\": 32000}");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].text == "LlamaForCausalLM");
  CHECK(FactValue(out.refs[0].FactPairs(), "model_type").empty());
  CHECK(FactValue(out.refs[0].FactPairs(), "vocab_size") == "32000");
  CHECK(out.errors.empty());
}

TEST_CASE("notebook cells whose cell_type is not a string are skipped", "[regression][notebook]") {
  auto ex = MakeNotebookExtractor();
  auto out = RunExtractor(*ex, "nb.ipynb",
                          "{\"cells\": [1, null, {\"cell_type\": 3, \"source\": {}},\n"
                          " {\"cell_type\": [\"code\"], \"source\": \"m = pipeline(model='gpt2')\"},\n"
                          " {\"cell_type\": \"code\", \"source\": \"AutoModel.from_pretrained('Qwen/Qwen2.5-7B-Instruct')\"}]}");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].text == "Qwen/Qwen2.5-7B-Instruct");
  CHECK(out.refs[0].location.line == 3);
  CHECK(out.errors.empty());
}
