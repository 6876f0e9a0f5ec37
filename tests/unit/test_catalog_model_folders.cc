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

TEST_CASE("a source repository whose README is a model card keeps its software licence as the code's",
          "[catalog][folders]") {
  Resolution apache;
  apache.license = "Apache-2.0";
  Resolution model_licence;
  model_licence.license = "LicenseRef-yi";
  std::vector<ResolvedReference> refs{
      At(ReferenceKind::kModelCard, "README.md", Named("local:.", "LicenseRef-yi")),
      At(ReferenceKind::kLicenseFile, "LICENSE", apache),                               // the code's licence
      At(ReferenceKind::kLicenseFile, "MODEL_LICENSE_AGREEMENT.txt", model_licence),  // the weights'
      At(ReferenceKind::kModelCard, "m/README.md", Named("local:m")),
      At(ReferenceKind::kSafetensors, "m/model.safetensors", std::nullopt),
      At(ReferenceKind::kLicenseFile, "m/LICENSE", apache),  // beside weights: the model's licence
  };
  AttachModelFolderFiles(refs);
  std::vector<std::string> kept;
  for (const ResolvedReference& r : refs) {
    kept.push_back(r.ref.location.path + " " + (r.resolution ? r.resolution->model : std::string("-")));
  }
  CHECK(kept == std::vector<std::string>{"README.md local:.", "MODEL_LICENSE_AGREEMENT.txt local:.",
                                         "m/README.md local:m", "m/model.safetensors local:m", "m/LICENSE local:m"});
}
