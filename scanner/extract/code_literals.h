// CodeLiteralScanner: finds the string literals in program source and the
// syntactic slot each one sits in (which call, which argument, which key).
//
// It is a lexer, not a parser: one pass over the bytes, tracking comments,
// string syntax and bracket nesting. That is enough to tell
// `from_pretrained("Qwen/Qwen2-7B")` and `model="gpt-4o"` apart from the same
// words in a comment or in prose, and it cannot be sent into a loop or deep
// recursion by hostile input (bracket depth is capped, memory is linear).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace modelprov {

// Which lexical features a language has. One instance per language.
struct LanguageSyntax {
  bool hash_comments = false;          // # to end of line
  bool slash_comments = false;         // // and /* */
  bool nested_block_comments = false;  // Rust: /* /* */ */
  bool single_quote_strings = true;    // 'x' is a string (not a char literal)
  bool triple_quote_strings = false;   // Python ''' """, Java/Kotlin """ text blocks
  bool python_prefixes = false;        // r"", f"", b"", rb"" ...
  bool backtick_strings = false;       // JS template literals, Go raw strings
  bool regex_literals = false;         // JS /re/flags
  bool rust_raw_strings = false;       // r"..", r#".."#
  bool verbatim_strings = false;       // C# @".."
  bool newline_ends_statement = false; // Python, JS without ';', Go, shell
  bool arrow_pairs = false;            // PHP and Ruby: 'key' => value
};

// The languages modelprov knows; extractors pick one.
const LanguageSyntax& PythonSyntax();
const LanguageSyntax& JavaScriptSyntax();
// Defined in language_syntaxes.cc.
const LanguageSyntax& GoSyntax();      // "..", `raw`; '' is a rune
const LanguageSyntax& JavaSyntax();    // Java and Kotlin: "..", """ text blocks """; '' is a char
const LanguageSyntax& RustSyntax();    // "..", r#".."#, nested /* */; '' is a char or lifetime
const LanguageSyntax& CSharpSyntax();  // "..", @"..", $"..", """ raw """; '' is a char
const LanguageSyntax& RubySyntax();    // "..", '..', # comments
const LanguageSyntax& PhpSyntax();     // "..", '..', #, // and /* */ comments

struct StringLiteral {
  std::string value;         // contents with simple escapes undone
  uint32_t line = 0;         // 1-based line of the opening quote
  uint32_t column = 0;       // 1-based column of the first content byte
  std::string callee;        // dotted name of the innermost enclosing call, "" if none
  int arg_index = -1;        // positional index in that call; -1 if keyword/none
  std::string key;           // name this literal is the value of: kwarg, assignment, dict/object key
  bool interpolated = false; // f-string or template literal with substitutions
};

// Calls `on_literal` for every string literal in `text`, in order.
void ScanStringLiterals(std::string_view text, const LanguageSyntax& syntax,
                        const std::function<void(const StringLiteral&)>& on_literal);

}  // namespace modelprov
