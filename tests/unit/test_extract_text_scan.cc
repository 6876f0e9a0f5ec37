// text-scan (extract/text_scan.cc): every text file, one anchor pass, and the
// context rules that decide what counts. Each rule has a positive and a
// negative case; the words come from the built-in catalog.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "catalog/vocabulary.h"
#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

namespace {

const Catalog& Builtin() {
  static const Catalog c = [] {
    Result<Catalog> b = Catalog::Builtin();
    REQUIRE(b.ok());
    return std::move(b.value());
  }();
  return c;
}

const Extractor& TextScan() {
  static const std::unique_ptr<Extractor> ex = [] {
    Result<std::unique_ptr<Extractor>> made = MakeTextScanExtractor(BuildDetectionVocabulary(Builtin()));
    REQUIRE(made.ok());
    return std::move(made.value());
  }();
  return *ex;
}

// "line kind text [context]" per reference text-scan reports in the file.
std::vector<std::string> Scan(const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  for (const ModelReference& r : RunExtractor(TextScan(), path, text).refs) {
    out.push_back(std::to_string(r.location.line) + " " + std::string(KindName(r.kind)) + " " + r.text + " [" +
                  std::string(FactValue(r.FactPairs(), "context")) + "]");
  }
  return out;
}

// What the resolver makes of each reported reference: "text -> family/publisher/country".
std::vector<std::string> Resolved(const std::string& path, const std::string& text) {
  static const Resolver resolver(Builtin());
  std::vector<std::string> out;
  for (const ModelReference& r : RunExtractor(TextScan(), path, text).refs) {
    std::optional<ResolvedReference> rr = resolver.Resolve(r);
    if (!rr || !rr->resolution) continue;
    const Resolution& res = *rr->resolution;
    out.push_back(r.text + " -> " + res.family + "/" + res.publisher + "/" + res.country +
                  (res.version_known ? "" : " (version unknown)"));
  }
  return out;
}

}  // namespace

TEST_CASE("text-scan: model slots in any language", "[extract][text-scan]") {
  CHECK(Scan("a.swift", "let m = Client(model: \"qwen3.8-max\")\n") ==
        std::vector<std::string>{"1 api-model qwen3.8-max [model-slot]"});
  CHECK(Scan("main.tf", "  llm_model = \"glm-5\"\n") == std::vector<std::string>{"1 api-model glm-5 [model-slot]"});
  CHECK(Scan("a.lua", "local model_name = 'deepseek-v4-flash'\n") ==
        std::vector<std::string>{"1 api-model deepseek-v4-flash [model-slot]"});
  // Negative: a chat-template key and an output folder look alike.
  CHECK(Scan("train.yaml", "template: qwen3_nothink\noutput_dir: saves/qwen3-4b/lora\n").empty());
}

TEST_CASE("text-scan: quoted names need a version or a catalog name", "[extract][text-scan]") {
  CHECK(Scan("models.ts", "export const ids = [\"kimi-k2.5\", \"MiniMax-M2.7\"];\n") ==
        std::vector<std::string>{"1 api-model kimi-k2.5 [quoted]", "1 api-model MiniMax-M2.7 [quoted]"});
  CHECK(Scan("a.go", "const def = \"deepseek-chat\"\n") == std::vector<std::string>{"1 api-model deepseek-chat [quoted]"});
  // Negatives: UI ids, file names, GGUF metadata keys, imports, prefix checks.
  CHECK(Scan("ui.tsx", "<div id=\"claude-connected-title\" aria-label=\"claude-history.db\">\n").empty());
  CHECK(Scan("k.py", "key = \"command-r.block_count\"\n").empty());
  CHECK(Scan("p.ts", "if (id.startsWith(\"claude-\")) {}\n").empty());
  CHECK(Scan("y.py", "def gen():\n    yield 1\n").empty());
  // Short names without a separator are variable and token names outside a slot.
  CHECK(Scan("s.go", "If(\"phi2\", \"b4\", \"b5\")\nValu(\"phi3\", OpPhi)\n").empty());
  CHECK(Scan("re.js", "createToken('GTE0', '^\\s*>=')\nNetworkInterface.getByName(\"bge0\");\n").empty());
  CHECK(Scan("m.py", "model = \"phi3\"\n") == std::vector<std::string>{"1 api-model phi3 [model-slot]"});
}

TEST_CASE("text-scan: a publisher's name in a path is no Hub id when a plain word follows", "[extract][text-scan]") {
  CHECK(Scan("a.js", "// source: google/protobuf/any.proto\n").empty());
  CHECK(Scan("b.js", "// BROWSER=\"/mnt/c/Program Files (x86)/Google/Chrome/Application/chrome.exe\"\n").empty());
  CHECK(Scan("c.go", "f := &LineFile{Name: \"/usr/local/google/home/iant/foo.c\"}\n").empty());
  CHECK(Scan("d.py", "path = '/root/autodl-fs/ZhipuAI/GLM-4.7-Flash'\n") ==
        std::vector<std::string>{"1 hf-model-id ZhipuAI/GLM-4.7-Flash [hub-id]"});
}

TEST_CASE("text-scan: a package named like a word counts only where code imports it", "[extract][text-scan]") {
  CHECK(Scan("m.go", "// from the runtime. This set of stats is grouped together because\n").empty());
  CHECK(Scan("x.min.js", "\"use strict\";var d=require(\"tar\");var together=1;\n").empty());
  // A manifest's own name is the package being built.
  CHECK(Scan("pyproject.toml", "[project]\nname = \"llama-index-llms-dashscope\"\n").empty());
  CHECK(Scan("package.json", "{\n  \"name\": \"@ai-sdk/openai\",\n  \"version\": \"1.0.0\"\n}\n").empty());
  CHECK(Scan("t.py", "import together\n") ==
        std::vector<std::string>{"1 sdk-package together [import]"});
  // The names a from-import brings in are the module's symbols.
  CHECK(Scan("s.py", "from sympy.polys.rationaltools import together\n").empty());
  CHECK(Scan("z.py", "from zhipuai import ZhipuAI\n") == std::vector<std::string>{"1 sdk-package zhipuai [import]"});
  CHECK(Scan("j.ts", "import { together } from \"./math\";\n").empty());
  // A private module under a publisher's name is no Hub id.
  CHECK(Scan("RECORD", "stubs/protobuf/google/_upb/_message.pyi,sha256=YO4p\n").empty());
}

TEST_CASE("text-scan: a key labelling an object that names its own model is no model", "[extract][text-scan]") {
  // Test cases and presets: the label is not fetched, the model inside is.
  CHECK(Scan("cases.json",
             "{\n  \"gemini-pro-reasoning\": {\n    \"settings\": {\n      \"provider\": \"gemini\",\n"
             "      \"model\": \"gemini-3.1-pro-preview\"\n    }\n  }\n}\n") ==
        std::vector<std::string>{"4 deploy-config gemini [provider-key]", "5 api-model gemini-3.1-pro-preview [model-slot]"});
  // A model table keyed by model names names no other model: its keys count.
  CHECK(Scan("models.ts", "const table = {\n  \"claude-sonnet-4-6\": {\n    maxTokens: 64000,\n  },\n};\n") ==
        std::vector<std::string>{"2 api-model claude-sonnet-4-6 [quoted]"});
  // The object closes before any model key: still a model table entry.
  CHECK(Scan("m.json", "{ \"deepseek-v4-pro\": { \"price\": 1 },\n  \"model\": \"x\" }\n") ==
        std::vector<std::string>{"1 api-model deepseek-v4-pro [quoted]"});
}

TEST_CASE("text-scan: code symbols are not names", "[extract][text-scan]") {
  CHECK(Scan("a.rs", "pub const KIMI_K2_5: &str = \"kimi-k2.5\";\n") ==
        std::vector<std::string>{"1 api-model kimi-k2.5 [quoted]"});
  CHECK(Scan("b.java", "ChatCompletionModel.GLM_4_7\nQwen3ForCausalLM.from_config(c)\n").empty());
}

TEST_CASE("text-scan: Markdown prose, code blocks and inline code", "[extract][text-scan]") {
  std::string md =
      "DeepSeek-R1 achieves strong results; qwen2.5:7b is small.\n"  // prose: display names
      "| Qwen-14B | 70.1 |\n"                                         // a benchmark table
      "Pull `qwen2.5:7b` first.\n"                                    // a whole code span
      "An error such as `template 'qwen3' not found` is harmless.\n"  // a span quoting a message
      "```bash\n"
      "ollama pull gemma4:e4b\n"
      "```\n"
      "See https://huggingface.co/Qwen/Qwen3-8B and https://huggingface.co/blog/gemma4.\n";
  CHECK(Scan("README.md", md) == std::vector<std::string>{"3 api-model qwen2.5:7b [quoted]",
                                                          "6 api-model gemma4:e4b [model-command]",
                                                          "8 hf-model-id Qwen/Qwen3-8B [hub-url]"});
}

TEST_CASE("text-scan: a settings table in the docs names defaults", "[extract][text-scan]") {
  std::string md =
      "| Property  | Description            | Default Value             |\n"
      "|-----------|------------------------|---------------------------|\n"
      "| baseUrl   | The URL to connect to. | https://open.bigmodel.cn/ |\n"
      "| `model`   | The model to use.      | glm-4-flash               |\n"
      "| modelName | The model to use.      | qwen-plus                 |\n"
      "| model_type | The architecture.     | qwen2                     |\n"  // a non-model slot
      "| Qwen-14B  | 70.1                   | glm-4-flash               |\n"  // a benchmark row: no key
      "| website   | The vendor's site.     | https://open.bigmodel.cn/ |\n";  // not a URL setting
  CHECK(Scan("docs/zhipu.md", md) == std::vector<std::string>{"3 api-endpoint https://open.bigmodel.cn [host]",
                                                              "4 api-model glm-4-flash [table-slot]",
                                                              "5 api-model qwen-plus [table-slot]"});
  // Prose around the table is still prose.
  CHECK(Scan("docs/zhipu.md", "The model glm-4-flash is fast.\n| Model | Score |\n").empty());
}

TEST_CASE("text-scan: hub URLs and ids, placeholders and other hosts", "[extract][text-scan]") {
  CHECK(Scan("a.txt", "https://modelscope.cn/models/ZhipuAI/GLM-4.7-Flash\nhttps://ollama.com/library/yi\n") ==
        std::vector<std::string>{"1 hf-model-id ZhipuAI/GLM-4.7-Flash [hub-url]", "2 deploy-config yi [hub-url]"});
  CHECK(Scan("a.md", "Ascend weights: [here](https://modelers.cn/models/MindIE/deepseekv3) and "
                    "https://wisemodel.cn/models/ZhipuAI/GLM-4-9B-Chat\n") ==
        std::vector<std::string>{"1 hf-model-id MindIE/deepseekv3 [hub-url]", "1 hf-model-id ZhipuAI/GLM-4-9B-Chat [hub-url]"});
  CHECK(Resolved("a.md", "https://modelers.cn/models/MindIE/deepseekv3\n") ==
        std::vector<std::string>{"MindIE/deepseekv3 -> deepseek/deepseek/CN"});
  CHECK(Scan("k.yaml", "url: ollama://qwen2.5-coder:1.5b\n") ==
        std::vector<std::string>{"1 deploy-config qwen2.5-coder:1.5b [hub-url]"});
  CHECK(Scan("a.py", "path = '/root/autodl-fs/ZhipuAI/GLM-4.7-Flash'\n") ==
        std::vector<std::string>{"1 hf-model-id ZhipuAI/GLM-4.7-Flash [hub-id]"});
  CHECK(Scan(".env", "TEI_MODEL=${TEI_MODEL:-Qwen/Qwen3-Embedding-0.6B}\n") ==
        std::vector<std::string>{"1 hf-model-id Qwen/Qwen3-Embedding-0.6B [hub-id]"});
  // Negatives: placeholders, Go module paths on other hosts, API routes.
  CHECK(Scan("a.md", "```\nurl: hf://your-org/your-model\n```\n").empty());
  CHECK(Scan("go.sum", "github.com/google/uuid v1.6.0 h1:x\n").empty());
  CHECK(Scan("c.sh", "curl http://$KUBEAI_ENDPOINT/openai/v1/completions\n").empty());
  CHECK(Scan("d.md", "```\ngit clone https://github.com/deepseek-ai/DeepSeek-V3.git\n```\n").empty());
}

TEST_CASE("text-scan: API hosts, not their web pages", "[extract][text-scan]") {
  // An API host of the Hub's site is an API, not a Hub page.
  CHECK(Scan("a.toml", "base_url = \"https://api-inference.huggingface.co/v1/\"\n") ==
        std::vector<std::string>{"1 api-endpoint https://api-inference.huggingface.co/v1 [host]"});
  CHECK(Resolved("a.toml", "base_url = \"https://router.huggingface.co/v1\"\n") ==
        std::vector<std::string>{"https://router.huggingface.co/v1 -> /huggingface/US"});
  CHECK(Scan("a.rs", "const BASE: &str = \"https://api.minimaxi.com/v1\";\n") ==
        std::vector<std::string>{"1 api-endpoint https://api.minimaxi.com/v1 [host]"});
  CHECK(Scan("a.go", "// Get your key from https://openrouter.ai/\n// see https://openrouter.ai/models\n").empty());
  CHECK(Scan("a.md", "Read the [platform](https://open.bigmodel.cn/) docs.\n").empty());
  CHECK(Scan("a.md", "It defaults to \"https://api.minimax.io/v1\".\n") ==
        std::vector<std::string>{"1 api-endpoint https://api.minimax.io/v1 [host]"});
}

TEST_CASE("text-scan: SDKs where code imports or installs them", "[extract][text-scan]") {
  CHECK(Scan("a.py", "import dashscope\nfrom zhipuai import ZhipuAI\n") ==
        std::vector<std::string>{"1 sdk-package dashscope [import]", "2 sdk-package zhipuai [import]"});
  CHECK(Scan("a.ts", "import Anthropic from \"@anthropic-ai/sdk\";\n") ==
        std::vector<std::string>{"1 sdk-package @anthropic-ai/sdk [import]"});
  CHECK(Scan("x.py", "raise ImportError(\"install it with `pip install zhipuai`\")\n") ==
        std::vector<std::string>{"1 sdk-package zhipuai [install]"});
  CHECK(Scan("pom.xml", "  <artifactId>langchain4j-dashscope</artifactId>\n") ==
        std::vector<std::string>{"1 sdk-package langchain4j-dashscope [import]"});
  // Negatives: the class an import binds, and a package named in prose.
  CHECK(Scan("b.ts", "const c = new OpenAI();\n").empty());
  CHECK(Scan("c.md", "We like anthropic models.\n").empty());
}

TEST_CASE("text-scan: provider keys select a hosted API", "[extract][text-scan]") {
  CHECK(Scan("c.yaml", "llm:\n  provider: moonshot\n") == std::vector<std::string>{"2 deploy-config moonshot [provider-key]"});
  CHECK(Scan("c.ts", "toProviderConfig({ provider: \"zai\" })\nuseProviderConfig(\"qwen\")\n") ==
        std::vector<std::string>{"1 deploy-config zai [provider-key]", "2 deploy-config qwen [provider-key]"});
  // Display names and unrelated keys are not provider ids.
  CHECK(Scan("d.tsx", "<Settings providerName=\"Moonshot\" />\n").empty());
  CHECK(Scan("serverless.yml", "provider:\n  name: aws\n").empty());
}

TEST_CASE("text-scan: GGUF file names and Ollama commands", "[extract][text-scan]") {
  CHECK(Scan("run.sh", "./llama-cli -m models/Qwen3-0.6B-Q4_K_M.gguf\nollama run llama3\n") ==
        std::vector<std::string>{"1 deploy-config Qwen3-0.6B-Q4_K_M.gguf [gguf-file]",
                                 "2 api-model llama3 [model-command]"});
  CHECK(Scan("run.sh", "./llama-cli -m ggml-model-q4_0.gguf\n").empty());
}

TEST_CASE("text-scan: names newer than the catalog resolve by family grammar", "[extract][text-scan][grammar]") {
  CHECK(Resolved("a.py", "client.create(model=\"qwen3.8-max\")\n") ==
        std::vector<std::string>{"qwen3.8-max -> qwen/alibaba/CN (version unknown)"});
  CHECK(Resolved("b.sh", "ollama pull gemma4:e4b\n") ==
        std::vector<std::string>{"gemma4:e4b -> gemma/google/US (version unknown)"});
  CHECK(Resolved("c.ts", "const m = \"kimi-k3\";\n") ==
        std::vector<std::string>{"kimi-k3 -> kimi/moonshot/CN (version unknown)"});
  // A name the family's API patterns already cover is the catalog's own.
  CHECK(Resolved("c.ts", "const m = \"MiniMax-M2.7\";\n") == std::vector<std::string>{"MiniMax-M2.7 -> minimax/minimax/CN"});
  // An exact catalog entry still wins and is known.
  CHECK(Resolved("d.py", "model = \"deepseek-chat\"\n") == std::vector<std::string>{"deepseek-chat -> deepseek/deepseek/CN"});
}

TEST_CASE("text-scan: cloud ids with the vendor first, Go import blocks, wheels", "[extract][text-scan]") {
  CHECK(Scan("bedrock.tf", "  foundation_model = \"anthropic.claude-3-sonnet-20240229-v1:0\"\n") ==
        std::vector<std::string>{"1 api-model anthropic.claude-3-sonnet-20240229-v1:0 [model-slot]"});
  CHECK(Scan("main.go", "import (\n\topenai \"github.com/sashabaranov/go-openai\"\n)\n") ==
        std::vector<std::string>{"2 sdk-package github.com/sashabaranov/go-openai [manifest]"});
  CHECK(Scan("pyproject.toml",
             "  \"en-core-web-sm @ https://github.com/explosion/spacy-models/releases/download/"
             "en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl\",\n") ==
        std::vector<std::string>{"1 api-model en_core_web_sm [wheel]"});
  // A wheel of an ordinary package names no model.
  CHECK(Scan("requirements.txt", "torch @ https://download.pytorch.org/whl/torch-2.3.0-cp311-linux_x86_64.whl\n").empty());
}

// iFlytek's own docs name the Spark versions (Spark Max, Max-32K, Pro-128K,
// 4.0 Ultra) and their API values; code keeps them in name tables.
TEST_CASE("text-scan: iFlytek Spark names in a Go map", "[extract][text-scan]") {
  CHECK(Resolved("x.go", "var versions = map[string]string{\n\t\"Spark-Max\":   \"generalv3.5\",\n"
                         "\t\"Spark-Max-32K\": \"max-32k\",\n}\n") ==
        std::vector<std::string>{"Spark-Max -> spark/iflytek/CN", "generalv3.5 -> spark/iflytek/CN",
                                 "Spark-Max-32K -> spark/iflytek/CN", "max-32k -> spark/iflytek/CN"});
}
