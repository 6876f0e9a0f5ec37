// Report writers: render a ScanResult. A writer sees only the ScanResult, never
// the catalog or the rules engine, so any report can be rendered later from a
// saved JSON scan.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/scan_result.h"

namespace modelprov {

struct WriteOptions {
  bool color = false;  // ANSI colours (text writer only; set for terminals)
  // When the report was made, ISO 8601 UTC ("2026-01-31T12:00:00Z"), for the
  // writers that record it (CycloneDX, SPDX, HTML). Empty: the current time.
  // A fixed value makes those reports byte-for-byte reproducible.
  std::string timestamp;
  // Findings at or above this severity block the run (scan --fail-on); the
  // text writer tells, for each active one, how to fix, waive or suppress
  // it. nullopt: nothing blocks, no advice.
  std::optional<Severity> fail_on = Severity::kError;
  // The other reports written from the same scan, as (format, file) in the
  // order given (`scan --format F --output X --report G=Y`): the compact
  // Markdown summary points readers at the full report among them.
  std::vector<std::pair<std::string, std::string>> companions;
};

// options.timestamp, or the current UTC time in the same form.
std::string ReportTimestamp(const WriteOptions& options);

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // The --format name: "json", "text", "sarif", ...
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
std::unique_ptr<ReportWriter> MakeSarifWriter();
std::unique_ptr<ReportWriter> MakeCycloneDxWriter();
std::unique_ptr<ReportWriter> MakeSpdxWriter();
std::unique_ptr<ReportWriter> MakeMarkdownWriter();
// Compact Markdown for a pull-request comment: always under 60,000 characters.
std::unique_ptr<ReportWriter> MakeMarkdownSummaryWriter();
std::unique_ptr<ReportWriter> MakeHtmlWriter();
std::unique_ptr<ReportWriter> MakeNoticeWriter();

}  // namespace modelprov
