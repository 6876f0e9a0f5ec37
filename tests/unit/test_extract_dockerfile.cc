#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("Dockerfile ENV/ARG, RUN and exec-form CMD with the base image's tool", "[extract][dockerfile]") {
  auto e = MakeDockerfileExtractor();
  std::string text =
      "FROM vllm/vllm-openai:v0.6.3\n"
      "ENV HF_HOME=/cache MODEL_NAME=Qwen/Qwen2.5-7B-Instruct\n"
      "ENV OPENAI_MODEL deepseek-chat\n"
      "ARG DASHSCOPE_API_KEY\n"
      "RUN pip install modelscope && \\\n"
      "    modelscope download --model qwen/Qwen2.5-0.5B-Instruct\n"
      "CMD [\"--model\", \"Qwen/Qwen2.5-7B-Instruct\", \"--max-model-len\", \"8192\"]\n";
  CHECK(RunExtractor(*e, "Dockerfile", text) ==
        std::vector<std::string>{
            "2:31 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ key=MODEL_NAME",
            "3:18 api-model deepseek-chat ~ key=OPENAI_MODEL",
            "4:5 deploy-config DASHSCOPE_API_KEY ? env_var=DASHSCOPE_API_KEY",
            "6:33 deploy-config qwen/Qwen2.5-0.5B-Instruct ! tool=modelscope arg=--model",
            "7:18 deploy-config Qwen/Qwen2.5-7B-Instruct ! tool=vllm arg=--model",
        });
}

TEST_CASE("Dockerfile negatives", "[extract][dockerfile]") {
  auto e = MakeDockerfileExtractor();
  std::string text =
      "FROM python:3.12-slim\n"
      "# RUN ollama pull llama3.1\n"
      "ENV APP_MODEL_DIR=/srv/models PYTHONUNBUFFERED=1\n"
      "RUN echo ollama run is in the docs\n"
      "CMD [\"python\", \"app.py\", \"--workers\", \"2\"]\n";
  CHECK(RunExtractor(*e, "docker/app.Dockerfile", text).empty());
}
