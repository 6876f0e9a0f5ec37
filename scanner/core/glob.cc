#include "core/glob.h"

#include <vector>

#include "core/text.h"

namespace modelprov {
namespace {

enum class TokenType { kLiteral, kAnyChar, kStar, kDoubleStar, kDirs };
struct Token {
  TokenType type;
  char c = 0;
};

std::vector<Token> Tokenize(std::string_view pattern) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      bool dirs = i + 2 < pattern.size() && pattern[i + 2] == '/';
      tokens.push_back({dirs ? TokenType::kDirs : TokenType::kDoubleStar});
      if (dirs) {
        i += 2;
      } else {
        ++i;
        while (i + 1 < pattern.size() && pattern[i + 1] == '*') ++i;  // "***" is "**"
      }
    } else if (c == '*') {
      tokens.push_back({TokenType::kStar});
    } else if (c == '?') {
      tokens.push_back({TokenType::kAnyChar});
    } else {
      tokens.push_back({TokenType::kLiteral, c});
    }
  }
  return tokens;
}

}  // namespace

// A set-of-positions simulation: `reach[i]` says the pattern prefix processed
// so far can end at text offset i. O(pattern * text) time, no backtracking, so
// no pattern from a data file or policy can make it slow.
bool GlobMatch(std::string_view pattern, std::string_view text, CaseSensitivity cs) {
  const size_t n = text.size();
  std::vector<char> reach(n + 1, 0), next(n + 1, 0);
  reach[0] = 1;
  for (const Token& tok : Tokenize(pattern)) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    switch (tok.type) {
      case TokenType::kLiteral:
        for (size_t i = 0; i < n; ++i) {
          bool eq = cs == CaseSensitivity::kInsensitive ? AsciiLower(text[i]) == AsciiLower(tok.c)
                                                        : text[i] == tok.c;
          if (reach[i] && eq) next[i + 1] = 1;
        }
        break;
      case TokenType::kAnyChar:
        for (size_t i = 0; i < n; ++i) {
          if (reach[i] && text[i] != '/') next[i + 1] = 1;
        }
        break;
      case TokenType::kStar: {
        bool run = false;
        for (size_t j = 0; j <= n; ++j) {
          if (j > 0 && text[j - 1] == '/') run = false;
          run = run || reach[j];
          next[j] = run;
        }
        break;
      }
      case TokenType::kDoubleStar: {
        bool run = false;
        for (size_t j = 0; j <= n; ++j) {
          run = run || reach[j];
          next[j] = run;
        }
        break;
      }
      case TokenType::kDirs: {  // "**/": zero or more whole directories
        bool run = false;
        for (size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] || (run && j > 0 && text[j - 1] == '/');
          run = run || reach[j];
        }
        break;
      }
    }
    for (char r : next) any = any || r;
    if (!any) return false;
    reach.swap(next);
  }
  return reach[n] != 0;
}

}  // namespace modelprov
