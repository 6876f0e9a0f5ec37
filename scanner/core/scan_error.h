// ScanError: something that went wrong on one input but did not stop the scan
// (unreadable file, malformed JSON, size limit hit). Reported under "errors".
#pragma once

#include <string>

#include "core/text.h"

namespace modelprov {

// Error messages are capped: a message quoting hostile input (a 60 MB
// unterminated JSON string) must not copy it whole into every report.
inline constexpr size_t kMaxErrorMessageBytes = 300;

struct ScanError {
  ScanError() = default;
  ScanError(std::string p, std::string m)
      : path(std::move(p)), message(m.size() > kMaxErrorMessageBytes ? Abbreviate(m, kMaxErrorMessageBytes) : std::move(m)) {}

  std::string path;     // same convention as Location::path; may be empty for global problems
  std::string message;  // one line, says what happened and what was skipped; at most kMaxErrorMessageBytes + "..."
};

}  // namespace modelprov
