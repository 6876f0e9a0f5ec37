// text-scan: the extractor every text file gets, whatever its language.
//
// One vectorscan pass over the bytes finds anchors (core/vocabulary.h); each
// hit is widened to the token around it ("https://huggingface.co/Qwen/Qwen3-8B",
// "qwen2.5:7b", "@anthropic-ai/sdk") and judged in its line's context
// (extract/text_context.h). Structured kinds keep their own extractors; the
// pipeline drops a text-scan reference that another extractor already
// reported on the same line.
#include <algorithm>
#include <functional>
#include <array>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/name_grammar.h"
#include "core/text.h"
#include "extract/anchor_scanner.h"
#include "extract/extractors.h"
#include "extract/text_context.h"

namespace modelprov {
namespace {

constexpr size_t kMaxToken = 300;

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == ':' || c == '/' || c == '@';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsDigit); }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && IEquals(s.substr(s.size() - suffix.size()), suffix);
}

// Prose formats: outside their code blocks and `inline code`, only
// unmistakable references (Hub links, API hosts) count.
bool IsProseFile(std::string_view name) {
  for (std::string_view ext : {".md", ".mdx", ".markdown", ".rst", ".txt", ".adoc", ".asciidoc", ".org"}) {
    if (EndsWith(name, ext)) return true;
  }
  return false;
}

// Dependency manifests: a quoted or leading SDK name is a dependency.
bool IsManifest(std::string_view name) {
  for (std::string_view m : {"package.json", "pyproject.toml", "setup.py", "setup.cfg", "pipfile", "cargo.toml",
                             "go.mod", "pom.xml", "build.gradle", "build.gradle.kts", "environment.yml",
                             "environment.yaml", "libs.versions.toml", "gemfile", "composer.json"}) {
    if (IEquals(name, m)) return true;
  }
  return EndsWith(name, ".csproj") || (IStartsWith(name, "requirements") && EndsWith(name, ".txt")) ||
         (IStartsWith(name, "requirements") && EndsWith(name, ".in"));
}

// First path segments of Hub URLs that are pages, not models.
bool IsHubPage(std::string_view first) {
  for (std::string_view p : {"datasets", "spaces", "docs", "blog", "papers", "collections", "settings", "join",
                             "login", "learn", "tasks", "organizations", "api", "models", "pricing", "enterprise",
                             "new", "search", "posts", "chat", "inference-endpoints", "transformers", "course"}) {
    if (IEquals(first, p)) return true;
  }
  return false;
}

// Path segments that are folders of the user's own, never a Hub org.
bool IsLocalFolder(std::string_view seg) {
  for (std::string_view p : {"models", "model", "saves", "save", "output", "outputs", "checkpoints", "checkpoint",
                             "data", "src", "lib", "root", "home", "tmp", "cache", "weights", "ckpt", "ckpts",
                             "examples", "scripts", "configs", "config", "docs", "test", "tests", "assets", "build",
                             "dist", "public", "static", "local", "mnt", "workspace", "app", "usr", "var", "opt",
                             "providers", "llms", "internal", "pkg", "cmd", "api", "v1", "v2", "v3"}) {
    if (IEquals(seg, p)) return true;
  }
  return false;
}

// "/v1", "/api/v3", "/compatible-mode/v1", "/paas/v4": where API clients point.
bool IsApiPath(std::string_view path) {
  for (std::string_view seg : Split(path, '/')) {
    if (seg.size() >= 2 && (seg[0] == 'v' || seg[0] == 'V') && IsDigit(seg[1])) return true;
    for (std::string_view w : {"api", "compatible-mode", "openai", "anthropic", "paas", "inference"}) {
      if (IEquals(seg, w)) return true;
    }
  }
  return false;
}

// The package ecosystem a file (or an install line in any file) is about;
// empty when neither says.
std::string_view EcosystemOf(std::string_view name, std::string_view line) {
  std::string l = ToLower(line);
  if (l.find("pip install") != std::string::npos || l.find("poetry add") != std::string::npos) return "pypi";
  if (l.find("npm i") != std::string::npos || l.find("yarn add") != std::string::npos ||
      l.find("pnpm add") != std::string::npos || l.find("require(") != std::string::npos) return "npm";
  if (l.find("go get") != std::string::npos) return "go";
  if (l.find("cargo add") != std::string::npos) return "cargo";
  if (l.find("artifactid") != std::string::npos) return "maven";
  for (std::string_view ext : {".py", ".pyi", ".ipynb", "pyproject.toml", "setup.cfg", "pipfile", ".txt", ".in"}) {
    if (EndsWith(name, ext)) return "pypi";
  }
  for (std::string_view ext : {".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts", ".vue", ".svelte",
                               "package.json"}) {
    if (EndsWith(name, ext)) return "npm";
  }
  for (std::string_view ext : {".go", "go.mod", "go.sum"}) {
    if (EndsWith(name, ext)) return "go";
  }
  for (std::string_view ext : {".java", ".kt", ".kts", ".scala", ".groovy", "pom.xml", ".gradle"}) {
    if (EndsWith(name, ext)) return "maven";
  }
  for (std::string_view ext : {".rs", "cargo.toml"}) {
    if (EndsWith(name, ext)) return "cargo";
  }
  if (EndsWith(name, ".cs") || EndsWith(name, ".csproj")) return "nuget";
  return {};
}

// "pip install", "npm install"... somewhere before the token on its line.
bool InstallBefore(std::string_view before) {
  std::string l = ToLower(before);
  for (std::string_view p : {"pip install ", "pip3 install ", "npm install ", "npm i ", "yarn add ", "pnpm add ",
                             "poetry add ", "uv add ", "go get ", "cargo add "}) {
    if (l.find(p) != std::string::npos) return true;
  }
  return false;
}

// Documentation's stand-ins for a real name: "your-org/your-model",
// "hf://test-user/model-name", "<MODEL_ID>".
bool IsPlaceholder(std::string_view s) {
  std::string l = ToLower(s);
  for (std::string_view p : {"your-", "your_", "my-", "my_", "some-", "some_", "<", "{", "$", "xxx", "example"}) {
    if (l.find(p) != std::string::npos) return true;
  }
  for (std::string_view p : {"test-user", "user", "username", "org", "organization", "owner", "model", "model-name",
                             "model_name", "repo", "repo-name", "repo_name", "name", "foo", "bar"}) {
    if (l == p) return true;
  }
  return false;
}

struct Candidate {
  ReferenceKind kind;
  std::string text;
  Evidence evidence;
  // The kind's facts when the match says more than its text (a provider
  // key, an Ollama URL, a package's ecosystem); Emit adds the context.
  FactsVariant facts;
};

FactsVariant ProviderFact(std::string_view provider) {
  DeployFacts f;
  f.provider = std::string(provider);
  return f;
}
FactsVariant OllamaFact() {
  DeployFacts f;
  f.tool = "ollama";
  return f;
}
FactsVariant LocalFileFact() {
  DeployFacts f;
  f.source = "file";
  return f;
}
FactsVariant PackageFact(const std::string& ecosystem, const std::string& package) {
  SdkPackageFacts f;
  f.ecosystem = ecosystem;
  f.package = package;
  return f;
}

template <typename T>
T& FactsOf(FactsVariant& v) {
  if (!std::holds_alternative<T>(v)) v.emplace<T>();
  return std::get<T>(v);
}

class TextScanExtractor final : public Extractor {
 public:
  TextScanExtractor(const DetectionVocabulary& vocab, std::unique_ptr<AnchorScanner> scanner)
      : vocab_(vocab), scanner_(std::move(scanner)) {
    for (const std::string& s : vocab_.exact_names) exact_.insert(s);
    for (const std::string& o : vocab_.hub_orgs) orgs_.insert(ToLower(o));
    for (const std::string& h : vocab_.hosts) hosts_.insert(h);
    for (const std::string& p : vocab_.provider_names) providers_.insert(p);
    for (const auto& [eco, pkg] : vocab_.sdk_packages) {
      // Maven coordinates are matched by artifactId, as builds write them apart.
      std::string key = pkg;
      if (eco == "maven" && key.find(':') != std::string::npos) key = key.substr(key.find(':') + 1);
      sdks_.emplace(key, SdkPackage{eco, pkg});
      if (eco == "pypi") {
        std::string under = key;
        std::replace(under.begin(), under.end(), '-', '_');
        sdks_.emplace(under, SdkPackage{eco, pkg});  // import langchain_openai
      }
    }
  }

  std::string_view name() const override { return "text-scan"; }
  std::vector<std::string> globs() const override { return {}; }
  bool reads_every_text_file() const override { return true; }
  bool MayMatter(std::string_view text) const override {
    // A provider id alone ("google", "ark") is an ordinary word until a
    // provider key is near it, and that key is an anchor of its own.
    return scanner_->AnyHit(text, [text](const AnchorHit& h) {
      return h.kind != AnchorKind::kProviderName && Plausible(text, h);
    });
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::vector<AnchorHit> hits = scanner_->Scan(in.text);
    if (hits.empty()) return;
    FileScan f{in, sink, IsProseFile(in.name), IsManifest(in.name)};
    f.asciidoc = EndsWith(in.name, ".adoc") || EndsWith(in.name, ".asciidoc");
    size_t last_token_begin = std::string_view::npos;
    for (const AnchorHit& h : hits) {
      if (sink.full()) break;  // the pipeline says how many more there were
      if (h.kind == AnchorKind::kSlotWord || !Plausible(in.text, h)) continue;
      size_t b = h.begin, e = h.end;
      while (b > 0 && h.begin - b < kMaxToken && IsTokenChar(in.text[b - 1])) --b;
      while (e < in.text.size() && e - h.end < kMaxToken && IsTokenChar(in.text[e])) ++e;
      if (b == last_token_begin) continue;
      last_token_begin = b;
      AdvanceTo(f, b);
      if (h.kind == AnchorKind::kProviderKey && ProviderKey(f, b, e)) continue;
      Token(f, b, e);
    }
  }

 private:
  struct FileScan {
    const ExtractInput& in;
    ReferenceSink& sink;
    bool prose;
    bool manifest;
    size_t line_begin = 0;
    size_t line_end = std::string_view::npos;
    uint32_t line = 1;
    bool in_fence = false;    // inside a ``` or ~~~ block (prose files)
    bool asciidoc = false;
    size_t provider_value = std::string_view::npos;  // offset of the last provider value reported
  };

  // Whether a hit can start something worth reading, from the bytes around
  // it alone: an anchor starts a word ("yi" in "yield" does not count when
  // no version digit follows, "sd" in "isdigit" never), a stem is followed
  // by a digit or separator, a package or exact name ends a word.
  static bool Plausible(std::string_view t, const AnchorHit& h) {
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c); };
    char before = h.begin > 0 ? t[h.begin - 1] : ' ';
    char after = h.end < t.size() ? t[h.end] : ' ';
    switch (h.kind) {
      case AnchorKind::kSlotWord:
      case AnchorKind::kHubUrl:
        return true;
      case AnchorKind::kProviderKey:  // also inside a longer key: apiProvider, model_provider
        return true;
      case AnchorKind::kHubOrg:
        return !alnum(before);
      case AnchorKind::kHost:
        return true;
      case AnchorKind::kStem:
        return !alnum(before) && (IsDigit(after) || after == '-' || after == '_' || after == '.' || after == ':');
      case AnchorKind::kVersionedStem: {
        if (alnum(before)) return false;
        size_t i = h.end;
        if (i < t.size() && (t[i] == '-' || t[i] == '_' || t[i] == '.' || t[i] == ':' || t[i] == ' ')) ++i;
        return i < t.size() && IsDigit(t[i]);
      }
      case AnchorKind::kExactName:
      case AnchorKind::kProviderName:
      case AnchorKind::kSdkPackage:
        return (!alnum(before) || t[h.begin] == '.') && !alnum(after);
    }
    return true;
  }

  // Moves the line cursor to the line holding `offset`, tracking code fences
  // in prose files on the way. Each byte is passed once per file.
  static void AdvanceTo(FileScan& f, size_t offset) {
    std::string_view t = f.in.text;
    if (f.line_end == std::string_view::npos) f.line_end = std::min(t.find('\n'), t.size());
    while (offset > f.line_end && f.line_end < t.size()) {
      if (f.prose) NoteFence(f, t.substr(f.line_begin, f.line_end - f.line_begin));
      f.line_begin = f.line_end + 1;
      f.line_end = std::min(t.find('\n', f.line_begin), t.size());
      ++f.line;
    }
  }

  static void NoteFence(FileScan& f, std::string_view line) {
    std::string_view s = Trim(line);
    if (s.substr(0, 3) == "```" || s.substr(0, 3) == "~~~") f.in_fence = !f.in_fence;
    // AsciiDoc listing blocks are delimited by "----" lines.
    if (f.asciidoc && s == "----") f.in_fence = !f.in_fence;
  }

  // In prose: inside a fenced block, an indented block, or `inline code`.
  bool InCode(const FileScan& f, size_t b) const {
    if (!f.prose || f.in_fence) return true;
    std::string_view line = f.in.text.substr(f.line_begin, f.line_end - f.line_begin);
    if (line.substr(0, 4) == "    " || (!line.empty() && line[0] == '\t')) return true;
    // An odd number of backticks before the token on this line opens inline code.
    size_t ticks = std::count(f.in.text.begin() + static_cast<long>(f.line_begin), f.in.text.begin() + static_cast<long>(b), '`');
    return ticks % 2 == 1;
  }

  // In a Markdown table row of a prose file, the first cell when it names a
  // setting and the token sits in a later cell: "| modelName | The model to
  // use. | qwen-plus |" documents qwen-plus as a default value. Empty otherwise.
  static std::string TableRowKey(const FileScan& f, size_t b) {
    if (!f.prose || f.in_fence) return {};
    std::string_view line = f.in.text.substr(f.line_begin, f.line_end - f.line_begin);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '|') return {};
    size_t second = line.find('|', first + 1);
    if (second == std::string_view::npos || f.line_begin + second >= b) return {};
    std::string key;
    for (char ch : line.substr(first + 1, second - first - 1)) {
      if (ch != ' ' && ch != '\t' && ch != '`' && ch != '*') key += ch;
    }
    if (key.empty() || key.size() > 40) return {};
    return key;
  }

  static bool IsUrlKey(std::string_view key) {
    std::string k = ToLower(key);
    for (std::string_view w : {"url", "base", "endpoint", "host", "api", "server", "address", "uri"}) {
      if (k.find(w) != std::string::npos) return true;
    }
    return false;
  }

  // A quoted key that opens an object naming its own model is a label:
  //   "gemini-pro-reasoning": {
  //     "settings": { "provider": "gemini", "model": "gemini-3.1-pro-preview" } }
  // (test cases, presets). Looks at most a few lines ahead, while the object
  // is open; a model table's entry ("gpt-4o": { "maxTokens": ... }) names none.
  static bool LabelsObjectWithModel(const FileScan& f, size_t b, size_t len) {
    std::string_view t = f.in.text;
    size_t p = b + len;
    if (p >= f.line_end || (t[p] != '"' && t[p] != '\'')) return false;
    ++p;
    while (p < f.line_end && (t[p] == ' ' || t[p] == '\t')) ++p;
    if (p >= f.line_end || t[p] != ':') return false;
    ++p;
    while (p < f.line_end && (t[p] == ' ' || t[p] == '\t')) ++p;
    if (p >= f.line_end || t[p] != '{') return false;
    int depth = 0;
    size_t lines = 0;
    for (size_t q = p; q < t.size() && lines <= 6; ++q) {
      char ch = t[q];
      if (ch == '\n') {
        ++lines;
        continue;
      }
      if (ch == '{') ++depth;
      if (ch == '}' && --depth == 0) return false;
      if (ch != '"' && ch != '\'') continue;
      // A quoted key inside the object: "model", "modelId", "model_name".
      size_t close = t.find(ch, q + 1);
      if (close == std::string_view::npos || close - q > 40) return false;
      std::string_view key = t.substr(q + 1, close - q - 1);
      size_t after = close + 1;
      while (after < t.size() && (t[after] == ' ' || t[after] == '\t')) ++after;
      if (after < t.size() && t[after] == ':' && IsModelSlot(key) && !IsNonModelSlot(key)) return true;
      q = close;
    }
    return false;
  }

  // The part of an import line before a candidate: is the candidate one of
  // the names a `from M import ...` (Python) or `import {...} from "M"`
  // (JavaScript) brings in, rather than the module M?
  static bool ImportsSymbol(std::string_view before) {
    std::string lower = ToLower(before);
    size_t from = lower.find("from ");
    size_t import = lower.find(" import ");
    if (from != std::string::npos && import != std::string::npos && from < import) return true;
    size_t js = lower.find("import ");
    return js != std::string::npos && lower.find(" from ", js) == std::string::npos &&
           lower.find_first_of("\"'", js) == std::string::npos && before.find('{') != std::string_view::npos;
  }

  static bool IsIndentedCode(const FileScan& f) {
    std::string_view line = f.in.text.substr(f.line_begin, f.line_end - f.line_begin);
    return line.substr(0, 4) == "    " || (!line.empty() && line[0] == '\t');
  }

  void Emit(FileScan& f, size_t b, Candidate c, std::string_view context) const {
    ModelReference ref;
    ref.kind = c.kind;
    ref.text = std::move(c.text);
    ref.location.path = std::string(f.in.path);
    ref.location.line = f.line;
    ref.location.column = static_cast<uint32_t>(b - f.line_begin + 1);
    ref.extractor = "text-scan";
    ref.evidence = c.evidence;
    switch (c.kind) {
      case ReferenceKind::kHfModelId: FactsOf<HubIdFacts>(c.facts).context = std::string(context); break;
      case ReferenceKind::kSdkPackage: FactsOf<SdkPackageFacts>(c.facts).context = std::string(context); break;
      case ReferenceKind::kDeployConfig: FactsOf<DeployFacts>(c.facts).context = std::string(context); break;
      default: FactsOf<ApiCallFacts>(c.facts).context = std::string(context); break;  // api-model, api-endpoint
    }
    std::visit([&](auto& typed) {
      using T = std::decay_t<decltype(typed)>;
      if constexpr (!std::is_same_v<T, std::monostate>) ref.SetFacts<T>() = std::move(typed);
    }, c.facts);
    f.sink.OnReference(std::move(ref));
  }

  // Returns false when the token is no provider key, so it is read as a name.
  bool ProviderKey(FileScan& f, size_t b, size_t e) const {
    std::string_view t = f.in.text;
    while (e > b && (t[e - 1] == ':' || t[e - 1] == '.')) --e;  // "provider:" is the key and its colon
    std::string_view key = t.substr(b, e - b);
    if (!IsProviderSlot(key)) return false;
    // provider: moonshot / "provider": "deepseek" / apiProvider = 'zai'
    size_t p = e;
    while (p < f.line_end && (t[p] == '"' || t[p] == '\'' || t[p] == '\\' || t[p] == ' ' || t[p] == '\t')) ++p;
    if (p >= f.line_end || (t[p] != ':' && t[p] != '=')) return true;
    if (t[p] == '=' && p + 1 < f.line_end && t[p + 1] == '=') return true;
    ++p;
    while (p < f.line_end && (t[p] == ' ' || t[p] == '\t' || t[p] == '\\')) ++p;
    if (p >= f.line_end || (t[p] != '"' && t[p] != '\'' && !std::isalpha(static_cast<unsigned char>(t[p])))) return true;
    bool quoted = t[p] == '"' || t[p] == '\'';
    if (quoted) ++p;
    size_t v = p;
    while (p < f.line_end && (std::isalnum(static_cast<unsigned char>(t[p])) || t[p] == '-' || t[p] == '_' || t[p] == '.')) ++p;
    std::string_view value = t.substr(v, p - v);
    // Provider ids are lowercase; "Moonshot" is a display name.
    if (value.empty() || value.size() > 40 || std::any_of(value.begin(), value.end(), [](char ch) {
          return ch >= 'A' && ch <= 'Z';
        })) {
      return true;
    }
    if (!quoted && f.prose && !InCode(f, b)) return true;
    f.provider_value = v;  // the value's own anchor hit comes next: one reference
    Emit(f, v, {ReferenceKind::kDeployConfig, std::string(value), Evidence::kLikely, ProviderFact(value)},
         "provider-key");
    return true;
  }

  void Token(FileScan& f, size_t b, size_t e) const {
    std::string_view tok = f.in.text.substr(b, e - b);
    // Trailing punctuation that ends sentences and paths, not names.
    while (!tok.empty() && (tok.back() == '.' || tok.back() == ':' || tok.back() == '/' || tok.back() == '-')) {
      tok.remove_suffix(1);
    }
    if (tok.size() < 2) return;
    std::string lower = ToLower(tok);
    if (Wheel(f, b, tok, lower)) return;
    if (HubUrl(f, b, tok, lower)) return;
    if (Host(f, b, tok, lower)) return;
    if (Sdk(f, b, tok, lower)) return;
    if (lower.find('/') != std::string::npos) {
      HubPath(f, b, tok, lower);
      return;
    }
    if (ProviderName(f, b, tok, lower)) return;
    Name(f, b, tok, lower);
  }

  // A model shipped as a Python wheel (spaCy pipelines:
  // ".../en_core_web_sm-3.8.0-py3-none-any.whl"): the distribution name is
  // the model when the catalog names it exactly.
  bool Wheel(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    if (!EndsWith(lower, ".whl")) return false;
    size_t slash = lower.rfind('/');
    size_t start = slash == std::string::npos ? 0 : slash + 1;
    std::string dist = lower.substr(start, lower.find('-', start) - start);
    if (!exact_.count(dist)) return true;
    Emit(f, b + start, {ReferenceKind::kApiModel, std::string(tok.substr(start, dist.size())), Evidence::kLikely, {}},
         "wheel");
    return true;
  }

  // huggingface.co/ORG/NAME, hf.co/ORG/NAME, modelscope.cn/models/ORG/NAME,
  // the Chinese hubs modelers.cn/models/ORG/NAME (Huawei Ascend's Modelers)
  // and wisemodel.cn/models/ORG/NAME, ollama.com/library/NAME,
  // ollama://NAME:TAG, hf://ORG/NAME.
  bool HubUrl(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    struct Prefix {
      std::string_view text;
      bool ollama;
    };
    for (Prefix p : {Prefix{"huggingface.co/", false}, Prefix{"hf.co/", false}, Prefix{"hf-mirror.com/", false},
                     Prefix{"modelscope.cn/models/", false}, Prefix{"modelscope.ai/models/", false},
                     Prefix{"modelers.cn/models/", false}, Prefix{"wisemodel.cn/models/", false},
                     Prefix{"ollama.com/library/", true}, Prefix{"ollama.ai/library/", true},
                     Prefix{"ollama://", true}, Prefix{"hf://", false}}) {
      size_t at = lower.find(p.text);
      if (at == std::string::npos) continue;
      if (p.text == "hf.co/" && at > 0 && lower[at - 1] != '/' && lower[at - 1] != '@') continue;
      // Another host of the same site ("api-inference.huggingface.co/v1/",
      // "router.huggingface.co") is an API, not the Hub: the host check reads it.
      if (at > 0 && lower[at - 1] == '.' && !EndsWith(std::string_view(lower).substr(0, at), "www.")) return false;
      std::string_view rest = tok.substr(at + p.text.size());
      if (p.ollama) {
        rest = rest.substr(0, rest.find('/'));
        if (rest.empty()) return true;
        Emit(f, b, {ReferenceKind::kDeployConfig, std::string(rest), Evidence::kLikely, OllamaFact()}, "hub-url");
        return true;
      }
      if (p.text == "hf-mirror.com/") return true;  // a mirror link names no more than its path does
      std::vector<std::string_view> seg = Split(rest, '/');
      if (seg.size() < 2 || seg[0].empty() || seg[1].empty() || IsHubPage(seg[0])) return true;
      if (IsPlaceholder(seg[0]) || IsPlaceholder(seg[1])) return true;
      std::string_view name = seg[1];
      if (size_t colon = name.find(':'); colon != std::string_view::npos) name = name.substr(0, colon);
      std::string id = std::string(seg[0]) + "/" + std::string(name);
      Emit(f, b, {ReferenceKind::kHfModelId, id, Evidence::kDefinite, {}}, "hub-url");
      return true;
    }
    return false;
  }

  bool Host(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    size_t start = lower.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    size_t stop = lower.find_first_of("/:", start);
    std::string host = lower.substr(start, stop == std::string::npos ? std::string::npos : stop - start);
    if (!hosts_.count(host)) return false;
    // A web page on an API host ("https://api.x.com/docs") is a link, not a base URL.
    std::string_view path = stop == std::string::npos ? std::string_view() : std::string_view(lower).substr(stop);
    if (!path.empty() && path[0] == ':') path = path.substr(std::min(path.size(), path.find('/')));
    if (IsWebPageUrl(tok)) return true;
    // The bare root of a host that is also a web site ("https://openrouter.ai/")
    // is a link unless it sits where a base URL goes.
    bool root = path.empty() || path == "/";
    bool table_url = IsUrlKey(TableRowKey(f, b));  // a settings table's baseUrl row
    if (root && start > 0 && host.find("api") == std::string::npos) {
      TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
      if (!IsUrlKey(c.key) && !table_url) return true;
    }
    // In prose, a base URL ("defaults to https://api.x.com/v1", a settings
    // table's baseUrl row) counts; a link to a site's front page does not.
    if (f.prose && !InCode(f, b) && !IStartsWith(host, "api") && !IsApiPath(path) && !table_url) return true;
    Emit(f, b, {ReferenceKind::kApiEndpoint, std::string(tok), Evidence::kLikely, {}}, "host");
    return true;
  }

  bool Sdk(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    // Package names are lowercase where code imports them; "OpenAI" in
    // `import OpenAI from "openai"` is the class. (Go module paths keep
    // their owner's case: github.com/IBM/watsonx-go.)
    if (tok.find('/') == std::string_view::npos &&
        std::any_of(tok.begin(), tok.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      return false;
    }
    std::string key = lower;
    // Go module paths may continue into a package: ".../service/bedrockruntime/types".
    auto it = sdks_.find(key);
    for (size_t cut = key.size(); it == sdks_.end() && cut != std::string::npos && key.find('.') != std::string::npos;) {
      cut = key.rfind('/', cut - 1);
      if (cut == std::string::npos || cut == 0) break;
      it = sdks_.find(key.substr(0, cut));
    }
    if (it == sdks_.end()) {
      // "import dashscope.aigc" / "from zhipuai.types import x": the top-level package.
      size_t dot = key.find('.');
      if (dot == std::string::npos) return false;
      it = sdks_.find(key.substr(0, dot));
      if (it == sdks_.end() || it->second.ecosystem != "pypi") return false;
      key = key.substr(0, dot);
    } else {
      key = it->first;
    }
    TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
    // One name, several ecosystems ("openai" on PyPI and npm): the file and
    // the line say which.
    std::string_view eco = EcosystemOf(f.in.name, f.in.text.substr(f.line_begin, f.line_end - f.line_begin));
    for (auto [first, last] = sdks_.equal_range(it->first); first != last; ++first) {
      if (first->second.ecosystem == eco) it = first;
    }
    bool opened = b > f.line_begin && (f.in.text[b - 1] == '"' || f.in.text[b - 1] == '\'');
    if (c.role == LineRole::kOther && InstallBefore(f.in.text.substr(f.line_begin, b - f.line_begin))) {
      c.role = LineRole::kInstall;  // "... with `pip install zhipuai`" inside a message or comment
    }
    bool whole_code_span = f.prose && b > f.line_begin && f.in.text[b - 1] == '`' &&
                           b + tok.size() < f.line_end && f.in.text[b + tok.size()] == '`';
    // A manifest's own name (`name = "llama-index-llms-dashscope"` in its
    // pyproject.toml, "name" in package.json, setup(name=...)) is the package
    // being built, not one it depends on.
    if (IEquals(c.key, "name")) return true;
    // An import inside a longer line (minified code, a message) names the
    // quoted argument only, not every word of the line.
    bool import_call = c.role == LineRole::kImportCall && (c.quoted || opened);
    // "from sympy.polys import together": the names after `import` are the
    // module's symbols; only the module is a package.
    if (c.role == LineRole::kImport && ImportsSymbol(f.in.text.substr(f.line_begin, b - f.line_begin))) return true;
    bool dependency = c.role == LineRole::kImport || import_call || c.role == LineRole::kInstall ||
                      (f.manifest && (c.quoted || opened || c.list_item || b == f.line_begin ||
                                      Trim(f.in.text.substr(f.line_begin, b - f.line_begin)).empty() ||
                                      c.key == "artifactid" || c.is_call));
    if (!dependency && c.quoted && (c.is_call && (c.key == "require" || c.key == "import" || c.key == "mock"))) {
      dependency = true;
    }
    // Documentation names a package on its own in `code`: "add `langchain-openai`".
    if (!dependency && whole_code_span && !f.in_fence) dependency = true;
    // A quoted module path is specific enough wherever code holds it: Go's
    // import blocks ("github.com/sashabaranov/go-openai"), scoped npm names.
    if (!dependency && c.quoted && !f.prose && key.find('/') != std::string::npos) dependency = true;
    if (!dependency) return key.find('/') != std::string::npos || key.find('.') != std::string::npos;
    if (f.prose && !InCode(f, b)) return true;
    Emit(f, b, {ReferenceKind::kSdkPackage, std::string(tok.substr(0, key.size())), Evidence::kLikely,
                PackageFact(it->second.ecosystem, it->second.package)},
         c.role == LineRole::kInstall                                      ? "install"
         : c.role == LineRole::kImport || c.role == LineRole::kImportCall ? "import"
                                                                            : "manifest");
    return true;
  }

  // ORG/NAME inside a longer token: Hub ids, LiteLLM provider/model names,
  // local paths that embed a Hub id ("/root/autodl-fs/ZhipuAI/GLM-4.7-Flash").
  void HubPath(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    // A URL or module path on another host ("github.com/google/uuid",
    // "http://localhost:8000/openai/v1") names no Hub repository.
    if (lower.find("://") != std::string::npos) return;
    std::vector<std::string_view> seg = Split(tok, '/');
    if (seg.size() > 2 && seg[0].find('.') != std::string_view::npos) return;
    // A known Hub org followed by a name.
    for (size_t i = 0; i + 1 < seg.size(); ++i) {
      // "${TEI_MODEL:-Qwen/Qwen3-Embedding-0.6B}": the org starts after the shell default's ":-".
      if (i == 0) {
        size_t cut = seg[0].find_last_of(":=");
        if (cut != std::string_view::npos) seg[0] = seg[0].substr(cut + 1);
        while (!seg[0].empty() && seg[0][0] == '-') seg[0].remove_prefix(1);
      }
      if (seg[i].empty() || seg[i + 1].empty() || !orgs_.count(ToLower(seg[i]))) continue;
      // "$KUBEAI_ENDPOINT/openai/v1": a URL path behind a variable host.
      if (i > 0 || (b > 0 && (f.in.text[b - 1] == '$' || f.in.text[b - 1] == '{'))) {
        std::string_view first = seg[0];
        bool var_host = !first.empty() && std::none_of(first.begin(), first.end(), [](char ch) {
          return ch >= 'a' && ch <= 'z';
        });
        if (var_host || (b > 0 && f.in.text[b - 1] == '$')) return;
      }
      if (seg[i + 1].size() >= 2 && (seg[i + 1][0] == 'v' || seg[i + 1][0] == 'V') &&
          std::all_of(seg[i + 1].begin() + 1, seg[i + 1].end(), IsDigit)) {
        return;  // ".../openai/v1": an API route, not a model
      }
      std::string_view name = seg[i + 1];
      if (EndsWith(name, ".gguf") || EndsWith(name, ".git") || name.find('.') == 0 || name.find('_') == 0 ||
          IsPlaceholder(name)) {
        continue;  // a file, a hidden or private module ("google/_upb"), a placeholder
      }
      if (HasNonModelShape(ToLower(name)) && !HasDigit(name)) continue;
      // Hub model names carry a size, version or variant ("gemma-2b",
      // "bge-large-en"); a plain word after a publisher's name is a folder:
      // "google/protobuf/any.proto", ".../Google/Chrome/Application", "/usr/local/google/home".
      if (std::all_of(name.begin(), name.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); })) {
        continue;
      }
      std::string id = std::string(seg[i]) + "/" + std::string(name);
      size_t col = static_cast<size_t>(seg[i].data() - tok.data());
      TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
      if (IsNonModelSlot(c.key)) return;
      if (f.prose && !InCode(f, b) && i > 0) return;
      Emit(f, b + col, {ReferenceKind::kHfModelId, id, Evidence::kLikely, {}}, "hub-id");
      return;
    }
    // A GGUF file at the end of a path.
    if (EndsWith(lower, ".gguf")) {
      GgufName(f, b + (seg.back().data() - tok.data()), seg.back());
      return;
    }
    // Any other ORG/NAME only in a model slot, with a name the grammar knows.
    if (seg.size() != 2 || seg[0].empty() || seg[1].empty() || IsLocalFolder(seg[0])) return;
    if (b > 0 && (f.in.text[b - 1] == '.' || f.in.text[b - 1] == '~')) return;
    TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
    if (IsNonModelSlot(c.key) || IsPlaceholder(seg[0]) || IsPlaceholder(seg[1])) return;
    std::string name = ToLower(seg[1]);
    bool fits = FitsGrammar(name) || exact_.count(name);
    // A slot, a model tool's argument, or a whole quoted "org/name" whose
    // name the grammar knows (someone's fine-tune of a known family).
    bool slot = IsModelSlot(c.key) || c.role == LineRole::kModelTool || (c.quoted && fits && HasDigit(name));
    if (!slot || (f.prose && !InCode(f, b))) return;
    if (!fits) return;
    Emit(f, b, {ReferenceKind::kHfModelId, std::string(tok), Evidence::kLikely, {}}, "model-slot");
  }

  void GgufName(FileScan& f, size_t b, std::string_view file) const {
    std::string stem = ToLower(file.substr(0, file.size() - 5));
    if (stem.empty() || stem.find('<') != std::string::npos) return;
    // "ggml-model-q4_0.gguf", "ollama-model.gguf": no family, nothing to say.
    if (!FitsGrammar(stem, /*allow_non_model_shape=*/true)) return;
    Emit(f, b, {ReferenceKind::kDeployConfig, std::string(file), Evidence::kLikely, LocalFileFact()}, "gguf-file");
  }

  // Cloud model ids that put the vendor first: Bedrock's
  // "anthropic.claude-3-sonnet-20240229-v1:0", "us.meta.llama3-1-70b-instruct-v1:0".
  bool FitsAfterVendor(const std::string& lower) const {
    size_t dot = lower.find('.');
    if (dot == std::string::npos || dot == 0) return false;
    std::string_view rest = std::string_view(lower).substr(dot + 1);
    std::string_view first = std::string_view(lower).substr(0, dot);
    if (first == "us" || first == "eu" || first == "apac" || first == "global" || first == "us-gov") {
      size_t next = rest.find('.');
      if (next == std::string_view::npos) return false;
      rest = rest.substr(next + 1);
    }
    std::string tail(rest.substr(0, rest.find(':')));
    if (tail.empty() || (tail.find('.') != std::string::npos && !HasDigit(tail))) return false;
    return FitsGrammar(tail, /*allow_non_model_shape=*/true);
  }

  // Stems distinctive enough that a quoted name needs no digit ("deepseek-chat").
  bool FitsAnyTailStem(const std::string& lower) const {
    if (HasNonModelShape(lower)) return false;
    return std::any_of(vocab_.stems.begin(), vocab_.stems.end(),
                       [&](const std::string& s) { return StemFits(lower, s, StemRule::kAnyTail); });
  }

  bool FitsGrammar(const std::string& lower, bool allow_non_model_shape = false) const {
    if (!allow_non_model_shape && HasNonModelShape(lower)) return false;
    for (const std::string& s : vocab_.stems) {
      if (StemFits(lower, s, StemRule::kAnyTail)) return true;
    }
    for (const std::string& s : vocab_.versioned_stems) {
      if (StemFits(lower, s, StemRule::kVersionDigit)) return true;
    }
    return false;
  }

  // A provider's id as the value of a provider slot: `provider: "zai"`,
  // useProviderConfig("moonshot"), `--provider deepseek`.
  bool ProviderName(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    if (!providers_.count(lower)) return false;
    if (b == f.provider_value) return true;  // reported with its key
    TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
    bool slot = IsProviderSlot(c.key) || (c.is_call && c.key.find("provider") != std::string::npos);
    if (!slot || std::any_of(tok.begin(), tok.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) return false;
    if (f.prose && !InCode(f, b)) return true;
    Emit(f, b, {ReferenceKind::kDeployConfig, std::string(tok), Evidence::kLikely, ProviderFact(tok)},
         "provider-key");
    return true;
  }

  // A bare model name: API names, Ollama tags, names of new releases.
  void Name(FileScan& f, size_t b, std::string_view tok, const std::string& lower) const {
    if (EndsWith(lower, ".gguf")) {
      GgufName(f, b, tok);
      return;
    }
    if (tok[0] == '@' || tok[0] == '-' || tok[0] == '.' || tok[0] == '_' || tok[0] == ':') return;
    // SCREAMING_CASE constants and CamelCase classes are code symbols.
    bool upper_snake = tok.find('_') != std::string_view::npos &&
                       std::none_of(tok.begin(), tok.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (upper_snake) return;
    if (tok.find_first_of("-_.:") == std::string_view::npos) {
      for (size_t i = 1; i < tok.size(); ++i) {
        if (tok[i] >= 'A' && tok[i] <= 'Z' && ((tok[i - 1] >= 'a' && tok[i - 1] <= 'z') || IsDigit(tok[i - 1]))) {
          if (i > 1) return;
        }
      }
    }
    bool exact = exact_.count(lower) > 0 || exact_.count(lower.substr(0, lower.find(':'))) > 0;
    bool grammar = FitsGrammar(lower);
    if (!exact && !grammar) grammar = FitsAfterVendor(lower);
    if (!exact && !grammar) return;
    TextContext c = ReadTextContext(f.in.text, f.line_begin, f.line_end, b, b + tok.size());
    if (IsNonModelSlot(c.key)) return;
    bool code = InCode(f, b);
    bool slot = IsModelSlot(c.key);
    bool tool = c.role == LineRole::kModelTool;
    // A settings table in the docs: "| model | The model to use. | glm-4-flash |".
    std::string row_key = code ? std::string() : TableRowKey(f, b);
    bool table_slot = IsModelSlot(row_key) && !IsNonModelSlot(row_key);
    // Inline code in prose quotes anything (an error message, a config
    // line); only a name that is the whole `code span` stands alone.
    bool inline_code = f.prose && !f.in_fence && code && !IsIndentedCode(f);
    if (inline_code && !slot && !tool) {
      bool whole = b > f.line_begin && f.in.text[b - 1] == '`' && b + tok.size() < f.line_end &&
                   f.in.text[b + tok.size()] == '`';
      if (!whole) return;
    }
    // "--which glm4-new": a flag that is no model slot picks something else.
    if (c.is_flag && !slot) return;
    const char* why = nullptr;
    if (slot && (code || c.quoted)) {
      why = "model-slot";
    } else if (table_slot) {
      why = "table-slot";
    } else if (tool && code) {
      why = "model-command";
    } else if (!code) {
      return;  // prose outside code: display names, benchmark tables
    } else if (c.quoted &&
               // Short names without a separator ("phi3", "bge0") are as often
               // variable or token names; a slot, list or command still counts them.
               (lower.size() >= 6 || lower.find_first_of("-.:_") != std::string::npos) &&
               ((HasDigit(lower) && grammar) || exact || FitsAnyTailStem(lower)) &&
               !LabelsObjectWithModel(f, b, tok.size())) {
      // Very short catalog names ("o1", "yi") are ordinary strings unless a
      // slot or a command says they are models.
      why = "quoted";
    } else if (c.list_item && HasDigit(lower) && !f.prose) {
      why = "list-item";

    } else if (c.list_item && f.prose && f.in_fence && HasDigit(lower)) {
      why = "list-item";
    }
    if (why == nullptr) return;
    Emit(f, b, {ReferenceKind::kApiModel, std::string(tok), Evidence::kLikely, {}}, why);
  }

  DetectionVocabulary vocab_;
  std::unique_ptr<AnchorScanner> scanner_;
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> orgs_;
  std::unordered_set<std::string> hosts_;
  std::unordered_set<std::string> providers_;
  struct SdkPackage {
    std::string ecosystem;
    std::string package;  // as the catalog lists it: "dev.langchain4j:langchain4j-dashscope"
  };
  std::unordered_multimap<std::string, SdkPackage> sdks_;  // name as written in code -> packages
};

std::vector<Anchor> AnchorsOf(const DetectionVocabulary& v) {
  std::vector<Anchor> a;
  for (const std::string& s : v.stems) a.push_back({s, AnchorKind::kStem});
  for (const std::string& s : v.versioned_stems) a.push_back({s, AnchorKind::kVersionedStem});
  for (const std::string& s : v.exact_names) a.push_back({s, AnchorKind::kExactName});
  for (const std::string& s : v.hosts) a.push_back({s, AnchorKind::kHost});
  for (const auto& [eco, pkg] : v.sdk_packages) {
    std::string key = pkg;
    if (eco == "maven" && key.find(':') != std::string::npos) key = key.substr(key.find(':') + 1);
    a.push_back({key, AnchorKind::kSdkPackage});
    if (eco == "pypi" && key.find('-') != std::string::npos) {
      std::replace(key.begin(), key.end(), '-', '_');
      a.push_back({key, AnchorKind::kSdkPackage});
    }
  }
  for (const std::string& s : v.hub_orgs) a.push_back({s + "/", AnchorKind::kHubOrg});
  for (const char* u : {"huggingface.co/", "hf.co/", "modelscope.cn/models/", "modelscope.ai/models/",
                        "modelers.cn/models/", "wisemodel.cn/models/",
                        "ollama.com/library/", "ollama.ai/library/", "ollama://", "hf://"}) {
    a.push_back({u, AnchorKind::kHubUrl});
  }
  for (const std::string& s : v.provider_names) a.push_back({s, AnchorKind::kProviderName});
  for (const char* k : {"provider", "model_server", "modelserver", "api_type", "apitype", "llm_type", "llm_backend"}) {
    a.push_back({k, AnchorKind::kProviderKey});
  }
  // The calls whose argument is a Hub id even when no catalog word is in it
  // (code_references.cc kHubCalls): with every other anchor, a file without
  // any of them has nothing the code lexers could report.
  for (const char* w : {"pretrained", "from_single_file", "sentencetransformer", "crossencoder", "snapshot_download",
                        "hf_hub_download", "pipeline(", "llm(", "asyncllmengine", "huggingfaceembeddings",
                        "huggingfaceendpoint", "from_model_id", "sparseencoder", "staticembedding", "push_to_hub"}) {
    a.push_back({w, AnchorKind::kSlotWord});
  }
  // ".gguf" finds GGUF file names whose stem is not an anchor itself.
  a.push_back({".gguf", AnchorKind::kExactName});
  return a;
}

}  // namespace

Result<std::unique_ptr<Extractor>> MakeTextScanExtractor(const DetectionVocabulary& vocab) {
  Result<std::unique_ptr<AnchorScanner>> scanner = AnchorScanner::Compile(AnchorsOf(vocab));
  if (!scanner) return scanner.error();
  return std::unique_ptr<Extractor>(std::make_unique<TextScanExtractor>(vocab, std::move(*scanner)));
}

}  // namespace modelprov
