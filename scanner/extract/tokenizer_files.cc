// Tokenizer files of a model folder: tokenizer_config.json,
// special_tokens_map.json and tokenizer.json. Their special tokens, class,
// vocabulary size and a hash of the vocabulary identify the family a
// checkpoint descends from even when it has been renamed.
//
// tokenizer.json is often tens of megabytes; it is read with a SAX parser that
// keeps only counts and a running hash, never the document.
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "extract/extractors.h"
#include "extract/json_file.h"
#include "extract/vocabulary_hash.h"

namespace modelprov {
namespace {

using nlohmann::json;

void AddToken(std::set<std::string>& out, const json& v) {
  if (v.is_string()) {
    out.insert(v.get<std::string>());
  } else if (v.is_object()) {
    auto c = v.find("content");
    if (c != v.end() && c->is_string()) out.insert(c->get<std::string>());
  }
}

ModelReference TokenizerRef(const ExtractInput& in, std::string text) {
  ModelReference ref;
  ref.kind = ReferenceKind::kModelConfig;
  ref.extractor = "tokenizer-files";
  ref.evidence = Evidence::kDefinite;
  ref.text = std::move(text);
  ref.location = {std::string(in.path), 1, 1};
  ref.SetFacts<TokenizerFacts>().tokenizer = std::string(in.name);
  return ref;
}

// The turn markers a chat template writes ("<|im_start|>", "<|start_header_id|>",
// "<｜Assistant｜>", "[INST]", "<start_of_turn>") are special tokens of the
// family the template was written for; a folder whose tokenizer lists no
// added tokens still tells its family through them.
void ChatTemplateMarkers(std::string_view tpl, std::set<std::string>& out) {
  static constexpr std::pair<std::string_view, std::string_view> kDelimited[] = {
      {"<|", "|>"}, {"<\xef\xbd\x9c", "\xef\xbd\x9c>"}};  // ASCII bars, and DeepSeek's fullwidth bars
  for (auto [open, close] : kDelimited) {
    for (size_t at = tpl.find(open); at != std::string_view::npos && out.size() < 32; at = tpl.find(open, at + 1)) {
      size_t end = tpl.find(close, at + open.size());
      if (end == std::string_view::npos || end - at > 48) continue;
      std::string_view inner = tpl.substr(at + open.size(), end - at - open.size());
      bool token_like = !inner.empty() && inner.find_first_of(" '\"{}%\n") == std::string_view::npos;
      if (token_like) out.insert(std::string(tpl.substr(at, end + close.size() - at)));
    }
  }
  for (std::string_view literal : {"[INST]", "[/INST]", "<start_of_turn>", "<end_of_turn>"}) {
    if (tpl.find(literal) != std::string_view::npos) out.insert(std::string(literal));
  }
}

// tokenizer_config.json / special_tokens_map.json: small; DOM parsing is fine.
void ExtractConfig(const ExtractInput& in, ReferenceSink& sink) {
  std::optional<json> doc = ParseJsonFile(in, sink);
  if (!doc || !doc->is_object()) return;
  std::set<std::string> tokens;
  for (const char* key : {"bos_token", "eos_token", "unk_token", "pad_token", "cls_token", "sep_token"}) {
    if (auto it = doc->find(key); it != doc->end()) AddToken(tokens, *it);
  }
  if (auto it = doc->find("additional_special_tokens"); it != doc->end() && it->is_array()) {
    for (const json& t : *it) AddToken(tokens, t);
  }
  if (auto it = doc->find("added_tokens_decoder"); it != doc->end() && it->is_object()) {
    for (const auto& [id, t] : it->items()) AddToken(tokens, t);
  }
  std::set<std::string> markers;
  if (auto it = doc->find("chat_template"); it != doc->end()) {
    if (it->is_string()) ChatTemplateMarkers(it->get_ref<const std::string&>(), markers);
    if (it->is_array()) {  // named templates: [{"name": "default", "template": "..."}]
      for (const json& t : *it) {
        auto body = t.is_object() ? t.find("template") : t.end();
        if (t.is_object() && body != t.end() && body->is_string()) ChatTemplateMarkers(body->get_ref<const std::string&>(), markers);
      }
    }
  }
  tokens.insert(markers.begin(), markers.end());
  std::string cls;
  if (auto it = doc->find("tokenizer_class"); it != doc->end() && it->is_string()) cls = it->get<std::string>();
  if (tokens.empty() && cls.empty()) return;
  ModelReference ref = TokenizerRef(in, cls.empty() ? "tokenizer" : cls);
  TokenizerFacts& f = ref.SetFacts<TokenizerFacts>();
  f.tokenizer_class = cls;
  f.special_tokens.assign(tokens.begin(), tokens.end());
  f.chat_template_markers.assign(markers.begin(), markers.end());
  sink.OnReference(std::move(ref));
}

// SAX handler for tokenizer.json: counts model.vocab entries, hashes them, and
// collects added_tokens[].content.
class TokenizerJsonHandler : public json::json_sax_t {
 public:
  bool null() override { return Value(""); }
  bool boolean(bool) override { return Value(""); }
  bool number_integer(number_integer_t v) override { return Value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t&) override { return Value(""); }
  bool string(string_t& v) override { return Value(v); }
  bool binary(binary_t&) override { return Value(""); }
  bool start_object(std::size_t) override { return Push('{'); }
  bool end_object() override { return Pop(); }
  bool start_array(std::size_t) override { return Push('['); }
  bool end_array() override { return Pop(); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = "invalid JSON near byte " + std::to_string(pos) + ": " + Abbreviate(e.what(), 200);
    return false;
  }

  uint64_t vocab_size = 0;
  VocabularyHash hash;
  std::set<std::string> added;
  std::string model_type;
  const std::string& error() const { return error_; }

 private:
  struct Level {
    char type;
    std::string name;  // key under which this container sits
  };

  bool Push(char type) {
    if (levels_.size() >= 64) {
      error_ = "JSON nested deeper than 64 levels; not parsed";
      return false;
    }
    levels_.push_back({type, levels_.empty() || levels_.back().type == '[' ? std::string() : key_});
    return true;
  }
  bool Pop() {
    levels_.pop_back();
    return true;
  }

  bool InVocab() const {  // {"model": {"vocab": {token: id}}} or [[token, score], ...] for Unigram
    return levels_.size() >= 3 && levels_[1].name == "model" && levels_[2].name == "vocab";
  }

  bool Value(const std::string& v) {
    size_t depth = levels_.size();
    if (depth == 3 && InVocab() && levels_[2].type == '{') {  // BPE / WordPiece: token -> id
      ++vocab_size;
      hash.Add(key_, v);
    } else if (depth == 4 && InVocab() && levels_[2].type == '[' && levels_[3].type == '[' && !in_pair_) {
      ++vocab_size;  // Unigram: [token, score]; the first element is the token
      hash.Add(v, std::to_string(vocab_size - 1));
      in_pair_ = true;
      return true;
    } else if (depth == 3 && levels_[1].name == "added_tokens" && key_ == "content") {
      added.insert(v);
    } else if (depth == 2 && levels_[1].name == "model" && key_ == "type") {
      model_type = v;
    }
    if (depth == 4 && InVocab()) in_pair_ = false;
    return true;
  }

  std::vector<Level> levels_;
  std::string key_;
  std::string error_;
  bool in_pair_ = false;
};

void ExtractTokenizerJson(const ExtractInput& in, ReferenceSink& sink) {
  TokenizerJsonHandler h;
  bool ok = json::sax_parse(in.text, &h, json::input_format_t::json, /*strict=*/true);
  if (!ok) {
    sink.OnError({std::string(in.path), h.error().empty() ? "invalid JSON" : h.error()});
    return;
  }
  if (h.vocab_size == 0 && h.added.empty()) return;
  ModelReference ref = TokenizerRef(in, h.model_type.empty() ? "tokenizer" : h.model_type);
  TokenizerFacts& f = ref.SetFacts<TokenizerFacts>();
  if (h.vocab_size > 0) {
    f.vocab_size = h.vocab_size;
    f.vocab_hash = h.hash.Hex();
  }
  f.special_tokens.assign(h.added.begin(), h.added.end());
  sink.OnReference(std::move(ref));
}

class TokenizerFilesExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "tokenizer-files"; }
  std::vector<std::string> globs() const override {
    return {"**/tokenizer_config.json", "**/special_tokens_map.json", "**/tokenizer.json"};
  }
  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    if (IEquals(in.name, "tokenizer.json")) {
      ExtractTokenizerJson(in, sink);
    } else {
      ExtractConfig(in, sink);
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeTokenizerFilesExtractor() { return std::make_unique<TokenizerFilesExtractor>(); }

}  // namespace modelprov
