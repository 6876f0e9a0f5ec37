// Report writers: render a ScanResult. A writer sees only the ScanResult, never
// the catalog or the rules engine, so any report can be rendered later from a
// saved JSON scan.
#pragma once

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/scan_result.h"

namespace modelprov {

struct WriteOptions {
  bool color = false;  // ANSI colours (text writer only; set for terminals)
};

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // The --format name: "json", "text".
  virtual std::string_view id() const = 0;
  virtual void Write(const ScanResult& result, std::ostream& out, const WriteOptions& options) const = 0;
};

using WriterList = std::vector<std::unique_ptr<ReportWriter>>;

// Every built-in writer; one line each in registry.cc.
WriterList DefaultWriters();
// nullptr when no writer has that id.
const ReportWriter* FindWriter(const WriterList& writers, std::string_view id);

std::unique_ptr<ReportWriter> MakeJsonWriter();
std::unique_ptr<ReportWriter> MakeTextWriter();

}  // namespace modelprov
