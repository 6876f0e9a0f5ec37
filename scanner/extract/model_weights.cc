// Other weight containers (PyTorch, pickle, HDF5/Keras, ONNX, Core ML,
// TFLite, TensorFlow SavedModel, legacy GGML): recognised by their first bytes
// and reported as a model artefact. Their formats do not carry a model name
// worth trusting, and reading further would mean unpickling or loading, which
// the scanner never does: at most the first 4 KiB are read.
#include <algorithm>
#include <cstring>

#include "extract/extractors.h"

namespace modelprov {
namespace {

constexpr size_t kHeadBytes = 4096;

uint16_t Le16(std::string_view s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Name of the first member of a zip archive, from its local file header.
std::string_view FirstZipMember(std::string_view head) {
  if (head.size() < 30 || head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return {};
  size_t len = Le16(head, 26);
  if (30 + len > head.size()) return {};
  return head.substr(30, len);
}

// A protobuf whose first field is varint field 1 (tag byte 0x08) holding a
// small version number: ONNX's ir_version, Core ML's specificationVersion,
// SavedModel's schema version.
bool SmallVersionField1(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x08 &&
         static_cast<unsigned char>(head[1]) >= 1 && static_cast<unsigned char>(head[1]) <= 64;
}

// The container format of `head`, or empty. `ext` (lowercased, with dot)
// decides between formats that share a magic.
std::string Identify(std::string_view head, std::string_view ext, std::string_view base) {
  std::string_view member = FirstZipMember(head);
  if (!member.empty()) {
    if (EndsWith(member, "data.pkl") || EndsWith(member, ".format_version") || EndsWith(member, "/byteorder") ||
        EndsWith(member, "/version")) {
      return "pytorch-zip";
    }
    // Keras v3 archives start with ordinary file names, so only the .keras
    // extension makes such a zip a model.
    if (ext == ".keras" && (member == "metadata.json" || member == "config.json" || member == "model.weights.h5")) {
      return "keras-v3";
    }
    return {};
  }
  if (head.size() >= 8 && head.substr(0, 8) == std::string_view("\x89HDF\r\n\x1a\n", 8)) {
    return ext == ".keras" || ext == ".h5" ? "keras-hdf5" : "hdf5";
  }
  if (head.size() >= 8 && head.substr(4, 4) == "TFL3") return "tflite";
  if (head.size() >= 8 && head.substr(0, 4) == "GGUF") return "gguf";  // a GGUF named .bin
  if (head.size() >= 4) {
    std::string_view m = head.substr(0, 4);
    if (m == "lmgg" || m == "fmgg" || m == "tjgg") return "ggml";  // pre-GGUF llama.cpp files
  }
  if (head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0x80 && head[1] >= 2 && head[1] <= 5) {
    return "pickle";  // protocol 2+; older protocols have no marker and are not claimed
  }
  if (SmallVersionField1(head)) {
    if (ext == ".onnx") return "onnx";
    if (ext == ".mlmodel") return "coreml";
    if (base == "saved_model.pb") return "tensorflow-savedmodel";
  }
  return {};
}

std::string LowerExt(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string e(name.substr(dot));
  for (char& c : e) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return e;
}

class ModelWeightsExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "model-weights"; }
  std::vector<std::string> globs() const override {
    return {"**/*.bin",   "**/*.pt",    "**/*.pth",  "**/*.ckpt",   "**/*.onnx",          "**/*.mlmodel",
            "**/*.keras", "**/*.h5",    "**/*.hdf5", "**/*.tflite", "**/saved_model.pb", "**/*.pkl",
            "**/*.pickle"};
  }
  // Renamed files are claimed only by magics that cannot be mistaken for
  // ordinary data: a PyTorch zip, TFLite, legacy GGML.
  bool uses_magic() const override { return true; }
  bool ClaimsMagic(std::string_view head) const override {
    std::string f = Identify(head, "", "");
    return f == "pytorch-zip" || f == "tflite" || f == "ggml";
  }
  Input input() const override { return Input::kRandomAccess; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (in.blob == nullptr) return;
    char buf[kHeadBytes];
    auto got = in.blob->ReadAt(0, buf, std::min<uint64_t>(sizeof buf, in.blob->size()));
    if (!got) return sink.OnError({std::string(in.path), got.error().message});
    std::string base(in.name);
    for (char& c : base) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::string format = Identify(std::string_view(buf, *got), LowerExt(in.name), base);
    if (format.empty()) return;  // a .bin or .pb that is not a model: nothing to say
    ModelReference ref;
    ref.kind = ReferenceKind::kModelWeights;
    ref.extractor = "model-weights";
    ref.evidence = Evidence::kDefinite;
    ref.text = format;
    ref.location.path = std::string(in.path);
    ModelWeightsFacts& f = ref.SetFacts<ModelWeightsFacts>();
    f.format = format;
    f.size = in.blob->size();
    sink.OnReference(std::move(ref));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeModelWeightsExtractor() { return std::make_unique<ModelWeightsExtractor>(); }

}  // namespace modelprov
