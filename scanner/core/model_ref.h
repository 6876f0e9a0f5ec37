// ModelReference: one raw occurrence of a model dependency, as an extractor saw
// it, before any catalog lookup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/location.h"
#include "core/reference_facts.h"

namespace modelprov {

// The JSON contract's `kind` values (docs/json-output.md). Keep in sync with
// KindName()/ParseKind().
enum class ReferenceKind {
  kHfModelId,
  kApiModel,
  kApiEndpoint,
  kSdkPackage,
  kModelConfig,
  kModelCard,
  kAdapterConfig,
  kGguf,
  kSafetensors,
  kModelfile,
  kLicenseFile,
  kDeployConfig,
  kModelWeights,  // a weight container recognised by its magic (pickle, HDF5, ONNX...)
};

std::string_view KindName(ReferenceKind kind);
std::optional<ReferenceKind> ParseKind(std::string_view name);
// Every kind's name, in declaration order (for error messages).
std::vector<std::string> ReferenceKindNames();

// How sure the extractor is that the text names a model. The resolver uses it
// to decide how much catalog evidence a reference needs before it is reported,
// which is how precision is kept: a quoted "gpt-4o" anywhere in code is a
// reference; a quoted "command" is one only when passed as model=.
enum class Evidence {
  // Syntax alone proves a model is named (from_pretrained("x/y"), config.json
  // with architectures). Reported even when the catalog does not know it.
  kDefinite,
  // A model-ish slot (model=, MODEL_ID=, base_url=) holds the text. Reported
  // when any catalog matcher (names, Ollama tags, patterns) recognises it.
  kLikely,
  // A bare literal with no context. Reported only on an exact catalog hit
  // (known Hub org, exact API model pattern, provider host, SDK package).
  kPossible,
};

inline constexpr size_t kMaxExcerptBytes = 160;

struct ModelReference {
  ReferenceKind kind = ReferenceKind::kHfModelId;
  std::string text;        // the literal as written
  Location location;
  std::string extractor;   // name of the extractor that produced it
  Evidence evidence = Evidence::kDefinite;
  // What the extractor read next to the reference, typed per kind
  // (core/reference_facts.h): config.json's model_type, a model card's
  // license, a GGUF file's general.* keys... Empty when it read nothing.
  FactsBox facts;
  // Which version of the file was read: "worktree" (files on disk), "index"
  // (staged blobs) or "commit:<short-hash>". Set by the pipeline from the
  // Source, never by extractors; empty means "worktree".
  std::string source;
  // The source line the reference sits on, trimmed and cut to at most
  // kMaxExcerptBytes (on a UTF-8 boundary). Filled by the pipeline from the
  // text it already holds, so report writers can quote evidence without
  // reading files; empty for binary inputs and line 0.
  std::string excerpt;

  // The facts as T, or nullptr when there are none or they are another
  // kind's (the resolver may refine a kind: hf-model-id facts stay on a
  // reference it re-reads as an api-model).
  template <typename T>
  const T* FactsAs() const {
    return facts.As<T>();
  }
  // The facts as T for an extractor to fill, replacing facts of another type.
  template <typename T>
  T& SetFacts() {
    return facts.Emplace<T>();
  }
  // The serialised view (JSON `facts`): key/value strings in extraction order.
  Facts FactPairs() const;
};

// Reads serialised facts (a scan JSON's `facts` object) back into the typed
// struct for `ref.kind` (a model-config with a "tokenizer" fact holds
// TokenizerFacts). Empty pairs leave the reference without facts.
void SetFactsFromPairs(ModelReference& ref, const Facts& pairs);

}  // namespace modelprov
