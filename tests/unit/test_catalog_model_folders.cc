#include <catch2/catch.hpp>

#include "catalog/model_folders.h"

using namespace modelprov;

namespace {

ResolvedReference At(ReferenceKind kind, std::string path, std::optional<Resolution> res) {
  ResolvedReference r;
  r.ref.kind = kind;
  r.ref.location.path = std::move(path);
  r.resolution = std::move(res);
  return r;
}

Resolution Named(std::string model, std::string license = "") {
  Resolution r;
  r.model = std::move(model);
  r.license = std::move(license);
  return r;
}

}  // namespace

TEST_CASE("a model folder's weights, tokenizer and license join its model", "[catalog][folders]") {
  Resolution license_only;
  license_only.license = "Apache-2.0";
  std::vector<ResolvedReference> refs{
      At(ReferenceKind::kLicenseFile, "models/c/LICENSE", license_only),
      At(ReferenceKind::kModelConfig, "models/c/config.json", Named("local:models/c", "LicenseRef-llama-3.1")),
      At(ReferenceKind::kSafetensors, "models/c/model.safetensors", std::nullopt),
      At(ReferenceKind::kModelConfig, "models/c/tokenizer_config.json", std::nullopt),
      At(ReferenceKind::kModelWeights, "models/c/sub/pytorch_model.bin", std::nullopt),  // another folder
      At(ReferenceKind::kSafetensors, "other/model.safetensors", std::nullopt),          // no model there
      At(ReferenceKind::kHfModelId, "models/c/train.py", Named("acme/Other")),           // names its own model
  };
  AttachModelFolderFiles(refs);
  CHECK(refs[0].resolution->model == "local:models/c");
  CHECK(refs[0].resolution->license == "Apache-2.0");
  CHECK(refs[0].resolution->match == "model folder");
  CHECK(refs[2].resolution->model == "local:models/c");
  CHECK(refs[3].resolution->model == "local:models/c");
  CHECK_FALSE(refs[4].resolution);
  CHECK_FALSE(refs[5].resolution);
  CHECK(refs[6].resolution->model == "acme/Other");
}

TEST_CASE("the folder of an archive's root is the archive", "[catalog][folders]") {
  std::vector<ResolvedReference> refs{
      At(ReferenceKind::kModelConfig, "x.zip!/config.json", Named("local:x.zip!")),
      At(ReferenceKind::kSafetensors, "x.zip!/model.safetensors", std::nullopt),
      At(ReferenceKind::kSafetensors, "y.zip!/model.safetensors", std::nullopt),
  };
  AttachModelFolderFiles(refs);
  CHECK(refs[1].resolution->model == "local:x.zip!");
  CHECK_FALSE(refs[2].resolution);
}
