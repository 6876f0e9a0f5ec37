#include "extract/yaml_nodes.h"

#include "core/text.h"
#include "extract/yaml_lines.h"

namespace modelprov {
namespace {

// Deeper structure is legal YAML but never where a model name sits.
constexpr size_t kMaxDepth = 64;
// Each node keeps only the innermost part of its path, so memory stays
// proportional to the file even for hostile nesting.
constexpr size_t kMaxPath = 16;

std::string_view StripComment(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      if (i == 0 || s[i - 1] == ' ' || s[i - 1] == ':' || s[i - 1] == '[' || s[i - 1] == ',') quote = c;
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

// Position of the ':' ending a mapping key in `body`, or npos. The colon must
// be followed by a blank or the line end ("http://x" is not a key).
size_t KeyColon(std::string_view body) {
  size_t i = 0;
  if (!body.empty() && (body[0] == '"' || body[0] == '\'')) {
    size_t close = body.find(body[0], 1);
    if (close == std::string_view::npos) return std::string_view::npos;
    i = close + 1;
  }
  for (; i < body.size(); ++i) {
    if (body[i] == ':' && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\t')) return i;
    if (body[i] == ' ' && i + 1 < body.size() && body[i + 1] == '#') return std::string_view::npos;
  }
  return std::string_view::npos;
}

struct Frame {
  size_t indent;
  std::string key;  // "#N" for list item number N
  uint32_t item;
};

}  // namespace

std::string_view ParentKey(const YamlNode& node) {
  for (size_t i = node.path.size(); i > 0; --i) {
    if (node.path[i - 1].empty() || node.path[i - 1][0] != '#') return node.path[i - 1];
  }
  return {};
}

std::vector<YamlFlowItem> SplitFlowList(std::string_view flow, uint32_t column) {
  std::vector<YamlFlowItem> out;
  if (flow.empty() || flow[0] != '[') return out;
  size_t i = 1;
  while (i < flow.size()) {
    while (i < flow.size() && (flow[i] == ' ' || flow[i] == ',')) ++i;
    if (i >= flow.size() || flow[i] == ']') break;
    size_t start = i;
    size_t end;
    if (flow[i] == '"' || flow[i] == '\'') {
      size_t close = flow.find(flow[i], i + 1);
      if (close == std::string_view::npos) close = flow.size();
      out.push_back({std::string(flow.substr(i + 1, close - i - 1)), column + static_cast<uint32_t>(i + 1)});
      end = close + 1;
    } else {
      end = flow.find_first_of(",]", i);
      if (end == std::string_view::npos) end = flow.size();
      std::string_view item = Trim(flow.substr(start, end - start));
      if (!item.empty()) out.push_back({std::string(item), column + static_cast<uint32_t>(start)});
    }
    i = end;
  }
  return out;
}

std::vector<YamlNode> ReadYamlNodes(std::string_view text) {
  std::vector<YamlNode> out;
  std::vector<Frame> stack;
  uint32_t next_item = 0;
  uint32_t document = 0;
  uint32_t line_no = 0;
  size_t pos = 0;
  size_t block_owner_index = 0;
  size_t block_indent = 0;  // lines indented more than this belong to the block
  bool in_block = false;
  size_t block_text_indent = std::string_view::npos;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    size_t indent = raw.find_first_not_of(' ');
    if (in_block) {
      if (indent == std::string_view::npos) continue;  // blank line inside a block
      if (indent > block_indent) {
        if (block_text_indent == std::string_view::npos) block_text_indent = indent;
        size_t cut = std::min(indent, block_text_indent);
        out[block_owner_index].block.push_back(
            {std::string(raw.substr(cut)), line_no, static_cast<uint32_t>(cut + 1)});
        continue;
      }
      in_block = false;
    }
    std::string_view line = StripComment(raw);
    if (Trim(line).empty()) continue;
    if (indent == 0 && (Trim(line) == "---" || Trim(line) == "...")) {
      stack.clear();
      ++document;
      continue;
    }
    size_t cur = indent;
    std::string_view body = line.substr(indent);
    // `- ` opens a list item; `- key: v` continues as a mapping inside it.
    bool plain_item = false;
    while (body.size() >= 1 && body[0] == '-' && (body.size() == 1 || body[1] == ' ')) {
      // An indentless sequence (`key:` then `- x` at the key's own indent)
      // stays under its key; an earlier sibling item is closed.
      while (!stack.empty() &&
             (stack.back().indent > cur || (stack.back().indent == cur && stack.back().key[0] == '#'))) {
        stack.pop_back();
      }
      ++next_item;
      if (stack.size() < kMaxDepth) stack.push_back({cur, "#" + std::to_string(next_item), next_item});
      size_t skip = body.find_first_not_of(' ', 1);
      if (skip == std::string_view::npos) {
        body = {};
        break;
      }
      cur += skip;
      body = body.substr(skip);
      plain_item = true;
    }
    if (body.empty()) continue;
    size_t colon = KeyColon(body);
    while (!stack.empty() && stack.back().indent >= cur) stack.pop_back();
    YamlNode node;
    node.document = document;
    node.key_column = static_cast<uint32_t>(cur + 1);
    size_t first = stack.size() > kMaxPath ? stack.size() - kMaxPath : 0;
    node.path.reserve(stack.size() - first);
    for (size_t f = first; f < stack.size(); ++f) node.path.push_back(stack[f].key);
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (it->key[0] == '#') {
        node.item = it->item;
        break;
      }
    }
    if (colon == std::string_view::npos) {
      if (!plain_item) continue;  // a continuation of a multi-line scalar: not read
      node.value = UnquoteYamlScalar(body);
      node.flow_list = !body.empty() && body[0] == '[';
      node.line = line_no;
      node.column = static_cast<uint32_t>(cur + 1 + (body[0] == '"' || body[0] == '\'' ? 1 : 0));
      out.push_back(std::move(node));
      continue;
    }
    node.key = UnquoteYamlScalar(body.substr(0, colon));
    size_t value_at = body.find_first_not_of(" \t", colon + 1);
    std::string_view value = value_at == std::string_view::npos ? std::string_view() : Trim(body.substr(value_at));
    if (value.empty() || value[0] == '|' || value[0] == '>' || value[0] == '&') {
      node.line = line_no;
      node.column = static_cast<uint32_t>(cur + 1);
      bool block = !value.empty() && (value[0] == '|' || value[0] == '>');
      std::string key = node.key;
      out.push_back(std::move(node));
      if (block) {
        in_block = true;
        block_indent = cur;
        block_text_indent = std::string_view::npos;
        block_owner_index = out.size() - 1;
      } else if (stack.size() < kMaxDepth) {
        stack.push_back({cur, key, 0});
      }
      continue;
    }
    node.flow_list = value[0] == '[';
    node.value = node.flow_list ? std::string(value) : UnquoteYamlScalar(value);
    node.line = line_no;
    size_t quote = (value[0] == '"' || value[0] == '\'') ? 1 : 0;
    node.column = static_cast<uint32_t>(cur + value_at + 1 + quote);
    out.push_back(std::move(node));
  }
  return out;
}

}  // namespace modelprov
