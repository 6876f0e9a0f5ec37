// Extractors: one file format each. An extractor claims files by name (cheap,
// no I/O) or by their first bytes (magic), then turns one file's bytes into
// ModelReferences pushed into a ReferenceSink.
//
// Extractors are stateless and const: one instance serves every worker
// thread. They never execute, unpickle or fetch anything they read.
//
// Adding a file kind: write one extractor file in this folder with a
// Make...Extractor() factory, declare it in extractors.h, and add one line to
// registry.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_ref.h"
#include "core/result.h"
#include "core/scan_error.h"

namespace modelprov {

// Where extractors put what they find. Implementations decide about
// buffering, dedup and threading; an extractor only pushes.
class ReferenceSink {
 public:
  virtual ~ReferenceSink() = default;
  virtual void OnReference(ModelReference ref) = 0;
  // A problem with this file (malformed, truncated, over a limit).
  virtual void OnError(ScanError error) = 0;
  // True once the sink keeps no more references for this file: extractors
  // that can produce many may stop early.
  virtual bool full() const { return false; }
};

// Bounded random access to a file too large to load (weights, archives).
class RandomAccess {
 public:
  virtual ~RandomAccess() = default;
  virtual uint64_t size() const = 0;
  virtual Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) = 0;
};

// What an extractor is given for one file.
struct ExtractInput {
  std::string_view path;  // display path (for Location::path)
  std::string_view name;  // base name
  uint64_t size = 0;
  // The whole file, for Input::kText extractors; empty for kRandomAccess ones.
  std::string_view text;
  // For Input::kRandomAccess extractors; null for kText ones.
  RandomAccess* blob = nullptr;
};

class Extractor {
 public:
  enum class Input {
    kText,          // the pipeline loads the whole file (bounded by --max-file-size)
    kRandomAccess,  // the extractor reads what it needs (headers of big files)
  };

  virtual ~Extractor() = default;
  // Stable, lowercase, used in output and docs: "python-source".
  virtual std::string_view name() const = 0;
  // Globs over the display path that this extractor claims ("**/*.py",
  // "**/config.json"). Matched case-insensitively.
  virtual std::vector<std::string> globs() const = 0;
  // Claims a file no glob claimed, by its first bytes (at most 64 bytes).
  // Only asked when uses_magic() is true.
  virtual bool uses_magic() const { return false; }
  virtual bool ClaimsMagic(std::string_view /*head*/) const { return false; }
  virtual Input input() const { return Input::kText; }
  // True for the extractor that reads every text file, claimed or not
  // (text-scan): the pipeline gives it each file whose content is text.
  virtual bool reads_every_text_file() const { return false; }
  // For the every-text extractor: false when `text` holds none of its
  // anchors nor any word a model slot is named with, so neither it nor any
  // gated() extractor can find anything there. Stops at the first anchor.
  virtual bool MayMatter(std::string_view /*text*/) const { return true; }
  // True for extractors that only find what the every-text extractor's
  // anchors would also point at (the source-code lexers): the pipeline
  // skips them on files where MayMatter() is false.
  virtual bool gated() const { return false; }
  // Finds references in one file. Never throws.
  virtual void Extract(const ExtractInput& in, ReferenceSink& sink) const = 0;
};

using ExtractorList = std::vector<std::unique_ptr<Extractor>>;

}  // namespace modelprov
