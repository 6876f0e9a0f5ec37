// FileListSource: explicitly named files (how pre-commit passes staged files,
// and how `modelprov scan a.py b.json` works). Paths are reported as given,
// normalised ("./a.py" -> "a.py").
#pragma once

#include <string>
#include <vector>

#include "source/source.h"

namespace modelprov {

class FileListSource final : public Source {
 public:
  explicit FileListSource(std::vector<std::string> paths);

  std::string Describe() const override;
  Status Walk(EntrySink& sink) override;
  Result<std::unique_ptr<Blob>> Open(const Entry& entry) const override;

 private:
  std::vector<std::string> paths_;
};

// "./a//b/" -> "a/b"; keeps leading "../" and "/".
std::string NormalizeDisplayPath(std::string_view path);

}  // namespace modelprov
