// ScanError: something that went wrong on one input but did not stop the scan
// (unreadable file, malformed JSON, size limit hit). Reported under "errors".
#pragma once

#include <string>

namespace modelprov {

struct ScanError {
  std::string path;     // same convention as Location::path; may be empty for global problems
  std::string message;  // one line, says what happened and what was skipped
};

}  // namespace modelprov
