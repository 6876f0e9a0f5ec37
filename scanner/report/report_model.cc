#include "report/report_model.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/text.h"
#include "report/report_util.h"

namespace modelprov::report {

bool NameLess(const std::string& a, const std::string& b) {
  std::string la = ToLower(a), lb = ToLower(b);
  return la != lb ? la < lb : a < b;
}

std::string Plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

namespace {

// [a-z0-9-] only, so the anchor is safe in an HTML id, a URL fragment and a
// Markdown link target alike.
std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    bool plain = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (plain) {
      out += l;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

class Anchors {
 public:
  std::string Make(const std::string& prefix, std::string_view name) {
    std::string base = prefix + "-" + Slug(name);
    std::string a = base;
    for (int i = 2; !used_.insert(a).second; ++i) a = base + "-" + std::to_string(i);
    return a;
  }

 private:
  std::set<std::string> used_;
};

const TermValue* Present(const TermMap& terms, const char* key) {
  auto it = terms.find(key);
  return it != terms.end() && it->second.state == TermValue::State::kPresent ? &it->second : nullptr;
}

std::string RelationWords(const std::string& relation) {
  if (relation == "finetune") return "fine-tune";
  if (relation == "quantized") return "quantisation";
  if (relation == "base") return "derivative";
  return relation;
}

bool IsNoticeCategory(const std::string& category) {
  return category == "permissive" || category == "weak-copyleft" || category == "copyleft";
}

struct GroupSpec {
  const char* key;
  const char* title;
  const char* explain;
};

// In order of how much they restrict the product.
constexpr GroupSpec kGroups[] = {
    {"non-commercial", "Non-commercial use only",
     "The license forbids commercial use: the model cannot ship in a paid product or be used for a business."},
    {"research-only", "Research use only",
     "The license allows research or evaluation only, not use in a product."},
    {"geographic", "Geographic restrictions",
     "The license is not valid, or restricted, in some countries or regions: check where the product is offered."},
    {"user-threshold", "User and revenue thresholds",
     "Above the threshold a separate license from the publisher is needed."},
    {"output-use", "Restrictions on using outputs",
     "What the model generates may not be used for some purposes (for example to train other models)."},
    {"field-of-use", "Field-of-use restrictions",
     "The license excludes some uses or sectors: check the product's use against the list."},
    {"naming-display", "Naming and display duties",
     "The product or a derivative model must carry a name prefix or show an attribution."},
    {"unknown-license", "Unknown licenses",
     "No license could be determined (or the catalog does not know it): find it before relying on the model."},
    {"policy", "Flagged by the policy",
     "Active errors and warnings of the policy the scan applied; suppressed findings are not counted."},
};

std::string LocalPublisher(const ModelSummary& m) {
  std::string base = PublisherOf(m);
  return base.empty() ? "local model" : "local model (base by " + base + ")";
}

}  // namespace

std::string ChangeScopeText(const ChangeScope& change) {
  std::string what = change.mode == "staged" ? "the staged change" : "the change since " + change.base;
  std::string which = change.whole_files ? "every reference in the files it touches"
                                         : "references on the lines it adds";
  return "only what " + what + " brings in (" + which +
         "); models the repository already used elsewhere are not listed";
}

ReportModel BuildReportModel(const ScanResult& r, const std::string& timestamp) {
  ReportModel out;
  out.roots = r.roots;
  out.tool_version = r.tool_version;
  out.timestamp = timestamp;
  out.reference_count = r.references.size();
  out.file_count = r.stats.files;
  for (const Finding& f : r.findings) (f.suppressed_by.empty() ? out.active_findings : out.suppressed_findings)++;
  out.finding_counts = FindingCounts(r.findings);
  out.errors = r.errors;
  if (r.change) out.scope = ChangeScopeText(*r.change);

  Anchors anchors;
  // Models, sorted the way a reader looks them up.
  std::vector<const ModelSummary*> models;
  for (const ModelSummary& m : r.models) models.push_back(&m);
  std::stable_sort(models.begin(), models.end(),
                   [](const ModelSummary* a, const ModelSummary* b) { return NameLess(a->id, b->id); });
  std::map<std::string, std::string> model_anchor;  // lowercased id -> anchor
  for (const ModelSummary* m : models) model_anchor.emplace(ToLower(m->id), anchors.Make("model", m->id));
  auto link_of = [&model_anchor](const std::string& id, const std::string& via = "") {
    auto it = model_anchor.find(ToLower(id));
    return ModelLink{id, it == model_anchor.end() ? "" : it->second, via};
  };

  // Every license that binds a model, own or inherited.
  std::map<std::string, LicenseEntry> licenses;  // lowercased id -> entry
  auto license_of = [&r](const std::string& id) {
    LicenseLink l;
    l.id = id;
    if (id.empty()) return l;
    l.name = LicenseNameOf(r, id);
    l.url = LicenseUrlOf(r, id);
    l.category = LicenseCategoryOf(r, id);
    return l;
  };
  // The terms one license imposes on its own; a scan saved without license
  // facts only has the model's merged terms, which stand in for its own license.
  auto terms_of = [&r](const std::string& id, const ModelSummary& m) -> const TermMap* {
    if (const LicenseFacts* f = FindLicense(r, id); f != nullptr && (!f->terms.empty() || !f->category.empty())) {
      return &f->terms;
    }
    return IEquals(id, m.license) ? &m.terms : nullptr;
  };
  // How a model comes to be bound by `license`: "" for its own, else the
  // ancestor that brings it in.
  auto via_of = [](const ModelSummary& m, const std::string& license) -> std::string {
    if (IEquals(m.license, license)) return "";
    for (const LineageStep& s : m.lineage) {
      if (!IEquals(s.license, license)) continue;
      return "through " + (s.model.empty() ? "a " + (s.family.empty() ? std::string("base") : s.family) + " model" : s.model);
    }
    return "";
  };

  // Risk rows, keyed by group then row label, models in id order.
  std::map<std::string, std::map<std::string, RiskRow>> risk_rows;
  std::map<std::string, std::set<std::string>> risk_models;  // group -> lowercased ids
  std::map<std::string, std::set<std::string>> model_risks;  // lowercased id -> group keys
  auto add_risk = [&](const char* group, const std::string& row_key, const LicenseLink& license, const std::string& label,
                      const std::string& detail, const ModelLink& model) {
    RiskRow& row = risk_rows[group][row_key];
    if (row.models.empty()) {
      row.license = license;
      row.label = label;
      row.detail = detail;
    }
    for (const ModelLink& have : row.models) {
      if (IEquals(have.id, model.id)) return;
    }
    row.models.push_back(model);
    risk_models[group].insert(ToLower(model.id));
    model_risks[ToLower(model.id)].insert(group);
  };

  for (const ModelSummary* mp : models) {
    const ModelSummary& m = *mp;
    for (const std::string& id : EffectiveLicenses(m)) {
      LicenseEntry& e = licenses[ToLower(id)];
      if (e.license.id.empty()) {
        e.license = license_of(id);
        if (const LicenseFacts* f = FindLicense(r, id)) e.spdx = f->spdx;
        else e.spdx = IsSpdxListed(id);
        if (const TermMap* t = terms_of(id, m)) {
          Obligations o = ObligationsOf(*t);
          if (!o.attribution.empty()) {
            // "Display" only for a duty to show words in the product; the
            // attribution term of other licences is about credit, notices and
            // passing terms on with copies.
            const TermValue* a = Present(*t, "attribution");
            bool display = a != nullptr && !a->display.empty();
            std::string label = display                                 ? "Attribution to display"
                                : IsNoticeCategory(e.license.category) ? "Notices to keep"
                                                                        : "Attribution and notices";
            e.obligations.push_back({label, o.attribution, false});
          }
          if (!o.naming.empty()) e.obligations.push_back({"Naming", o.naming, false});
          if (!o.user_caps.empty()) e.obligations.push_back({"User and revenue thresholds", o.user_caps, false});
          if (!o.output_use.empty()) e.obligations.push_back({"Use of outputs", o.output_use, false});
          if (!o.other.empty()) e.obligations.push_back({"Other restrictions", o.other, false});
          if (!o.aup_url.empty()) e.obligations.push_back({"Acceptable-use policy", o.aup_url, IsWebUrl(o.aup_url)});
        }
      }
      e.models.push_back(link_of(m.id, via_of(m, id)));

      LicenseLink ll = e.license;
      std::string via = via_of(m, id);
      ModelLink who = link_of(m.id, via);
      const LicenseFacts* facts = FindLicense(r, id);
      if (facts != nullptr && facts->name.empty() && facts->category.empty()) {
        add_risk("unknown-license", "id:" + ToLower(id), ll, "", "not in the catalog: its terms are unknown", who);
      }
      const TermMap* t = terms_of(id, m);
      if (t == nullptr) continue;
      if (const TermValue* v = Present(*t, "commercial_use"); v && v->text == "no") {
        add_risk("non-commercial", ToLower(id), ll, "", "no commercial use", who);
      }
      if (const TermValue* v = Present(*t, "research_only"); v && v->text == "yes") {
        add_risk("research-only", ToLower(id), ll, "", "research use only", who);
      }
      if (const TermValue* v = Present(*t, "geographic")) add_risk("geographic", ToLower(id), ll, "", v->text, who);
      Obligations o = ObligationsOf(*t);
      if (!o.user_caps.empty()) add_risk("user-threshold", ToLower(id), ll, "", o.user_caps, who);
      if (!o.output_use.empty()) add_risk("output-use", ToLower(id), ll, "", o.output_use, who);
      if (const TermValue* v = Present(*t, "field_of_use")) add_risk("field-of-use", ToLower(id), ll, "", v->text, who);
      // A permissive or copyleft license's attribution is a notice to keep
      // when redistributing, not a duty to display: listed under obligations only.
      // A display duty in short (the words and the size above which they
      // must show; the obligations section quotes the clause); other
      // attribution terms as written.
      std::string duty = o.naming;
      if (!o.attribution.empty() && !IsNoticeCategory(ll.category)) {
        const TermValue* a = Present(*t, "attribution");
        std::string shown = a != nullptr ? DescribeDisplayWords(*a) : std::string();
        if (shown.empty()) shown = "attribution: " + o.attribution;
        duty += std::string(duty.empty() ? "" : "; ") + shown;
      }
      if (!duty.empty()) add_risk("naming-display", ToLower(id), ll, "", duty, who);
    }
    if (m.license.empty()) {
      add_risk("unknown-license", "none", LicenseLink{}, "license unknown",
               "no license in the catalog, a model card or a LICENSE file", link_of(m.id));
    }
  }

  // Findings: most severe first, scan order within a severity.
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kNote}) {
    for (const Finding& f : r.findings) {
      if (f.severity != sev) continue;
      FindingEntry e;
      e.severity = f.severity;
      e.active = f.suppressed_by.empty();
      e.status = e.active ? "active" : SuppressionText(f);
      e.badge = e.active ? "" : f.suppressed_by == "waiver" ? "waived" : f.suppressed_by == "baseline" ? "baseline" : "suppressed";
      e.rule = f.rule;
      e.rule_source = f.rule_source;
      if (!f.model.empty()) e.model = link_of(f.model);
      if (!f.location.path.empty()) e.places.push_back(Where(f.location));
      for (const Location& l : f.also_at) {
        if (!l.path.empty()) e.places.push_back(Where(l));
      }
      e.trigger = f.trigger;
      e.message = f.message;
      e.how_to_fix = f.how_to_fix;
      e.anchor = "finding-" + std::to_string(out.findings.size() + 1);
      if (e.active && f.severity >= Severity::kWarning && !f.model.empty()) {
        LicenseLink none;
        add_risk("policy", std::to_string(2 - static_cast<int>(f.severity)) + ":" + f.rule, none, f.rule,
                 std::string(SeverityName(f.severity)), e.model);
      }
      out.findings.push_back(std::move(e));
    }
  }

  // Licenses by restrictiveness, then name.
  for (auto& [key, e] : licenses) {
    std::stable_sort(e.models.begin(), e.models.end(),
                     [](const ModelLink& a, const ModelLink& b) { return NameLess(a.id, b.id); });
    out.licenses.push_back(std::move(e));
  }
  std::stable_sort(out.licenses.begin(), out.licenses.end(), [](const LicenseEntry& a, const LicenseEntry& b) {
    int ra = LicenseCategoryRank(a.license.category), rb = LicenseCategoryRank(b.license.category);
    if (ra != rb) return ra > rb;
    return NameLess(a.license.name, b.license.name);
  });
  std::map<std::string, std::string> license_anchor;  // lowercased id -> anchor
  for (LicenseEntry& e : out.licenses) {
    e.license.anchor = anchors.Make("license", e.license.id);
    license_anchor[ToLower(e.license.id)] = e.license.anchor;
  }
  auto anchored = [&license_anchor](LicenseLink l) {
    auto it = license_anchor.find(ToLower(l.id));
    if (it != license_anchor.end()) l.anchor = it->second;
    return l;
  };

  for (const GroupSpec& spec : kGroups) {
    auto it = risk_rows.find(spec.key);
    if (it == risk_rows.end()) continue;
    RiskGroup g;
    g.key = spec.key;
    g.anchor = "risk-" + g.key;
    g.title = spec.title;
    g.explain = spec.explain;
    for (auto& [row_key, row] : it->second) {
      row.license = anchored(row.license);
      g.rows.push_back(std::move(row));
    }
    // Rows about a license: most restrictive first, then by name; the policy
    // rows stay by severity, then rule id (their keys).
    if (g.key != "policy") {
      std::stable_sort(g.rows.begin(), g.rows.end(), [](const RiskRow& a, const RiskRow& b) {
        if (a.license.id.empty() != b.license.id.empty()) return b.license.id.empty();
        return NameLess(a.license.name, b.license.name);
      });
    }
    g.model_count = risk_models[g.key].size();
    out.risks.push_back(std::move(g));
  }
  std::set<std::string> deciding;
  for (const auto& [group, ids] : risk_models) deciding.insert(ids.begin(), ids.end());
  out.models_needing_decision = deciding.size();

  std::map<std::string, std::string> excerpts = ExcerptsByPlace(r);
  for (const ModelSummary* mp : models) {
    const ModelSummary& m = *mp;
    ModelEntry e;
    e.id = m.id;
    e.anchor = model_anchor[ToLower(m.id)];
    // A model of the repository's own (a fine-tune, an adapter) is not
    // published by its base's maker: the base is named as such, and its
    // country stays, as the origin of the weights it builds on.
    e.publisher = IsLocalModel(m.id) ? LocalPublisher(m) : PublisherOf(m);
    e.country = m.country;
    e.family = m.family_name.empty() ? m.family : m.family_name;
    e.hosted_by = m.provider_name.empty() ? m.provider : m.provider_name;
    if (!e.hosted_by.empty() && !m.data_country.empty()) e.hosted_by += " (data in " + m.data_country + ")";
    if (!m.license.empty()) {
      e.license = anchored(license_of(m.license));
      if (!m.license_name.empty()) e.license.name = m.license_name;
      if (std::string url = LicenseUrl(m); !url.empty()) e.license.url = url;
      if (!m.license_category.empty()) e.license.category = m.license_category;
    }
    // Which terms bind and why (issue 12): the reviewer must not read an
    // open-weights licence into a hosted API call, or the reverse.
    std::string served_by = m.provider_name.empty() ? m.provider : m.provider_name;
    if (m.license_basis == "api-terms") {
      e.license_basis = "the API's terms: the model is used through ";
      e.license_basis.append(served_by.empty() ? std::string("a hosted API") : served_by).append(", whose terms bind it");
    } else if (m.license_basis == "weights" && !served_by.empty()) {
      e.license_basis = "the open-weights licence: ";
      e.license_basis.append(served_by).append(
          " serves the published weights, whose licence still applies; its own terms bind the API use too");
    } else if (m.license_basis == "weights") {
      e.license_basis = "the open-weights licence: the published checkpoint itself is used";
    }
    e.effective_category = EffectiveCategory(r, m);
    for (const std::string& id : InheritedLicenses(m)) e.inherited.push_back(anchored(license_of(id)));
    for (const LineageStep& s : m.lineage) {
      LineageEntry l;
      l.relation = s.relation;
      l.model_known = !s.model.empty();
      l.model = l.model_known ? s.model : "a " + (s.family.empty() ? std::string("base") : s.family) + " model";
      if (l.model_known) l.anchor = link_of(s.model).anchor;
      l.license = anchored(license_of(s.license));
      l.source = s.source;
      e.lineage.push_back(std::move(l));
    }

    // How the model is used.
    bool sdk_only = !m.kinds.empty() && std::all_of(m.kinds.begin(), m.kinds.end(), [](const std::string& k) {
      return k == "sdk-package";
    });
    std::string provider = m.provider_name.empty() ? m.provider : m.provider_name;
    if (sdk_only) {
      e.usage = "SDK package" + (provider.empty() ? "" : " (" + provider + ")");
    } else if (IsHostedApi(m)) {
      e.usage = "hosted API" + (provider.empty() ? "" : " (" + provider + ")");
    } else if (!m.provider.empty()) {
      e.usage = "served through " + provider + " (the weights' license applies)";
    } else if (IsLocalModel(m.id)) {
      e.usage = "model in this repository";
    } else {
      e.usage = "self-hosted weights";
    }
    if (!m.lineage.empty()) {
      const LineageEntry& first = e.lineage.front();
      e.usage += "; " + RelationWords(first.relation) + " of " + first.model;
    }
    if (IsHostedApi(m)) e.endpoints = EndpointsOf(r, m);

    std::set<std::string> seen;
    for (const Location& l : m.occurrences) {
      std::string where = Where(l);
      if (!seen.insert(where).second) continue;
      auto it = excerpts.find(where);
      e.evidence.push_back({where, it == excerpts.end() ? "" : it->second});
    }
    for (size_t i = 0; i < out.findings.size(); ++i) {
      if (IEquals(out.findings[i].model.id, m.id)) e.findings.push_back(i);
    }
    const std::set<std::string>& groups = model_risks[ToLower(m.id)];
    for (const RiskGroup& g : out.risks) {
      if (groups.count(g.key)) e.risks.push_back(g.title);
    }
    out.models.push_back(std::move(e));
  }

  auto counts = [&r](const std::function<std::string(const ModelSummary&)>& key) {
    std::map<std::string, int> by = CountBy(r, key);
    Counts c(by.begin(), by.end());
    std::stable_sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return NameLess(a.first, b.first); });
    return c;
  };
  out.by_publisher = counts([](const ModelSummary& m) { return IsLocalModel(m.id) ? "local models" : PublisherOf(m); });
  out.by_country = counts([](const ModelSummary& m) { return m.country; });
  out.by_category = counts([&r](const ModelSummary& m) { return EffectiveCategory(r, m); });
  return out;
}

std::vector<SectionRef> Sections(const ReportModel& m) {
  std::vector<SectionRef> s = {{"decisions", "Needs a decision"},
                               {"obligations", "Obligations by license"},
                               {"models", "Models"},
                               {"findings", "Findings"},
                               {"counts", "Counts"}};
  if (!m.errors.empty()) s.push_back({"errors", "Scan errors"});
  return s;
}

}  // namespace modelprov::report
