#include "catalog/catalog.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "catalog/embedded_seeds.h"
#include "core/text.h"

namespace modelprov {
namespace {

using nlohmann::json;

// Reads typed fields from one JSON object and remembers the first problem,
// so a loader reads like a field list and still reports "where: what".
class FieldReader {
 public:
  FieldReader(const json& obj, std::string where, std::string* error)
      : obj_(obj), where_(std::move(where)), error_(error) {
    if (!obj_.is_object()) Fail("", "expected an object");
  }

  std::string String(const char* key, bool required = false) {
    const json* v = Find(key, required);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_string()) return Fail(key, "expected a string or null"), std::string();
    return v->get<std::string>();
  }

  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return out;
    if (!v->is_array()) return Fail(key, "expected an array of strings"), out;
    for (const json& e : *v) {
      if (!e.is_string()) return Fail(key, "expected an array of strings"), out;
      out.push_back(e.get<std::string>());
    }
    return out;
  }

  std::optional<bool> OptionalBool(const char* key) {
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_boolean()) return Fail(key, "expected true, false or null"), std::nullopt;
    return v->get<bool>();
  }

  int64_t Integer(const char* key) {
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return 0;
    if (!v->is_number_integer()) return Fail(key, "expected an integer"), 0;
    return v->get<int64_t>();
  }

  // A term: string/number/object = present, false = absent, null/missing =
  // unknown. Objects are the structured forms: a revenue cap's amount, and
  // an attribution's words to display with the size above which they bind.
  Term ReadTerm(const char* key) {
    Term t;
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return t;
    if (v->is_boolean()) {
      if (v->get<bool>()) return Fail(key, "use a description string, false or null"), t;
      t.state = Term::State::kAbsent;
      return t;
    }
    t.state = Term::State::kPresent;
    if (v->is_string()) {
      t.text = v->get<std::string>();
    } else if (v->is_number_integer()) {
      t.number = v->get<int64_t>();
      t.text = std::to_string(t.number);
    } else if (v->is_object() && std::string_view(key) == "revenue_cap") {
      t.money = ReadMoney(*v, key);
      t.number = t.money->amount;
      t.text = DescribeMoney(*t.money);
    } else if (v->is_object()) {
      FieldReader sub(*v, Where(key), error_);
      t.text = sub.String("text", true);
      t.display = sub.String("display");
      if (const json* above = sub.Object("above")) {
        FieldReader a(*above, Where(key) + ".above", error_);
        DutyThreshold th;
        th.monthly_active_users = a.Integer("monthly_active_users");
        if (const json* revenue = a.Object("revenue")) th.revenue = a.ReadMoney(*revenue, "revenue");
        if (th.monthly_active_users <= 0 && !th.revenue) Fail(key, "above: name monthly_active_users or revenue");
        t.above = th;
      }
    } else {
      Fail(key, "expected a string, number, object, false or null");
    }
    return t;
  }

  // {"amount": 20000000, "currency": "USD", "period": "month"}. Overlays
  // written before currencies were recorded say {"usd": N, ...}.
  MoneyAmount ReadMoney(const json& v, const std::string& key) {
    FieldReader sub(v, Where(key), error_);
    MoneyAmount m;
    if (v.is_object() && v.contains("usd")) {
      m.amount = sub.Integer("usd");
      m.currency = "USD";
    } else {
      m.amount = sub.Integer("amount");
      m.currency = sub.String("currency", true);
    }
    m.period = sub.String("period", true);
    if (m.amount <= 0) Fail(key, "amount must be a positive integer");
    if (!m.currency.empty() && (m.currency.size() != 3 || !std::all_of(m.currency.begin(), m.currency.end(), [](char c) {
                                  return c >= 'A' && c <= 'Z';
                                }))) {
      Fail(key, "currency must be an ISO 4217 code such as USD");
    }
    if (!m.period.empty() && m.period != "month" && m.period != "year") Fail(key, "period must be month or year");
    return m;
  }

  const json* Array(const char* key) {
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return nullptr;
    if (!v->is_array()) return Fail(key, "expected an array"), nullptr;
    return v;
  }

  const json* Object(const char* key) {
    const json* v = Find(key, false);
    if (v == nullptr || v->is_null()) return nullptr;
    if (!v->is_object()) return Fail(key, "expected an object"), nullptr;
    return v;
  }

  std::string Where(const std::string& key) const { return key.empty() ? where_ : where_ + "." + key; }
  std::string* error() const { return error_; }

 private:
  const json* Find(const char* key, bool required) {
    if (!obj_.is_object()) return nullptr;
    auto it = obj_.find(key);
    if (it == obj_.end()) {
      if (required) Fail(key, "missing");
      return nullptr;
    }
    return &*it;
  }

  void Fail(const std::string& key, const std::string& what) {
    if (error_->empty()) *error_ = Where(key) + ": " + what;
  }

  const json& obj_;
  std::string where_;
  std::string* error_;
};

std::vector<std::string> Sources(FieldReader& r) {
  std::vector<std::string> s = r.Strings("sources");
  if (s.empty()) {
    std::string one = r.String("source");
    if (!one.empty()) s.push_back(one);
  }
  return s;
}

Publisher ReadPublisher(FieldReader r) {
  Publisher p;
  p.id = r.String("id", true);
  p.name = r.String("name", true);
  p.legal_name = r.String("legal_name");
  p.country = r.String("country");
  p.aliases = r.Strings("aliases");
  p.hf_orgs = r.Strings("hf_orgs");
  p.modelscope_orgs = r.Strings("modelscope_orgs");
  p.sources = Sources(r);
  return p;
}

License ReadLicense(FieldReader r) {
  License l;
  l.id = r.String("id", true);
  l.name = r.String("name", true);
  l.spdx = r.OptionalBool("spdx").value_or(false);
  l.category = r.String("category", true);
  l.hf_ids = r.Strings("hf_ids");
  l.hf_license_names = r.Strings("hf_license_names");
  l.url = r.String("url");
  l.sources = Sources(r);
  if (const json* t = r.Object("terms")) {
    FieldReader tr(*t, r.Where("terms"), r.error());
    l.terms.commercial_use = tr.OptionalBool("commercial_use");
    l.terms.mau_cap = tr.ReadTerm("mau_cap");
    l.terms.revenue_cap = tr.ReadTerm("revenue_cap");
    l.terms.attribution = tr.ReadTerm("attribution");
    l.terms.naming = tr.ReadTerm("naming");
    l.terms.output_use = tr.ReadTerm("output_use");
    l.terms.field_of_use = tr.ReadTerm("field_of_use");
    l.terms.aup_url = tr.ReadTerm("aup_url");
    l.terms.geographic = tr.ReadTerm("geographic");
    l.terms.research_only = tr.OptionalBool("research_only");
    l.terms.summary = tr.String("summary");
  }
  return l;
}

Family ReadFamily(FieldReader r) {
  Family f;
  f.id = r.String("id", true);
  f.name = r.String("name", true);
  f.publisher = r.String("publisher", true);
  f.modality = r.Strings("modality");
  f.hf_orgs = r.Strings("hf_orgs");
  f.name_patterns = r.Strings("name_patterns");
  if (const json* g = r.Object("grammar")) {
    FieldReader gr(*g, r.Where("grammar"), r.error());
    f.stems = gr.Strings("stems");
    f.versioned_stems = gr.Strings("versioned_stems");
    for (std::string& s : f.stems) s = ToLower(s);
    for (std::string& s : f.versioned_stems) s = ToLower(s);
  }
  f.ollama = r.Strings("ollama");
  f.api_models = r.Strings("api_models");
  if (const json* c = r.Object("config")) {
    FieldReader cr(*c, r.Where("config"), r.error());
    f.config_model_types = cr.Strings("model_types");
    f.config_architectures = cr.Strings("architectures");
  }
  if (const json* fps = r.Array("fingerprints")) {
    for (size_t i = 0; i < fps->size(); ++i) {
      FieldReader fr((*fps)[i], r.Where("fingerprints[" + std::to_string(i) + "]"), r.error());
      Fingerprint fp;
      fp.model_type = fr.String("model_type");
      fp.architectures = fr.Strings("architectures");
      fp.vocab_size = fr.Integer("vocab_size");
      fp.note = fr.String("note");
      fp.source = fr.String("source");
      f.fingerprints.push_back(std::move(fp));
    }
  }
  if (const json* ts = r.Array("tokenizers")) {
    for (size_t i = 0; i < ts->size(); ++i) {
      FieldReader tr((*ts)[i], r.Where("tokenizers[" + std::to_string(i) + "]"), r.error());
      TokenizerFingerprint t;
      t.tokenizer_class = tr.String("tokenizer_class");
      t.special_tokens = tr.Strings("special_tokens");
      t.vocab_size = tr.Integer("vocab_size");
      t.vocab_hash = tr.String("vocab_hash");
      t.note = tr.String("note");
      t.source = tr.String("source");
      f.tokenizers.push_back(std::move(t));
    }
  }
  f.license = r.String("license");
  if (const json* vs = r.Array("versions")) {
    for (size_t i = 0; i < vs->size(); ++i) {
      FieldReader vr((*vs)[i], r.Where("versions[" + std::to_string(i) + "]"), r.error());
      f.versions.push_back({vr.Strings("match"), vr.String("license"), vr.String("source")});
    }
  }
  if (const json* bs = r.Array("base_models")) {
    for (size_t i = 0; i < bs->size(); ++i) {
      FieldReader br((*bs)[i], r.Where("base_models[" + std::to_string(i) + "]"), r.error());
      f.base_models.push_back(
          {br.Strings("match"), br.String("base", true), br.String("relation"), br.String("source")});
    }
  }
  f.sources = Sources(r);
  return f;
}

Provider ReadProvider(FieldReader r) {
  Provider p;
  p.id = r.String("id", true);
  p.name = r.String("name", true);
  p.publisher = r.String("publisher");
  p.kind = r.String("kind");
  p.aliases = r.Strings("aliases");
  for (std::string& a : p.aliases) a = ToLower(a);
  p.hosts = r.Strings("hosts");
  p.base_urls = r.Strings("base_urls");
  p.model_patterns = r.Strings("model_patterns");
  p.prefixes = r.Strings("prefixes");
  if (const json* sdk = r.Object("sdk")) {
    FieldReader sr(*sdk, r.Where("sdk"), r.error());
    for (const char* eco : {"pypi", "npm", "go", "maven", "cargo", "nuget"}) {
      std::vector<std::string> pkgs = sr.Strings(eco);
      if (!pkgs.empty()) p.sdk[eco] = std::move(pkgs);
    }
  }
  p.env_vars = r.Strings("env_vars");
  p.data_country = r.String("data_country");
  if (const json* hc = r.Object("host_countries")) {
    FieldReader hr(*hc, r.Where("host_countries"), r.error());
    for (auto it = hc->begin(); it != hc->end(); ++it) {
      std::string country = hr.String(it.key().c_str());
      if (!country.empty()) p.host_countries.emplace_back(it.key(), std::move(country));
    }
  }
  p.terms_url = r.String("terms_url");
  p.license = r.String("license");
  p.sources = Sources(r);
  return p;
}

Republisher ReadRepublisher(FieldReader r) {
  Republisher p;
  p.org = r.String("org", true);
  p.kind = r.String("kind");
  p.sources = Sources(r);
  return p;
}

template <typename T, typename ReadFn>
void ReadList(const json& doc, const char* key, std::string_view origin, std::vector<T>& out,
              std::string* error, ReadFn read) {
  auto it = doc.find(key);
  if (it == doc.end()) return;
  if (!it->is_array()) {
    if (error->empty()) *error = std::string(origin) + ": " + key + ": expected an array";
    return;
  }
  for (size_t i = 0; i < it->size() && error->empty(); ++i) {
    std::string where = std::string(origin) + ": " + key + "[" + std::to_string(i) + "]";
    out.push_back(read(FieldReader((*it)[i], where, error)));
  }
}

template <typename T, typename KeyFn>
void MergeById(std::vector<T>& base, const std::vector<T>& overlay, KeyFn key) {
  for (const T& e : overlay) {
    auto it = std::find_if(base.begin(), base.end(), [&](const T& b) { return IEquals(key(b), key(e)); });
    if (it != base.end()) {
      *it = e;
    } else {
      base.push_back(e);
    }
  }
}

template <typename T>
const T* FindById(const std::vector<T>& v, std::string_view id) {
  for (const T& e : v) {
    if (IEquals(e.id, id)) return &e;
  }
  return nullptr;
}

}  // namespace

Result<Catalog> Catalog::Parse(std::string_view json_text, std::string_view origin) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    return MakeError(std::string(origin) + ": invalid JSON: " + Abbreviate(e.what(), 200));
  }
  std::string error;
  Catalog c;
  if (!doc.is_object()) return MakeError(std::string(origin) + ": expected a JSON object");
  if (doc.contains("id") && doc.contains("publisher") && doc.contains("name_patterns")) {
    // A single seeds/families/<id>.json file.
    c.families_.push_back(ReadFamily(FieldReader(doc, std::string(origin), &error)));
  } else {
    // A misspelled section ("famlies") would otherwise be ignored in silence.
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const std::string& key = it.key();
      static const char* const kSections[] = {"schema_version", "publishers", "licenses",
                                              "families",       "providers", "republishers"};
      if (std::find(std::begin(kSections), std::end(kSections), key) == std::end(kSections)) {
        return MakeError(std::string(origin) + ": unknown top-level key '" + key +
                         "' (expected publishers, licenses, families, providers or republishers)");
      }
    }
    ReadList(doc, "publishers", origin, c.publishers_, &error, ReadPublisher);
    ReadList(doc, "licenses", origin, c.licenses_, &error, ReadLicense);
    ReadList(doc, "families", origin, c.families_, &error, ReadFamily);
    ReadList(doc, "providers", origin, c.providers_, &error, ReadProvider);
    ReadList(doc, "republishers", origin, c.republishers_, &error, ReadRepublisher);
  }
  if (!error.empty()) return MakeError(error);
  return c;
}

Result<Catalog> Catalog::Builtin() {
  size_t count = 0;
  const EmbeddedFile* files = EmbeddedSeeds(&count);
  Catalog all;
  for (size_t i = 0; i < count; ++i) {
    auto part = Parse(files[i].data, "seeds/" + std::string(files[i].name));
    if (!part) return part.error();
    all.Merge(*part);
  }
  return all;
}

void Catalog::Merge(const Catalog& o) {
  MergeById(publishers_, o.publishers_, [](const Publisher& p) -> const std::string& { return p.id; });
  MergeById(licenses_, o.licenses_, [](const License& l) -> const std::string& { return l.id; });
  MergeById(families_, o.families_, [](const Family& f) -> const std::string& { return f.id; });
  MergeById(providers_, o.providers_, [](const Provider& p) -> const std::string& { return p.id; });
  MergeById(republishers_, o.republishers_, [](const Republisher& r) -> const std::string& { return r.org; });
}

Status Catalog::Validate() const {
  auto license_ok = [&](const std::string& id) { return id.empty() || FindLicense(id) != nullptr; };
  for (const Family& f : families_) {
    if (FindPublisher(f.publisher) == nullptr) {
      return MakeError("family " + f.id + ": unknown publisher '" + f.publisher + "'");
    }
    if (!license_ok(f.license)) return MakeError("family " + f.id + ": unknown license '" + f.license + "'");
    for (const VersionRule& v : f.versions) {
      if (!license_ok(v.license)) return MakeError("family " + f.id + ": unknown license '" + v.license + "'");
    }
  }
  for (const Provider& p : providers_) {
    if (!p.publisher.empty() && FindPublisher(p.publisher) == nullptr) {
      return MakeError("provider " + p.id + ": unknown publisher '" + p.publisher + "'");
    }
    if (!license_ok(p.license)) return MakeError("provider " + p.id + ": unknown license '" + p.license + "'");
  }
  return Ok{};
}

const Publisher* Catalog::FindPublisher(std::string_view id) const { return FindById(publishers_, id); }
const License* Catalog::FindLicense(std::string_view id) const { return FindById(licenses_, id); }
const Family* Catalog::FindFamily(std::string_view id) const { return FindById(families_, id); }
const Provider* Catalog::FindProvider(std::string_view id) const { return FindById(providers_, id); }

}  // namespace modelprov
