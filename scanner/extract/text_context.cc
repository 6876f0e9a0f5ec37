#include "extract/text_context.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace modelprov {
namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '$' || c == '@';
}
bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// "snake_case", "camelCase" and "kebab-case" compare alike: lowercase, no
// separators ("llmModel", "llm_model", "llm-model" -> "llmmodel").
std::string Folded(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '_' || c == '-' || c == '$' || c == '@') continue;
    out.push_back(AsciiLower(c));
  }
  return out;
}

// Whether the folded key is one of `words`.
template <size_t N>
bool FoldedIn(const std::string& folded, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), folded) != words.end();
}

// The last dotted segment: "self.config.model" -> "model", "os.environ" -> "environ".
std::string_view LastSegment(std::string_view key) {
  size_t dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

LineRole RoleOf(std::string_view line) {
  std::string_view t = Trim(line);
  // A notebook's JSON string of source ("    \"import anthropic\\n\",").
  while (!t.empty() && (t[0] == '"' || t[0] == '\'' || t[0] == '[')) t = Trim(t.substr(1));
  // Notebook and shell prompts, Dockerfile RUN, comment markers before commented-out code.
  for (std::string_view lead : {"!", "%", "$ ", "RUN ", "run ", "# ", "// ", "- "}) {
    if (t.substr(0, lead.size()) == lead) t = Trim(t.substr(lead.size()));
  }
  std::string lower = ToLower(t.substr(0, std::min<size_t>(t.size(), 200)));
  auto starts = [&](std::string_view p) { return lower.compare(0, p.size(), p) == 0; };
  // A sentence may start with "from", "use" or "using" ("// from the
  // runtime...", "# using these together..."): those need the statement's shape.
  if (starts("from ") && lower.find(" import ") != std::string::npos) return LineRole::kImport;
  // Rust `use a::b;`, PHP `use A\B;`, C# `using A.B;` (not "use strict";).
  if (starts("use ") && (lower.find("::") != std::string::npos || lower.find('\\') != std::string::npos)) {
    return LineRole::kImport;
  }
  if (starts("using ") && !t.empty() && t.back() == ';' && lower.find('"') == std::string::npos) {
    return LineRole::kImport;
  }
  for (std::string_view p : {"import ", "extern crate ", "require ", "require(", "<artifactid>", "implementation",
                             "api(", "api ", "compileonly", "runtimeonly"}) {
    if (starts(p)) return LineRole::kImport;
  }
  for (std::string_view p : {"pip install", "pip3 install", "python -m pip install", "python3 -m pip install",
                             "uv pip install", "uv add", "poetry add", "pipenv install", "conda install",
                             "npm install", "npm i ", "npm add", "pnpm add", "pnpm install", "yarn add", "bun add",
                             "go get", "go install", "cargo add", "dotnet add", "gem install", "composer require"}) {
    if (starts(p)) return LineRole::kInstall;
  }
  for (std::string_view p : {"ollama ", "huggingface-cli ", "hf download", "hf upload", "modelscope download",
                             "vllm serve", "llama-server", "llama-cli", "./llama-server", "./llama-cli",
                             "lmdeploy serve", "sglang", "python -m vllm", "python3 -m vllm", "docker model"}) {
    if (starts(p)) return LineRole::kModelTool;
  }
  if (lower.find("require(") != std::string::npos || lower.find("import(") != std::string::npos ||
      lower.find(" from '") != std::string::npos || lower.find(" from \"") != std::string::npos ||
      lower.find("jest.mock(") != std::string::npos || lower.find("vi.mock(") != std::string::npos ||
      lower.find("<artifactid>") != std::string::npos) {
    return LineRole::kImportCall;
  }
  return LineRole::kOther;
}

}  // namespace

TextContext ReadTextContext(std::string_view text, size_t line_begin, size_t line_end, size_t begin, size_t end) {
  TextContext c;
  c.role = RoleOf(text.substr(line_begin, line_end - line_begin));
  size_t p = begin;
  // Opening quote (also a JSON-escaped one inside a notebook: \"model\").
  if (p > line_begin && IsQuote(text[p - 1])) {
    char q = text[p - 1];
    c.quoted = end < line_end && text[end] == q;
    if (c.quoted && q == '"' && p - 1 > line_begin && text[p - 2] == '\\') --p;
    --p;
  }
  while (p > line_begin && IsSpace(text[p - 1])) --p;
  if (p > line_begin && text[p - 1] == '-' && (p - 1 == line_begin || IsSpace(text[p - 2]))) {
    // "- value": a list item (YAML sequences, Markdown bullets).
    size_t q = p - 1;
    while (q > line_begin && IsSpace(text[q - 1])) --q;
    c.list_item = q == line_begin;
    return c;
  }
  if (p == line_begin) return c;
  char sep = text[p - 1];
  if (sep == '=' || sep == ':' || sep == '>' || sep == '(' || sep == ',') {
    if (sep == ':' && p - 1 > line_begin && text[p - 2] == ':') return c;  // C++/Rust scope, not a key
    size_t k = p - 1;
    if (sep == '>' && k > line_begin && text[k - 1] == '=') --k;  // PHP/Ruby =>
    if (sep == '=' && k > line_begin && (text[k - 1] == ':' || text[k - 1] == '?')) --k;  // Go :=, ?=
    if (sep == '=' && k > line_begin && text[k - 1] == '=') return c;  // a comparison, not a slot
    if (sep == '>' && text[k] == '>' && k == p - 1) return c;  // a bare '>' (HTML, generics)
    if (sep == ',') {
      // A positional argument after others: the call it belongs to, when on this line.
      int depth = 0;
      for (size_t i = k; i > line_begin; --i) {
        char ch = text[i - 1];
        if (ch == ')' || ch == ']' || ch == '}') ++depth;
        if (ch == '(' || ch == '[' || ch == '{') {
          if (depth == 0) {
            if (ch != '(') return c;
            k = i - 1;
            sep = '(';
            break;
          }
          --depth;
        }
      }
      if (sep == ',') return c;
    }
    while (k > line_begin && IsSpace(text[k - 1])) --k;
    while (k > line_begin && (IsQuote(text[k - 1]) || text[k - 1] == '\\')) --k;
    size_t key_end = k;
    while (k > line_begin && IsKeyChar(text[k - 1])) --k;
    std::string_view key = text.substr(k, key_end - k);
    c.is_call = sep == '(';
    c.is_flag = !c.is_call && key.size() > 1 && key[0] == '-';
    c.key = ToLower(c.is_flag ? key : LastSegment(key));
    if (c.key == "default") {
      // argparse: add_argument("--base_model", default="org/name") names
      // its slot in the flag.
      std::string_view line = text.substr(line_begin, line_end - line_begin);
      size_t dash = line.find("\"--");
      if (dash == std::string_view::npos) dash = line.find("'--");
      if (dash != std::string_view::npos && dash + 1 < begin - line_begin) {
        size_t stop = line.find_first_of("\"'", dash + 1);
        c.key = ToLower(line.substr(dash + 1, stop == std::string_view::npos ? std::string_view::npos : stop - dash - 1));
        c.is_flag = true;
      }
    }
    return c;
  }
  // "--model qwen2:7b", "-m llama3": a flag and its value separated by a space.
  size_t k = p;
  while (k > line_begin && IsKeyChar(text[k - 1])) --k;
  std::string_view word = text.substr(k, p - k);
  if (word.size() > 1 && word[0] == '-' && (k == line_begin || IsSpace(text[k - 1]))) {
    c.is_flag = true;
    c.key = ToLower(word);
  }
  return c;
}

bool IsModelSlot(std::string_view key) {
  if (key.empty()) return false;
  std::string f = Folded(key);
  if (IsNonModelSlot(key)) return false;
  if (f.find("model") != std::string::npos) return true;
  static constexpr std::array<std::string_view, 26> kSlots = {
      "pushtohub",  "download",
      "m",          "engine",     "deployment", "deploymentname", "deploymentid", "llm",
      "checkpoint", "repoid",     "repo",       "hfrepo",         "hf",           "pretrained",
      "frompretrained", "snapshotdownload", "hfhubdownload", "tokenizer", "tokenizername", "embedder",
      "reranker",   "embedding",  "embeddings", "basemodel",      "servedmodelname", "requestmodel"};
  return FoldedIn(f, kSlots);
}

bool IsProviderSlot(std::string_view key) {
  std::string f = Folded(key);
  static constexpr std::array<std::string_view, 14> kSlots = {
      "provider",     "apiprovider",  "providerid",  "providername", "modelprovider", "llmprovider",
      "modelserver",  "apitype",      "llmtype",     "llmbackend",   "defaultprovider", "providertype",
      "chatprovider", "embeddingprovider"};
  return FoldedIn(f, kSlots);
}

bool IsNonModelSlot(std::string_view key) {
  std::string f = Folded(key);
  static constexpr std::array<std::string_view, 37> kSlots = {
      "format",       "reasoningformat", "which",  "family", "arch", "encoding", "encodingname",
      "template",     "chattemplate", "prompttemplate", "templatename", "outputdir",  "savedir",
      "exportdir",    "loggingdir",   "runname",        "experimentname", "projectname", "project",
      "title",        "label",        "arialabel",      "classname",    "class",      "id",
      "icon",         "dataset",      "datasetname",    "datasetdir",   "modelfamily", "modeltype",
      "modelclass",   "modelformat",  "architecture",   "toolparser",   "reasoningparser", "modeldir"};
  return FoldedIn(f, kSlots);
}

}  // namespace modelprov
