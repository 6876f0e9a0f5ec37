#include <catch2/catch.hpp>

#include "pipeline/new_references.h"

using namespace modelprov;

namespace {

ResolvedReference Ref(ReferenceKind kind, const std::string& text, const std::string& path, uint32_t line) {
  ResolvedReference r;
  r.ref.kind = kind;
  r.ref.text = text;
  r.ref.location = {path, line, 1};
  return r;
}

}  // namespace

TEST_CASE("KeepNewReferences drops identities present in the baseline, whatever their line", "[pipeline][since]") {
  ScanResult now, base;
  now.references = {Ref(ReferenceKind::kHfModelId, "Qwen/Qwen2.5-7B-Instruct", "a.py", 9),
                    Ref(ReferenceKind::kHfModelId, "Qwen/Qwen2.5-7B-Instruct", "b.py", 1),
                    Ref(ReferenceKind::kApiModel, "Qwen/Qwen2.5-7B-Instruct", "a.py", 3),
                    Ref(ReferenceKind::kHfModelId, "BAAI/bge-large-en-v1.5", "a.py", 4)};
  base.references = {Ref(ReferenceKind::kHfModelId, "Qwen/Qwen2.5-7B-Instruct", "a.py", 1)};
  KeepNewReferences(now, base);
  REQUIRE(now.references.size() == 3);
  CHECK(now.references[0].ref.location.path == "b.py");                   // other file: new
  CHECK(now.references[1].ref.kind == ReferenceKind::kApiModel);          // other kind: new
  CHECK(now.references[2].ref.text == "BAAI/bge-large-en-v1.5");          // other text: new
}

TEST_CASE("KeepNewReferences with an empty baseline keeps everything", "[pipeline][since]") {
  ScanResult now, base;
  now.references = {Ref(ReferenceKind::kHfModelId, "x/y", "a.py", 1)};
  KeepNewReferences(now, base);
  CHECK(now.references.size() == 1);
}
