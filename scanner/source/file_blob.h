// FileBlob: a Blob over a file on disk, read with pread() so several readers
// of one file never share a file position.
#pragma once

#include <memory>
#include <string>

#include "source/source.h"

namespace modelprov {

// Opens `fs_path` read-only (O_NOFOLLOW for the final component, so a symlink
// swapped in after listing is refused, and O_NONBLOCK so a FIFO cannot hang
// the scan). Fails with a one-line message for anything but a regular file.
Result<std::unique_ptr<Blob>> OpenFileBlob(const std::string& fs_path);

}  // namespace modelprov
