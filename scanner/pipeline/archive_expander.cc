#include "pipeline/archive_expander.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include "pipeline/text_encoding.h"

namespace modelprov {
namespace {

constexpr uint64_t kRatioFloor = 1ull << 20;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// Reads the outer archive through the Blob, so a large archive is never
// loaded whole; libarchive asks for blocks and seeks (zip central directory).
struct CallbackReader {
  RandomAccess* data = nullptr;
  uint64_t pos = 0;
  std::array<char, 1 << 16> buf;
  bool failed = false;
};

la_ssize_t ReadCallback(struct archive* a, void* ctx, const void** out) {
  auto* r = static_cast<CallbackReader*>(ctx);
  Result<size_t> got = r->data->ReadAt(r->pos, r->buf.data(), r->buf.size());
  if (!got) {
    archive_set_error(a, EIO, "%s", got.error().message.c_str());
    return -1;
  }
  r->pos += *got;
  *out = r->buf.data();
  return static_cast<la_ssize_t>(*got);
}

la_int64_t SeekCallback(struct archive*, void* ctx, la_int64_t offset, int whence) {
  auto* r = static_cast<CallbackReader*>(ctx);
  int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? static_cast<int64_t>(r->pos)
                                                             : static_cast<int64_t>(r->data->size());
  int64_t target = base + offset;
  if (target < 0) return ARCHIVE_FATAL;
  r->pos = static_cast<uint64_t>(std::min<int64_t>(target, static_cast<int64_t>(r->data->size())));
  return static_cast<la_int64_t>(r->pos);
}

la_int64_t SkipCallback(struct archive*, void* ctx, la_int64_t request) {
  auto* r = static_cast<CallbackReader*>(ctx);
  uint64_t left = r->data->size() - std::min(r->pos, r->data->size());
  uint64_t n = std::min<uint64_t>(static_cast<uint64_t>(std::max<la_int64_t>(request, 0)), left);
  r->pos += n;
  return static_cast<la_int64_t>(n);
}

// Nested archives up to this size are read into memory, where every format
// (7z and zip need to seek) can be opened; larger ones are streamed from the
// enclosing archive, so memory stays bounded by depth x this, not by the
// size of what is nested.
constexpr uint64_t kNestedInMemory = 32ull << 20;

struct Walk;

// Feeds a nested archive from the enclosing one's current member, block by
// block, counting every block against the top-level limits.
struct NestedStream {
  struct archive* outer = nullptr;
  Walk* walk = nullptr;
  const std::string* top_path = nullptr;
  std::array<char, 1 << 16> buf;
};

la_ssize_t NestedReadCallback(struct archive* a, void* ctx, const void** out);

struct archive* NewReader() {
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_zip(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  archive_read_support_format_7zip(a);
  return a;
}

// Why a member name must not be followed, or "" when it is safe to read.
std::string UnsafeReason(const std::string& name) {
  if (name.empty()) return "member has an empty name";
  if (name[0] == '/' || name[0] == '\\') return "absolute member name; not followed";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]))) {
    return "absolute (drive-letter) member name; not followed";
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0 && end - start == 2) {
      return "member name climbs out of the archive (path traversal); not followed";
    }
    start = end + 1;
  }
  return "";
}

std::string Normalize(std::string name) {
  while (name.rfind("./", 0) == 0) name.erase(0, 2);
  return name;
}

// State shared by one top-level archive and everything nested in it.
struct Walk {
  const ExtractorSelector& selector;
  const ArchiveLimits& limits;
  uint64_t max_text_bytes;
  MemberExtractor& extractor;
  ReferenceSink& sink;
  uint64_t compressed_size;
  uint64_t read_total = 0;
  bool stopped = false;  // a global limit was hit: stop everything

  // Accounts `n` more uncompressed bytes; false (with an error entry) when a
  // global limit is passed.
  bool Account(uint64_t n, const std::string& top_path) {
    read_total += n;
    if (read_total > limits.max_bytes) {
      sink.OnError({top_path, "archive expands past the --archive-max-bytes limit of " +
                                  std::to_string(limits.max_bytes) + " bytes; the rest was not read"});
      stopped = true;
      return false;
    }
    uint64_t allowed = std::max<uint64_t>(compressed_size, 1) * limits.max_ratio;
    if (read_total > kRatioFloor && read_total > allowed) {
      sink.OnError({top_path, "archive expands more than " + std::to_string(limits.max_ratio) +
                                  ":1 (--archive-max-ratio); possible zip bomb, the rest was not read"});
      stopped = true;
      return false;
    }
    return true;
  }

  // Walks one opened archive at nesting `depth` (1 = top level).
  void Run(struct archive* a, const std::string& path, unsigned depth, const std::string& top_path) {
    std::set<std::string> seen;
    uint64_t entries = 0;
    struct archive_entry* entry = nullptr;
    for (;;) {
      int rc = archive_read_next_header(a, &entry);
      if (rc == ARCHIVE_EOF) break;
      if (rc < ARCHIVE_WARN) {
        // After a global limit stopped the walk, that limit's entry says it all.
        if (!stopped) sink.OnError({path, std::string("cannot read archive: ") + Or(archive_error_string(a))});
        return;
      }
      if (++entries > limits.max_entries) {
        sink.OnError({path, "archive has more than " + std::to_string(limits.max_entries) +
                                " members (--archive-max-entries); the rest was not read"});
        return;
      }
      const char* raw_name = archive_entry_pathname(entry);
      std::string name = Normalize(raw_name == nullptr ? "" : raw_name);
      std::string member_path = path + "!/" + name;
      if (archive_entry_filetype(entry) == AE_IFDIR) continue;
      std::string unsafe = UnsafeReason(name);
      if (!unsafe.empty()) {
        sink.OnError({member_path, unsafe});
        continue;
      }
      if (!seen.insert(name).second) {
        sink.OnError({member_path, "duplicate member name; only the first one was read"});
        continue;
      }
      if (archive_entry_is_encrypted(entry)) {
        sink.OnError({member_path, "encrypted member; not read"});
        continue;
      }
      if (archive_entry_filetype(entry) != AE_IFREG) {
        // Links are never followed (their target could be anywhere); devices
        // and FIFOs hold no bytes. One whose name would have been scanned is
        // an error entry, as an unclaimed regular member is skipped unsaid.
        bool link = archive_entry_filetype(entry) == AE_IFLNK || archive_entry_hardlink(entry) != nullptr;
        if (!selector.ForPath(name).empty() || IsArchiveName(name)) {
          sink.OnError({member_path, link ? "link member; not followed" : "special file member (device, FIFO or socket); not read"});
        }
        continue;
      }
      bool nested = IsArchiveName(name);
      std::vector<const Extractor*> chosen = nested ? std::vector<const Extractor*>{} : selector.ForPath(name);
      // text-scan reads every member that may be text, as it reads every file.
      bool read_as_text = !nested && selector.every_text() != nullptr && !IsNeverTextName(name);
      if (!nested && chosen.empty() && !read_as_text) continue;
      if (nested && depth >= limits.max_depth) {
        sink.OnError({member_path, "nested archive deeper than --archive-depth " + std::to_string(limits.max_depth) +
                                       "; not opened"});
        continue;
      }
      bool claimed_text = std::any_of(chosen.begin(), chosen.end(),
                                      [](const Extractor* e) { return e->input() == Extractor::Input::kText; });
      // Chosen extractors that all read binary heads (weights) take a member
      // of any size; that text-scan could not read it all costs them nothing.
      bool heads_only = !chosen.empty() && !claimed_text;
      bool only_text_scan = chosen.empty() && read_as_text;
      uint64_t declared = archive_entry_size_is_set(entry) ? static_cast<uint64_t>(archive_entry_size(entry)) : 0;
      if (heads_only && declared > max_text_bytes) read_as_text = false;
      if ((claimed_text || only_text_scan) && declared > max_text_bytes) {
        // A member only text-scan wanted is said to be over the limit only
        // when its first bytes are text: a large binary member is no loss.
        if (only_text_scan) {
          std::string head;
          bool cut = false;
          if (!ReadMember(a, kBinarySniffBytes, head, cut, member_path, top_path)) return;
          if (LooksBinary(head)) continue;
        }
        sink.OnError({member_path, "member is " + std::to_string(declared) + " bytes, over the " +
                                       std::to_string(max_text_bytes) + "-byte limit (--max-file-size); not scanned"});
        continue;
      }
      if (nested && (declared == 0 || declared > kNestedInMemory)) {
        StreamNested(a, member_path, depth, top_path);
        if (stopped) return;
        continue;
      }
      uint64_t cap = nested                            ? kNestedInMemory
                     : claimed_text || only_text_scan ? max_text_bytes
                     : read_as_text                   ? std::max(limits.random_access_prefix, max_text_bytes)
                                                      : limits.random_access_prefix;
      std::string data;
      bool truncated = false;
      if (!ReadMember(a, cap, data, truncated, member_path, top_path)) return;
      bool over_text_limit = truncated || data.size() > max_text_bytes;
      if (over_text_limit && heads_only) read_as_text = false;
      if (over_text_limit && (claimed_text || only_text_scan)) {
        if (only_text_scan && LooksBinary(data)) continue;
        sink.OnError({member_path, "member is over the " + std::to_string(max_text_bytes) +
                                       "-byte limit (--max-file-size); not scanned"});
        continue;
      }
      if (nested) {
        struct archive* inner = NewReader();
        if (archive_read_open_memory(inner, data.data(), data.size()) != ARCHIVE_OK) {
          sink.OnError({member_path, std::string("cannot read archive: ") + Or(archive_error_string(inner))});
        } else {
          Run(inner, member_path, depth + 1, top_path);
        }
        archive_read_free(inner);
        if (stopped) return;
        continue;
      }
      extractor.ExtractMember(chosen, member_path, data, std::max<uint64_t>(declared, data.size()), read_as_text, sink);
    }
  }

  // Opens the current member of `outer` as an archive read straight from it.
  void StreamNested(struct archive* outer, const std::string& member_path, unsigned depth, const std::string& top_path) {
    NestedStream stream;
    stream.outer = outer;
    stream.walk = this;
    stream.top_path = &top_path;
    struct archive* inner = NewReader();
    archive_read_set_callback_data(inner, &stream);
    archive_read_set_read_callback(inner, NestedReadCallback);
    if (archive_read_open1(inner) != ARCHIVE_OK) {
      if (!stopped) {
        sink.OnError({member_path, std::string("cannot read archive: ") + Or(archive_error_string(inner)) +
                                       " (nested archives over " + std::to_string(kNestedInMemory >> 20) +
                                       " MiB are streamed, which 7z does not support)"});
      }
    } else {
      Run(inner, member_path, depth + 1, top_path);
    }
    archive_read_free(inner);
  }

  // Reads up to `cap` bytes of the current member; false when the walk must stop.
  bool ReadMember(struct archive* a, uint64_t cap, std::string& out, bool& truncated, const std::string& member_path,
                  const std::string& top_path) {
    char buf[1 << 16];
    for (;;) {
      la_ssize_t n = archive_read_data(a, buf, sizeof buf);
      if (n == 0) return true;
      if (n < 0) {
        sink.OnError({member_path, std::string("cannot read member: ") + Or(archive_error_string(a))});
        return n > ARCHIVE_FATAL;  // a damaged member; a fatal error ends this archive
      }
      if (!Account(static_cast<uint64_t>(n), top_path)) return false;
      if (out.size() + static_cast<uint64_t>(n) > cap) {
        out.append(buf, cap - out.size());
        truncated = true;
        return true;  // the rest is skipped by the next read_next_header
      }
      out.append(buf, static_cast<size_t>(n));
    }
  }

  static std::string Or(const char* s) { return s == nullptr ? "unknown error" : s; }
};

la_ssize_t NestedReadCallback(struct archive* a, void* ctx, const void** out) {
  auto* r = static_cast<NestedStream*>(ctx);
  if (r->walk->stopped) return ARCHIVE_FATAL;
  la_ssize_t n = archive_read_data(r->outer, r->buf.data(), r->buf.size());
  if (n < 0) {
    archive_set_error(a, EIO, "%s", Walk::Or(archive_error_string(r->outer)).c_str());
    return ARCHIVE_FATAL;
  }
  if (n > 0 && !r->walk->Account(static_cast<uint64_t>(n), *r->top_path)) return ARCHIVE_FATAL;
  *out = r->buf.data();
  return n;
}

}  // namespace

bool IsArchiveName(std::string_view path) {
  static constexpr std::string_view kSuffixes[] = {
      ".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst",
      ".7z",  ".whl", ".jar", ".nupkg",  ".mar",     ".nemo", ".keras"};
  for (std::string_view s : kSuffixes) {
    if (EndsWithNoCase(path, s)) return true;
  }
  return false;
}

bool IsArchiveMagic(std::string_view head) {
  auto starts = [&](std::string_view m) { return head.substr(0, m.size()) == m; };
  if (starts(std::string_view("PK\x03\x04", 4)) || starts(std::string_view("PK\x05\x06", 4))) return true;
  if (starts(std::string_view("7z\xBC\xAF\x27\x1C", 6))) return true;
  return head.size() >= 262 && head.substr(257, 5) == "ustar";
}

namespace {

// Passes references through and keeps the first `max` error entries of one
// archive; a 6 MB zip of zips can hold a million broken members, which
// would otherwise be a million error entries.
class BoundedErrorSink final : public ReferenceSink {
 public:
  BoundedErrorSink(ReferenceSink& out, uint64_t max) : out_(out), max_(max) {}
  void OnReference(ModelReference ref) override { out_.OnReference(std::move(ref)); }
  void OnError(ScanError error) override {
    if (kept_ < max_) {
      ++kept_;
      out_.OnError(std::move(error));
    } else {
      ++dropped_;
    }
  }
  void Finish(const std::string& archive) {
    if (dropped_ == 0) return;
    out_.OnError({archive, std::to_string(dropped_) + " more error entries in this archive were not listed (only the first " +
                               std::to_string(max_) + " are)"});
  }

 private:
  ReferenceSink& out_;
  uint64_t max_;
  uint64_t kept_ = 0;
  uint64_t dropped_ = 0;
};

}  // namespace

void ArchiveExpander::Expand(RandomAccess& data, const std::string& display_path, MemberExtractor& extractor,
                             ReferenceSink& out) {
  BoundedErrorSink sink(out, limits_.max_errors);
  Walk walk{selector_, limits_, max_text_bytes_, extractor, sink, data.size()};
  CallbackReader reader;
  reader.data = &data;
  struct archive* a = NewReader();
  archive_read_set_callback_data(a, &reader);
  archive_read_set_read_callback(a, ReadCallback);
  archive_read_set_seek_callback(a, SeekCallback);
  archive_read_set_skip_callback(a, SkipCallback);
  if (archive_read_open1(a) != ARCHIVE_OK) {
    sink.OnError({display_path, std::string("cannot read archive: ") + Walk::Or(archive_error_string(a))});
  } else {
    walk.Run(a, display_path, 1, display_path);
  }
  archive_read_free(a);
  sink.Finish(display_path);
}

}  // namespace modelprov
