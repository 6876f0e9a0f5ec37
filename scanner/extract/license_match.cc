#include "extract/license_match.h"

#include <algorithm>

namespace modelprov {
namespace {

constexpr size_t kShingle = 5;

bool IsCopyrightLine(std::string_view line) {
  if (line.find("\xc2\xa9") != std::string_view::npos) return true;  // ©
  std::string lower(line);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  size_t at = lower.find("copyright");
  if (at == std::string::npos) return false;
  std::string_view rest = std::string_view(lower).substr(at + 9);
  for (std::string_view mark : {"(c)", "[yyyy]", "[year]", "<year>"}) {
    if (rest.find(mark) != std::string_view::npos) return true;
  }
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 4 <= rest.size(); ++i) {
    bool century = (rest[i] == '1' && rest[i + 1] == '9') || (rest[i] == '2' && rest[i + 1] == '0');
    if (century && digit(rest[i + 2]) && digit(rest[i + 3])) return true;
  }
  return false;
}

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 0 : static_cast<double>(common) / static_cast<double>(uni);
}

}  // namespace

const std::vector<LicenseFingerprint>& LicenseFingerprints() {
  static const std::vector<LicenseFingerprint> kAll = {
#include "extract/license_fingerprints/fingerprints.inc"
  };
  return kAll;
}

std::vector<std::string> NormalizeLicenseWords(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!IsCopyrightLine(line)) {
      std::string word;
      for (char ch : line) {
        char c = ch;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          word += c;
        } else if (!word.empty()) {
          words.push_back(std::move(word));
          word.clear();
        }
      }
      if (!word.empty()) words.push_back(std::move(word));
    }
    start = end + 1;
  }
  static const std::string_view kEnd[] = {"end", "of", "terms", "and", "conditions"};
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    if (std::equal(std::begin(kEnd), std::end(kEnd), words.begin() + static_cast<std::ptrdiff_t>(i))) {
      words.resize(i + 5);
      break;
    }
  }
  return words;
}

std::vector<uint64_t> LicenseShingles(std::string_view text) {
  std::vector<std::string> words = NormalizeLicenseWords(text);
  std::vector<uint64_t> out;
  if (words.size() < kShingle) return out;
  out.reserve(words.size() - kShingle + 1);
  std::string joined;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    joined.clear();
    for (size_t k = 0; k < kShingle; ++k) {
      if (k) joined += ' ';
      joined += words[i + k];
    }
    out.push_back(Fnv1a64(joined));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<LicenseMatch> MatchLicense(std::string_view text, const std::vector<LicenseFingerprint>& refs) {
  std::vector<uint64_t> doc = LicenseShingles(text);
  if (doc.empty()) return std::nullopt;
  LicenseMatch best;
  for (const LicenseFingerprint& ref : refs) {
    double s = Jaccard(doc, ref.hashes);
    if (s > best.score) {
      best.score = s;
      best.license = &ref;
    }
  }
  if (best.license == nullptr || best.score < kLicenseSimilarScore) return std::nullopt;
  return best;
}

std::optional<LicenseMatch> MatchLicense(std::string_view text) { return MatchLicense(text, LicenseFingerprints()); }

}  // namespace modelprov
