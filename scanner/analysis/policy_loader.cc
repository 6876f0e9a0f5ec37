#include "analysis/policy_loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "engine/policy_names.h"

namespace modelprov::analysis {
namespace {

constexpr uint64_t kMaxPolicyBytes = 4ull << 20;
constexpr uint64_t kMaxEvidenceBytes = 64ull << 20;

Result<std::string> ReadSmallFile(const std::string& path, uint64_t limit) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return MakeError("policy file not found: " + path);
  if (std::filesystem::file_size(path, ec) > limit) return MakeError(path + ": file is too large for a policy");
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot read policy file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

Result<rules::Policy> LoadActivePolicy(const std::string& spec, const std::string& root_dir) {
  if (spec == "none") {
    rules::Policy empty;
    empty.origin = "none";
    return empty;
  }
  if (spec.rfind("builtin:", 0) == 0) return rules::LoadBuiltinPolicy(spec.substr(8));
  std::string file = spec;
  if (file.empty()) {
    std::error_code ec;
    std::filesystem::path candidate = std::filesystem::path(root_dir) / ".modelprov.yml";
    if (root_dir.empty() || !std::filesystem::is_regular_file(candidate, ec)) return rules::LoadBuiltinPolicy("default");
    file = candidate.lexically_normal().string();
  }
  Result<std::string> text = ReadSmallFile(file, kMaxPolicyBytes);
  if (!text) return text.error();
  return rules::LoadPolicy(*text, file);
}

std::string PolicyRootOf(const std::vector<ScanTarget>& targets) {
  if (targets.size() != 1 || targets[0].type != ScanTarget::Type::kDirectory) return "";
  return targets[0].path;
}

EvidenceLines::EvidenceLines(const std::vector<ScanTarget>& targets) : targets_(targets) {}

std::string EvidenceLines::FileFor(const std::string& path) const {
  if (path.find("!/") != std::string::npos) return "";  // inside an archive
  if (!base_dir_.empty()) return (std::filesystem::path(base_dir_) / path).string();
  // One directory scanned: paths are relative to it. Otherwise they were
  // written relative to the working directory, as given on the command line.
  if (targets_.size() == 1 && targets_[0].type == ScanTarget::Type::kDirectory && targets_[0].display_prefix.empty()) {
    return (std::filesystem::path(targets_[0].path) / path).string();
  }
  return path;
}

std::optional<std::string> EvidenceLines::Line(const std::string& path, uint32_t line) {
  auto it = cache_.find(path);
  if (it == cache_.end()) {
    std::optional<std::vector<std::string>> lines;
    std::string file = FileFor(path);
    std::error_code ec;
    if (!file.empty() && std::filesystem::is_regular_file(file, ec) &&
        std::filesystem::file_size(file, ec) <= kMaxEvidenceBytes) {
      std::ifstream in(file, std::ios::binary);
      if (in) {
        lines.emplace();
        std::string l;
        while (std::getline(in, l)) {
          if (!l.empty() && l.back() == '\r') l.pop_back();
          lines->push_back(std::move(l));
        }
      }
    }
    it = cache_.emplace(path, std::move(lines)).first;
  }
  if (!it->second || line == 0 || line > it->second->size()) return std::nullopt;
  return (*it->second)[line - 1];
}

std::vector<std::string> UnknownCatalogNameWarnings(const rules::Policy& policy, const Catalog& catalog) {
  rules::CatalogNames names;
  for (const Family& f : catalog.families()) names.families.push_back(f.id);
  for (const Provider& p : catalog.providers()) names.providers.push_back(p.id);
  for (const Publisher& p : catalog.publishers()) names.publishers.push_back(p.id);
  return rules::UnknownCatalogNames(policy, names);
}

}  // namespace modelprov::analysis
