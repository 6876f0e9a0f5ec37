// Deployment YAML: docker-compose files, Kubernetes manifests, Helm values,
// GitHub Actions workflows and GitLab CI. Reads, with yaml_nodes.h:
// - container environments (`environment:` maps and `- KEY=value` lists,
//   Kubernetes `env: [{name, value}]`) as settings (config_settings.h);
// - container command lines (`command`, `args`, `entrypoint`, with the
//   container's `image` telling the serving tool) through command_lines.h;
// - CI steps (`run:`, `script:`) as shell;
// - model-slot keys anywhere (`model:`, `modelName:`, `model: {name: ...}`).
// Other YAML files are left to the gateway/agent config extractor.
#include <map>

#include "core/text.h"
#include "extract/code_references.h"
#include "extract/command_lines.h"
#include "extract/config_settings.h"
#include "extract/deploy_yaml_kind.h"
#include "extract/extractors.h"
#include "extract/yaml_nodes.h"

namespace modelprov {
namespace {

bool IsCommandKey(std::string_view k) {
  return k == "command" || k == "args" || k == "entrypoint" || k == "cmd";
}
bool IsEnvKey(std::string_view k) { return k == "environment" || k == "env" || k == "variables"; }
bool IsScriptKey(std::string_view k) {
  return k == "run" || k == "script" || k == "before_script" || k == "after_script";
}

// The path up to (not including) the last element named `key`.
std::string GroupOf(const YamlNode& n, std::string_view key) {
  std::string g = std::to_string(n.document);
  size_t end = n.path.size();
  if (n.key != key) {
    for (size_t i = n.path.size(); i > 0; --i) {
      if (n.path[i - 1] == key) {
        end = i - 1;
        break;
      }
    }
  }
  for (size_t i = 0; i < end; ++i) g += "/" + n.path[i];
  return g;
}

std::vector<ShellWord> Words(std::string_view text, uint32_t line, uint32_t column, bool exec_form) {
  LogicalLine l{std::string(text), {{0, line}}};
  return SplitShellWords(l, exec_form, column);
}

class DeployYamlExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "deploy-yaml"; }
  std::vector<std::string> globs() const override { return {"**/*.yml", "**/*.yaml"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (in.text.size() > kMaxConfigYamlBytes) return;
    std::vector<YamlNode> nodes = ReadYamlNodes(in.text);
    DeployYamlKind kind = DetectDeployYaml(in.path, nodes);
    if (kind == DeployYamlKind::kNone) return;
    auto emit = [&](std::vector<ModelReference> refs, bool drop_env_vars) {
      for (ModelReference& r : refs) {
        const DeployFacts* f = r.FactsAs<DeployFacts>();
        if (drop_env_vars && f != nullptr && !f->env_var.empty()) continue;
        sink.OnReference(std::move(r));
      }
    };
    auto setting = [&](std::string_view key, std::string_view value, const YamlNode& at, uint32_t key_line,
                       uint32_t key_col, bool drop_env_vars) {
      Setting s;
      s.key = key;
      s.value = value;
      s.key_line = key_line;
      s.key_column = key_col;
      s.value_line = at.line;
      s.value_column = at.column;
      emit(ClassifySetting(s, in.path, name()), drop_env_vars);
    };
    // Command words per container (or service), image first.
    std::map<std::string, std::vector<ShellWord>> images, commands;
    std::vector<std::string> order;
    std::map<uint32_t, const YamlNode*> env_names;  // Kubernetes env item -> its `name:` node
    for (const YamlNode& n : nodes) {
      std::string_view parent = ParentKey(n);
      bool in_list = !n.path.empty() && n.path.back()[0] == '#';
      for (ModelReference& r : HubUrlReferences(n.value, n.line, in.path, name())) {
        r.location.column += n.column - 1;
        sink.OnReference(std::move(r));
      }
      // CI steps
      if (kind == DeployYamlKind::kGithubWorkflow || kind == DeployYamlKind::kGitlabCi) {
        bool script = (IsScriptKey(n.key) && !n.flow_list) || (n.key.empty() && IsScriptKey(parent));
        if (script) {
          if (!n.block.empty()) {
            for (const YamlBlockLine& b : n.block) {
              emit(CommandReferencesInText(b.text, b.line, b.column, in.path, name()), false);
            }
          } else if (!n.value.empty()) {
            emit(CommandReferencesInText(n.value, n.line, n.column, in.path, name()), false);
          }
          continue;
        }
      }
      // Container commands
      bool command_node = IsCommandKey(n.key) || (n.key.empty() && IsCommandKey(parent));
      if (command_node) {
        std::string group = GroupOf(n, n.key.empty() ? parent : std::string_view(n.key));
        if (!commands.count(group)) order.push_back(group);
        std::vector<ShellWord>& words = commands[group];
        auto add = [&](std::vector<ShellWord> w) { words.insert(words.end(), w.begin(), w.end()); };
        if (!n.block.empty()) {
          for (const YamlBlockLine& b : n.block) add(Words(b.text, b.line, b.column, false));
        } else if (!n.value.empty()) {
          add(Words(n.value, n.line, n.column, n.flow_list));
        }
        continue;
      }
      if (n.key == "image" && !n.value.empty()) {
        std::string group = GroupOf(n, "image");
        images[group] = Words(n.value, n.line, n.column, false);
        for (ShellWord& w : images[group]) w.image = true;
        continue;
      }
      // Environments
      if (IsEnvKey(parent) && !in_list && !n.key.empty()) {
        setting(n.key, n.value, n, n.line, n.key_column, false);
        continue;
      }
      if (IsEnvKey(parent) && in_list && n.key.empty()) {  // - KEY=value
        size_t eq = n.value.find('=');
        std::string key = n.value.substr(0, eq);
        YamlNode at = n;
        at.column += eq == std::string::npos ? 0 : static_cast<uint32_t>(eq + 1);
        setting(key, eq == std::string::npos ? std::string_view() : std::string_view(n.value).substr(eq + 1), at,
                n.line, n.column, false);
        continue;
      }
      if (IsEnvKey(parent) && in_list && n.key == "name") {  // Kubernetes: - name: KEY / value: X
        env_names[n.item] = &n;
        setting(n.value, "", n, n.line, n.column, false);
        continue;
      }
      if (IsEnvKey(parent) && in_list && n.key == "value") {
        auto it = env_names.find(n.item);
        if (it != env_names.end()) setting(it->second->value, n.value, n, n.line, n.column, true);
        continue;
      }
      // Model slots anywhere else (Helm values, workflow inputs).
      if (n.key.empty() || n.value.empty() || n.flow_list) continue;
      std::string key = n.key;
      if ((key == "name" || key == "id" || key == "repo" || key == "repository") && IsModelSlotName(parent)) {
        key = std::string(parent) + "_" + key;
      }
      bool interesting = IsModelSlotName(key) || IsEndpointSlotName(key) || IsProviderSlotName(key, false) ||
                         LooksLikeProviderVariable(key) || LooksLikeUrl(n.value);
      if (interesting) setting(key, n.value, n, n.line, n.key_column, false);
    }
    for (const std::string& group : order) {
      std::vector<ShellWord> words = images.count(group) ? images[group] : std::vector<ShellWord>{};
      const std::vector<ShellWord>& cmd = commands[group];
      words.insert(words.end(), cmd.begin(), cmd.end());
      for (const CommandReference& c : FindCommandReferences(words, true)) {
        sink.OnReference(CommandToReference(c, in.path, name()));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeDeployYamlExtractor() { return std::make_unique<DeployYamlExtractor>(); }

}  // namespace modelprov
