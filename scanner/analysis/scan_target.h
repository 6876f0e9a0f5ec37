// What a scan reads: directories and file lists (the work-tree mode), or a
// git repository's index, commit or change (the git modes).
#pragma once

#include <string>
#include <vector>

namespace modelprov::analysis {

// One thing to scan.
struct ScanTarget {
  enum class Type { kDirectory, kFiles };
  Type type = Type::kDirectory;
  std::string path;                  // directory path as given
  std::string display_prefix;        // prepended to entry paths
  std::vector<std::string> files;    // for kFiles
};

// kWorkTree is the ordinary directory/file scan.
enum class GitMode { kWorkTree, kStaged, kCommit, kSince };

}  // namespace modelprov::analysis
