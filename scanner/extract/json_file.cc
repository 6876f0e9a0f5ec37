#include "extract/json_file.h"

#include "core/text.h"

namespace modelprov {
namespace {

constexpr int kMaxJsonDepth = 256;

bool TooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<nlohmann::json> ParseJsonFile(const ExtractInput& in, ReferenceSink& sink) {
  if (TooDeep(in.text)) {
    sink.OnError({std::string(in.path), "JSON nested deeper than 256 levels; not parsed"});
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(in.text);
  } catch (const nlohmann::json::parse_error& e) {
    LineIndex lines(in.text);
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    sink.OnError({std::string(in.path), "invalid JSON at line " + std::to_string(lines.LineOf(at)) +
                                            ": " + std::string(Trim(e.what()))});
  } catch (const nlohmann::json::exception& e) {
    sink.OnError({std::string(in.path), std::string("invalid JSON: ") + e.what()});
  }
  return std::nullopt;
}

size_t FindJsonKeyOffset(std::string_view text, std::string_view key, size_t from) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t pos = from;
  while ((pos = text.find(quoted, pos)) != std::string_view::npos) {
    size_t j = pos + quoted.size();
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) ++j;
    if (j < text.size() && text[j] == ':') return pos;
    pos += quoted.size();
  }
  return std::string_view::npos;
}

LineCol FindJsonKey(std::string_view text, std::string_view key, size_t from) {
  size_t pos = FindJsonKeyOffset(text, key, from);
  if (pos == std::string_view::npos) return {};
  LineIndex lines(text);
  return {lines.LineOf(pos), lines.ColumnOf(pos)};
}

}  // namespace modelprov
