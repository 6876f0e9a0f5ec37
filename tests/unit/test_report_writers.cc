// Per-writer edge cases: escaping of hostile text, an empty scan, an unknown
// license, findings at line 0, non-ASCII and invalid UTF-8 in ids and paths.
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report_util.h"
#include "report/writer.h"
#include "unit/report_fixture.h"

using namespace modelprov;
using modelprov::testing::Render;
using nlohmann::json;

namespace {

// A scan whose every text field tries to break out of its format.
ScanResult HostileScan() {
  ScanResult r;
  r.tool_version = "1";
  r.roots = {"<root>"};
  ModelSummary m;
  m.id = "évil/<b>mödel</b>|x";
  m.publisher_name = "Pub \"quoted\" & <tag>";
  m.license = "LicenseRef-weird license!";
  m.license_name = "Weird | License";
  m.license_url = "javascript:alert(1)";
  m.country = "\xff\xfe";  // invalid UTF-8
  m.terms = {{"aup_url", PresentTerm("javascript:alert(2)")}, {"attribution", PresentTerm("<img src=x onerror=alert(3)>")}};
  m.lineage = {{"base/<script>", "finetune", "", "", "model card"}};
  m.occurrences = {{"dir/ö file.py", 3, 1}};
  r.models = {m};
  Finding f;
  f.rule = "rule-<x>";
  f.severity = Severity::kWarning;
  f.message = "line1\nline2 | </td><script>alert(4)</script>";
  f.model = m.id;
  f.location = {"dir/ö file.py", 0, 0};
  f.suppressed_by = "inline comment: modelprov:ignore rule-<x> ok";
  r.findings = {f};
  ResolvedReference rr;
  rr.ref.location = {"dir/ö file.py", 3, 1};
  rr.ref.excerpt = "x = '<script>alert(5)</script>'";
  r.references = {rr};
  return r;
}

ScanResult Empty() {
  ScanResult r;
  r.tool_version = "1";
  return r;
}

}  // namespace

TEST_CASE("sarif: rules from findings, fingerprints ignore the line number, line 0 has no region", "[report][sarif]") {
  json doc = json::parse(Render("sarif", testing::FixtureScan()));
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  std::vector<std::string> ids;
  for (const json& rule : run["tool"]["driver"]["rules"]) ids.push_back(rule["id"]);
  CHECK(ids == std::vector<std::string>{"llama-attribution", "llama-derived", "no-cn-origin", "review-cn-model",
                                        "unknown-license"});
  const json& cn_rule = run["tool"]["driver"]["rules"][2];
  CHECK(cn_rule["name"] == "NoCnOrigin");
  CHECK(cn_rule["defaultConfiguration"]["level"] == "error");
  CHECK(cn_rule["help"]["markdown"] == "Replace **deepseek-chat** with an approved model, or add a waiver.");
  CHECK(cn_rule["properties"]["tags"] == json({"model-provenance", "supply-chain", "country"}));

  const json& results = run["results"];
  REQUIRE(results.size() == 6);
  CHECK(results[0]["ruleIndex"] == 2);
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 19);
  CHECK(results[2]["suppressions"][0]["kind"] == "external");
  CHECK(results[2]["suppressions"][0]["justification"] == "waived until 2099-01-01: approved by legal, ticket LEGAL-42");
  CHECK(results[3]["locations"][0]["physicalLocation"].contains("region") == false);
  CHECK(results[4]["suppressions"][0]["kind"] == "inSource");
  CHECK(results[4]["suppressions"][0]["justification"] == "suppressed inline: evaluated in LEGAL-7");
  CHECK(results[5]["suppressions"][0]["justification"] == "suppressed inline: no reason given");

  // Two findings of one rule and model in one file (lines 19 and 13) get
  // different fingerprints.
  CHECK(results[0]["partialFingerprints"] != results[4]["partialFingerprints"]);

  // Moving the evidence (the finding and the line it quotes) to another line
  // keeps its fingerprint.
  ScanResult moved = testing::FixtureScan();
  moved.findings[0].location.line = 99;
  for (ResolvedReference& rr : moved.references) {
    if (rr.ref.location.path == "app/llm.py" && rr.ref.location.line == 19) rr.ref.location.line = 99;
  }
  json moved_doc = json::parse(Render("sarif", moved));
  CHECK(moved_doc["runs"][0]["results"][0]["partialFingerprints"] == results[0]["partialFingerprints"]);
  // Another path does not.
  moved.findings[0].location.path = "other.py";
  moved_doc = json::parse(Render("sarif", moved));
  CHECK(moved_doc["runs"][0]["results"][0]["partialFingerprints"] != results[0]["partialFingerprints"]);
}

TEST_CASE("sarif: empty scan, inline suppressions and odd paths", "[report][sarif]") {
  json empty = json::parse(Render("sarif", Empty()));
  CHECK(empty["runs"][0]["results"] == json::array());
  CHECK(empty["runs"][0]["tool"]["driver"]["rules"] == json::array());

  json doc = json::parse(Render("sarif", HostileScan()));
  const json& result = doc["runs"][0]["results"][0];
  CHECK(result["suppressions"][0]["kind"] == "inSource");
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir/%C3%B6%20file.py");
  CHECK(result["message"]["text"] == "line1\nline2 | </td><script>alert(4)</script>");
}

TEST_CASE("sarif: fingerprints are unique per line text and occurrence, and stable", "[report][sarif]") {
  ScanResult r;
  auto ref = [](uint32_t line, const std::string& excerpt) {
    ResolvedReference rr;
    rr.ref.location = {"app/x.py", line, 1};
    rr.ref.excerpt = excerpt;
    return rr;
  };
  // Two identical lines and one different line, all of one model.
  r.references = {ref(3, "m = \"deepseek-chat\""), ref(8, "m = \"deepseek-chat\""), ref(12, "x = call(\"deepseek-chat\")")};
  auto finding = [](uint32_t line) {
    Finding f;
    f.rule = "no-cn";
    f.model = "deepseek-chat";
    f.location = {"app/x.py", line, 1};
    return f;
  };
  r.findings = {finding(3), finding(8), finding(12)};
  auto fingerprints = [](const ScanResult& scan) {
    std::vector<std::string> out;
    json doc = json::parse(Render("sarif", scan));
    for (const json& res : doc["runs"][0]["results"]) {
      out.push_back(res["partialFingerprints"]["modelprovFinding/v2"]);
    }
    return out;
  };
  std::vector<std::string> before = fingerprints(r);
  REQUIRE(before.size() == 3);
  CHECK(std::set<std::string>(before.begin(), before.end()).size() == 3);
  CHECK(before[0].substr(before[0].size() - 2) == ":1");  // first of two identical lines
  CHECK(before[1].substr(before[1].size() - 2) == ":2");
  // Lines inserted above, and re-indentation, change nothing.
  ScanResult shifted = r;
  for (ResolvedReference& rr : shifted.references) {
    rr.ref.location.line += 5;
    rr.ref.excerpt = "    " + rr.ref.excerpt;
  }
  for (Finding& f : shifted.findings) f.location.line += 5;
  CHECK(fingerprints(shifted) == before);
}

TEST_CASE("sarif: a location outside the scanned root is an absolute file URI without uriBaseId", "[report][sarif]") {
  ScanResult r;
  Finding f;
  f.rule = "expired-waiver";
  f.severity = Severity::kWarning;
  f.location = {"/etc/company policy.yml", 14, 0};
  r.findings = {f};
  json loc = json::parse(Render("sarif", r))["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"] == json({{"uri", "file:///etc/company%20policy.yml"}}));
  CHECK(loc["region"]["startLine"] == 14);
}

TEST_CASE("cyclonedx: models, services, libraries, lineage and licenses", "[report][cyclonedx]") {
  json doc = json::parse(Render("cyclonedx", testing::FixtureScan()));
  CHECK(doc["specVersion"] == "1.6");
  CHECK(doc["serialNumber"].get<std::string>().rfind("urn:uuid:", 0) == 0);
  std::map<std::string, json> by_ref;
  for (const json& c : doc["components"]) by_ref[c["bom-ref"]] = c;
  REQUIRE(by_ref.count("model:acme/support-bot-8b"));
  REQUIRE(by_ref.count("model:meta-llama/Llama-3.1-8B-Instruct"));  // base added from lineage
  REQUIRE(by_ref.count("package:pypi:openai"));
  CHECK(by_ref["package:pypi:openai"]["type"] == "library");
  CHECK(by_ref["package:pypi:openai"]["purl"] == "pkg:pypi/openai");
  const json& bot = by_ref["model:acme/support-bot-8b"];
  CHECK(bot["type"] == "machine-learning-model");
  CHECK(bot["purl"] == "pkg:huggingface/acme/support-bot-8b");
  CHECK(bot["licenses"][0]["license"]["name"] == "Llama 3.1 Community License Agreement");
  CHECK(bot["licenses"][0]["license"]["url"] == "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE");
  CHECK(by_ref["model:BAAI/bge-large-en-v1.5"]["licenses"][0]["license"]["id"] == "MIT");
  CHECK(by_ref["model:mystery-lab/secret-model"].contains("licenses") == false);  // unknown: no claim

  REQUIRE(doc["services"].size() == 1);
  CHECK(doc["services"][0]["name"] == "deepseek-chat");
  CHECK(doc["services"][0]["endpoints"] == json({"https://api.deepseek.com"}));
  CHECK(doc["services"][0]["provider"]["name"] == "DeepSeek API");

  bool lineage = false;
  for (const json& d : doc["dependencies"]) {
    if (d["ref"] == "model:acme/support-bot-8b") lineage = d["dependsOn"] == json({"model:meta-llama/Llama-3.1-8B-Instruct"});
  }
  CHECK(lineage);
}

TEST_CASE("cyclonedx: inherited licenses, base license facts and local models", "[report][cyclonedx]") {
  json doc = json::parse(Render("cyclonedx", testing::FixtureScan()));
  std::map<std::string, json> by_ref;
  for (const json& c : doc["components"]) by_ref[c["bom-ref"]] = c;
  REQUIRE(by_ref.count("model:local:models/lora"));
  REQUIRE(by_ref.count("model:meta-llama/Llama-3.1-70B"));
  const json& lora = by_ref["model:local:models/lora"];
  // The card's own license is declared; what binds the model is concluded.
  CHECK(lora["licenses"] ==
        json::parse(R"([{"license": {"id": "Apache-2.0", "acknowledgement": "declared"}},
                        {"license": {"id": "Apache-2.0", "acknowledgement": "concluded"}},
                        {"license": {"name": "Llama 3.1 Community License Agreement",
                                     "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE",
                                     "acknowledgement": "concluded"}}])"));
  // The team's own model has no supplier or publisher; the upstream publisher
  // is on the base component, which carries its license's name and URL.
  CHECK(lora.contains("supplier") == false);
  CHECK(lora.contains("publisher") == false);
  const json& base = by_ref["model:meta-llama/Llama-3.1-70B"];
  CHECK(base["supplier"]["name"] == "Meta");
  CHECK(base["licenses"] == json::parse(R"([{"license": {"name": "Llama 3.1 Community License Agreement",
      "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"}}])"));
  bool effective = false;
  for (const json& p : lora["properties"]) {
    effective = effective || (p["name"] == "modelprov:effective_license_category" && p["value"] == "restricted-commercial");
  }
  CHECK(effective);
  // A model without inherited licenses keeps the plain form.
  CHECK(by_ref["model:BAAI/bge-large-en-v1.5"]["licenses"] == json::parse(R"([{"license": {"id": "MIT"}}])"));
}

TEST_CASE("cyclonedx: empty scan and reproducible serial numbers", "[report][cyclonedx]") {
  json empty = json::parse(Render("cyclonedx", Empty()));
  CHECK(empty["components"] == json::array());
  CHECK(empty.contains("services") == false);
  ScanResult other = testing::FixtureScan();
  other.models.pop_back();
  CHECK(json::parse(Render("cyclonedx", other))["serialNumber"] !=
        json::parse(Render("cyclonedx", testing::FixtureScan()))["serialNumber"]);
  json hostile = json::parse(Render("cyclonedx", HostileScan()));  // parses: invalid UTF-8 was replaced
  CHECK(hostile["components"][0]["name"] == "évil/<b>mödel</b>|x");
}

TEST_CASE("spdx: packages, LicenseRef declarations and lineage relationships", "[report][spdx]") {
  json doc = json::parse(Render("spdx", testing::FixtureScan()));
  CHECK(doc["spdxVersion"] == "SPDX-2.3");
  std::map<std::string, json> by_name;
  for (const json& p : doc["packages"]) by_name[p["name"]] = p;
  CHECK(by_name["BAAI/bge-large-en-v1.5"]["licenseDeclared"] == "MIT");
  CHECK(by_name["BAAI/bge-large-en-v1.5"]["downloadLocation"] == "https://huggingface.co/BAAI/bge-large-en-v1.5");
  CHECK(by_name["deepseek-chat"]["downloadLocation"] == "NOASSERTION");
  CHECK(by_name["mystery-lab/secret-model"]["licenseConcluded"] == "NOASSERTION");
  CHECK(by_name["acme/support-bot-8b"]["supplier"] == "Organization: Acme & Sons <AI>");
  std::set<std::string> declared;
  for (const json& e : doc["hasExtractedLicensingInfos"]) declared.insert(e["licenseId"]);
  for (const json& p : doc["packages"]) {
    std::string l = p["licenseDeclared"];
    if (l.rfind("LicenseRef-", 0) == 0) CHECK(declared.count(l) == 1);
  }
  int descendant = 0;
  for (const json& rel : doc["relationships"]) {
    if (rel["relationshipType"] == "DESCENDANT_OF" && rel["spdxElementId"] == by_name["acme/support-bot-8b"]["SPDXID"]) {
      ++descendant;
      CHECK(rel["relatedSpdxElement"] == by_name["meta-llama/Llama-3.1-8B-Instruct"]["SPDXID"]);
    }
    if (rel["relationshipType"] == "DESCENDANT_OF" && rel["spdxElementId"] == by_name["local:models/lora"]["SPDXID"]) {
      ++descendant;
      CHECK(rel["relatedSpdxElement"] == by_name["meta-llama/Llama-3.1-70B"]["SPDXID"]);
    }
  }
  CHECK(descendant == 2);
  // A license id SPDX cannot carry becomes NOASSERTION, never an invalid expression.
  json hostile = json::parse(Render("spdx", HostileScan()));
  CHECK(hostile["packages"][1]["licenseDeclared"] == "NOASSERTION");
  CHECK(json::parse(Render("spdx", Empty()))["packages"].size() == 1);  // the scanned root only
}

TEST_CASE("spdx: concluded licenses include inherited ones; local models have no supplier", "[report][spdx]") {
  json doc = json::parse(Render("spdx", testing::FixtureScan()));
  std::map<std::string, json> by_name;
  for (const json& p : doc["packages"]) by_name[p["name"]] = p;
  const json& lora = by_name["local:models/lora"];
  CHECK(lora["licenseDeclared"] == "Apache-2.0");
  CHECK(lora["licenseConcluded"] == "Apache-2.0 AND LicenseRef-llama-3.1");
  CHECK(lora["supplier"] == "NOASSERTION");
  CHECK(by_name["meta-llama/Llama-3.1-70B"]["supplier"] == "Organization: Meta");
  CHECK(by_name["meta-llama/Llama-3.1-70B"]["licenseConcluded"] == "LicenseRef-llama-3.1");
  CHECK(by_name["BAAI/bge-large-en-v1.5"]["licenseConcluded"] == "MIT");
  // The LicenseRef is declared with the catalog's name and URL, even though
  // only lineage names it for some models.
  json llama;
  for (const json& e : doc["hasExtractedLicensingInfos"]) {
    if (e["licenseId"] == "LicenseRef-llama-3.1") llama = e;
  }
  CHECK(llama["name"] == "Llama 3.1 Community License Agreement");
  CHECK(llama["seeAlsos"] == json({"https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"}));

  // A license only reached through lineage still gets its facts from the scan.
  ScanResult only_lineage;
  ModelSummary m;
  m.id = "local:models/lora";
  m.license = "Apache-2.0";
  m.lineage = {{"meta-llama/Llama-3.1-8B", "adapter", "llama", "LicenseRef-llama-3.1", "model card"}};
  only_lineage.models = {m};
  only_lineage.licenses = testing::FixtureScan().licenses;
  json info = json::parse(Render("spdx", only_lineage))["hasExtractedLicensingInfos"][0];
  CHECK(info["name"] == "Llama 3.1 Community License Agreement");
  CHECK(info["seeAlsos"].size() == 1);
}

TEST_CASE("markdown and html: suppression reasons, triggers, counts and effective categories", "[report][markdown][html]") {
  std::string md = Render("markdown", testing::FixtureScan());
  CHECK(md.find("| waived until 2099-01-01: approved by legal, ticket LEGAL-42 | `review-cn-model`") != std::string::npos);
  CHECK(md.find("| suppressed inline: evaluated in LEGAL-7 |") != std::string::npos);
  CHECK(md.find("| suppressed inline: no reason given |") != std::string::npos);
  CHECK(md.find("| `country=CN` |") != std::string::npos);  // the trigger column
  CHECK(md.find("### Errors (1 active, 1 suppressed)") != std::string::npos);
  CHECK(md.find("4 active findings, 2 suppressed") == std::string::npos);
  CHECK(md.find("3 active findings, 3 suppressed") != std::string::npos);
  // The LoRA counts as restricted-commercial (its base's category), not permissive.
  CHECK(md.find("| permissive | 1 |") != std::string::npos);
  CHECK(md.find("| restricted-commercial | 2 |") != std::string::npos);
  CHECK(md.find("inherits [Llama 3.1 Community License Agreement]") != std::string::npos);

  std::string html = Render("html", testing::FixtureScan());
  CHECK(html.find("<span class=\"badge\">waived</span> waived until 2099-01-01: approved by legal, ticket LEGAL-42") !=
        std::string::npos);
  CHECK(html.find("<span class=\"badge\">suppressed</span> suppressed inline: evaluated in LEGAL-7") != std::string::npos);
  CHECK(html.find("<span class=\"badge\">waived</span> suppressed") == std::string::npos);
  CHECK(html.find("<td><code>country=CN</code></td>") != std::string::npos);
  CHECK(html.find("3 active findings, 3 suppressed") != std::string::npos);
  // The LoRA's own entry: permissive itself, restricted-commercial through its base.
  CHECK(html.find("<dt>Effective category</dt><dd>restricted-commercial</dd>") != std::string::npos);
}

TEST_CASE("text: trigger, suppression reason and scan errors wording", "[report][text]") {
  std::string text = Render("text", testing::FixtureScan());
  CHECK(text.find("error [no-cn-origin] app/llm.py:19: deepseek-chat is published by DeepSeek (CN); policy forbids models "
                  "from CN [trigger: country=CN]\n") != std::string::npos);
  CHECK(text.find("(waived until 2099-01-01: approved by legal, ticket LEGAL-42)") != std::string::npos);
  CHECK(text.find("(suppressed inline: evaluated in LEGAL-7)") != std::string::npos);
  CHECK(text.find("Findings (3 active, 3 suppressed)") != std::string::npos);
  CHECK(text.find("    license    Apache-2.0 — Apache License 2.0 (permissive)\n"
                  "    inherits   LicenseRef-llama-3.1 — Llama 3.1 Community License Agreement (restricted-commercial)\n") !=
        std::string::npos);
  CHECK(text.find("; 3 active findings, 3 suppressed, 1 scan error; ") != std::string::npos);
}

TEST_CASE("markdown: hostile text cannot break tables or inject HTML", "[report][markdown]") {
  std::string md = Render("markdown", HostileScan());
  // Raw '<' is only ever inside code spans, where Markdown shows it as text.
  CHECK(md.find("`x = '<script>alert(5)</script>'`") != std::string::npos);
  CHECK(md.find("`base/<script>`") != std::string::npos);
  CHECK(md.find("<script>alert(4)") == std::string::npos);
  CHECK(md.find("<img") == std::string::npos);
  CHECK(md.find("](javascript") == std::string::npos);
  CHECK(md.find("<javascript") == std::string::npos);
  CHECK(md.find("line1 line2 \\| &lt;/td&gt;&lt;script&gt;alert(4)&lt;/script&gt;") != std::string::npos);
  CHECK(md.find("\xff") == std::string::npos);
  CHECK(md.find("`dir/ö file.py`") != std::string::npos);  // line 0: no ":0"
  CHECK(md.find("suppressed: inline comment: modelprov:ignore rule-&lt;x&gt; ok") != std::string::npos);
  std::string empty = Render("markdown", Empty());
  CHECK(empty.find("No model dependencies were found.") != std::string::npos);
  CHECK(empty.find("No findings.") != std::string::npos);
}

TEST_CASE("html: everything escaped, links only for http(s), charts and lineage shown", "[report][html]") {
  std::string html = Render("html", HostileScan());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(5)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Pub &quot;quoted&quot; &amp; &lt;tag&gt;") != std::string::npos);
  CHECK(html.find("class=\"chain lineage\"") != std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched from elsewhere
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  std::string fixture = Render("html", testing::FixtureScan());
  CHECK(fixture.find("id=\"chart-country\"") != std::string::npos);
  CHECK(fixture.find("<a href=\"https://llama.meta.com/llama3_1/use-policy\">") != std::string::npos);
  std::string empty = Render("html", Empty());
  CHECK(empty.find("<svg") == std::string::npos);
  CHECK(empty.find("No model dependencies were found.") != std::string::npos);
}

TEST_CASE("notice: grouped per license with attribution and links", "[report][notice]") {
  std::string notice = Render("notice", testing::FixtureScan());
  size_t llama = notice.find("Llama 3.1 Community License Agreement (LicenseRef-llama-3.1)");
  size_t mit = notice.find("MIT License (MIT)");
  REQUIRE(llama != std::string::npos);
  REQUIRE(mit != std::string::npos);
  CHECK(llama < mit);  // license ids in order: "LicenseRef-..." < "MIT"
  CHECK(notice.find("Required attribution:\n  Built with Llama\n") != std::string::npos);
  CHECK(notice.find("  - acme/support-bot-8b (adapter of meta-llama/Llama-3.1-8B-Instruct)") != std::string::npos);
  // Listed once, with the lineage that brings the license in.
  CHECK(notice.find("  - acme/support-bot-8b\n") == std::string::npos);
  CHECK(notice.find("  - local:models/lora (adapter of meta-llama/Llama-3.1-70B)") != std::string::npos);
  // Each license shows its own terms: the LoRA's Apache attribution (merged
  // into its terms) is not a Llama requirement.
  std::string llama_section = notice.substr(llama, mit - llama);
  CHECK(llama_section.find("NOTICE file") == std::string::npos);
  size_t apache = notice.find("Apache License 2.0 (Apache-2.0)\nLicense: https://www.apache.org/licenses/LICENSE-2.0\n");
  REQUIRE(apache != std::string::npos);
  CHECK(notice.find("  keep the LICENSE and any NOTICE file\n", apache) != std::string::npos);
  CHECK(notice.find("License not determined (check before shipping):\n  - mystery-lab/secret-model") != std::string::npos);
  CHECK(Render("notice", Empty()).find("uses no third-party AI model") != std::string::npos);
}

TEST_CASE("report helpers: hashing, ids, escaping", "[report][util]") {
  CHECK(report::Hex64(report::Fnv1a64("")) == "cbf29ce484222325");  // FNV-1a offset basis
  CHECK(report::Hex64(report::Fnv1a64("a")) == "af63dc4c8601ec8c");  // published FNV-1a 64 test vector
  std::string uuid = report::UuidFromSeed("x");
  CHECK(uuid.size() == 36);
  CHECK(uuid[14] == '4');
  CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
  CHECK(report::UuidFromSeed("x") == uuid);
  CHECK(report::IsHubId("Qwen/Qwen2.5-7B-Instruct"));
  CHECK_FALSE(report::IsHubId("pypi:openai"));
  CHECK_FALSE(report::IsHubId("https://api.deepseek.com"));
  CHECK_FALSE(report::IsHubId("a/b/c"));
  CHECK(report::HubPurl("meta-llama/Llama-3.1-8B") == "pkg:huggingface/meta-llama/Llama-3.1-8B");
  CHECK(report::HtmlEscape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  CHECK(report::MarkdownEscape("a|b*c_\n<d>") == "a\\|b\\*c\\_ &lt;d&gt;");
  CHECK(report::PercentEncodePath("a b/ü.py") == "a%20b/%C3%BC.py");
  CHECK_FALSE(report::IsWebUrl("javascript:alert(1)"));
  CHECK(report::Where({"f.py", 0, 0}) == "f.py");
  CHECK(report::Where({"f.py", 7, 2}) == "f.py:7");
}
