#include "extract/yaml_lines.h"

#include <cstdint>

#include "core/text.h"

namespace modelprov {
namespace {

// Removes a trailing " # comment" that is outside quotes.
std::string_view StripComment(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

void AddFlowList(std::string_view body, uint32_t line, uint32_t col, YamlEntry& e) {
  // [a, "b", c]
  size_t i = 1;
  while (i < body.size()) {
    size_t j = body.find_first_of(",]", i);
    if (j == std::string_view::npos) j = body.size();
    std::string v = UnquoteYamlScalar(body.substr(i, j - i));
    if (!v.empty()) e.values.push_back({v, line, col + static_cast<uint32_t>(i)});
    i = j + 1;
  }
}

}  // namespace

std::string UnquoteYamlScalar(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\''))) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(s);
}

std::string_view FrontMatter(std::string_view text, uint32_t* body_line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  if (text.substr(0, 3) != "---") return {};
  size_t first_nl = text.find('\n');
  if (first_nl == std::string_view::npos || Trim(text.substr(0, first_nl)) != "---") return {};
  size_t start = first_nl + 1;
  size_t pos = start;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    std::string_view t = Trim(line);
    if (t == "---" || t == "...") {
      *body_line = 2;
      return text.substr(start, pos - start);
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return {};  // unterminated: not front matter
}

std::vector<YamlEntry> ReadTopLevelYaml(std::string_view text, uint32_t first_line) {
  std::vector<YamlEntry> out;
  size_t open_list = SIZE_MAX;  // index of the entry whose `- item` lines we are reading
  uint32_t line_no = first_line - 1;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    std::string_view line = StripComment(raw);
    if (Trim(line).empty()) continue;
    size_t indent = line.find_first_not_of(' ');
    std::string_view body = line.substr(indent);
    if (body.substr(0, 2) == "- " || body == "-") {
      if (open_list != SIZE_MAX && body.size() > 2) {
        std::string v = UnquoteYamlScalar(body.substr(2));
        if (!v.empty() && v.find(": ") == std::string::npos) {
          out[open_list].values.push_back({v, line_no, static_cast<uint32_t>(indent + 3)});
        }
      }
      continue;
    }
    if (indent > 0) continue;  // nested mapping: not ours
    open_list = SIZE_MAX;
    size_t colon = body.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    YamlEntry e;
    e.key = UnquoteYamlScalar(body.substr(0, colon));
    e.line = line_no;
    size_t value_at = body.find_first_not_of(" \t", colon + 1);
    std::string_view value = value_at == std::string_view::npos ? std::string_view() : Trim(body.substr(value_at));
    uint32_t col = static_cast<uint32_t>(value_at + 1);
    if (value.empty()) {
      out.push_back(std::move(e));
      open_list = out.size() - 1;
      continue;
    }
    if (value.front() == '[') {
      AddFlowList(value, line_no, col, e);
    } else if (value.front() != '|' && value.front() != '>' && value.front() != '{') {
      e.values.push_back({UnquoteYamlScalar(value), line_no, col});
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace modelprov
