// Which terms bind a model: through a vendor's hosted API, the API's terms;
// as self-hosted open weights (Hub id, Ollama tag, gateway serving the
// weights), the weights' licence (issue 12). The same family, both ways.
#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "catalog/resolver.h"

using namespace modelprov;

namespace {

const Resolver& R() {
  static const Catalog c = std::move(Catalog::Builtin().value());
  static const Resolver r(c);
  return r;
}

ResolvedReference Resolve(ReferenceKind kind, const std::string& text) {
  ModelReference ref;
  ref.kind = kind;
  ref.text = text;
  ref.evidence = Evidence::kLikely;
  std::optional<ResolvedReference> r = R().Resolve(ref);
  REQUIRE(r);
  REQUIRE(r->resolution);
  return *r;
}

}  // namespace

TEST_CASE("a vendor's API name is bound by the API's terms", "[catalog][api-vs-weights]") {
  for (const char* name : {"qwen3-coder-plus", "qwen3-235b-a22b", "qwen-max"}) {
    CAPTURE(name);
    ResolvedReference r = Resolve(ReferenceKind::kApiModel, name);
    CHECK(r.resolution->provider == "alibaba-model-studio");
    CHECK(r.resolution->license == "LicenseRef-alibaba-model-studio-terms");
    CHECK(r.resolution->license_basis == "api-terms");
  }
  ResolvedReference glm = Resolve(ReferenceKind::kApiModel, "glm-4.6");
  CHECK(glm.resolution->family == "glm");
  CHECK(glm.resolution->license_basis == "api-terms");
  CHECK(Resolve(ReferenceKind::kApiModel, "MiniMax-M2").resolution->license == "LicenseRef-minimax-api-terms");
}

TEST_CASE("the same family as open weights keeps the weights' licence", "[catalog][api-vs-weights]") {
  ResolvedReference hub = Resolve(ReferenceKind::kHfModelId, "Qwen/Qwen3-235B-A22B");
  CHECK(hub.ref.kind == ReferenceKind::kHfModelId);
  CHECK(hub.resolution->family == "qwen");
  CHECK(hub.resolution->provider.empty());
  CHECK(hub.resolution->license == "Apache-2.0");
  // A gateway serving the weights: the model's licence (the gateway's terms apply too).
  ResolvedReference gw = Resolve(ReferenceKind::kApiModel, "openrouter/qwen/qwen3-235b-a22b");
  CHECK(gw.resolution->provider == "openrouter");
  CHECK(gw.resolution->license == "Apache-2.0");
  CHECK(gw.resolution->license_basis == "weights");
}

TEST_CASE("a vendor's API name behind its own org is that API model", "[catalog][api-vs-weights]") {
  ResolvedReference r = Resolve(ReferenceKind::kHfModelId, "openai/gpt-4o");
  CHECK(r.ref.kind == ReferenceKind::kApiModel);
  CHECK(r.resolution->family == "gpt");
  CHECK(r.resolution->license == "LicenseRef-openai-api-terms");
}

TEST_CASE("a gateway's model keeps its maker, not the gateway's operator", "[catalog][api-vs-weights]") {
  ResolvedReference groq = Resolve(ReferenceKind::kApiModel, "llama3-70b-8192");
  CHECK(groq.resolution->publisher == "meta");
  ResolvedReference free = Resolve(ReferenceKind::kApiModel, "google/learnlm-1.5-pro-experimental:free");
  CHECK(free.resolution->publisher == "google");
  CHECK(free.resolution->country == "US");
}

// ":free", ":nitro"... are OpenRouter's variant suffixes: the id is
// OpenRouter's ("org/model"), even where the org is also a LiteLLM prefix
// ("deepseek/", "openai/") or another gateway's catalogue pattern ("google/*"
// on NVIDIA NIM).
TEST_CASE("an OpenRouter variant suffix names OpenRouter and keeps the model's own facts", "[catalog][api-vs-weights]") {
  ResolvedReference learnlm = Resolve(ReferenceKind::kApiModel, "google/learnlm-1.5-pro-experimental:free");
  CHECK(learnlm.resolution->provider == "openrouter");
  CHECK(learnlm.resolution->model == "google/learnlm-1.5-pro-experimental:free");
  CHECK(learnlm.resolution->license == "LicenseRef-openrouter-terms");
  ResolvedReference r1 = Resolve(ReferenceKind::kApiModel, "deepseek/deepseek-r1:free");
  CHECK(r1.resolution->provider == "openrouter");
  CHECK(r1.resolution->family == "deepseek");
  CHECK(r1.resolution->license == "MIT");  // the open weights, served by a gateway
  ResolvedReference gpt = Resolve(ReferenceKind::kApiModel, "openai/gpt-4o:nitro");
  CHECK(gpt.resolution->provider == "openrouter");
  CHECK(gpt.resolution->family == "gpt");
  CHECK(gpt.resolution->license == "LicenseRef-openai-api-terms");
  ResolvedReference prefixed = Resolve(ReferenceKind::kApiModel, "openrouter/meta-llama/llama-3.2-3b-instruct:free");
  CHECK(prefixed.resolution->provider == "openrouter");
  CHECK(prefixed.resolution->license == "LicenseRef-llama-3.2");
  // Behind OpenRouter's LiteLLM prefix, "deepseek/" is still the org.
  ResolvedReference litellm = Resolve(ReferenceKind::kApiModel, "openrouter/deepseek/deepseek-r1:free");
  CHECK(litellm.resolution->model == "deepseek/deepseek-r1:free");
  CHECK(litellm.resolution->provider == "openrouter");
  CHECK(litellm.resolution->family == "deepseek");
  // Without a suffix the org stays a LiteLLM provider prefix.
  CHECK(Resolve(ReferenceKind::kApiModel, "deepseek/deepseek-chat").resolution->provider == "deepseek");
}

// Moonshot's API serves "kimi-k2.5" by that name (platform.kimi.com/docs/models):
// through the API its terms apply; the same model as weights keeps K2.5's licence.
TEST_CASE("kimi-k2.5 through Moonshot's API and as open weights", "[catalog][api-vs-weights]") {
  ResolvedReference api = Resolve(ReferenceKind::kApiModel, "kimi-k2.5");
  CHECK(api.resolution->provider == "moonshot");
  CHECK(api.resolution->license == "LicenseRef-moonshot-api-terms");
  CHECK(api.resolution->license_basis == "api-terms");
  ResolvedReference hub = Resolve(ReferenceKind::kHfModelId, "moonshotai/Kimi-K2.5");
  CHECK(hub.resolution->license == "LicenseRef-kimi-k2.5-modified-mit");
  CHECK(hub.resolution->license_basis == "weights");
  for (const char* name : {"kimi-k2-0905-preview", "kimi-k2-turbo-preview", "kimi-k2-thinking-turbo", "kimi-thinking-preview"}) {
    INFO(name);
    CHECK(Resolve(ReferenceKind::kApiModel, name).resolution->provider == "moonshot");
  }
}

// A vendor's own SDK serves that vendor's one family; an SDK that several
// providers' models go through names no family.
TEST_CASE("a vendor's SDK names the family it serves", "[catalog][api-vs-weights][sdk]") {
  for (const char* pkg : {"anthropic", "langchain-anthropic"}) {
    CAPTURE(pkg);
    std::optional<Resolution> r = R().ResolvePackage("pypi", pkg);
    REQUIRE(r);
    CHECK(r->provider == "anthropic");
    CHECK(r->family == "claude");
    CHECK(r->country == "US");
  }
  std::optional<Resolution> npm = R().ResolvePackage("npm", "@anthropic-ai/sdk");
  REQUIRE(npm);
  CHECK(npm->family == "claude");
  std::optional<Resolution> zai = R().ResolvePackage("pypi", "zai-sdk");
  REQUIRE(zai);
  CHECK(zai->provider == "zai");
  CHECK(zai->publisher == "zhipu");
  CHECK(zai->family == "glm");
  CHECK(zai->license == "LicenseRef-zai-api-terms");  // Z.AI's developer agreement, not bigmodel's terms
  // OpenAI's API serves GPT and Whisper: its SDK names the vendor, not a family.
  std::optional<Resolution> openai = R().ResolvePackage("pypi", "openai");
  REQUIRE(openai);
  CHECK(openai->provider == "openai");
  CHECK(openai->family.empty());
}

// Ollama's deepseek-r1 tags are DeepSeek's distills (ollama.com tag pages
// "70b-llama-distill", "1.5b-qwen-distill"...; DeepSeek-R1 README): MIT for
// the distill itself, the base's terms through lineage. A bare "8b" is two
// models over time (the Llama distill, later the R1-0528 Qwen3 distill), so
// it gets no lineage rather than a guessed one.
TEST_CASE("Ollama deepseek-r1 distill tags inherit their base's terms", "[catalog][lineage][ollama]") {
  auto lineage = [](const std::string& tag) {
    std::optional<Resolution> r = R().ResolveOllama(tag);
    REQUIRE(r);
    CHECK(r->family == "deepseek");
    CHECK(r->license == "MIT");
    std::string out;
    for (const LineageStep& s : r->lineage) out += (out.empty() ? "" : " > ") + s.model + " (" + s.license + ")";
    return out;
  };
  CHECK(lineage("deepseek-r1:70b") == "meta-llama/Llama-3.3-70B-Instruct (LicenseRef-llama-3.3)");
  CHECK(lineage("deepseek-r1:70b-llama-distill-q8_0") == "meta-llama/Llama-3.3-70B-Instruct (LicenseRef-llama-3.3)");
  CHECK(lineage("deepseek-r1:8b-llama-distill-q4_K_M") == "meta-llama/Llama-3.1-8B (LicenseRef-llama-3.1)");
  CHECK(lineage("deepseek-r1:1.5b") == "Qwen/Qwen2.5-Math-1.5B (Apache-2.0)");
  CHECK(lineage("deepseek-r1:32b-qwen-distill-q4_K_M") == "Qwen/Qwen2.5-32B (Apache-2.0)");
  CHECK(lineage("deepseek-r1:14b") == "Qwen/Qwen2.5-14B (Apache-2.0)");
  CHECK(lineage("deepseek-r1:8b").empty());
  CHECK(lineage("deepseek-r1:671b").empty());
  CHECK(lineage("deepseek-r1").empty());
}
