// Shell scripts (*.sh, *.bash, *.zsh): model-serving and download commands
// (command_lines.h), `NAME=value` / `export NAME=value` settings
// (config_settings.h), and Hugging Face / ModelScope model URLs.
//
// Shell needs its own reader rather than the string-literal lexer: most
// values are unquoted words (`MODEL=qwen2.5:7b`, `ollama run llama3.1`).
#include "core/text.h"
#include "extract/command_lines.h"
#include "extract/config_settings.h"
#include "extract/env_assignments.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

class ShellScriptExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "shell-script"; }
  std::vector<std::string> globs() const override { return {"**/*.sh", "**/*.bash", "**/*.zsh"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    for (const LogicalLine& l : JoinContinuations(in.text, 1)) {
      std::string_view text = l.text;
      size_t start = text.find_first_not_of(" \t");
      if (start == std::string_view::npos || text[start] == '#') continue;
      size_t body = start;
      for (std::string_view kw : {"export ", "local ", "readonly ", "declare -x ", "declare "}) {
        if (text.substr(body, kw.size()) == kw) {
          body = text.find_first_not_of(" \t", body + kw.size());
          break;
        }
      }
      if (body != std::string_view::npos) {
        uint32_t line = l.parts.front().second;
        for (const EnvAssignment& a : ParseEnvAssignments(text.substr(body), static_cast<uint32_t>(body + 1))) {
          Setting s;
          s.key = a.name;
          s.value = a.value;
          s.key_line = s.value_line = line;
          s.key_column = a.name_column;
          s.value_column = a.value_column;
          for (ModelReference& ref : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(ref));
        }
      }
      for (const CommandReference& c : FindCommandReferences(SplitShellWords(l, false), false)) {
        sink.OnReference(CommandToReference(c, in.path, name()));
      }
    }
    uint32_t line_no = 0;
    for (std::string_view line : Split(in.text, '\n')) {
      ++line_no;
      for (ModelReference& ref : HubUrlReferences(line, line_no, in.path, name())) sink.OnReference(std::move(ref));
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeShellScriptExtractor() { return std::make_unique<ShellScriptExtractor>(); }

}  // namespace modelprov
