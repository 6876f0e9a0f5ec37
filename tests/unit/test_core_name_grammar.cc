// Family naming grammar (core/name_grammar.h): when a string reads as a
// release of the family whose stem it starts with.
#include <catch2/catch.hpp>

#include "core/name_grammar.h"

using namespace modelprov;

TEST_CASE("any-tail stems take separators and digits, not letters", "[core][grammar]") {
  CHECK(StemFits("qwen3.8-max", "qwen", StemRule::kAnyTail));
  CHECK(StemFits("qwen-max", "qwen", StemRule::kAnyTail));
  CHECK(StemFits("gemma4:e4b", "gemma", StemRule::kAnyTail));
  CHECK(StemFits("deepseek_r1", "deepseek", StemRule::kAnyTail));
  CHECK(StemFits("kimi-k2.5", "kimi", StemRule::kAnyTail));
  CHECK_FALSE(StemFits("mistralai", "mistral", StemRule::kAnyTail));  // the org, not a release
  CHECK_FALSE(StemFits("qwen", "qwen", StemRule::kAnyTail));          // a bare stem is a word
  CHECK_FALSE(StemFits("qwen-", "qwen", StemRule::kAnyTail));
  CHECK_FALSE(StemFits("qwe", "qwen", StemRule::kAnyTail));
}

TEST_CASE("versioned stems need a digit after at most one separator", "[core][grammar]") {
  CHECK(StemFits("yi-34b-chat", "yi", StemRule::kVersionDigit));
  CHECK(StemFits("gpt-4o", "gpt", StemRule::kVersionDigit));
  CHECK(StemFits("gpt2", "gpt", StemRule::kVersionDigit));
  CHECK(StemFits("llama3.1:8b", "llama", StemRule::kVersionDigit));
  CHECK(StemFits("glm-5", "glm", StemRule::kVersionDigit));
  CHECK_FALSE(StemFits("yield", "yi", StemRule::kVersionDigit));
  CHECK_FALSE(StemFits("step-by-step", "step", StemRule::kVersionDigit));
  CHECK_FALSE(StemFits("llama-index", "llama", StemRule::kVersionDigit));
  CHECK_FALSE(StemFits("phi--3", "phi", StemRule::kVersionDigit));
}

TEST_CASE("a stem ending in a digit needs a separator", "[core][grammar]") {
  CHECK(StemFits("e5-large-v2", "e5", StemRule::kVersionDigit) == false);  // no digit after the separator
  CHECK(StemFits("e5-2", "e5", StemRule::kVersionDigit));
  CHECK_FALSE(StemFits("e501", "e5", StemRule::kVersionDigit));  // a lint code
}

TEST_CASE("shapes that are never model names", "[core][grammar]") {
  CHECK(HasNonModelShape("claude-history.db"));
  CHECK(HasNonModelShape("claude-connected-title"));
  CHECK(HasNonModelShape("command-r.block_count"));
  CHECK(HasNonModelShape("glm::vec3"));
  CHECK(HasNonModelShape("mistral-common"));
  CHECK(HasNonModelShape("qwen-agent"));
  CHECK(HasNonModelShape("qwen3_nothink"));
  CHECK(HasNonModelShape("minimax_base_url"));
  CHECK(HasNonModelShape("bge-embed-text-cpu"));
  CHECK_FALSE(HasNonModelShape("qwen2.5-7b-instruct"));
  CHECK_FALSE(HasNonModelShape("flux.1-dev"));
  CHECK_FALSE(HasNonModelShape("gemini-2.5-flash"));
  CHECK_FALSE(HasNonModelShape("claude-sonnet-4-6"));
}

TEST_CASE("web pages of API hosts are not endpoints", "[core][grammar]") {
  CHECK(IsWebPageUrl("https://open.bigmodel.cn/console/overview"));
  CHECK(IsWebPageUrl("https://openrouter.ai/models"));
  CHECK(IsWebPageUrl("https://api.x.com/docs/quickstart"));
  CHECK_FALSE(IsWebPageUrl("https://openrouter.ai/api/v1"));
  CHECK_FALSE(IsWebPageUrl("https://api.deepseek.com"));
  CHECK_FALSE(IsWebPageUrl("api.deepseek.com"));
  CHECK_FALSE(IsWebPageUrl("https://api.openai.com/v1/models"));
}
