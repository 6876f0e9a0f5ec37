// DetectionVocabulary: the words detection looks for, taken from the catalog.
//
// Extractors do not see the catalog (the dependency direction is core <-
// extract, core <- catalog); the catalog turns itself into this plain list of
// words once per scan (catalog/vocabulary.h) and the text scanner compiles
// them into its one-pass prefilter. Every string is lowercase.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace modelprov {

struct DetectionVocabulary {
  // Family name stems: any model-like tail may follow ("qwen", "deepseek").
  std::vector<std::string> stems;
  // Stems that count only with a version digit after them ("yi", "phi", "gpt").
  std::vector<std::string> versioned_stems;
  // Exact names a stem does not cover: API model names without wildcards and
  // Ollama library names ("o3-mini", "mistral", "nomic-embed-text").
  std::vector<std::string> exact_names;
  // API hosts of providers ("api.deepseek.com"); glob hosts are left out.
  std::vector<std::string> hosts;
  // SDK packages with their ecosystem (pypi, npm, go, maven, cargo...):
  // {"pypi", "dashscope"}, {"npm", "@anthropic-ai/sdk"},
  // {"maven", "com.alibaba:dashscope-sdk-java"}.
  std::vector<std::pair<std::string, std::string>> sdk_packages;
  // Provider ids, aliases and gateway prefixes without their '/' ("zai",
  // "openrouter", "dashscope"): values of provider slots.
  std::vector<std::string> provider_names;
  // Hub organisations (Hugging Face and ModelScope) of publishers and
  // re-publishers, as spelled on the Hub ("Qwen", "meta-llama", "TheBloke").
  std::vector<std::string> hub_orgs;
};

}  // namespace modelprov
