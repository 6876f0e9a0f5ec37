#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("Modelfile FROM, ADAPTER and LICENSE", "[extract][modelfile]") {
  auto e = MakeModelfileExtractor();
  std::string text =
      "# Support bot\n"
      "FROM qwen2.5:7b\n"
      "adapter ./adapters/support-lora.gguf\n"
      "PARAMETER temperature 0.2\n"
      "SYSTEM \"\"\"You are helpful.\n"
      "FROM llama3.1 is prompt text here, not an instruction\n"
      "\"\"\"\n"
      "LICENSE \"\"\"\n"
      "\n"
      "  Apache License\n"
      "  Version 2.0, January 2004\n"
      "FROM not-an-instruction-inside-the-license\n"
      "\"\"\"\n"
      "TEMPLATE {{ .Prompt }}\n"
      "FROM llama3.1\n";
  CHECK(RunExtractor(*e, "bot/Modelfile", text) ==
        std::vector<std::string>{
            "2:6 modelfile qwen2.5:7b ! directive=FROM tool=ollama",
            "3:9 modelfile ./adapters/support-lora.gguf ! directive=ADAPTER source=file",
            "10:3 modelfile Apache License ! directive=LICENSE",
            "15:6 modelfile llama3.1 ! directive=FROM tool=ollama",
        });
}

TEST_CASE("Modelfile Hub and local weight sources, inline license", "[extract][modelfile]") {
  auto e = MakeModelfileExtractor();
  CHECK(RunExtractor(*e, "Modelfile.gguf",
                     "FROM hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M\nLICENSE apache-2.0\n") ==
        std::vector<std::string>{
            "1:6 modelfile hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M ! directive=FROM source=huggingface",
            "2:9 modelfile apache-2.0 ! directive=LICENSE",
        });
  CHECK(RunExtractor(*e, "x.Modelfile", "FROM /models/qwen2.5-7b-instruct-q4_k_m.gguf\n") ==
        std::vector<std::string>{
            "1:6 modelfile /models/qwen2.5-7b-instruct-q4_k_m.gguf ! directive=FROM source=file"});
}

TEST_CASE("Modelfile negatives", "[extract][modelfile]") {
  auto e = MakeModelfileExtractor();
  CHECK(RunExtractor(*e, "Modelfile", "# FROM llama3.1\nPARAMETER stop <|im_end|>\nFROM\n\nSYSTEM hi\n").empty());
  CHECK(RunExtractor(*e, "Modelfile", "FROM is where the base model goes\n").empty());
  CHECK(RunExtractor(*e, "docs/Modelfile.md", "FROM llama3.1\n").empty());
}
