// Dependency manifests that name model-vendor SDKs: requirements*.txt,
// pyproject.toml, package.json. Every declared package is a possible
// reference; the resolver keeps only packages the catalog lists as a
// provider's SDK.
#include "core/text.h"
#include "extract/extractors.h"
#include "extract/json_file.h"

namespace modelprov {
namespace {

ModelReference PackageRef(std::string_view extractor, std::string_view path, std::string_view ecosystem,
                          std::string_view package, uint32_t line, uint32_t column) {
  ModelReference ref;
  ref.kind = ReferenceKind::kSdkPackage;
  ref.extractor = std::string(extractor);
  ref.evidence = Evidence::kPossible;
  ref.text = std::string(package);
  ref.location = {std::string(path), line, column};
  ref.facts.emplace_back("ecosystem", std::string(ecosystem));
  return ref;
}

// The distribution name at the start of a PEP 508 requirement ("dashscope>=1.0; python_version>'3.8'").
std::string_view RequirementName(std::string_view req) {
  size_t end = 0;
  while (end < req.size()) {
    char c = req[end];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    if (!ok) break;
    ++end;
  }
  return req.substr(0, end);
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  uint32_t line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    fn(l, ++line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

class RequirementsExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "requirements-txt"; }
  std::vector<std::string> globs() const override {
    return {"**/requirements*.txt", "**/requirements/*.txt", "**/*-requirements.txt"};
  }
  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    ForEachLine(in.text, [&](std::string_view l, uint32_t line) {
      size_t indent = l.find_first_not_of(" \t");
      if (indent == std::string_view::npos) return;
      std::string_view body = l.substr(indent);
      if (body[0] == '#' || body[0] == '-') return;  // comments, -r/-e/--index-url options
      std::string_view name = RequirementName(body);
      if (name.empty()) return;
      sink.OnReference(PackageRef(this->name(), in.path, "pypi", name, line, static_cast<uint32_t>(indent + 1)));
    });
  }
};

// pyproject.toml: PEP 621 `dependencies = [...]` and optional-dependencies
// arrays, PEP 735 dependency-groups, and Poetry's dependency tables. Read line
// by line (arrays may span lines) so every package keeps its line number.
class PyprojectExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "pyproject-toml"; }
  std::vector<std::string> globs() const override { return {"**/pyproject.toml"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::string table;
    bool in_array = false;
    ForEachLine(in.text, [&](std::string_view raw, uint32_t line) {
      std::string_view l = Trim(raw);
      if (l.empty() || l[0] == '#') return;
      if (!in_array && l[0] == '[') {
        table = std::string(Trim(l.substr(1, l.find(']') - 1)));
        return;
      }
      if (in_array) {
        ScanQuoted(raw, line, in, sink);
        if (l.find(']') != std::string_view::npos) in_array = false;
        return;
      }
      size_t eq = l.find('=');
      if (eq == std::string_view::npos) return;
      std::string_view key = Trim(l.substr(0, eq));
      std::string_view value = Trim(l.substr(eq + 1));
      bool poetry = table.rfind("tool.poetry", 0) == 0 && table.size() >= 12 &&
                    table.compare(table.size() - 12, 12, "dependencies") == 0;
      if (poetry) {
        if (key != "python") {
          size_t col = raw.find(key);
          sink.OnReference(PackageRef(name(), in.path, "pypi", UnquoteKey(key), line, static_cast<uint32_t>(col + 1)));
        }
        return;
      }
      bool array_table = table == "project.optional-dependencies" || table == "dependency-groups";
      if ((table == "project" && key == "dependencies") || array_table) {
        if (value.empty() || value[0] != '[') return;
        ScanQuoted(raw.substr(raw.find('=') + 1), line, in, sink, raw.find('=') + 1);
        in_array = value.find(']') == std::string_view::npos;
      }
    });
  }

 private:
  static std::string_view UnquoteKey(std::string_view k) {
    if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'')) return k.substr(1, k.size() - 2);
    return k;
  }

  void ScanQuoted(std::string_view s, uint32_t line, const ExtractInput& in, ReferenceSink& sink,
                  size_t offset = 0) const {
    size_t i = 0;
    while (i < s.size()) {
      if (s[i] == '#') return;
      if (s[i] != '"' && s[i] != '\'') {
        ++i;
        continue;
      }
      size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return;
      std::string_view pkg = RequirementName(s.substr(i + 1, close - i - 1));
      if (!pkg.empty()) {
        sink.OnReference(PackageRef(name(), in.path, "pypi", pkg, line, static_cast<uint32_t>(offset + i + 2)));
      }
      i = close + 1;
    }
  }
};

class PackageJsonExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "package-json"; }
  std::vector<std::string> globs() const override { return {"**/package.json"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<nlohmann::json> doc = ParseJsonFile(in, sink);
    if (!doc || !doc->is_object()) return;
    for (const char* section : {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
      auto deps = doc->find(section);
      if (deps == doc->end() || !deps->is_object()) continue;
      size_t section_at = FindJsonKeyOffset(in.text, section);
      for (auto it = deps->begin(); it != deps->end(); ++it) {
        LineCol lc = FindJsonKey(in.text, it.key(), section_at == std::string_view::npos ? 0 : section_at);
        sink.OnReference(PackageRef(name(), in.path, "npm", it.key(), lc.line, lc.column));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeRequirementsExtractor() { return std::make_unique<RequirementsExtractor>(); }
std::unique_ptr<Extractor> MakePyprojectExtractor() { return std::make_unique<PyprojectExtractor>(); }
std::unique_ptr<Extractor> MakePackageJsonExtractor() { return std::make_unique<PackageJsonExtractor>(); }

}  // namespace modelprov
