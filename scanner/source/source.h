// Sources: where bytes come from. A Source lists Entries (cheap metadata) and
// opens any of them as a Blob for random-access reading. Listing happens once,
// on one thread; Open() is called from worker threads and must be thread-safe.
//
// Implementations: DirectorySource (a tree on disk, git-aware), FileListSource
// (explicit files), and the git object-database sources.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "core/scan_error.h"

namespace modelprov {

struct Entry {
  std::string path;     // display path, relative to the scanned root, '/' separated
  std::string locator;  // source-private handle: absolute file path, blob id...
  uint64_t size = 0;
};

// The bytes of one entry. Not thread-safe; one per worker at a time.
class Blob {
 public:
  virtual ~Blob() = default;
  virtual uint64_t size() const = 0;
  // Reads up to `n` bytes at `offset` into `buf`. Returns the count read
  // (less than n only at end of data) or an error.
  virtual Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) = 0;
};

class EntrySink {
 public:
  virtual ~EntrySink() = default;
  virtual void OnEntry(Entry entry) = 0;
  // A path that could not be listed or was deliberately skipped, with the reason.
  virtual void OnError(ScanError error) = 0;
};

class Source {
 public:
  virtual ~Source() = default;
  // One line for humans, e.g. "directory ./app (git work tree)".
  virtual std::string Describe() const = 0;
  // Lists every entry once. Per-path problems go to sink.OnError and the walk
  // goes on; an error return means nothing could be listed at all.
  virtual Status Walk(EntrySink& sink) = 0;
  // Opens an entry produced by this source's Walk. Thread-safe.
  virtual Result<std::unique_ptr<Blob>> Open(const Entry& entry) const = 0;
  // Which version of the files this source reads, copied into every
  // reference's `source`: "worktree", "index" or "commit:<short-hash>".
  virtual std::string origin() const { return "worktree"; }
};

}  // namespace modelprov
