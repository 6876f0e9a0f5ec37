// The shared report model (report/report_model.h) and the compact Markdown
// summary's size promise.
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "report/report_model.h"
#include "report/report_util.h"
#include "report/writer.h"
#include "unit/report_fixture.h"

using namespace modelprov;
using modelprov::testing::Render;

namespace {

LicenseFacts Facts(const std::string& id, const std::string& category, TermMap terms) {
  LicenseFacts l;
  l.id = id;
  l.name = id + " license";
  l.url = "https://example.com/" + id;
  l.category = category;
  l.terms = std::move(terms);
  return l;
}

// `n` models with long ids, several licenses (one non-commercial, one with
// a user cap and attribution, one unknown to the catalog), lineage on every
// third model, many places per model and two findings per model with all
// their places: a repository far larger than any real one.
ScanResult Synthetic(size_t n, size_t id_length) {
  ScanResult r;
  r.tool_version = "0.0.0-test";
  r.roots = {"."};
  r.licenses = {
      {"LicenseRef-nc", Facts("LicenseRef-nc", "non-commercial", {{"commercial_use", testing::YesNo(false)}})},
      {"LicenseRef-capped", Facts("LicenseRef-capped", "restricted-commercial", testing::LlamaTerms())},
      {"LicenseRef-api", Facts("LicenseRef-api", "proprietary-api-terms",
                               {{"output_use", PresentTerm(std::string(300, 'o'))}})},
      {"MIT", Facts("MIT", "permissive", {{"attribution", PresentTerm("keep the notice")}})},
      {"LicenseRef-nobody-knows", LicenseFacts{"LicenseRef-nobody-knows", "", "", "", false, {}}},
  };
  const char* licenses[] = {"LicenseRef-nc", "LicenseRef-capped", "LicenseRef-api", "MIT", "LicenseRef-nobody-knows", ""};
  for (size_t i = 0; i < n; ++i) {
    ModelSummary m;
    std::string name = "Model-" + std::to_string(i) + "-";
    while (name.size() < id_length) name += "x";
    m.id = "Publisher" + std::to_string(i % 37) + "/" + name;
    m.publisher = "pub" + std::to_string(i % 37);
    m.publisher_name = (i % 2 ? "publisher " : "Publisher ") + std::to_string(i % 37) + " " + std::string(80, 'p');
    m.country = i % 3 ? "US" : "CN";
    m.license = licenses[i % 6];
    if (const auto it = r.licenses.find(m.license); it != r.licenses.end()) {
      m.license_category = it->second.category;
      m.terms = it->second.terms;
    }
    m.effective_license_category = m.license_category;
    if (i % 3 == 0) m.lineage = {{"Base/" + name, "finetune", "base", "LicenseRef-capped", "model card"}};
    m.kinds = {"hf-model-id"};
    for (uint32_t k = 1; k <= 12; ++k) {
      Location l{"src/module_" + std::to_string(i) + "/" + std::string(60, 'd') + "/file.py", k, 1};
      m.occurrences.push_back(l);
      ResolvedReference rr;
      rr.ref.location = l;
      rr.ref.excerpt = "model = load(\"" + m.id + "\")  # " + std::string(100, 'e');
      Resolution res;
      res.model = m.id;
      rr.resolution = res;
      r.references.push_back(rr);
    }
    for (const char* rule : {"rule-a", "rule-b"}) {
      Finding f;
      f.rule = rule;
      f.severity = i % 2 ? Severity::kError : Severity::kWarning;
      f.model = m.id;
      f.message = m.id + " " + std::string(400, 'm');
      f.location = m.occurrences.front();
      f.also_at.assign(m.occurrences.begin() + 1, m.occurrences.end());
      r.findings.push_back(f);
    }
    r.models.push_back(std::move(m));
  }
  return r;
}

}  // namespace

TEST_CASE("compact markdown stays under 60,000 characters whatever the scan", "[report][markdown-summary]") {
  for (auto [n, len] : {std::pair<size_t, size_t>{1000, 40}, {1000, 400}, {5000, 60}, {3, 30}, {0, 0}}) {
    std::string md = Render("markdown-summary", Synthetic(n, len));
    INFO(n << " models, ids of " << len << " bytes: " << md.size() << " bytes");
    CHECK(md.size() < 60000);
    CHECK(md.find("## Model dependency review") == 0);
    CHECK(md.find("### Needs a decision") != std::string::npos);
    CHECK(md.find("the full report") != std::string::npos);
    if (n >= 1000) {
      CHECK(md.find("more models in the full report") != std::string::npos);
      CHECK(md.find("| Non-commercial use only |") != std::string::npos);
      CHECK(md.size() > 30000);  // it uses its room rather than giving up early
    }
  }
  // The full report of the same scan is far larger: it is for files.
  CHECK(Render("markdown", Synthetic(1000, 40)).size() > 200000);
}

TEST_CASE("compact markdown names the full report written from the same scan", "[report][markdown-summary]") {
  WriterList writers = DefaultWriters();
  const ReportWriter* w = FindWriter(writers, "markdown-summary");
  REQUIRE(w != nullptr);
  WriteOptions options = testing::FixtureOptions();
  options.companions = {{"sarif", "out.sarif"}, {"html", "review.html"}};
  std::ostringstream out;
  w->Write(testing::FixtureScan(), out, options);
  CHECK(out.str().find("the full report `review.html`") != std::string::npos);
  options.companions = {{"json", "scan.json"}};
  std::ostringstream again;
  w->Write(testing::FixtureScan(), again, options);
  CHECK(again.str().find("`modelprov report --from scan.json --format html --output modelprov.html`") != std::string::npos);
}

TEST_CASE("report model: risks, obligations once per license, sorting", "[report][model]") {
  ScanResult scan = Synthetic(40, 20);
  report::ReportModel m = report::BuildReportModel(scan, "2026-01-02T03:04:05Z");
  // Each license once, however many models it binds.
  size_t capped = 0;
  for (const report::LicenseEntry& l : m.licenses) capped += l.license.id == "LicenseRef-capped" ? 1 : 0;
  CHECK(capped == 1);
  // Most restrictive first.
  REQUIRE(!m.licenses.empty());
  CHECK(m.licenses.front().license.id == "LicenseRef-nc");
  // Risk groups in order of restrictiveness; the non-commercial model is first.
  REQUIRE(!m.risks.empty());
  CHECK(m.risks.front().key == "non-commercial");
  bool unknown_group = false;
  for (const report::RiskGroup& g : m.risks) unknown_group |= g.key == "unknown-license";
  CHECK(unknown_group);
  // A model inherits its base's license and is listed under it "through" the base.
  bool through = false;
  for (const report::LicenseEntry& l : m.licenses) {
    for (const report::ModelLink& ml : l.models) through |= ml.via.rfind("through Base/", 0) == 0;
  }
  CHECK(through);
  // Publishers sort ignoring case; anchors are unique and [a-z0-9-].
  for (size_t i = 1; i < m.by_publisher.size(); ++i) {
    CHECK_FALSE(report::NameLess(m.by_publisher[i].first, m.by_publisher[i - 1].first));
  }
  std::set<std::string> anchors;
  for (const report::ModelEntry& e : m.models) {
    CHECK(anchors.insert(e.anchor).second);
    CHECK(e.anchor.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
  }
  // Findings keep all their places.
  REQUIRE(!m.findings.empty());
  CHECK(m.findings.front().places.size() == 12);
  CHECK(report::NameLess("apple", "Banana"));
  CHECK_FALSE(report::NameLess("Banana", "apple"));
}

TEST_CASE("report model: effective category comes from the scan", "[report][model]") {
  ScanResult scan = testing::FixtureScan();
  // The field set by the scan wins over what the license facts would give.
  for (ModelSummary& m : scan.models) {
    if (m.id == "local:models/lora") m.effective_license_category = "non-commercial";
  }
  report::ReportModel m = report::BuildReportModel(scan, "");
  bool found = false;
  for (const report::ModelEntry& e : m.models) {
    if (e.id != "local:models/lora") continue;
    found = true;
    CHECK(e.effective_category == "non-commercial");
    CHECK(e.license.category == "permissive");
    REQUIRE(e.inherited.size() == 1);
    CHECK(e.inherited[0].id == "LicenseRef-llama-3.1");
    CHECK(e.usage == "model in this repository; adapter of meta-llama/Llama-3.1-70B");
  }
  CHECK(found);
  // Without the field (a scan saved by an older version), the facts decide.
  ScanResult old = testing::FixtureScan();
  report::ReportModel from_facts = report::BuildReportModel(old, "");
  for (const report::ModelEntry& e : from_facts.models) {
    if (e.id == "local:models/lora") CHECK(e.effective_category == "restricted-commercial");
  }
}

// A display duty reads as what to show and from what size on, before the
// licence's own words; a revenue cap keeps its currency and period.
TEST_CASE("obligations state a display duty's words and thresholds", "[report][model]") {
  TermValue display = PresentTerm("the licence's sentence");
  display.display = "Kimi K2";
  display.above = DutyThreshold{100000000, MoneyAmount{20000000, "USD", "month"}};
  TermValue always = PresentTerm("every commercial product");
  always.display = "MiniMax M2.5";
  TermValue revenue = PresentTerm(DescribeMoney({1000000, "USD", "year"}), 1000000);
  revenue.money = MoneyAmount{1000000, "USD", "year"};
  report::Obligations kimi = report::ObligationsOf({{"attribution", display}, {"revenue_cap", revenue}});
  CHECK(kimi.attribution ==
        "show \"Kimi K2\" above 100,000,000 monthly active users or USD 20,000,000 per month in revenue "
        "(the licence's sentence)");
  CHECK(kimi.user_caps == "revenue cap: USD 1,000,000 per year");
  CHECK(report::ObligationsOf({{"attribution", always}}).attribution == "show \"MiniMax M2.5\" (every commercial product)");
}
