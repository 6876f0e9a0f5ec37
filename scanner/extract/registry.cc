#include "extract/registry.h"

#include "core/glob.h"
#include "core/text.h"
#include "extract/extractors.h"

namespace modelprov {

ExtractorList DefaultExtractors() {
  ExtractorList list;
  list.push_back(MakeCodeExtractor("python-source", {"**/*.py", "**/*.pyi"}, PythonSyntax()));
  list.push_back(MakeCodeExtractor("javascript-source",
                                   {"**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx", "**/*.ts", "**/*.mts",
                                    "**/*.cts", "**/*.tsx"},
                                   JavaScriptSyntax()));
  list.push_back(MakeCodeExtractor("go-source", {"**/*.go"}, GoSyntax()));
  list.push_back(MakeCodeExtractor("java-source", {"**/*.java", "**/*.kt", "**/*.kts"}, JavaSyntax()));
  list.push_back(MakeCodeExtractor("rust-source", {"**/*.rs"}, RustSyntax()));
  list.push_back(MakeCodeExtractor("csharp-source", {"**/*.cs"}, CSharpSyntax()));
  list.push_back(MakeCodeExtractor("ruby-source", {"**/*.rb"}, RubySyntax()));
  list.push_back(MakeCodeExtractor("php-source", {"**/*.php"}, PhpSyntax()));
  list.push_back(MakeHfConfigExtractor());
  list.push_back(MakeAdapterConfigExtractor());
  list.push_back(MakeModelCardExtractor());
  list.push_back(MakeTokenizerFilesExtractor());
  list.push_back(MakeRequirementsExtractor());
  list.push_back(MakePyprojectExtractor());
  list.push_back(MakePackageJsonExtractor());
  list.push_back(MakeGoModExtractor());
  list.push_back(MakeMavenPomExtractor());
  list.push_back(MakeGradleExtractor());
  list.push_back(MakeModelfileExtractor());
  list.push_back(MakeShellScriptExtractor());
  list.push_back(MakeDockerfileExtractor());
  list.push_back(MakeDotenvExtractor());
  list.push_back(MakeKeyValueConfigExtractor());
  list.push_back(MakeMarkdownCommandsExtractor());
  list.push_back(MakeDeployYamlExtractor());
  list.push_back(MakeGatewayConfigExtractor());
  list.push_back(MakeProviderClassExtractor());
  list.push_back(MakeGgufExtractor());
  list.push_back(MakeSafetensorsExtractor());
  list.push_back(MakeSafetensorsIndexExtractor());
  list.push_back(MakeModelWeightsExtractor());
  list.push_back(MakeLicenseFileExtractor());
  list.push_back(MakeNotebookExtractor());
  return list;
}

namespace {

// Most claims are "**/*.ext" or "**/name"; answering those from the base name
// avoids running the general matcher thousands of times per scan.
bool FastGlobMatch(const std::string& glob, std::string_view path) {
  std::string_view g = glob;
  if (g.rfind("**/", 0) == 0) {
    std::string_view rest = g.substr(3);
    if (rest.find_first_of("*?/") == std::string_view::npos) return IEquals(BaseName(path), rest);
    if (rest.size() > 1 && rest[0] == '*' && rest.find_first_of("*?/", 1) == std::string_view::npos) {
      std::string_view base = BaseName(path);
      std::string_view suffix = rest.substr(1);
      return base.size() >= suffix.size() && IEquals(base.substr(base.size() - suffix.size()), suffix);
    }
  }
  return GlobMatch(glob, path, CaseSensitivity::kInsensitive);
}

}  // namespace

ExtractorSelector::ExtractorSelector(const ExtractorList& extractors) {
  for (const auto& e : extractors) {
    claims_.push_back({e.get(), e->globs()});
    all_.push_back(e.get());
    any_magic_ = any_magic_ || e->uses_magic();
  }
}

std::vector<const Extractor*> ExtractorSelector::ForPath(std::string_view path) const {
  std::vector<const Extractor*> out;
  for (const Claim& c : claims_) {
    for (const std::string& g : c.globs) {
      if (FastGlobMatch(g, path)) {
        out.push_back(c.extractor);
        break;
      }
    }
  }
  return out;
}

std::vector<const Extractor*> ExtractorSelector::ForMagic(std::string_view head) const {
  std::vector<const Extractor*> out;
  for (const Extractor* e : all_) {
    if (e->uses_magic() && e->ClaimsMagic(head)) out.push_back(e);
  }
  return out;
}

}  // namespace modelprov
