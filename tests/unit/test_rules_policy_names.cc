// Names a policy uses that the catalog does not know.
#include <catch2/catch.hpp>

#include "engine/policy_names.h"

using namespace modelprov::rules;

TEST_CASE("unknown family, provider and publisher values are warned about with the closest ids", "[rules][policy]") {
  auto policy = LoadPolicy(R"(rules:
  - id: a
    severity: error
    message: x
    when:
      any:
        - family: [lama, qwen, unknown]
        - provider: "open*"
        - publisher: "zz*"
        - not: { lineage: { family: mistrall } }
)",
                           "p.yml");
  REQUIRE(policy);
  CatalogNames known{{"llama", "qwen", "mistral", "gemma"}, {"openai", "deepseek"}, {"meta", "alibaba"}};
  std::vector<std::string> w = UnknownCatalogNames(*policy, known);
  REQUIRE(w.size() == 3);
  CHECK(w[0] == "p.yml:7: family 'lama' is not in the catalog (closest: llama, gemma, qwen)");
  CHECK(w[1] == "p.yml:9: publisher 'zz*' matches no publisher in the catalog (closest: meta, alibaba)");
  CHECK(w[2] == "p.yml:10: family 'mistrall' is not in the catalog (closest: mistral, gemma, llama)");
}

TEST_CASE("calendar dates: impossible days are errors, leap days are not", "[rules][policy]") {
  const std::string head = "rules:\n  - id: r\n    severity: note\n    message: x\nwaivers:\n  - rule: r\n    model: m\n"
                           "    reason: y\n    expires: ";
  CHECK(LoadPolicy(head + "2028-02-29\n", "p"));
  CHECK_FALSE(LoadPolicy(head + "2027-02-29\n", "p"));
  CHECK_FALSE(LoadPolicy(head + "2027-04-31\n", "p"));
  CHECK_FALSE(LoadPolicy(head + "2100-02-29\n", "p"));
  CHECK(LoadPolicy(head + "2000-02-29\n", "p"));
  CHECK(LoadPolicy(head + "2027-12-31\n", "p"));
}
