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

TEST_CASE("KeepNewReferences treats a reference that left another changed file as moved", "[pipeline][since]") {
  ScanResult now, base;
  // Qwen moved from a.py (still changed, no longer mentions it) to b.py;
  // Llama's file old.py was deleted and its line lives on in c.py.
  now.references = {Ref(ReferenceKind::kHfModelId, "BAAI/bge-large-en-v1.5", "a.py", 1),
                    Ref(ReferenceKind::kHfModelId, "Qwen/Qwen2.5-7B-Instruct", "b.py", 7),
                    Ref(ReferenceKind::kHfModelId, "meta-llama/Llama-3.1-8B-Instruct", "c.py", 2),
                    Ref(ReferenceKind::kApiModel, "Qwen/Qwen2.5-7B-Instruct", "d.py", 1)};
  base.references = {Ref(ReferenceKind::kHfModelId, "Qwen/Qwen2.5-7B-Instruct", "a.py", 1),
                     Ref(ReferenceKind::kHfModelId, "meta-llama/Llama-3.1-8B-Instruct", "old.py", 1)};
  KeepNewReferences(now, base);
  REQUIRE(now.references.size() == 2);
  CHECK(now.references[0].ref.text == "BAAI/bge-large-en-v1.5");     // really new
  CHECK(now.references[1].ref.kind == ReferenceKind::kApiModel);     // same text, other kind: new
}
