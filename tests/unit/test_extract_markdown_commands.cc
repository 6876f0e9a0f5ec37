#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("Markdown: shell code blocks and model URLs only", "[extract][markdown]") {
  auto e = MakeMarkdownCommandsExtractor();
  std::string text =
      "# Deploying\n"
      "Run ollama run llama3.1 as shown below; we like qwen2.5.\n"
      "```bash\n"
      "$ ollama run qwen2.5:7b\n"
      "```\n"
      "```python\n"
      "os.system('ollama run qwen3:8b')\n"
      "```\n"
      "~~~\n"
      "vllm serve meta-llama/Llama-3.1-8B-Instruct \\\n"
      "  --tensor-parallel-size 2\n"
      "~~~\n"
      "```console\n"
      "% hf download Qwen/Qwen3-8B\n"
      "```\n"
      "Weights: <https://huggingface.co/Qwen/Qwen2.5-7B-Instruct>, docs https://huggingface.co/docs/hub.\n";
  CHECK(RunExtractor(*e, "docs/deploy.md", text) ==
        std::vector<std::string>{
            "4:14 deploy-config qwen2.5:7b ! tool=ollama arg=run",
            "10:12 deploy-config meta-llama/Llama-3.1-8B-Instruct ! tool=vllm arg=serve",
            "14:15 deploy-config Qwen/Qwen3-8B ! tool=huggingface-cli arg=download",
            "16:34 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ hub=huggingface",
        });
}

TEST_CASE("Markdown: unterminated fence and yaml blocks yield nothing", "[extract][markdown]") {
  auto e = MakeMarkdownCommandsExtractor();
  CHECK(RunExtractor(*e, "README.md", "```yaml\nmodel: qwen2.5:7b\n```\n```sh\nollama run llama3.1\n").empty());
}

TEST_CASE("Markdown: a model card's front matter is not read for URLs", "[extract][markdown]") {
  auto e = MakeMarkdownCommandsExtractor();
  std::string text =
      "---\n"
      "license: other\n"
      "license_link: https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE\n"
      "base_model: https://huggingface.co/Qwen/Qwen2.5-7B-Instruct\n"
      "---\n"
      "Fine-tuned from https://huggingface.co/Qwen/Qwen2.5-7B-Instruct.\n";
  CHECK(RunExtractor(*e, "models/bot/README.md", text) ==
        std::vector<std::string>{"6:40 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ hub=huggingface"});
  // A document that only starts with a horizontal rule further down is read whole.
  CHECK(RunExtractor(*e, "a.md", "Intro\n---\nhttps://huggingface.co/Qwen/Qwen3-8B\n").size() == 1);
}
