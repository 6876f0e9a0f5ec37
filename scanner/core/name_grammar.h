// Family naming grammar: when does a string read as a model name of a family
// whose stem it starts with?
//
// Shared by the text scanner (which decides whether a candidate is worth
// resolving) and the resolver (which picks the family), so both agree on
// what fits. Inputs are lowercased names without an org ("qwen3.8-max",
// "gemma4:e4b", "llama-3.3-70b-instruct").
#pragma once

#include <string_view>

namespace modelprov {

enum class StemRule {
  kAnyTail,       // "qwen" + "-max", "2.5", ":7b"...
  kVersionDigit,  // "yi" only before a version digit: "yi-34b", not "yield"
};

// True when `name` starts with `stem` and the rest continues a model name
// under `rule`: a separator (- _ . :) or digit right after the stem, and for
// kVersionDigit a digit after at most one separator. An empty rest fits
// neither rule (a bare stem is a word, not a release).
bool StemFits(std::string_view name, std::string_view stem, StemRule rule);

// True for strings shaped like something other than a model name even when
// a stem fits: file names ("claude-history.db"), packages and modules
// ("mistral-common", "qwen-agent"), UI ids ("claude-connected-title"), GGUF
// metadata keys ("command-r.block_count"), C++ scopes ("glm::vec3").
bool HasNonModelShape(std::string_view name);

// True when a URL points at a web page of an API host rather than at the API
// ("https://open.bigmodel.cn/console/overview", "https://openrouter.ai/models",
// ".../docs/..."): documentation, consoles, key pages, pricing.
bool IsWebPageUrl(std::string_view url);

}  // namespace modelprov
