// Lexical settings for the compiled languages modelprov reads besides Python
// and JavaScript. All of them treat a line break as a possible statement end:
// Kotlin, Go and Swift-like code often omits ';', and clearing the pending
// key at a line break costs nothing in languages that do use ';' (a line that
// visibly continues, "x =" or "f(", is still joined).
#include "extract/code_literals.h"

namespace modelprov {

const LanguageSyntax& GoSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.slash_comments = true;
    l.single_quote_strings = false;  // 'a' is a rune
    l.backtick_strings = true;       // raw strings, no interpolation (regex_literals stays off)
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& JavaSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.slash_comments = true;
    l.single_quote_strings = false;  // 'a' is a char
    l.triple_quote_strings = true;   // Java text blocks, Kotlin raw strings
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& RustSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.slash_comments = true;
    l.nested_block_comments = true;
    l.single_quote_strings = false;  // 'a' is a char, 'a a lifetime
    l.rust_raw_strings = true;
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& CSharpSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.slash_comments = true;
    l.single_quote_strings = false;  // 'a' is a char
    l.triple_quote_strings = true;   // C# 11 raw string literals
    l.verbatim_strings = true;       // @"..", $"..", $@".."
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& RubySyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.hash_comments = true;
    l.newline_ends_statement = true;
    l.arrow_pairs = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& PhpSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.hash_comments = true;
    l.slash_comments = true;
    l.arrow_pairs = true;
    return l;
  }();
  return s;
}

}  // namespace modelprov
