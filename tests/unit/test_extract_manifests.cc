#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"

using namespace modelprov;
using modelprov::testing::RunExtractor;

namespace {

std::vector<std::string> Packages(const modelprov::testing::Extracted& out) {
  std::vector<std::string> v;
  for (const auto& r : out.refs) {
    // Maven references quote the artifactId and carry the coordinate in "package".
    const SdkPackageFacts* f = r.FactsAs<SdkPackageFacts>();
    REQUIRE(f != nullptr);
    std::string pkg = f->package.empty() ? r.text : f->package;
    v.push_back(f->ecosystem + ":" + pkg + "@" + std::to_string(r.location.line));
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
  // Extras in brackets do not end a multi-line array.
  auto extras = RunExtractor(*ex, "pyproject.toml",
                             "[project]\ndependencies = [\"httpx[http2]\",\n  \"openai[datalib]>=1\",\n  \"zhipuai\",\n]\n");
  CHECK(Packages(extras) == std::vector<std::string>{"pypi:httpx@2", "pypi:openai@3", "pypi:zhipuai@4"});
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

TEST_CASE("go.mod require lines and blocks", "[manifests]") {
  auto ex = MakeGoModExtractor();
  auto out = RunExtractor(*ex, "svc/go.mod",
                          "module example.com/svc\n\ngo 1.22\n\nrequire google.golang.org/genai v1.3.0\n"
                          "require (\n\tgithub.com/volcengine/volcengine-go-sdk v1.0.1 // indirect\n"
                          "\tgithub.com/sashabaranov/go-openai/v2 v2.0.0\n)\n"
                          "replace example.com/x => ../x\n// require github.com/commented/out v1\n");
  CHECK(Packages(out) == std::vector<std::string>{"go:google.golang.org/genai@5",
                                                  "go:github.com/volcengine/volcengine-go-sdk@7",
                                                  "go:github.com/sashabaranov/go-openai@8"});
  CHECK(out.refs[1].location.column == 2);
}

TEST_CASE("pom.xml dependencies", "[manifests]") {
  auto ex = MakeMavenPomExtractor();
  auto out = RunExtractor(*ex, "pom.xml",
                          "<project>\n  <groupId>com.example</groupId>\n  <artifactId>app</artifactId>\n"
                          "  <dependencies>\n    <dependency>\n      <groupId>com.alibaba</groupId>\n"
                          "      <artifactId>dashscope-sdk-java</artifactId>\n      <version>2.16.0</version>\n"
                          "      <exclusions><exclusion><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></exclusion></exclusions>\n"
                          "    </dependency>\n    <dependency><groupId>junit</groupId><artifactId>junit</artifactId></dependency>\n"
                          "  </dependencies>\n</project>\n");
  CHECK(Packages(out) == std::vector<std::string>{"maven:com.alibaba:dashscope-sdk-java@7", "maven:junit:junit@11"});
  CHECK(out.refs[0].text == "dashscope-sdk-java");  // as written on the artifactId line
  CHECK(out.refs[0].location.column == 19);
}

TEST_CASE("Gradle coordinates in Groovy and Kotlin scripts", "[manifests]") {
  auto ex = MakeGradleExtractor();
  auto out = RunExtractor(*ex, "app/build.gradle.kts",
                          "plugins { id(\"org.jetbrains.kotlin.jvm\") version \"2.0.0\" }\n"
                          "dependencies {\n  implementation(\"com.alibaba:dashscope-sdk-java:2.16.0\")\n"
                          "  implementation 'com.squareup.okhttp3:okhttp:4.12.0' // http\n"
                          "  // implementation(\"com.commented:out:1\")\n"
                          "  implementation(\"com.example:lib:${v}\")\n  url = \"https://repo.example/x:y\"\n}\n");
  CHECK(Packages(out) == std::vector<std::string>{"maven:com.alibaba:dashscope-sdk-java@3",
                                                  "maven:com.squareup.okhttp3:okhttp@4"});
}
