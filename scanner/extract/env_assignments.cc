#include "extract/env_assignments.h"

namespace modelprov {
namespace {

bool IdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IdentChar(char c) { return IdentStart(c) || (c >= '0' && c <= '9') || c == '.'; }

}  // namespace

std::vector<EnvAssignment> ParseEnvAssignments(std::string_view text, uint32_t base_column) {
  std::vector<EnvAssignment> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] == '#') break;
    size_t name_start = i;
    if (!IdentStart(text[i])) break;
    while (i < text.size() && IdentChar(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') break;
    EnvAssignment a;
    a.name = std::string(text.substr(name_start, i - name_start));
    a.name_column = base_column + static_cast<uint32_t>(name_start);
    ++i;  // '='
    a.value_column = base_column + static_cast<uint32_t>(i);
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
      char q = text[i];
      size_t close = text.find(q, i + 1);
      if (close == std::string_view::npos) close = text.size();
      a.value = std::string(text.substr(i + 1, close - i - 1));
      a.value_column += 1;
      i = close + 1;
    } else {
      size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
      a.value = std::string(text.substr(i, end - i));
      i = end;
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace modelprov
