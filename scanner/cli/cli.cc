#include "cli/cli.h"
#include "core/text.h"

#include <iostream>
#include <string>

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

  CLI::App* baseline = app.add_subcommand("baseline", "Accept the current findings as a baseline");
  baseline->require_subcommand(1);
  RawScanOptions baseline_raw;
  CLI::App* baseline_create = baseline->add_subcommand("create", "Scan and write the findings to a baseline file");
  AddBaselineFlags(*baseline_create, baseline_raw);

  ExplainOptions explain_options;
  CLI::App* explain = app.add_subcommand("explain", "Show what the catalog knows about a name, and which rules fire");
  AddExplainFlags(*explain, explain_options);

  // The top level takes only flags and a command: a first word that names no
  // command would otherwise be reported by CLI11 as a missing subcommand.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) known = known || sub->check_name(word);
    if (!known) {
      std::cerr << "modelprov: unknown command '" << TerminalSafe(word) << "' (see modelprov --help)\n";
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "modelprov: " << TerminalSafe(e.what()) << " (see modelprov --help)\n";
    return kExitUsage;
  }

  if (scan->parsed()) {
    Result<ScanConfig> config = Validate(scan_raw);
    if (!config) {
      std::cerr << "modelprov: " << TerminalSafe(config.error().message) << "\n";
      return kExitUsage;
    }
    return RunScan(*config);
  }
  if (policy_check->parsed()) return RunPolicyCheck(policy_file);
  if (baseline_create->parsed()) return RunBaselineCreate(baseline_raw);
  if (explain->parsed()) return RunExplain(explain_options);
  if (report->parsed()) {
    Result<ReportConfig> config = ValidateReport(report_raw);
    if (!config) {
      std::cerr << "modelprov: " << TerminalSafe(config.error().message) << "\n";
      return kExitUsage;
    }
    return RunReport(*config);
  }
  if (notice->parsed()) return RunNotice(notice_raw);
  return kExitUsage;
}

}  // namespace modelprov::cli
