// The extractor selector indexes globs by shape; it must choose exactly what
// matching every glob of every extractor would.
#include <catch2/catch.hpp>

#include "core/glob.h"
#include "extract/registry.h"

using namespace modelprov;

TEST_CASE("the indexed selector agrees with matching every glob", "[extract][registry]") {
  ExtractorList extractors = DefaultExtractors();
  ExtractorSelector selector(extractors);
  for (const char* path :
       {"app/app.py", "web/x.TSX", "requirements.txt", "x/requirements-dev.txt", "requirements/base.txt",
        "svc/dev-requirements.txt", ".env", "deploy/.env.local", "prod.env", "LICENSE", "models/m/LICENSE-MODEL",
        "LICENSE_APACHE", "MODEL_LICENSE_AGREEMENT.txt", "COPYING", "Dockerfile", "docker/Dockerfile.gpu",
        "Modelfile", "Modelfile.v2", ".continue/config.json", "a/.continue/config.json", "m/model.safetensors",
        "m/model.safetensors.index.json", "config.json", "m/adapter_config.json", "README.md", "nb/x.ipynb",
        "go.mod", "pom.xml", "build.gradle.kts", "gradle/libs.versions.toml", "config.toml", "a.RB", "Index.PHP",
        "notes.txt", "include/x.h", "m/model.gguf", "w/pytorch_model.bin", "docker-compose.yml", "chart/values.yaml",
        ".github/workflows/ci.yml", "scripts/run.sh", "tokenizer.json", "Cargo.toml", "main.go"}) {
    INFO(path);
    std::vector<std::string> expected, got;
    for (const auto& e : extractors) {
      for (const std::string& g : e->globs()) {
        if (GlobMatch(g, path, CaseSensitivity::kInsensitive)) {
          expected.emplace_back(e->name());
          break;
        }
      }
    }
    for (const Extractor* e : selector.ForPath(path)) got.emplace_back(e->name());
    CHECK(got == expected);
  }
}
