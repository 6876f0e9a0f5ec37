#include "cli/report_command.h"
#include "core/text.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "report/scan_json.h"

namespace modelprov::cli {

WriteOptions MakeWriteOptions(bool color, std::optional<Severity> fail_on) {
  WriteOptions options;
  options.color = color;
  options.fail_on = fail_on;
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long secs = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && secs >= 0) {
      std::time_t t = static_cast<std::time_t>(secs);
      std::tm utc{};
      gmtime_r(&t, &utc);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
      options.timestamp = buf;
    }
  }
  return options;
}

Status WriteTextFile(const std::string& path, std::string_view text) {
  // stdio rather than ofstream: its errno after a failed open, write or
  // close is the reason people need ("No space left on device").
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return MakeError("cannot write " + path + ": " + std::strerror(errno));
  bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  int write_errno = errno;
  if (std::fclose(f) != 0 && written) {
    written = false;
    write_errno = errno;
  }
  if (!written) return MakeError("cannot write " + path + ": " + std::strerror(write_errno));
  return Ok{};
}

Status WriteReport(const ScanResult& result, const std::string& format, const std::string& output,
                   const WriteOptions& options) {
  WriterList writers = DefaultWriters();
  const ReportWriter* writer = FindWriter(writers, format);
  if (writer == nullptr) return MakeError("unknown format '" + format + "'");
  if (output.empty()) {
    writer->Write(result, std::cout, options);
    std::cout.flush();
    return Ok{};
  }
  std::ostringstream text;
  writer->Write(result, text, options);
  std::string bytes = std::move(text).str();
  if (Status st = WriteTextFile(output, bytes); !st) return st;
  std::cerr << "modelprov: wrote " << format << " report to " << TerminalSafe(output) << " (" << bytes.size()
            << " bytes)\n";
  return Ok{};
}

Result<ScanResult> LoadSavedScan(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  Result<ScanResult> scan = ScanResultFromJson(text.str());
  if (!scan) return MakeError(path + ": " + scan.error().message);
  return scan;
}

int RunReport(const ReportConfig& config) {
  Result<ScanResult> scan = LoadSavedScan(config.from);
  if (!scan) {
    std::cerr << "modelprov: " << TerminalSafe(scan.error().message) << "\n";
    return kExitUsage;
  }
  if (Status st = WriteReport(*scan, config.format, config.output, MakeWriteOptions(config.color)); !st) {
    std::cerr << "modelprov: " << TerminalSafe(st.error().message) << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace modelprov::cli
