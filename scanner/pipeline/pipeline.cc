#include "pipeline/pipeline.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <new>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "core/text.h"
#include "extract/registry.h"
#include "pipeline/text_encoding.h"

namespace modelprov {
namespace {

using Clock = std::chrono::steady_clock;

// modelprov's own reports and baselines (a scan.json, SARIF or base.json
// kept in the tree) quote every reference they list; reading them again
// would double the inventory.
bool IsModelprovReport(std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  std::string_view tail = text.size() > 512 ? text.substr(text.size() - 512) : text;
  std::string_view start = Trim(text.substr(0, 64));
  if (!start.empty() && start[0] == '{') {
    return head.find("\"modelprov_baseline\"") != std::string_view::npos ||
           head.find("\"name\": \"modelprov\"") != std::string_view::npos ||
           tail.find("\"name\": \"modelprov\"") != std::string_view::npos ||
           head.find("\"name\": \"modelprov model dependencies") != std::string_view::npos;
  }
  if (start.rfind("# Model dependency review", 0) == 0) return head.find(" with modelprov ") != std::string_view::npos;
  if (start.rfind("<!DOCTYPE html>", 0) == 0) return head.find("<title>Model dependency review") != std::string_view::npos;
  return start.rfind("THIRD-PARTY AI MODEL NOTICES", 0) == 0;
}

// text-scan reads files other extractors also read: a reference another
// extractor already reported on the same line (same or overlapping text) is
// kept once, with the structured extractor's richer facts.
void DropRepeatedTextScanReferences(std::vector<ResolvedReference>& refs) {
  auto overlaps = [](std::string_view a, std::string_view b) {
    return !a.empty() && !b.empty() && (IContains(a, b) || IContains(b, a));
  };
  auto is_text_scan = [](const ResolvedReference& r) { return r.ref.extractor == "text-scan"; };
  if (std::none_of(refs.begin(), refs.end(), is_text_scan)) return;
  std::vector<bool> drop(refs.size(), false);
  for (size_t i = 0; i < refs.size(); ++i) {
    if (!is_text_scan(refs[i])) continue;
    const ResolvedReference& t = refs[i];
    std::string_view tm = t.resolution ? std::string_view(t.resolution->model) : std::string_view();
    for (size_t j = 0; j < refs.size() && !drop[i]; ++j) {
      if (i == j || drop[j] || refs[j].ref.location.line != t.ref.location.line ||
          refs[j].ref.location.path != t.ref.location.path) {
        continue;  // archive members share one file's list
      }
      if (is_text_scan(refs[j]) && j > i) continue;  // the first of two text-scan twins stays
      const ResolvedReference& o = refs[j];
      std::string_view om = o.resolution ? std::string_view(o.resolution->model) : std::string_view();
      if (overlaps(t.ref.text, o.ref.text) || overlaps(tm, om) || overlaps(t.ref.text, om)) drop[i] = true;
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (drop[i]) continue;
    if (k != i) refs[k] = std::move(refs[i]);
    ++k;
  }
  refs.resize(k);
}

// Renamed weight files and archives (Ollama's blobs/sha256-..., Hub cache
// snapshots, downloads) have no extension or a generic one. Only those are
// opened to look at their first bytes; a file named like source, text or an
// image is not, so a large tree costs no extra open() per unclaimed file.
bool MayHideBlob(std::string_view path) {
  std::string_view name = BaseName(path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return true;
  std::string ext = ToLower(name.substr(dot + 1));
  for (const char* generic : {"bin", "dat", "data", "blob", "part", "tmp", "download", "incomplete", "model", "weights"}) {
    if (ext == generic) return true;
  }
  // "sha256-<hex>"-style names whose "extension" is a run of hex digits.
  return ext.size() >= 8 && ext.find_first_not_of("0123456789abcdef") == std::string::npos;
}

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

// Candidates held per reference kept (see FileSink).
constexpr size_t kCandidatesPerKept = 10;

// Collects one file's output; owned by one worker.
class FileSink final : public ReferenceSink {
 public:
  // Candidates are bounded well above the references kept, so that names
  // the resolver drops (every dependency of a huge package.json) do not
  // crowd out the ones it keeps.
  explicit FileSink(size_t max_kept) : max_refs_(max_kept * kCandidatesPerKept) {}
  void OnReference(ModelReference ref) override {
    if (refs.size() < max_refs_) refs.push_back(std::move(ref));
  }
  void OnError(ScanError error) override { errors.push_back(std::move(error)); }
  bool full() const override { return refs.size() >= max_refs_; }
  // Says that references went unlisted under `path`.
  void ReportDropped(const std::string& path, size_t kept) {
    errors.push_back({path, "more references in this file than the " + std::to_string(kept) +
                                " listed (limit per file)"});
  }
  std::vector<ModelReference> refs;
  std::vector<ScanError> errors;

 private:
  size_t max_refs_;
};

// Holds one archive member's references until its text has quoted them,
// then passes them on.
class MemberSink final : public ReferenceSink {
 public:
  // Holds at most `max_held` references, as many as the file's own sink keeps.
  MemberSink(ReferenceSink& out, size_t max_held) : out_(out), max_held_(max_held) {}
  void OnReference(ModelReference ref) override {
    if (refs_.size() < max_held_) refs_.push_back(std::move(ref));
  }
  void OnError(ScanError error) override { out_.OnError(std::move(error)); }
  bool full() const override { return out_.full() || refs_.size() >= max_held_; }
  // `text` is the member's text, or empty when it was not read as text.
  void Flush(std::string_view text) {
    bool quote = !text.empty() && std::any_of(refs_.begin(), refs_.end(), [](const ModelReference& r) {
      return r.location.line != 0 && r.excerpt.empty();
    });
    std::optional<LineIndex> index;
    if (quote) index.emplace(text);
    for (ModelReference& ref : refs_) {
      if (index && ref.location.line != 0 && ref.excerpt.empty()) ref.excerpt = MakeExcerpt(index->LineText(text, ref.location.line));
      out_.OnReference(std::move(ref));
    }
    refs_.clear();
  }

 private:
  ReferenceSink& out_;
  size_t max_held_;
  std::vector<ModelReference> refs_;
};

class BlobAccess final : public RandomAccess {
 public:
  explicit BlobAccess(Blob& blob) : blob_(blob) {}
  uint64_t size() const override { return blob_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override { return blob_.ReadAt(offset, buf, n); }

 private:
  Blob& blob_;
};

// A member's bytes (or their first part) as a RandomAccess.
class MemoryAccess final : public RandomAccess {
 public:
  explicit MemoryAccess(std::string_view data) : data_(data) {}
  uint64_t size() const override { return data_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    if (offset >= data_.size()) return size_t{0};
    size_t count = std::min<uint64_t>(n, data_.size() - offset);
    std::copy_n(data_.data() + offset, count, buf);
    return count;
  }

 private:
  std::string_view data_;
};

struct FileOutput {
  std::vector<ResolvedReference> refs;
  std::vector<ScanError> errors;
};

// Bytes of file text held by all workers at once. Each worker reuses one
// buffer, so without a shared bound eight workers on eight 60 MB notebooks
// hold 480 MB; with it a worker waits until the others' files are done (one
// file alone may always proceed, so nothing waits forever).
class InFlightBytes {
 public:
  explicit InFlightBytes(uint64_t limit) : limit_(limit) {}
  void Acquire(uint64_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return used_ == 0 || used_ + n <= limit_; });
    used_ += n;
  }
  void Release(uint64_t n) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      used_ -= std::min(n, used_);
    }
    cv_.notify_all();
  }

 private:
  uint64_t limit_;
  uint64_t used_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
};

class Worker final : public MemberExtractor {
 public:
  Worker(const std::vector<std::unique_ptr<Source>>& sources, const ExtractorSelector& selector,
         const Resolver& resolver, const ScanLimits& limits, InFlightBytes* in_flight = nullptr)
      : sources_(sources),
        selector_(selector),
        resolver_(resolver),
        limits_(limits),
        archives_(selector, limits.archive, limits.max_file_bytes),
        in_flight_(in_flight) {}

  // One file. Running out of memory on one file (a hostile header, a huge
  // generated file) is that file's error entry; the scan goes on.
  FileOutput Process(const ListedEntry& item) {
    FileOutput out;
    try {
      out = ProcessUnguarded(item);
    } catch (const std::bad_alloc&) {
      out = FileOutput{};
      out.errors.push_back({item.entry.path, "out of memory while reading this file; not scanned"});
    }
    // Give the text back: the bound on bytes in flight, and the buffer's
    // memory when the file was large.
    if (in_flight_ != nullptr && held_ > 0) in_flight_->Release(held_);
    held_ = 0;
    if (buffer_.capacity() > (8u << 20)) std::string().swap(buffer_);
    return out;
  }

 private:
  FileOutput ProcessUnguarded(const ListedEntry& item) {
    FileOutput out;
    const Entry& e = item.entry;
    std::vector<const Extractor*> chosen = selector_.ForPath(e.path);
    // An archive may also be a model file in its own right (.keras, a
    // PyTorch zip): it is both expanded and given to the extractors.
    bool archive = IsArchiveName(e.path);
    // Every file whose content is text is read by text-scan; names that are
    // never text (images, fonts, compiled code) are not even opened.
    const Extractor* every_text = selector_.every_text();
    bool maybe_text = every_text != nullptr && !archive && !IsNeverTextName(e.path);
    if (chosen.empty() && !archive && !maybe_text && (!selector_.any_magic() || !MayHideBlob(e.path))) return out;
    auto blob = sources_[item.source]->Open(e);
    if (!blob) {
      out.errors.push_back({e.path, blob.error().message});
      return out;
    }
    if (maybe_text || chosen.empty()) {
      char head[kBinarySniffBytes];
      auto got = (*blob)->ReadAt(0, head, sizeof head);
      if (!got) {
        out.errors.push_back({e.path, got.error().message});
        return out;
      }
      std::string_view h(head, *got);
      // Binary by content, as ripgrep decides: a NUL byte in the first 8 KiB
      // (UTF-16 text with a byte order mark is decoded later, so not binary).
      if (maybe_text && LooksBinary(h)) maybe_text = false;
      if (chosen.empty()) {
        archive = archive || IsArchiveMagic(h.substr(0, 512));
        chosen = selector_.ForMagic(h.substr(0, 64));
        if (chosen.empty() && !archive && !maybe_text) return out;
      }
    }
    FileSink sink(limits_.max_references_per_file);
    if (archive) {  // the members go through ExtractMember
      BlobAccess access(**blob);
      archives_.Expand(access, e.path, *this, sink);
    }
    bool text_loaded = false, text_failed = false;
    // One early-exit anchor pass decides whether the loaded text can matter
    // to text-scan and the gated lexers at all (most source files cannot).
    std::optional<bool> matters;
    auto file_matters = [&] {
      if (!matters) matters = every_text == nullptr || every_text->MayMatter(buffer_);
      return *matters;
    };
    for (const Extractor* ex : chosen) {
      // An archive's bytes are never text, whatever its name claims
      // (LICENSE-plugin.zip): only the extractors that read binary
      // containers see it; its members were given to every extractor above.
      if (archive && ex->input() != Extractor::Input::kRandomAccess) continue;
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
        if (ex->gated() && !file_matters()) continue;
      }
      ex->Extract(in, sink);
    }
    if (maybe_text) {
      if (!text_loaded && !text_failed) text_failed = !LoadText(**blob, e.path, sink);
      text_loaded = true;
      if (!text_failed && file_matters() && !IsModelprovReport(buffer_)) {
        ExtractInput in;
        in.path = e.path;
        in.name = BaseName(e.path);
        in.size = (*blob)->size();
        in.text = buffer_;
        every_text->Extract(in, sink);
      }
    }
    std::string origin = sources_[item.source]->origin();
    size_t kept_limit = limits_.max_references_per_file;
    bool over = sink.full();
    for (ModelReference& ref : sink.refs) {
      ref.source = origin;
      if (out.refs.size() >= kept_limit) {
        over = true;
        break;
      }
      if (std::optional<ResolvedReference> r = ResolveCached(std::move(ref))) out.refs.push_back(std::move(*r));
    }
    if (over) sink.ReportDropped(e.path, kept_limit);
    DropRepeatedTextScanReferences(out.refs);
    // Quoted after resolution: only the references that are kept need a line.
    if (text_loaded && !text_failed && !out.refs.empty()) AddExcerpts(out.refs);
    out.errors = std::move(sink.errors);
    return out;
  }

  // One archive member, already in memory. Its references are quoted here,
  // while its text is at hand (the archive itself has no lines to quote).
  void ExtractMember(const std::vector<const Extractor*>& chosen, const std::string& display_path,
                     std::string_view data, uint64_t full_size, bool read_as_text, ReferenceSink& sink) override {
    // Text extractors get UTF-16 (with a byte order mark) as UTF-8; decoded
    // only when one of them is chosen.
    bool wants_text = read_as_text || std::any_of(chosen.begin(), chosen.end(), [](const Extractor* ex) {
                        return ex->input() == Extractor::Input::kText;
                      });
    std::optional<std::string> utf8 = wants_text ? DecodeUtf16WithBom(data) : std::nullopt;
    std::string_view text = utf8 ? std::string_view(*utf8) : data;
    bool binary = LooksBinary(data);
    std::optional<bool> matters;
    auto member_matters = [&] {
      if (!matters) matters = selector_.every_text() == nullptr || selector_.every_text()->MayMatter(text);
      return *matters;
    };
    MemberSink member(sink, limits_.max_references_per_file * kCandidatesPerKept);
    bool nul_reported = false;
    for (const Extractor* ex : chosen) {
      ExtractInput in;
      in.path = display_path;
      in.name = BaseName(display_path);
      in.size = full_size;
      MemoryAccess access(data);
      if (ex->input() == Extractor::Input::kRandomAccess) {
        in.blob = &access;
      } else if (binary) {
        // A claimed name with binary content is worth saying; a member only
        // text-scan would have read is skipped unsaid, as a binary file is.
        if (!nul_reported) member.OnError({display_path, "contains NUL bytes (binary or UTF-16); not scanned as text"});
        nul_reported = true;
        continue;
      } else {
        in.text = text;
        if (ex->gated() && !member_matters()) continue;
      }
      ex->Extract(in, member);
    }
    if (read_as_text && !binary && member_matters() && !IsModelprovReport(text)) {
      ExtractInput in;
      in.path = display_path;
      in.name = BaseName(display_path);
      in.size = full_size;
      in.text = text;
      selector_.every_text()->Extract(in, member);
    }
    member.Flush(binary ? std::string_view() : text);
  }

 private:
  // text-scan's references carry no facts beyond the ones in the key, so the
  // same string resolves the same way everywhere: resolved once per worker.
  std::optional<ResolvedReference> ResolveCached(ModelReference ref) {
    if (ref.extractor != "text-scan") return resolver_.Resolve(ref);
    std::string key = std::to_string(static_cast<int>(ref.kind)) + '\x1f' +
                      std::to_string(static_cast<int>(ref.evidence)) + '\x1f' + ref.text;
    for (const auto& [k, v] : ref.FactPairs()) {
      if (k != "context") key += '\x1f' + k + '=' + v;
    }
    auto it = resolution_cache_.find(key);
    if (it == resolution_cache_.end()) {
      if (resolution_cache_.size() > 100000) resolution_cache_.clear();  // bounded, whatever the tree
      std::optional<ResolvedReference> r = resolver_.Resolve(ref);
      CachedResolution c;
      c.kept = r.has_value();
      if (r) {
        c.kind = r->ref.kind;
        c.text = r->ref.text;
        c.resolution = r->resolution;
      }
      it = resolution_cache_.emplace(std::move(key), std::move(c)).first;
    }
    if (!it->second.kept) return std::nullopt;
    ResolvedReference out{std::move(ref), it->second.resolution};
    out.ref.kind = it->second.kind;
    out.ref.text = it->second.text;
    return out;
  }

  // The text is still in buffer_, so quoting the line costs one line index.
  void AddExcerpts(std::vector<ResolvedReference>& refs) const {
    bool any = std::any_of(refs.begin(), refs.end(), [](const ResolvedReference& r) {
      return r.ref.location.line != 0 && r.ref.excerpt.empty();
    });
    if (!any) return;
    LineIndex index(buffer_);
    for (ResolvedReference& r : refs) {
      ModelReference& ref = r.ref;
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
    if (in_flight_ != nullptr && held_ == 0) {
      in_flight_->Acquire(size);
      held_ = size;
    }
    buffer_.resize(size);
    auto got = blob.ReadAt(0, buffer_.data(), buffer_.size());
    if (!got) {
      sink.OnError({path, got.error().message});
      return false;
    }
    buffer_.resize(*got);  // the file may have shrunk since it was listed
    if (std::optional<std::string> utf8 = DecodeUtf16WithBom(buffer_)) buffer_ = std::move(*utf8);
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
  ArchiveExpander archives_;
  std::string buffer_;  // reused across files: no allocation per file once warm
  InFlightBytes* in_flight_;
  uint64_t held_ = 0;  // bytes of in_flight_ this worker holds for the current file
  struct CachedResolution {
    bool kept = false;
    ReferenceKind kind = ReferenceKind::kApiModel;
    std::string text;
    std::optional<Resolution> resolution;
  };
  std::unordered_map<std::string, CachedResolution> resolution_cache_;
};

// Serves one in-memory file at a time to a Worker.
class OneFileSource final : public Source {
 public:
  std::string Describe() const override { return "in-memory file"; }
  Status Walk(EntrySink&) override { return Ok{}; }
  Result<std::unique_ptr<Blob>> Open(const Entry&) const override {
    return std::unique_ptr<Blob>(std::make_unique<StringBlob>(data));
  }
  std::string origin() const override { return ""; }

  class StringBlob final : public Blob {
   public:
    explicit StringBlob(const std::string& data) : data_(data) {}
    uint64_t size() const override { return data_.size(); }
    Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
      return MemoryAccess(data_).ReadAt(offset, buf, n);
    }

   private:
    const std::string& data_;
  };

  std::string data;
};

// Compares canonical paths only for entries with the same base name, so the
// check costs a string compare per entry, not a syscall.
bool IsExcluded(const Entry& e, const std::vector<std::string>& excluded) {
  for (const std::string& x : excluded) {
    if (BaseName(e.locator) != BaseName(x)) continue;
    std::error_code ec;
    if (std::filesystem::weakly_canonical(e.locator, ec).string() == x) return true;
  }
  return false;
}

}  // namespace

struct SingleFileScanner::Impl {
  Impl(const ExtractorList& extractors, const Resolver& resolver, const ScanLimits& l)
      : selector(extractors), limits(l), worker(sources, selector, resolver, limits) {
    auto src = std::make_unique<OneFileSource>();
    file = src.get();
    sources.push_back(std::move(src));
  }
  ExtractorSelector selector;
  ScanLimits limits;
  std::vector<std::unique_ptr<Source>> sources;
  OneFileSource* file = nullptr;
  Worker worker;
};

SingleFileScanner::SingleFileScanner(const ExtractorList& extractors, const Resolver& resolver,
                                     const ScanLimits& limits)
    : impl_(std::make_unique<Impl>(extractors, resolver, limits)) {}

SingleFileScanner::~SingleFileScanner() = default;

bool SingleFileScanner::Wants(std::string_view path) const {
  return !impl_->selector.ForPath(path).empty() || IsArchiveName(path);
}

void SingleFileScanner::Scan(const std::string& path, std::string data, std::vector<ResolvedReference>& refs,
                             std::vector<ScanError>& errors) {
  impl_->file->data = std::move(data);
  FileOutput out = impl_->worker.Process({0, Entry{path, "", impl_->file->data.size()}});
  for (ResolvedReference& r : out.refs) refs.push_back(std::move(r));
  for (ScanError& e : out.errors) errors.push_back(std::move(e));
}

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
  if (request.ignore != nullptr && !request.ignore->empty()) {
    result.stats.excluded = std::erase_if(entries, [&](const ListedEntry& e) { return request.ignore->Ignored(e.entry.path); });
  }
  if (!request.excluded_files.empty()) {
    std::erase_if(entries, [&](const ListedEntry& e) { return IsExcluded(e.entry, request.excluded_files); });
  }
  if (!request.excluded_paths.empty()) {
    std::erase_if(entries, [&](const ListedEntry& e) {
      return std::find(request.excluded_paths.begin(), request.excluded_paths.end(), e.entry.path) !=
             request.excluded_paths.end();
    });
  }
  for (const ListedEntry& e : entries) {
    ++result.stats.files;
    result.stats.bytes += e.entry.size;
  }

  ExtractorSelector selector(extractors);
  std::vector<FileOutput> outputs(entries.size());
  InFlightBytes in_flight(request.limits.max_in_flight_bytes);
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done_files{0}, done_bytes{0};
  unsigned jobs = std::max(1u, std::min<unsigned>(request.jobs, static_cast<unsigned>(entries.size() + 1)));
  auto work = [&](bool reports_progress) {
    Worker worker(request.sources, selector, resolver, request.limits, &in_flight);
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
