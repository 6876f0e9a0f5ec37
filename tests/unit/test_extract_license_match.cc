#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/license_match.h"

using namespace modelprov;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const LicenseFingerprint* Find(std::string_view id) {
  for (const LicenseFingerprint& f : LicenseFingerprints()) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("normalisation drops copyright lines, punctuation and case, and stops at the end of terms", "[extract][license]") {
  CHECK(NormalizeLicenseWords("Copyright (c) 2024 Someone\nThe  Software, \"AS IS\".\r\nEND OF TERMS AND CONDITIONS\nHow to apply") ==
        std::vector<std::string>{"the", "software", "as", "is", "end", "of", "terms", "and", "conditions"});
  CHECK(NormalizeLicenseWords("\xc2\xa9 Meta\n  **Copyright** 2020 X\nA copyright notice (c) 2020 stays\n") ==
        std::vector<std::string>{"a", "copyright", "notice", "c", "2020", "stays"});
  CHECK(LicenseShingles("four words only here").empty());
  CHECK(LicenseShingles("one two three four five").size() == 1);
}

TEST_CASE("the C++ shingles equal the maintainer script's for a published text", "[extract][license]") {
  // build.py computed the Apache-2.0 fingerprint from this same Debian file.
  std::string apache = ReadFile("/usr/share/common-licenses/Apache-2.0");
  REQUIRE(apache.size() > 10000);
  const LicenseFingerprint* ref = Find("Apache-2.0");
  REQUIRE(ref != nullptr);
  CHECK(LicenseShingles(apache) == ref->hashes);
  CHECK(std::is_sorted(ref->hashes.begin(), ref->hashes.end()));
}

TEST_CASE("reference fingerprints cover the classic and model licenses with sources", "[extract][license]") {
  for (const char* id : {"Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "GPL-2.0-only", "GPL-3.0-only",
                         "LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "MPL-2.0", "CC-BY-4.0", "CC-BY-SA-4.0",
                         "LicenseRef-llama-3.1", "LicenseRef-llama-3.2", "LicenseRef-llama-3.3", "LicenseRef-llama-4", "LicenseRef-tongyi-qianwen",
                         "LicenseRef-deepseek"}) {
    INFO(id);
    const LicenseFingerprint* f = Find(id);
    REQUIRE(f != nullptr);
    CHECK(std::string_view(f->source).rfind("https://", 0) == 0);
    CHECK(f->hashes.size() >= 90);
  }
}

TEST_CASE("published texts match themselves exactly", "[extract][license]") {
  for (auto [file, id] : std::vector<std::pair<std::string, std::string>>{
           {"Apache-2.0", "Apache-2.0"}, {"GPL-3", "GPL-3.0-only"}, {"GPL-2", "GPL-2.0-only"},
           {"LGPL-2.1", "LGPL-2.1-only"}, {"MPL-2.0", "MPL-2.0"}}) {
    INFO(file);
    auto m = MatchLicense(ReadFile("/usr/share/common-licenses/" + file));
    REQUIRE(m.has_value());
    CHECK(m->license->id == id);
    CHECK(m->score == Approx(1.0));
    CHECK(m->exact());
  }
}

TEST_CASE("layout, copyright holder and a missing appendix do not make a license modified", "[extract][license]") {
  std::string apache = ReadFile("/usr/share/common-licenses/Apache-2.0");
  std::string edited = apache.substr(0, apache.find("APPENDIX"));
  for (char& c : edited) {
    if (c == '\n') c = ' ';  // reflowed into one long line
  }
  edited = "Copyright 2025 Example Corp.\n\n" + edited;
  auto m = MatchLicense(edited);
  REQUIRE(m.has_value());
  CHECK(m->license->id == std::string("Apache-2.0"));
  CHECK(m->exact());
}

TEST_CASE("an added clause makes the text a modified license, not the original", "[extract][license]") {
  std::string apache = ReadFile("/usr/share/common-licenses/Apache-2.0");
  std::string clause =
      "10. Additional Restriction. You may not use the Work, or any Derivative Works thereof, to provide a hosted "
      "service to third parties whose monthly active users exceed one hundred million, unless You obtain a separate "
      "written license from the Licensor, which the Licensor may grant or refuse in its sole discretion.\n\n";
  std::string modified = Replace(apache, "9. Accepting Warranty", clause + "9. Accepting Warranty");
  auto m = MatchLicense(modified);
  REQUIRE(m.has_value());
  CHECK(m->license->id == std::string("Apache-2.0"));
  CHECK_FALSE(m->exact());
  CHECK(m->added > 30);
  CHECK(m->score > 0.9);
}

TEST_CASE("terms appended after the end of the license or its appendix make it modified", "[extract][license]") {
  // Model licenses are often a verbatim license with extra terms at the bottom.
  const std::string extra =
      "\nADDITIONAL TERMS. You may not use this software for military purposes, nor in any product or service "
      "with more than one hundred million monthly active users, without a separate written license.\n";
  for (auto [file, id] : std::vector<std::pair<std::string, std::string>>{
           {"Apache-2.0", "Apache-2.0"}, {"GPL-3", "GPL-3.0-only"}, {"GPL-2", "GPL-2.0-only"}, {"LGPL-2.1", "LGPL-2.1-only"}}) {
    INFO(file);
    std::string text = ReadFile("/usr/share/common-licenses/" + file);
    // After the whole text, appendix included.
    auto appended = MatchLicense(text + extra);
    REQUIRE(appended.has_value());
    CHECK(appended->license->id == id);
    CHECK_FALSE(appended->exact());
    CHECK(appended->added >= 20);
    // Right after "END OF TERMS AND CONDITIONS", appendix dropped.
    size_t end = text.find("END OF TERMS AND CONDITIONS");
    REQUIRE(end != std::string::npos);
    auto inserted = MatchLicense(text.substr(0, end + 27) + extra);
    REQUIRE(inserted.has_value());
    CHECK(inserted->license->id == id);
    CHECK_FALSE(inserted->exact());
  }
}

TEST_CASE("text that is not a known license matches nothing", "[extract][license]") {
  CHECK_FALSE(MatchLicense("This project is a demo. Please ask before using it in production, thank you very much.").has_value());
  CHECK_FALSE(MatchLicense("").has_value());
  CHECK_FALSE(MatchLicense(std::string(100000, 'x')).has_value());
}
