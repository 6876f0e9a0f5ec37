#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

namespace {

std::vector<std::string> Packages(const modelprov::testing::Extracted& out) {
  std::vector<std::string> v;
  for (const auto& r : out.refs) {
    v.push_back(std::string(r.Fact("ecosystem")) + ":" + r.text + "@" + std::to_string(r.location.line));
  }
  return v;
}

}  // namespace

TEST_CASE("requirements.txt", "[manifests]") {
  auto ex = MakeRequirementsExtractor();
  auto out = RunExtractor(*ex, "requirements.txt",
                          "# comment\n-r base.txt\ndashscope==1.2 ; python_version > '3.8'\n  zhipuai[all]>=2\n"
                          "--index-url https://x\nopenai\n");
  CHECK(Packages(out) == std::vector<std::string>{"pypi:dashscope@3", "pypi:zhipuai@4", "pypi:openai@6"});
  CHECK(out.refs[0].evidence == Evidence::kPossible);
}

TEST_CASE("pyproject.toml: PEP 621, optional deps and poetry", "[manifests]") {
  auto ex = MakePyprojectExtractor();
  auto out = RunExtractor(*ex, "pyproject.toml",
                          "[project]\nname = \"x\"\ndependencies = [\n  \"anthropic>=0.30\",\n  'qianfan',\n]\n"
                          "[project.optional-dependencies]\nllm = [\"volcengine-python-sdk[ark]\"]\n"
                          "[tool.poetry.dependencies]\npython = \"^3.11\"\nmistralai = \"^1.0\"\n"
                          "[tool.ruff]\nline-length = 100\n");
  CHECK(Packages(out) == std::vector<std::string>{"pypi:anthropic@4", "pypi:qianfan@5",
                                                  "pypi:volcengine-python-sdk@8", "pypi:mistralai@11"});
}

TEST_CASE("package.json dependency sections", "[manifests]") {
  auto ex = MakePackageJsonExtractor();
  auto out = RunExtractor(*ex, "package.json",
                          "{\n  \"name\": \"openai\",\n  \"dependencies\": {\n    \"openai\": \"^4\"\n  },\n"
                          "  \"devDependencies\": {\n    \"@google/generative-ai\": \"1\"\n  }\n}\n");
  CHECK(Packages(out) == std::vector<std::string>{"npm:openai@4", "npm:@google/generative-ai@7"});
  auto bad = RunExtractor(*ex, "package.json", "{");
  CHECK(bad.errors.size() == 1);
}
