// `modelprov explain NAME`: everything the catalog knows about a model id,
// hosted-API model, provider host, Ollama tag, family id or license id, with
// sources, and which rules of the active policy would fire on it.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace modelprov::cli {

struct ExplainOptions {
  std::string name;
  std::string format = "text";
  std::string policy;   // as for scan; empty: ./.modelprov.yml, else builtin:default
  std::string catalog;
};

void AddExplainFlags(CLI::App& cmd, ExplainOptions& options);

// Exit code: 0 known, 1 unknown name, 2 usage error.
int RunExplain(const ExplainOptions& options);

}  // namespace modelprov::cli
