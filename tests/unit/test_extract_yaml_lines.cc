#include <catch2/catch.hpp>

#include "extract/yaml_lines.h"

using namespace modelprov;

TEST_CASE("front matter is found only at the top", "[yaml]") {
  uint32_t line = 0;
  CHECK(FrontMatter("---\na: 1\n---\nbody", &line) == "a: 1\n");
  CHECK(line == 2);
  CHECK(FrontMatter("text\n---\na: 1\n---\n", &line).empty());
  CHECK(FrontMatter("---\na: 1\nno end", &line).empty());
}

TEST_CASE("top-level scalars, flow lists and block lists with lines", "[yaml]") {
  auto entries = ReadTopLevelYaml(
      "license: apache-2.0 # comment\n"
      "base_model:\n"
      "- Qwen/Qwen2.5-7B\n"
      "  - \"meta-llama/Llama-3.1-8B\"\n"
      "tags: [a, 'b']\n"
      "model-index:\n"
      "  - name: x\n"
      "nested:\n"
      "  license: mit\n",
      2);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].key == "license");
  CHECK(entries[0].values.at(0).text == "apache-2.0");
  CHECK(entries[0].values.at(0).line == 2);
  CHECK(entries[0].values.at(0).column == 10);
  REQUIRE(entries[1].values.size() == 2);
  CHECK(entries[1].values[1].text == "meta-llama/Llama-3.1-8B");
  CHECK(entries[1].values[1].line == 5);
  CHECK(entries[2].values.size() == 2);
  CHECK(entries[3].values.empty());  // "- name: x" is a mapping, not a scalar item
  CHECK(entries[4].values.empty());  // nested keys are not top-level
}
