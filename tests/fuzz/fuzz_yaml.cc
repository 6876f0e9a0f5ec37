// The YAML readers (yaml_nodes, yaml_lines) and the deploy/gateway YAML
// extractors that use them.
#include "extract/yaml_lines.h"
#include "extract/yaml_nodes.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = modelprov::fuzz::AsView(data, size);
  size_t sum = 0;
  for (const auto& node : modelprov::ReadYamlNodes(text)) sum += modelprov::ParentKey(node).size();
  for (const auto& entry : modelprov::ReadTopLevelYaml(text)) (void)entry;
  for (const auto& item : modelprov::SplitFlowList(text, 1)) (void)item;
  sum += modelprov::UnquoteYamlScalar(text).size();
  (void)sum;
  for (std::string_view name : {"docker-compose.yml", "k8s/deployment.yaml", "chart/values.yaml",
                                ".github/workflows/ci.yml", "litellm_config.yaml", ".aider.conf.yml"}) {
    modelprov::fuzz::RunSelected(name, text);
  }
  return 0;
}
