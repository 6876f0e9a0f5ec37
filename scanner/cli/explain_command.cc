#include "cli/explain_command.h"

#include <algorithm>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "catalog/resolver.h"
#include "catalog/summarize.h"
#include "analysis/catalog_loader.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "analysis/policy_loader.h"
#include "core/text.h"
#include "engine/evaluator.h"
#include "report/scan_json.h"

namespace modelprov::cli {
namespace {

using nlohmann::json;

struct Explained {
  std::string what;  // "license", "family", "api-model", "hf-model-id", "ollama", "provider-host"
  std::string kind;  // reference kind policies see
  std::string match; // catalog matcher that decided
  ModelSummary model;
  // Which terms `model.license` is: "api-terms" (the name goes through the
  // vendor's hosted API) or "weights" (the open-weights licence); empty when
  // the resolution does not say.
  std::string license_basis;
  // For a family id: its per-version licenses, which a bare family has no
  // single answer for.
  std::vector<VersionRule> versions;
};

bool Known(const Resolution& r) {
  return !r.family.empty() || !r.publisher.empty() || !r.provider.empty() || !r.license.empty();
}

Explained FromResolution(const Resolution& r, ReferenceKind kind, std::string what, const Catalog& catalog) {
  ResolvedReference rr;
  rr.ref.kind = kind;
  rr.ref.text = r.model;
  rr.resolution = r;
  std::vector<ModelSummary> summaries = SummarizeModels({rr}, catalog);
  Explained e;
  e.what = std::move(what);
  e.kind = std::string(KindName(kind));
  e.match = r.match;
  e.license_basis = r.license_basis;
  e.model = summaries.empty() ? ModelSummary{} : summaries.front();
  e.model.occurrences.clear();
  return e;
}

Explained FromLicense(const License& l) {
  Explained e;
  e.what = "license";
  e.match = "license-id";
  e.model.id = l.id;
  e.model.license = l.id;
  e.model.license_name = l.name;
  e.model.license_category = l.category;
  e.model.effective_license_category = l.category;
  e.model.terms = TermsOf(l);
  e.model.sources = l.sources;
  return e;
}

Explained FromPublisher(const Publisher& p) {
  Explained e;
  e.what = "publisher";
  e.match = "publisher";
  e.model.id = p.id;
  e.model.publisher = p.id;
  e.model.publisher_name = p.name;
  e.model.country = p.country;
  e.model.sources = p.sources;
  return e;
}

Explained FromFamily(const Family& f, const Catalog& catalog) {
  Resolution r;
  r.model = f.id;
  r.family = f.id;
  r.publisher = f.publisher;
  if (const Publisher* p = catalog.FindPublisher(f.publisher)) {
    r.publisher_name = p->name;
    r.country = p->country;
  }
  r.license = f.license;
  r.match = "family-id";
  Explained e = FromResolution(r, ReferenceKind::kHfModelId, "family", catalog);
  e.versions = f.versions;
  return e;
}

std::optional<Explained> Lookup(const std::string& name, const Resolver& resolver) {
  const Catalog& catalog = resolver.catalog();
  if (const License* l = catalog.FindLicense(name)) return FromLicense(*l);
  if (const Family* f = catalog.FindFamily(ToLower(name))) return FromFamily(*f, catalog);
  bool has_slash = name.find('/') != std::string::npos;
  bool url = name.find("://") != std::string::npos;
  if (url || (!has_slash && name.find('.') != std::string::npos && name.find(':') == std::string::npos)) {
    if (auto r = resolver.ResolveHost(name); r && Known(*r)) {
      return FromResolution(*r, ReferenceKind::kApiEndpoint, "provider-host", catalog);
    }
  }
  // A Hub repo name has no ':', so "google/learnlm-1.5-pro-experimental:free"
  // is read as the scan reads it in a model= slot: a gateway's model id.
  if (has_slash && !url && name.find(':') == std::string::npos) {
    // As a scan would read it in a model= slot: "openrouter/qwen/..." and
    // "deepseek/deepseek-chat" are gateway/LiteLLM names, not Hub ids.
    ModelReference slot;
    slot.kind = ReferenceKind::kHfModelId;
    slot.text = name;
    slot.evidence = Evidence::kLikely;
    if (auto rr = resolver.Resolve(slot); rr && rr->resolution && Known(*rr->resolution) &&
                                          rr->ref.kind == ReferenceKind::kApiModel) {
      return FromResolution(*rr->resolution, ReferenceKind::kApiModel, "api-model", catalog);
    }
    if (auto r = resolver.ResolveHubId(name, Evidence::kDefinite); r && Known(*r)) {
      return FromResolution(*r, ReferenceKind::kHfModelId, "hf-model-id", catalog);
    }
  }
  std::optional<Resolution> api = resolver.ResolveApiModel(name, Evidence::kLikely);
  // A name read only by its family's grammar says less than a catalog entry
  // (no lineage, presumed licence): the other readings go first, and it is
  // the last resort, only for names with a version digit (a typo such as
  // "deepseek-chta" stays unknown).
  std::optional<Resolution> by_grammar;
  if (api && (api->match == "family-grammar" || api->match == "ollama-grammar")) {
    if (name.find_first_of("0123456789") != std::string::npos) by_grammar = api;
    api.reset();
  }
  if (api && Known(*api) && !api->family.empty()) {
    if (api->match == "ollama") return FromResolution(*api, ReferenceKind::kModelfile, "ollama", catalog);
    return FromResolution(*api, ReferenceKind::kApiModel, "api-model", catalog);
  }
  // A Hub model name without its org that a provider also serves
  // ("Kimi-K2-Instruct"): the open weights' family and license say more than
  // the hosted API's terms. Only names some provider recognises qualify, so a
  // typo is still reported as unknown.
  if (!has_slash && api && Known(*api)) {
    if (auto r = resolver.ResolveHubId(name, Evidence::kLikely); r && !r->family.empty()) {
      return FromResolution(*r, ReferenceKind::kHfModelId, "hf-model-id", catalog);
    }
  }
  if (api && Known(*api)) return FromResolution(*api, ReferenceKind::kApiModel, "api-model", catalog);
  if (auto r = resolver.ResolveOllama(name); r && Known(*r)) {
    return FromResolution(*r, ReferenceKind::kModelfile, "ollama", catalog);
  }
  // A model name without its org ("Llama-3.3-70B-Instruct"), a GGUF
  // general.name ("Meta Llama 3.1 8B Instruct") or a weight file's name.
  // Model names carry a version or a size ("Qwen2.5-72B-Instruct"); without a
  // digit a name is more likely a typo of an API name ("deepseek-chta"), which
  // must stay unknown rather than match a family's "deepseek*" pattern.
  bool has_digit = name.find_first_of("0123456789") != std::string::npos;
  if (!has_slash && !url && has_digit) {
    std::string bare = name;
    for (std::string_view ext : {".gguf", ".safetensors", ".bin"}) {
      if (bare.size() > ext.size() && IEquals(std::string_view(bare).substr(bare.size() - ext.size()), ext)) {
        bare.resize(bare.size() - ext.size());
      }
    }
    if (auto r = resolver.ResolveHubId(bare, Evidence::kDefinite); r && !r->family.empty()) {
      return FromResolution(*r, ReferenceKind::kHfModelId, "model-name", catalog);
    }
    if (auto r = resolver.ResolveGgufName(bare); r && !r->family.empty()) {
      return FromResolution(*r, ReferenceKind::kGguf, "gguf-name", catalog);
    }
  }
  if (by_grammar && Known(*by_grammar)) {
    bool ollama = by_grammar->match == "ollama-grammar";
    return FromResolution(*by_grammar, ollama ? ReferenceKind::kModelfile : ReferenceKind::kApiModel,
                          ollama ? "ollama" : "api-model", catalog);
  }
  // A publisher by id, alias or Hub org ("mistralai", "deepseek-ai").
  for (const Publisher& p : catalog.publishers()) {
    if (IEquals(p.id, name) || IContainsElement(p.aliases, name) || IContainsElement(p.hf_orgs, name)) return FromPublisher(p);
  }
  // A model card's license value ("llama3.1", "apache-2.0", "other" + name).
  if (const License* l = catalog.FindLicense(resolver.LicenseFromCard(name, name))) return FromLicense(*l);
  return std::nullopt;
}

// Literal prefix of a glob pattern ("deepseek-*" -> "deepseek-"), trimmed of
// a trailing separator so it reads as a name.
std::string LiteralPrefix(const std::string& pattern) {
  std::string p = pattern.substr(0, pattern.find_first_of("*?"));
  while (!p.empty() && (p.back() == '-' || p.back() == '.' || p.back() == '/' || p.back() == ':')) p.pop_back();
  return p;
}

std::optional<Explained> Lookup(const std::string& name, const Resolver& resolver);

std::vector<std::string> ClosestNames(const std::string& name, const Resolver& resolver) {
  const Catalog& catalog = resolver.catalog();
  std::set<std::string> names;
  auto add = [&names](const std::string& n) {
    if (!n.empty()) names.insert(n);
  };
  for (const Family& f : catalog.families()) {
    add(f.id);
    for (const std::string& o : f.ollama) add(o);
    for (const std::string& p : f.api_models) add(LiteralPrefix(p));
  }
  for (const Provider& p : catalog.providers()) {
    for (const std::string& h : p.hosts) {
      if (h.find_first_of("*?") == std::string::npos) add(h);
    }
    for (const std::string& m : p.model_patterns) add(LiteralPrefix(m));
  }
  for (const License& l : catalog.licenses()) add(l.id);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& n : names) scored.emplace_back(EditDistance(name, n), n);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  // Only names explain itself knows: a pattern's literal prefix ("mistralai")
  // is not always a name on its own.
  for (size_t i = 0; i < scored.size() && out.size() < 3; ++i) {
    if (Lookup(scored[i].second, resolver)) out.push_back(scored[i].second);
  }
  return out;
}

std::string OrUnknown(const std::string& s) { return s.empty() ? "unknown" : s; }

std::string TermText(const TermValue& v) {
  if (v.state == TermValue::State::kAbsent) return "no";
  if (v.state == TermValue::State::kUnknown) return "unknown";
  if (v.money) return v.text;  // "USD 1,000,000 per year"
  if (!v.display.empty()) return DescribeDisplayDuty(v);
  if (v.number != 0 && (v.text.empty() || v.text == std::to_string(v.number))) return std::to_string(v.number);
  if (v.number != 0) return std::to_string(v.number) + " (" + v.text + ")";
  return v.text.empty() ? "yes" : v.text;
}

void WriteText(const std::string& name, const Explained& e, const rules::Policy& policy,
               const std::vector<Finding>& findings, const rules::PolicyEvaluator& evaluator, std::ostream& out) {
  const ModelSummary& m = e.model;
  out << name << ": " << e.what << (e.match.empty() ? "" : " (matched by " + e.match + ")") << "\n";
  if (m.id != name) out << "  model:            " << m.id << "\n";
  if (e.match.size() > 8 && e.match.compare(e.match.size() - 8, 8, "-grammar") == 0) {
    out << "  version:          not in the catalog (the name fits the family's naming grammar; the licence is\n"
           "                    the family's default, presumed, unless the provider's API terms apply)\n";
  }
  if (e.what != "license") {
    out << "  family:           " << OrUnknown(m.family) << (m.family_name.empty() ? "" : " (" + m.family_name + ")")
        << "\n";
    out << "  publisher:        " << OrUnknown(m.publisher_name.empty() ? m.publisher : m.publisher_name)
        << (m.publisher.empty() || m.publisher_name.empty() ? "" : " (" + m.publisher + ")") << "\n";
    out << "  country:          " << OrUnknown(m.country) << "\n";
  }
  out << "  license:          " << OrUnknown(m.license) << (m.license_name.empty() ? "" : " (" + m.license_name + ")")
      << "\n";
  if (!m.license_category.empty()) out << "  license category: " << m.license_category << "\n";
  if (e.license_basis == "api-terms") {
    out << "  license basis:    api-terms (the name is used through "
        << (m.provider_name.empty() ? std::string("the vendor's hosted API") : m.provider_name)
        << ", whose terms bind it; an open-weights\n"
           "                    licence of the same model applies only to self-hosted weights)\n";
  } else if (e.license_basis == "weights") {
    out << "  license basis:    weights (the licence of the open-weights checkpoint; a hosted API that serves\n"
           "                    the same model is bound by that API's own terms instead)\n";
  }
  if (!m.provider.empty()) {
    out << "  provider:         " << (m.provider_name.empty() ? m.provider : m.provider_name + " (" + m.provider + ")")
        << "\n";
    out << "  data country:     " << OrUnknown(m.data_country) << "\n";
  }
  if (!m.republisher.empty()) out << "  republisher:      " << m.republisher << "\n";
  out << "  terms:\n";
  if (m.terms.empty()) out << "    (none known)\n";
  for (const auto& [key, v] : m.terms) out << "    " << key << ": " << TermText(v) << "\n";
  if (!m.lineage.empty()) {
    out << "  lineage:\n";
    for (const LineageStep& s : m.lineage) {
      out << "    " << s.relation << " of " << s.model << " (family " << OrUnknown(s.family) << ", license "
          << OrUnknown(s.license) << "; from " << s.source << ")\n";
    }
  }
  if (!e.versions.empty()) {
    out << "  licenses by version:\n";
    for (const VersionRule& v : e.versions) {
      std::string match;
      for (const std::string& g : v.match) match += (match.empty() ? "" : ", ") + g;
      out << "    " << match << " -> " << OrUnknown(v.license) << (v.source.empty() ? "" : " (" + v.source + ")") << "\n";
    }
  }
  out << "  sources:\n";
  if (m.sources.empty()) out << "    (none)\n";
  for (const std::string& s : m.sources) out << "    " << s << "\n";
  out << "  policy " << policy.origin << ":\n";
  if (findings.empty()) out << "    no rule fires\n";
  for (const Finding& f : findings) {
    out << "    " << SeverityName(f.severity) << " [" << f.rule << "] " << f.message;
    if (!f.trigger.empty()) out << " (" << f.trigger << ")";
    out << "\n";
    for (const std::string& note : evaluator.WaiverNotes(f)) out << "      " << note << "\n";
  }
}

json Nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json ToJson(const std::string& name, const Explained& e, const rules::Policy& policy,
            const std::vector<Finding>& findings, const rules::PolicyEvaluator& evaluator) {
  const ModelSummary& m = e.model;
  json lineage = json::array();
  for (const LineageStep& s : m.lineage) {
    lineage.push_back({{"model", Nullable(s.model)}, {"relation", s.relation}, {"family", Nullable(s.family)},
                       {"license", Nullable(s.license)}, {"source", s.source}});
  }
  json versions = json::array();
  for (const VersionRule& v : e.versions) {
    versions.push_back({{"match", v.match}, {"license", Nullable(v.license)}, {"source", Nullable(v.source)}});
  }
  json rules = json::array();
  for (const Finding& f : findings) {
    rules.push_back({{"rule", f.rule}, {"severity", SeverityName(f.severity)}, {"message", f.message},
                     {"trigger", Nullable(f.trigger)}, {"waivers", evaluator.WaiverNotes(f)}});
  }
  return {{"name", name},
          {"type", e.what},
          {"match", Nullable(e.match)},
          {"version_known", !(e.match.size() > 8 && e.match.compare(e.match.size() - 8, 8, "-grammar") == 0)},
          {"model", Nullable(m.id)},
          {"kind", Nullable(e.kind)},
          {"family", Nullable(m.family)},
          {"family_name", Nullable(m.family_name)},
          {"publisher", Nullable(m.publisher)},
          {"publisher_name", Nullable(m.publisher_name)},
          {"country", Nullable(m.country)},
          {"license", Nullable(m.license)},
          {"license_name", Nullable(m.license_name)},
          {"license_category", Nullable(m.license_category)},
          {"license_basis", Nullable(e.license_basis)},
          {"provider", Nullable(m.provider)},
          {"provider_name", Nullable(m.provider_name)},
          {"data_country", Nullable(m.data_country)},
          {"republisher", Nullable(m.republisher)},
          {"terms", TermsToJson(m.terms)},
          {"lineage", lineage},
          {"sources", m.sources},
          {"versions", versions},
          {"policy", policy.origin},
          {"findings", rules}};
}

}  // namespace

void AddExplainFlags(CLI::App& cmd, ExplainOptions& o) {
  cmd.add_option("name", o.name, "Model id, API model, provider host, Ollama tag, family id or license id")
      ->required();
  cmd.add_option("-f,--format", o.format, "Output format: text or json")->capture_default_str();
  cmd.add_option("--policy", o.policy,
                 "Policy FILE, builtin:NAME or none (default: ./.modelprov.yml, else builtin:default)");
  cmd.add_option("--catalog", o.catalog, "JSON file whose entries override or extend the built-in catalog");
}

int RunExplain(const ExplainOptions& o) {
  if (o.format != "text" && o.format != "json") {
    return UsageError("explain", "--format must be text or json, not '" + o.format + "'");
  }
  if (Trim(o.name).empty()) return UsageError("explain", "NAME must not be empty");
  Result<Catalog> catalog = analysis::LoadCatalog(o.catalog);
  if (!catalog) {
    std::cerr << "modelprov: " << TerminalSafe(catalog.error().message) << "\n";
    return kExitUsage;
  }
  Result<rules::Policy> policy = analysis::LoadActivePolicy(o.policy, ".");
  if (!policy) {
    std::cerr << "modelprov: " << TerminalSafe(policy.error().message) << "\n";
    return kExitUsage;
  }
  Resolver resolver(*catalog);
  std::string name(Trim(o.name));
  std::optional<Explained> e = Lookup(name, resolver);
  if (!e) {
    std::vector<std::string> close = ClosestNames(name, resolver);
    std::string list;
    for (const std::string& c : close) list += (list.empty() ? "" : ", ") + c;
    std::cerr << "modelprov: '" << TerminalSafe(name) << "' is not in the catalog (closest known names: " << TerminalSafe(list) << ")\n";
    return kExitFindings;
  }
  rules::PolicyEvaluator evaluator(*policy);
  // A publisher is not a dependency a rule could fire on.
  std::vector<Finding> findings = e->what == "publisher" ? std::vector<Finding>{} : evaluator.EvaluateModel(e->model, e->kind);
  if (o.format == "json") {
    std::cout << ToJson(name, *e, *policy, findings, evaluator).dump(2) << "\n";
  } else {
    WriteText(name, *e, *policy, findings, evaluator, std::cout);
  }
  return kExitClean;
}

}  // namespace modelprov::cli
