// The extractor registry: which extractors exist, and which of them care about
// a given file.
#pragma once

#include <string_view>
#include <vector>

#include "extract/extractor.h"

namespace modelprov {

// Every built-in extractor, in a fixed order.
ExtractorList DefaultExtractors();

// Decides, from a path alone, which extractors want a file; built once per
// scan, then used read-only from every worker.
class ExtractorSelector {
 public:
  explicit ExtractorSelector(const ExtractorList& extractors);

  // Extractors whose globs match `path`.
  std::vector<const Extractor*> ForPath(std::string_view path) const;
  // Extractors claiming a file by its first bytes (only asked when no glob matched).
  std::vector<const Extractor*> ForMagic(std::string_view head) const;
  bool any_magic() const { return any_magic_; }

 private:
  struct Claim {
    const Extractor* extractor;
    std::vector<std::string> globs;
  };
  std::vector<Claim> claims_;
  std::vector<const Extractor*> all_;
  bool any_magic_ = false;
};

}  // namespace modelprov
