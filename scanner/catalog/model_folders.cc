#include "catalog/model_folders.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace modelprov {
namespace {

std::string_view FolderOf(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string_view(".") : path.substr(0, slash);
}

bool Attachable(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kSafetensors:
    case ReferenceKind::kModelWeights:
    case ReferenceKind::kLicenseFile:
    case ReferenceKind::kModelConfig:  // tokenizer files and configs that resolved to nothing
      return true;
    default:
      return false;
  }
}

// MODEL_LICENSE, LICENSE-MODEL, MODEL_LICENSE_AGREEMENT.txt: the weights' licence by name.
bool NamedAsModelLicense(std::string_view path) {
  std::string_view base = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  for (size_t i = 0; i + 5 <= base.size(); ++i) {
    std::string_view w = base.substr(i, 5);
    if ((w[0] == 'm' || w[0] == 'M') && (w[1] == 'o' || w[1] == 'O') && (w[2] == 'd' || w[2] == 'D') &&
        (w[3] == 'e' || w[3] == 'E') && (w[4] == 'l' || w[4] == 'L')) {
      return true;
    }
  }
  return false;
}

// The licence id a license-file reference identified (or its closest one).
std::string_view LicenseIdOf(const ResolvedReference& r) {
  if (r.resolution && !r.resolution->license.empty()) return r.resolution->license;
  const LicenseFileFacts* f = r.ref.FactsAs<LicenseFileFacts>();
  return f ? std::string_view(f->closest) : std::string_view();
}

// Files that only a folder of weights holds: a config, a tokenizer, an
// adapter, the weights themselves.
bool IsArtefact(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kModelConfig:
    case ReferenceKind::kAdapterConfig:
    case ReferenceKind::kSafetensors:
    case ReferenceKind::kModelWeights:
    case ReferenceKind::kGguf:
      return true;
    default:
      return false;
  }
}

bool IsSoftwareLicense(const ResolvedReference& r) {
  return r.ref.kind == ReferenceKind::kLicenseFile && !NamedAsModelLicense(r.ref.location.path) &&
         LicenseIdOf(r).substr(0, 11) != "LicenseRef-";
}

void AttachFolderFiles(std::vector<ResolvedReference>& refs) {
  std::unordered_map<std::string, std::string> folder_model;  // folder -> "local:<folder>"
  // Folders with a model's files besides its card: a source repository whose
  // README is a model card keeps its LICENSE as the code's licence.
  std::unordered_map<std::string, bool> has_artefacts;
  for (const ResolvedReference& r : refs) {
    if (IsArtefact(r.ref.kind)) has_artefacts[std::string(FolderOf(r.ref.location.path))] = true;
  }
  for (const ResolvedReference& r : refs) {
    if (!r.resolution) continue;
    std::string_view folder = FolderOf(r.ref.location.path);
    const std::string& id = r.resolution->model;
    if (id.size() == 6 + folder.size() && id.compare(0, 6, "local:") == 0 && id.compare(6, std::string::npos, folder) == 0) {
      folder_model.emplace(std::string(folder), id);
    }
  }
  if (folder_model.empty()) return;
  for (ResolvedReference& r : refs) {
    if (!Attachable(r.ref.kind) || (r.resolution && !r.resolution->model.empty())) continue;
    auto it = folder_model.find(std::string(FolderOf(r.ref.location.path)));
    if (it == folder_model.end()) continue;
    if (IsSoftwareLicense(r) && !has_artefacts[it->first]) continue;
    if (!r.resolution) {
      r.resolution = Resolution{};
      r.resolution->confidence = 1.0;
    }
    r.resolution->model = it->second;
    r.resolution->match = r.resolution->match.empty() ? "model folder" : r.resolution->match + "; model folder";
  }
}

}  // namespace

void AttachModelFolderFiles(std::vector<ResolvedReference>& refs) {
  AttachFolderFiles(refs);
  // An ordinary software licence (Apache, MIT, GPL...) outside a model
  // folder is the code's licence, not a model dependency; model licences
  // (LicenseRef-...) and files named as the weights' licence stay.
  std::erase_if(refs, [](const ResolvedReference& r) {
    if (r.ref.kind != ReferenceKind::kLicenseFile) return false;
    if (r.resolution && r.resolution->model.compare(0, 6, "local:") == 0) return false;
    if (NamedAsModelLicense(r.ref.location.path)) return false;
    return LicenseIdOf(r).substr(0, 11) != "LicenseRef-";
  });
}

}  // namespace modelprov
