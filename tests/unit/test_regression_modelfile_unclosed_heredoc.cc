// A Modelfile whose """ heredoc is never closed made the extractor count
// newlines one byte past the end of the file (the resume offset became
// size + 1). Found by fuzz_command_lines and fuzz_extractors (ASan
// heap-buffer-overflow in modelfile.cc). The input here sits in a heap buffer
// of exactly its size, so the sanitizer build (tests/sanitize.sh) reports the
// over-read if it comes back; the normal build checks the references.
#include <catch2/catch.hpp>

#include <memory>
#include <string_view>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::CollectingSink;

namespace {
CollectingSink RunExact(std::string_view text) {
  auto bytes = std::make_unique<char[]>(text.size());
  std::copy(text.begin(), text.end(), bytes.get());
  auto ex = MakeModelfileExtractor();
  ExtractInput in;
  in.path = "Modelfile";
  in.name = "Modelfile";
  in.text = std::string_view(bytes.get(), text.size());
  in.size = text.size();
  CollectingSink sink;
  ex->Extract(in, sink);
  return sink;
}
}  // namespace

TEST_CASE("an unclosed heredoc runs to the end of the Modelfile and no further", "[regression][modelfile]") {
  for (std::string_view text : {std::string_view("FROM llama3.1:8b\nSYSTEM \"\"\"You are\nFROM mistral\n"),
                                std::string_view("FROM llama3.1:8b\nSYSTEM \"\"\"You are\nFROM mistral"),
                                std::string_view("FROM llama3.1:8b\nSYSTEM \"\"\"")}) {
    CollectingSink out = RunExact(text);
    REQUIRE(out.refs.size() == 1);  // FROM mistral is heredoc text
    CHECK(out.refs[0].text == "llama3.1:8b");
    CHECK(out.refs[0].location.line == 1);
  }
}

TEST_CASE("a closed heredoc resumes on the line after it", "[regression][modelfile]") {
  CollectingSink out = RunExact("SYSTEM \"\"\"\nline\n\"\"\"\nFROM qwen2.5:7b");
  REQUIRE(out.refs.size() == 1);
  CHECK(out.refs[0].text == "qwen2.5:7b");
  CHECK(out.refs[0].location.line == 4);
}
