// Text and config file kinds end to end: more source languages, Ollama
// Modelfiles, serving/pull commands in scripts, Dockerfiles, CI and docs,
// deployment configs, LLM gateway/agent configs, provider classes and hub
// URLs, each with negatives that must yield nothing.
#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;

namespace {

// Ollama library names are not in the built-in seeds at this branch point;
// the overlay supplies the two the fixtures use.
constexpr const char* kOllamaOverlay = R"json({"families": [
  {"id": "qwen-ollama", "name": "Qwen (Ollama library)", "publisher": "alibaba", "ollama": ["qwen2.5", "qwen3"],
   "license": "Apache-2.0"},
  {"id": "llama-ollama", "name": "Llama (Ollama library)", "publisher": "meta", "ollama": ["llama3.1"]}]})json";

std::vector<std::string> Scan(const TempDir& dir) {
  RunResult r = Modelprov({"scan", "--format", "json", "--catalog", "overlay.json", "."}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(scan["errors"].empty());
  return ReferenceLines(scan);
}

}  // namespace

TEST_CASE("Ollama Modelfiles, scripts, Dockerfiles, CI and Markdown code blocks", "[e2e][text_kinds]") {
  TempDir dir;
  dir.Write("overlay.json", kOllamaOverlay);
  dir.Write("ollama/Modelfile",
            "# Support bot built on Qwen\n"
            "FROM qwen2.5:7b\n"
            "ADAPTER ./adapters/support-lora.gguf\n"
            "PARAMETER temperature 0.2\n"
            "SYSTEM \"\"\"You are a helpful assistant.\n"
            "FROM llama3.1 is prompt text here.\n"
            "\"\"\"\n"
            "LICENSE apache-2.0\n");
  dir.Write("ollama/coder.Modelfile", "FROM hf.co/Qwen/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M\n");
  dir.Write("scripts/serve.sh",
            "#!/usr/bin/env bash\n"
            "set -euo pipefail\n"
            "export MODEL_ID=Qwen/Qwen2.5-7B-Instruct\n"
            "export DEEPSEEK_API_KEY=\"${DEEPSEEK_API_KEY:?}\"\n"
            "qwen_cfg=./configs/qwen.yaml\n"
            "# ollama run llama3.1   (commented out)\n"
            "ollama pull qwen2.5:7b && ollama run llama3.1\n"
            "huggingface-cli download Qwen/Qwen2.5-7B-Instruct --local-dir /models/qwen\n"
            "vllm serve \"$MODEL_ID\" --port 8000\n"
            "python -m vllm.entrypoints.openai.api_server \\\n"
            "  --model deepseek-ai/DeepSeek-R1-Distill-Qwen-7B \\\n"
            "  --port 8001\n"
            "llama-server -m /models/qwen2.5-7b-instruct-q4_k_m.gguf -c 4096\n"
            "modelscope download --model qwen/Qwen2.5-7B-Instruct\n"
            "echo \"ollama run is how we test locally\"\n");
  dir.Write("Dockerfile",
            "FROM vllm/vllm-openai:v0.6.3\n"
            "ENV HF_HOME=/cache\n"
            "ARG DASHSCOPE_API_KEY\n"
            "RUN pip install modelscope && \\\n"
            "    modelscope download --model qwen/Qwen2.5-0.5B-Instruct\n"
            "CMD [\"--model\", \"Qwen/Qwen2.5-7B-Instruct\", \"--max-model-len\", \"8192\"]\n");
  dir.Write(".github/workflows/eval.yml",
            "name: eval\n"
            "on: [push]\n"
            "jobs:\n"
            "  eval:\n"
            "    runs-on: ubuntu-latest\n"
            "    env:\n"
            "      DEEPSEEK_API_KEY: ${{ secrets.DEEPSEEK_API_KEY }}\n"
            "    steps:\n"
            "      - uses: actions/checkout@v4\n"
            "      - run: |\n"
            "          curl -fsSL https://ollama.com/install.sh | sh\n"
            "          ollama pull llama3.1:8b\n"
            "      - name: download\n"
            "        run: hf download Qwen/Qwen3-8B\n");
  dir.Write("docs/deploy.md",
            "# Deploying\n"
            "\n"
            "We use qwen2.5 through ollama for local tests; ollama run llama3.1 works too.\n"
            "\n"
            "```bash\n"
            "$ ollama run qwen2.5:7b\n"
            "```\n"
            "\n"
            "```python\n"
            "subprocess.run(['ollama', 'run', 'qwen3:8b'])\n"
            "```\n"
            "\n"
            "```\n"
            "vllm serve meta-llama/Llama-3.1-8B-Instruct\n"
            "```\n"
            "\n"
            "Weights: https://huggingface.co/Qwen/Qwen2.5-7B-Instruct and the mirror\n"
            "https://modelscope.cn/models/qwen/Qwen2.5-7B-Instruct. See https://huggingface.co/docs/hub.\n");
  CHECK(Scan(dir) ==
        std::vector<std::string>{
            ".github/workflows/eval.yml:7 deploy-config DEEPSEEK_API_KEY -> deepseek",
            ".github/workflows/eval.yml:12 deploy-config llama3.1:8b -> llama3.1:8b",
            ".github/workflows/eval.yml:14 deploy-config Qwen/Qwen3-8B -> Qwen/Qwen3-8B",
            "Dockerfile:3 deploy-config DASHSCOPE_API_KEY -> alibaba-model-studio",
            "Dockerfile:5 deploy-config qwen/Qwen2.5-0.5B-Instruct -> qwen/Qwen2.5-0.5B-Instruct",
            "Dockerfile:6 deploy-config Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
            "docs/deploy.md:6 deploy-config qwen2.5:7b -> qwen2.5:7b",
                                   "docs/deploy.md:10 api-model qwen3:8b -> qwen3:8b",
            "docs/deploy.md:14 deploy-config meta-llama/Llama-3.1-8B-Instruct -> meta-llama/Llama-3.1-8B-Instruct",
            "docs/deploy.md:17 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
            "docs/deploy.md:18 hf-model-id qwen/Qwen2.5-7B-Instruct -> qwen/Qwen2.5-7B-Instruct",
            "ollama/Modelfile:2 modelfile qwen2.5:7b -> qwen2.5:7b",
            "ollama/Modelfile:8 modelfile apache-2.0 -> null",
            "ollama/coder.Modelfile:1 modelfile hf.co/Qwen/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M -> "
            "Qwen/Qwen2.5-Coder-7B-Instruct-GGUF",
            "scripts/serve.sh:3 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
            "scripts/serve.sh:4 deploy-config DEEPSEEK_API_KEY -> deepseek",
                                   "scripts/serve.sh:6 api-model llama3.1 -> llama3.1",
            "scripts/serve.sh:7 deploy-config qwen2.5:7b -> qwen2.5:7b",
            "scripts/serve.sh:7 deploy-config llama3.1 -> llama3.1",
            "scripts/serve.sh:8 deploy-config Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
            "scripts/serve.sh:11 deploy-config deepseek-ai/DeepSeek-R1-Distill-Qwen-7B -> "
            "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
            "scripts/serve.sh:13 deploy-config /models/qwen2.5-7b-instruct-q4_k_m.gguf -> qwen2.5-7b-instruct-q4_k_m",
            "scripts/serve.sh:14 deploy-config qwen/Qwen2.5-7B-Instruct -> qwen/Qwen2.5-7B-Instruct",
        });
}

TEST_CASE("deployment configs, gateway/agent configs, provider classes, more languages", "[e2e][text_kinds]") {
  TempDir dir;
  dir.Write("overlay.json", kOllamaOverlay);
  dir.Write(".env.example",
            "# LLM settings\n"
            "OPENAI_BASE_URL=https://api.deepseek.com/v1\n"
            "OPENAI_MODEL=deepseek-chat\n"
            "MOONSHOT_API_KEY=\n"
            "DATABASE_URL=postgres://localhost/app\n"
            "SECRET_KEY=changeme\n"
            "LLM_PROVIDER=zhipuai\n");
  dir.Write("deploy/docker-compose.yml",
            "services:\n"
            "  llm:\n"
            "    image: ghcr.io/huggingface/text-generation-inference:2.4\n"
            "    command: --model-id mistralai/Mistral-7B-Instruct-v0.3 --num-shard 1\n"
            "    environment:\n"
            "      - HF_TOKEN=${HF_TOKEN}\n"
            "  ollama:\n"
            "    image: ollama/ollama\n"
            "    entrypoint: [\"/bin/sh\", \"-c\", \"ollama serve & sleep 5 && ollama pull qwen2.5:7b\"]\n"
            "  app:\n"
            "    image: myapp\n"
            "    environment:\n"
            "      OPENAI_BASE_URL: https://dashscope.aliyuncs.com/compatible-mode/v1\n"
            "      DASHSCOPE_API_KEY: ${DASHSCOPE_API_KEY}\n"
            "      OPENAI_MODEL: qwen-max\n");
  dir.Write("deploy/k8s/vllm.yaml",
            "apiVersion: apps/v1\n"
            "kind: Deployment\n"
            "metadata:\n"
            "  name: vllm-qwen\n"
            "spec:\n"
            "  template:\n"
            "    spec:\n"
            "      containers:\n"
            "        - name: vllm\n"
            "          image: vllm/vllm-openai:latest\n"
            "          command: [\"python3\", \"-m\", \"vllm.entrypoints.openai.api_server\"]\n"
            "          args:\n"
            "            - --model\n"
            "            - Qwen/Qwen2.5-72B-Instruct\n"
            "          env:\n"
            "            - name: ZHIPUAI_API_KEY\n"
            "              valueFrom:\n"
            "                secretKeyRef: {name: zhipu, key: key}\n");
  dir.Write("litellm_config.yaml",
            "model_list:\n"
            "  - model_name: chat\n"
            "    litellm_params:\n"
            "      model: deepseek/deepseek-chat\n"
            "      api_base: https://api.deepseek.com\n"
            "      api_key: os.environ/DEEPSEEK_API_KEY\n"
            "  - model_name: kimi\n"
            "    litellm_params:\n"
            "      model: moonshot/moonshot-v1-8k\n");
  dir.Write(".continue/config.yaml",
            "name: my-assistant\n"
            "models:\n"
            "  - name: Qwen Max\n"
            "    provider: dashscope\n"
            "    model: qwen-max\n");
  dir.Write(".aider.conf.yml", "model: deepseek/deepseek-reasoner\n");
  dir.Write("agent.yaml",
            "llm:\n"
            "  model_server: dashscope\n"
            "serverless:\n"
            "  provider: aws\n");
  dir.Write("src/chain.py",
            "from langchain_community.chat_models import ChatZhipuAI, MoonshotChat\n"
            "from modelscope import snapshot_download\n"
            "\n"
            "glm = ChatZhipuAI()  # model from ZHIPUAI_API_KEY's default\n"
            "# MoonshotChat() is the fallback\n"
            "path = snapshot_download('qwen/Qwen2.5-7B-Instruct')\n");
  dir.Write("src/main.go",
            "package main\n"
            "\n"
            "func main() {\n"
            "\treq := openai.ChatCompletionRequest{Model: \"deepseek-chat\"}\n"
            "\t_ = req\n"
            "}\n");
  dir.Write("src/Bot.java",
            "class Bot {\n"
            "  ChatLanguageModel m = OpenAiChatModel.builder()\n"
            "      .modelName(\"qwen-max\")\n"
            "      .build();\n"
            "}\n");
  dir.Write("src/main.rs",
            "fn main() {\n"
            "    let request = CreateChatCompletionRequestArgs::default().model(\"gpt-4o\").build();\n"
            "}\n");
  dir.Write("src/Chat.cs", "var client = new ChatClient(model: \"gpt-4o\", apiKey: key);\n");
  dir.Write("src/App.kt", "val model = \"claude-3-5-sonnet-20241022\"\n");
  CHECK(Scan(dir) ==
        std::vector<std::string>{
            ".aider.conf.yml:1 api-model deepseek/deepseek-reasoner -> deepseek-reasoner",
            ".continue/config.yaml:4 deploy-config dashscope -> alibaba-model-studio",
            ".continue/config.yaml:5 api-model qwen-max -> qwen-max",
            
            ".env.example:2 api-endpoint https://api.deepseek.com/v1 -> api.deepseek.com",
            ".env.example:3 api-model deepseek-chat -> deepseek-chat",
            ".env.example:4 deploy-config MOONSHOT_API_KEY -> moonshot",
            ".env.example:7 deploy-config zhipuai -> zhipu-bigmodel",
            "agent.yaml:2 deploy-config dashscope -> alibaba-model-studio",
            "deploy/docker-compose.yml:4 deploy-config mistralai/Mistral-7B-Instruct-v0.3 -> "
            "mistralai/Mistral-7B-Instruct-v0.3",
            "deploy/docker-compose.yml:9 deploy-config qwen2.5:7b -> qwen2.5:7b",
            
            "deploy/docker-compose.yml:13 api-endpoint https://dashscope.aliyuncs.com/compatible-mode/v1 -> "
            "dashscope.aliyuncs.com",
            "deploy/docker-compose.yml:14 deploy-config DASHSCOPE_API_KEY -> alibaba-model-studio",
            "deploy/docker-compose.yml:15 api-model qwen-max -> qwen-max",
            "deploy/k8s/vllm.yaml:14 deploy-config Qwen/Qwen2.5-72B-Instruct -> Qwen/Qwen2.5-72B-Instruct",
            "deploy/k8s/vllm.yaml:16 deploy-config ZHIPUAI_API_KEY -> zhipu-bigmodel",
            "litellm_config.yaml:4 api-model deepseek/deepseek-chat -> deepseek-chat",
            "litellm_config.yaml:5 api-endpoint https://api.deepseek.com -> api.deepseek.com",
            "litellm_config.yaml:6 deploy-config DEEPSEEK_API_KEY -> deepseek",
            "litellm_config.yaml:9 api-model moonshot/moonshot-v1-8k -> moonshot-v1-8k",
            "src/App.kt:1 api-model claude-3-5-sonnet-20241022 -> claude-3-5-sonnet-20241022",
            "src/Bot.java:3 api-model qwen-max -> qwen-max",
            "src/Chat.cs:1 api-model gpt-4o -> gpt-4o",
            "src/chain.py:4 sdk-package ChatZhipuAI -> zhipu-bigmodel",
            "src/chain.py:6 hf-model-id qwen/Qwen2.5-7B-Instruct -> qwen/Qwen2.5-7B-Instruct",
            "src/main.go:4 api-model deepseek-chat -> deepseek-chat",
            "src/main.rs:2 api-model gpt-4o -> gpt-4o",
        });
}

TEST_CASE("negatives: prose, look-alike variables and non-LLM configs yield nothing", "[e2e][text_kinds]") {
  TempDir dir;
  dir.Write("overlay.json", kOllamaOverlay);
  dir.Write("README.md",
            "# Shop\n"
            "We compared qwen2.5, llama3.1 and deepseek before picking none of them.\n"
            "Run `ollama run llama3.1` if you want to try; see https://huggingface.co/docs for more.\n");
  dir.Write("shop/models.py",
            "from django.db import models\n"
            "from django.contrib.auth.models import User\n"
            "\n"
            "class Order(models.Model):\n"
            "    user = models.ForeignKey(User, on_delete=models.CASCADE)\n"
            "\n"
            "    class Meta:\n"
            "        model = User\n"
            "qwen_cfg = load_config('configs/qwen.yaml')\n");
  dir.Write("shop/admin.yaml", "admin:\n  model: User\n  list_display: [id, email]\n");
  dir.Write("scripts/train.sh",
            "qwen_cfg=./configs/qwen.yaml\n"
            "python train.py --epochs 3\n"
            "echo \"use ollama run to chat\"\n");
  dir.Write(".env", "DATABASE_URL=postgres://db/shop\nSECRET_KEY=x\nMODEL_DIR=/srv/models\n");
  dir.Write("serverless.yml", "provider:\n  name: aws\n  runtime: python3.12\n");
  dir.Write("docker-compose.yml",
            "services:\n"
            "  web:\n"
            "    image: python:3.12\n"
            "    command: gunicorn shop.wsgi --workers 2\n"
            "    environment:\n"
            "      DJANGO_SETTINGS_MODULE: shop.settings\n");
  dir.Write("Modelfile.md", "FROM is documented here\n");
  dir.Write("cmd/main.go", "package main\n// The model is chosen at run time\nvar r = 'q'\n");
  std::vector<std::string> lines = Scan(dir);
  CAPTURE(lines);
  CHECK(lines.empty());
}

TEST_CASE("commented-out configuration, config in Markdown code blocks and --model flags count", "[e2e][text_kinds]") {
  // A reviewer counts these: switching models is often uncommenting a line,
  // and documentation's code blocks are what people copy.
  TempDir dir;
  dir.Write("overlay.json", kOllamaOverlay);
  dir.Write("README.md", "# Shop\n```yaml\nmodel: qwen2.5:7b\n```\n");
  dir.Write("scripts/train.sh", "python train.py --model qwen2.5-7b --epochs 3\n");
  dir.Write("cmd/main.go", "package main\n// Model: \"gpt-4o\"\nvar r = 'q'\n");
  CHECK(Scan(dir) == std::vector<std::string>{"README.md:3 api-model qwen2.5:7b -> qwen2.5:7b",
                                              "cmd/main.go:2 api-model gpt-4o -> gpt-4o",
                                              "scripts/train.sh:1 api-model qwen2.5-7b -> qwen2.5-7b"});
}
