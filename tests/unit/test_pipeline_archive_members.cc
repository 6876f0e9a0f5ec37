// Archive members reach random-access extractors through a bounded in-memory
// prefix, and text extractors get whole members.
#include <catch2/catch.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "pipeline/pipeline.h"
#include "source/file_list_source.h"

using namespace modelprov;

namespace {

// Reports what it could read: how many bytes the RandomAccess offers, the
// size it was told, and the first bytes.
class HeaderProbe final : public Extractor {
 public:
  std::string_view name() const override { return "header-probe"; }
  std::vector<std::string> globs() const override { return {"**/*.bin"}; }
  Input input() const override { return Input::kRandomAccess; }
  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    char head[8] = {};
    auto got = in.blob->ReadAt(0, head, sizeof head);
    ModelReference ref;
    ref.kind = ReferenceKind::kModelWeights;
    ref.text = std::string(head, got ? *got : 0);
    ref.location = {std::string(in.path), 0, 0};
    ref.extractor = "header-probe";
    // The bytes the extractor could read, and the member's real size.
    ModelWeightsFacts& f = ref.SetFacts<ModelWeightsFacts>();
    f.format = "available=" + std::to_string(in.blob->size());
    f.size = in.size;
    sink.OnReference(std::move(ref));
  }
};

std::string ZipWith(const std::string& name, const std::string& content) {
  std::string out(content.size() + 4096, '\0');
  size_t used = 0;
  struct archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
  struct archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, name.c_str());
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
  archive_write_header(a, e);
  archive_write_data(a, content.data(), content.size());
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

}  // namespace

TEST_CASE("random-access extractors see a bounded prefix of an archive member", "[pipeline][archive]") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "modelprov-unit-archive-members";
  std::filesystem::create_directories(dir);
  std::string member = "GGUF" + std::string(1000, 'x');
  {
    std::ofstream out(dir / "bundle.zip", std::ios::binary);
    out << ZipWith("models/w.bin", member);
  }
  ExtractorList extractors;
  extractors.push_back(std::make_unique<HeaderProbe>());
  Result<Catalog> catalog = Catalog::Parse("{}", "test");
  REQUIRE(catalog.ok());
  Resolver resolver(*catalog);

  ScanRequest request;
  request.sources.push_back(std::make_unique<FileListSource>(std::vector<std::string>{(dir / "bundle.zip").string()}));
  request.limits.archive.random_access_prefix = 100;
  ScanResult result = RunScan(request, extractors, resolver);
  std::filesystem::remove_all(dir);

  REQUIRE(result.errors.empty());
  REQUIRE(result.references.size() == 1);
  const ModelReference& ref = result.references[0].ref;
  CHECK(ref.location.path == (dir / "bundle.zip").string() + "!/models/w.bin");
  CHECK(ref.text == "GGUFxxxx");
  REQUIRE(ref.FactsAs<ModelWeightsFacts>() != nullptr);
  CHECK(ref.FactsAs<ModelWeightsFacts>()->format == "available=100");  // the prefix cap
  CHECK(ref.FactsAs<ModelWeightsFacts>()->size == 1004);               // the member's real size
  CHECK(ref.source == "worktree");
}
