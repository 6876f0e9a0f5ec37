// ArchiveExpander: looks inside archives (zip, tar, tar.gz/.bz2/.xz/.zst, 7z
// and the zip-based .whl/.jar/.nupkg/.mar/.nemo/.keras) in memory, with
// libarchive, and hands each member to the same extractors a plain file gets.
//
// Nothing is written to disk. Members are reported as "outer.zip!/dir/file";
// a nested archive adds another "!/" level. Every limit that stops a walk is
// an error entry naming its flag:
//   --archive-depth        nesting levels opened (the outer archive is level 1)
//   --archive-max-bytes    uncompressed bytes read from one top-level archive,
//                          nested ones included
//   --archive-max-entries  members per archive
//   --archive-max-ratio    uncompressed bytes read / the top-level archive's
//                          size (checked once 1 MiB has been read)
// Members named with "..", absolute names, duplicate names and encrypted
// members are reported and skipped, never read.
//
// Members some extractor claims by name, nested archives and, when text-scan
// runs, every member whose name may be text are decompressed; members named
// like images, media or compiled code are skipped cheaply.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "extract/registry.h"

namespace modelprov {

struct ArchiveLimits {
  unsigned max_depth = 4;
  uint64_t max_bytes = 1ull << 30;
  uint64_t max_entries = 100000;
  uint64_t max_ratio = 200;
  // Random-access extractors (binary headers) see at most this prefix of a member.
  uint64_t random_access_prefix = 32ull << 20;
  // Error entries kept per top-level archive (nested ones included); the
  // rest are counted in one summary entry on the archive.
  uint64_t max_errors = 1000;
};

// True when the name says archive: .zip .tar .tgz .tar.gz .tar.bz2 .tbz2
// .tar.xz .txz .tar.zst .tzst .7z .whl .jar .nupkg .mar .nemo .keras.
bool IsArchiveName(std::string_view path);
// True for zip, 7z and ustar tar magic in the first bytes (at least 262 for tar).
bool IsArchiveMagic(std::string_view head);

// Runs extractors on one in-memory member; implemented by the pipeline worker.
class MemberExtractor {
 public:
  virtual ~MemberExtractor() = default;
  // `data` is the member's bytes (the first `data.size()` of `full_size` when
  // only random-access extractors were chosen). `read_as_text`: text-scan
  // reads the member too when its content is text, as it reads every file.
  virtual void ExtractMember(const std::vector<const Extractor*>& chosen, const std::string& display_path,
                             std::string_view data, uint64_t full_size, bool read_as_text, ReferenceSink& sink) = 0;
};

class ArchiveExpander {
 public:
  ArchiveExpander(const ExtractorSelector& selector, const ArchiveLimits& limits, uint64_t max_text_bytes)
      : selector_(selector), limits_(limits), max_text_bytes_(max_text_bytes) {}

  // Walks the archive `data` (a file's RandomAccess), reporting references
  // and error entries into `sink`.
  void Expand(RandomAccess& data, const std::string& display_path, MemberExtractor& extractor, ReferenceSink& sink);

 private:
  const ExtractorSelector& selector_;
  const ArchiveLimits& limits_;
  uint64_t max_text_bytes_;
};

}  // namespace modelprov
