// License files (LICENSE, COPYING, NOTICE, LICENSE-MODEL...): which license the
// text is, by whole-text similarity to known license texts (license_match.h),
// not by looking for a license's name in it. A text close to but not the same
// as a known license is reported as a modified version of it; a text close to
// none is not reported.
#include <cstdio>

#include "core/text.h"
#include "extract/extractors.h"
#include "extract/license_match.h"

namespace modelprov {
namespace {

class LicenseFileExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "license-file"; }
  std::vector<std::string> globs() const override {
    return {"**/LICENSE",   "**/LICENSE.txt", "**/LICENSE.md",  "**/LICENSE.rst", "**/LICENSE-*",
            "**/LICENSE_*", "**/LICENCE",     "**/LICENCE.txt", "**/LICENCE.md",  "**/LICENCE-*",
            "**/COPYING",   "**/COPYING.txt", "**/COPYING.md",  "**/COPYING.LESSER", "**/NOTICE",
            "**/NOTICE.txt", "**/NOTICE.md",
            // Model repositories often keep the weights' license apart from the code's.
            "**/MODEL_LICENSE", "**/MODEL_LICENSE.txt", "**/MODEL_LICENSE.md", "**/MODEL_LICENSE_AGREEMENT*"};
  }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<LicenseMatch> m = MatchLicense(in.text);
    if (!m) return;
    const LicenseFingerprint& lic = *m->license;
    ModelReference ref;
    ref.kind = ReferenceKind::kLicenseFile;
    ref.extractor = "license-file";
    ref.evidence = Evidence::kDefinite;
    ref.location.path = std::string(in.path);
    // The evidence is the licence as written: its title line ("DEEPSEEK
    // LICENSE AGREEMENT", "Apache License"), which is what a reviewer looks
    // for; the identified licence is in the facts and the resolution.
    ref.location.line = 1;
    ref.text = lic.id;
    size_t start = 0;
    for (uint32_t line = 1; start < in.text.size() && line <= 20; ++line) {
      size_t end = std::min(in.text.find('\n', start), in.text.size());
      std::string_view t = Trim(in.text.substr(start, end - start));
      if (!t.empty()) {
        ref.location.line = line;
        ref.text = std::string(t.substr(0, 120));
        break;
      }
      start = end + 1;
    }
    std::string title = lic.title;
    if (*lic.version != '\0' && title.find(lic.version) == std::string::npos) title += std::string(" ") + lic.version;
    LicenseFileFacts& f = ref.SetFacts<LicenseFileFacts>();
    f.name = title;
    f.score = m->score;
    if (m->exact()) {
      f.license_id = lic.id;  // what the resolver attaches
    } else {
      // An edited license is not the license: it is named after its closest
      // relative but not attached as that license.
      f.modified = true;
      f.closest = lic.id;
    }
    f.source = lic.source;
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeLicenseFileExtractor() { return std::make_unique<LicenseFileExtractor>(); }

}  // namespace modelprov
