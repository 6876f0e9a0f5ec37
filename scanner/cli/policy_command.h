// `modelprov policy check FILE` validates a policy without scanning;
// `modelprov policy show builtin:NAME` prints a preset.
#pragma once

#include <string>

namespace modelprov::cli {

// FILE may also be builtin:NAME. Exit 0 valid (a one-line summary on
// stdout; warnings for names `catalog_file`, or the built-in catalog, does
// not know on stderr), 2 invalid (the error, with file and line, on stderr).
int RunPolicyCheck(const std::string& file, const std::string& catalog_file);

// `modelprov policy show builtin:NAME`: prints the preset's YAML, the way to
// start a .modelprov.yml from it. Exit 2 for anything else.
int RunPolicyShow(const std::string& name);

}  // namespace modelprov::cli
