// ModelHistory: when a model dependency entered (and maybe left) the code,
// found by `scan --history` from the first-parent commit history.
#pragma once

#include <optional>
#include <string>

namespace modelprov {

struct CommitInfo {
  std::string hash;     // full 40-hex commit id
  std::string author;   // "Name <email>"
  std::string date;     // author date, ISO 8601 UTC: "2025-01-01T00:00:00Z"
  std::string summary;  // first line of the message
};

struct ModelHistory {
  std::string model;                // canonical model id (Resolution::model)
  CommitInfo introduced;            // first commit whose tree references it
  std::optional<CommitInfo> removed;  // commit after which no file references it; nullopt while still used
};

}  // namespace modelprov
