// Model-card YAML front matter (README.md) and Markdown command blocks.
#include "extract/yaml_lines.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = modelprov::fuzz::AsView(data, size);
  uint32_t body_line = 0;
  (void)modelprov::FrontMatter(text, &body_line);
  modelprov::fuzz::RunSelected("README.md", text);
  modelprov::fuzz::RunSelected("docs/usage.md", text);
  return 0;
}
