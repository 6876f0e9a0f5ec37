#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "extract/extractors.h"
#include "extract/license_match.h"
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
  // The evidence is the title line as written; the id is in the facts.
  CHECK(r.text == "GNU GENERAL PUBLIC LICENSE");
  CHECK(r.location.line == 1);
  CHECK(r.FactPairs() == Facts{{"name", "GNU General Public License 3"},
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
  CHECK(r.text == "Mozilla Public License Version 2.0");
  CHECK(FactValue(r.FactPairs(), "modified") == "true");
  CHECK(FactValue(r.FactPairs(), "closest") == "MPL-2.0");
  CHECK(FactValue(r.FactPairs(), "license_id").empty());
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

namespace {
// Whether text `a` could be taken for license `b`: `b` would accept it as an
// exact copy, or the shingles one adds or drops relative to the other are
// within twice `b`'s edit tolerance, so a slightly edited `a` could be.
// Returns a description when confusable, empty otherwise.
std::string Confusable(const LicenseFingerprint& a, const LicenseFingerprint& b) {
  std::vector<uint64_t> common;
  std::set_intersection(a.hashes.begin(), a.hashes.end(), b.hashes.begin(), b.hashes.end(),
                        std::back_inserter(common));
  LicenseMatch m;
  m.license = &b;
  m.added = a.hashes.size() - common.size();
  m.removed = b.hashes.size() - common.size();
  m.score = static_cast<double>(common.size()) /
            static_cast<double>(a.hashes.size() + b.hashes.size() - common.size());
  size_t tolerance = std::max(kLicenseEditShingles,
                              static_cast<size_t>(kLicenseEditShare * static_cast<double>(b.hashes.size())));
  bool apart = m.score < kLicenseExactScore || std::max(m.added, m.removed) > 2 * tolerance;
  if (!m.exact() && apart) return "";
  return std::string(a.id) + " ~ " + b.id + ": score " + std::to_string(m.score) + ", added " +
         std::to_string(m.added) + ", removed " + std::to_string(m.removed) + "\n";
}
}  // namespace

// Near-duplicate licenses (Llama 3.1/3.2/3.3/4, Tongyi Qianwen and its
// research variant, ...) must stay apart: a text that is one of them, or one
// of them with a few edits, must never be taken for another. Llama 3.2 and 4
// share more than 90% of their shingles, so the Jaccard score alone does not
// separate them; the edit tolerance does. Needs only the committed hashes.
TEST_CASE("no two reference fingerprints can be confused with each other", "[extract][license]") {
  const std::vector<LicenseFingerprint>& all = LicenseFingerprints();
  REQUIRE(all.size() >= 2);
  std::string confusable;
  std::set<std::string> ids;
  for (const LicenseFingerprint& a : all) {
    CHECK(ids.insert(a.id).second);  // each id once
    for (const LicenseFingerprint& b : all) {
      if (&a != &b) confusable += Confusable(a, b);
    }
  }
  CHECK(confusable == "");
}

TEST_CASE("the confusion check flags near-identical fingerprints and passes distinct ones", "[extract][license]") {
  const LicenseFingerprint& gpl3 = *std::find_if(LicenseFingerprints().begin(), LicenseFingerprints().end(),
                                                 [](const LicenseFingerprint& f) { return f.id == std::string("GPL-3.0-only"); });
  LicenseFingerprint copy = gpl3;
  copy.id = "copy";
  copy.hashes.erase(copy.hashes.begin(), copy.hashes.begin() + 30);  // 30 shingles dropped: not exact, but close
  CHECK(Confusable(copy, gpl3) != "");
  CHECK(Confusable(gpl3, copy) != "");
  LicenseFingerprint half = gpl3;
  half.id = "half";
  half.hashes.resize(gpl3.hashes.size() / 2);
  CHECK(Confusable(half, gpl3) == "");
}
