// TextContext: what surrounds a candidate string on its line, read without
// parsing the file's language.
//
// Detection decides whether a candidate counts from its context, not from the
// string alone: "qwen2.5:7b" after `model=` or `ollama pull` is a dependency;
// the same letters in a Markdown table, a class name or a chat-template key
// are not. The reader is deliberately language-agnostic (it serves every
// text file, including languages modelprov has no extractor for): it looks
// left of the candidate for a key, a call or a flag, checks the quotes around
// it, and classifies the line (import, install command, model tool command).
#pragma once

#include <string>
#include <string_view>

namespace modelprov {

enum class LineRole {
  kOther,
  kImport,      // the line is an import: import x / from x import y / use x::y; / using X; / <artifactId>
  kImportCall,  // the line holds one: require("x"), import("x"), ... from 'x' (the package is the quoted argument)
  kInstall,     // pip install, npm install, go get, cargo add...
  kModelTool,   // ollama run/pull, huggingface-cli download, vllm serve, llama-server -hf...
};

struct TextContext {
  // The key, call or flag whose value the candidate is, lowercased with
  // quotes removed: "model", "with_model" ... "--model". Empty when none.
  std::string key;
  bool is_call = false;  // key names the enclosing call: WithModel("x")
  bool is_flag = false;  // key is a command-line flag: --model x
  bool quoted = false;   // directly between matching quotes or backticks
  bool list_item = false;  // the value of a YAML/Markdown list item: "- qwen2:7b"
  LineRole role = LineRole::kOther;
};

// Reads the context of text[begin, end) on the line text[line_begin, line_end).
TextContext ReadTextContext(std::string_view text, size_t line_begin, size_t line_end, size_t begin,
                            size_t end);

// Keys whose value names a model: model, model_name, llm_model, modelId,
// engine, deployment, --model, --served-model-name, WithModel(...),
// from_pretrained(...), snapshot_download(...).
bool IsModelSlot(std::string_view key);
// Keys that select a hosted provider: provider, api_provider, model_server...
bool IsProviderSlot(std::string_view key);
// Keys whose value looks like a model name but is not a dependency:
// chat templates, output folders, run names, display titles.
bool IsNonModelSlot(std::string_view key);

}  // namespace modelprov
