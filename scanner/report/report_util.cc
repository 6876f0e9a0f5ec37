#include "report/report_util.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <set>

#include "core/text.h"
#include "report/writer.h"

namespace modelprov::report {

uint64_t Fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string UuidFromSeed(std::string_view seed) {
  // Two independent 64-bit hashes give 128 bits; then set the version (4)
  // and variant (10xx) bits so validators accept it as a UUID.
  std::string hex = Hex64(Fnv1a64(seed)) + Hex64(Fnv1a64(seed, 0x84222325cbf29ce4ull));
  hex[12] = '4';
  hex[16] = "89ab"[static_cast<unsigned char>(hex[16]) % 4];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

std::string HtmlEscape(std::string_view s) {
  std::string clean = SanitizeUtf8(s);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view s) {
  std::string clean = SanitizeUtf8(s);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (std::string_view("\\`*_[]|#!~").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

bool IsHubId(std::string_view id) {
  size_t slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= id.size()) return false;
  if (id.find('/', slash + 1) != std::string_view::npos) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

std::string HubUrl(std::string_view id) { return "https://huggingface.co/" + std::string(id); }

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  std::vector<std::string_view> parts = Split(path, '/');
  for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : "/") + PercentEncode(parts[i]);
  return out;
}

std::string PercentEncodeUrl(std::string_view url) {
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' || c == '\\' || c == '|') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool IsWebUrl(std::string_view url) { return IStartsWith(url, "https://") || IStartsWith(url, "http://"); }

std::string HubPurl(std::string_view id) {
  size_t slash = id.find('/');
  return "pkg:huggingface/" + PercentEncode(id.substr(0, slash)) + "/" + PercentEncode(id.substr(slash + 1));
}

bool IsSpdxListed(std::string_view license) { return !license.empty() && !IStartsWith(license, "LicenseRef-"); }

std::string LicenseUrl(const ModelSummary& m) {
  if (!m.license_url.empty()) return m.license_url;
  if (IsSpdxListed(m.license)) return "https://spdx.org/licenses/" + m.license + ".html";
  return "";
}

const LicenseFacts* FindLicense(const ScanResult& r, std::string_view id) {
  if (id.empty()) return nullptr;
  auto it = r.licenses.find(std::string(id));
  if (it != r.licenses.end()) return &it->second;
  for (const auto& [key, facts] : r.licenses) {
    if (IEquals(key, id)) return &facts;
  }
  return nullptr;
}

std::string LicenseNameOf(const ScanResult& r, std::string_view id) {
  const LicenseFacts* l = FindLicense(r, id);
  if (l != nullptr && !l->name.empty()) return l->name;
  for (const ModelSummary& m : r.models) {
    if (IEquals(m.license, id) && !m.license_name.empty()) return m.license_name;
  }
  return std::string(id);
}

std::string LicenseUrlOf(const ScanResult& r, std::string_view id) {
  const LicenseFacts* l = FindLicense(r, id);
  if (l != nullptr && !l->url.empty()) return l->url;
  for (const ModelSummary& m : r.models) {
    if (IEquals(m.license, id) && !m.license_url.empty()) return m.license_url;
  }
  if (IsSpdxListed(id)) return "https://spdx.org/licenses/" + std::string(id) + ".html";
  return "";
}

std::string LicenseCategoryOf(const ScanResult& r, std::string_view id) {
  const LicenseFacts* l = FindLicense(r, id);
  if (l != nullptr && !l->category.empty()) return l->category;
  for (const ModelSummary& m : r.models) {
    if (IEquals(m.license, id) && !m.license_category.empty()) return m.license_category;
  }
  return "";
}

std::vector<std::string> EffectiveLicenses(const ModelSummary& m) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& id) {
    if (id.empty()) return;
    for (const std::string& have : out) {
      if (IEquals(have, id)) return;
    }
    out.push_back(id);
  };
  add(m.license);
  for (const LineageStep& s : m.lineage) add(s.license);
  return out;
}

std::vector<std::string> InheritedLicenses(const ModelSummary& m) {
  std::vector<std::string> out = EffectiveLicenses(m);
  if (!m.license.empty() && !out.empty()) out.erase(out.begin());
  return out;
}

int CategoryRank(std::string_view category) { return LicenseCategoryRank(category); }

std::string EffectiveCategory(const ScanResult& r, const ModelSummary& m) {
  // Set by the scan (SummarizeModels); a scan saved before the field existed
  // gets the same answer from its license facts.
  if (!m.effective_license_category.empty()) return m.effective_license_category;
  std::string best = m.license_category;
  for (const std::string& id : InheritedLicenses(m)) best = MoreRestrictiveCategory(best, LicenseCategoryOf(r, id));
  return best;
}

std::string Where(const Location& l) {
  std::string s = l.path;
  if (l.line > 0) s += ":" + std::to_string(l.line);
  return s;
}

bool IsLocalModel(std::string_view id) { return IStartsWith(id, "local:"); }

ModelSummary BaseModelSummary(const ScanResult& r, const ModelSummary& from, const LineageStep& step) {
  ModelSummary base;
  base.id = step.model;
  base.family = step.family;
  base.license = step.license;
  if (const LicenseFacts* l = FindLicense(r, step.license)) {
    base.license_name = l->name;
    base.license_url = l->url;
    base.license_category = l->category;
    base.terms = l->terms;
  }
  if (IsLocalModel(from.id) && !step.family.empty() && IEquals(step.family, from.family)) {
    base.publisher = from.publisher;
    base.publisher_name = from.publisher_name;
    base.country = from.country;
    base.family_name = from.family_name;
  }
  return base;
}

bool IsHostedApi(const ModelSummary& m) { return !m.provider.empty() && !IsHubId(m.id); }

std::vector<std::string> EndpointsOf(const ScanResult& r, const ModelSummary& m) {
  std::set<std::string> urls;
  for (const ResolvedReference& rr : r.references) {
    if (rr.ref.kind != ReferenceKind::kApiEndpoint || !rr.resolution) continue;
    if (rr.resolution->provider != m.provider && rr.resolution->model != m.id) continue;
    urls.insert(rr.ref.text);
  }
  return {urls.begin(), urls.end()};
}

namespace {

const TermValue* Present(const TermMap& terms, const char* key) {
  auto it = terms.find(key);
  return it != terms.end() && it->second.state == TermValue::State::kPresent ? &it->second : nullptr;
}

void Append(std::string& into, const std::string& more) {
  if (more.empty()) return;
  if (!into.empty()) into += "; ";
  into += more;
}

}  // namespace

Obligations ObligationsOf(const TermMap& terms) {
  Obligations o;
  if (const TermValue* v = Present(terms, "attribution")) o.attribution = DescribeDisplayDuty(*v);
  if (const TermValue* v = Present(terms, "naming")) o.naming = v->text;
  if (const TermValue* v = Present(terms, "mau_cap")) {
    Append(o.user_caps, v->number != 0 ? "over " + GroupThousands(v->number) + " monthly active users needs a separate licence"
                                       : v->text);
  }
  if (const TermValue* v = Present(terms, "revenue_cap")) Append(o.user_caps, "revenue cap: " + v->text);
  if (const TermValue* v = Present(terms, "output_use")) o.output_use = v->text;
  if (const TermValue* v = Present(terms, "aup_url")) o.aup_url = v->text;
  if (const TermValue* v = Present(terms, "field_of_use")) Append(o.other, "field of use: " + v->text);
  if (const TermValue* v = Present(terms, "geographic")) Append(o.other, "geography: " + v->text);
  if (const TermValue* v = Present(terms, "research_only"); v && v->text == "yes") Append(o.other, "research use only");
  if (const TermValue* v = Present(terms, "commercial_use"); v && v->text == "no") Append(o.other, "no commercial use");
  return o;
}

std::string FindingCounts(const std::vector<Finding>& findings) {
  size_t suppressed = 0;
  for (const Finding& f : findings) suppressed += f.suppressed_by.empty() ? 0 : 1;
  size_t active = findings.size() - suppressed;
  return std::to_string(active) + " active finding" + (active == 1 ? "" : "s") + ", " + std::to_string(suppressed) +
         " suppressed";
}

std::map<std::string, std::string> ExcerptsByPlace(const ScanResult& r) {
  std::map<std::string, std::string> out;
  for (const ResolvedReference& rr : r.references) {
    if (rr.ref.excerpt.empty() || rr.ref.location.line == 0) continue;
    out.emplace(Where(rr.ref.location), rr.ref.excerpt);
  }
  return out;
}

std::string PublisherOf(const ModelSummary& m) { return m.publisher_name.empty() ? m.publisher : m.publisher_name; }

std::map<std::string, int> CountBy(const ScanResult& r, const std::function<std::string(const ModelSummary&)>& key) {
  std::map<std::string, int> out;
  for (const ModelSummary& m : r.models) {
    std::string k = key(m);
    ++out[k.empty() ? "unknown" : k];
  }
  return out;
}

}  // namespace modelprov::report

namespace modelprov {

std::string ReportTimestamp(const WriteOptions& options) {
  if (!options.timestamp.empty()) return options.timestamp;
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace modelprov
