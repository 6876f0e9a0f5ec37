#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("docker-compose: commands with the image's tool, environments", "[extract][deploy_yaml]") {
  auto e = MakeDeployYamlExtractor();
  std::string text =
      "services:\n"
      "  llm:\n"
      "    image: ghcr.io/huggingface/text-generation-inference:2.4\n"
      "    command: --model-id mistralai/Mistral-7B-Instruct-v0.3 --num-shard 1\n"
      "    environment:\n"
      "      - HF_TOKEN=${HF_TOKEN}\n"
      "      - MODEL_ID=mistralai/Mistral-7B-Instruct-v0.3\n"
      "  ollama:\n"
      "    image: ollama/ollama\n"
      "    entrypoint: [\"/bin/sh\", \"-c\", \"ollama serve & sleep 5 && ollama pull qwen2.5:7b\"]\n"
      "  app:\n"
      "    image: myapp\n"
      "    command: python app.py --model-dir /srv\n"
      "    environment:\n"
      "      OPENAI_BASE_URL: https://dashscope.aliyuncs.com/compatible-mode/v1\n"
      "      OPENAI_MODEL: qwen-max\n";
  CHECK(RunExtractor(*e, "deploy/docker-compose.prod.yml", text) ==
        std::vector<std::string>{
            "6:9 deploy-config HF_TOKEN ? env_var=HF_TOKEN",
            "7:18 hf-model-id mistralai/Mistral-7B-Instruct-v0.3 ~ key=MODEL_ID",
            
            "15:24 api-endpoint https://dashscope.aliyuncs.com/compatible-mode/v1 ~ key=OPENAI_BASE_URL",
            "16:21 api-model qwen-max ~ key=OPENAI_MODEL",
            "4:25 deploy-config mistralai/Mistral-7B-Instruct-v0.3 ! tool=tgi arg=--model-id",
            "10:74 deploy-config qwen2.5:7b ! tool=ollama arg=pull",
        });
}

TEST_CASE("Kubernetes: command and args of one container, env name/value", "[extract][deploy_yaml]") {
  auto e = MakeDeployYamlExtractor();
  std::string text =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: vllm\n"
      "          image: vllm/vllm-openai:latest\n"
      "          args:\n"
      "            - --model\n"
      "            - Qwen/Qwen2.5-72B-Instruct\n"
      "          env:\n"
      "            - name: ZHIPUAI_API_KEY\n"
      "              valueFrom: {secretKeyRef: {name: zhipu, key: key}}\n"
      "            - name: LLM_MODEL\n"
      "              value: glm-4-plus\n"
      "        - name: sidecar\n"
      "          image: busybox\n"
      "          args: [\"--model\", \"$(MODEL)\"]\n";
  CHECK(RunExtractor(*e, "k8s/deploy.yaml", text) ==
        std::vector<std::string>{
            "13:21 deploy-config ZHIPUAI_API_KEY ? env_var=ZHIPUAI_API_KEY",
            "16:22 api-model glm-4-plus ~ key=LLM_MODEL",
            "11:15 deploy-config Qwen/Qwen2.5-72B-Instruct ! tool=vllm arg=--model",
        });
}

TEST_CASE("GitHub Actions and GitLab CI steps; Helm values", "[extract][deploy_yaml]") {
  auto e = MakeDeployYamlExtractor();
  std::string wf =
      "on: [push]\n"
      "jobs:\n"
      "  eval:\n"
      "    env:\n"
      "      DEEPSEEK_API_KEY: ${{ secrets.DEEPSEEK_API_KEY }}\n"
      "    steps:\n"
      "      - run: |\n"
      "          ollama pull llama3.1:8b\n"
      "      - run: hf download Qwen/Qwen3-8B\n";
  CHECK(RunExtractor(*e, ".github/workflows/eval.yml", wf) ==
        std::vector<std::string>{
            "5:7 deploy-config DEEPSEEK_API_KEY ? env_var=DEEPSEEK_API_KEY",
            "8:23 deploy-config llama3.1:8b ! tool=ollama arg=pull",
            "9:26 deploy-config Qwen/Qwen3-8B ! tool=huggingface-cli arg=download",
        });
  std::string gl =
      "test:\n"
      "  script:\n"
      "    - ollama run qwen2.5:7b \"say hi\"\n";
  CHECK(RunExtractor(*e, ".gitlab-ci.yml", gl) ==
        std::vector<std::string>{"3:18 deploy-config qwen2.5:7b ! tool=ollama arg=run"});
  std::string values =
      "model:\n"
      "  name: Qwen/Qwen2.5-7B-Instruct\n"
      "servedModelName: qwen\n"
      "replicaCount: 2\n";
  CHECK(RunExtractor(*e, "charts/llm/values.yaml", values) ==
        std::vector<std::string>{"2:9 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ key=model_name",
                                 "3:18 api-model qwen ~ key=servedModelName"});
}

TEST_CASE("deploy-yaml ignores other YAML and non-model keys", "[extract][deploy_yaml]") {
  auto e = MakeDeployYamlExtractor();
  CHECK(RunExtractor(*e, "config.yaml", "model: gpt-4o\n").empty());  // not a deployment file
  std::string compose =
      "services:\n"
      "  web:\n"
      "    image: nginx\n"
      "    command: [\"nginx\", \"-g\", \"daemon off;\"]\n"
      "    environment:\n"
      "      DJANGO_SETTINGS_MODULE: app.settings\n"
      "      QWEN_CFG: ./qwen.yaml\n";
  CHECK(RunExtractor(*e, "compose.yaml", compose).empty());
}
