// The scan pipeline: Sources -> Extractors -> Resolver -> ScanResult.
//
// Entries are listed first (cheap), then processed by `jobs` worker threads
// that take the next entry from a shared counter. Each file is opened once
// and read once; extractors are chosen from the path before any byte is read.
// Results are ordered by path, line and column, so output never depends on
// thread timing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/resolver.h"
#include "core/scan_result.h"
#include "extract/extractor.h"
#include "pipeline/archive_expander.h"
#include "source/ignore_rules.h"
#include "source/source.h"

namespace modelprov {

struct ScanLimits {
  // Files larger than this are not loaded for text extractors (an error entry
  // says so). Header readers still see them.
  uint64_t max_file_bytes = 64ull << 20;
  // References kept per file: a generated file with 200,000 model names
  // would otherwise cost memory and time in proportion (an error entry says
  // how many more there were).
  size_t max_references_per_file = 10000;
  // File text held by all workers together; a worker whose file would pass
  // it waits for the others (a single file always proceeds).
  uint64_t max_in_flight_bytes = 128ull << 20;
  ArchiveLimits archive;
};

struct ScanProgress {
  uint64_t files_done = 0;
  uint64_t files_total = 0;
  uint64_t bytes_done = 0;
  double seconds = 0;
};

struct ScanRequest {
  std::vector<std::unique_ptr<Source>> sources;
  unsigned jobs = 1;
  ScanLimits limits;
  // Files that are configuration of this very scan (the active policy file),
  // as canonical absolute paths: never reported as dependencies.
  std::vector<std::string> excluded_files;
  // The same for entries of git sources, by their reported path (a policy
  // file read from a commit's tree).
  std::vector<std::string> excluded_paths;
  // Paths the user leaves out (--exclude, .modelprovignore), matched against
  // each entry's reported path; counted in ScanStats::excluded. May be null.
  const IgnoreRules* ignore = nullptr;
  // Called from one worker thread about every 100 ms; may be empty.
  std::function<void(const ScanProgress&)> on_progress;
};

// Runs the analysis stages. Findings are not computed here (see rules/).
// Never throws; per-file problems are in ScanResult::errors, and a source that
// cannot be listed at all becomes an error entry too.
ScanResult RunScan(ScanRequest& request, const ExtractorList& extractors, const Resolver& resolver);

// Runs the extractors and the resolver on single in-memory files, outside any
// Source walk (the history walk scans blobs one at a time). Not thread-safe.
class SingleFileScanner {
 public:
  SingleFileScanner(const ExtractorList& extractors, const Resolver& resolver, const ScanLimits& limits);
  ~SingleFileScanner();
  // False when no extractor claims `path` by name and it is not an archive:
  // such a file can be skipped without reading it.
  bool Wants(std::string_view path) const;
  // References (source left empty) and error entries for `data` read as `path`.
  void Scan(const std::string& path, std::string data, std::vector<ResolvedReference>& refs,
            std::vector<ScanError>& errors);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
// The excerpt a reference carries (ModelReference::excerpt): `line` without
// surrounding whitespace, cut to at most kMaxExcerptBytes without splitting a
// UTF-8 sequence.
std::string MakeExcerpt(std::string_view line);

// Sorts references and errors into the canonical output order.
void SortScanResult(ScanResult& result);

}  // namespace modelprov
