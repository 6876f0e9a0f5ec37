// Golden files: each writer's output on the fixture scan (and on an empty
// scan) must match tests/golden/<format>/<name>.golden byte for byte.
// To regenerate after an intended change: MODELPROV_UPDATE_GOLDEN=1 ./unit_tests "[golden]"
// then review the diff.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "report/writer.h"
#include "unit/report_fixture.h"

using namespace modelprov;
using modelprov::testing::Render;

namespace {

void CheckGolden(const std::string& format, const std::string& name, const std::string& actual) {
  std::filesystem::path path = std::filesystem::path(MODELPROV_SOURCE_DIR) / "tests/golden" / format / (name + ".golden");
  const char* update = std::getenv("MODELPROV_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path.string());
  REQUIRE(in.good());
  std::ostringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}

ScanResult EmptyScan() {
  ScanResult r;
  r.tool_version = "0.0.0-test";
  r.roots = {"empty"};
  return r;
}

}  // namespace

TEST_CASE("every report format matches its golden file", "[report][golden]") {
  for (const char* format : {"sarif", "cyclonedx", "spdx", "markdown", "markdown-summary", "html", "notice"}) {
    SECTION(format) {
      CheckGolden(format, "fixture", Render(format, testing::FixtureScan()));
      CheckGolden(format, "empty", Render(format, EmptyScan()));
    }
  }
}

TEST_CASE("reports are deterministic for a fixed timestamp", "[report][golden]") {
  for (const char* format : {"sarif", "cyclonedx", "spdx", "markdown", "markdown-summary", "html", "notice"}) {
    CHECK(Render(format, testing::FixtureScan()) == Render(format, testing::FixtureScan()));
  }
}
