// Markdown documents (*.md): the deployment steps teams write in fenced code
// blocks. Only blocks whose language is sh, bash, shell, console, zsh,
// shell-session or none are read as shell (command_lines.h), with `$ ` / `% `
// prompts ignored; prose and other languages' blocks are never read as
// commands. Hugging Face / ModelScope model URLs count anywhere in the file.
#include "core/text.h"
#include "extract/command_lines.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

bool ShellFence(std::string_view info) {
  std::string lang = ToLower(Trim(info).substr(0, Trim(info).find_first_of(" \t{")));
  return lang.empty() || lang == "sh" || lang == "bash" || lang == "shell" || lang == "console" ||
         lang == "zsh" || lang == "shell-session" || lang == "shellsession";
}

class MarkdownCommandsExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "markdown-commands"; }
  std::vector<std::string> globs() const override { return {"**/*.md", "**/*.markdown"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::string fence;      // "```" or "~~~..." while inside a block
    bool shell = false;
    std::string block;      // the block's lines, prompts blanked out
    uint32_t block_line = 0;
    uint32_t line_no = 0;
    // A model card's YAML front matter is the model-card extractor's: its
    // base_model is lineage, and its license_link is no dependency.
    bool front_matter = false;
    for (std::string_view raw : Split(in.text, '\n')) {
      ++line_no;
      std::string_view line = raw;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line_no == 1 && Trim(line) == "---") {
        front_matter = true;
        continue;
      }
      if (front_matter) {
        if (Trim(line) == "---" || Trim(line) == "...") front_matter = false;
        continue;
      }
      for (ModelReference& ref : HubUrlReferences(line, line_no, in.path, name())) sink.OnReference(std::move(ref));
      std::string_view t = Trim(line);
      if (fence.empty()) {
        if (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~") {
          size_t n = t.find_first_not_of(t[0]);
          fence = std::string(t.substr(0, n == std::string_view::npos ? t.size() : n));
          shell = fence[0] == '~' || t.find('`', fence.size()) == std::string_view::npos
                      ? ShellFence(t.substr(fence.size()))
                      : false;
          block.clear();
          block_line = line_no + 1;
        }
        continue;
      }
      if (t.substr(0, fence.size()) == fence && t.find_first_not_of(fence[0]) == std::string_view::npos) {
        if (shell && !block.empty()) {
          for (ModelReference& ref : CommandReferencesInText(block, block_line, 1, in.path, name())) {
            sink.OnReference(std::move(ref));
          }
        }
        fence.clear();
        continue;
      }
      if (!shell) continue;
      std::string copy(line);
      size_t first = copy.find_first_not_of(" \t");
      if (first != std::string::npos && first + 1 < copy.size() && (copy[first] == '$' || copy[first] == '%') &&
          copy[first + 1] == ' ') {
        copy[first] = ' ';
      }
      block.append(copy);
      block.push_back('\n');
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeMarkdownCommandsExtractor() { return std::make_unique<MarkdownCommandsExtractor>(); }

}  // namespace modelprov
