#include "core/model_summary.h"

#include <iterator>

namespace modelprov {

int LicenseCategoryRank(std::string_view category) {
  static constexpr std::string_view kOrder[] = {"permissive",           "weak-copyleft",         "copyleft",
                                                "responsible-ai",       "restricted-commercial", "proprietary-api-terms",
                                                "non-commercial"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (category == kOrder[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string MoreRestrictiveCategory(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return LicenseCategoryRank(b) > LicenseCategoryRank(a) ? b : a;
}

}  // namespace modelprov
