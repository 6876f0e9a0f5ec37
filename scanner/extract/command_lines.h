// CommandLines: recognises the shell commands that pull or serve a model
// (`ollama run qwen2.5:7b`, `vllm serve Qwen/Qwen2.5-7B-Instruct`,
// `huggingface-cli download ORG/NAME`, `llama-server -hf ORG/NAME`, ...)
// wherever a deployment step is written down: shell scripts, Dockerfiles, CI
// YAML, compose/Kubernetes command lists and Markdown code blocks. Every
// extractor that reads such text goes through here, so they all follow the
// same rules.
//
// Input is a sequence of shell words with their file positions, not a string,
// because YAML lists and Dockerfile exec forms arrive already split.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_ref.h"

namespace modelprov {

struct ShellWord {
  std::string text;         // quotes removed
  uint32_t line = 0;        // 1-based file position of the word's first byte
  uint32_t column = 0;
  bool separator = false;   // ; && || | & or a line end between commands
  // A container image put in front of the command by the caller (compose
  // `image:`, Dockerfile FROM): it may name the serving tool, and the
  // command after it still starts a command.
  bool image = false;
};

// One physical or continued ("\" at line end) line of shell text.
struct LogicalLine {
  std::string text;
  // For each physical line joined into `text`: where it starts in `text`, and
  // its file line.
  std::vector<std::pair<size_t, uint32_t>> parts;
};

// Joins backslash continuations. `first_line` is the file line of text[0];
// `column_offset` is added to every column (text embedded after an
// indentation or a `RUN ` keyword).
std::vector<LogicalLine> JoinContinuations(std::string_view text, uint32_t first_line);

// Splits a logical line into words. Comments (`#` at a word start) end the
// line. `exec_form` also treats `[`, `]` and `,` outside quotes as blanks, for
// Dockerfile `CMD ["vllm", "serve", ...]` and YAML `[a, b]` lists.
// `base_column` is the file column of text[0] on its first physical line.
std::vector<ShellWord> SplitShellWords(const LogicalLine& line, bool exec_form, uint32_t base_column = 1);

// A model named on a command line.
struct CommandReference {
  std::string tool;  // ollama, vllm, tgi, llama.cpp, sglang, huggingface-cli, modelscope; "" if unknown
  std::string arg;   // what introduced it: "run", "pull", "serve", "download", "--model", "-hf"...
  ShellWord word;
  Evidence evidence = Evidence::kDefinite;
};

// Finds model names in `words`. `deploy_context` is true where bare
// `--model X` arguments without a recognised tool still name a model
// (container args in compose/Kubernetes files); elsewhere only recognised
// tools count.
std::vector<CommandReference> FindCommandReferences(const std::vector<ShellWord>& words, bool deploy_context);

// Turns a command reference into a deploy-config ModelReference.
ModelReference CommandToReference(const CommandReference& c, std::string_view path, std::string_view extractor);

// Convenience for line-oriented text (shell scripts, Markdown code blocks, CI
// `run:` blocks): joins continuations, splits words, and finds references.
// `first_line`/`base_column` position text[0] in the file.
std::vector<ModelReference> CommandReferencesInText(std::string_view text, uint32_t first_line, uint32_t base_column,
                                                    std::string_view path, std::string_view extractor);

// Hugging Face and ModelScope model URLs anywhere in `line`
// ("https://huggingface.co/Qwen/Qwen2.5-7B", "modelscope.cn/models/qwen/Qwen2.5-7B-Instruct").
// Returns hf-model-id references with text "ORG/NAME" and a `hub` fact.
std::vector<ModelReference> HubUrlReferences(std::string_view line, uint32_t line_no, std::string_view path,
                                             std::string_view extractor);

}  // namespace modelprov
