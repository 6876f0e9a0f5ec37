#include "cli/scan_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "catalog/catalog.h"
#include "catalog/resolver.h"
#include "catalog/summarize.h"
#include "cli/catalog_loader.h"
#include "cli/cli.h"
#include "cli/policy_loader.h"
#include "engine/baseline.h"
#include "engine/evaluator.h"
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

std::optional<ScanResult> ScanAndEvaluate(const ScanConfig& config) {
  // Configuration problems (catalog, policy, baseline) are reported before
  // any file is read.
  Result<Catalog> catalog = LoadCatalog(config.catalog_file);
  if (!catalog) {
    std::cerr << "modelprov: " << catalog.error().message << "\n";
    return std::nullopt;
  }
  Result<rules::Policy> policy = LoadActivePolicy(config.policy, PolicyRootOf(config));
  if (!policy) {
    std::cerr << "modelprov: " << policy.error().message << "\n";
    return std::nullopt;
  }
  std::optional<rules::Baseline> baseline;
  if (!config.baseline_file.empty()) {
    std::ifstream in(config.baseline_file, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    Result<rules::Baseline> parsed = rules::Baseline::Parse(buf.str(), config.baseline_file);
    if (!parsed) {
      std::cerr << "modelprov: " << parsed.error().message << "\n";
      return std::nullopt;
    }
    baseline = std::move(*parsed);
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

  rules::PolicyEvaluator evaluator(*policy);
  EvidenceLines lines(config);
  evaluator.set_line_reader([&lines](const std::string& path, uint32_t line) { return lines.Line(path, line); });
  if (baseline) evaluator.set_baseline(&*baseline);
  result.findings = evaluator.Evaluate(result);
  return result;
}

int RunScan(const ScanConfig& config) {
  std::optional<ScanResult> scanned = ScanAndEvaluate(config);
  if (!scanned) return kExitUsage;
  const ScanResult& result = *scanned;

  WriterList writers = DefaultWriters();
  const ReportWriter* writer = FindWriter(writers, config.format);
  WriteOptions options{config.color};
  if (config.output.empty()) {
    writer->Write(result, std::cout, options);
    std::cout.flush();
  } else {
    std::ofstream out(config.output, std::ios::binary);
    if (!out) {
      std::cerr << "modelprov: cannot write " << config.output << "\n";
      return kExitUsage;
    }
    writer->Write(result, out, options);
  }
  if (!config.fail_on) return kExitClean;
  for (const Finding& f : result.findings) {
    if (f.suppressed_by.empty() && f.severity >= *config.fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace modelprov::cli
