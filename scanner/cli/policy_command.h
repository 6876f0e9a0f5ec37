// `modelprov policy check FILE`: validates a policy without scanning.
#pragma once

#include <string>

namespace modelprov::cli {

// FILE may also be builtin:NAME. Exit 0 valid (a one-line summary on
// stdout), 2 invalid (the error, with file and line, on stderr).
int RunPolicyCheck(const std::string& file);

}  // namespace modelprov::cli
