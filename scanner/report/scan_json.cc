#include "report/scan_json.h"

#include "core/text.h"

namespace modelprov {
namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(SanitizeUtf8(s)); }

std::string Str(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t I64(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

uint32_t U32(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_number_unsigned() ? it->get<uint32_t>() : 0;
}

json LocationJson(const Location& l) {
  return {{"path", SanitizeUtf8(l.path)}, {"line", l.line}, {"column", l.column}};
}

Location LocationFrom(const json& o) { return {Str(o, "path"), U32(o, "line"), U32(o, "column")}; }

json CommitJson(const CommitInfo& c) {
  return {{"hash", c.hash}, {"author", SanitizeUtf8(c.author)}, {"date", c.date}, {"summary", SanitizeUtf8(c.summary)}};
}

CommitInfo CommitFrom(const json& o) { return {Str(o, "hash"), Str(o, "author"), Str(o, "date"), Str(o, "summary")}; }

json LineageJson(const std::vector<LineageStep>& steps) {
  json a = json::array();
  for (const LineageStep& s : steps) {
    a.push_back({{"model", NullIfEmpty(s.model)}, {"relation", s.relation}, {"family", NullIfEmpty(s.family)},
                 {"license", NullIfEmpty(s.license)}, {"source", s.source}});
  }
  return a;
}

std::vector<LineageStep> LineageFrom(const json& a) {
  std::vector<LineageStep> out;
  if (!a.is_array()) return out;
  for (const json& s : a) {
    out.push_back({Str(s, "model"), Str(s, "relation"), Str(s, "family"), Str(s, "license"), Str(s, "source")});
  }
  return out;
}

MoneyAmount MoneyFrom(const json& j) {
  MoneyAmount m;
  m.amount = I64(j, "amount");
  m.currency = Str(j, "currency");
  m.period = Str(j, "period");
  return m;
}

json MoneyToJson(const MoneyAmount& m) {
  return {{"amount", m.amount}, {"currency", m.currency}, {"period", m.period}};
}

bool IsYesNo(const std::string& key) { return key == "commercial_use" || key == "research_only"; }

TermMap TermsFrom(const json& o) {
  TermMap m;
  if (!o.is_object()) return m;
  for (auto it = o.begin(); it != o.end(); ++it) {
    TermValue v;
    const json& j = it.value();
    if (IsYesNo(it.key()) && j.is_boolean()) {
      v.state = TermValue::State::kPresent;
      v.text = j.get<bool>() ? "yes" : "no";
    } else if (j.is_boolean() && !j.get<bool>()) {
      v.state = TermValue::State::kAbsent;
    } else if (j.is_number_integer()) {
      v.state = TermValue::State::kPresent;
      v.number = j.get<int64_t>();
      v.text = std::to_string(v.number);
    } else if (j.is_string()) {
      v.state = TermValue::State::kPresent;
      v.text = j.get<std::string>();
    } else if (j.is_object() && it.key() == "revenue_cap") {
      v.state = TermValue::State::kPresent;
      v.money = MoneyFrom(j);
      v.number = v.money->amount;
      v.text = DescribeMoney(*v.money);
    } else if (j.is_object()) {
      v.state = TermValue::State::kPresent;
      v.text = Str(j, "text");
      v.display = Str(j, "display");
      if (auto above = j.find("above"); above != j.end() && above->is_object()) {
        DutyThreshold th;
        th.monthly_active_users = I64(*above, "monthly_active_users");
        if (auto rev = above->find("revenue"); rev != above->end() && rev->is_object()) th.revenue = MoneyFrom(*rev);
        v.above = th;
      }
    } else {
      continue;
    }
    m[it.key()] = v;
  }
  return m;
}

// Which licences impose each term: {"commercial_use": ["LicenseRef-…"]}.
json TermLicensesJson(const TermMap& terms) {
  json o = json::object();
  for (const auto& [key, v] : terms) {
    if (v.state == TermValue::State::kUnknown || v.licenses.empty()) continue;
    json ids = json::array();
    for (const std::string& id : v.licenses) ids.push_back(SanitizeUtf8(id));
    o[key] = ids;
  }
  return o;
}

void AddTermLicenses(TermMap& terms, const json& o) {
  if (!o.is_object()) return;
  for (auto it = o.begin(); it != o.end(); ++it) {
    auto t = terms.find(it.key());
    if (t == terms.end() || !it.value().is_array()) continue;
    for (const json& id : it.value()) {
      if (id.is_string()) t->second.licenses.push_back(id.get<std::string>());
    }
  }
}

}  // namespace

json TermsToJson(const TermMap& terms) {
  json o = json::object();
  for (const auto& [key, v] : terms) {
    if (v.state == TermValue::State::kUnknown) continue;
    if (v.state == TermValue::State::kAbsent) {
      o[key] = false;
    } else if (IsYesNo(key)) {
      o[key] = v.text == "yes";
    } else if (key == "mau_cap" && v.number != 0) {
      o[key] = v.number;
    } else if (v.money) {
      o[key] = MoneyToJson(*v.money);
    } else if (!v.display.empty() || v.above) {
      json d = {{"text", SanitizeUtf8(v.text)}};
      if (!v.display.empty()) d["display"] = SanitizeUtf8(v.display);
      if (v.above) {
        json a = json::object();
        if (v.above->monthly_active_users > 0) a["monthly_active_users"] = v.above->monthly_active_users;
        if (v.above->revenue) a["revenue"] = MoneyToJson(*v.above->revenue);
        d["above"] = a;
      }
      o[key] = d;
    } else {
      o[key] = SanitizeUtf8(v.text);
    }
  }
  return o;
}

json ScanResultToJson(const ScanResult& r) {
  json doc;
  doc["schema_version"] = kJsonSchemaVersion;
  doc["tool"] = {{"name", "modelprov"}, {"version", r.tool_version}};
  doc["roots"] = r.roots;
  json refs = json::array();
  for (const ResolvedReference& rr : r.references) {
    const ModelReference& ref = rr.ref;
    const Resolution empty;
    const Resolution& res = rr.resolution ? *rr.resolution : empty;
    json facts = json::object();
    for (const auto& [k, v] : ref.FactPairs()) facts[k] = SanitizeUtf8(v);
    refs.push_back({{"path", SanitizeUtf8(ref.location.path)},
                    {"line", ref.location.line},
                    {"column", ref.location.column},
                    {"kind", KindName(ref.kind)},
                    {"text", SanitizeUtf8(ref.text)},
                    {"model", NullIfEmpty(res.model)},
                    {"family", NullIfEmpty(res.family)},
                    {"publisher", NullIfEmpty(res.publisher)},
                    {"country", NullIfEmpty(res.country)},
                    {"license", NullIfEmpty(res.license)},
                    {"provider", NullIfEmpty(res.provider)},
                    {"republisher", NullIfEmpty(res.republisher)},
                    {"match", NullIfEmpty(rr.resolution ? res.match : std::string())},
                    {"confidence", rr.resolution ? res.confidence : 0.0},
                    {"lineage", LineageJson(res.lineage)},
                    {"extractor", ref.extractor},
                    {"facts", facts},
                    {"source", ref.source.empty() ? std::string("worktree") : ref.source},
                    {"excerpt", SanitizeUtf8(ref.excerpt)}});
    // Only for grammar matches, so documents of known names keep their shape.
    if (rr.resolution && !res.license_basis.empty()) refs.back()["license_basis"] = res.license_basis;
    if (rr.resolution && !res.version_known) {
      refs.back()["version_known"] = false;
      refs.back()["license_presumed"] = res.license_presumed;
    }
  }
  doc["references"] = refs;
  json models = json::array();
  for (const ModelSummary& m : r.models) {
    json occ = json::array();
    for (const Location& l : m.occurrences) occ.push_back(LocationJson(l));
    models.push_back({{"id", SanitizeUtf8(m.id)},
                      {"family", NullIfEmpty(m.family)},
                      {"family_name", NullIfEmpty(m.family_name)},
                      {"publisher", NullIfEmpty(m.publisher)},
                      {"publisher_name", NullIfEmpty(m.publisher_name)},
                      {"country", NullIfEmpty(m.country)},
                      {"license", NullIfEmpty(m.license)},
                      {"license_name", NullIfEmpty(m.license_name)},
                      {"license_category", NullIfEmpty(m.license_category)},
                      {"effective_license_category", NullIfEmpty(m.effective_license_category)},
                      {"license_url", NullIfEmpty(m.license_url)},
                      {"license_basis", NullIfEmpty(m.license_basis)},
                      {"provider", NullIfEmpty(m.provider)},
                      {"provider_name", NullIfEmpty(m.provider_name)},
                      {"data_country", NullIfEmpty(m.data_country)},
                      {"republisher", NullIfEmpty(m.republisher)},
                      {"kinds", m.kinds},
                      {"lineage", LineageJson(m.lineage)},
                      {"terms", TermsToJson(m.terms)},
                      {"term_licenses", TermLicensesJson(m.terms)},
                      {"sources", m.sources},
                      {"occurrences", occ}});
    if (r.history) {
      json& entry = models.back();
      entry["introduced"] = nullptr;
      entry["removed"] = nullptr;
      for (const ModelHistory& h : *r.history) {
        if (h.model != m.id) continue;
        entry["introduced"] = CommitJson(h.introduced);
        if (h.removed) entry["removed"] = CommitJson(*h.removed);
      }
    }
  }
  doc["models"] = models;
  json findings = json::array();
  for (const Finding& f : r.findings) {
    json places = json::array({LocationJson(f.location)});
    for (const Location& l : f.also_at) places.push_back(LocationJson(l));
    findings.push_back({{"rule", f.rule},
                        {"severity", SeverityName(f.severity)},
                        {"message", SanitizeUtf8(f.message)},
                        {"model", NullIfEmpty(f.model)},
                        {"trigger", NullIfEmpty(f.trigger)},
                        {"how_to_fix", NullIfEmpty(f.how_to_fix)},
                        {"path", SanitizeUtf8(f.location.path)},
                        {"line", f.location.line},
                        {"column", f.location.column},
                        {"locations", places},
                        {"rule_source", NullIfEmpty(f.rule_source)},
                        {"suppressed_by", NullIfEmpty(f.suppressed_by)},
                        {"suppressed_reason", NullIfEmpty(f.suppressed_reason)},
                        {"waiver_expires", NullIfEmpty(f.waiver_expires)}});
  }
  doc["findings"] = findings;
  json licenses = json::object();
  for (const auto& [id, l] : r.licenses) {
    licenses[SanitizeUtf8(id)] = {{"name", NullIfEmpty(l.name)},
                                  {"url", NullIfEmpty(l.url)},
                                  {"category", NullIfEmpty(l.category)},
                                  {"spdx", l.spdx},
                                  {"terms", TermsToJson(l.terms)}};
  }
  doc["licenses"] = licenses;
  json errors = json::array();
  for (const ScanError& e : r.errors) {
    errors.push_back({{"path", SanitizeUtf8(e.path)}, {"message", SanitizeUtf8(e.message)}});
  }
  doc["errors"] = errors;
  if (r.history) {
    json history = json::array();
    for (const ModelHistory& h : *r.history) {
      history.push_back({{"model", SanitizeUtf8(h.model)},
                         {"introduced", CommitJson(h.introduced)},
                         {"removed", h.removed ? CommitJson(*h.removed) : json(nullptr)}});
    }
    doc["history"] = history;
  }
  if (r.change) {
    doc["change"] = {{"mode", r.change->mode},
                     {"base", NullIfEmpty(r.change->base)},
                     {"whole_files", r.change->whole_files}};
  }
  size_t suppressed = 0;
  for (const Finding& f : r.findings) suppressed += f.suppressed_by.empty() ? 0 : 1;
  doc["stats"] = {{"files", r.stats.files},
                  {"bytes", r.stats.bytes},
                  {"seconds", r.stats.seconds},
                  {"suppressed", suppressed},
                  {"excluded", r.stats.excluded}};
  return doc;
}

Result<ScanResult> ScanResultFromJson(std::string_view text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    return MakeError(std::string("not a modelprov JSON scan: ") + Abbreviate(e.what(), 200));
  }
  if (!doc.is_object() || !doc.contains("schema_version")) {
    return MakeError("not a modelprov JSON scan: no schema_version");
  }
  if (doc["schema_version"] != kJsonSchemaVersion) {
    return MakeError("unsupported schema_version " + doc["schema_version"].dump() + " (this modelprov reads " +
                     std::to_string(kJsonSchemaVersion) + ")");
  }
  ScanResult r;
  try {
    r.tool_version = doc.value("/tool/version"_json_pointer, "");
    if (doc.contains("roots")) r.roots = doc["roots"].get<std::vector<std::string>>();
    for (const json& j : doc.value("references", json::array())) {
      ResolvedReference rr;
      rr.ref.location = LocationFrom(j);
      auto kind = ParseKind(Str(j, "kind"));
      if (!kind) return MakeError("references: unknown kind '" + Str(j, "kind") + "'");
      rr.ref.kind = *kind;
      rr.ref.text = Str(j, "text");
      rr.ref.extractor = Str(j, "extractor");
      rr.ref.source = Str(j, "source");
      rr.ref.excerpt = Str(j, "excerpt");
      if (j.contains("facts") && j["facts"].is_object()) {
        Facts pairs;
        for (auto it = j["facts"].begin(); it != j["facts"].end(); ++it) {
          if (it->is_string()) pairs.emplace_back(it.key(), it->get<std::string>());
        }
        SetFactsFromPairs(rr.ref, pairs);
      }
      if (!Str(j, "match").empty() || !Str(j, "model").empty()) {
        Resolution res;
        res.model = Str(j, "model");
        res.family = Str(j, "family");
        res.publisher = Str(j, "publisher");
        res.country = Str(j, "country");
        res.license = Str(j, "license");
        res.provider = Str(j, "provider");
        res.republisher = Str(j, "republisher");
        res.match = Str(j, "match");
        res.confidence = j.value("confidence", 0.0);
        res.version_known = j.value("version_known", true);
        res.license_basis = Str(j, "license_basis");
        res.license_presumed = j.value("license_presumed", false);
        res.lineage = LineageFrom(j.value("lineage", json::array()));
        rr.resolution = res;
      }
      r.references.push_back(std::move(rr));
    }
    for (const json& j : doc.value("models", json::array())) {
      ModelSummary m;
      m.id = Str(j, "id");
      m.family = Str(j, "family");
      m.family_name = Str(j, "family_name");
      m.publisher = Str(j, "publisher");
      m.publisher_name = Str(j, "publisher_name");
      m.country = Str(j, "country");
      m.license = Str(j, "license");
      m.license_name = Str(j, "license_name");
      m.license_category = Str(j, "license_category");
      m.effective_license_category = Str(j, "effective_license_category");
      m.license_url = Str(j, "license_url");
      m.license_basis = Str(j, "license_basis");
      m.provider = Str(j, "provider");
      m.provider_name = Str(j, "provider_name");
      m.data_country = Str(j, "data_country");
      m.republisher = Str(j, "republisher");
      if (j.contains("kinds")) m.kinds = j["kinds"].get<std::vector<std::string>>();
      m.lineage = LineageFrom(j.value("lineage", json::array()));
      m.terms = TermsFrom(j.value("terms", json::object()));
      AddTermLicenses(m.terms, j.value("term_licenses", json::object()));
      if (j.contains("sources")) m.sources = j["sources"].get<std::vector<std::string>>();
      for (const json& o : j.value("occurrences", json::array())) m.occurrences.push_back(LocationFrom(o));
      r.models.push_back(std::move(m));
    }
    for (const json& j : doc.value("findings", json::array())) {
      Finding f;
      f.rule = Str(j, "rule");
      auto sev = ParseSeverity(Str(j, "severity"));
      if (!sev) return MakeError("findings: unknown severity '" + Str(j, "severity") + "'");
      f.severity = *sev;
      f.message = Str(j, "message");
      f.model = Str(j, "model");
      f.trigger = Str(j, "trigger");
      f.how_to_fix = Str(j, "how_to_fix");
      f.location = LocationFrom(j);
      // `locations` (all places, the first being path/line/column) came with
      // grouped findings; older scans have one place per finding.
      const json places = j.value("locations", json::array());
      for (size_t i = 1; places.is_array() && i < places.size(); ++i) f.also_at.push_back(LocationFrom(places[i]));
      f.rule_source = Str(j, "rule_source");
      f.suppressed_by = Str(j, "suppressed_by");
      f.suppressed_reason = Str(j, "suppressed_reason");
      f.waiver_expires = Str(j, "waiver_expires");
      r.findings.push_back(std::move(f));
    }
    if (doc.contains("licenses") && doc["licenses"].is_object()) {
      for (auto it = doc["licenses"].begin(); it != doc["licenses"].end(); ++it) {
        if (!it->is_object()) return MakeError("licenses: '" + it.key() + "' is not an object");
        LicenseFacts l;
        l.id = it.key();
        l.name = Str(*it, "name");
        l.url = Str(*it, "url");
        l.category = Str(*it, "category");
        l.spdx = it->value("spdx", false);
        l.terms = TermsFrom(it->value("terms", json::object()));
        r.licenses[l.id] = std::move(l);
      }
    }
    for (const json& j : doc.value("errors", json::array())) r.errors.push_back({Str(j, "path"), Str(j, "message")});
    if (doc.contains("history") && doc["history"].is_array()) {
      std::vector<ModelHistory> history;
      for (const json& j : doc["history"]) {
        ModelHistory h;
        h.model = Str(j, "model");
        if (j.contains("introduced") && j["introduced"].is_object()) h.introduced = CommitFrom(j["introduced"]);
        if (j.contains("removed") && j["removed"].is_object()) h.removed = CommitFrom(j["removed"]);
        history.push_back(std::move(h));
      }
      r.history = std::move(history);
    }
    if (auto c = doc.find("change"); c != doc.end() && c->is_object()) {
      r.change = ChangeScope{Str(*c, "mode"), Str(*c, "base"), c->value("whole_files", false)};
    }
    if (doc.contains("stats")) {
      r.stats.files = doc["stats"].value("files", uint64_t{0});
      r.stats.bytes = doc["stats"].value("bytes", uint64_t{0});
      r.stats.seconds = doc["stats"].value("seconds", 0.0);
      r.stats.excluded = doc["stats"].value("excluded", uint64_t{0});
    }
  } catch (const json::exception& e) {
    return MakeError(std::string("malformed modelprov JSON scan: ") + Abbreviate(e.what(), 200));
  }
  return r;
}

}  // namespace modelprov
