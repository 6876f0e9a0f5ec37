#include "analysis/catalog_loader.h"

#include <fstream>
#include <sstream>

namespace modelprov::analysis {

Result<Catalog> LoadCatalog(const std::string& user_file) {
  Result<Catalog> catalog = Catalog::Builtin();
  if (!catalog) return MakeError("built-in catalog is broken: " + catalog.error().message);
  if (user_file.empty()) return catalog;
  std::ifstream in(user_file, std::ios::binary);
  if (!in) return MakeError("cannot read --catalog file " + user_file);
  std::stringstream buf;
  buf << in.rdbuf();
  Result<Catalog> overlay = Catalog::Parse(buf.str(), user_file);
  if (!overlay) return overlay.error();
  catalog->Merge(*overlay);
  Status valid = catalog->Validate();
  if (!valid) return MakeError(user_file + ": " + valid.error().message);
  return catalog;
}

}  // namespace modelprov::analysis
