#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
std::string Debian(const std::string& name) {
  std::ifstream in("/usr/share/common-licenses/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("license-file reports the matched license id and score", "[extract][license]") {
  auto ex = MakeLicenseFileExtractor();
  CollectingSink sink = RunExtractor(*ex, "models/x/LICENSE", Debian("GPL-3"));
  REQUIRE(sink.refs.size() == 1);
  const ModelReference& r = sink.refs[0];
  CHECK(r.kind == ReferenceKind::kLicenseFile);
  CHECK(r.text == "GPL-3.0-only");
  CHECK(r.location.line == 1);
  CHECK(r.facts == Facts{{"name", "GNU General Public License 3"},
                         {"score", "1.00"},
                         {"license_id", "GPL-3.0-only"},
                         {"source", "https://www.gnu.org/licenses/gpl-3.0.txt"}});
}

TEST_CASE("license-file reports an edited license as modified without a license id", "[extract][license]") {
  auto ex = MakeLicenseFileExtractor();
  std::string text = Debian("MPL-2.0");
  text.insert(text.find("10. Versions of the License"),
              "9a. Field of Use. The Covered Software must not be used in any military application, nor to build a "
              "product that competes with the Initial Developer's hosted offering, nor by any organisation with more "
              "than five hundred employees without a separate commercial agreement.\n\n");
  CollectingSink sink = RunExtractor(*ex, "LICENSE.md", text);
  REQUIRE(sink.refs.size() == 1);
  const ModelReference& r = sink.refs[0];
  CHECK(r.text == "MPL-2.0 (modified)");
  CHECK(r.Fact("modified") == "true");
  CHECK(r.Fact("closest") == "MPL-2.0");
  CHECK(r.Fact("license_id").empty());
}

TEST_CASE("license-file is silent on text that is no known license", "[extract][license]") {
  auto ex = MakeLicenseFileExtractor();
  CHECK(RunExtractor(*ex, "NOTICE", "This product includes software developed by Example Corp.\n").refs.empty());
  CHECK(RunExtractor(*ex, "LICENSE", "").refs.empty());
}

TEST_CASE("license-file claims the usual license file names only", "[extract][license]") {
  auto ex = MakeLicenseFileExtractor();
  auto globs = ex->globs();
  for (const char* g : {"**/LICENSE", "**/LICENSE.txt", "**/LICENSE.md", "**/LICENSE-*", "**/LICENCE", "**/COPYING",
                        "**/NOTICE"}) {
    CHECK(std::find(globs.begin(), globs.end(), g) != globs.end());
  }
  CHECK(std::find(globs.begin(), globs.end(), "**/LICENSE*") == globs.end());
}
