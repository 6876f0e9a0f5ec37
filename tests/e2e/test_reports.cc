// The report formats from the command line: scan --format/--report,
// `modelprov report --from`, `modelprov notice`, and their errors.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;

TEST_CASE("report --from renders the same report as the scan did", "[e2e][report]") {
  TempDir tmp;
  std::string saved = (tmp.path() / "scan.json").string();
  RunResult scan = Modelprov({"scan", "docs/demo", "--format", "json", "--output", saved}, MODELPROV_SOURCE_DIR);
  REQUIRE(scan.exit_code == 0);
  for (const char* format : {"markdown", "sarif", "notice", "text"}) {
    RunResult direct = Modelprov({"scan", "docs/demo", "--format", format}, MODELPROV_SOURCE_DIR);
    RunResult later = Modelprov({"report", "--from", saved, "--format", format}, MODELPROV_SOURCE_DIR);
    REQUIRE(later.exit_code == 0);
    if (std::string(format) == "text") {
      // The last line carries the scan's wall time; the rest must match.
      CHECK(later.out.substr(0, later.out.rfind("; ")) == direct.out.substr(0, direct.out.rfind("; ")));
    } else {
      CHECK(later.out == direct.out);
    }
  }
  RunResult md = Modelprov({"report", "--from", saved, "--format", "markdown"}, MODELPROV_SOURCE_DIR);
  CHECK(md.out.find("- `app/llm_client.py:19`: `model=\"deepseek-chat\",`") != std::string::npos);
}

TEST_CASE("scan --report writes several formats from one scan", "[e2e][report]") {
  TempDir tmp;
  std::string sarif = (tmp.path() / "out.sarif").string();
  std::string bom = (tmp.path() / "bom.json").string();
  RunResult r = Modelprov({"scan", "docs/demo", "--format", "json", "--report", "sarif=" + sarif, "--report",
                           "cyclonedx=" + bom},
                          MODELPROV_SOURCE_DIR);
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(scan["references"][0]["excerpt"] == "EMBEDDER = SentenceTransformer(\"BAAI/bge-large-en-v1.5\")");
  nlohmann::json s = nlohmann::json::parse(ReadFile(sarif));
  CHECK(s["version"] == "2.1.0");
  nlohmann::json b = nlohmann::json::parse(ReadFile(bom));
  CHECK(b["bomFormat"] == "CycloneDX");
  // Every model, plus the base of the demo's LoRA (a lineage ancestor the code
  // does not reference itself).
  CHECK(b["components"].size() + b["services"].size() == scan["models"].size() + 1);
  bool base_listed = false;
  for (const auto& c : b["components"]) base_listed = base_listed || c["name"] == "Llama-3.1-8B-Instruct";
  CHECK(base_listed);
}

TEST_CASE("SOURCE_DATE_EPOCH fixes the report timestamp and serial number", "[e2e][report]") {
  std::vector<std::string> args = {"env", "SOURCE_DATE_EPOCH=86400", MODELPROV_BIN, "scan", "docs/demo", "--format", "cyclonedx"};
  RunResult a = Run(args, MODELPROV_SOURCE_DIR);
  RunResult b = Run(args, MODELPROV_SOURCE_DIR);
  REQUIRE(a.exit_code == 0);
  nlohmann::json bom = nlohmann::json::parse(a.out);
  CHECK(bom["metadata"]["timestamp"] == "1970-01-02T00:00:00Z");
  CHECK(a.out == b.out);
}

TEST_CASE("notice lists the required attribution per license", "[e2e][notice]") {
  TempDir tmp;
  RunResult r = Modelprov({"notice", "docs/demo"}, MODELPROV_SOURCE_DIR);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("THIRD-PARTY AI MODEL NOTICES\n", 0) == 0);
  CHECK(r.out.find("Llama 3.1 Community License Agreement (LicenseRef-llama-3.1)\n"
                   "License: https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE\n") != std::string::npos);
  CHECK(r.out.find("Required attribution:\n  show \"Built with Llama\" (whoever distributes or makes available the Llama "
                   "Materials") != std::string::npos);
  std::string saved = (tmp.path() / "scan.json").string();
  REQUIRE(Modelprov({"scan", "docs/demo", "--format", "json", "-o", saved}, MODELPROV_SOURCE_DIR).exit_code == 0);
  std::string notice_file = (tmp.path() / "NOTICE").string();
  RunResult from = Modelprov({"notice", "--from", saved, "--output", notice_file}, MODELPROV_SOURCE_DIR);
  REQUIRE(from.exit_code == 0);
  CHECK(ReadFile(notice_file) == r.out);
}

TEST_CASE("report and notice usage errors", "[e2e][report]") {
  TempDir tmp;
  RunResult missing = Modelprov({"report", "--from", "nope.json", "--format", "sarif"}, tmp.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "modelprov: report: --from file not found: nope.json (see modelprov report --help)\n");

  tmp.Write("bad.json", "{\"hello\": 1}");
  RunResult bad = Modelprov({"report", "--from", "bad.json", "--format", "sarif"}, tmp.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "modelprov: bad.json: not a modelprov JSON scan: no schema_version\n");

  RunResult format = Modelprov({"report", "--from", "bad.json", "--format", "pdf"}, tmp.path());
  CHECK(format.exit_code == 2);
  CHECK(format.err ==
        "modelprov: report: unknown --format 'pdf' (known: text, json, sarif, cyclonedx, spdx, markdown, markdown-summary, "
        "html, notice) (see modelprov report --help)\n");
  RunResult dir = Modelprov({"report", "--from", "."}, tmp.path());
  CHECK(dir.exit_code == 2);
  CHECK(dir.err == "modelprov: report: --from must name a file; . is a directory (see modelprov report --help)\n");

  RunResult spec = Modelprov({"scan", ".", "--report", "sarif"}, tmp.path());
  CHECK(spec.exit_code == 2);
  CHECK(spec.err == "modelprov: scan: --report must be FORMAT=FILE, not 'sarif' (see modelprov scan --help)\n");
  RunResult unknown = Modelprov({"scan", ".", "--report", "pdf=x.pdf"}, tmp.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.rfind("modelprov: scan: unknown --report format 'pdf' (known: ", 0) == 0);
  CHECK(unknown.err.find("(see modelprov scan --help)\n") != std::string::npos);

  RunResult unwritable = Modelprov({"scan", ".", "--report", "sarif=no/such/dir/x.sarif"}, tmp.path());
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err == "modelprov: cannot write no/such/dir/x.sarif: No such file or directory\n");

  RunResult both = Modelprov({"notice", ".", "--from", "bad.json"}, tmp.path());
  CHECK(both.exit_code == 2);
  CHECK(both.err == "modelprov: give either PATH... or --from, not both\n");
}

TEST_CASE("a saved scan carries every license's facts, so SBOMs from it name inherited licenses", "[e2e][report]") {
  TempDir tmp;
  // The team's own LoRA: its card says apache-2.0, its base is Llama 3.1.
  tmp.Write("models/lora/adapter_config.json",
            "{\n  \"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B-Instruct\",\n  \"peft_type\": \"LORA\"\n}\n");
  tmp.Write("models/lora/README.md",
            "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n# acme support lora\n");
  RunResult scan = Modelprov({"scan", ".", "--format", "json", "--policy", "none", "--output", "scan.json"}, tmp.path());
  REQUIRE(scan.exit_code == 0);
  nlohmann::json doc = nlohmann::json::parse(ReadFile(tmp.path() / "scan.json"));
  const nlohmann::json& llama = doc["licenses"]["LicenseRef-llama-3.1"];
  CHECK(llama["name"] == "Llama 3.1 Community License Agreement");
  CHECK(llama["url"] == "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE");
  CHECK(llama["category"] == "restricted-commercial");
  CHECK(llama["terms"]["attribution"]["display"] == "Built with Llama");
  CHECK(doc["licenses"]["Apache-2.0"]["spdx"] == true);

  RunResult spdx = Modelprov({"report", "--from", "scan.json", "--format", "spdx"}, tmp.path());
  REQUIRE(spdx.exit_code == 0);
  nlohmann::json sbom = nlohmann::json::parse(spdx.out);
  bool found = false;
  for (const auto& p : sbom["packages"]) {
    if (p["name"] != "local:models/lora") continue;
    found = true;
    CHECK(p["licenseDeclared"] == "Apache-2.0");
    CHECK(p["licenseConcluded"] == "Apache-2.0 AND LicenseRef-llama-3.1");
    CHECK(p["supplier"] == "NOASSERTION");
  }
  CHECK(found);
  for (const auto& info : sbom["hasExtractedLicensingInfos"]) {
    if (info["licenseId"] != "LicenseRef-llama-3.1") continue;
    CHECK(info["name"] == "Llama 3.1 Community License Agreement");
    CHECK(info["seeAlsos"] ==
          nlohmann::json({"https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"}));
  }

  RunResult cdx = Modelprov({"report", "--from", "scan.json", "--format", "cyclonedx"}, tmp.path());
  REQUIRE(cdx.exit_code == 0);
  nlohmann::json bom = nlohmann::json::parse(cdx.out);
  for (const auto& c : bom["components"]) {
    if (c["bom-ref"] == "model:meta-llama/Llama-3.1-8B-Instruct") {
      CHECK(c["supplier"]["name"] == "Meta");
      CHECK(c["licenses"][0]["license"]["url"] ==
            "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE");
    }
    if (c["bom-ref"] == "model:local:models/lora") CHECK(c.contains("supplier") == false);
  }

  RunResult notice = Modelprov({"notice", "--from", "scan.json"}, tmp.path());
  REQUIRE(notice.exit_code == 0);
  CHECK(notice.out.find("Llama 3.1 Community License Agreement (LicenseRef-llama-3.1)\n"
                        "License: https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE\n\n"
                        "Models:\n  - local:models/lora (") != std::string::npos);
}

TEST_CASE("docs/reports.md examples are the demo's real output", "[e2e][report][docs]") {
  std::string doc = ReadFile(std::filesystem::path(MODELPROV_SOURCE_DIR) / "docs/reports.md");
  auto render = [](const std::string& format) {
    RunResult r = Run({"env", "SOURCE_DATE_EPOCH=1767225600", MODELPROV_BIN, "scan", "docs/demo", "-q", "--format", format},
                      MODELPROV_SOURCE_DIR);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  // Values that change whenever the output does: if one of these fails,
  // regenerate the examples in docs/reports.md from the real output.
  nlohmann::json bom = nlohmann::json::parse(render("cyclonedx"));
  CHECK(doc.find("\"serialNumber\": \"" + bom["serialNumber"].get<std::string>() + "\"") != std::string::npos);
  nlohmann::json sarif = nlohmann::json::parse(render("sarif"));
  const nlohmann::json& results = sarif["runs"][0]["results"];
  CHECK(doc.find(std::to_string(results.size()) + " results") != std::string::npos);
  for (const auto& res : results) {
    if (res["ruleId"] != "user-cap") continue;
    CHECK(doc.find(res["partialFingerprints"]["modelprovFinding/v2"].get<std::string>()) != std::string::npos);
    break;
  }
  std::string md = render("markdown");
  size_t contents = md.find("\n\n**Contents:**");
  REQUIRE(contents != std::string::npos);
  std::string header = md.substr(0, contents);
  CHECK(doc.find(header) != std::string::npos);
  std::string notice = render("notice");
  size_t llama = notice.find("Llama 3.1 Community License Agreement (LicenseRef-llama-3.1)");
  REQUIRE(llama != std::string::npos);
  std::string section = notice.substr(llama, notice.find(std::string(72, '-'), llama) - llama);
  while (!section.empty() && section.back() == '\n') section.pop_back();
  CHECK(doc.find(section) != std::string::npos);
  nlohmann::json spdx = nlohmann::json::parse(render("spdx"));
  for (const auto& p : spdx["packages"]) {
    if (p["name"] == "local:models/support-bot") {
      CHECK(doc.find("\"SPDXID\": \"" + p["SPDXID"].get<std::string>() + "\"") != std::string::npos);
      CHECK(doc.find("\"licenseConcluded\": \"" + p["licenseConcluded"].get<std::string>() + "\"") != std::string::npos);
    }
  }
}
