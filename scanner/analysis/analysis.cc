#include "analysis/analysis.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "analysis/catalog_loader.h"
#include "analysis/policy_loader.h"
#include "catalog/catalog.h"
#include "catalog/model_folders.h"
#include "catalog/resolver.h"
#include "catalog/summarize.h"
#include "catalog/vocabulary.h"
#include "core/text.h"
#include "engine/baseline.h"
#include "engine/evaluator.h"
#include "extract/registry.h"
#include "pipeline/history.h"
#include "pipeline/new_references.h"
#include "source/directory_source.h"
#include "source/file_list_source.h"
#include "source/git_repo.h"
#include "source/git_sources.h"
#include "source/ignore_rules.h"

namespace modelprov::analysis {
namespace {

void Note(const AnalysisRequest& request, const std::string& text) {
  if (request.on_note) request.on_note(text);
}

// Facts about the repository a user should know before reading the report.
void NoteRepositoryState(const GitRepo& repo, const AnalysisRequest& config) {
  if (repo.unborn() && config.git_mode == GitMode::kStaged) {
    Note(config, "note: no commit yet (unborn branch); every staged file counts as added");
  }
  if (repo.detached() && config.git_mode != GitMode::kCommit) Note(config, "note: HEAD is detached");
  if (repo.shallow() && config.history) Note(config, "note: shallow clone; --history only sees the fetched commits");
}

// A path named on the command line as the repository names it: relative to
// the work tree's root, without resolving a final symbolic link (the index
// holds the link, not its target).
Result<std::string> RepoRelativePath(const std::string& path, const GitRepo& repo) {
  std::error_code ec;
  std::filesystem::path given = std::filesystem::absolute(path, ec);
  std::filesystem::path dir = std::filesystem::weakly_canonical(given.parent_path(), ec);
  std::filesystem::path root = std::filesystem::weakly_canonical(repo.workdir(), ec);
  std::filesystem::path rel = (dir / given.filename()).lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") {
    return MakeError(path + " is outside the repository's work tree (" + repo.workdir() + ")");
  }
  return rel.generic_string();
}

Result<std::vector<std::unique_ptr<Source>>> MakeSources(const AnalysisRequest& config, const std::shared_ptr<GitRepo>& repo,
                                                         std::unique_ptr<Source>& since_base) {
  std::vector<std::unique_ptr<Source>> sources;
  switch (config.git_mode) {
    case GitMode::kStaged: {
      std::vector<std::string> named;
      for (const std::string& p : config.staged_paths) {
        Result<std::string> rel = RepoRelativePath(p, *repo);
        if (!rel) return rel.error();
        named.push_back(std::move(*rel));
      }
      auto s = MakeStagedSources(repo, named);
      if (!s) return s.error();
      sources.push_back(std::move(s->changed));
      if (!config.whole_files) since_base = std::move(s->baseline);
      return sources;
    }
    case GitMode::kCommit: {
      auto s = MakeCommitTreeSource(repo, config.commit_rev);
      if (!s) return s.error();
      sources.push_back(std::move(*s));
      return sources;
    }
    case GitMode::kSince: {
      auto s = MakeChangedSinceSources(repo, config.since_rev, config.commit_rev);
      if (!s) return s.error();
      sources.push_back(std::move(s->changed));
      if (!config.whole_files) since_base = std::move(s->baseline);
      return sources;
    }
    case GitMode::kWorkTree:
      break;
  }
  for (const ScanTarget& t : config.targets) {
    if (t.type == ScanTarget::Type::kDirectory) {
      sources.push_back(std::make_unique<DirectorySource>(t.path, t.display_prefix));
    } else {
      sources.push_back(std::make_unique<FileListSource>(t.files));
    }
  }
  return sources;
}
// Reads a --baseline file; nullopt when none was given.
Result<std::optional<rules::Baseline>> LoadBaseline(const std::string& file) {
  if (file.empty()) return std::optional<rules::Baseline>();
  std::ifstream in(file, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  Result<rules::Baseline> parsed = rules::Baseline::Parse(buf.str(), file);
  if (!parsed) return parsed.error();
  return std::optional<rules::Baseline>(std::move(*parsed));
}

// Where .modelprov.yml is looked for: the scanned directory; in git modes the
// current directory, then the repository root.
std::string PolicyRoot(const AnalysisRequest& config, const GitRepo* repo) {
  if (repo == nullptr || config.git_mode == GitMode::kWorkTree) return PolicyRootOf(config.targets);
  std::error_code ec;
  if (std::filesystem::is_regular_file(".modelprov.yml", ec)) return ".";
  return repo->workdir();
}

// The current directory relative to the repository's work tree ("" at the
// root, or when it is outside the work tree or the repository is bare).
std::string CurrentDirInRepo(const GitRepo& repo) {
  std::string workdir = repo.workdir();
  if (workdir.empty()) return "";
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::weakly_canonical(std::filesystem::current_path(ec), ec);
  std::filesystem::path root = std::filesystem::weakly_canonical(workdir, ec);
  std::filesystem::path rel = cwd.lexically_relative(root);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return "";
  return rel.generic_string();
}

// The revision whose tree holds the policy: --since REV's base (a pull request
// cannot switch off the check it is checked against), else --commit REV's
// tree. Empty when the policy comes from the work tree (plain scans,
// --staged, --history alone).
std::string PolicyRevision(const AnalysisRequest& config) {
  if (config.git_mode == GitMode::kSince) return config.since_rev;
  if (config.git_mode == GitMode::kCommit) return config.commit_rev;
  return "";
}

// Loads the policy the scan runs with. An explicit --policy always wins. In
// --since/--commit modes `.modelprov.yml` is read from PolicyRevision()'s
// tree (the current directory's, then the repository root's), never from the
// work tree, and a note on stderr says which revision it came from.
// `policy_paths` receives the repository paths looked at, so that the scan
// does not report the policy file's own model names as dependencies.
Result<rules::Policy> LoadScanPolicy(const AnalysisRequest& config, const GitRepo* repo,
                                     std::vector<std::string>& policy_paths) {
  std::string rev = PolicyRevision(config);
  if (!config.policy.empty() || repo == nullptr || rev.empty()) {
    return LoadActivePolicy(config.policy, PolicyRoot(config, repo));
  }
  Result<git_oid> commit = repo->ResolveCommit(rev);
  if (!commit) return commit.error();
  std::string where = rev + " (commit " + repo->ShortId(*commit) + ")";
  std::string dir = CurrentDirInRepo(*repo);
  if (!dir.empty()) policy_paths.push_back(dir + "/.modelprov.yml");
  policy_paths.push_back(".modelprov.yml");
  for (const std::string& path : policy_paths) {
    Result<std::optional<std::string>> text = repo->ReadFileAt(*commit, path);
    if (!text) return text.error();
    if (!*text) continue;
    Note(config, "note: policy: " + path + " from " + where);
    return rules::LoadPolicy(**text, rev + ":" + path);
  }
  Note(config, "note: policy: builtin:default (" + where + " has no .modelprov.yml)");
  return rules::LoadBuiltinPolicy("default");
}

// The directory evidence paths are relative to: the scanned directory (one,
// without a display prefix), the repository in git modes, else the working
// directory (several paths are shown as written on the command line).
std::string EvidenceRoot(const AnalysisRequest& config, const GitRepo* repo) {
  if (repo != nullptr && config.git_mode != GitMode::kWorkTree) return repo->workdir();
  if (config.targets.size() == 1 && config.targets[0].type == ScanTarget::Type::kDirectory &&
      config.targets[0].display_prefix.empty()) {
    return config.targets[0].path;
  }
  return ".";
}

// The --exclude patterns and those of `.modelprovignore` in the directory
// reported paths are relative to: the repository's root in git modes, the
// scanned directory, else the current directory.
Result<IgnoreRules> LoadIgnoreRules(const AnalysisRequest& config, const GitRepo* repo) {
  std::string dir = EvidenceRoot(config, repo);
  if (dir.empty()) dir = ".";
  std::string file = (std::filesystem::path(dir) / ".modelprovignore").string();
  Result<std::vector<std::string>> lines = ReadIgnoreFile(file);
  if (!lines) return lines.error();
  std::vector<std::string> patterns = config.exclude;
  patterns.insert(patterns.end(), lines->begin(), lines->end());
  Result<IgnoreRules> rules = IgnoreRules::FromPatterns(patterns);
  if (!rules) return MakeError((lines->empty() ? "--exclude: " : file + " or --exclude: ") + rules.error().message);
  return rules;
}

// expired-waiver findings point at the policy file as it was named on the
// command line. Like all evidence they should be relative to the scanned
// root; a policy outside it gets its absolute path, which SARIF writes as a
// file:// URI.
void LocatePolicyFindings(std::vector<Finding>& findings, const std::string& origin, const std::string& root) {
  if (origin.rfind("builtin:", 0) == 0 || origin == "none") return;
  std::error_code ec;
  if (!std::filesystem::exists(origin, ec)) return;  // "REV:.modelprov.yml" read from git: already repo-relative
  std::filesystem::path policy = std::filesystem::weakly_canonical(origin, ec);
  if (ec) return;
  std::string where = policy.generic_string();
  std::filesystem::path base = std::filesystem::weakly_canonical(root, ec);
  std::filesystem::path rel = policy.lexically_relative(base);
  if (!ec && !rel.empty() && *rel.begin() != "..") where = rel.generic_string();
  for (Finding& f : findings) {
    if (f.rule == rules::kExpiredWaiverRule && f.location.path == origin) f.location.path = where;
  }
}

}  // namespace

Result<ScanResult> Analyze(const AnalysisRequest& given) {
  AnalysisRequest config = given;
  // Configuration problems (catalog, repository, policy, baseline) are
  // reported before any file is read.
  Result<Catalog> catalog = LoadCatalog(config.catalog_file);
  if (!catalog) {
    return catalog.error();
  }
  std::shared_ptr<GitRepo> repo;
  if (config.git_mode != GitMode::kWorkTree || config.history) {
    Result<std::shared_ptr<GitRepo>> found = GitRepo::Discover(config.git_path);
    if (!found) {
      return found.error();
    }
    repo = *found;
    // A `.git` file in a hostile tree can name any repository on the
    // machine; reading it would report that repository's files as these.
    if (!config.git_dir_explicit) {
      if (std::optional<std::string> foreign = repo->ForeignGitdir()) {
        return MakeError(*foreign);
      }
    }
    // A bare repository has no files on disk to scan: the current inventory
    // is HEAD's tree.
    if (config.history && config.git_mode == GitMode::kWorkTree && repo->bare()) {
      Note(config, "note: bare repository; scanning HEAD's tree (as --commit HEAD)");
      config.git_mode = GitMode::kCommit;
      config.commit_rev = "HEAD";
    }
    NoteRepositoryState(*repo, config);
  }
  std::vector<std::string> policy_paths;
  Result<rules::Policy> policy = LoadScanPolicy(config, repo.get(), policy_paths);
  if (!policy) {
    return policy.error();
  }
  for (const std::string& w : UnknownCatalogNameWarnings(*policy, *catalog)) Note(config, "warning: " + w);
  Result<std::optional<rules::Baseline>> baseline = LoadBaseline(config.baseline_file);
  if (!baseline) {
    return baseline.error();
  }
  Resolver resolver(*catalog);
  Result<ExtractorList> detection = DetectionExtractors(BuildDetectionVocabulary(*catalog));
  if (!detection) {
    return detection.error();
  }
  ExtractorList extractors = std::move(*detection);

  ScanLimits limits;
  limits.max_file_bytes = config.max_file_bytes;
  limits.archive.max_depth = config.archive_depth;
  limits.archive.max_bytes = config.archive_max_bytes;
  limits.archive.max_entries = config.archive_max_entries;
  limits.archive.max_ratio = config.archive_max_ratio;

  ScanRequest request;
  request.jobs = config.jobs;
  request.limits = limits;
  request.on_progress = config.on_progress;
  std::unique_ptr<Source> since_base;
  Result<std::vector<std::unique_ptr<Source>>> sources = MakeSources(config, repo, since_base);
  if (!sources) {
    return sources.error();
  }
  request.sources = std::move(*sources);
  Result<IgnoreRules> ignore = LoadIgnoreRules(config, repo.get());
  if (!ignore) {
    return ignore.error();
  }
  request.ignore = &*ignore;
  request.excluded_paths = policy_paths;
  if (policy_paths.empty() && policy->origin.rfind("builtin:", 0) != 0 && policy->origin != "none") {
    std::error_code ec;
    request.excluded_files.push_back(std::filesystem::weakly_canonical(policy->origin, ec).string());
  }
  // The --catalog overlay lists model names by design; it configures the
  // scan and is not a dependency of the code.
  if (!config.catalog_file.empty()) {
    std::error_code ec;
    request.excluded_files.push_back(std::filesystem::weakly_canonical(config.catalog_file, ec).string());
  }

  ScanResult result = modelprov::RunScan(request, extractors, resolver);
  if (since_base) {
    ScanRequest base_request;
    base_request.jobs = config.jobs;
    base_request.limits = limits;
    base_request.sources.push_back(std::move(since_base));
    ScanResult base = modelprov::RunScan(base_request, extractors, resolver);
    KeepNewReferences(result, base);
    // A file REV's version of which could not be read makes every reference
    // of the new version look new: its error must reach the output, marked
    // as the base revision's.
    std::string base_name = config.git_mode == GitMode::kStaged ? "HEAD, the --staged base"
                                                                             : "the --since base " + config.since_rev;
    for (ScanError& e : base.errors) {
      result.errors.push_back({std::move(e.path), "in " + base_name + ": " + e.message});
    }
    SortScanResult(result);
  }
  if (config.history) {
    std::string rev = config.commit_rev.empty() ? "HEAD" : config.commit_rev;
    HistoryResult h = WalkHistory(*repo, rev, config.history_limit, extractors, resolver, limits);
    result.history = std::move(h.models);
    for (ScanError& e : h.errors) {
      // A submodule the scan itself already listed is listed once.
      bool listed = std::any_of(result.errors.begin(), result.errors.end(), [&](const ScanError& x) {
        return x.path == e.path && x.message == e.message;
      });
      if (!listed) result.errors.push_back(std::move(e));
    }
    SortScanResult(result);
  }
  result.tool_version = config.tool_version;
  result.roots = config.roots;
  if (config.git_mode == GitMode::kStaged || config.git_mode == GitMode::kSince) {
    result.change = ChangeScope{config.git_mode == GitMode::kStaged ? "staged" : "since",
                                config.git_mode == GitMode::kSince ? config.since_rev : "", config.whole_files};
  }
  AttachModelFolderFiles(result.references);
  result.models = SummarizeModels(result.references, *catalog);
  if (result.history) {
    // Both group ids ignoring case; a history entry takes its models[] entry's
    // spelling, which is how writers join the two.
    for (ModelHistory& h : *result.history) {
      for (const ModelSummary& m : result.models) {
        if (IEquals(m.id, h.model)) h.model = m.id;
      }
    }
  }
  result.licenses = SummarizeLicenses(result.references, result.models, *catalog);

  rules::PolicyEvaluator evaluator(*policy);
  EvidenceLines lines(config.targets);
  if (repo != nullptr && config.git_mode != GitMode::kWorkTree) lines.set_base_dir(repo->workdir());
  evaluator.set_line_reader([&lines](const std::string& path, uint32_t line) { return lines.Line(path, line); });
  if (*baseline) evaluator.set_baseline(&**baseline);
  result.findings = evaluator.Evaluate(result);
  LocatePolicyFindings(result.findings, policy->origin, EvidenceRoot(config, repo.get()));
  return result;
}

}  // namespace modelprov::analysis
