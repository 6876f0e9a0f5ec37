// .env files (.env, .env.example, .env.production, prod.env): every
// `NAME=value` line is a setting (config_settings.h): model slots, base URLs,
// provider keys, and API-key variable names the catalog knows.
#include "core/text.h"
#include "extract/config_settings.h"
#include "extract/env_assignments.h"
#include "extract/extractors.h"

namespace modelprov {
namespace {

class DotenvExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "dotenv"; }
  std::vector<std::string> globs() const override { return {"**/.env", "**/.env.*", "**/*.env"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    uint32_t line_no = 0;
    size_t pos = 0;
    std::string_view t = in.text;
    while (pos < t.size()) {
      size_t nl = t.find('\n', pos);
      std::string_view raw = t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? t.size() : nl + 1;
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      size_t start = raw.find_first_not_of(" \t");
      if (start == std::string_view::npos || raw[start] == '#') continue;
      if (raw.substr(start, 7) == "export ") start = raw.find_first_not_of(" \t", start + 7);
      if (start == std::string_view::npos) continue;
      std::string_view body = raw.substr(start);
      // A .env value runs to the end of the line (blanks included) unless quoted.
      size_t eq = body.find('=');
      if (eq == std::string_view::npos) continue;
      std::vector<EnvAssignment> a = ParseEnvAssignments(body.substr(0, eq + 1), static_cast<uint32_t>(start + 1));
      if (a.size() != 1) continue;
      std::string_view value = body.substr(eq + 1);
      uint32_t value_col = static_cast<uint32_t>(start + eq + 2);
      size_t comment = value.find(" #");
      if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
        size_t close = value.find(value[0], 1);
        value = value.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
        ++value_col;
      } else if (comment != std::string_view::npos) {
        value = value.substr(0, comment);
      }
      Setting s;
      s.key = a[0].name;
      s.value = Trim(value);
      s.key_line = s.value_line = line_no;
      s.key_column = a[0].name_column;
      s.value_column = value_col;
      for (ModelReference& ref : ClassifySetting(s, in.path, name())) sink.OnReference(std::move(ref));
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeDotenvExtractor() { return std::make_unique<DotenvExtractor>(); }

}  // namespace modelprov
