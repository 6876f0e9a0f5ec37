// ProgressLine: the one-line, self-overwriting progress display on stderr
// during long scans. Shown only once a scan has run for a second (short scans
// stay silent), cut to the terminal's width (a line that wraps cannot be
// overwritten by "\r" and would leave a trail of half lines), and erased when
// the scan ends.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include "pipeline/pipeline.h"

namespace modelprov::cli {

// "scanning: 12/340 files, 1.5 MB, 2.0 s", cut to `width` - 1 bytes (the
// last column makes some terminals wrap).
std::string FormatProgress(const ScanProgress& p, size_t width);

class ProgressLine {
 public:
  // `width` 0: ask the terminal behind `out` (80 when it cannot say).
  explicit ProgressLine(std::FILE* out, size_t width = 0) : out_(out), width_(width) {}
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Show(const ScanProgress& p);
  // Erases the line if one is shown.
  void Clear();

 private:
  size_t Width() const;
  std::FILE* out_;
  size_t width_;
  bool shown_ = false;
};

}  // namespace modelprov::cli
