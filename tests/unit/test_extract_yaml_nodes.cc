#include <catch2/catch.hpp>

#include "extract/yaml_nodes.h"

using namespace modelprov;

namespace {
// "path/key=value@line:col" with list items shown as '-'.
std::vector<std::string> Flat(std::string_view text) {
  std::vector<std::string> out;
  for (const YamlNode& n : ReadYamlNodes(text)) {
    std::string s;
    for (const std::string& p : n.path) s += (p[0] == '#' ? std::string("-") : p) + "/";
    s += n.key + "=" + n.value + "@" + std::to_string(n.line) + ":" + std::to_string(n.column);
    if (!n.block.empty()) s += " block:" + std::to_string(n.block.size());
    out.push_back(s);
  }
  return out;
}
}  // namespace

TEST_CASE("nested keys, list items and indentless sequences", "[extract][yaml_nodes]") {
  std::string text =
      "services:\n"
      "  vllm:\n"
      "    image: \"vllm/vllm-openai\"  # pinned\n"
      "    command:\n"
      "    - --model\n"
      "    - Qwen/Qwen3-8B\n"
      "    environment:\n"
      "      - name: A\n"
      "        value: b\n"
      "top: [x, \"y\"]\n";
  CHECK(Flat(text) == std::vector<std::string>{
                          "services=@1:1",
                          "services/vllm=@2:3",
                          "services/vllm/image=vllm/vllm-openai@3:13",
                          "services/vllm/command=@4:5",
                          "services/vllm/command/-/=--model@5:7",
                          "services/vllm/command/-/=Qwen/Qwen3-8B@6:7",
                          "services/vllm/environment=@7:5",
                          "services/vllm/environment/-/name=A@8:15",
                          "services/vllm/environment/-/value=b@9:16",
                          "top=[x, \"y\"]@10:6",
                      });
  auto items = SplitFlowList("[x, \"y\"]", 6);
  REQUIRE(items.size() == 2);
  CHECK(items[1].text == "y");
  CHECK(items[1].column == 11);
}

TEST_CASE("block scalars, documents and comments", "[extract][yaml_nodes]") {
  std::string text =
      "# comment: not a key\n"
      "run: |\n"
      "  ollama pull x\n"
      "\n"
      "  echo done\n"
      "---\n"
      "kind: Pod\n";
  std::vector<YamlNode> nodes = ReadYamlNodes(text);
  REQUIRE(nodes.size() == 2);
  REQUIRE(nodes[0].block.size() == 2);
  CHECK(nodes[0].block[1].text == "echo done");
  CHECK(nodes[0].block[1].line == 5);
  CHECK(nodes[0].block[1].column == 3);
  CHECK(nodes[1].document == 1);
  CHECK(nodes[1].path.empty());
}

TEST_CASE("hostile nesting stays bounded", "[extract][yaml_nodes]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  std::vector<YamlNode> nodes = ReadYamlNodes(text);
  CHECK(nodes.size() == 5000);
  CHECK(nodes.back().path.size() <= 16);
}
