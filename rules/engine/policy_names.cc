#include "engine/policy_names.h"

#include <algorithm>
#include <utility>

#include "core/glob.h"
#include "core/text.h"

namespace modelprov::rules {
namespace {

// Up to three ids nearest to `name`, nearest first.
std::string Closest(const std::string& name, const std::vector<std::string>& ids) {
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& id : ids) scored.emplace_back(EditDistance(name, id), id);
  std::sort(scored.begin(), scored.end());
  std::string out;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) out += (out.empty() ? "" : ", ") + scored[i].second;
  return out;
}

void Check(const Condition& c, const Policy& policy, const CatalogNames& known, std::vector<std::string>& out) {
  using T = Condition::Type;
  const std::vector<std::string>* ids = nullptr;
  const char* what = "";
  switch (c.type) {
    case T::kFamily: ids = &known.families; what = "family"; break;
    case T::kProvider: ids = &known.providers; what = "provider"; break;
    case T::kPublisher: ids = &known.publishers; what = "publisher"; break;
    default: break;
  }
  if (ids != nullptr) {
    for (const std::string& v : c.values) {
      if (IEquals(v, "unknown")) continue;
      bool glob = v.find_first_of("*?[") != std::string::npos;
      bool found = std::any_of(ids->begin(), ids->end(), [&](const std::string& id) {
        return glob ? GlobMatch(v, id, CaseSensitivity::kInsensitive) : IEquals(v, id);
      });
      if (found) continue;
      std::string where = policy.origin + (c.line > 0 ? ":" + std::to_string(c.line) : "");
      std::string problem = glob ? "matches no " + std::string(what) + " in the catalog"
                                 : "is not in the catalog";
      out.push_back(where + ": " + what + " '" + v + "' " + problem + " (closest: " + Closest(v, *ids) + ")");
    }
  }
  for (const Condition& child : c.children) Check(child, policy, known, out);
}

}  // namespace

std::vector<std::string> UnknownCatalogNames(const Policy& policy, const CatalogNames& known) {
  std::vector<std::string> out;
  for (const Rule& r : policy.rules) Check(r.when, policy, known, out);
  return out;
}

}  // namespace modelprov::rules
