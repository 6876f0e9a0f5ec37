// SentencePiece tokenizer models (tokenizer.model, as Llama 2, Gemma,
// Mistral and many others ship them): the vocabulary's size, an
// order-independent hash of it (vocabulary_hash.h, the same as for
// tokenizer.json and GGUF token arrays) and its control / user-defined
// pieces, so a renamed checkpoint resolves by the tokenizer it ships.
//
// The file is a protobuf ModelProto; only field 1 (repeated SentencePiece
// pieces: 1 = piece, 3 = type) is read, with a bounds-checked wire-format
// walk. Nothing in the file is executed, and the trainer/normalizer specs are
// skipped unread.
#include <set>
#include <string>

#include "extract/extractors.h"
#include "extract/vocabulary_hash.h"

namespace modelprov {
namespace {

// Real models are a few MB (Gemma's 256k-piece vocabulary is ~4 MB).
constexpr uint64_t kMaxModelBytes = 32ull << 20;
constexpr size_t kMaxSpecialTokens = 64;

// A protobuf wire-format reader over a byte range; every read is checked.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : d_(data) {}
  bool done() const { return pos_ >= d_.size(); }
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= d_.size()) return false;
      auto b = static_cast<unsigned char>(d_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  // Reads one field: its number and wire type, then a varint's value into
  // `*varint` or a length-delimited field's bytes into `*bytes`; fixed-size
  // fields are skipped. False on malformed input.
  bool Field(uint32_t* number, uint32_t* wire, std::string_view* bytes, uint64_t* varint) {
    uint64_t key = 0;
    if (!Varint(&key)) return false;
    *number = static_cast<uint32_t>(key >> 3);
    *wire = static_cast<uint32_t>(key & 7);
    uint64_t n = 0;
    switch (*wire) {
      case 0:
        return Varint(varint);
      case 1:
        return Skip(8);
      case 5:
        return Skip(4);
      case 2:
        if (!Varint(&n) || n > d_.size() - pos_) return false;
        *bytes = d_.substr(pos_, n);
        pos_ += n;
        return true;
      default:
        return false;
    }
  }
 private:
  bool Skip(size_t n) {
    if (n > d_.size() - pos_) return false;
    pos_ += n;
    return true;
  }
  std::string_view d_;
  size_t pos_ = 0;
};

struct Piece {
  std::string_view text;
  uint64_t type = 1;  // NORMAL
};

class SentencePieceExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "sentencepiece-model"; }
  std::vector<std::string> globs() const override { return {"**/tokenizer.model", "**/*.spm"}; }
  Input input() const override { return Input::kRandomAccess; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (in.blob == nullptr) return;
    uint64_t size = in.blob->size();
    if (size > kMaxModelBytes) {
      sink.OnError({std::string(in.path), "SentencePiece model is " + std::to_string(size) + " bytes, over the " +
                                              std::to_string(kMaxModelBytes >> 20) + " MiB limit; not read"});
      return;
    }
    std::string data(static_cast<size_t>(size), '\0');
    Result<size_t> got = in.blob->ReadAt(0, data.data(), data.size());
    if (!got) {
      sink.OnError({std::string(in.path), got.error().message});
      return;
    }
    data.resize(*got);
    VocabularyHash hash;
    std::set<std::string> special;
    uint64_t count = 0;
    WireReader top(data);
    while (!top.done()) {
      uint32_t number = 0, wire = 0;
      std::string_view bytes;
      uint64_t unused = 0;
      if (!top.Field(&number, &wire, &bytes, &unused)) {
        sink.OnError({std::string(in.path), "not a SentencePiece model (malformed protobuf after " +
                                                std::to_string(count) + " pieces); not read"});
        return;
      }
      if (number != 1 || wire != 2) continue;
      Piece piece;
      if (!ParsePiece(bytes, &piece)) {
        sink.OnError({std::string(in.path), "not a SentencePiece model (malformed piece " + std::to_string(count) +
                                                "); not read"});
        return;
      }
      hash.Add(piece.text, std::to_string(count));
      ++count;
      // CONTROL (3) and USER_DEFINED (4) pieces are the special tokens.
      if ((piece.type == 3 || piece.type == 4) && special.size() < kMaxSpecialTokens) special.insert(std::string(piece.text));
    }
    if (count == 0) return;  // some other protobuf, or an empty model: nothing to say
    ModelReference ref;
    ref.kind = ReferenceKind::kModelConfig;
    ref.extractor = std::string(name());
    ref.evidence = Evidence::kDefinite;
    ref.text = "sentencepiece";
    ref.location = {std::string(in.path), 0, 0};
    TokenizerFacts& f = ref.SetFacts<TokenizerFacts>();
    f.tokenizer = std::string(in.name);
    f.vocab_size = count;
    f.vocab_hash = hash.Hex();
    f.special_tokens.assign(special.begin(), special.end());
    sink.OnReference(std::move(ref));
  }

 private:
  static bool ParsePiece(std::string_view bytes, Piece* piece) {
    WireReader r(bytes);
    while (!r.done()) {
      uint32_t number = 0, wire = 0;
      std::string_view value;
      uint64_t varint = 0;
      if (!r.Field(&number, &wire, &value, &varint)) return false;
      if (number == 1 && wire == 2) piece->text = value;
      if (number == 3 && wire == 0) piece->type = varint;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeSentencePieceExtractor() { return std::make_unique<SentencePieceExtractor>(); }

}  // namespace modelprov
