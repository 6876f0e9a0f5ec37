// Which deployment format a YAML file is, from its path and top-level keys.
// Shared by the deploy-yaml extractor (which reads these) and the agent/
// gateway config extractor (which reads every other YAML file), so each file
// is read by exactly one of them.
#pragma once

#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/yaml_nodes.h"

namespace modelprov {

// Deployment and LLM configs are small; a YAML file beyond this is a data
// dump, and both YAML extractors skip it rather than build nodes for it.
inline constexpr size_t kMaxConfigYamlBytes = 4u << 20;

enum class DeployYamlKind { kNone, kCompose, kKubernetes, kHelmValues, kGithubWorkflow, kGitlabCi };

inline DeployYamlKind DetectDeployYaml(std::string_view path, const std::vector<YamlNode>& nodes) {
  std::string base = ToLower(BaseName(path));
  std::string lower = ToLower(path);
  if (lower.find(".github/workflows/") != std::string::npos) return DeployYamlKind::kGithubWorkflow;
  if (base == ".gitlab-ci.yml" || base == ".gitlab-ci.yaml") return DeployYamlKind::kGitlabCi;
  if (IStartsWith(base, "docker-compose") || IStartsWith(base, "compose.") || IStartsWith(base, "compose-")) {
    return DeployYamlKind::kCompose;
  }
  bool api_version = false, kind = false;
  for (const YamlNode& n : nodes) {
    if (!n.path.empty()) continue;
    api_version = api_version || n.key == "apiVersion";
    kind = kind || n.key == "kind";
  }
  if (api_version && kind) return DeployYamlKind::kKubernetes;
  if (IStartsWith(base, "values")) return DeployYamlKind::kHelmValues;
  return DeployYamlKind::kNone;
}

}  // namespace modelprov
