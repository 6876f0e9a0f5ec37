// The progress line never wraps and leaves nothing behind.
#include <catch2/catch.hpp>

#include <cstdio>

#include "cli/progress_line.h"

using namespace modelprov;
using namespace modelprov::cli;

TEST_CASE("the progress text is cut below the terminal width", "[cli][progress]") {
  ScanProgress p{12, 340, 3u << 20, 2.0};
  CHECK(FormatProgress(p, 0) == "scanning: 12/340 files, 3.0 MB, 2.0 s");
  CHECK(FormatProgress(p, 80) == "scanning: 12/340 files, 3.0 MB, 2.0 s");
  CHECK(FormatProgress(p, 20) == "scanning: 12/340 fi");
  CHECK(FormatProgress(p, 1).empty());
}

TEST_CASE("shown only after a second, erased once, nothing when never shown", "[cli][progress]") {
  char* buf = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&buf, &size);
  REQUIRE(out != nullptr);
  {
    ProgressLine line(out, 30);
    line.Show({1, 10, 0, 0.5});
    line.Clear();  // nothing shown: nothing to erase
    std::fflush(out);
    CHECK(size == 0);
    line.Show({5, 10, 1u << 20, 1.5});
    line.Show({9, 10, 2u << 20, 2.5});
    line.Clear();
    line.Clear();
  }
  std::fclose(out);
  CHECK(std::string(buf, size) ==
        "\r\x1b[2Kscanning: 5/10 files, 1.0 MB,\r\x1b[2Kscanning: 9/10 files, 2.0 MB,\r\x1b[2K");
  std::free(buf);
}
