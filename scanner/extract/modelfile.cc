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
      if (instruction == "from" || instruction == "adapter") {
        std::string_view value = Unquote(arg);
        if (value.empty()) continue;
        ModelReference ref = Make(in, value, line_no, column + (value.data() != arg.data() ? 1 : 0));
        ref.facts.emplace_back("directive", instruction == "from" ? "FROM" : "ADAPTER");
        if (IsLocalPath(value)) {
          ref.facts.emplace_back("source", "file");
        } else if (IStartsWith(value, "hf.co/") || IStartsWith(value, "huggingface.co/")) {
          ref.facts.emplace_back("source", "huggingface");
        } else {
          ref.facts.emplace_back("tool", "ollama");
        }
        sink.OnReference(std::move(ref));
      } else if (instruction == "license") {
        std::string_view title = Trim(arg);
        uint32_t title_line = line_no;
        uint32_t title_col = column;
        if (title.substr(0, 3) == "\"\"\"") {
          // Heredoc: the text runs to the closing """; the title is its first non-empty line.
          std::string_view rest = title.substr(3);
          size_t close = rest.find("\"\"\"");
          if (close != std::string_view::npos) {
            title = Trim(rest.substr(0, close));
            title_col += 3;
          } else {
            title = Trim(rest);
            title_col += 3;
            size_t end = t.find("\"\"\"", pos);
            std::string_view body_text = t.substr(pos, end == std::string_view::npos ? t.size() - pos : end - pos);
            size_t p2 = 0;
            uint32_t l2 = line_no;
            while (title.empty() && p2 < body_text.size()) {
              size_t n2 = body_text.find('\n', p2);
              std::string_view ln = body_text.substr(p2, n2 == std::string_view::npos ? std::string_view::npos : n2 - p2);
              ++l2;
              size_t ind = ln.find_first_not_of(" \t");
              if (ind != std::string_view::npos) {
                title = Trim(ln);
                title_line = l2;
                title_col = static_cast<uint32_t>(ind + 1);
              }
              if (n2 == std::string_view::npos) break;
              p2 = n2 + 1;
            }
            // Skip the heredoc body so its lines are not read as instructions.
            size_t after = end == std::string_view::npos ? t.size() : t.find('\n', end);
            for (size_t k = pos; k < std::min(after == std::string_view::npos ? t.size() : after + 1, t.size()); ++k) {
              if (t[k] == '\n') ++line_no;
            }
            pos = after == std::string_view::npos ? t.size() : after + 1;
          }
        } else {
          title = Unquote(title);
        }
        if (title.empty()) continue;
        if (title.size() > kMaxLicenseTitle) title = Trim(title.substr(0, kMaxLicenseTitle));
        ModelReference ref = Make(in, title, title_line, title_col);
        ref.facts.emplace_back("directive", "LICENSE");
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
