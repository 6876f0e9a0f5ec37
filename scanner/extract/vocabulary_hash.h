// VocabularyHash: a fingerprint of a tokenizer's vocabulary that does not
// depend on the order the entries are stored in (tokenizer.json, GGUF token
// arrays and SentencePiece models list them differently).
//
// Each (token, id) pair is hashed with 64-bit FNV-1a over "token\0id" and the
// pair hashes are summed modulo 2^64. The catalog's `vocab_hash` values must be
// computed the same way (docs/catalog.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace modelprov {

class VocabularyHash {
 public:
  void Add(std::string_view token, std::string_view id) {
    uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](std::string_view s) {
      for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
      }
    };
    mix(token);
    mix(std::string_view("\0", 1));
    mix(id);
    sum_ += h;
  }
  // 16 lowercase hex digits.
  std::string Hex() const {
    static const char* kDigits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[15 - i] = kDigits[(sum_ >> (4 * i)) & 0xF];
    return out;
  }

 private:
  uint64_t sum_ = 0;
};

}  // namespace modelprov
