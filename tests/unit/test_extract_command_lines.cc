// The shared command-line recogniser: serving/pull commands of each tool,
// positions across continuations and quoted sub-commands, and words that
// must not count (variables, other subcommands, flags of unknown tools).
#include <catch2/catch.hpp>

#include "extract/command_lines.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
std::vector<std::string> Find(const std::string& text) {
  return Render(CommandReferencesInText(text, 1, 1, "x.sh", "test"));
}
}  // namespace

TEST_CASE("each tool's model argument", "[extract][command_lines]") {
  CHECK(Find("ollama pull qwen2.5:7b && ollama run llama3.1\n") ==
        std::vector<std::string>{"1:13 deploy-config qwen2.5:7b ! tool=ollama arg=pull",
                                 "1:38 deploy-config llama3.1 ! tool=ollama arg=run"});
  CHECK(Find("huggingface-cli download Qwen/Qwen2.5-7B-Instruct --local-dir /m\n") ==
        std::vector<std::string>{"1:26 deploy-config Qwen/Qwen2.5-7B-Instruct ! tool=huggingface-cli arg=download"});
  CHECK(Find("hf download deepseek-ai/DeepSeek-V3\n") ==
        std::vector<std::string>{"1:13 deploy-config deepseek-ai/DeepSeek-V3 ! tool=huggingface-cli arg=download"});
  // --served-model-name is the served model's alias: no second dependency next to it...
  CHECK(Find("vllm serve Qwen/Qwen3-8B --served-model-name qwen3\n") ==
        std::vector<std::string>{"1:12 deploy-config Qwen/Qwen3-8B ! tool=vllm arg=serve"});
  // ...but the only name a command gives (the model comes from a variable).
  CHECK(Find("vllm serve \"$MODEL\" --served-model-name qwen3\n") ==
        std::vector<std::string>{"1:41 deploy-config qwen3 ~ tool=vllm arg=--served-model-name"});
  CHECK(Find("python -m vllm.entrypoints.openai.api_server --model=meta-llama/Llama-3.1-8B\n") ==
        std::vector<std::string>{"1:54 deploy-config meta-llama/Llama-3.1-8B ! tool=vllm arg=--model"});
  CHECK(Find("text-generation-launcher --model-id mistralai/Mistral-7B-v0.1\n") ==
        std::vector<std::string>{"1:37 deploy-config mistralai/Mistral-7B-v0.1 ! tool=tgi arg=--model-id"});
  CHECK(Find("./llama-server -hf bartowski/Qwen2.5-7B-Instruct-GGUF -c 4096\n") ==
        std::vector<std::string>{"1:20 deploy-config bartowski/Qwen2.5-7B-Instruct-GGUF ! tool=llama.cpp arg=-hf"});
  CHECK(Find("llama-server -hf bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M\n") ==
        std::vector<std::string>{"1:18 deploy-config bartowski/Qwen2.5-7B-Instruct-GGUF ! tool=llama.cpp arg=-hf"});
  CHECK(Find("llama-cli -m models/qwen2.5-7b-instruct-q4_k_m.gguf -p hi\n") ==
        std::vector<std::string>{"1:14 deploy-config models/qwen2.5-7b-instruct-q4_k_m.gguf ! tool=llama.cpp arg=-m"});
  CHECK(Find("python3 -m sglang.launch_server --model-path Qwen/Qwen2.5-7B --port 30000\n") ==
        std::vector<std::string>{"1:46 deploy-config Qwen/Qwen2.5-7B ! tool=sglang arg=--model-path"});
  CHECK(Find("modelscope download --model qwen/Qwen2.5-7B-Instruct\n") ==
        std::vector<std::string>{"1:29 deploy-config qwen/Qwen2.5-7B-Instruct ! tool=modelscope arg=--model"});
}

TEST_CASE("value-taking flags before the positional model", "[extract][command_lines]") {
  CHECK(Find("hf download --revision main --local-dir ./m Qwen/Qwen3-8B\n") ==
        std::vector<std::string>{"1:45 deploy-config Qwen/Qwen3-8B ! tool=huggingface-cli arg=download"});
}

TEST_CASE("continuations and quoted sub-commands keep file positions", "[extract][command_lines]") {
  CHECK(Find("vllm serve \\\n    Qwen/Qwen2.5-7B-Instruct \\\n    --port 8000\n") ==
        std::vector<std::string>{"2:5 deploy-config Qwen/Qwen2.5-7B-Instruct ! tool=vllm arg=serve"});
  CHECK(Find("sh -c \"ollama serve & sleep 5 && ollama pull qwen2.5:7b\"\n") ==
        std::vector<std::string>{"1:46 deploy-config qwen2.5:7b ! tool=ollama arg=pull"});
}

TEST_CASE("words that are not model references", "[extract][command_lines]") {
  CHECK(Find("ollama serve\nollama list\nollama create mybot -f Modelfile\n").empty());
  CHECK(Find("vllm serve \"$MODEL\" --model ${MODEL_ID}\n").empty());
  CHECK(Find("# ollama run llama3.1\necho ollama run is documented\n").empty());
  CHECK(Find("grep -r 'vllm serve' docs/ | wc -l\n").empty());
  CHECK(Find("python train.py --model qwen2.5-7b\n").empty());  // unknown tool: not a deployment
  CHECK(Find("hf auth login\nhf upload me/my-model .\n").empty());
  CHECK(Find("hf download --repo-type dataset HuggingFaceFW/fineweb\n").empty());
  CHECK(Find("huggingface-cli download HuggingFaceFW/fineweb --repo-type=dataset\n").empty());
  CHECK(Find("modelscope download --dataset modelscope/chinese-poetry\n").empty());
}

TEST_CASE("tools after sudo, env assignments and inside docker exec", "[extract][command_lines]") {
  CHECK(Find("sudo ollama pull qwen2.5:7b\n") ==
        std::vector<std::string>{"1:18 deploy-config qwen2.5:7b ! tool=ollama arg=pull"});
  CHECK(Find("CUDA_VISIBLE_DEVICES=0 vllm serve Qwen/Qwen3-8B\n") ==
        std::vector<std::string>{"1:35 deploy-config Qwen/Qwen3-8B ! tool=vllm arg=serve"});
  CHECK(Find("docker exec -it ollama ollama run llama3.1\n") ==
        std::vector<std::string>{"1:35 deploy-config llama3.1 ! tool=ollama arg=run"});
}

TEST_CASE("bare --model counts in deploy contexts only, as likely", "[extract][command_lines]") {
  LogicalLine l{"--model Qwen/Qwen2.5-7B --port 8000", {{0, 4}}};
  std::vector<ShellWord> w = SplitShellWords(l, false, 7);
  CHECK(FindCommandReferences(w, false).empty());
  std::vector<CommandReference> refs = FindCommandReferences(w, true);
  REQUIRE(refs.size() == 1);
  CHECK(Render(CommandToReference(refs[0], "k.yaml", "t")) == "4:15 deploy-config Qwen/Qwen2.5-7B ~ arg=--model");
}

TEST_CASE("exec-form lists", "[extract][command_lines]") {
  LogicalLine l{R"(["vllm", "serve", "Qwen/Qwen3-8B"])", {{0, 9}}};
  std::vector<CommandReference> refs = FindCommandReferences(SplitShellWords(l, true, 5), false);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].word.text == "Qwen/Qwen3-8B");
  CHECK(refs[0].word.line == 9);
  CHECK(refs[0].word.column == 24);
}

TEST_CASE("hub URLs in text", "[extract][command_lines]") {
  std::string line =
      "See https://huggingface.co/Qwen/Qwen2.5-7B-Instruct. Mirror: modelscope.cn/models/qwen/Qwen2.5-7B-Instruct, "
      "data https://huggingface.co/datasets/org/set, docs https://huggingface.co/docs/hub, notahf.co/a/b";
  CHECK(Render(HubUrlReferences(line, 3, "README.md", "t")) ==
        std::vector<std::string>{"3:28 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ hub=huggingface",
                                 "3:83 hf-model-id qwen/Qwen2.5-7B-Instruct ~ hub=modelscope"});
  // A link to a repository's license text cites the license; it does not use the model.
  CHECK(HubUrlReferences("License: https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE", 1, "a.md", "t").empty());
  CHECK(HubUrlReferences("[policy](https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/USE_POLICY.md)", 1, "a.md", "t").empty());
  CHECK(Render(HubUrlReferences("https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json", 1, "a.md", "t")) ==
        std::vector<std::string>{"1:24 hf-model-id Qwen/Qwen2.5-7B ~ hub=huggingface"});
}
