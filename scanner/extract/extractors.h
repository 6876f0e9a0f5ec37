// Factories for the built-in extractors; registry.cc lists them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/code_literals.h"
#include "core/result.h"
#include "core/vocabulary.h"
#include "extract/extractor.h"

namespace modelprov {

// Program source in one language: string literals in model slots.
std::unique_ptr<Extractor> MakeCodeExtractor(std::string name, std::vector<std::string> globs,
                                             const LanguageSyntax& syntax);
std::unique_ptr<Extractor> MakeHfConfigExtractor();       // config.json
std::unique_ptr<Extractor> MakeAdapterConfigExtractor();  // adapter_config.json (PEFT)
std::unique_ptr<Extractor> MakeModelCardExtractor();      // README.md YAML front matter
std::unique_ptr<Extractor> MakeTokenizerFilesExtractor(); // tokenizer.json, tokenizer_config.json
std::unique_ptr<Extractor> MakeRequirementsExtractor();   // requirements*.txt
std::unique_ptr<Extractor> MakePyprojectExtractor();      // pyproject.toml
std::unique_ptr<Extractor> MakePackageJsonExtractor();    // package.json
std::unique_ptr<Extractor> MakeKeyValueConfigExtractor(); // *.toml, *.ini, *.cfg, *.conf, *.properties
std::unique_ptr<Extractor> MakeSentencePieceExtractor();  // tokenizer.model
std::unique_ptr<Extractor> MakeGoModExtractor();          // go.mod
std::unique_ptr<Extractor> MakeMavenPomExtractor();       // pom.xml
std::unique_ptr<Extractor> MakeGradleExtractor();         // build.gradle(.kts), version catalogs
std::unique_ptr<Extractor> MakeModelfileExtractor();        // Ollama Modelfile
std::unique_ptr<Extractor> MakeShellScriptExtractor();      // *.sh, *.bash, *.zsh
std::unique_ptr<Extractor> MakeDockerfileExtractor();       // Dockerfile, Containerfile
std::unique_ptr<Extractor> MakeDotenvExtractor();           // .env, .env.*, *.env
std::unique_ptr<Extractor> MakeMarkdownCommandsExtractor(); // *.md shell code blocks, model URLs
std::unique_ptr<Extractor> MakeDeployYamlExtractor();       // compose, Kubernetes, Helm values, CI
std::unique_ptr<Extractor> MakeGatewayConfigExtractor();    // LiteLLM, Continue, Aider, LLM YAML
std::unique_ptr<Extractor> MakeProviderClassExtractor();    // LangChain/LlamaIndex provider classes
std::unique_ptr<Extractor> MakeGgufExtractor();           // *.gguf header metadata
std::unique_ptr<Extractor> MakeSafetensorsExtractor();    // *.safetensors JSON header
std::unique_ptr<Extractor> MakeSafetensorsIndexExtractor();  // *.safetensors.index.json weight_map
std::unique_ptr<Extractor> MakeModelWeightsExtractor();   // .bin/.pt/.onnx/.h5...: container by magic
std::unique_ptr<Extractor> MakeLicenseFileExtractor();    // LICENSE/COPYING/NOTICE: license by text similarity
std::unique_ptr<Extractor> MakeNotebookExtractor();       // *.ipynb code cells
// Every text file: one anchor pass, then context rules around each hit.
Result<std::unique_ptr<Extractor>> MakeTextScanExtractor(const DetectionVocabulary& vocab);

}  // namespace modelprov
