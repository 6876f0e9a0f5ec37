// AnchorScanner: the one pass over a file's bytes that finds where detection
// should look.
//
// All anchors (family stems, exact model names, API hosts, SDK packages, Hub
// orgs and URL prefixes, provider keys) are compiled once per scan into one
// vectorscan database and matched case-insensitively in a single pass, so a
// file without any anchor costs one read of its bytes and nothing else. What
// an anchor hit means is decided later, in a window around it (text_scan.cc).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct hs_database;
struct hs_scratch;

namespace modelprov {

enum class AnchorKind : uint8_t {
  kStem,           // family stem, any model-like tail may follow
  kVersionedStem,  // family stem that needs a version digit
  kExactName,      // an API/Ollama name the stems do not cover
  kHost,           // provider API host
  kSdkPackage,     // SDK package name
  kHubOrg,         // "org/" of a publisher or re-publisher
  kHubUrl,         // huggingface.co/, hf.co/, modelscope.cn/models/, ollama.com/library/
  kProviderKey,    // provider, model_server, api_type...
  kSlotWord,       // from_pretrained, snapshot_download...: only makes a file worth lexing
  kProviderName,   // provider ids and aliases ("zai", "google"): count only in a provider slot
};

struct Anchor {
  std::string text;  // matched ignoring ASCII case
  AnchorKind kind;
};

struct AnchorHit {
  size_t begin;  // byte offset of the anchor's first byte
  size_t end;    // one past its last byte
  AnchorKind kind;
};

class AnchorScanner {
 public:
  // Compiles the anchors. Fails only when vectorscan rejects the database
  // (which the unit tests rule out for the built-in catalog).
  static Result<std::unique_ptr<AnchorScanner>> Compile(std::vector<Anchor> anchors);
  ~AnchorScanner();
  AnchorScanner(const AnchorScanner&) = delete;
  AnchorScanner& operator=(const AnchorScanner&) = delete;

  // Every hit in `text`, ordered by end offset. Thread-safe: each call takes
  // a scratch space from a small pool.
  std::vector<AnchorHit> Scan(std::string_view text) const;
  // True when `text` holds an anchor that `keep` accepts; stops at the
  // first such hit.
  bool AnyHit(std::string_view text, const std::function<bool(const AnchorHit&)>& keep) const;

  const std::vector<Anchor>& anchors() const { return anchors_; }

 private:
  AnchorScanner() = default;
  hs_scratch* TakeScratch() const;
  void ReturnScratch(hs_scratch* s) const;

  std::vector<Anchor> anchors_;
  hs_database* db_ = nullptr;
  hs_scratch* prototype_ = nullptr;
  mutable std::mutex pool_mutex_;
  mutable std::vector<hs_scratch*> pool_;
};

}  // namespace modelprov
