// The extractor registry: which extractors exist, and which of them care about
// a given file.
#pragma once

#include <unordered_map>
#include <utility>

#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/vocabulary.h"
#include "extract/extractor.h"

namespace modelprov {

// Every built-in extractor of a structured file kind, in a fixed order
// (without text-scan, which needs the catalog's words).
ExtractorList DefaultExtractors();

// DefaultExtractors() followed by text-scan built from `vocab`: what a scan
// uses. Fails only when the anchors cannot be compiled.
Result<ExtractorList> DetectionExtractors(const DetectionVocabulary& vocab);

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
  // The extractor that reads every text file (text-scan), or nullptr.
  const Extractor* every_text() const { return every_text_; }

 private:
  // Claims are indexed by shape, so a path costs a few hash lookups on its
  // lowercased base name instead of every glob of every extractor:
  // "**/name" by name, "**/*.ext" by suffix (each of the base name's dot
  // positions is tried), anything else matched as a glob. Values are
  // extractor positions, so results keep registry order.
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
  std::unordered_map<std::string, std::vector<size_t>> by_suffix_;
  struct GeneralClaim {
    std::string glob;
    size_t extractor;
    // The glob's last segment's literal start and end, lowercased: a base
    // name that does not have them cannot match, and skips the matcher.
    std::string base_prefix, base_suffix;
  };
  std::vector<GeneralClaim> general_;
  std::vector<const Extractor*> all_;
  bool any_magic_ = false;
  const Extractor* every_text_ = nullptr;
};

}  // namespace modelprov
