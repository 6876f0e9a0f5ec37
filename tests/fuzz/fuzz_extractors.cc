// Every extractor in DefaultExtractors() on the same bytes, under a file name
// picked by the first input byte, so one target reaches every file kind.
#include "fuzz_support.h"

namespace {
constexpr std::string_view kNames[] = {
    "app.py",          "web/index.ts",         "main.go",           "App.java",          "lib.rs",
    "Program.cs",      "config.json",          "adapter_config.json", "README.md",       "tokenizer_config.json",
    "requirements.txt", "pyproject.toml",      "package.json",      "Modelfile",         "run.sh",
    "Dockerfile",      ".env",                 "docs/guide.md",     "docker-compose.yml", "litellm_config.yaml",
    "model.gguf",      "model.safetensors",    "model.safetensors.index.json", "pytorch_model.bin", "LICENSE",
    "notebook.ipynb",  ".continue/config.json", "values.yaml",      "tokenizer.json",    "model.onnx",
    "go.mod",          "pom.xml",              "build.gradle.kts",  "config.toml",       "app.rb",
    "index.php",       "tokenizer.model",
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view name = kNames[data[0] % std::size(kNames)];
  std::string_view body = modelprov::fuzz::AsView(data + 1, size - 1);
  modelprov::fuzz::RunAll(name, body);
  return 0;
}
