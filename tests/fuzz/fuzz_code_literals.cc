// The string-literal lexer under every language syntax, then the code
// extractors for Python and JavaScript.
#include "extract/code_literals.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = modelprov::fuzz::AsView(data, size);
  size_t sum = 0;
  auto count = [&sum](const modelprov::StringLiteral& lit) { sum += lit.value.size() + lit.callee.size() + lit.key.size(); };
  for (const modelprov::LanguageSyntax* syntax :
       {&modelprov::PythonSyntax(), &modelprov::JavaScriptSyntax(), &modelprov::GoSyntax(), &modelprov::JavaSyntax(),
        &modelprov::RustSyntax(), &modelprov::CSharpSyntax()}) {
    modelprov::ScanStringLiterals(text, *syntax, count);
  }
  (void)sum;
  modelprov::fuzz::RunSelected("app/main.py", text);
  modelprov::fuzz::RunSelected("web/index.js", text);
  return 0;
}
