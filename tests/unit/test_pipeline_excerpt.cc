// The evidence excerpt the pipeline attaches to each reference.
#include <catch2/catch.hpp>

#include "pipeline/pipeline.h"

using modelprov::kMaxExcerptBytes;
using modelprov::MakeExcerpt;

TEST_CASE("excerpts are trimmed and cut on a character boundary", "[pipeline][excerpt]") {
  CHECK(MakeExcerpt("   model = \"x/y\"\t\r") == "model = \"x/y\"");
  CHECK(MakeExcerpt("") == "");
  std::string long_line(200, 'a');
  CHECK(MakeExcerpt(long_line).size() == kMaxExcerptBytes);
  // 159 ASCII bytes then a 2-byte 'ö': the cut must not split it.
  std::string split = std::string(159, 'a') + "\xc3\xb6" + "tail";
  std::string cut = MakeExcerpt(split);
  CHECK(cut == std::string(159, 'a'));
  // A 3-byte character straddling the limit is dropped whole.
  std::string cjk = std::string(158, 'a') + "\xe6\xa8\xa1" + "b";
  CHECK(MakeExcerpt(cjk) == std::string(158, 'a'));
}
