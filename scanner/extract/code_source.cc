// Program source in any language the lexer knows: each string literal goes
// through ClassifyCodeLiteral.
#include "extract/code_references.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

class CodeExtractor final : public Extractor {
 public:
  // Every literal the lexer keeps sits in a model slot or names a catalog
  // word, so files without an anchor are skipped (see Extractor::gated).
  bool gated() const override { return true; }
  CodeExtractor(std::string name, std::vector<std::string> globs, const LanguageSyntax& syntax)
      : name_(std::move(name)), globs_(std::move(globs)), syntax_(syntax) {}

  std::string_view name() const override { return name_; }
  std::vector<std::string> globs() const override { return globs_; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    ScanStringLiterals(in.text, syntax_, [&](const StringLiteral& lit) {
      std::optional<ModelReference> ref = ClassifyCodeLiteral(lit);
      if (!ref) return;
      ref->location.path = std::string(in.path);
      ref->extractor = name_;
      sink.OnReference(std::move(*ref));
    });
  }

 private:
  std::string name_;
  std::vector<std::string> globs_;
  const LanguageSyntax& syntax_;
};

}  // namespace

std::unique_ptr<Extractor> MakeCodeExtractor(std::string name, std::vector<std::string> globs,
                                             const LanguageSyntax& syntax) {
  return std::make_unique<CodeExtractor>(std::move(name), std::move(globs), syntax);
}

}  // namespace modelprov
