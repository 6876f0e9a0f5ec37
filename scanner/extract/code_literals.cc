#include "extract/code_literals.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace modelprov {
namespace {

// Deeper nesting is legal but useless for finding model names; capping it
// bounds memory on hostile input like 10 MB of '('.
constexpr size_t kMaxDepth = 512;
// Longer literals are prose or data blobs, never a model name or URL.
constexpr size_t kMaxLiteralBytes = 2048;
// Longer strings are never a dict key that names a model slot.
constexpr size_t kMaxKeyBytes = 128;

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}
bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

// Words after which '(' opens a grouping, not a call.
bool IsControlKeyword(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "if", "elif", "while", "for", "switch", "catch", "return", "and", "or", "not", "in",
      "is", "with", "assert", "yield", "await", "typeof", "lambda", "else", "case", "match", "when"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

struct Frame {
  char open = 0;  // '(' '[' '{', 0 for the top level
  bool is_call = false;
  std::string callee;         // for calls: dotted name before '('
  std::string outer_callee;   // innermost enclosing call's name (for literals in nested {} / [])
  int arg_index = 0;
  std::string inherited_key;  // e.g. MODELS in MODELS = ["a", "b"]
  std::string own_key;        // kwarg / property key for the current element
  bool key_by_colon = false;
  int tokens_since_key = 0;
};

class Lexer {
 public:
  Lexer(std::string_view text, const LanguageSyntax& syntax,
        const std::function<void(const StringLiteral&)>& on_literal)
      : t_(text), s_(syntax), on_literal_(on_literal) {
    frames_.emplace_back();
  }

  void Run() {
    while (i_ < t_.size()) Step();
  }

 private:
  enum class Tok { kNone, kIdent, kKeyword, kString, kNumber, kPunct };

  void Step() {
    unsigned char c = static_cast<unsigned char>(t_[i_]);
    if (c == '\n') {
      if (s_.newline_ends_statement) Newline();
      ++i_;
      return;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i_;
      return;
    }
    if (TrySkipComment()) return;
    if (TryString()) return;
    if (c == '/' && s_.regex_literals && RegexAllowed() && TrySkipRegex()) return;
    if (IsIdentStart(c)) return Identifier();
    if (c >= '0' && c <= '9') return Number();
    Punct(static_cast<char>(c));
  }

  Frame& Top() { return frames_.back(); }

  void SetLast(Tok tok) {
    if (tok != Tok::kPunct || last_punct_ != '.') dotted_ = false;
    last_ = tok;
    ++Top().tokens_since_key;
  }

  // A line break ends a statement at the top level and inside a {} block,
  // unless the line visibly continues ("model =", "key:", "f(", "a,").
  void Newline() {
    bool continues = last_ == Tok::kPunct && std::strchr(":=,([{.+", last_punct_) != nullptr;
    if (continues) return;
    if (frames_.size() == 1) {
      EndStatement();
    } else if (Top().open == '{') {
      Top().own_key.clear();
      Top().key_by_colon = false;
    }
  }

  void EndStatement() {
    Top().own_key.clear();
    Top().inherited_key.clear();
    Top().key_by_colon = false;
    last_ = Tok::kNone;
    dotted_ = false;
  }

  // ---- comments -------------------------------------------------------
  bool TrySkipComment() {
    char c = t_[i_];
    char d = i_ + 1 < t_.size() ? t_[i_ + 1] : '\0';
    if ((c == '#' && s_.hash_comments) || (c == '/' && d == '/' && s_.slash_comments)) {
      size_t eol = t_.find('\n', i_);
      i_ = eol == std::string_view::npos ? t_.size() : eol;
      return true;
    }
    if (c == '/' && d == '*' && s_.slash_comments) {
      SkipBlockComment();
      return true;
    }
    return false;
  }

  void SkipBlockComment() {
    int depth = 0;
    while (i_ < t_.size()) {
      if (t_.compare(i_, 2, "/*") == 0 && (depth == 0 || s_.nested_block_comments)) {
        ++depth;
        i_ += 2;
      } else if (t_.compare(i_, 2, "*/") == 0) {
        i_ += 2;
        if (--depth == 0) return;
      } else {
        ++i_;
      }
    }
  }

  // ---- regex literals (JS) -------------------------------------------
  bool RegexAllowed() const {
    if (last_ == Tok::kNone || last_ == Tok::kKeyword) return true;
    if (last_ != Tok::kPunct) return false;
    return std::strchr("(,=:[!&|?{};+-*%<>~^", last_punct_) != nullptr;
  }

  bool TrySkipRegex() {
    size_t j = i_ + 1;
    bool in_class = false;
    while (j < t_.size() && t_[j] != '\n') {
      char c = t_[j];
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      if (c == '/' && !in_class) {
        ++j;
        while (j < t_.size() && IsIdentChar(static_cast<unsigned char>(t_[j]))) ++j;
        i_ = j;
        SetLast(Tok::kNumber);  // an operand
        return true;
      }
      ++j;
    }
    return false;  // not a regex after all: treat '/' as division
  }

  // ---- strings ----------------------------------------------------------
  struct StringForm {
    size_t prefix = 0;       // bytes before the opening quote
    char quote = '"';
    bool triple = false;
    bool raw = false;        // no escapes
    bool interpolating = false;
    bool verbatim = false;   // C#: "" is an escaped quote
    int hashes = -1;         // Rust raw string hash count
    bool multiline = false;
  };

  bool TryString() {
    StringForm form;
    if (!DetectString(form)) return false;
    LexString(form);
    return true;
  }

  bool IsQuote(char c) const {
    return c == '"' || (c == '\'' && s_.single_quote_strings) || (c == '`' && s_.backtick_strings);
  }

  bool DetectString(StringForm& f) const {
    size_t j = i_;
    char c = t_[j];
    if (s_.python_prefixes && (IsIdentStart(static_cast<unsigned char>(c))) && !dotted_) {
      size_t k = j;
      bool fmt = false, raw = false;
      while (k < t_.size() && k - j < 2 && std::strchr("rRbBfFuU", t_[k]) != nullptr && t_[k] != '\0') {
        fmt = fmt || t_[k] == 'f' || t_[k] == 'F';
        raw = raw || t_[k] == 'r' || t_[k] == 'R';
        ++k;
      }
      if (k == j || k >= t_.size() || (t_[k] != '"' && t_[k] != '\'')) return false;
      if (j > 0 && IsIdentChar(static_cast<unsigned char>(t_[j - 1]))) return false;
      f.prefix = k - j;
      f.raw = raw;
      f.interpolating = fmt;
      j = k;
      c = t_[j];
    } else if (s_.rust_raw_strings && (c == 'r' || (c == 'b' && j + 1 < t_.size() && t_[j + 1] == 'r'))) {
      size_t k = j + (c == 'b' ? 2 : 1);
      int hashes = 0;
      while (k < t_.size() && t_[k] == '#') ++hashes, ++k;
      if (k >= t_.size() || t_[k] != '"') return false;
      if (j > 0 && IsIdentChar(static_cast<unsigned char>(t_[j - 1]))) return false;
      f.prefix = k - j;
      f.raw = true;
      f.hashes = hashes;
      f.multiline = true;
      return true;
    } else if (s_.verbatim_strings && (c == '@' || c == '$')) {
      size_t k = j;
      bool verbatim = false, interp = false;
      while (k < t_.size() && (t_[k] == '@' || t_[k] == '$') && k - j < 2) {
        verbatim = verbatim || t_[k] == '@';
        interp = interp || t_[k] == '$';
        ++k;
      }
      if (k >= t_.size() || t_[k] != '"') return false;
      f.prefix = k - j;
      f.verbatim = verbatim;
      f.raw = verbatim;
      f.multiline = verbatim;
      f.interpolating = interp;
      return true;
    } else if (!IsQuote(c)) {
      return false;
    }
    if (!IsQuote(c)) return false;
    f.quote = c;
    if (s_.triple_quote_strings && j + 2 < t_.size() && t_[j + 1] == c && t_[j + 2] == c) {
      f.triple = true;
      f.multiline = true;
    }
    if (c == '`') {
      f.multiline = true;
      f.interpolating = f.interpolating || s_.regex_literals;  // JS templates; Go raw strings are not
      f.raw = !s_.regex_literals;
    }
    return true;
  }

  void LexString(const StringForm& f) {
    size_t open = i_;
    i_ += f.prefix + (f.triple ? 3 : 1);
    size_t content_start = i_;
    std::string value;
    bool interpolated = false, too_long = false, terminated = false;
    const char quote = f.hashes >= 0 ? '"' : f.quote;
    while (i_ < t_.size()) {
      // Bulk-copy the run of ordinary characters up to the next one any rule
      // below looks at: most of a string's bytes, and of a Python file's.
      size_t run = i_;
      while (run < t_.size()) {
        char r = t_[run];
        if (r == quote || r == '\\' || r == '\n' || r == '{' || r == '$') break;
        ++run;
      }
      if (run > i_) {
        AppendRun(value, t_.substr(i_, run - i_), too_long);
        i_ = run;
        if (i_ >= t_.size()) break;
      }
      char c = t_[i_];
      if (IsClosing(f)) {
        i_ += f.triple ? 3 : (f.hashes >= 0 ? 1 + static_cast<size_t>(f.hashes) : 1);
        terminated = true;
        break;
      }
      if (c == '\\' && !f.raw && i_ + 1 < t_.size()) {
        char e = t_[i_ + 1];
        Append(value, e == 'n' ? '\n' : e == 't' ? '\t' : e, too_long);
        i_ += 2;
        continue;
      }
      if (f.verbatim && c == '"' && i_ + 1 < t_.size() && t_[i_ + 1] == '"') {
        Append(value, '"', too_long);
        i_ += 2;
        continue;
      }
      if (c == '\n' && !f.multiline && f.quote != '`') break;  // unterminated one-line string
      if (f.interpolating && ((f.quote == '`' && c == '$' && i_ + 1 < t_.size() && t_[i_ + 1] == '{') ||
                              (f.quote != '`' && c == '{'))) {
        interpolated = true;
      }
      Append(value, c, too_long);
      ++i_;
    }
    SetLast(Tok::kString);
    // Only a short string can be a key ("model": ...); a docstring is not copied.
    if (value.size() <= kMaxKeyBytes) {
      last_string_ = value;
    } else {
      last_string_.clear();
    }
    if (!terminated || too_long) return;
    Emit(open, content_start, std::move(value), interpolated);
  }

  bool IsClosing(const StringForm& f) const {
    if (f.hashes >= 0) {
      if (t_[i_] != '"') return false;
      for (int h = 1; h <= f.hashes; ++h) {
        if (i_ + static_cast<size_t>(h) >= t_.size() || t_[i_ + static_cast<size_t>(h)] != '#') return false;
      }
      return true;
    }
    if (f.verbatim && t_[i_] == '"' && i_ + 1 < t_.size() && t_[i_ + 1] == '"') return false;
    if (f.triple) {  // char by char: this runs for every byte of every docstring
      return t_[i_] == f.quote && i_ + 2 < t_.size() && t_[i_ + 1] == f.quote && t_[i_ + 2] == f.quote;
    }
    return t_[i_] == f.quote;
  }

  static void AppendRun(std::string& value, std::string_view run, bool& too_long) {
    size_t room = kMaxLiteralBytes - std::min(value.size(), kMaxLiteralBytes);
    if (run.size() > room) too_long = true;
    value.append(run.substr(0, room));
  }

  static void Append(std::string& value, char c, bool& too_long) {
    if (value.size() >= kMaxLiteralBytes) {
      too_long = true;
      return;
    }
    value.push_back(c);
  }

  void Emit(size_t open, size_t content_start, std::string value, bool interpolated) {
    AdvanceLineTo(open);
    StringLiteral lit;
    lit.value = std::move(value);
    lit.line = line_;
    lit.column = static_cast<uint32_t>(content_start - line_start_ + 1);
    lit.interpolated = interpolated;
    const Frame& f = frames_.back();
    lit.callee = f.is_call ? f.callee : f.outer_callee;
    lit.arg_index = (f.is_call && f.own_key.empty()) ? f.arg_index : -1;
    lit.key = f.own_key.empty() ? f.inherited_key : f.own_key;
    // A dict or object key ({"glm3": {...}} under action_model) is not the
    // value of the enclosing key: it names an entry.
    if (f.open == '{' && f.own_key.empty() && FollowedByColon()) lit.key.clear();
    on_literal_(lit);
  }

  // True when the next non-blank byte on this line is ':' (not '::').
  bool FollowedByColon() const {
    size_t k = i_;
    while (k < t_.size() && (t_[k] == ' ' || t_[k] == '\t')) ++k;
    return k < t_.size() && t_[k] == ':' && (k + 1 >= t_.size() || t_[k + 1] != ':');
  }

  // Counts newlines lazily, only up to where a literal is emitted.
  void AdvanceLineTo(size_t offset) {
    while (counted_ < offset) {
      const void* nl = std::memchr(t_.data() + counted_, '\n', offset - counted_);
      if (nl == nullptr) {
        counted_ = offset;
        break;
      }
      size_t pos = static_cast<size_t>(static_cast<const char*>(nl) - t_.data());
      ++line_;
      line_start_ = pos + 1;
      counted_ = pos + 1;
    }
  }

  // ---- identifiers, numbers, punctuation --------------------------------
  void Identifier() {
    size_t start = i_;
    while (i_ < t_.size() && IsIdentChar(static_cast<unsigned char>(t_[i_]))) ++i_;
    std::string_view word = t_.substr(start, i_ - start);
    if (IsControlKeyword(word)) {
      SetLast(Tok::kKeyword);
      ident_.clear();
      return;
    }
    if (dotted_ && last_ == Tok::kPunct && last_punct_ == '.' && !ident_.empty()) {
      ident_.push_back('.');
      ident_.append(word);
    } else {
      ident_.assign(word);
    }
    SetLast(Tok::kIdent);
  }

  void Number() {
    while (i_ < t_.size() && (IsIdentChar(static_cast<unsigned char>(t_[i_])) || t_[i_] == '.')) ++i_;
    SetLast(Tok::kNumber);
  }

  void Punct(char c) {
    char next = i_ + 1 < t_.size() ? t_[i_ + 1] : '\0';
    char prev = i_ > 0 ? t_[i_ - 1] : '\0';
    ++i_;
    switch (c) {
      case '(':
      case '[':
      case '{':
        Open(c);
        break;
      case ')':
      case ']':
      case '}':
        Close();
        break;
      case ',':
        ++Top().arg_index;
        Top().own_key.clear();
        Top().key_by_colon = false;
        break;
      case ';':
        Top().own_key.clear();
        if (frames_.size() == 1) Top().inherited_key.clear();
        break;
      case '=':
        Equals(prev, next);
        break;
      case ':':
        Colon(next);
        break;
      case '.':
        if (last_ == Tok::kIdent) {
          last_punct_ = '.';
          last_ = Tok::kPunct;
          dotted_ = true;
          return;
        }
        break;
      default:
        break;
    }
    last_punct_ = c;
    SetLast(Tok::kPunct);
  }

  void Open(char c) {
    Frame f;
    f.open = c;
    const Frame& parent = frames_.back();
    f.outer_callee = parent.is_call ? parent.callee : parent.outer_callee;
    if (c == '(' && last_ == Tok::kIdent) {
      f.is_call = true;
      f.callee = ident_;
    } else {
      f.inherited_key = parent.own_key.empty() ? parent.inherited_key : parent.own_key;
    }
    if (frames_.size() < kMaxDepth) {
      frames_.push_back(std::move(f));
    } else {
      ++overflow_;
    }
  }

  void Close() {
    if (overflow_ > 0) {
      --overflow_;
    } else if (frames_.size() > 1) {
      frames_.pop_back();
    }
  }

  void Equals(char prev, char next) {
    if (next == '>' && s_.arrow_pairs && (last_ == Tok::kIdent || last_ == Tok::kString)) {
      // PHP and Ruby hashes: 'model' => 'qwen-max' keys like "model": 'qwen-max'.
      ++i_;
      Frame& f = Top();
      f.own_key = last_ == Tok::kIdent ? ident_ : last_string_;
      f.key_by_colon = true;
      f.tokens_since_key = -1;
      return;
    }
    if (next == '=' || next == '>') {  // ==, =>: skip the second char too
      ++i_;
      return;
    }
    if (prev != '\0' && std::strchr("!<>=+-*/%&|^~", prev) != nullptr) return;  // !=, <=, +=...
    Frame& f = Top();
    if (last_ != Tok::kIdent) return;
    // "model: str = 'x'" keeps "model", the name, not "str", the annotation.
    if (f.key_by_colon && f.tokens_since_key <= 4 && !f.own_key.empty()) {
      f.key_by_colon = false;
      return;
    }
    f.own_key = ident_;
    f.key_by_colon = false;
    f.tokens_since_key = -1;  // SetLast for '=' brings it to 0
  }

  void Colon(char next) {
    if (next == ':') {  // '::' scope operator
      ++i_;
      return;
    }
    if (next == '=') {  // Go ':='
      ++i_;
      if (last_ == Tok::kIdent) {
        Top().own_key = ident_;
        Top().key_by_colon = false;
      }
      return;
    }
    Frame& f = Top();
    if (last_ == Tok::kIdent) {
      f.own_key = ident_;
    } else if (last_ == Tok::kString) {
      f.own_key = last_string_;
    } else {
      return;
    }
    f.key_by_colon = true;
    f.tokens_since_key = -1;
  }

  std::string_view t_;
  const LanguageSyntax& s_;
  const std::function<void(const StringLiteral&)>& on_literal_;
  size_t i_ = 0;
  std::vector<Frame> frames_;
  size_t overflow_ = 0;
  Tok last_ = Tok::kNone;
  char last_punct_ = 0;
  bool dotted_ = false;
  std::string ident_;
  std::string last_string_;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  size_t counted_ = 0;
};

}  // namespace

const LanguageSyntax& PythonSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.hash_comments = true;
    l.triple_quote_strings = true;
    l.python_prefixes = true;
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

const LanguageSyntax& JavaScriptSyntax() {
  static const LanguageSyntax s = [] {
    LanguageSyntax l;
    l.slash_comments = true;
    l.backtick_strings = true;
    l.regex_literals = true;
    l.newline_ends_statement = true;
    return l;
  }();
  return s;
}

void ScanStringLiterals(std::string_view text, const LanguageSyntax& syntax,
                        const std::function<void(const StringLiteral&)>& on_literal) {
  Lexer(text, syntax, on_literal).Run();
}

}  // namespace modelprov
