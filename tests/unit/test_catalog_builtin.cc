// The embedded seeds/ catalog: loads, is internally consistent, covers the
// family keys the JSON contract promises, and every entry names a source.
#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

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
  // The 48 family keys the JSON contract promises.
  const char* const kRequired[] = {
      "qwen",     "deepseek",  "kimi",      "glm",      "yi",      "baichuan",         "internlm", "minimax",
      "hunyuan",  "ernie",     "doubao",    "step",     "mimo",    "bge",              "llama",    "gemma",
      "gemini",   "gpt",       "gpt-oss",   "whisper",  "claude",  "mistral",          "phi",      "falcon",
      "bloom",    "starcoder", "nemotron",  "granite",  "command", "jamba",            "grok",     "arctic",
      "dbrx",     "olmo",      "stable-diffusion", "flux", "gte",  "jina",             "nomic",    "e5",
      "minilm",   "wan",       "cogvideox", "hunyuan-video", "spark", "zhinao",        "sensenova", "skylark"};
  CHECK(std::size(kRequired) == 48);
  for (const char* id : kRequired) {
    INFO(id);
    CHECK(c->FindFamily(id) != nullptr);
  }
  CHECK(c->families().size() >= 45);
}

// Hosts and URL prefixes that were removed from seeds/ because they are not
// primary sources: spam, aggregators, mirrors and proxies of Hugging Face or
// GitHub, blogs, third-party re-uploads or copies, and gateways or client
// libraries of other projects. They must not come back.
TEST_CASE("no built-in source comes from a known non-primary host", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  const std::vector<std::string> denied = {
      "://mnbplus.github.io/", "://brick-house.org/", "://hf.898520.xyz/", "workers.dev/", "://gist.521000.best/",
      "://blog.csdn.net/", "://www.lryc.cn/", "://chat-deep.ai/", "://conductatlas.com/", "://qz.com/",
      "kora-show.live/", "://albionherald.com/", "://evolutionaihub.com/", "://www.noze.it/", "://relayplane.com/",
      "://late-tiger-72.deno.dev/", "cloudfront.net/", "://toulan-fun.pages.dev/", "://docs.loongclaw.ai/",
      "://hexdocs.pm/", "://docs.keeptrusts.com/", "://theneuralbase.com/", "://flow-sitedocs.nedal.me/",
      "://git.let5see.xyz/", "skills.sh/", "://cdn.jsdelivr.net/", "://sianzzz.com/", "://en.caohejing.com/",
      "://zilliz.com/", "://theepic.dev/", "://docs.mirobody.ai/", "://gitea.youngkingdom.org/",
      "://git.christopherw.net/", "://ospo.co/", "://open.windriver.com/", "://gitmemories.com/",
      "://docs.voxel51.com/", "://aws-samples.github.io/", "://anaconda.org/",
      "://github.com/Retruth/", "://github.com/rwth-i6/", "://github.com/akougkas/", "://github.com/Evilcarbon/",
      "://github.com/vulkomilev/", "://github.com/csells/", "://huggingface.co/LlamaFinetuneBase/",
      "://huggingface.co/chrismytton", "://huggingface.co/danfeg/", "://huggingface.co/spaces/blanchon/",
      "://huggingface.co/kahou1234/", "://huggingface.co/spaces/maxdemon/", "://huggingface.co/AlexBefest/",
      "://huggingface.co/InstantX/", "://huggingface.co/spaces/flowers-team/", "://ollama.com/zac/",
      // Third-party gateways and client libraries: they restate a vendor's model
      // names and endpoints; the catalog cites the vendor's own page instead.
      "github.com/BerriAI/litellm", "docs.litellm.ai", "litellm.vercel.app", "github.com/songquanpeng/one-api",
      "github.com/alibaba/higress", "github.com/QuantumNous/new-api", "github.com/0xPlaygrounds/",
      "raw.githubusercontent.com/n8n-io/", "://reference.langchain.com/"};
  auto check = [&](const std::string& what, const std::string& url) {
    for (const std::string& d : denied) {
      INFO(what << ": " << url);
      CHECK(url.find(d) == std::string::npos);
    }
  };
  for (const auto& p : c->publishers())
    for (const auto& s : p.sources) check("publisher " + p.id, s);
  for (const auto& l : c->licenses())
    for (const auto& s : l.sources) check("license " + l.id, s);
  for (const auto& p : c->providers())
    for (const auto& s : p.sources) check("provider " + p.id, s);
  for (const auto& f : c->families()) {
    for (const auto& s : f.sources) check("family " + f.id, s);
    for (const auto& fp : f.fingerprints) check("fingerprint of " + f.id, fp.source);
    for (const auto& v : f.versions) check("version rule of " + f.id, v.source);
    for (const auto& b : f.base_models) check("lineage of " + f.id, b.source);
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

// Countries are ISO 3166-1 alpha-2 codes or unknown (empty); a provider's
// terms_url, when known, is a web address.
TEST_CASE("built-in countries are alpha-2 codes and terms URLs are URLs", "[catalog][seeds]") {
  auto c = Catalog::Builtin();
  REQUIRE(c.ok());
  auto alpha2 = [](const std::string& s) {
    return s.empty() || (s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z');
  };
  for (const auto& p : c->publishers()) {
    INFO("publisher " << p.id << " country " << p.country);
    CHECK(alpha2(p.country));
  }
  for (const auto& p : c->providers()) {
    INFO("provider " << p.id << " data_country " << p.data_country << " terms_url " << p.terms_url);
    CHECK(alpha2(p.data_country));
    CHECK((p.terms_url.empty() || p.terms_url.rfind("https://", 0) == 0 || p.terms_url.rfind("http://", 0) == 0));
  }
}
