// YamlNodes: a line-based, indentation-aware reader for block-style YAML
// (docker-compose, Kubernetes manifests, Helm values, CI workflows, LiteLLM
// and Continue configs). It yields every `key: value` and `- item` with its
// nesting path and file position, which is all the deploy-config extractors
// need. Not a YAML parser: no anchors, no flow mappings spanning lines, no
// multi-line plain scalars. It is one linear pass with a bounded stack, so no
// input can make it recurse or allocate more than a small multiple of its size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov {

struct YamlBlockLine {
  std::string text;  // one line of a `|` / `>` block scalar, indentation removed
  uint32_t line = 0;
  uint32_t column = 0;  // file column of text[0]
};

struct YamlNode {
  // Keys from the document root down to this node's parent; list items
  // appear as "#N", N numbering the file's list items from 1 (YAML keys
  // cannot start with '#', so the two never collide). At most the innermost
  // 16 elements are kept. For `services: {vllm: {command: x}}` the node `command`
  // has path {"services", "vllm"}.
  std::vector<std::string> path;
  std::string key;          // "" for a plain list item (`- value`)
  std::string value;        // the scalar, unquoted; raw text for `[a, b]` flow lists; "" when nested
  bool flow_list = false;   // value is `[...]`
  uint32_t line = 0;        // of the value when there is one, else of the key
  uint32_t column = 0;
  uint32_t key_column = 0;  // of the key (of the item for a plain list item)
  uint32_t item = 0;        // id of the innermost enclosing list item (0: none); siblings share it
  uint32_t document = 0;    // 0-based index of the `---`-separated document
  std::vector<YamlBlockLine> block;  // contents of a `|` or `>` block scalar
};

std::vector<YamlNode> ReadYamlNodes(std::string_view text);

// The parent key of a node: the last path element that is not a list item.
std::string_view ParentKey(const YamlNode& node);

// Splits the body of a `[a, "b", c]` flow list into unquoted items with the
// file column of each (the list starts at `column`).
struct YamlFlowItem {
  std::string text;
  uint32_t column = 0;
};
std::vector<YamlFlowItem> SplitFlowList(std::string_view flow, uint32_t column);

}  // namespace modelprov
