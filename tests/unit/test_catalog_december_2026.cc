// Issue 12: real model names of December 2026 (Hub ids, Ollama tags, API
// names, API hosts) resolve through the real resolver to the family, the
// publisher's country, the licence or terms and its category that the
// publishers' own pages give, and say on which basis (API terms or weights).
// Names whose licence no primary source in seeds/ gives are listed with
// `unknown`: the resolver must leave their licence empty rather than guess.
// The list lives in tests/data/december-2026-names.tsv.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/resolver.h"

using namespace modelprov;

namespace {

struct NameCase {
  int line = 0;
  std::string name, kind, family, country, license, category, basis;
};

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<NameCase> ReadCases() {
  std::string path = MODELPROV_SOURCE_DIR;
  path.append("/tests/data/december-2026-names.tsv");
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<NameCase> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    INFO("line " << n << ": " << line);
    REQUIRE(f.size() == 7);
    cases.push_back({n, f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return cases;
}

std::optional<Resolution> ResolveCase(const Resolver& r, const NameCase& c) {
  if (c.kind == "hf-model-id") return r.ResolveHubId(c.name, Evidence::kDefinite);
  if (c.kind == "ollama") return r.ResolveOllama(c.name, true);
  if (c.kind == "api-model") return r.ResolveApiModel(c.name, Evidence::kLikely);
  if (c.kind == "api-endpoint") return r.ResolveHost(c.name);
  if (c.kind == "gguf-name") return r.ResolveGgufName(c.name);
  FAIL("line " << c.line << ": unknown kind " << c.kind);
  return std::nullopt;
}

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

TEST_CASE("December 2026 names resolve to their publishers' facts", "[catalog][resolution][december-2026]") {
  std::vector<NameCase> cases = ReadCases();
  REQUIRE(cases.size() >= 120);
  auto catalog = Catalog::Builtin();
  REQUIRE(catalog.ok());
  Resolver resolver(*catalog);
  std::set<std::string> seen;
  size_t wrong = 0, unknown = 0;
  std::string report;
  for (const NameCase& c : cases) {
    CHECK(seen.insert(c.kind + " " + c.name).second);  // no duplicate rows
    if (c.license == "unknown") {
      ++unknown;
      CHECK(c.category == "unknown");
    } else {
      // The expectation itself must name a catalog licence of that category.
      const License* l = catalog->FindLicense(c.license);
      INFO("line " << c.line << ": " << c.license);
      REQUIRE(l != nullptr);
      CHECK(l->category == c.category);
    }
    std::optional<Resolution> r = ResolveCase(resolver, c);
    std::string got = "(unresolved)";
    if (r) {
      std::string category = "unknown";
      if (const License* l = catalog->FindLicense(r->license)) category = l->category;
      got = OrDash(r->family) + "|" + OrDash(r->country) + "|" + (r->license.empty() ? "unknown" : r->license) + "|" +
            category + "|" + (c.basis == "-" ? "-" : OrDash(r->license_basis));
    }
    std::string want = c.family + "|" + c.country + "|" + c.license + "|" + c.category + "|" + c.basis;
    if (got != want) {
      ++wrong;
      report += "line " + std::to_string(c.line) + " " + c.kind + " " + c.name + ": got " + got + ", want " + want + "\n";
    }
  }
  INFO(report);
  CHECK(wrong == 0);
  // The list names what stays unknown instead of leaving it out.
  CHECK(unknown >= 10);
}

// The same model, once as a vendor API name and once as open weights: the
// report must say which terms apply.
TEST_CASE("December 2026: one model through its vendor's API and as weights", "[catalog][api-vs-weights][december-2026]") {
  auto catalog = Catalog::Builtin();
  REQUIRE(catalog.ok());
  Resolver resolver(*catalog);
  struct Pair {
    const char* api;
    const char* hub;
    const char* api_terms;
    const char* weights;
  };
  const Pair pairs[] = {
      {"qwen3-235b-a22b", "Qwen/Qwen3-235B-A22B", "LicenseRef-alibaba-model-studio-terms", "Apache-2.0"},
      {"glm-4.6", "zai-org/GLM-4.6", "LicenseRef-zai-api-terms", "MIT"},
      {"glm-4.5", "zai-org/GLM-4.5", "LicenseRef-zai-api-terms", "MIT"},
      {"MiniMax-M2", "MiniMaxAI/MiniMax-M2", "LicenseRef-minimax-api-terms", "LicenseRef-minimax-m2-modified-mit"},
  };
  for (const Pair& p : pairs) {
    CAPTURE(p.api, p.hub);
    std::optional<Resolution> api = resolver.ResolveApiModel(p.api, Evidence::kLikely);
    std::optional<Resolution> hub = resolver.ResolveHubId(p.hub, Evidence::kDefinite);
    REQUIRE(api);
    REQUIRE(hub);
    CHECK(api->family == hub->family);
    CHECK(api->country == hub->country);
    CHECK(api->license == p.api_terms);
    CHECK(api->license_basis == "api-terms");
    CHECK(hub->license == p.weights);
    CHECK(hub->license_basis == "weights");
  }
}
