// Key-value config files: TOML (*.toml: Codex CLI's config.toml, app
// settings), INI-style *.ini / *.cfg / *.conf and Java *.properties. Each
// `key = value` (or INI's `key: value`) line is a setting (config_settings.h),
// so `model = "gpt-4o"`, `base_url = "https://api.deepseek.com"` and
// `model_provider = "moonshot"` count the way they do in a .env file, under
// the same precision rules: a value under any other key is ignored unless it
// is a URL. A dotted TOML key (`llm.model`) is read by its last part.
// Section headers, comments, arrays and inline tables are not settings.
#include "core/text.h"
#include "extract/config_settings.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

class KeyValueConfigExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "key-value-config"; }
  std::vector<std::string> globs() const override {
    return {"**/*.toml", "**/*.ini", "**/*.cfg", "**/*.conf", "**/*.properties"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    uint32_t line_no = 0;
    for (std::string_view raw : Split(in.text, '\n')) {
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      size_t start = raw.find_first_not_of(" \t");
      if (start == std::string_view::npos) continue;
      char first = raw[start];
      if (first == '#' || first == ';' || first == '[' || first == '!') continue;
      size_t sep = raw.find_first_of("=:", start);
      if (sep == std::string_view::npos) continue;
      std::string_view key = Trim(raw.substr(start, sep - start));
      if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front()) {
        key = key.substr(1, key.size() - 2);
      }
      if (size_t dot = key.rfind('.'); dot != std::string_view::npos) key = key.substr(dot + 1);
      if (key.empty() || key.find_first_of(" \t\"'") != std::string_view::npos) continue;
      size_t value_at = raw.find_first_not_of(" \t", sep + 1);
      if (value_at == std::string_view::npos) continue;
      std::string_view value = raw.substr(value_at);
      uint32_t value_col = static_cast<uint32_t>(value_at + 1);
      if (value[0] == '[' || value[0] == '{') continue;  // arrays, inline tables
      if (value[0] == '"' || value[0] == '\'') {
        size_t close = value.find(value[0], 1);
        if (close == std::string_view::npos) continue;
        value = value.substr(1, close - 1);
        ++value_col;
      } else {
        for (std::string_view comment : {" #", " ;", "\t#"}) {
          if (size_t c = value.find(comment); c != std::string_view::npos) value = value.substr(0, c);
        }
        value = Trim(value);
      }
      Setting s;
      s.key = key;
      s.value = value;
      s.key_line = s.value_line = line_no;
      s.key_column = static_cast<uint32_t>(raw.find(key, start) + 1);
      s.value_column = value_col;
      for (ModelReference& ref : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(ref));
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeKeyValueConfigExtractor() { return std::make_unique<KeyValueConfigExtractor>(); }

}  // namespace modelprov
