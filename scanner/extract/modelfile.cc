// Ollama Modelfiles: `FROM` names the model the local one is built on (an
// Ollama library tag such as qwen2.5:7b, a Hub reference hf.co/ORG/NAME, or a
// local .gguf file), `ADAPTER` a LoRA adapter, and `LICENSE` the license text
// (inline or in a """ heredoc). Instructions are case-insensitive; PARAMETER,
// TEMPLATE, SYSTEM and MESSAGE are ignored.
#include "core/text.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

// The first non-empty line of a LICENSE value, bounded: it is what a reader
// recognises a license by ("Apache License", "MIT License", "LLAMA 3.1 COMMUNITY...").
constexpr size_t kMaxLicenseTitle = 120;

bool IsLocalPath(std::string_view v) {
  return v.empty() || v[0] == '.' || v[0] == '/' || v[0] == '~' || v.find('\\') != std::string_view::npos ||
         IContains(v, ".gguf") || IContains(v, ".bin") || IContains(v, ".safetensors");
}

std::string_view Unquote(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

class ModelfileExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "ollama-modelfile"; }
  std::vector<std::string> globs() const override {
    return {"**/Modelfile", "**/*.Modelfile", "**/Modelfile.*", "**/*.modelfile"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    // "Modelfile.*" is for variants (Modelfile.qwen, Modelfile.prod), not for
    // documents about Modelfiles.
    std::string lower = ToLower(in.name);
    for (std::string_view ext : {".md", ".txt", ".rst", ".html", ".json", ".yaml", ".yml", ".py", ".sh"}) {
      if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) return;
    }
    std::string_view t = in.text;
    uint32_t line_no = 0;
    size_t pos = 0;
    while (pos < t.size()) {
      size_t nl = t.find('\n', pos);
      std::string_view raw = t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? t.size() : nl + 1;
      ++line_no;
      size_t indent = raw.find_first_not_of(" \t");
      if (indent == std::string_view::npos || raw[indent] == '#') continue;
      std::string_view body = raw.substr(indent);
      size_t sp = body.find_first_of(" \t");
      if (sp == std::string_view::npos) continue;
      std::string instruction = ToLower(body.substr(0, sp));
      size_t arg_at = body.find_first_not_of(" \t", sp);
      if (arg_at == std::string_view::npos) continue;
      std::string_view arg = body.substr(arg_at);
      if (!arg.empty() && arg.back() == '\r') arg.remove_suffix(1);
      uint32_t column = static_cast<uint32_t>(indent + arg_at + 1);
      // A """ heredoc (SYSTEM, TEMPLATE, MESSAGE, LICENSE) runs to the closing
      // """; its lines are text, never instructions.
      std::string_view heredoc;
      uint32_t heredoc_line = line_no;
      bool open_heredoc = Trim(arg).substr(0, 3) == "\"\"\"" && Trim(arg).find("\"\"\"", 3) == std::string_view::npos;
      if (open_heredoc) {
        size_t close = t.find("\"\"\"", pos);
        size_t stop = close == std::string_view::npos ? t.size() : close;
        heredoc = t.substr(pos, stop - pos);
        // Resume after the closing line; an unclosed heredoc runs to the end
        // (and no further: `after` indexes t below).
        size_t after = t.size();
        if (close != std::string_view::npos) {
          size_t close_nl = t.find('\n', close);
          after = close_nl == std::string_view::npos ? t.size() : close_nl + 1;
        }
        for (size_t k = pos; k < after; ++k) {
          if (t[k] == '\n') ++line_no;
        }
        pos = after;  // line_no is now the closing line's; the loop moves to the next
      }
      if (instruction == "from" || instruction == "adapter") {
        std::string_view value = Unquote(arg);
        // A model reference is one word; "FROM is documented here" is prose.
        if (value.empty() || open_heredoc || value.find_first_of(" \t") != std::string_view::npos) continue;
        ModelReference ref = Make(in, value, heredoc_line, column + (value.data() != arg.data() ? 1 : 0));
        ModelfileFacts& f = ref.SetFacts<ModelfileFacts>();
        f.directive = instruction == "from" ? "FROM" : "ADAPTER";
        if (IsLocalPath(value)) {
          f.source = "file";
        } else if (IStartsWith(value, "hf.co/") || IStartsWith(value, "huggingface.co/")) {
          f.source = "huggingface";
        } else {
          f.tool = "ollama";
        }
        sink.OnReference(std::move(ref));
      } else if (instruction == "license") {
        std::string_view title = Trim(arg);
        uint32_t title_line = heredoc_line;
        uint32_t title_col = column;
        if (title.substr(0, 3) == "\"\"\"") {
          std::string_view rest = title.substr(3);
          size_t close = rest.find("\"\"\"");
          title = Trim(close == std::string_view::npos ? rest : rest.substr(0, close));
          title_col += 3;
          // Otherwise the first non-empty line of the heredoc body.
          uint32_t l2 = heredoc_line;
          for (std::string_view ln : Split(heredoc, '\n')) {
            if (!title.empty()) break;
            ++l2;
            size_t ind = ln.find_first_not_of(" \t\r");
            if (ind == std::string_view::npos) continue;
            title = Trim(ln);
            title_line = l2;
            title_col = static_cast<uint32_t>(ind + 1);
          }
        } else {
          title = Unquote(title);
        }
        if (!title.empty() && title.back() == '\r') title.remove_suffix(1);
        if (title.empty()) continue;
        if (title.size() > kMaxLicenseTitle) title = Trim(title.substr(0, kMaxLicenseTitle));
        ModelReference ref = Make(in, title, title_line, title_col);
        ref.SetFacts<ModelfileFacts>().directive = "LICENSE";
        sink.OnReference(std::move(ref));
      }
    }
  }

 private:
  static ModelReference Make(const ExtractInput& in, std::string_view text, uint32_t line, uint32_t col) {
    ModelReference ref;
    ref.kind = ReferenceKind::kModelfile;
    ref.text = std::string(text);
    ref.location = {std::string(in.path), line, col};
    ref.extractor = "ollama-modelfile";
    ref.evidence = Evidence::kDefinite;
    return ref;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeModelfileExtractor() { return std::make_unique<ModelfileExtractor>(); }

}  // namespace modelprov
