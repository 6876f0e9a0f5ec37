#include "extract/registry.h"

#include <algorithm>

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
  list.push_back(MakeSentencePieceExtractor());
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

Result<ExtractorList> DetectionExtractors(const DetectionVocabulary& vocab) {
  ExtractorList list = DefaultExtractors();
  Result<std::unique_ptr<Extractor>> text = MakeTextScanExtractor(vocab);
  if (!text) return text.error();
  list.push_back(std::move(*text));
  return list;
}

ExtractorSelector::ExtractorSelector(const ExtractorList& extractors) {
  for (size_t i = 0; i < extractors.size(); ++i) {
    const Extractor* e = extractors[i].get();
    all_.push_back(e);
    if (e->reads_every_text_file()) {
      every_text_ = e;
      continue;
    }
    any_magic_ = any_magic_ || e->uses_magic();
    for (const std::string& glob : e->globs()) {
      std::string_view rest = glob;
      bool anywhere = rest.rfind("**/", 0) == 0;
      if (anywhere) rest.remove_prefix(3);
      if (anywhere && rest.find_first_of("*?/[") == std::string_view::npos) {
        by_name_[ToLower(rest)].push_back(i);
      } else if (anywhere && rest.size() > 1 && rest[0] == '*' && rest[1] == '.' &&
                 rest.find_first_of("*?/[", 1) == std::string_view::npos) {
        by_suffix_[ToLower(rest.substr(1))].push_back(i);
      } else {
        std::string last = ToLower(glob.substr(glob.rfind('/') == std::string::npos ? 0 : glob.rfind('/') + 1));
        size_t first_wild = last.find_first_of("*?[");
        size_t last_wild = last.find_last_of("*?]");
        general_.push_back({glob, i, last.substr(0, first_wild),
                            first_wild == std::string::npos ? std::string() : last.substr(last_wild + 1)});
      }
    }
  }
}

std::vector<const Extractor*> ExtractorSelector::ForPath(std::string_view path) const {
  std::vector<size_t> hits;
  std::string base = ToLower(BaseName(path));
  auto add = [&](const std::unordered_map<std::string, std::vector<size_t>>& index, const std::string& key) {
    auto it = index.find(key);
    if (it != index.end()) hits.insert(hits.end(), it->second.begin(), it->second.end());
  };
  add(by_name_, base);
  for (size_t dot = base.find('.'); dot != std::string::npos; dot = base.find('.', dot + 1)) {
    add(by_suffix_, base.substr(dot));
  }
  for (const GeneralClaim& c : general_) {
    bool possible = base.size() >= c.base_prefix.size() + c.base_suffix.size() &&
                    base.compare(0, c.base_prefix.size(), c.base_prefix) == 0 &&
                    base.compare(base.size() - c.base_suffix.size(), c.base_suffix.size(), c.base_suffix) == 0;
    if (possible && GlobMatch(c.glob, path, CaseSensitivity::kInsensitive)) hits.push_back(c.extractor);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  std::vector<const Extractor*> out;
  out.reserve(hits.size());
  for (size_t i : hits) out.push_back(all_[i]);
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
