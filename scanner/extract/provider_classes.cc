// LangChain / LlamaIndex provider classes in Python and JavaScript/TypeScript:
// `ChatDeepSeek(...)`, `new ChatZhipuAI({...})`. Instantiating one of these
// classes selects a hosted provider even when no model name is written, so
// each instantiation is an sdk-package reference with fact class=NAME; the
// resolver maps the class to its provider. Imports alone are not reported
// (the package manifest already says the SDK is installed).
//
// Read line by line: a class name directly followed by '(' outside a comment
// and outside a quoted string on that line. Docstring examples inside triple
// quotes spanning lines are the known blind spot.
#include <array>

#include "core/text.h"
#include "extract/extractors.h"
#include "core/provider_classes.h"

namespace modelprov {
namespace {

bool IdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

// `def ChatDeepSeek(`, `function ChatDeepSeek(`, `class ChatDeepSeek(`: the
// name is being declared (a wrapper or a subclass), not instantiated.
bool DeclaresName(std::string_view before) {
  before = Trim(before);
  for (std::string_view kw : {"def", "async def", "function", "class", "async function"}) {
    if (before.size() >= kw.size() && before.substr(before.size() - kw.size()) == kw &&
        (before.size() == kw.size() || !IdentChar(before[before.size() - kw.size() - 1]))) {
      return true;
    }
  }
  return false;
}

// Every class in the table (core/provider_classes.h) contains one of these;
// a file with none of them (nearly every file) is not read line by line.
bool MayNameProviderClass(std::string_view text) {
  for (std::string_view anchor : {"Chat", "Tongyi", "DashScope", "Qianfan", "Embeddings"}) {
    if (text.find(anchor) != std::string_view::npos) return true;
  }
  return false;
}

class ProviderClassExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "provider-classes"; }
  std::vector<std::string> globs() const override {
    return {"**/*.py", "**/*.js", "**/*.mjs", "**/*.cjs", "**/*.ts", "**/*.mts", "**/*.tsx", "**/*.jsx"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (!MayNameProviderClass(in.text)) return;
    bool python = IEquals(in.name.substr(in.name.size() >= 3 ? in.name.size() - 3 : 0), ".py");
    uint32_t line_no = 0;
    for (std::string_view line : Split(in.text, '\n')) {
      ++line_no;
      char quote = 0;
      for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote != 0) {
          if (c == '\\') ++i;
          else if (c == quote) quote = 0;
          continue;
        }
        if (c == '"' || c == '\'' || c == '`') {
          quote = c;
          continue;
        }
        if ((python && c == '#') || (!python && c == '/' && i + 1 < line.size() && line[i + 1] == '/')) break;
        if (!(c >= 'A' && c <= 'Z') || (i > 0 && (IdentChar(line[i - 1]) || line[i - 1] == '.'))) continue;
        size_t end = i;
        while (end < line.size() && IdentChar(line[end])) ++end;
        std::string_view word = line.substr(i, end - i);
        size_t paren = end;
        while (paren < line.size() && line[paren] == ' ') ++paren;
        if (paren < line.size() && line[paren] == '(' && !DeclaresName(line.substr(0, i))) {
          if (const ProviderClass* pc = FindProviderClass(word)) {
            ModelReference ref;
            ref.kind = ReferenceKind::kSdkPackage;
            ref.text = std::string(word);
            ref.location = {std::string(in.path), line_no, static_cast<uint32_t>(i + 1)};
            ref.extractor = std::string(name());
            ref.evidence = Evidence::kLikely;
            SdkPackageFacts& f = ref.SetFacts<SdkPackageFacts>();
            f.class_name = std::string(word);
            f.package = std::string(pc->package);
            sink.OnReference(std::move(ref));
          }
        }
        i = end - 1;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeProviderClassExtractor() { return std::make_unique<ProviderClassExtractor>(); }

}  // namespace modelprov
