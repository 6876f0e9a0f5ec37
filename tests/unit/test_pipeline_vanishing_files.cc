// Files that change between listing and reading. The listing is replayed
// from a recorded DirectorySource walk, so the change happens at a fixed
// point instead of racing a background thread.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "catalog/catalog.h"
#include "extract/registry.h"
#include "pipeline/pipeline.h"
#include "source/directory_source.h"
#include "support/e2e.h"

using namespace modelprov;
using modelprov::testing::TempDir;

namespace {

// Replays the entries one walk of `inner` listed; opens through `inner`.
class RecordedSource final : public Source {
 public:
  explicit RecordedSource(std::unique_ptr<Source> inner) : inner_(std::move(inner)) {
    struct Recorder final : EntrySink {
      std::vector<Entry>* entries;
      void OnEntry(Entry e) override { entries->push_back(std::move(e)); }
      void OnError(ScanError) override {}
    } recorder;
    recorder.entries = &entries_;
    REQUIRE(inner_->Walk(recorder).ok());
  }
  std::string Describe() const override { return "recorded listing"; }
  Status Walk(EntrySink& sink) override {
    for (const Entry& e : entries_) sink.OnEntry(e);
    return Ok{};
  }
  Result<std::unique_ptr<Blob>> Open(const Entry& entry) const override { return inner_->Open(entry); }
  size_t size() const { return entries_.size(); }

 private:
  std::unique_ptr<Source> inner_;
  std::vector<Entry> entries_;
};

std::vector<std::string> Errors(const ScanResult& r) {
  std::vector<std::string> out;
  for (const ScanError& e : r.errors) out.push_back(e.path + ": " + e.message);
  return out;
}

std::vector<std::string> Texts(const ScanResult& r) {
  std::vector<std::string> out;
  for (const auto& ref : r.references) out.push_back(ref.ref.location.path + " " + ref.ref.text);
  return out;
}

ScanResult ScanRecorded(std::unique_ptr<RecordedSource> source) {
  static const ExtractorList extractors = DefaultExtractors();
  static const Result<Catalog> catalog = Catalog::Builtin();
  REQUIRE(catalog.ok());
  Resolver resolver(*catalog);
  ScanRequest request;
  request.sources.push_back(std::move(source));
  return RunScan(request, extractors, resolver);
}

const char* kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";

}  // namespace

TEST_CASE("a file deleted after listing is an error entry; the rest is scanned", "[pipeline][hostile]") {
  TempDir d;
  d.Write("gone.py", kQwen);
  d.Write("kept.py", kQwen);
  auto source = std::make_unique<RecordedSource>(std::make_unique<DirectorySource>(d.path(), ""));
  REQUIRE(source->size() == 2);
  std::filesystem::remove(d.path() / "gone.py");
  ScanResult r = ScanRecorded(std::move(source));
  CHECK(Texts(r) == std::vector<std::string>{"kept.py Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(r) == std::vector<std::string>{"gone.py: cannot open: No such file or directory"});
}

TEST_CASE("a file replaced by a FIFO or a symlink after listing is skipped without blocking", "[pipeline][hostile]") {
  TempDir d;
  d.Write("pipe.py", kQwen);
  d.Write("link.py", kQwen);
  d.Write("target.py", kQwen);
  auto source = std::make_unique<RecordedSource>(std::make_unique<DirectorySource>(d.path(), ""));
  REQUIRE(source->size() == 3);
  std::filesystem::remove(d.path() / "pipe.py");
  REQUIRE(::mkfifo((d.path() / "pipe.py").c_str(), 0600) == 0);  // opening it for reading must not wait for a writer
  std::filesystem::remove(d.path() / "link.py");
  std::filesystem::create_symlink(d.path() / "target.py", d.path() / "link.py");
  ScanResult r = ScanRecorded(std::move(source));
  CHECK(Texts(r) == std::vector<std::string>{"target.py Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(r) == std::vector<std::string>{
                         "link.py: is a symbolic link; not followed",
                         "pipe.py: not a regular file (FIFO, socket or device); skipped",
                     });
}

TEST_CASE("a file that shrank after listing is scanned as it is now", "[pipeline][hostile]") {
  TempDir d;
  d.Write("app.py", std::string(kQwen) + kQwen + kQwen);
  auto source = std::make_unique<RecordedSource>(std::make_unique<DirectorySource>(d.path(), ""));
  d.Write("app.py", kQwen);
  ScanResult r = ScanRecorded(std::move(source));
  CHECK(Texts(r) == std::vector<std::string>{"app.py Qwen/Qwen2.5-7B-Instruct"});
  CHECK(r.errors.empty());
}
