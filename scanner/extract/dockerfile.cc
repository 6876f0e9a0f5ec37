// Dockerfiles: ENV/ARG settings (config_settings.h), the commands in RUN,
// CMD and ENTRYPOINT (command_lines.h; shell and exec form), and model URLs.
// A serving image in FROM (vllm/vllm-openai, text-generation-inference,
// lmsysorg/sglang, llama.cpp:server) tells which tool CMD's `--model` is for.
#include "core/text.h"
#include "extract/command_lines.h"
#include "extract/config_settings.h"
#include "extract/env_assignments.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

class DockerfileExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "dockerfile"; }
  std::vector<std::string> globs() const override {
    return {"**/Dockerfile", "**/Dockerfile.*", "**/*.Dockerfile", "**/*.dockerfile", "**/Containerfile"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    ShellWord base_image;  // the last FROM, prepended to CMD/ENTRYPOINT words
    for (const LogicalLine& l : JoinContinuations(in.text, 1)) {
      std::string_view text = l.text;
      size_t start = text.find_first_not_of(" \t");
      if (start == std::string_view::npos || text[start] == '#') continue;
      size_t sp = text.find_first_of(" \t", start);
      if (sp == std::string_view::npos) continue;
      std::string instruction = ToLower(text.substr(start, sp - start));
      size_t arg = text.find_first_not_of(" \t", sp);
      if (arg == std::string_view::npos) continue;
      uint32_t line = l.parts.front().second;
      if (instruction == "from") {
        LogicalLine from{std::string(text.substr(arg)), {{0, line}}};
        std::vector<ShellWord> w = SplitShellWords(from, false, static_cast<uint32_t>(arg + 1));
        for (const ShellWord& word : w) {
          if (!word.text.empty() && word.text[0] != '-') {
            base_image = word;
            base_image.image = true;
            break;
          }
        }
      } else if (instruction == "env" || instruction == "arg") {
        std::string_view rest = text.substr(arg);
        std::vector<EnvAssignment> assignments = ParseEnvAssignments(rest, static_cast<uint32_t>(arg + 1));
        if (assignments.empty() && instruction == "arg") {
          // ARG NAME without a default still declares the variable.
          std::string name_eq = std::string(Trim(rest)) + "=";
          assignments = ParseEnvAssignments(name_eq, static_cast<uint32_t>(arg + 1));
        } else if (assignments.empty() && instruction == "env") {
          // Legacy form: ENV NAME value with spaces
          size_t gap = rest.find_first_of(" \t");
          if (gap != std::string_view::npos) {
            size_t v = rest.find_first_not_of(" \t", gap);
            std::string name_eq = std::string(rest.substr(0, gap)) + "=";
            std::vector<EnvAssignment> one = ParseEnvAssignments(name_eq, static_cast<uint32_t>(arg + 1));
            if (one.size() == 1 && v != std::string_view::npos) {
              one[0].value = std::string(Trim(rest.substr(v)));
              one[0].value_column = static_cast<uint32_t>(arg + v + 1);
              assignments = std::move(one);
            }
          }
        }
        for (const EnvAssignment& a : assignments) {
          Setting s;
          s.key = a.name;
          s.value = a.value;
          s.key_line = s.value_line = line;
          s.key_column = a.name_column;
          s.value_column = a.value_column;
          for (ModelReference& ref : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(ref));
        }
      } else if (instruction == "run" || instruction == "cmd" || instruction == "entrypoint") {
        LogicalLine body = l;
        bool exec_form = text[arg] == '[';
        std::vector<ShellWord> words = SplitShellWords(body, exec_form);
        // Drop the instruction word itself.
        if (!words.empty()) words.erase(words.begin());
        bool container_cmd = instruction != "run";
        if (container_cmd && !base_image.text.empty()) words.insert(words.begin(), base_image);
        for (const CommandReference& c : FindCommandReferences(words, container_cmd)) {
          sink.OnReference(CommandToReference(c, in.path, name()));
        }
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

std::unique_ptr<Extractor> MakeDockerfileExtractor() { return std::make_unique<DockerfileExtractor>(); }

}  // namespace modelprov
