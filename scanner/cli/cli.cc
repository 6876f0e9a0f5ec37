#include "cli/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/options.h"
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "modelprov: " << e.what() << " (see modelprov --help)\n";
    return kExitUsage;
  }

  if (scan->parsed()) {
    Result<ScanConfig> config = Validate(scan_raw);
    if (!config) {
      std::cerr << "modelprov: " << config.error().message << "\n";
      return kExitUsage;
    }
    return RunScan(*config);
  }
  return kExitUsage;
}

}  // namespace modelprov::cli
