#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_harness.h"
#include "support/weights_builder.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {

std::string ZipWithFirstMember(const std::string& name) {
  std::string z = "PK\x03\x04";
  z.append(22, '\0');
  GgufBuilder::Le(z, name.size(), 2);
  GgufBuilder::Le(z, 0, 2);
  return z + name + "\x80\x02}q\x00.";
}

std::string FormatOf(const std::string& path, const std::string& bytes) {
  auto ex = MakeModelWeightsExtractor();
  CollectingSink sink = RunExtractor(*ex, path, bytes, 1u << 20);
  CHECK(sink.errors.empty());
  if (sink.refs.empty()) return "";
  CHECK(sink.refs.size() == 1);
  CHECK(sink.refs[0].kind == ReferenceKind::kModelWeights);
  CHECK(FactValue(sink.refs[0].FactPairs(), "size") == "1048576");
  CHECK(FactValue(sink.refs[0].FactPairs(), "format") == sink.refs[0].text);
  return sink.refs[0].text;
}

}  // namespace

TEST_CASE("weight containers are recognised by their first bytes", "[extract][model-weights]") {
  CHECK(FormatOf("pytorch_model.bin", ZipWithFirstMember("archive/data.pkl")) == "pytorch-zip");
  CHECK(FormatOf("model.pt", ZipWithFirstMember("model/data.pkl")) == "pytorch-zip");
  CHECK(FormatOf("model.keras", ZipWithFirstMember("metadata.json")) == "keras-v3");
  CHECK(FormatOf("old.pth", std::string("\x80\x02\x8a\x0alp", 6)) == "pickle");
  CHECK(FormatOf("ckpt/last.ckpt", std::string("\x80\x04\x95\x10", 4)) == "pickle");
  CHECK(FormatOf("model.h5", std::string("\x89HDF\r\n\x1a\n", 8) + "rest") == "keras-hdf5");
  CHECK(FormatOf("weights.hdf5", std::string("\x89HDF\r\n\x1a\n", 8) + "rest") == "hdf5");
  CHECK(FormatOf("model.tflite", std::string("\x1c\0\0\0TFL3", 8)) == "tflite");
  CHECK(FormatOf("model.onnx", std::string("\x08\x07\x12\x07pytorch", 11)) == "onnx");
  CHECK(FormatOf("Model.mlmodel", std::string("\x08\x04\x12", 3)) == "coreml");
  CHECK(FormatOf("export/saved_model.pb", std::string("\x08\x01\x12", 3)) == "tensorflow-savedmodel");
  CHECK(FormatOf("ggml-model-q4_0.bin", "tjgg\x03\0\0\0") == "ggml");
  CHECK(FormatOf("ggml-model-q4_0.bin", GgufBuilder(3).Build()) == "gguf");
}

TEST_CASE("files with a weight extension but other content are not reported", "[extract][model-weights]") {
  CHECK(FormatOf("data.bin", "plain text, not a model") == "");
  CHECK(FormatOf("firmware.bin", ZipWithFirstMember("readme.txt")) == "");
  CHECK(FormatOf("export.bin", ZipWithFirstMember("metadata.json")) == "");  // keras-v3 only as .keras
  CHECK(FormatOf("graph.pb", std::string("\x08\x01\x12", 3)) == "");  // only saved_model.pb
  CHECK(FormatOf("model.onnx", "\x0a\x05hello") == "");
  CHECK(FormatOf("empty.pt", "") == "");
  CHECK(FormatOf("short.pt", "\x80") == "");
}

TEST_CASE("only unmistakable magics claim renamed files", "[extract][model-weights]") {
  auto ex = MakeModelWeightsExtractor();
  CHECK(ex->uses_magic());
  CHECK(ex->ClaimsMagic(ZipWithFirstMember("archive/data.pkl")));
  CHECK(ex->ClaimsMagic(std::string("\x1c\0\0\0TFL3", 8)));
  CHECK_FALSE(ex->ClaimsMagic(ZipWithFirstMember("word/document.xml")));
  CHECK_FALSE(ex->ClaimsMagic(ZipWithFirstMember("metadata.json")));
  CHECK_FALSE(ex->ClaimsMagic(std::string("\x80\x02\x8a\x0a", 4)));  // pickle: only by extension
  CHECK_FALSE(ex->ClaimsMagic(std::string("\x89HDF\r\n\x1a\n", 8)));  // HDF5 is also plain data
}

TEST_CASE("model-weights reads at most the first 4 KiB", "[extract][model-weights]") {
  auto ex = MakeModelWeightsExtractor();
  CollectingSink sink;
  MemoryFile file(ZipWithFirstMember("archive/data.pkl"), 3ull << 30);
  ExtractInput in;
  in.path = "big.bin";
  in.name = "big.bin";
  in.blob = &file;
  ex->Extract(in, sink);
  REQUIRE(sink.refs.size() == 1);
  CHECK(file.reads == 1);
  CHECK(file.max_end <= 4096);
}
