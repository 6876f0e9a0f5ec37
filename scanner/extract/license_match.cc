#include "extract/license_match.h"

#include <algorithm>
#include <iterator>
#include <span>

namespace modelprov {
namespace {

constexpr size_t kShingle = 5;

// A copyright notice: starts, after indentation and Markdown marks, with
// "Copyright" or the copyright sign, and holds a digit, "(c)", the sign or a
// year placeholder. Must agree with COPYRIGHT_START/COPYRIGHT_MARK in build.py.
bool IsCopyrightLine(std::string_view line) {
  size_t i = line.find_first_not_of(" \t\r#*>-");
  if (i == std::string_view::npos) return false;
  std::string lower(line.substr(i));
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower.rfind("copyright", 0) != 0 && lower.rfind("\xc2\xa9", 0) != 0) return false;
  if (line.find_first_of("0123456789") != std::string_view::npos) return true;
  for (std::string_view mark : {"(c)", "\xc2\xa9", "[yyyy]", "[year]", "<year>"}) {
    if (lower.find(mark) != std::string::npos) return true;
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

size_t Common(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  return common;
}

bool WordsAt(const std::vector<std::string>& words, size_t at, std::span<const std::string_view> seq) {
  if (at + seq.size() > words.size()) return false;
  return std::equal(seq.begin(), seq.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

// The published texts of the Apache and GNU licenses end their terms with
// "END OF TERMS AND CONDITIONS" and then an appendix on how to apply the
// license, which copies keep, trim or drop freely; the reference
// fingerprints stop at that line. Only the appendix is dropped here, from
// its heading to its known last sentence: words after it (an "additional
// terms" paragraph appended to an otherwise verbatim license, which is how
// several model licenses are written) still count, so such a text is
// reported as modified. A tail that is not an appendix is kept whole.
void DropHowToApplyAppendix(std::vector<std::string>& words) {
  static constexpr std::string_view kEndOfTerms[] = {"end", "of", "terms", "and", "conditions"};
  static constexpr std::string_view kAppendix[] = {"appendix"};
  static constexpr std::string_view kHowToApply[] = {"how", "to", "apply"};
  // The last sentence of each known appendix: Apache-2.0, GPL-3.0, GPL-2.0, LGPL-2.1.
  static constexpr std::string_view kApacheEnd[] = {"limitations", "under", "the", "license"};
  static constexpr std::string_view kGpl3End[] = {"why", "not", "lgpl", "html"};
  static constexpr std::string_view kGpl2End[] = {"public", "license", "instead", "of", "this", "license"};
  static constexpr std::string_view kLgpl21End[] = {"that", "s", "all", "there", "is", "to", "it"};
  static constexpr std::span<const std::string_view> kAppendixEnds[] = {kApacheEnd, kGpl3End, kGpl2End, kLgpl21End};

  size_t end = words.size();
  for (size_t i = 0; i + std::size(kEndOfTerms) <= words.size(); ++i) {
    if (WordsAt(words, i, kEndOfTerms)) {
      end = i + std::size(kEndOfTerms);
      break;
    }
  }
  if (end >= words.size()) return;
  if (!WordsAt(words, end, kAppendix) && !WordsAt(words, end, kHowToApply)) return;
  // The appendix runs to the last of its known closing sentences (GPL-3.0's
  // contains GPL-2.0's, and ends later); without one it runs to the end.
  size_t appendix_end = words.size();
  for (size_t i = words.size(); i-- > end;) {
    auto closing = std::find_if(std::begin(kAppendixEnds), std::end(kAppendixEnds),
                                [&](std::span<const std::string_view> seq) { return WordsAt(words, i, seq); });
    if (closing != std::end(kAppendixEnds)) {
      appendix_end = i + closing->size();
      break;
    }
  }
  words.erase(words.begin() + static_cast<std::ptrdiff_t>(end), words.begin() + static_cast<std::ptrdiff_t>(appendix_end));
}

}  // namespace

bool LicenseMatch::exact() const {
  if (license == nullptr || score < kLicenseExactScore) return false;
  size_t tolerance = std::max(kLicenseEditShingles,
                              static_cast<size_t>(kLicenseEditShare * static_cast<double>(license->hashes.size())));
  return added <= tolerance && removed <= tolerance && longest_added_run <= kLicenseMaxAddedRun;
}

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
  DropHowToApplyAppendix(words);
  return words;
}

std::vector<uint64_t> LicenseShingleSequence(std::string_view text) {
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
  return out;
}

std::vector<uint64_t> LicenseShingles(std::string_view text) {
  std::vector<uint64_t> out = LicenseShingleSequence(text);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<LicenseMatch> MatchLicense(std::string_view text, const std::vector<LicenseFingerprint>& refs) {
  std::vector<uint64_t> sequence = LicenseShingleSequence(text);
  std::vector<uint64_t> doc = sequence;
  std::sort(doc.begin(), doc.end());
  doc.erase(std::unique(doc.begin(), doc.end()), doc.end());
  if (doc.empty()) return std::nullopt;
  LicenseMatch best;
  for (const LicenseFingerprint& ref : refs) {
    size_t common = Common(doc, ref.hashes);
    size_t uni = doc.size() + ref.hashes.size() - common;
    double s = static_cast<double>(common) / static_cast<double>(uni);
    if (s > best.score) {
      best.score = s;
      best.license = &ref;
      best.added = doc.size() - common;
      best.removed = ref.hashes.size() - common;
    }
  }
  if (best.license == nullptr || best.score < kLicenseSimilarScore) return std::nullopt;
  size_t run = 0;
  for (uint64_t h : sequence) {
    run = std::binary_search(best.license->hashes.begin(), best.license->hashes.end(), h) ? 0 : run + 1;
    best.longest_added_run = std::max(best.longest_added_run, run);
  }
  return best;
}

std::optional<LicenseMatch> MatchLicense(std::string_view text) { return MatchLicense(text, LicenseFingerprints()); }

}  // namespace modelprov
