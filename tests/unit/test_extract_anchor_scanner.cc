// extract/anchor_scanner.h: one caseless pass over the bytes.
#include <catch2/catch.hpp>

#include "extract/anchor_scanner.h"

using namespace modelprov;

TEST_CASE("anchors are found ignoring case, ordered by end", "[extract][anchors]") {
  auto s = AnchorScanner::Compile({{"qwen", AnchorKind::kStem}, {"api.deepseek.com", AnchorKind::kHost}});
  REQUIRE(s.ok());
  std::vector<AnchorHit> hits = (*s)->Scan("x = 'Qwen2.5'; url = 'https://API.DeepSeek.com'");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].begin == 5);
  CHECK(hits[0].end == 9);
  CHECK(hits[0].kind == AnchorKind::kStem);
  CHECK(hits[1].kind == AnchorKind::kHost);
  CHECK((*s)->Scan("nothing here").empty());
}

TEST_CASE("AnyHit stops at the first accepted hit", "[extract][anchors]") {
  auto s = AnchorScanner::Compile({{"yi", AnchorKind::kVersionedStem}});
  REQUIRE(s.ok());
  int asked = 0;
  auto digit_after = [&](std::string_view t) {
    return (*s)->AnyHit(t, [&](const AnchorHit& h) {
      ++asked;
      return h.end < t.size() && t[h.end] >= '0' && t[h.end] <= '9';
    });
  };
  CHECK_FALSE(digit_after("yield yield yield"));
  CHECK(asked == 3);
  asked = 0;
  CHECK(digit_after("yi1 yi2 yi3"));
  CHECK(asked == 1);
}

TEST_CASE("an empty anchor list matches nothing", "[extract][anchors]") {
  auto s = AnchorScanner::Compile({});
  REQUIRE(s.ok());
  CHECK((*s)->Scan("anything").empty());
}
