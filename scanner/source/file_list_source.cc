#include "source/file_list_source.h"

#include <cerrno>
#include <cstring>

#include <cstdlib>

#include <sys/stat.h>

#include "source/file_blob.h"

namespace modelprov {

std::string NormalizeDisplayPath(std::string_view path) {
  std::string out;
  bool absolute = !path.empty() && path.front() == '/';
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out.append(part);
    }
    i = j + 1;
  }
  if (absolute) out.insert(0, "/");
  return out.empty() ? std::string(".") : out;
}

FileListSource::FileListSource(std::vector<std::string> paths) : paths_(std::move(paths)) {}

std::string FileListSource::Describe() const {
  return std::to_string(paths_.size()) + " file(s) named on the command line";
}

Status FileListSource::Walk(EntrySink& sink) {
  for (const std::string& p : paths_) {
    std::string display = NormalizeDisplayPath(p);
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      sink.OnError({display, std::string("cannot stat: ") + std::strerror(errno)});
      continue;
    }
    if (S_ISLNK(st.st_mode)) {
      // Named explicitly by the user: follow it, but only to a regular file.
      if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        sink.OnError({display, "symbolic link to something that is not a regular file; skipped"});
        continue;
      }
    } else if (!S_ISREG(st.st_mode)) {
      sink.OnError({display, "not a regular file; skipped"});
      continue;
    }
    sink.OnEntry(Entry{display, p, static_cast<uint64_t>(st.st_size)});
  }
  return Ok{};
}

Result<std::unique_ptr<Blob>> FileListSource::Open(const Entry& entry) const {
  // Resolve an explicitly named symlink here; OpenFileBlob refuses links.
  std::string target = entry.locator;
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    char buf[4096];
    if (::realpath(target.c_str(), buf) == nullptr) return MakeError("cannot resolve symbolic link");
    target = buf;
  }
  return OpenFileBlob(target);
}

}  // namespace modelprov
