// Memory budgets that hold whatever the tree (issue 14): a safetensors
// header parsed under the same budget as other JSON, file text in flight
// bounded across workers, and waivers matched through an index.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/e2e.h"
#include "support/weights_builder.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr long kRssScale = 3;
#else
constexpr long kRssScale = 1;
#endif

struct Measured {
  json scan;
  long peak_kb = 0;
  RunResult run;
};

// One scan under GNU time: its own peak RSS, not the test process's children.
Measured ScanMeasured(const TempDir& d, std::vector<std::string> extra) {
  std::vector<std::string> args{"/usr/bin/time", "-f", "maxrss_kb=%M", MODELPROV_BIN, "scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  Measured m;
  m.run = Run(args, d.path());
  INFO("stderr: " << m.run.err);
  REQUIRE(m.run.exit_code <= 1);
  size_t at = m.run.err.rfind("maxrss_kb=");
  REQUIRE(at != std::string::npos);
  m.peak_kb = std::stol(m.run.err.substr(at + 10));
  m.scan = ParseJson(m.run);
  return m;
}

}  // namespace

TEST_CASE("a 90 MB safetensors header is refused by the JSON budget, not parsed whole", "[e2e][hostile][memory]") {
  TempDir d;
  // A header of 1.2 million tiny tensors: ~90 MB of JSON, far more than the
  // 16 MiB budget of parsed values (whole, it took 1.9 GB).
  std::string header = "{";
  for (int i = 0; header.size() < (90u << 20); ++i) {
    header += "\"t" + std::to_string(i) + "\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,0]},";
  }
  header += "\"__metadata__\":{\"format\":\"pt\"}}";
  d.Write("pkg/model.safetensors", Safetensors(header));
  d.Write("pkg/app.py", "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  Measured m = ScanMeasured(d, {"--policy", "none", "pkg"});
  bool app = false, budget_error = false;
  for (const auto& r : m.scan["references"]) app = app || r["path"] == "app.py";
  for (const auto& e : m.scan["errors"]) {
    budget_error = budget_error || (e["path"] == "model.safetensors" &&
                                    e["message"].get<std::string>().find("too large to read") != std::string::npos);
  }
  CHECK(app);           // the other file's results are kept
  CHECK(budget_error);  // and the header is an error entry
  CHECK(m.peak_kb < kRssScale * 200 * 1024);
}

TEST_CASE("file text in flight is bounded across workers", "[e2e][hostile][memory]") {
  TempDir d;
  // Eight 40 MB text files scanned by eight workers: 320 MB if each held its
  // own file at once; the shared bound keeps the total near 128 MB.
  std::string body(40u << 20, 'a');
  for (size_t i = 0; i < body.size(); i += 80) body[i] = '\n';
  for (int i = 0; i < 8; ++i) d.Write("pkg/big" + std::to_string(i) + ".txt", body);
  Measured m = ScanMeasured(d, {"--policy", "none", "--jobs", "8", "pkg"});
  CHECK(m.scan["errors"].empty());
  CHECK(m.peak_kb < kRssScale * 200 * 1024);
}

TEST_CASE("a policy with 50,000 waivers is matched through an index", "[e2e][memory][policy]") {
  TempDir d;
  std::string code;
  for (int i = 0; i < 2000; ++i) code += "m" + std::to_string(i) + " = client.create(model=\"deepseek-chat\")\n";
  d.Write("pkg/app.py", code);
  std::string policy =
      "rules:\n  - id: cn\n    severity: error\n    message: \"{model}\"\n    when:\n      country: CN\nwaivers:\n";
  // 50,000 waivers in flow style stay under the 4 MiB policy file limit;
  // matched one by one against 2,000 findings they took minutes.
  for (int i = 0; i < 50000; ++i) {
    policy += "  - {rule: cn, model: other-model-" + std::to_string(i) + ", reason: r, expires: \"2099-01-01\"}\n";
  }
  policy += "  - rule: cn\n    model: deepseek-chat\n    reason: approved\n    expires: \"2099-01-01\"\n";
  d.Write("policy.yml", policy);
  Measured m = ScanMeasured(d, {"--policy", "policy.yml", "pkg"});
  // Every finding is covered by the one waiver that names the model.
  REQUIRE(m.scan["findings"].size() >= 1);
  for (const auto& f : m.scan["findings"]) CHECK(f["suppressed_by"] == "waiver");
  CHECK(m.run.exit_code == 0);
}
