#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
// nbformat 4 as Jupyter writes it: indent 1, one source line per JSON line.
const char* kNotebook = R"nb({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "Load `model = \"Qwen/Qwen2-7B\"` here"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "!pip install -q transformers\n",
    "from transformers import AutoModelForCausalLM\n",
    "\n",
    "model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-3.1-8B\")"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": ["BAAI/bge-small-en\n"]
    }
   ],
   "source": "emb = SentenceTransformer('BAAI/bge-small-en-v1.5')"
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
})nb";
}  // namespace

TEST_CASE("notebook code cells are scanned with lines mapped into the .ipynb", "[extract][notebook]") {
  auto ex = MakeNotebookExtractor();
  CollectingSink sink = RunExtractor(*ex, "nb/demo.ipynb", kNotebook);
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.refs.size() == 2);
  CHECK(sink.refs[0].text == "meta-llama/Llama-3.1-8B");
  CHECK(sink.refs[0].location.path == "nb/demo.ipynb");
  CHECK(sink.refs[0].location.line == 19);
  CHECK(sink.refs[0].extractor == "jupyter-notebook");
  CHECK(sink.refs[1].text == "BAAI/bge-small-en-v1.5");
  CHECK(sink.refs[1].location.line == 33);
}

TEST_CASE("notebook markdown and raw cells and other magics are not scanned", "[extract][notebook]") {
  auto ex = MakeNotebookExtractor();
  std::string nb = R"({"cells": [{"cell_type": "code", "source": ["%pip install Qwen/Qwen2-7B\n", "# 'Qwen/Qwen2-7B'\n"]},
    {"cell_type": "raw", "source": ["model = 'Qwen/Qwen2-7B'"]}], "nbformat": 4})";
  CollectingSink sink = RunExtractor(*ex, "a.ipynb", nb);
  CHECK(sink.refs.empty());
  CHECK(sink.errors.empty());
}

TEST_CASE("notebook shell escapes and %%bash cells are read as shell commands", "[extract][notebook]") {
  auto ex = MakeNotebookExtractor();
  std::string nb =
      "{\"cells\": [\n"
      " {\"cell_type\": \"code\", \"source\": [\n"
      "   \"!huggingface-cli download Qwen/Qwen2-7B\\n\",\n"
      "   \"x = 1  # !ollama pull qwen2.5\\n\",\n"
      "   \"  !ollama pull llama3.1\"]},\n"
      " {\"cell_type\": \"code\", \"source\": [\n"
      "   \"%%bash\\n\",\n"
      "   \"vllm serve meta-llama/Llama-3.1-8B-Instruct --port 8000\\n\"]}\n"
      "], \"nbformat\": 4}";
  CollectingSink sink = RunExtractor(*ex, "nb/setup.ipynb", nb);
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.refs.size() == 3);
  CHECK(sink.refs[0].text == "Qwen/Qwen2-7B");
  CHECK(sink.refs[0].kind == ReferenceKind::kDeployConfig);
  CHECK(sink.refs[0].location.line == 3);
  CHECK(sink.refs[1].text == "llama3.1");
  CHECK(sink.refs[1].location.line == 5);
  CHECK(sink.refs[2].text == "meta-llama/Llama-3.1-8B-Instruct");
  CHECK(sink.refs[2].location.line == 8);
  CHECK(sink.refs[2].extractor == "jupyter-notebook");
}

TEST_CASE("a broken notebook is one error", "[extract][notebook]") {
  auto ex = MakeNotebookExtractor();
  CollectingSink sink = RunExtractor(*ex, "a.ipynb", "{\"cells\": [");
  CHECK(sink.refs.empty());
  CHECK(sink.errors.size() == 1);
  CHECK(RunExtractor(*ex, "b.ipynb", R"({"cells": "nope"})").refs.empty());
}
