#include <catch2/catch.hpp>

#include "core/glob.h"

using modelprov::CaseSensitivity;
using modelprov::GlobMatch;

TEST_CASE("star stays within one path segment", "[glob]") {
  CHECK(GlobMatch("*.py", "main.py"));
  CHECK_FALSE(GlobMatch("*.py", "src/main.py"));
  CHECK(GlobMatch("src/*.py", "src/main.py"));
  CHECK_FALSE(GlobMatch("src/*.py", "src/a/main.py"));
}

TEST_CASE("double star crosses directories, including none", "[glob]") {
  CHECK(GlobMatch("**/*.py", "main.py"));
  CHECK(GlobMatch("**/*.py", "a/b/c/main.py"));
  CHECK(GlobMatch("tests/**", "tests/a/b.txt"));
  CHECK(GlobMatch("a/**/b", "a/b"));
  CHECK(GlobMatch("a/**/b", "a/x/y/b"));
  CHECK_FALSE(GlobMatch("a/**/b", "a/x/y/c"));
}

TEST_CASE("question mark and case folding", "[glob]") {
  CHECK(GlobMatch("qwen?.5*", "qwen2.5-7b"));
  CHECK_FALSE(GlobMatch("qwen?.5*", "qwen2-7b"));
  CHECK_FALSE(GlobMatch("QWEN*", "qwen2"));
  CHECK(GlobMatch("QWEN*", "qwen2", CaseSensitivity::kInsensitive));
}

TEST_CASE("pathological patterns stay fast and correct", "[glob]") {
  std::string text(5000, 'a');
  CHECK_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*b", text));
  CHECK(GlobMatch("*a*a*a*a*a*a*a*a*a*a*", text));
}
