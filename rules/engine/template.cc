#include "engine/template.h"

namespace modelprov::rules {

std::string RenderTemplate(std::string_view text, const TemplateValues& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string_view name = text.substr(open + 1, close - open - 1);
    auto it = values.find(name);
    if (it == values.end()) {
      out.append(text.substr(open, close - open + 1));
    } else {
      out += it->second.empty() ? "unknown" : it->second;
    }
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace modelprov::rules
