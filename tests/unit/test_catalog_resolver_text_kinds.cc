// Resolver paths used by the text and config file kinds: deploy-config and
// modelfile references (Ollama tags, Hub ids, local weight files), API-key
// variable names, provider names and LangChain/LlamaIndex classes.
#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "catalog/resolver.h"

using namespace modelprov;

namespace {

const Catalog& TestCatalog() {
  static const Catalog c = [] {
    Result<Catalog> base = Catalog::Builtin();
    REQUIRE(base.ok());
    Catalog cat = std::move(base.value());
    Result<Catalog> overlay = Catalog::Parse(
        R"json({"families":[{"id":"qwen-ollama","name":"Qwen (Ollama library)","publisher":"alibaba",
            "ollama":["qwen2.5"],"license":"Apache-2.0"}]})json",
        "overlay");
    REQUIRE(overlay.ok());
    cat.Merge(overlay.value());
    return cat;
  }();
  return c;
}

ModelReference Ref(ReferenceKind kind, std::string text, Evidence e, Facts facts) {
  ModelReference r;
  r.kind = kind;
  r.text = std::move(text);
  r.evidence = e;
  SetFactsFromPairs(r, facts);
  return r;
}

std::string Model(const std::optional<ResolvedReference>& r) {
  if (!r) return "<dropped>";
  if (!r->resolution) return "<unresolved>";
  return r->resolution->model + " " + r->resolution->match + " " + r->resolution->provider + " " +
         r->resolution->family;
}

}  // namespace

TEST_CASE("deploy-config: ollama tags, Hub ids, weight files", "[catalog][resolver][text_kinds]") {
  Resolver res(TestCatalog());
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "qwen2.5:7b", Evidence::kDefinite,
                              {{"tool", "ollama"}, {"arg", "run"}}))) == "qwen2.5:7b ollama  qwen");  // the built-in family wins over the overlay's
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "mystery-bot:latest", Evidence::kDefinite,
                              {{"tool", "ollama"}}))) == "<unresolved>");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "Qwen/Qwen3-8B", Evidence::kDefinite,
                              {{"tool", "vllm"}}))) == "Qwen/Qwen3-8B hf-org  qwen");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "acme/secret-model", Evidence::kDefinite,
                              {{"tool", "vllm"}}))) == "acme/secret-model unknown  ");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kModelfile, "hf.co/Qwen/Qwen2.5-7B-Instruct-GGUF:Q4_K_M",
                              Evidence::kDefinite, {{"source", "huggingface"}}))) ==
        "Qwen/Qwen2.5-7B-Instruct-GGUF hf-org  qwen");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "/models/qwen2.5-7b-instruct-q4_k_m.gguf",
                              Evidence::kDefinite, {{"tool", "llama.cpp"}}))) ==
        "qwen2.5-7b-instruct-q4_k_m name-pattern  qwen");
  // An operator's alias that the catalog does not know is dropped.
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "my-bot", Evidence::kLikely,
                              {{"tool", "vllm"}, {"arg", "--served-model-name"}}))) == "<dropped>");
}

TEST_CASE("env vars, provider names and classes", "[catalog][resolver][text_kinds]") {
  Resolver res(TestCatalog());
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "DASHSCOPE_API_KEY", Evidence::kPossible,
                              {{"env_var", "DASHSCOPE_API_KEY"}}))) ==
        "alibaba-model-studio env-var alibaba-model-studio ");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kDeployConfig, "SECRET_KEY", Evidence::kPossible,
                              {{"env_var", "SECRET_KEY"}}))) == "<dropped>");
  CHECK(res.ResolveProviderName("moonshot")->provider == "moonshot");
  CHECK(res.ResolveProviderName("dashscope")->provider == "alibaba-model-studio");  // LiteLLM prefix
  CHECK(res.ResolveProviderName("zhipuai")->provider == "zhipu-bigmodel");         // env-var stem
  CHECK(res.ResolveProviderName("Tongyi")->provider == "alibaba-model-studio");    // publisher alias
  CHECK_FALSE(res.ResolveProviderName("aws"));
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kSdkPackage, "ChatZhipuAI", Evidence::kLikely,
                              {{"class", "ChatZhipuAI"}}))) == "zhipu-bigmodel provider-class zhipu-bigmodel ");
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kSdkPackage, "QianfanChatEndpoint", Evidence::kLikely,
                              {{"class", "QianfanChatEndpoint"}}))) == "baidu-qianfan provider-class baidu-qianfan ");
  // A class that is not in the table resolves to nothing.
  CHECK(Model(res.Resolve(Ref(ReferenceKind::kSdkPackage, "ChatSomethingElse", Evidence::kLikely,
                              {{"class", "ChatSomethingElse"}}))) == "<dropped>");
}

TEST_CASE("Modelfile LICENSE", "[catalog][resolver][text_kinds]") {
  Resolver res(TestCatalog());
  auto r = res.Resolve(Ref(ReferenceKind::kModelfile, "apache-2.0", Evidence::kDefinite, {{"directive", "LICENSE"}}));
  REQUIRE(r);
  REQUIRE(r->resolution);
  CHECK(r->resolution->license == "Apache-2.0");
  auto unknown = res.Resolve(Ref(ReferenceKind::kModelfile, "Apache License", Evidence::kDefinite,
                                 {{"directive", "LICENSE"}}));
  REQUIRE(unknown);
  CHECK_FALSE(unknown->resolution);
}
