// Weight files (GGUF, safetensors, other containers), license texts and
// notebooks, scanned by the real binary on fixtures built byte by byte.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/e2e.h"
#include "support/weights_builder.h"

using namespace modelprov::testing;

namespace {

std::string Debian(const std::string& name) {
  std::ifstream in("/usr/share/common-licenses/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  REQUIRE(ss.str().size() > 1000);
  return ss.str();
}

std::string QuantizedLlama() {
  return GgufBuilder(3, 291)
      .Str("general.architecture", "llama")
      .Str("general.name", "Llama 3.1 8B Instruct")
      .Str("general.license", "llama3.1")
      .U32("general.base_model.count", 1)
      .Str("general.base_model.0.name", "Llama 3.1 8B Instruct")
      .Str("general.base_model.0.organization", "Meta Llama")
      .Str("general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")
      .Str("general.quantized_by", "bartowski")
      .Str("tokenizer.ggml.model", "gpt2")
      .StrArray("tokenizer.ggml.tokens", 2000)
      .F32Array("tokenizer.ggml.scores", 2000)
      .Build();
}

std::string ZipWithFirstMember(const std::string& name) {
  std::string z = "PK\x03\x04";
  z.append(22, '\0');
  GgufBuilder::Le(z, name.size(), 2);
  GgufBuilder::Le(z, 0, 2);
  return z + name + "\x80\x02}q\x00.";
}

const nlohmann::json* RefAt(const nlohmann::json& scan, const std::string& path) {
  for (const auto& r : scan.at("references")) {
    if (r.at("path") == path) return &r;
  }
  FAIL("no reference at " << path);
  return nullptr;
}

}  // namespace

TEST_CASE("weight files and license texts in a model folder", "[e2e][weights]") {
  TempDir dir;
  dir.Write("models/llama-3.1-8b-instruct-Q4_K_M.gguf", QuantizedLlama());
  dir.Write("models/qwen/qwen2.5-7b-instruct-q8_0.gguf",
            GgufBuilder(2).Str("general.architecture", "qwen2").Str("general.name", "Qwen2.5 7B Instruct").Build());
  dir.Write("models/qwen/model.safetensors",
            Safetensors(R"({"__metadata__":{"format":"pt"},)"
                        R"("model.embed_tokens.weight":{"dtype":"BF16","shape":[152064,3584],"data_offsets":[0,0]},)"
                        R"("model.layers.27.self_attn.q_proj.weight":{"dtype":"BF16","shape":[3584,3584],"data_offsets":[0,0]}})",
                        128));
  dir.Write("models/qwen/LICENSE", Debian("Apache-2.0"));
  dir.Write("legacy/pytorch_model.bin", ZipWithFirstMember("archive/data.pkl"));
  dir.Write("legacy/optimizer.pt", std::string("\x80\x04\x95\x10\0\0", 6));
  dir.Write("legacy/keras/model.h5", std::string("\x89HDF\r\n\x1a\n", 8) + std::string(64, '\0'));
  dir.Write("legacy/data.bin", "just some bytes, not a model");
  dir.Write("COPYING", Debian("GPL-3"));

  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(scan["errors"].empty());
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{
            // COPYING (GPL) outside any model folder is the code's licence: no model reference.
            "legacy/keras/model.h5:0 model-weights keras-hdf5 -> null",
            "legacy/optimizer.pt:0 model-weights pickle -> null",
            "legacy/pytorch_model.bin:0 model-weights pytorch-zip -> null",
            "models/llama-3.1-8b-instruct-Q4_K_M.gguf:0 gguf Llama 3.1 8B Instruct -> Llama 3.1 8B Instruct",
            // the safetensors' embedding rows (152064) are Qwen's: the folder is one model
            // a licence is quoted by its title line as written
            "models/qwen/LICENSE:2 license-file Apache License -> local:models/qwen",
            "models/qwen/model.safetensors:0 safetensors llama-style-decoder -> local:models/qwen",
            "models/qwen/qwen2.5-7b-instruct-q8_0.gguf:0 gguf Qwen2.5 7B Instruct -> Qwen2.5 7B Instruct",
        });

  const nlohmann::json& llama = *RefAt(scan, "models/llama-3.1-8b-instruct-Q4_K_M.gguf");
  CHECK(llama["family"] == "llama");
  CHECK(llama["publisher"] == "meta");
  CHECK(llama["license"] == "LicenseRef-llama-3.1");
  CHECK(llama["facts"]["vocab_size"] == "2000");
  CHECK(llama["facts"]["quantized_by"] == "bartowski");
  REQUIRE(llama["lineage"].size() == 1);
  CHECK(llama["lineage"][0]["model"] == "meta-llama/Llama-3.1-8B-Instruct");
  CHECK(llama["lineage"][0]["relation"] == "quantized");
  CHECK(llama["lineage"][0]["source"] == "gguf metadata");

  const nlohmann::json& qwen = *RefAt(scan, "models/qwen/qwen2.5-7b-instruct-q8_0.gguf");
  CHECK(qwen["family"] == "qwen");
  CHECK(qwen["license"] == "Apache-2.0");
  CHECK(qwen["lineage"].empty());

  const nlohmann::json& lic = *RefAt(scan, "models/qwen/LICENSE");
  CHECK(lic["license"] == "Apache-2.0");
  CHECK(lic["match"] == "license-text; model folder");
  CHECK(lic["facts"]["score"] == "1.00");
  for (const auto& ref : scan["references"]) CHECK(ref["path"] != "COPYING");

  const nlohmann::json& st = *RefAt(scan, "models/qwen/model.safetensors");
  CHECK(st["family"] == "qwen");
  bool one_model = false;
  for (const auto& m : scan["models"]) {
    if (m["id"] != "local:models/qwen") continue;
    one_model = true;
    CHECK(m["license"] == "Apache-2.0");  // from the LICENSE text beside the weights
    CHECK(m["kinds"] == nlohmann::json::array({"license-file", "safetensors"}));
  }
  CHECK(one_model);
  CHECK(st["facts"]["vocab_size"] == "152064");
  CHECK(st["facts"]["layers"] == "28");
}

TEST_CASE("an edited license is reported as modified and gets no license", "[e2e][weights]") {
  TempDir dir;
  std::string text = Debian("Apache-2.0");
  text.insert(text.find("9. Accepting Warranty"),
              "8a. Use Restriction. You may not use the Work or any Derivative Works to train, improve or evaluate "
              "any other machine learning model, and any service built on the Work must not have more than one "
              "hundred million monthly active users without a separate written agreement with the Licensor.\n\n");
  dir.Write("LICENSE-MODEL", text);
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"LICENSE-MODEL:2 license-file Apache License -> null"});
  const nlohmann::json& ref = scan["references"][0];
  CHECK(ref["license"].is_null());
  CHECK(ref["facts"]["modified"] == "true");
  CHECK(ref["facts"]["closest"] == "Apache-2.0");
}

TEST_CASE("truncated and hostile weight headers are error entries and the scan goes on", "[e2e][weights]") {
  TempDir dir;
  std::string good = GgufBuilder(3).Str("general.name", "Qwen2.5 0.5B").Build();
  dir.Write("w/truncated.gguf", good.substr(0, good.size() - 3));
  dir.Write("w/huge-count.gguf", GgufBuilder(3).Str("general.name", "x").OverrideKvCount(1ull << 62).Build());
  dir.Write("w/huge-string.gguf", GgufBuilder(1).Str("general.name", std::string(70000, 'n')).Build());
  std::string huge_len;
  GgufBuilder::Le(huge_len, 1ull << 40, 8);
  dir.Write("w/huge.safetensors", huge_len + "{}");
  dir.Write("w/short.safetensors", "abc");
  dir.Write("w/ok.gguf", good);
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"w/ok.gguf:0 gguf Qwen2.5 0.5B -> Qwen2.5 0.5B"});
  std::vector<std::string> errors;
  for (const auto& e : scan["errors"]) errors.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  CHECK(errors == std::vector<std::string>{
                      "w/huge-count.gguf: GGUF header metadata count 4611686018427387904 cannot fit in a 57-byte file (at byte 24)",
                      "w/huge-string.gguf: GGUF header string of 70000 bytes is over the 65536-byte limit (at byte 40)",
                      "w/huge.safetensors: safetensors header length 1099511627776 is over the 100 MiB limit; not read",
                      "w/short.safetensors: safetensors header truncated: the file is shorter than 8 bytes",
                      "w/truncated.gguf: GGUF header string length 12 runs past the end of the file (at byte 56)",
                  });
}

TEST_CASE("a sparse 2 GB GGUF is reported from its header without reading the tensors", "[e2e][weights]") {
  TempDir dir;
  auto path = dir.Write("big/model.gguf", QuantizedLlama());
  std::filesystem::resize_file(path, 2ull << 30);  // sparse: the tensor area is a hole
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"big/model.gguf:0 gguf Llama 3.1 8B Instruct -> Llama 3.1 8B Instruct"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("weight files without their usual extension are found by magic", "[e2e][weights]") {
  TempDir dir;
  dir.Write("blobs/sha256-6a0746a1ec1a", GgufBuilder(3).Str("general.name", "Qwen2.5 7B Instruct").Build());
  dir.Write("blobs/snapshot", ZipWithFirstMember("archive/data.pkl"));
  dir.Write("blobs/notes", "GGU is not GGUF\n");
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(ReferenceLines(ParseJson(r)) ==
        std::vector<std::string>{"blobs/sha256-6a0746a1ec1a:0 gguf Qwen2.5 7B Instruct -> Qwen2.5 7B Instruct",
                                 "blobs/snapshot:0 model-weights pytorch-zip -> null"});
}

TEST_CASE("a GGUF with only an architecture resolves through the catalog's config model types", "[e2e][weights]") {
  TempDir dir;
  dir.Write("m/custom.gguf", GgufBuilder(3).Str("general.architecture", "testarch").Str("general.license", "mit").Build());
  dir.Write("overlay.json", R"({"id": "testarch", "name": "Test Arch", "publisher": "alibaba", "hf_orgs": [],
    "name_patterns": ["testarch-*"], "config": {"model_types": ["testarch"], "architectures": []}, "license": "Apache-2.0"})");
  RunResult r = Modelprov({"scan", "--format", "json", "--catalog", "overlay.json", "m"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"custom.gguf:0 gguf testarch -> testarch"});
  CHECK(scan["references"][0]["family"] == "testarch");
  CHECK(scan["references"][0]["match"] == "config model_type=testarch");
  CHECK(scan["references"][0]["license"] == "MIT");  // the file's own general.license wins
}

TEST_CASE("notebook code cells are reported at their line in the .ipynb", "[e2e][weights]") {
  TempDir dir;
  dir.Write("nb/train.ipynb", R"nb({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["We fine-tune `Qwen/Qwen2.5-7B` here."]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": [
    "!pip install transformers\n",
    "from transformers import AutoTokenizer\n",
    "tok = AutoTokenizer.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
})nb");
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(ReferenceLines(ParseJson(r)) ==
        std::vector<std::string>{
            // a Hub id in a Markdown cell counts too (it names a model to fetch)
            "nb/train.ipynb:6 hf-model-id Qwen/Qwen2.5-7B -> Qwen/Qwen2.5-7B",
            "nb/train.ipynb:16 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
}

TEST_CASE("a GGUF whose own name is unknown resolves through its base model", "[e2e][weights]") {
  TempDir dir;
  dir.Write("support-bot.gguf", GgufBuilder(3)
                                    .Str("general.name", "Support Bot v2")
                                    .Str("general.architecture", "qwen2")
                                    .U32("general.base_model.count", 1)
                                    .Str("general.base_model.0.name", "Qwen2.5 7B Instruct")
                                    .Str("general.base_model.0.organization", "Qwen")
                                    .Build());
  RunResult r = Modelprov({"scan", "--format", "json", "."}, dir.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"support-bot.gguf:0 gguf Support Bot v2 -> Support Bot v2"});
  const nlohmann::json& ref = scan["references"][0];
  CHECK(ref["family"] == "qwen");
  CHECK(ref["match"] == "gguf-base-model");
  CHECK(ref["license"] == "Apache-2.0");
  REQUIRE(ref["lineage"].size() == 1);
  CHECK(ref["lineage"][0]["model"] == "Qwen/Qwen2.5-7B-Instruct");
  CHECK(ref["lineage"][0]["relation"] == "base");
}

TEST_CASE("a model repository's MODEL_LICENSE file is identified like LICENSE", "[e2e][license]") {
  TempDir d;
  std::ifstream in("/usr/share/common-licenses/Apache-2.0", std::ios::binary);
  REQUIRE(in.good());
  std::string apache((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  d.Write("weights/MODEL_LICENSE", apache);
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  REQUIRE(scan["references"].size() == 1);
  CHECK(scan["references"][0]["kind"] == "license-file");
  CHECK(scan["references"][0]["text"] == "Apache License");  // the title line, as written
  CHECK(scan["references"][0]["facts"]["license_id"] == "Apache-2.0");
  CHECK(scan["references"][0]["license"] == "Apache-2.0");
}
