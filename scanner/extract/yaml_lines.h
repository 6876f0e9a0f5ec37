// YamlLines: reads the top-level keys of a simple block-style YAML document
// (model-card front matter, compose files' scalar keys) with their line
// numbers. It understands `key: value`, `key: [a, b]`, and `key:` followed by
// `- item` lines; anything nested deeper is skipped. Deliberately not a full
// YAML parser: it is linear, allocation-light, and cannot be made to recurse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov {

struct YamlValue {
  std::string text;   // unquoted scalar
  uint32_t line = 0;  // 1-based, in the whole file
  uint32_t column = 0;
};

struct YamlEntry {
  std::string key;
  uint32_t line = 0;
  std::vector<YamlValue> values;  // one for a scalar, several for a list
};

// Parses `text`, whose first line is line `first_line` of the file.
std::vector<YamlEntry> ReadTopLevelYaml(std::string_view text, uint32_t first_line = 1);

// If `text` starts with a `---` front-matter block, returns its body and sets
// *body_line to the file line where the body starts; otherwise returns empty.
std::string_view FrontMatter(std::string_view text, uint32_t* body_line);

// Strips matching quotes and surrounding blanks from a YAML scalar.
std::string UnquoteYamlScalar(std::string_view s);

}  // namespace modelprov
