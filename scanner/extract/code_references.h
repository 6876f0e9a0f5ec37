// Turns a string literal found in program source into a ModelReference, by
// looking at the slot it sits in: which call (from_pretrained, pipeline,
// SentenceTransformer...), which keyword or key (model=, repo_id=, baseURL:),
// and what the text looks like (Hub id, API model name, URL).
//
// Shared by every source-language extractor, so Python, JavaScript, Go... all
// follow the same rules and precision tests cover them all at once.
#pragma once

#include <optional>
#include <string_view>

#include "core/model_ref.h"
#include "extract/code_literals.h"

namespace modelprov {

std::optional<ModelReference> ClassifyCodeLiteral(const StringLiteral& literal);

// Shape tests, exposed for tests and other extractors.
bool LooksLikeHubId(std::string_view s);        // "Org/Name"
bool LooksLikeModelName(std::string_view s);    // "gpt-4o", "qwen2.5:7b", "claude-3-5-sonnet@20240620"
bool LooksLikeUrl(std::string_view s);          // "https://host/..."
// True for names like "model", "model_id", "MODEL_NAME", "modelName", "llm_model", "repo_id".
bool IsModelSlotName(std::string_view key);
// True for names like "base_url", "baseURL", "api_base", "endpoint".
bool IsEndpointSlotName(std::string_view key);

}  // namespace modelprov
