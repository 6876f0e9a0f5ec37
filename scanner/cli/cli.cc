#include "cli/cli.h"
#include "core/text.h"

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/baseline_command.h"
#include "cli/explain_command.h"
#include "cli/notice_command.h"
#include "cli/options.h"
#include "cli/policy_command.h"
#include "cli/report_command.h"
#include "cli/scan_command.h"

namespace modelprov::cli {

int Run(int argc, char** argv) {
  CLI::App app{"modelprov: find the third-party AI models a code base depends on, with origin and license terms"};
  app.name("modelprov");
  app.set_version_flag("--version", std::string("modelprov ") + MODELPROV_VERSION);
  app.require_subcommand(1);

  RawScanOptions scan_raw;
  CLI::App* scan = app.add_subcommand("scan", "Scan directories or files for model dependencies");
  AddScanFlags(*scan, scan_raw);
  RawReportOptions report_raw;
  CLI::App* report = app.add_subcommand("report", "Render a report from a saved JSON scan (scan --format json)");
  AddReportFlags(*report, report_raw);
  RawNoticeOptions notice_raw;
  CLI::App* notice = app.add_subcommand("notice", "Write the notices (attribution, license links) the models' licenses require");
  AddNoticeFlags(*notice, notice_raw);

  CLI::App* policy = app.add_subcommand("policy", "Work with policy files");
  policy->require_subcommand(1);
  std::string policy_file;
  CLI::App* policy_check = policy->add_subcommand("check", "Validate a policy file without scanning");
  policy_check->add_option("file", policy_file, "Policy FILE or builtin:NAME")->required();
  std::string policy_catalog;
  policy_check->add_option("--catalog", policy_catalog,
                           "JSON file whose entries override or extend the built-in catalog (names the policy may use)");
  std::string preset;
  CLI::App* policy_show = policy->add_subcommand("show", "Print a built-in policy (start a .modelprov.yml from it)");
  policy_show->add_option("name", preset, "builtin:NAME (or NAME)")->required();

  CLI::App* baseline = app.add_subcommand("baseline", "Accept the current findings as a baseline");
  baseline->require_subcommand(1);
  RawScanOptions baseline_raw;
  CLI::App* baseline_create = baseline->add_subcommand("create", "Scan and write the findings to a baseline file");
  AddBaselineFlags(*baseline_create, baseline_raw);

  ExplainOptions explain_options;
  CLI::App* explain = app.add_subcommand("explain", "Show what the catalog knows about a name, and which rules fire");
  AddExplainFlags(*explain, explain_options);

  // A word where a command is expected must name one: CLI11 would report
  // an unknown word as "a subcommand is required", which hides the typo.
  // Checked at each level (`modelprov frob`, `modelprov policy frob`).
  CLI::App* level = &app;
  std::string where = "modelprov";
  for (int i = 1; i < argc && argv[i][0] != '-'; ++i) {
    std::vector<CLI::App*> subs = level->get_subcommands([](CLI::App*) { return true; });
    if (subs.empty()) break;
    std::string word = argv[i];
    CLI::App* next = nullptr;
    std::string known;
    for (CLI::App* sub : subs) {
      if (sub->check_name(word)) next = sub;
      known += (known.empty() ? "" : ", ") + sub->get_name();
    }
    if (next == nullptr) {
      std::string what = level == &app ? "command" : "subcommand";
      std::cerr << "modelprov: unknown " << what << " '" << TerminalSafe(word) << "'" << (level == &app ? "" : " for " + where)
                << " (known: " << known << "; see " << where << " --help)\n";
      return kExitUsage;
    }
    level = next;
    where += " " + next->get_name();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Point at the help of the command whose flags were wrong.
    std::string command = where == "modelprov" ? "" : where.substr(std::string("modelprov ").size()) + ": ";
    std::cerr << "modelprov: " << command << TerminalSafe(e.what()) << " (see " << where << " --help)\n";
    return kExitUsage;
  }

  if (scan->parsed()) {
    Result<ScanConfig> config = Validate(scan_raw);
    if (!config) return UsageError("scan", config.error().message);
    return RunScan(*config);
  }
  if (policy_check->parsed()) return RunPolicyCheck(policy_file, policy_catalog);
  if (policy_show->parsed()) return RunPolicyShow(preset);
  if (baseline_create->parsed()) return RunBaselineCreate(baseline_raw);
  if (explain->parsed()) return RunExplain(explain_options);
  if (report->parsed()) {
    Result<ReportConfig> config = ValidateReport(report_raw);
    if (!config) return UsageError("report", config.error().message);
    return RunReport(*config);
  }
  if (notice->parsed()) return RunNotice(notice_raw);
  return kExitUsage;
}

}  // namespace modelprov::cli
