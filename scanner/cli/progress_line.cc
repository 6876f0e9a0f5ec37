#include "cli/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

namespace modelprov::cli {

std::string FormatProgress(const ScanProgress& p, size_t width) {
  char buf[160];
  int n = std::snprintf(buf, sizeof buf, "scanning: %llu/%llu files, %.1f MB, %.1f s",
                        static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total),
                        static_cast<double>(p.bytes_done) / (1 << 20), p.seconds);
  std::string line(buf, n < 0 ? 0 : std::min<size_t>(static_cast<size_t>(n), sizeof buf - 1));
  if (width > 0 && line.size() > width - 1) line.resize(width - 1);
  return line;
}

void ProgressLine::Show(const ScanProgress& p) {
  if (p.seconds < 1.0) return;
  std::fprintf(out_, "\r\x1b[2K%s", FormatProgress(p, Width()).c_str());
  std::fflush(out_);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fprintf(out_, "\r\x1b[2K");
  std::fflush(out_);
  shown_ = false;
}

size_t ProgressLine::Width() const {
  if (width_ > 0) return width_;
  winsize ws{};
  if (::ioctl(fileno(out_), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1) return ws.ws_col;
  return 80;
}

}  // namespace modelprov::cli
