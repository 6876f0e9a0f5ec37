#include "cli/scan_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "catalog/summarize.h"
#include "cli/catalog_loader.h"
#include "cli/report_command.h"
#include "cli/cli.h"
#include "extract/registry.h"
#include "pipeline/pipeline.h"
#include "report/writer.h"
#include "source/directory_source.h"
#include "source/file_list_source.h"

namespace modelprov::cli {
namespace {

// A one-line, self-overwriting progress line on stderr, shown only once a
// scan has run for a second (short scans stay silent).
void ShowProgress(const ScanProgress& p) {
  if (p.seconds < 1.0) return;
  std::fprintf(stderr, "\r\x1b[2Kscanning: %llu/%llu files, %.1f MB, %.1f s",
               static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total),
               static_cast<double>(p.bytes_done) / (1 << 20), p.seconds);
  std::fflush(stderr);
}

}  // namespace

int RunScan(const ScanConfig& config) {
  Result<Catalog> catalog = LoadCatalog(config.catalog_file);
  if (!catalog) {
    std::cerr << "modelprov: " << catalog.error().message << "\n";
    return kExitUsage;
  }
  Resolver resolver(*catalog);
  ExtractorList extractors = DefaultExtractors();

  ScanRequest request;
  for (const ScanTarget& t : config.targets) {
    if (t.type == ScanTarget::Type::kDirectory) {
      request.sources.push_back(std::make_unique<DirectorySource>(t.path, t.display_prefix));
    } else {
      request.sources.push_back(std::make_unique<FileListSource>(t.files));
    }
  }
  request.jobs = config.jobs;
  request.limits.max_file_bytes = config.max_file_bytes;
  if (config.progress) request.on_progress = ShowProgress;

  ScanResult result = modelprov::RunScan(request, extractors, resolver);
  if (config.progress && result.stats.seconds >= 1.0) std::fprintf(stderr, "\r\x1b[2K");
  result.tool_version = MODELPROV_VERSION;
  result.roots = config.roots;
  result.models = SummarizeModels(result.references, *catalog);

  WriteOptions options = MakeWriteOptions(config.color);
  if (Status st = WriteReport(result, config.format, config.output, options); !st) {
    std::cerr << "modelprov: " << st.error().message << "\n";
    return kExitUsage;
  }
  for (const auto& [format, file] : config.reports) {
    if (Status st = WriteReport(result, format, file, MakeWriteOptions(false)); !st) {
      std::cerr << "modelprov: " << st.error().message << "\n";
      return kExitUsage;
    }
  }
  if (!config.fail_on) return kExitClean;
  for (const Finding& f : result.findings) {
    if (f.suppressed_by.empty() && f.severity >= *config.fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace modelprov::cli
