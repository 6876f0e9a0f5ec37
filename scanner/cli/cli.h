// The command line. Parses argv, runs one subcommand, and maps the outcome to
// an exit code: 0 clean, 1 findings at or above --fail-on, 2 usage or
// configuration error (one line on stderr). Nothing else in modelprov exits.
#pragma once

namespace modelprov::cli {

enum ExitCode { kExitClean = 0, kExitFindings = 1, kExitUsage = 2 };

int Run(int argc, char** argv);

}  // namespace modelprov::cli
