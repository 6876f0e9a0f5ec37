// Dependency manifests that name model-vendor SDKs: requirements*.txt,
// pyproject.toml, package.json, go.mod, Maven pom.xml and Gradle build
// scripts. Every declared package is a possible reference; the resolver keeps
// only packages the catalog lists as a provider's SDK.
#include <string>
#include <unordered_map>

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
  ref.SetFacts<SdkPackageFacts>().ecosystem = std::string(ecosystem);
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
        if (ClosesArray(raw)) in_array = false;
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
        in_array = !ClosesArray(value.substr(1));
      }
    });
  }

 private:
  // A ']' outside quotes and comments: "openai[datalib]>=1" does not end the array.
  static bool ClosesArray(std::string_view s) {
    char quote = 0;
    for (char c : s) {
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return false;
      } else if (c == ']') {
        return true;
      }
    }
    return false;
  }

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

// The offset of the first `"key":` at or after `from`, for every key, as
// FindJsonKeyOffset would find each (keys are compared as written).
std::unordered_map<std::string_view, size_t> FirstKeyOffsets(std::string_view text, size_t from) {
  std::unordered_map<std::string_view, size_t> out;
  size_t i = from;
  while ((i = text.find('"', i)) != std::string_view::npos) {
    size_t end = i + 1;
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    if (end >= text.size()) break;
    size_t j = end + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) ++j;
    if (j < text.size() && text[j] == ':') out.emplace(text.substr(i + 1, end - i - 1), i);
    i = end + 1;
  }
  return out;
}

class PackageJsonExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "package-json"; }
  std::vector<std::string> globs() const override { return {"**/package.json"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<nlohmann::json> doc = ParseJsonFile(in, sink);
    if (!doc || !doc->is_object()) return;
    // Positions come from one pass over the text per section (the parsed
    // object is not in document order, and a search per key would make a
    // generated manifest cost its size squared).
    LineIndex lines(in.text);
    for (const char* section : {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
      auto deps = doc->find(section);
      if (deps == doc->end() || !deps->is_object()) continue;
      size_t section_at = FindJsonKeyOffset(in.text, section);
      std::unordered_map<std::string_view, size_t> offsets =
          FirstKeyOffsets(in.text, section_at == std::string_view::npos ? 0 : section_at);
      for (auto it = deps->begin(); it != deps->end(); ++it) {
        auto at = offsets.find(it.key());
        uint32_t line = at == offsets.end() ? 0 : lines.LineOf(at->second);
        uint32_t column = at == offsets.end() ? 0 : lines.ColumnOf(at->second);
        sink.OnReference(PackageRef(name(), in.path, "npm", it.key(), line, column));
      }
    }
  }
};

// go.mod: `require path version` lines and `require ( ... )` blocks. The
// module path is the package; a major-version suffix (/v2) is dropped so
// every major version of an SDK matches its catalog entry.
class GoModExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "go-mod"; }
  std::vector<std::string> globs() const override { return {"**/go.mod"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    bool in_block = false;
    ForEachLine(in.text, [&](std::string_view raw, uint32_t line) {
      std::string_view l = Trim(raw.substr(0, raw.find("//")));
      if (l.empty()) return;
      if (in_block) {
        if (l == ")") {
          in_block = false;
          return;
        }
      } else if (l.substr(0, 8) == "require ") {
        l = Trim(l.substr(8));
        if (l == "(") {
          in_block = true;
          return;
        }
      } else {
        return;
      }
      std::string_view module = l.substr(0, l.find_first_of(" \t"));
      if (module.empty() || module.find('.') == std::string_view::npos) return;
      size_t col = raw.find(module);
      sink.OnReference(PackageRef(name(), in.path, "go", WithoutMajorVersion(module), line, static_cast<uint32_t>(col + 1)));
    });
  }

 private:
  static std::string_view WithoutMajorVersion(std::string_view module) {
    size_t slash = module.rfind('/');
    if (slash == std::string_view::npos || slash + 2 >= module.size() || module[slash + 1] != 'v') return module;
    std::string_view digits = module.substr(slash + 2);
    return digits.find_first_not_of("0123456789") == std::string_view::npos ? module.substr(0, slash) : module;
  }
};

// Maven pom.xml: each <dependency>'s groupId and artifactId, reported as
// "group:artifact" at the artifactId's line. A line-oriented read of the
// elements, not an XML parser: entities and CDATA do not occur in
// coordinates, and nothing else of the file is used.
class MavenPomExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "maven-pom"; }
  std::vector<std::string> globs() const override { return {"**/pom.xml"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    bool in_dependency = false;
    bool in_exclusions = false;  // <exclusions> name artifacts that are left out, not used
    std::string group, artifact;
    uint32_t artifact_line = 0, artifact_col = 0;
    ForEachLine(in.text, [&](std::string_view raw, uint32_t line) {
      for (size_t at = raw.find('<'); at != std::string_view::npos; at = raw.find('<', at + 1)) {
        std::string_view tag = raw.substr(at);
        if (tag.substr(0, 12) == "<exclusions>") {
          in_exclusions = true;
        } else if (tag.substr(0, 13) == "</exclusions>") {
          in_exclusions = false;
        } else if (in_exclusions) {
          continue;
        } else if (tag.substr(0, 12) == "<dependency>") {
          in_dependency = true;
          group.clear(), artifact.clear();
        } else if (tag.substr(0, 13) == "</dependency>") {
          if (in_dependency && !group.empty() && !artifact.empty()) {
            // The evidence is the artifactId as written on its line; the
            // resolver reads the coordinate from the "package" fact.
            ModelReference ref = PackageRef(name(), in.path, "maven", artifact, artifact_line, artifact_col);
            ref.SetFacts<SdkPackageFacts>().package = group + ":" + artifact;
            sink.OnReference(std::move(ref));
          }
          in_dependency = false;
        } else if (in_dependency && tag.substr(0, 9) == "<groupId>") {
          group = Element(tag.substr(9));
        } else if (in_dependency && tag.substr(0, 12) == "<artifactId>") {
          artifact = Element(tag.substr(12));
          artifact_line = line;
          artifact_col = static_cast<uint32_t>(at + 13);
        }
      }
    });
  }

 private:
  static std::string Element(std::string_view rest) { return std::string(Trim(rest.substr(0, rest.find('<')))); }
};

// Gradle build scripts (Groovy and Kotlin DSL): "group:artifact:version"
// coordinates in quotes, the form dependency declarations use.
class GradleExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "gradle-build"; }
  std::vector<std::string> globs() const override {
    return {"**/build.gradle", "**/build.gradle.kts", "**/*.versions.toml"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    ForEachLine(in.text, [&](std::string_view raw, uint32_t line) {
      std::string_view code = raw.substr(0, raw.find("//"));
      for (size_t open = code.find_first_of("\"'"); open != std::string_view::npos;) {
        size_t close = code.find(code[open], open + 1);
        if (close == std::string_view::npos) break;
        std::string_view coord = code.substr(open + 1, close - open - 1);
        size_t c1 = coord.find(':');
        size_t c2 = c1 == std::string_view::npos ? c1 : coord.find(':', c1 + 1);
        bool plain = coord.find_first_of(" $/") == std::string_view::npos;
        if (plain && c1 != std::string_view::npos && c1 > 0 && c2 != c1 + 1) {
          std::string_view ga = coord.substr(0, c2);
          sink.OnReference(PackageRef(name(), in.path, "maven", ga, line, static_cast<uint32_t>(open + 2)));
        }
        open = code.find_first_of("\"'", close + 1);
      }
    });
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeGoModExtractor() { return std::make_unique<GoModExtractor>(); }
std::unique_ptr<Extractor> MakeMavenPomExtractor() { return std::make_unique<MavenPomExtractor>(); }
std::unique_ptr<Extractor> MakeGradleExtractor() { return std::make_unique<GradleExtractor>(); }
std::unique_ptr<Extractor> MakeRequirementsExtractor() { return std::make_unique<RequirementsExtractor>(); }
std::unique_ptr<Extractor> MakePyprojectExtractor() { return std::make_unique<PyprojectExtractor>(); }
std::unique_ptr<Extractor> MakePackageJsonExtractor() { return std::make_unique<PackageJsonExtractor>(); }

}  // namespace modelprov
