// ModelReference: one raw occurrence of a model dependency, as an extractor saw
// it, before any catalog lookup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/location.h"

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

// Extra facts an extractor read next to the reference (config.json's
// model_type, a model card's license, a package's ecosystem...). Small and
// ordered so output is deterministic.
using Facts = std::vector<std::pair<std::string, std::string>>;

inline constexpr size_t kMaxExcerptBytes = 160;

struct ModelReference {
  ReferenceKind kind = ReferenceKind::kHfModelId;
  std::string text;        // the literal as written
  Location location;
  std::string extractor;   // name of the extractor that produced it
  Evidence evidence = Evidence::kDefinite;
  Facts facts;
  // Which version of the file was read: "worktree" (files on disk), "index"
  // (staged blobs) or "commit:<short-hash>". Set by the pipeline from the
  // Source, never by extractors; empty means "worktree".
  std::string source;
  // The source line the reference sits on, trimmed and cut to at most
  // kMaxExcerptBytes (on a UTF-8 boundary). Filled by the pipeline from the
  // text it already holds, so report writers can quote evidence without
  // reading files; empty for binary inputs and line 0.
  std::string excerpt;

  // Returns the value of fact `key`, or empty if absent.
  std::string_view Fact(std::string_view key) const;
};

}  // namespace modelprov
