#include "extract/command_lines.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace modelprov {
namespace {

// Words beyond this many per command are data, not a command line.
constexpr size_t kMaxWordsPerCommand = 256;

std::string_view WordBase(std::string_view w) {
  size_t slash = w.find_last_of('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

bool IsVariable(std::string_view v) {
  return v.find('$') != std::string_view::npos || v.find("{{") != std::string_view::npos ||
         v.find('<') != std::string_view::npos || v.find('>') != std::string_view::npos;
}

bool LooksLikeName(std::string_view v) {
  if (v.empty() || v.size() > 256 || v[0] == '-' || IsVariable(v)) return false;
  for (char c : v) {
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == '*') return false;
  }
  return true;
}

// Which serving or download tool a word starts. `sub` receives the
// subcommand the tool needs before its model argument ("" when flags only).
struct ToolMatch {
  std::string_view tool;
  std::string_view sub;  // required subcommand word(s), '|' separated
};

// A program named by a bare word (`ollama`, `vllm`) only counts where a
// command starts, so `echo ollama run is documented` names nothing.
bool CommandPosition(const std::vector<ShellWord>& w, size_t begin, size_t i) {
  size_t images = begin;
  while (images < i && w[images].image) ++images;
  if (i == images) return true;
  begin = images;
  std::string_view first = WordBase(w[begin].text);
  if (first == "docker" || first == "podman" || first == "kubectl" || first == "nerdctl") return true;
  const std::string& prev = w[i - 1].text;
  if (prev.find('=') != std::string::npos && prev[0] != '-') {
    for (size_t k = begin; k < i; ++k) {  // only leading VAR=value words
      if (w[k].text.find('=') == std::string::npos) return false;
    }
    return true;
  }
  static constexpr std::array<std::string_view, 10> kLaunchers = {"sudo", "exec", "nohup", "time", "env",
                                                                 "run", "then", "do", "xargs", "uvx"};
  return std::find(kLaunchers.begin(), kLaunchers.end(), prev) != kLaunchers.end();
}

bool ToolOf(std::string_view word, bool command_position, ToolMatch* m) {
  std::string_view base = WordBase(word);
  std::string lower = ToLower(word);
  if (command_position && (base == "ollama" || base == "huggingface-cli" || base == "hf" ||
                           base == "modelscope" || base == "vllm" || base == "text-generation-launcher" ||
                           base == "llama-server" || base == "llama-cli")) {
    // handled below
  } else if (base == "ollama" || base == "huggingface-cli" || base == "hf" || base == "modelscope" ||
             base == "vllm" || base == "text-generation-launcher" || base == "llama-server" ||
             base == "llama-cli") {
    // ollama/ollama as an image is a tool anywhere; a bare program name is not.
    if (word.find('/') == std::string_view::npos || base != "ollama") return false;
  }
  if (base == "ollama") return *m = {"ollama", "run|pull"}, true;
  if (base == "huggingface-cli" || base == "hf") return *m = {"huggingface-cli", "download"}, true;
  if (base == "modelscope") return *m = {"modelscope", "download"}, true;
  if (base == "vllm") return *m = {"vllm", "serve"}, true;
  if (lower.find("vllm.entrypoints") != std::string::npos || lower.find("vllm/vllm-openai") != std::string::npos) {
    return *m = {"vllm", ""}, true;
  }
  if (base == "text-generation-launcher" || lower.find("text-generation-inference") != std::string::npos) {
    return *m = {"tgi", ""}, true;
  }
  if (base == "llama-server" || base == "llama-cli" || lower.find("llama.cpp:server") != std::string::npos ||
      lower.find("llama.cpp:full") != std::string::npos) {
    return *m = {"llama.cpp", ""}, true;
  }
  if (lower.find("sglang.launch_server") != std::string::npos || lower.find("lmsysorg/sglang") != std::string::npos) {
    return *m = {"sglang", ""}, true;
  }
  return false;
}

bool SubMatches(std::string_view allowed, std::string_view word) {
  for (std::string_view s : Split(allowed, '|')) {
    if (s == word) return true;
  }
  return false;
}

// Flags whose value is a model, per tool ("" = any tool, deploy contexts).
struct ModelFlag {
  std::string_view flag;
  std::string_view tool;
  Evidence evidence;
};
constexpr std::array<ModelFlag, 11> kModelFlags = {{
    {"--model", "", Evidence::kDefinite},
    {"--model-id", "", Evidence::kDefinite},
    {"--model-path", "", Evidence::kDefinite},
    {"--served-model-name", "", Evidence::kLikely},
    {"-m", "llama.cpp", Evidence::kDefinite},
    {"-hf", "llama.cpp", Evidence::kDefinite},
    {"-hfr", "llama.cpp", Evidence::kDefinite},
    {"--hf-repo", "llama.cpp", Evidence::kDefinite},
    {"--tokenizer", "vllm", Evidence::kLikely},
    {"--tokenizer", "sglang", Evidence::kLikely},
    {"--tokenizer-path", "sglang", Evidence::kLikely},
}};

const ModelFlag* FlagFor(std::string_view flag, std::string_view tool) {
  for (const ModelFlag& f : kModelFlags) {
    if (f.flag == flag && (f.tool.empty() || f.tool == tool)) return &f;
  }
  return nullptr;
}

// Flags of the download/serve commands that take a separate value; that
// value is never the positional model name.
constexpr std::array<std::string_view, 14> kValueFlags = {
    "--repo-type", "--revision", "--local-dir", "--cache-dir", "--include", "--exclude", "--token",
    "--max-workers", "--dataset", "--local_dir", "--cache_dir", "--port", "--host", "--quantization"};

void FindInCommand(const std::vector<ShellWord>& w, size_t begin, size_t end, bool deploy_context,
                   std::vector<CommandReference>& all) {
  if (end - begin > kMaxWordsPerCommand) end = begin + kMaxWordsPerCommand;
  std::vector<CommandReference> out;
  bool not_a_model = false;  // `hf download --repo-type dataset`, `modelscope download --dataset`
  std::string tool;
  std::string_view sub;
  bool want_positional = false;  // next non-flag word is the model
  std::string positional_arg;
  for (size_t i = begin; i < end; ++i) {
    const std::string& t = w[i].text;
    ToolMatch m;
    if (tool.empty() && ToolOf(t, CommandPosition(w, begin, i), &m)) {
      tool = std::string(m.tool);
      sub = m.sub;
      continue;
    }
    if (!tool.empty() && !sub.empty() && !want_positional && positional_arg.empty()) {
      if (SubMatches(sub, t)) {
        want_positional = true;
        positional_arg = t;
        continue;
      }
    }
    // --flag=value or --flag value
    if (!t.empty() && t[0] == '-') {
      std::string_view flag = t, value;
      bool inline_value = false;
      size_t eq = t.find('=');
      if (eq != std::string::npos) {
        flag = std::string_view(t).substr(0, eq);
        value = std::string_view(t).substr(eq + 1);
        inline_value = true;
      }
      const ModelFlag* f = (tool.empty() && !deploy_context) ? nullptr : FlagFor(flag, tool);
      if (f != nullptr) {
        ShellWord word;
        if (inline_value) {
          word = w[i];
          word.text = std::string(value);
          word.column += static_cast<uint32_t>(eq + 1);
        } else if (i + 1 < end) {
          word = w[++i];
        }
        if (tool == "llama.cpp" && flag != "-m" && word.text.find('/') != std::string::npos) {
          // -hf ORG/NAME:Q4_K_M picks a quantisation of the repository.
          word.text = word.text.substr(0, word.text.find(':'));
        }
        if (LooksLikeName(word.text)) {
          Evidence e = tool.empty() ? Evidence::kLikely : f->evidence;
          out.push_back({tool, std::string(flag), word, e});
        }
        continue;
      }
      if (flag == "--dataset") not_a_model = true;
      if (flag == "--repo-type" || flag == "--repo_type") {
        std::string_view type = inline_value ? value : (i + 1 < end ? std::string_view(w[i + 1].text) : "");
        if (type == "dataset" || type == "space") not_a_model = true;
      }
      bool takes_value = std::find(kValueFlags.begin(), kValueFlags.end(), flag) != kValueFlags.end();
      if (takes_value && !inline_value) ++i;
      continue;
    }
    if (want_positional) {
      want_positional = false;
      if (LooksLikeName(t)) out.push_back({tool, positional_arg, w[i], Evidence::kDefinite});
    }
  }
  if (not_a_model) return;
  // --served-model-name is the alias clients call the served model by; next
  // to the model it names it is no second dependency.
  bool names_model = std::any_of(out.begin(), out.end(), [](const CommandReference& r) { return r.arg != "--served-model-name"; });
  for (CommandReference& r : out) {
    if (names_model && r.arg == "--served-model-name") continue;
    all.push_back(std::move(r));
  }
}

}  // namespace

std::vector<LogicalLine> JoinContinuations(std::string_view text, uint32_t first_line) {
  std::vector<LogicalLine> out;
  LogicalLine cur;
  uint32_t line = first_line;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    cur.parts.emplace_back(cur.text.size(), line);
    std::string_view trimmed_end = raw;
    while (!trimmed_end.empty() && (trimmed_end.back() == ' ' || trimmed_end.back() == '\t')) {
      trimmed_end.remove_suffix(1);
    }
    bool continued = !trimmed_end.empty() && trimmed_end.back() == '\\';
    if (continued) {
      cur.text.append(trimmed_end.substr(0, trimmed_end.size() - 1));
      cur.text.push_back(' ');
    } else {
      cur.text.append(raw);
      out.push_back(std::move(cur));
      cur = LogicalLine();
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  if (!cur.parts.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<ShellWord> SplitShellWords(const LogicalLine& line, bool exec_form, uint32_t base_column) {
  std::vector<ShellWord> out;
  const std::string& s = line.text;
  auto position = [&](size_t offset, ShellWord& w) {
    // Parts are in offset order: the last one starting at or before `offset`.
    auto it = std::upper_bound(line.parts.begin(), line.parts.end(), offset,
                               [](size_t off, const std::pair<size_t, uint32_t>& p) { return off < p.first; });
    size_t part = it == line.parts.begin() ? 0 : static_cast<size_t>(it - line.parts.begin()) - 1;
    w.line = line.parts.empty() ? 0 : line.parts[part].second;
    w.column = static_cast<uint32_t>(offset - (line.parts.empty() ? 0 : line.parts[part].first) + 1);
    if (part == 0) w.column += base_column - 1;
  };
  auto separator = [&](size_t offset) {
    if (!out.empty() && out.back().separator) return;
    ShellWord w;
    w.separator = true;
    position(offset, w);
    out.push_back(std::move(w));
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || (exec_form && (c == '[' || c == ']' || c == ','))) {
      ++i;
      continue;
    }
    if (c == '#') break;  // comment at a word start
    if (c == ';' || c == '|' || c == '&' || c == '(' || c == ')' || c == '`') {
      separator(i);
      ++i;
      continue;
    }
    ShellWord w;
    size_t content_start = i;
    bool started = false;
    while (i < s.size()) {
      char d = s[i];
      if (d == ' ' || d == '\t' || d == ';' || d == '|' || d == '&' || d == '(' || d == ')' || d == '`') break;
      if (exec_form && (d == ',' || d == ']')) break;
      if (d == '"' || d == '\'') {
        size_t close = s.find(d, i + 1);
        if (close == std::string::npos) close = s.size();
        if (!started) content_start = i + 1;
        w.text.append(s, i + 1, close - i - 1);
        i = close + 1;
        started = true;
        continue;
      }
      if (d == '\\' && i + 1 < s.size()) {
        w.text.push_back(s[i + 1]);
        i += 2;
        started = true;
        continue;
      }
      w.text.push_back(d);
      started = true;
      ++i;
    }
    position(content_start, w);
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<CommandReference> FindCommandReferences(const std::vector<ShellWord>& input, bool deploy_context) {
  std::vector<CommandReference> out;
  // A quoted word holding a whole command (`sh -c "ollama serve & ollama pull
  // x"`, exec-form list items) is split once more, at its own position.
  std::vector<ShellWord> words;
  for (const ShellWord& w : input) {
    if (w.separator || w.text.find(' ') == std::string::npos) {
      words.push_back(w);
      continue;
    }
    LogicalLine inner{w.text, {{0, w.line}}};
    std::vector<ShellWord> split = SplitShellWords(inner, false, w.column);
    words.insert(words.end(), split.begin(), split.end());
  }
  size_t begin = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    if (i == words.size() || words[i].separator) {
      if (i > begin) FindInCommand(words, begin, i, deploy_context, out);
      begin = i + 1;
    }
  }
  return out;
}

ModelReference CommandToReference(const CommandReference& c, std::string_view path, std::string_view extractor) {
  ModelReference ref;
  ref.kind = ReferenceKind::kDeployConfig;
  ref.text = c.word.text;
  ref.location = {std::string(path), c.word.line, c.word.column};
  ref.extractor = std::string(extractor);
  ref.evidence = c.evidence;
  DeployFacts& f = ref.SetFacts<DeployFacts>();
  f.tool = c.tool;
  f.arg = c.arg;
  return ref;
}

std::vector<ModelReference> CommandReferencesInText(std::string_view text, uint32_t first_line, uint32_t base_column,
                                                    std::string_view path, std::string_view extractor) {
  std::vector<ModelReference> out;
  bool first = true;
  for (const LogicalLine& l : JoinContinuations(text, first_line)) {
    std::vector<ShellWord> words = SplitShellWords(l, false, first ? base_column : 1);
    first = false;
    for (const CommandReference& c : FindCommandReferences(words, false)) {
      out.push_back(CommandToReference(c, path, extractor));
    }
  }
  return out;
}

namespace {

// First path segments of hub URLs that are not ORG/NAME model pages.
constexpr std::array<std::string_view, 14> kNonModelSegments = {
    "datasets", "spaces", "docs", "blog", "papers", "collections", "organizations", "settings",
    "api", "join", "login", "models", "learn", "tasks"};

bool UrlNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

// ".../blob/main/LICENSE": a link to a repository's license or use-policy
// text cites the license (model cards do so in `license_link`), it does not
// use the model. `rest` is the lowercased URL after org/name.
bool LinksToLicenseText(std::string_view rest) {
  for (std::string_view view : {"/blob/", "/raw/", "/resolve/"}) {
    if (rest.substr(0, view.size()) != view) continue;
    size_t file = rest.find('/', view.size());
    if (file == std::string_view::npos) return false;
    std::string_view name = rest.substr(file + 1);
    for (std::string_view text : {"license", "licence", "model_license", "use_policy", "notice", "copying"}) {
      if (name.substr(0, text.size()) == text) return true;
    }
    return false;
  }
  return false;
}

}  // namespace

std::vector<ModelReference> HubUrlReferences(std::string_view line, uint32_t line_no, std::string_view path,
                                             std::string_view extractor) {
  struct Host {
    std::string_view prefix;
    std::string_view hub;
  };
  static constexpr std::array<Host, 3> kHosts = {{{"huggingface.co/", "huggingface"},
                                                  {"hf.co/", "huggingface"},
                                                  {"modelscope.cn/models/", "modelscope"}}};
  std::vector<ModelReference> out;
  std::string lower = ToLower(line);
  for (const Host& h : kHosts) {
    size_t at = 0;
    while ((at = lower.find(h.prefix, at)) != std::string::npos) {
      size_t start = at;
      at += h.prefix.size();
      // Must be a whole host: "https://huggingface.co/", "www.", start of a word.
      if (start > 0) {
        char before = lower[start - 1];
        bool ok = before == '/' || before == '.' || before == ' ' || before == '(' || before == '<' ||
                  before == '"' || before == '\'' || before == '[' || before == '=' || before == '`';
        if (!ok) continue;
        if (before == '.' && h.prefix == "hf.co/") continue;  // "xhf.co"
      }
      size_t org_end = at;
      while (org_end < line.size() && UrlNameChar(line[org_end])) ++org_end;
      if (org_end == at || org_end >= line.size() || line[org_end] != '/') continue;
      size_t name_end = org_end + 1;
      while (name_end < line.size() && UrlNameChar(line[name_end])) ++name_end;
      while (name_end > org_end + 1 && line[name_end - 1] == '.') --name_end;  // sentence end
      if (name_end == org_end + 1) continue;
      std::string org(line.substr(at, org_end - at));
      if (std::find(kNonModelSegments.begin(), kNonModelSegments.end(), ToLower(org)) != kNonModelSegments.end()) {
        continue;
      }
      if (LinksToLicenseText(std::string_view(lower).substr(name_end))) continue;
      ModelReference ref;
      ref.kind = ReferenceKind::kHfModelId;
      ref.text = org + "/" + std::string(line.substr(org_end + 1, name_end - org_end - 1));
      ref.location = {std::string(path), line_no, static_cast<uint32_t>(at + 1)};
      ref.extractor = std::string(extractor);
      ref.evidence = Evidence::kLikely;
      ref.SetFacts<HubIdFacts>().hub = std::string(h.hub);
      out.push_back(std::move(ref));
      at = name_end;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ModelReference& a, const ModelReference& b) { return a.location.column < b.location.column; });
  return out;
}

}  // namespace modelprov
