// Resolver mechanics on a small catalog written here, so the tests pin the
// matching rules independently of how seeds/ evolves.
#include <limits>

#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "catalog/summarize.h"
#include "core/text.h"

using namespace modelprov;

namespace {

const char* kCatalog = R"({
  "publishers": [
    {"id": "acme", "name": "Acme AI", "country": "CN", "hf_orgs": ["acme-ai"], "sources": ["https://example.com/acme"]},
    {"id": "beta", "name": "Beta Labs", "country": "US", "hf_orgs": ["beta"], "sources": ["https://example.com/beta"]}
  ],
  "licenses": [
    {"id": "Apache-2.0", "name": "Apache License 2.0", "spdx": true, "category": "permissive", "hf_ids": ["apache-2.0"], "sources": ["https://spdx.org/licenses/Apache-2.0"]},
    {"id": "LicenseRef-acme", "name": "Acme Model License", "category": "restricted-commercial", "hf_ids": ["acme"], "hf_license_names": ["acme-license"],
     "terms": {"commercial_use": true, "mau_cap": 1000000, "attribution": "Built with Acme", "naming": false}, "sources": ["https://example.com/l"]},
    {"id": "LicenseRef-acme-api", "name": "Acme API terms", "category": "proprietary-api-terms", "sources": ["https://example.com/t"]}
  ],
  "families": [
    {"id": "acme", "name": "Acme", "publisher": "acme", "hf_orgs": ["acme-ai"], "name_patterns": ["acme*"],
     "ollama": ["acme", "acme2"], "api_models": ["acme-chat*", "acme-max"],
     "config": {"model_types": ["acme"], "architectures": ["AcmeForCausalLM"]},
     "fingerprints": [{"model_type": "acme_v2", "architectures": ["BetaForCausalLM"], "vocab_size": 1234, "source": "https://example.com/f"}],
     "license": "Apache-2.0",
     "versions": [{"match": ["acme-70b*"], "license": "LicenseRef-acme", "source": "https://example.com/v"}],
     "base_models": [{"match": ["acme-distill-beta*"], "base": "beta/Beta-8B", "relation": "distillation", "source": "https://example.com/d"}],
     "sources": ["https://example.com/acme"]},
    {"id": "beta", "name": "Beta", "publisher": "beta", "hf_orgs": ["beta"], "name_patterns": ["beta-*"],
     "config": {"architectures": ["BetaForCausalLM"]}, "license": "LicenseRef-acme", "sources": ["https://example.com/beta"]}
  ],
  "providers": [
    {"id": "acme-api", "name": "Acme API", "publisher": "acme", "kind": "vendor", "hosts": ["api.acme.cn", "*.acme-intl.com"],
     "model_patterns": ["acme-chat*"], "prefixes": ["acme/"], "sdk": {"pypi": ["acme_sdk"], "npm": ["openai"]},
     "env_vars": ["ACME_API_KEY"], "data_country": "CN", "host_countries": {"*.acme-intl.com": "SG"},
     "license": "LicenseRef-acme-api", "sources": ["https://example.com/p"]},
    {"id": "gw", "name": "Gateway", "publisher": "beta", "kind": "gateway", "hosts": ["gw.example.com"], "prefixes": ["gw/"],
     "sdk": {"npm": ["openai"]}, "sources": ["https://example.com/gw"]}
  ],
  "republishers": [{"org": "Quantizer", "kind": "quantizer", "sources": ["https://example.com/q"]}]
})";

Catalog Load() {
  auto c = Catalog::Parse(kCatalog, "test");
  REQUIRE(c.ok());
  REQUIRE(c->Validate().ok());
  return *c;
}

ModelReference Ref(ReferenceKind kind, std::string text, Evidence evidence) {
  ModelReference r;
  r.kind = kind;
  r.text = std::move(text);
  r.evidence = evidence;
  return r;
}

}  // namespace

TEST_CASE("name normalisation strips packaging, not identity", "[resolver]") {
  CHECK(NormalizeModelName("Qwen2.5-7B-Instruct-GGUF") == "qwen2.5-7b-instruct");
  CHECK(NormalizeModelName("Llama-3.1-8B-Instruct-Q4_K_M") == "llama-3.1-8b-instruct");
  CHECK(NormalizeModelName("Mistral-7B-v0.3-AWQ") == "mistral-7b-v0.3");
  CHECK(NormalizeModelName("gemma-2-9b-it-bnb-4bit") == "gemma-2-9b-it");
  CHECK(NormalizeModelName("phi-4") == "phi-4");
}

TEST_CASE("hub id splitting and hosts", "[resolver]") {
  std::string org, name;
  CHECK(SplitHubId("https://huggingface.co/acme-ai/Acme-7B/tree/main", &org, &name));
  CHECK(org == "acme-ai");
  CHECK(name == "Acme-7B");
  CHECK_FALSE(SplitHubId("no-slash", &org, &name));
  CHECK(HostOf("https://API.Acme.cn:443/v1?x=1") == "api.acme.cn");
  CHECK(HostOf("user@host.example/x") == "host.example");
}

TEST_CASE("official org, versions and catalog lineage", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  auto a = r.ResolveHubId("acme-ai/Acme-7B", Evidence::kDefinite);
  REQUIRE(a);
  CHECK(a->family == "acme");
  CHECK(a->country == "CN");
  CHECK(a->license == "Apache-2.0");
  CHECK(a->match == "hf-org");
  CHECK(r.ResolveHubId("acme-ai/Acme-70B-Instruct", Evidence::kDefinite)->license == "LicenseRef-acme");
  auto d = r.ResolveHubId("acme-ai/acme-distill-beta-8b", Evidence::kDefinite);
  REQUIRE(d);
  REQUIRE(d->lineage.size() == 1);
  CHECK(d->lineage[0].model == "beta/Beta-8B");
  CHECK(d->lineage[0].relation == "distillation");
  CHECK(d->lineage[0].family == "beta");
  CHECK(d->lineage[0].license == "LicenseRef-acme");
}

TEST_CASE("re-publishers and unknown orgs", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  auto q = r.ResolveHubId("Quantizer/Acme-70B-GGUF", Evidence::kPossible);
  REQUIRE(q);
  CHECK(q->family == "acme");
  CHECK(q->republisher == "Quantizer");
  CHECK(q->license == "LicenseRef-acme");
  CHECK(q->lineage.at(0).relation == "quantized");
  // someone's fine-tune: kept when the slot says it is a model, not when bare
  CHECK(r.ResolveHubId("someone/acme-7b-finetuned", Evidence::kLikely)->match == "name-pattern");
  CHECK_FALSE(r.ResolveHubId("someone/acme-7b-finetuned", Evidence::kPossible));
  CHECK_FALSE(r.ResolveHubId("application/json", Evidence::kPossible));
}

TEST_CASE("API models, gateways and Ollama tags", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  auto m = r.ResolveApiModel("acme-chat-v2", Evidence::kPossible);
  REQUIRE(m);
  CHECK(m->family == "acme");
  CHECK(m->provider == "acme-api");
  CHECK(m->license == "LicenseRef-acme-api");
  auto g = r.ResolveApiModel("gw/acme-ai/acme-7b", Evidence::kLikely);
  REQUIRE(g);
  CHECK(g->family == "acme");
  CHECK(g->provider == "gw");
  CHECK(g->model == "acme-ai/acme-7b");
  CHECK_FALSE(r.ResolveApiModel("acme2", Evidence::kPossible));  // Ollama names need a model slot
  auto o = r.ResolveApiModel("acme2:7b", Evidence::kLikely);
  REQUIRE(o);
  CHECK(o->match == "ollama");
  CHECK(o->license == "Apache-2.0");
  CHECK_FALSE(r.ResolveApiModel("utf-8", Evidence::kPossible));
}

TEST_CASE("hosts and SDK packages", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  auto h = r.ResolveHost("https://eu.acme-intl.com/v1");
  REQUIRE(h);
  CHECK(h->provider == "acme-api");
  CHECK(h->family == "acme");  // the vendor publishes one family
  CHECK_FALSE(r.ResolveHost("https://example.org"));
  CHECK(r.ResolvePackage("pypi", "Acme-SDK")->provider == "acme-api");
  CHECK_FALSE(r.ResolvePackage("npm", "acme_sdk"));
}

TEST_CASE("config fingerprints beat architecture names", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference cfg = Ref(ReferenceKind::kModelConfig, "acme_v2", Evidence::kDefinite);
  SetFactsFromPairs(cfg, {{"model_type", "acme_v2"}, {"architectures", "BetaForCausalLM"}, {"vocab_size", "1234"}});
  auto a = r.Resolve(cfg);
  REQUIRE(a->resolution);
  CHECK(a->resolution->family == "acme");
  CHECK(a->resolution->match == "fingerprint model_type=acme_v2 architectures=BetaForCausalLM vocab_size=1234");
  SetFactsFromPairs(cfg, {{"model_type", "other"}, {"architectures", "BetaForCausalLM"}, {"vocab_size", "99"}});
  CHECK(r.Resolve(cfg)->resolution->family == "beta");
  SetFactsFromPairs(cfg, {{"model_type", "unknown"}});
  auto none = r.Resolve(cfg);
  REQUIRE(none);  // definite: kept even though unknown
  CHECK_FALSE(none->resolution);
}

TEST_CASE("evidence decides what is dropped", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  CHECK_FALSE(r.Resolve(Ref(ReferenceKind::kApiModel, "my-model-1", Evidence::kLikely)));
  auto unknown_hub = r.Resolve(Ref(ReferenceKind::kHfModelId, "corp/internal-bert", Evidence::kDefinite));
  REQUIRE(unknown_hub);
  CHECK(unknown_hub->resolution->model == "corp/internal-bert");
  CHECK(unknown_hub->resolution->family.empty());
  // LiteLLM-style provider/model in a model slot becomes an api-model
  auto lite = r.Resolve(Ref(ReferenceKind::kHfModelId, "acme/acme-chat", Evidence::kLikely));
  REQUIRE(lite);
  CHECK(lite->ref.kind == ReferenceKind::kApiModel);
  CHECK(lite->resolution->provider == "acme-api");
}

TEST_CASE("model card license ids", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  CHECK(r.LicenseFromCard("apache-2.0", "") == "Apache-2.0");
  CHECK(r.LicenseFromCard("other", "acme-license") == "LicenseRef-acme");
  CHECK(r.LicenseFromCard("other", "nope").empty());
}

TEST_CASE("catalog parse errors name the field", "[catalog]") {
  auto bad = Catalog::Parse(R"({"families": [{"id": "x", "name": "X", "publisher": 3}]})", "user.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "user.json: families[0].publisher: expected a string or null");
  auto missing = Catalog::Parse(R"({"licenses": [{"id": "x"}]})", "user.json");
  CHECK(missing.error().message == "user.json: licenses[0].name: missing");
  auto dangling = Catalog::Parse(R"({"families": [{"id": "x", "name": "X", "publisher": "nobody", "name_patterns": []}]})", "u");
  REQUIRE(dangling.ok());
  CHECK(dangling->Validate().error().message == "family x: unknown publisher 'nobody'");
  auto typo = Catalog::Parse(R"({"famlies": []})", "user.json");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().message ==
        "user.json: unknown top-level key 'famlies' (expected publishers, licenses, families, providers or republishers)");
}

TEST_CASE("revenue caps and display duties are read as amounts and thresholds", "[catalog]") {
  auto c = Catalog::Parse(R"({"licenses": [
    {"id": "LicenseRef-a", "name": "A", "category": "permissive", "sources": ["x"], "terms": {
      "revenue_cap": {"amount": 20000000, "currency": "EUR", "period": "month"},
      "attribution": {"text": "show it", "display": "Model A",
                      "above": {"monthly_active_users": 100000000,
                                "revenue": {"amount": 30000000, "currency": "USD", "period": "year"}}}}},
    {"id": "LicenseRef-b", "name": "B", "category": "permissive", "sources": ["x"], "terms": {
      "revenue_cap": {"usd": 1000000, "period": "year"}, "attribution": {"text": "always", "display": "Model B"}}}]})",
                          "user.json");
  REQUIRE(c.ok());
  const LicenseTerms& a = c->FindLicense("LicenseRef-a")->terms;
  REQUIRE(a.revenue_cap.money);
  CHECK(*a.revenue_cap.money == MoneyAmount{20000000, "EUR", "month"});
  CHECK(a.revenue_cap.number == 20000000);
  CHECK(a.revenue_cap.text == "EUR 20,000,000 per month");
  CHECK(GroupThousands(-1234567) == "-1,234,567");
  CHECK(GroupThousands(std::numeric_limits<int64_t>::min()) == "-9,223,372,036,854,775,808");
  CHECK(GroupThousands(999) == "999");
  CHECK(a.attribution.display == "Model A");
  REQUIRE(a.attribution.above);
  CHECK(DescribeThreshold(*a.attribution.above) == "above 100,000,000 monthly active users or USD 30,000,000 per year in revenue");
  // The {"usd": N} spelling of older overlays is US dollars.
  const LicenseTerms& b = c->FindLicense("LicenseRef-b")->terms;
  CHECK(*b.revenue_cap.money == MoneyAmount{1000000, "USD", "year"});
  CHECK_FALSE(b.attribution.above);

  auto currency = Catalog::Parse(R"({"licenses": [{"id": "x", "name": "X", "category": "permissive", "terms": {
      "revenue_cap": {"amount": 5, "currency": "dollars", "period": "month"}}}]})", "u.json");
  REQUIRE_FALSE(currency.ok());
  CHECK(currency.error().message == "u.json: licenses[0].terms.revenue_cap: currency must be an ISO 4217 code such as USD");
  auto period = Catalog::Parse(R"({"licenses": [{"id": "x", "name": "X", "category": "permissive", "terms": {
      "revenue_cap": {"amount": 5, "currency": "USD", "period": "week"}}}]})", "u.json");
  CHECK(period.error().message == "u.json: licenses[0].terms.revenue_cap: period must be month or year");
  auto empty_above = Catalog::Parse(R"({"licenses": [{"id": "x", "name": "X", "category": "permissive", "terms": {
      "attribution": {"text": "t", "display": "D", "above": {}}}}]})", "u.json");
  CHECK(empty_above.error().message == "u.json: licenses[0].terms.attribution: above: name monthly_active_users or revenue");
}

TEST_CASE("inherited revenue caps compare only in one currency and period", "[resolver][lineage]") {
  auto cap = [](int64_t amount, const char* currency, const char* period) {
    TermValue v = PresentTerm(DescribeMoney({amount, currency, period}), amount);
    v.money = MoneyAmount{amount, currency, period};
    return v;
  };
  TermMap a{{"revenue_cap", cap(1000000, "USD", "year")}};
  MergeTerms(a, {{"revenue_cap", cap(500000, "USD", "year")}});
  CHECK(a.at("revenue_cap").text == "USD 500,000 per year");
  MergeTerms(a, {{"revenue_cap", cap(100, "EUR", "month")}});
  CHECK(a.at("revenue_cap").text == "USD 500,000 per year; EUR 100 per month");
}

TEST_CASE("user overlay replaces entries by id", "[catalog]") {
  Catalog c = Load();
  auto overlay = Catalog::Parse(R"({"publishers": [{"id": "acme", "name": "Acme Renamed", "country": "SG", "sources": ["x"]}]})", "o");
  REQUIRE(overlay.ok());
  c.Merge(*overlay);
  CHECK(c.FindPublisher("acme")->country == "SG");
  CHECK(c.publishers().size() == 2);
}

TEST_CASE("a fine-tune folder is its own model and inherits its base's terms", "[resolver][lineage]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference card = Ref(ReferenceKind::kModelCard, "acme-ai/Acme-70B", Evidence::kDefinite);
  card.location.path = "models/bot/README.md";
  SetFactsFromPairs(card, {{"license", "apache-2.0"}, {"base_model", "acme-ai/Acme-70B"}, {"base_model_relation", "adapter"}});
  ModelReference adapter = Ref(ReferenceKind::kAdapterConfig, "acme-ai/Acme-70B", Evidence::kDefinite);
  adapter.location.path = "models/bot/adapter_config.json";
  std::vector<ResolvedReference> refs{*r.Resolve(adapter), *r.Resolve(card)};
  CHECK(refs[0].resolution->model == "local:models/bot");
  CHECK(refs[0].resolution->license == "LicenseRef-acme");  // an adapter declares nothing: base license
  CHECK(refs[1].resolution->license == "Apache-2.0");       // the card's own claim
  REQUIRE(refs[1].resolution->lineage.size() == 1);
  CHECK(refs[1].resolution->lineage[0].relation == "adapter");
  CHECK(refs[1].resolution->lineage[0].license == "LicenseRef-acme");
  auto models = SummarizeModels(refs, c);
  REQUIRE(models.size() == 1);
  const ModelSummary& m = models[0];
  CHECK(m.license == "Apache-2.0");
  CHECK(m.family == "acme");
  CHECK(m.kinds == std::vector<std::string>{"adapter-config", "model-card"});
  // Apache-2.0 has no user cap, but the Acme license of the base does.
  CHECK(m.terms.at("mau_cap").number == 1000000);
  CHECK(m.terms.at("attribution").text == "Built with Acme");
  CHECK(m.terms.at("naming").state == TermValue::State::kAbsent);
  // Which licence imposes each term: the cap and the attribution are the
  // base's, not the card's Apache-2.0.
  CHECK(m.terms.at("mau_cap").licenses == std::vector<std::string>{"LicenseRef-acme"});
  CHECK(m.terms.at("attribution").licenses == std::vector<std::string>{"LicenseRef-acme"});
  // The scan carries the facts of every license, own or inherited.
  std::map<std::string, LicenseFacts> licenses = SummarizeLicenses(refs, models, c);
  REQUIRE(licenses.size() == 2);
  CHECK(licenses.at("Apache-2.0").spdx);
  CHECK(licenses.at("Apache-2.0").category == "permissive");
  const LicenseFacts& acme = licenses.at("LicenseRef-acme");
  CHECK(acme.name == c.FindLicense("LicenseRef-acme")->name);
  CHECK(acme.url == c.FindLicense("LicenseRef-acme")->url);
  CHECK(acme.terms.at("mau_cap").number == 1000000);
  CHECK(acme.terms.count("commercial_use") == TermsOf(*c.FindLicense("LicenseRef-acme")).count("commercial_use"));
}

TEST_CASE("a card that names its base without a relation is an adapter when the folder has adapter_config.json",
          "[resolver][lineage]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference card = Ref(ReferenceKind::kModelCard, "acme-ai/Acme-70B", Evidence::kDefinite);
  card.location.path = "models/bot/README.md";
  SetFactsFromPairs(card, {{"license", "apache-2.0"}, {"base_model", "acme-ai/Acme-70B"}});
  ModelReference adapter = Ref(ReferenceKind::kAdapterConfig, "acme-ai/Acme-70B", Evidence::kDefinite);
  adapter.location.path = "models/bot/adapter_config.json";
  // The card comes first (README.md sorts before adapter_config.json).
  std::vector<ResolvedReference> refs{*r.Resolve(card), *r.Resolve(adapter)};
  REQUIRE(refs[0].resolution->lineage.size() == 1);
  CHECK(refs[0].resolution->lineage[0].relation == "finetune");  // all a card without a relation says
  auto models = SummarizeModels(refs, c);
  REQUIRE(models.size() == 1);
  REQUIRE(models[0].lineage.size() == 1);
  CHECK(models[0].lineage[0].relation == "adapter");
  CHECK(models[0].lineage[0].source == "adapter_config.json");
  CHECK(models[0].license == "Apache-2.0");

  // A card that states its relation keeps it.
  SetFactsFromPairs(card, {{"license", "apache-2.0"}, {"base_model", "acme-ai/Acme-70B"}, {"base_model_relation", "merge"}});
  refs = {*r.Resolve(card), *r.Resolve(adapter)};
  CHECK(SummarizeModels(refs, c).at(0).lineage.at(0).relation == "merge");
}

TEST_CASE("terms merge keeps the strictest", "[summarize]") {
  TermMap a{{"commercial_use", PresentTerm("yes")},
            {"mau_cap", PresentTerm("700000000", 700000000)},
            {"attribution", PresentTerm("A")}};
  TermMap b{{"commercial_use", PresentTerm("no")},
            {"mau_cap", PresentTerm("100000000", 100000000)},
            {"attribution", PresentTerm("B")},
            {"naming", AbsentTerm()}};
  for (auto& [key, v] : a) v.licenses = {"own"};
  for (auto& [key, v] : b) v.licenses = {"base"};
  b["output_use"] = PresentTerm("no outputs to train other models");
  b["output_use"].licenses = {"base"};
  a["output_use"] = PresentTerm("no outputs to train other models");
  a["output_use"].licenses = {"own"};
  MergeTerms(a, b);
  CHECK(a["commercial_use"].text == "no");
  CHECK(a["mau_cap"].number == 100000000);
  CHECK(a["attribution"].text == "A; B");
  CHECK(a["naming"].state == TermValue::State::kAbsent);
  // The stricter term is the base's; joined or identical terms are both licences'.
  CHECK(a["commercial_use"].licenses == std::vector<std::string>{"base"});
  CHECK(a["mau_cap"].licenses == std::vector<std::string>{"base"});
  CHECK(a["attribution"].licenses == std::vector<std::string>{"own", "base"});
  CHECK(a["output_use"].licenses == std::vector<std::string>{"own", "base"});
}

TEST_CASE("a single-family org's other models get its publisher, not the family's license", "[resolver]") {
  // google/flan-t5 is Google's but not Gemma: the family (and its license) needs a name or version match.
  Catalog c = Load();
  Resolver r(c);
  auto other = r.ResolveHubId("acme-ai/Widget-Base", Evidence::kDefinite);
  REQUIRE(other);
  CHECK(other->publisher == "acme");
  CHECK(other->family.empty());
  CHECK(other->license.empty());
  CHECK(r.ResolveHubId("acme-ai/Acme-7B", Evidence::kDefinite)->family == "acme");
}

TEST_CASE("a re-upload's lineage names the upstream repository", "[resolver][lineage]") {
  CHECK(StripPackagingSuffixes("Qwen2.5-7B-Instruct-GGUF") == "Qwen2.5-7B-Instruct");
  CHECK(StripPackagingSuffixes("Meta-Llama-3.1-8B-Instruct-Q4_K_M") == "Meta-Llama-3.1-8B-Instruct");
  Catalog c = Load();
  Resolver r(c);
  auto q = r.ResolveHubId("Quantizer/Acme-70B-Instruct-GGUF", Evidence::kDefinite);
  REQUIRE(q);
  REQUIRE_FALSE(q->lineage.empty());
  CHECK(q->lineage[0].model == "acme-ai/Acme-70B-Instruct");
  CHECK(q->lineage[0].relation == "quantized");
}

TEST_CASE("files at an archive's root are the archive's model", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference cfg = Ref(ReferenceKind::kModelConfig, "acme", Evidence::kDefinite);
  SetFactsFromPairs(cfg, {{"model_type", "acme"}});
  cfg.location.path = "dist/x.zip!/config.json";
  CHECK(r.Resolve(cfg)->resolution->model == "local:dist/x.zip!");
  cfg.location.path = "dist/x.zip!/m/config.json";
  CHECK(r.Resolve(cfg)->resolution->model == "local:dist/x.zip!/m");
  cfg.location.path = "config.json";
  CHECK(r.Resolve(cfg)->resolution->model == "local:.");
}

TEST_CASE("safetensors metadata and embedding size resolve the folder's model", "[resolver]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference st = Ref(ReferenceKind::kSafetensors, "acme-ai/Acme-70B", Evidence::kDefinite);
  st.location.path = "models/m/model.safetensors";
  SetFactsFromPairs(st, {{"base_model", "acme-ai/Acme-70B"}, {"license", "apache-2.0"}});
  auto based = r.Resolve(st);
  REQUIRE(based->resolution);
  CHECK(based->resolution->model == "local:models/m");
  CHECK(based->resolution->family == "acme");
  CHECK(based->resolution->license == "Apache-2.0");  // the file's own declaration
  REQUIRE(based->resolution->lineage.size() == 1);
  CHECK(based->resolution->lineage[0].license == "LicenseRef-acme");
  SetFactsFromPairs(st, {{"vocab_size", "1234"}, {"architecture_hints", "llama-style-decoder"}});
  auto by_vocab = r.Resolve(st);
  REQUIRE(by_vocab->resolution);
  CHECK(by_vocab->resolution->family == "acme");
  CHECK(by_vocab->resolution->confidence < 0.7);
  SetFactsFromPairs(st, {{"vocab_size", "32000"}});
  auto unknown = r.Resolve(st);
  REQUIRE(unknown);  // definite: kept, unresolved
  CHECK_FALSE(unknown->resolution);
}

TEST_CASE("a card declaring a license the catalog cannot map leaves it unknown", "[resolver][lineage]") {
  Catalog c = Load();
  Resolver r(c);
  ModelReference card = Ref(ReferenceKind::kModelCard, "acme-ai/Acme-70B", Evidence::kDefinite);
  card.location.path = "models/bot/README.md";
  SetFactsFromPairs(card, {{"license", "other"}, {"license_name", "our-own"}, {"base_model", "acme-ai/Acme-70B"}});
  ModelReference adapter = Ref(ReferenceKind::kAdapterConfig, "acme-ai/Acme-70B", Evidence::kDefinite);
  adapter.location.path = "models/bot/adapter_config.json";
  std::vector<ResolvedReference> refs{*r.Resolve(adapter), *r.Resolve(card)};
  CHECK(refs[1].resolution->license.empty());
  auto models = SummarizeModels(refs, c);
  REQUIRE(models.size() == 1);
  CHECK(models[0].license.empty());                          // not the base's LicenseRef-acme
  CHECK(models[0].terms.at("mau_cap").number == 1000000);    // whose terms still bind it
}

TEST_CASE("a folder's license: the card's, then its LICENSE text, then what was inferred", "[summarize]") {
  Catalog c = Load();
  auto at = [](ReferenceKind kind, std::string path, std::string license) {
    ResolvedReference r;
    r.ref.kind = kind;
    r.ref.location.path = std::move(path);
    r.resolution = Resolution{};
    r.resolution->model = "local:m";
    r.resolution->license = std::move(license);
    return r;
  };
  std::vector<ResolvedReference> refs{at(ReferenceKind::kModelConfig, "m/config.json", "LicenseRef-acme"),
                                      at(ReferenceKind::kLicenseFile, "m/LICENSE", "Apache-2.0")};
  CHECK(SummarizeModels(refs, c).at(0).license == "Apache-2.0");
  std::swap(refs[0], refs[1]);
  CHECK(SummarizeModels(refs, c).at(0).license == "Apache-2.0");
  refs.push_back(at(ReferenceKind::kModelCard, "m/README.md", "LicenseRef-acme"));
  CHECK(SummarizeModels(refs, c).at(0).license == "LicenseRef-acme");
}

TEST_CASE("cloud model ids that put the vendor first", "[resolver]") {
  // Bedrock writes "meta.llama3-1-70b-instruct-v1:0" and "us.anthropic.claude-...".
  Catalog c = Load();
  Resolver r(c);
  for (const char* id : {"gw/beta.acme-chat-v2", "gw/us.beta.acme-chat-v2:0"}) {
    INFO(id);
    auto m = r.ResolveApiModel(id, Evidence::kLikely);
    REQUIRE(m);
    CHECK(m->family == "acme");
    CHECK(m->provider == "gw");
  }
  CHECK(r.ResolveApiModel("gw/nobody.acme-chat-v2", Evidence::kLikely)->family.empty());
}

TEST_CASE("a regional endpoint's own data country", "[resolver][summarize]") {
  Catalog c = Load();
  Resolver r(c);
  auto intl = r.ResolveHost("https://eu.acme-intl.com/v1");
  REQUIRE(intl);
  CHECK(intl->data_country == "SG");
  auto home = r.ResolveHost("api.acme.cn");
  REQUIRE(home);
  CHECK(home->data_country.empty());
  std::vector<ResolvedReference> refs(2);
  refs[0].resolution = *intl;
  refs[1].resolution = *home;
  auto models = SummarizeModels(refs, c);
  REQUIRE(models.size() == 2);
  CHECK(models[0].id == "api.acme.cn");
  CHECK(models[0].data_country == "CN");  // the provider's
  CHECK(models[1].data_country == "SG");  // the region's
}
