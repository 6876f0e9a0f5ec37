#include "pipeline/history.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"

namespace modelprov {
namespace {

std::string IsoDate(git_time_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

CommitInfo InfoOf(git_commit* c) {
  const git_signature* a = git_commit_author(c);
  CommitInfo info;
  info.hash = OidHex(*git_commit_id(c));
  if (a != nullptr) {
    info.author = std::string(a->name ? a->name : "") + " <" + (a->email ? a->email : "") + ">";
    info.date = IsoDate(a->when.time);
  }
  const char* summary = git_commit_summary(c);
  info.summary = summary == nullptr ? "" : summary;
  return info;
}

struct Change {
  std::string path;
  bool had_old = false;  // the path existed before this commit
  bool has_new = false;  // and exists after it
  git_oid blob{};
};

// Model ids are grouped case-insensitively, as SummarizeModels groups
// models[]: the sets hold lowercased ids, and `spelling` the first spelling seen.
using ModelSet = std::vector<std::string>;  // sorted, unique, lowercased

}  // namespace

HistoryResult WalkHistory(GitRepo& repo, const std::string& rev, uint64_t limit, const ExtractorList& extractors,
                          const Resolver& resolver, const ScanLimits& limits) {
  HistoryResult out;
  if (repo.unborn()) {
    out.errors.push_back({"", "--history: the branch has no commits yet; nothing to walk"});
    return out;
  }
  Result<git_oid> start = repo.ResolveCommit(rev);
  if (!start) {
    out.errors.push_back({"", "--history: " + start.error().message});
    return out;
  }
  git_repository* r = repo.get();
  std::lock_guard<std::mutex> lock(repo.mutex());

  // 1. The first-parent chain, newest first, at most limit commits.
  std::vector<git_oid> chain;
  // Followed by hand rather than with git_revwalk: a shallow clone's boundary
  // commit names parents that were never fetched, which makes a revwalk fail.
  git_commit* raw_current = nullptr;
  int found = git_commit_lookup(&raw_current, r, &*start);
  GitCommitPtr current(raw_current);
  if (found != 0) {
    out.errors.push_back({"", GitErrorMessage("--history: cannot read commit " + OidHex(*start))});
    return out;
  }
  bool truncated = false;
  while (current != nullptr) {
    if (chain.size() == limit) {
      truncated = true;
      break;
    }
    chain.push_back(*git_commit_id(current.get()));
    git_commit* raw_parent = nullptr;
    int parent_rc = git_commit_parentcount(current.get()) > 0 ? git_commit_parent(&raw_parent, current.get(), 0) : 0;
    GitCommitPtr parent(raw_parent);
    if (parent_rc != 0) {
      if (!repo.shallow()) {
        out.errors.push_back({"", GitErrorMessage("--history: the parent of commit " +
                                                  OidHex(*git_commit_id(current.get())).substr(0, 12) + " cannot be read") +
                                      "; older history was not examined"});
      }
      parent.reset();
    }
    current = std::move(parent);
  }
  current.reset();
  if (chain.empty()) return out;
  if (truncated) {
    out.errors.push_back({"", "--history: stopped at the --history-limit of " + std::to_string(limit) +
                                  " commits; models already present in commit " + OidHex(chain.back()).substr(0, 12) +
                                  " are shown as introduced there"});
  }
  if (repo.shallow()) {
    out.errors.push_back({"", "--history: shallow clone, history is truncated at the shallow boundary; 'introduced' "
                              "may name a later commit than the real one (fetch with --unshallow for full history)"});
  }

  // 2. Replay oldest first, scanning only changed, claimed blobs.
  SingleFileScanner scanner(extractors, resolver, limits);
  std::unordered_map<std::string, ModelSet> blob_models;  // path + '\0' + blob id -> models
  std::map<std::string, ModelSet> path_models;            // current version of each path
  std::map<std::string, int> live;                        // model -> number of paths referencing it
  std::map<std::string, ModelHistory> history;            // by lowercased id: models[]'s order
  std::map<std::string, std::string> spelling;            // lowercased id -> as first resolved
  std::map<std::string, git_oid> submodules;              // gitlinks in the current tree
  GitTreePtr parent_tree;

  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    git_commit* raw_commit = nullptr;
    int commit_rc = git_commit_lookup(&raw_commit, r, &*it);
    GitCommitPtr commit(raw_commit);
    if (commit_rc != 0) {
      out.errors.push_back({"", GitErrorMessage("--history: cannot read commit " + OidHex(*it))});
      break;
    }
    git_tree* raw_tree = nullptr;
    int tree_rc = git_commit_tree(&raw_tree, commit.get());
    GitTreePtr tree(raw_tree);
    if (tree_rc != 0) {
      out.errors.push_back({"", GitErrorMessage("--history: cannot read the tree of commit " + OidHex(*it))});
      break;
    }
    git_diff* raw_diff = nullptr;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    int diff_rc = git_diff_tree_to_tree(&raw_diff, r, parent_tree.get(), tree.get(), &opts);
    GitDiffPtr diff(raw_diff);
    if (diff_rc != 0) {
      out.errors.push_back({"", GitErrorMessage("--history: cannot diff commit " + OidHex(*it))});
      break;
    }
    std::vector<Change> changes;
    for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
      const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
      Change c;
      c.path = d->new_file.path != nullptr ? d->new_file.path : d->old_file.path;
      c.had_old = d->status != GIT_DELTA_ADDED;
      c.has_new = d->status != GIT_DELTA_DELETED &&
                  (d->new_file.mode == GIT_FILEMODE_BLOB || d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE);
      c.blob = d->new_file.id;
      if (d->status != GIT_DELTA_DELETED && d->new_file.mode == GIT_FILEMODE_COMMIT) {
        submodules[c.path] = d->new_file.id;
      } else if (d->old_file.mode == GIT_FILEMODE_COMMIT) {
        submodules.erase(d->old_file.path != nullptr ? d->old_file.path : c.path);
      }
      if (!scanner.Wants(c.path)) continue;
      changes.push_back(std::move(c));
    }
    diff.reset();

    std::set<std::string> touched;
    std::map<std::string, int> before;
    auto adjust = [&](const ModelSet& models, int delta) {
      for (const std::string& m : models) {
        if (!before.count(m)) before[m] = live[m];
        live[m] += delta;
        touched.insert(m);
      }
    };
    for (const Change& c : changes) {
      auto old = path_models.find(c.path);
      if (old != path_models.end()) {
        adjust(old->second, -1);
        path_models.erase(old);
      }
      if (!c.has_new) continue;
      std::string key = c.path + '\0' + OidHex(c.blob);
      auto cached = blob_models.find(key);
      if (cached == blob_models.end()) {
        ModelSet models;
        git_blob* raw_blob = nullptr;
        int blob_rc = git_blob_lookup(&raw_blob, r, &c.blob);
        GitBlobPtr blob(raw_blob);
        if (blob_rc != 0) {
          out.errors.push_back({c.path, GitErrorMessage("--history: corrupt or missing git object " + OidHex(c.blob) +
                                                        " in commit " + OidHex(*it).substr(0, 12))});
        } else {
          std::string data(static_cast<const char*>(git_blob_rawcontent(blob.get())), git_blob_rawsize(blob.get()));
          blob.reset();
          std::vector<ResolvedReference> refs;
          std::vector<ScanError> ignored;  // problems in old versions are not this scan's errors
          scanner.Scan(c.path, std::move(data), refs, ignored);
          for (const ResolvedReference& rr : refs) {
            if (!rr.resolution || rr.resolution->model.empty()) continue;
            std::string key = ToLower(rr.resolution->model);
            spelling.try_emplace(key, rr.resolution->model);
            models.push_back(std::move(key));
          }
          std::sort(models.begin(), models.end());
          models.erase(std::unique(models.begin(), models.end()), models.end());
        }
        cached = blob_models.emplace(key, std::move(models)).first;
      }
      if (cached->second.empty()) continue;
      adjust(cached->second, +1);
      path_models[c.path] = cached->second;
    }
    if (!touched.empty()) {
      CommitInfo info = InfoOf(commit.get());
      for (const std::string& m : touched) {
        int was = before[m], now = live[m];
        if (was == 0 && now > 0) {
          auto [h, inserted] = history.try_emplace(m);
          if (inserted) {
            h->second.model = spelling[m];
            h->second.introduced = info;
          }
          h->second.removed.reset();
        } else if (was > 0 && now == 0) {
          history[m].removed = info;
        }
      }
    }
    parent_tree = std::move(tree);
  }
  for (auto& [m, h] : history) out.models.push_back(std::move(h));
  // As every scan mode does: a submodule is listed, never entered.
  for (const auto& [path, id] : submodules) out.errors.push_back({path, SubmoduleMessage(id)});
  return out;
}

}  // namespace modelprov
