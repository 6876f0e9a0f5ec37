#include "core/model_ref.h"

#include <array>

namespace modelprov {
namespace {

constexpr std::array<std::pair<ReferenceKind, std::string_view>, 13> kKindNames = {{
    {ReferenceKind::kHfModelId, "hf-model-id"},
    {ReferenceKind::kApiModel, "api-model"},
    {ReferenceKind::kApiEndpoint, "api-endpoint"},
    {ReferenceKind::kSdkPackage, "sdk-package"},
    {ReferenceKind::kModelConfig, "model-config"},
    {ReferenceKind::kModelCard, "model-card"},
    {ReferenceKind::kAdapterConfig, "adapter-config"},
    {ReferenceKind::kGguf, "gguf"},
    {ReferenceKind::kSafetensors, "safetensors"},
    {ReferenceKind::kModelfile, "modelfile"},
    {ReferenceKind::kLicenseFile, "license-file"},
    {ReferenceKind::kDeployConfig, "deploy-config"},
    {ReferenceKind::kModelWeights, "model-weights"},
}};

}  // namespace

std::string_view KindName(ReferenceKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::vector<std::string> ReferenceKindNames() {
  std::vector<std::string> out;
  for (const auto& [k, name] : kKindNames) out.emplace_back(name);
  return out;
}

std::optional<ReferenceKind> ParseKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

Facts ModelReference::FactPairs() const {
  const FactsVariant* v = facts.get();
  return v ? modelprov::FactPairs(*v) : Facts{};
}

}  // namespace modelprov
