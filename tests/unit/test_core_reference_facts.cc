// Typed facts (core/reference_facts.h): each extractor kind fills its own
// struct, the serialised view keeps the JSON contract's keys and order, and
// reading that view back gives the same struct.
#include <catch2/catch.hpp>

#include "extract/code_references.h"
#include "extract/command_lines.h"
#include "extract/extractors.h"
#include "support/extract_harness.h"
#include "support/weights_builder.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {

// The facts survive a trip through their serialised form unchanged.
void CheckRoundTrip(const ModelReference& ref) {
  ModelReference copy = ref;
  SetFactsFromPairs(copy, ref.FactPairs());
  CHECK(copy.FactPairs() == ref.FactPairs());
  CHECK(copy.facts.get()->index() == ref.facts.get()->index());
}

ModelReference Only(const CollectingSink& sink) {
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.refs.size() == 1);
  return sink.refs[0];
}

}  // namespace

TEST_CASE("a ModelReference stays small: the facts live behind one pointer", "[core][facts]") {
  CHECK(sizeof(FactsBox) == sizeof(void*));
  CHECK(sizeof(ModelReference) <= 256);
  ModelReference a;
  CHECK(a.facts.empty());
  CHECK(a.FactPairs().empty());
  a.kind = ReferenceKind::kGguf;
  a.SetFacts<GgufFacts>().name = "x";
  ModelReference b = a;  // a deep copy
  b.SetFacts<GgufFacts>().name = "y";
  CHECK(a.FactsAs<GgufFacts>()->name == "x");
  CHECK(b.FactsAs<GgufFacts>()->name == "y");
  CHECK(a.FactsAs<HfConfigFacts>() == nullptr);
}

TEST_CASE("config.json facts are typed", "[core][facts]") {
  auto ex = MakeHfConfigExtractor();
  const ModelReference& r = Only(RunExtractor(*ex, "m/config.json",
                                              R"({"model_type": "qwen2", "architectures": ["Qwen2ForCausalLM", "X"],
                                                  "vocab_size": 152064, "num_hidden_layers": 28})"));
  const HfConfigFacts* f = r.FactsAs<HfConfigFacts>();
  REQUIRE(f != nullptr);
  CHECK(f->model_type == "qwen2");
  CHECK(f->architectures == std::vector<std::string>{"Qwen2ForCausalLM", "X"});
  CHECK(f->vocab_size == 152064);
  CHECK(f->num_hidden_layers == 28);
  CHECK_FALSE(f->hidden_size);
  CHECK(r.FactPairs() == Facts{{"model_type", "qwen2"},
                               {"architectures", "Qwen2ForCausalLM,X"},
                               {"vocab_size", "152064"},
                               {"num_hidden_layers", "28"}});
  CheckRoundTrip(r);
}

TEST_CASE("adapter and tokenizer facts are typed", "[core][facts]") {
  auto adapter = MakeAdapterConfigExtractor();
  const ModelReference& a = Only(RunExtractor(*adapter, "a/adapter_config.json",
                                              R"({"base_model_name_or_path": "Qwen/Qwen2.5-7B", "peft_type": "LORA"})"));
  REQUIRE(a.FactsAs<AdapterConfigFacts>() != nullptr);
  CHECK(a.FactsAs<AdapterConfigFacts>()->peft_type == "LORA");
  CheckRoundTrip(a);

  auto tok = MakeTokenizerFilesExtractor();
  const ModelReference& t = Only(RunExtractor(*tok, "m/tokenizer_config.json",
                                              R"({"tokenizer_class": "Qwen2Tokenizer",
                                                  "additional_special_tokens": ["<|im_start|>", "<|im_end|>"]})"));
  CHECK(t.kind == ReferenceKind::kModelConfig);
  const TokenizerFacts* f = t.FactsAs<TokenizerFacts>();
  REQUIRE(f != nullptr);
  CHECK(t.FactsAs<HfConfigFacts>() == nullptr);
  CHECK(f->tokenizer == "tokenizer_config.json");
  CHECK(f->tokenizer_class == "Qwen2Tokenizer");
  CHECK(f->special_tokens == std::vector<std::string>{"<|im_end|>", "<|im_start|>"});
  CheckRoundTrip(t);
}

TEST_CASE("model card facts are typed", "[core][facts]") {
  auto ex = MakeModelCardExtractor();
  const ModelReference& r = Only(RunExtractor(*ex, "m/README.md",
                                              "---\nlicense: other\nlicense_name: deepseek\nbase_model: "
                                              "deepseek-ai/DeepSeek-V3\nbase_model_relation: quantized\n---\n# x\n"));
  const ModelCardFacts* f = r.FactsAs<ModelCardFacts>();
  REQUIRE(f != nullptr);
  CHECK(f->license == "other");
  CHECK(f->license_name == "deepseek");
  CHECK(f->base_model == "deepseek-ai/DeepSeek-V3");
  CHECK(f->base_model_relation == "quantized");
  CheckRoundTrip(r);
}

TEST_CASE("gguf facts are typed, base models as a list", "[core][facts]") {
  auto ex = MakeGgufExtractor();
  std::string file = GgufBuilder(3, 7)
                         .Str("general.architecture", "llama")
                         .Str("general.name", "Tiny")
                         .U32("general.base_model.count", 2)
                         .Str("general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B")
                         .Str("general.base_model.1.name", "Other")
                         .Str("general.quantized_by", "someone")
                         .StrArray("tokenizer.ggml.tokens", 100)
                         .Build();
  const ModelReference& r = Only(RunExtractor(*ex, "m/tiny.gguf", file));
  const GgufFacts* f = r.FactsAs<GgufFacts>();
  REQUIRE(f != nullptr);
  CHECK(f->name == "Tiny");
  CHECK(f->architecture == "llama");
  CHECK(f->quantized_by == "someone");
  REQUIRE(f->base_models.size() == 2);
  CHECK(f->base_models[0].repo_url == "https://huggingface.co/meta-llama/Llama-3.1-8B");
  CHECK(f->base_models[1].name == "Other");
  CHECK(f->vocab_size == 100u);
  CHECK(f->gguf_version == 3u);
  CHECK(f->tensor_count == 7u);
  CHECK(FactValue(r.FactPairs(), "base_model.count") == "2");
  CHECK(FactValue(r.FactPairs(), "base_model.1.name") == "Other");
  CheckRoundTrip(r);
}

TEST_CASE("safetensors index facts are typed", "[core][facts]") {
  auto ex = MakeSafetensorsIndexExtractor();
  const ModelReference& r = Only(RunExtractor(*ex, "m/model.safetensors.index.json",
                                              R"({"metadata": {"total_size": 1000},
                                                  "weight_map": {"model.layers.0.self_attn.q_proj.weight": "a.safetensors",
                                                                 "model.layers.1.mlp.gate_proj.weight": "b.safetensors"}})"));
  const SafetensorsFacts* f = r.FactsAs<SafetensorsFacts>();
  REQUIRE(f != nullptr);
  CHECK(f->total_size == 1000u);
  CHECK(f->tensor_count == 2u);
  CHECK(f->layers == 2);
  CHECK(f->shards == 2u);
  CHECK(f->metadata.empty());
  CheckRoundTrip(r);
}

TEST_CASE("safetensors __metadata__ stays an open map", "[core][facts]") {
  ModelReference r;
  r.kind = ReferenceKind::kSafetensors;
  SetFactsFromPairs(r, {{"base_model", "acme/x"}, {"license", "mit"}, {"tensor_count", "4"}, {"dtype", "BF16"}});
  const SafetensorsFacts* f = r.FactsAs<SafetensorsFacts>();
  REQUIRE(f != nullptr);
  CHECK(f->Metadata("base_model") == "acme/x");
  CHECK(f->Metadata("license") == "mit");
  CHECK(f->tensor_count == 4u);
  CHECK(f->dtype == "BF16");
}

TEST_CASE("code, command-line, setting and package facts are typed by kind", "[core][facts]") {
  StringLiteral lit;
  lit.value = "Qwen/Qwen2.5-7B";
  lit.callee = "AutoModel.from_pretrained";
  lit.arg_index = 0;
  lit.line = 1;
  lit.column = 1;
  std::optional<ModelReference> hub = ClassifyCodeLiteral(lit);
  REQUIRE(hub);
  REQUIRE(hub->FactsAs<HubIdFacts>() != nullptr);
  CHECK(hub->FactsAs<HubIdFacts>()->call == "AutoModel.from_pretrained");
  CheckRoundTrip(*hub);

  std::vector<ModelReference> cmd = CommandReferencesInText("ollama run qwen2.5:7b\n", 1, 1, "x.sh", "test");
  REQUIRE(cmd.size() == 1);
  const DeployFacts* d = cmd[0].FactsAs<DeployFacts>();
  REQUIRE(d != nullptr);
  CHECK(d->tool == "ollama");
  CHECK(d->arg == "run");
  CheckRoundTrip(cmd[0]);

  auto env = MakeDotenvExtractor();
  CollectingSink s = RunExtractor(*env, ".env", "export MOONSHOT_API_KEY=\nLLM_PROVIDER=zhipuai\n");
  REQUIRE(s.refs.size() == 2);
  REQUIRE(s.refs[0].FactsAs<DeployFacts>() != nullptr);
  CHECK(s.refs[0].FactsAs<DeployFacts>()->env_var == "MOONSHOT_API_KEY");
  CHECK_FALSE(s.refs[0].FactsAs<DeployFacts>()->arg);  // only command lines write arg
  REQUIRE(s.refs[1].FactsAs<DeployFacts>() != nullptr);
  CHECK(s.refs[1].FactsAs<DeployFacts>()->provider == "zhipuai");
  CHECK(s.refs[1].FactsAs<DeployFacts>()->key == "LLM_PROVIDER");

  auto modelfile = MakeModelfileExtractor();
  const ModelReference& m = Only(RunExtractor(*modelfile, "Modelfile", "FROM qwen2.5:7b\n"));
  REQUIRE(m.FactsAs<ModelfileFacts>() != nullptr);
  CHECK(m.FactsAs<ModelfileFacts>()->directive == "FROM");
  CHECK(m.FactsAs<ModelfileFacts>()->tool == "ollama");
  CheckRoundTrip(m);

  auto classes = MakeProviderClassExtractor();
  CollectingSink pc = RunExtractor(*classes, "app.py", "llm = ChatDeepSeek(temperature=0)\n");
  REQUIRE(pc.refs.size() == 1);
  const SdkPackageFacts* p = pc.refs[0].FactsAs<SdkPackageFacts>();
  REQUIRE(p != nullptr);
  CHECK(p->class_name == "ChatDeepSeek");
  CHECK_FALSE(p->package.empty());
  CHECK(FactValue(pc.refs[0].FactPairs(), "class") == "ChatDeepSeek");
  CheckRoundTrip(pc.refs[0]);
}

TEST_CASE("serialised facts read back into the kind's struct", "[core][facts]") {
  ModelReference r;
  r.kind = ReferenceKind::kLicenseFile;
  SetFactsFromPairs(r, {{"name", "MIT License"}, {"score", "0.97"}, {"modified", "true"}, {"closest", "MIT"},
                        {"source", "https://example.invalid/mit"}});
  const LicenseFileFacts* l = r.FactsAs<LicenseFileFacts>();
  REQUIRE(l != nullptr);
  CHECK(l->modified);
  CHECK(l->closest == "MIT");
  CHECK(l->license_id.empty());
  CHECK(FactValue(r.FactPairs(), "score") == "0.97");

  r.kind = ReferenceKind::kModelWeights;
  SetFactsFromPairs(r, {{"format", "pytorch-pickle"}, {"size", "1048576"}});
  REQUIRE(r.FactsAs<ModelWeightsFacts>() != nullptr);
  CHECK(r.FactsAs<ModelWeightsFacts>()->size == 1048576u);

  // An hf-model-id the resolver re-read as an api-model keeps its Hub facts.
  r.kind = ReferenceKind::kApiModel;
  SetFactsFromPairs(r, {{"hub", "huggingface.co"}});
  CHECK(r.FactsAs<HubIdFacts>() != nullptr);
  SetFactsFromPairs(r, {{"call", "client.chat"}, {"key", "model"}});
  REQUIRE(r.FactsAs<ApiCallFacts>() != nullptr);
  CHECK(r.FactsAs<ApiCallFacts>()->key == "model");

  SetFactsFromPairs(r, {});
  CHECK(r.facts.empty());
}
