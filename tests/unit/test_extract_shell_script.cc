#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("shell scripts: settings, commands, URLs", "[extract][shell]") {
  auto e = MakeShellScriptExtractor();
  std::string text =
      "#!/usr/bin/env bash\n"
      "export MODEL_ID=Qwen/Qwen2.5-7B-Instruct\n"
      "MODEL=\"qwen2.5:7b\"\n"
      "export DEEPSEEK_API_KEY=\"${DEEPSEEK_API_KEY:?}\"\n"
      "ollama pull \"$MODEL\"\n"
      "vllm serve \\\n"
      "  deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 8000\n"
      "# docs: https://huggingface.co/Qwen/Qwen2.5-7B-Instruct\n";
  CHECK(RunExtractor(*e, "scripts/serve.sh", text) ==
        std::vector<std::string>{
            "2:17 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ key=MODEL_ID",
            "3:8 api-model qwen2.5:7b ~ key=MODEL",
            "4:8 deploy-config DEEPSEEK_API_KEY ? env_var=DEEPSEEK_API_KEY",
            "7:3 deploy-config deepseek-ai/DeepSeek-R1-Distill-Qwen-7B ! tool=vllm arg=serve",
            "8:32 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ hub=huggingface",
        });
}

TEST_CASE("shell negatives: variables named like models, prose, other tools", "[extract][shell]") {
  auto e = MakeShellScriptExtractor();
  std::string text =
      "qwen_cfg=./configs/qwen.yaml\n"
      "echo \"deploying qwen2.5 with ollama run\"\n"
      "python train.py --model qwen2.5-7b\n"
      "MODEL_DIR=/models/qwen\n"
      "for model in a b; do echo $model; done\n";
  CHECK(RunExtractor(*e, "train.sh", text).empty());
}
