// License identification by whole-text similarity.
//
// A text is normalised (copyright lines dropped, lowercased, punctuation and
// layout removed, and the how-to-apply appendix after "END OF TERMS AND
// CONDITIONS" dropped, while anything appended after that appendix still
// counts), split into overlapping 5-word shingles, and each
// shingle hashed to 64 bits. The set is compared with the fingerprints of
// published license texts (license_fingerprints/fingerprints.inc, generated
// by license_fingerprints/build.py from the texts, which are not in the
// repository). The best match by Jaccard similarity wins; the score says how
// close the text is, so an edited license is reported as modified, not as
// the original.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelprov {

// A text is the license itself when its Jaccard score is at least
// kLicenseExactScore, it neither adds nor drops more than
// max(kLicenseEditShingles, kLicenseEditShare * reference size) shingles
// (a sentence or two of layout, typo or URL differences), and no run of its
// new shingles is longer than kLicenseMaxAddedRun. Otherwise, at or
// above kLicenseSimilarScore, it is a modified version of the license: an
// added clause is a modification however long the original is.
inline constexpr double kLicenseExactScore = 0.90;
inline constexpr double kLicenseSimilarScore = 0.50;
inline constexpr size_t kLicenseEditShingles = 20;
inline constexpr double kLicenseEditShare = 0.01;
// However long the license, a run of more consecutive new shingles than this
// (about eight new words in a row) is an added sentence, not a typo or a
// changed URL (a changed word makes five): the text is modified.
inline constexpr size_t kLicenseMaxAddedRun = 12;

struct LicenseFingerprint {
  const char* id;       // SPDX id or the catalog's LicenseRef-...
  const char* title;
  const char* version;  // may be empty
  const char* source;   // URL of the published text the hashes were computed from
  std::vector<uint64_t> hashes;  // sorted, unique
};

// The built-in reference fingerprints.
const std::vector<LicenseFingerprint>& LicenseFingerprints();

// Words of `text` after normalisation (exposed for tests).
std::vector<std::string> NormalizeLicenseWords(std::string_view text);
// Sorted, unique shingle hashes of `text`.
std::vector<uint64_t> LicenseShingles(std::string_view text);
// The same hashes in text order, repeats kept.
std::vector<uint64_t> LicenseShingleSequence(std::string_view text);

struct LicenseMatch {
  const LicenseFingerprint* license = nullptr;
  double score = 0;    // Jaccard similarity, 0..1
  size_t added = 0;    // shingles of the text that the reference lacks
  size_t removed = 0;  // shingles of the reference that the text lacks
  size_t longest_added_run = 0;  // most consecutive shingles (in text order) the reference lacks
  bool exact() const;
};

// The closest reference license, or nullopt when none reaches kLicenseSimilarScore.
std::optional<LicenseMatch> MatchLicense(std::string_view text);
// Same, against a given set of references (for tests).
std::optional<LicenseMatch> MatchLicense(std::string_view text, const std::vector<LicenseFingerprint>& refs);

}  // namespace modelprov
