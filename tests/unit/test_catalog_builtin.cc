// The embedded seeds/ catalog: loads, is internally consistent, covers the
// family keys the JSON contract promises, and every entry names a source.
#include <catch2/catch.hpp>

#include "catalog/catalog.h"

using namespace modelprov;

TEST_CASE("built-in catalog loads and validates", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  Status v = c->Validate();
  INFO((v.ok() ? std::string() : v.error().message));
  CHECK(v.ok());
}

TEST_CASE("built-in catalog has every contract family key", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  for (const char* id : {"qwen", "deepseek", "kimi", "glm", "yi", "baichuan", "internlm", "minimax", "hunyuan", "ernie",
                         "doubao", "step", "mimo", "bge", "llama", "gemma", "gemini", "gpt", "gpt-oss", "whisper",
                         "claude", "mistral", "phi", "falcon", "bloom", "starcoder", "nemotron", "granite", "command",
                         "jamba", "grok", "arctic", "dbrx", "olmo", "stable-diffusion", "flux"}) {
    INFO(id);
    CHECK(c->FindFamily(id) != nullptr);
  }
}

TEST_CASE("every built-in entry names its source", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  for (const auto& p : c->publishers()) {
    INFO("publisher " << p.id);
    CHECK_FALSE(p.sources.empty());
  }
  for (const auto& l : c->licenses()) {
    INFO("license " << l.id);
    CHECK_FALSE(l.sources.empty());
  }
  for (const auto& f : c->families()) {
    INFO("family " << f.id);
    CHECK_FALSE(f.sources.empty());
    for (const auto& fp : f.fingerprints) CHECK_FALSE(fp.source.empty());
  }
  for (const auto& p : c->providers()) {
    INFO("provider " << p.id);
    CHECK_FALSE(p.sources.empty());
  }
}

TEST_CASE("license categories come from the documented set", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  for (const auto& l : c->licenses()) {
    INFO(l.id << " " << l.category);
    CHECK((l.category == "permissive" || l.category == "weak-copyleft" || l.category == "copyleft" ||
           l.category == "responsible-ai" || l.category == "restricted-commercial" || l.category == "non-commercial" ||
           l.category == "proprietary-api-terms"));
    CHECK((l.spdx || l.id.rfind("LicenseRef-", 0) == 0));
  }
}
