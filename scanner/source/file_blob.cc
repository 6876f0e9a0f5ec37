#include "source/file_blob.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace modelprov {
namespace {

class FileBlob final : public Blob {
 public:
  FileBlob(int fd, uint64_t size) : fd_(fd), size_(size) {}
  ~FileBlob() override { ::close(fd_); }
  FileBlob(const FileBlob&) = delete;
  FileBlob& operator=(const FileBlob&) = delete;

  uint64_t size() const override { return size_; }

  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    size_t done = 0;
    while (done < n) {
      ssize_t got = ::pread(fd_, buf + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0) {
        if (errno == EINTR) continue;
        return MakeError(std::string("read failed: ") + std::strerror(errno));
      }
      if (got == 0) break;
      done += static_cast<size_t>(got);
    }
    return done;
  }

 private:
  int fd_;
  uint64_t size_;
};

}  // namespace

Result<std::unique_ptr<Blob>> OpenFileBlob(const std::string& fs_path) {
  int fd = ::open(fs_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ELOOP) return MakeError("is a symbolic link; not followed");
    return MakeError(std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return MakeError(std::string("cannot stat: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return MakeError("not a regular file (FIFO, socket or device); skipped");
  }
  return std::unique_ptr<Blob>(std::make_unique<FileBlob>(fd, static_cast<uint64_t>(st.st_size)));
}

}  // namespace modelprov
