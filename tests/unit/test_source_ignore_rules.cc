// IgnoreRules: gitignore semantics from libgit2, with no work tree involved.
#include <catch2/catch.hpp>

#include "source/ignore_rules.h"
#include "support/e2e.h"

using namespace modelprov;

TEST_CASE("gitignore patterns: anchoring, directories, globs, negation", "[source][ignore]") {
  Result<IgnoreRules> rules =
      IgnoreRules::FromPatterns({"# comment", "", "tests/fixtures/", "*.min.js", "!keep.min.js", "/vendor", "docs/**/gen"});
  REQUIRE(rules);
  CHECK_FALSE(rules->empty());
  CHECK(rules->Ignored("tests/fixtures/a.py"));
  CHECK(rules->Ignored("tests/fixtures/deep/b.py"));
  CHECK_FALSE(rules->Ignored("src/tests/fixtures/b.py"));  // a pattern with a slash is anchored
  CHECK(rules->Ignored("web/app.min.js"));
  CHECK_FALSE(rules->Ignored("web/keep.min.js"));
  CHECK(rules->Ignored("vendor/x/y.go"));
  CHECK_FALSE(rules->Ignored("src/vendor/y.go"));
  CHECK(rules->Ignored("docs/a/b/gen/x.md"));
  CHECK_FALSE(rules->Ignored("src/app.py"));
  CHECK_FALSE(rules->Ignored(""));
}

TEST_CASE("no patterns: nothing is ignored, no repository is made", "[source][ignore]") {
  Result<IgnoreRules> rules = IgnoreRules::FromPatterns({});
  REQUIRE(rules);
  CHECK(rules->empty());
  CHECK_FALSE(rules->Ignored("anything.py"));
}

TEST_CASE("a .gitignore in the current directory takes no part", "[source][ignore]") {
  modelprov::testing::TempDir d;
  d.Write(".gitignore", "*.py\n");
  std::filesystem::path old = std::filesystem::current_path();
  std::filesystem::current_path(d.path());
  Result<IgnoreRules> rules = IgnoreRules::FromPatterns({"*.js"});
  bool py = rules && rules->Ignored("app.py");
  std::filesystem::current_path(old);
  REQUIRE(rules);
  CHECK_FALSE(py);
}

TEST_CASE("ignore files: lines as written, missing is empty, oversized is an error", "[source][ignore]") {
  modelprov::testing::TempDir d;
  d.Write("ok", "a/\r\n# c\n!b\n");
  Result<std::vector<std::string>> ok = ReadIgnoreFile((d.path() / "ok").string());
  REQUIRE(ok);
  CHECK(*ok == std::vector<std::string>{"a/", "# c", "!b"});
  Result<std::vector<std::string>> missing = ReadIgnoreFile((d.path() / "none").string());
  REQUIRE(missing);
  CHECK(missing->empty());
  d.Write("big", std::string((1 << 20) + 1, 'x'));
  CHECK_FALSE(ReadIgnoreFile((d.path() / "big").string()));
  CHECK_FALSE(IgnoreRules::FromPatterns({"a\nb"}));
}
