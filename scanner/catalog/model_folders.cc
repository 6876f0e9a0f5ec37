#include "catalog/model_folders.h"

#include <string>
#include <string_view>
#include <unordered_map>

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

}  // namespace

void AttachModelFolderFiles(std::vector<ResolvedReference>& refs) {
  std::unordered_map<std::string, std::string> folder_model;  // folder -> "local:<folder>"
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
    if (!r.resolution) {
      r.resolution = Resolution{};
      r.resolution->confidence = 1.0;
    }
    r.resolution->model = it->second;
    r.resolution->match = r.resolution->match.empty() ? "model folder" : r.resolution->match + "; model folder";
  }
}

}  // namespace modelprov
