#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "core/text.h"
#include "extract/registry.h"

namespace modelprov {
namespace {

using Clock = std::chrono::steady_clock;

struct ListedEntry {
  size_t source;
  Entry entry;
};

class ListingSink final : public EntrySink {
 public:
  ListingSink(size_t source, std::vector<ListedEntry>& entries, std::vector<ScanError>& errors)
      : source_(source), entries_(entries), errors_(errors) {}
  void OnEntry(Entry entry) override { entries_.push_back({source_, std::move(entry)}); }
  void OnError(ScanError error) override { errors_.push_back(std::move(error)); }

 private:
  size_t source_;
  std::vector<ListedEntry>& entries_;
  std::vector<ScanError>& errors_;
};

// Collects one file's output; owned by one worker.
class FileSink final : public ReferenceSink {
 public:
  void OnReference(ModelReference ref) override { refs.push_back(std::move(ref)); }
  void OnError(ScanError error) override { errors.push_back(std::move(error)); }
  std::vector<ModelReference> refs;
  std::vector<ScanError> errors;
};

class BlobAccess final : public RandomAccess {
 public:
  explicit BlobAccess(Blob& blob) : blob_(blob) {}
  uint64_t size() const override { return blob_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override { return blob_.ReadAt(offset, buf, n); }

 private:
  Blob& blob_;
};

struct FileOutput {
  std::vector<ResolvedReference> refs;
  std::vector<ScanError> errors;
};

class Worker {
 public:
  Worker(const std::vector<std::unique_ptr<Source>>& sources, const ExtractorSelector& selector,
         const Resolver& resolver, const ScanLimits& limits)
      : sources_(sources), selector_(selector), resolver_(resolver), limits_(limits) {}

  FileOutput Process(const ListedEntry& item) {
    FileOutput out;
    const Entry& e = item.entry;
    std::vector<const Extractor*> chosen = selector_.ForPath(e.path);
    if (chosen.empty() && !selector_.any_magic()) return out;
    auto blob = sources_[item.source]->Open(e);
    if (!blob) {
      out.errors.push_back({e.path, blob.error().message});
      return out;
    }
    if (chosen.empty()) {
      char head[64];
      auto got = (*blob)->ReadAt(0, head, sizeof head);
      if (!got) return out;
      chosen = selector_.ForMagic(std::string_view(head, *got));
      if (chosen.empty()) return out;
    }
    FileSink sink;
    bool text_loaded = false, text_failed = false;
    for (const Extractor* ex : chosen) {
      ExtractInput in;
      in.path = e.path;
      in.name = BaseName(e.path);
      in.size = (*blob)->size();
      BlobAccess access(**blob);
      if (ex->input() == Extractor::Input::kRandomAccess) {
        in.blob = &access;
      } else {
        if (!text_loaded && !text_failed) text_failed = !LoadText(**blob, e.path, sink);
        text_loaded = true;
        if (text_failed) continue;
        in.text = buffer_;
      }
      ex->Extract(in, sink);
    }
    if (text_loaded && !text_failed && !sink.refs.empty()) AddExcerpts(sink.refs);
    for (ModelReference& ref : sink.refs) {
      if (std::optional<ResolvedReference> r = resolver_.Resolve(ref)) out.refs.push_back(std::move(*r));
    }
    out.errors = std::move(sink.errors);
    return out;
  }

 private:
  // The text is still in buffer_, so quoting the line costs one line index.
  void AddExcerpts(std::vector<ModelReference>& refs) const {
    LineIndex index(buffer_);
    for (ModelReference& ref : refs) {
      if (ref.location.line == 0 || !ref.excerpt.empty()) continue;
      ref.excerpt = MakeExcerpt(index.LineText(buffer_, ref.location.line));
    }
  }

  bool LoadText(Blob& blob, const std::string& path, FileSink& sink) {
    uint64_t size = blob.size();
    if (size > limits_.max_file_bytes) {
      sink.OnError({path, "file is " + std::to_string(size) + " bytes, over the " +
                              std::to_string(limits_.max_file_bytes) + "-byte limit (--max-file-size); not scanned"});
      return false;
    }
    buffer_.resize(size);
    auto got = blob.ReadAt(0, buffer_.data(), buffer_.size());
    if (!got) {
      sink.OnError({path, got.error().message});
      return false;
    }
    buffer_.resize(*got);  // the file may have shrunk since it was listed
    std::string_view head(buffer_.data(), std::min<size_t>(buffer_.size(), 8192));
    if (head.find('\0') != std::string_view::npos) {
      sink.OnError({path, "contains NUL bytes (binary or UTF-16); not scanned as text"});
      return false;
    }
    return true;
  }

  const std::vector<std::unique_ptr<Source>>& sources_;
  const ExtractorSelector& selector_;
  const Resolver& resolver_;
  const ScanLimits& limits_;
  std::string buffer_;  // reused across files: no allocation per file once warm
};

}  // namespace

std::string MakeExcerpt(std::string_view line) {
  line = Trim(line);
  if (line.size() <= kMaxExcerptBytes) return std::string(line);
  size_t cut = kMaxExcerptBytes;
  // Back up over continuation bytes so the cut lands on a character start.
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut));
}

void SortScanResult(ScanResult& result) {
  std::stable_sort(result.references.begin(), result.references.end(),
                   [](const ResolvedReference& a, const ResolvedReference& b) {
                     const Location& x = a.ref.location;
                     const Location& y = b.ref.location;
                     if (x.path != y.path) return x.path < y.path;
                     if (x.line != y.line) return x.line < y.line;
                     return x.column < y.column;
                   });
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const ScanError& a, const ScanError& b) { return a.path < b.path; });
}

ScanResult RunScan(ScanRequest& request, const ExtractorList& extractors, const Resolver& resolver) {
  auto start = Clock::now();
  ScanResult result;
  std::vector<ListedEntry> entries;
  for (size_t i = 0; i < request.sources.size(); ++i) {
    ListingSink sink(i, entries, result.errors);
    Status st = request.sources[i]->Walk(sink);
    if (!st) result.errors.push_back({"", st.error().message});
  }
  for (const ListedEntry& e : entries) {
    ++result.stats.files;
    result.stats.bytes += e.entry.size;
  }

  ExtractorSelector selector(extractors);
  std::vector<FileOutput> outputs(entries.size());
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done_files{0}, done_bytes{0};
  unsigned jobs = std::max(1u, std::min<unsigned>(request.jobs, static_cast<unsigned>(entries.size() + 1)));
  auto work = [&](bool reports_progress) {
    Worker worker(request.sources, selector, resolver, request.limits);
    auto last_report = Clock::now();
    for (size_t i = next++; i < entries.size(); i = next++) {
      outputs[i] = worker.Process(entries[i]);
      ++done_files;
      done_bytes += entries[i].entry.size;
      if (reports_progress && request.on_progress && Clock::now() - last_report > std::chrono::milliseconds(100)) {
        last_report = Clock::now();
        request.on_progress({done_files.load(), entries.size(), done_bytes.load(),
                             std::chrono::duration<double>(last_report - start).count()});
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work, false);
  work(true);
  for (std::thread& t : threads) t.join();

  for (FileOutput& o : outputs) {
    for (ResolvedReference& r : o.refs) result.references.push_back(std::move(r));
    for (ScanError& e : o.errors) result.errors.push_back(std::move(e));
  }
  SortScanResult(result);
  result.stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace modelprov
