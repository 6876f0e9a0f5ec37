// A ScanResult built in code for the report writers' golden and unit tests:
// a fine-tune with its base, a local LoRA whose own license (Apache-2.0)
// differs from its base's, a permissive Hub model, a hosted API, an SDK
// package, a model with an unknown license, the catalog facts of every
// license, findings of every severity (one waived, two suppressed inline, one
// at line 0), a hostile excerpt and a scan error. Volatile fields
// are fixed: version "0.0.0-test", timestamp kFixtureTimestamp.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "core/scan_result.h"
#include "report/writer.h"

namespace modelprov::testing {

inline constexpr const char* kFixtureTimestamp = "2026-01-02T03:04:05Z";

inline WriteOptions FixtureOptions() {
  WriteOptions o;
  o.timestamp = kFixtureTimestamp;
  return o;
}

// `scan` rendered by the registered writer for `format` with FixtureOptions().
inline std::string Render(const std::string& format, const ScanResult& scan) {
  WriterList writers = DefaultWriters();
  const ReportWriter* w = FindWriter(writers, format);
  REQUIRE(w != nullptr);
  std::ostringstream out;
  w->Write(scan, out, FixtureOptions());
  return out.str();
}

inline TermValue Number(int64_t n) { return PresentTerm(std::to_string(n), n); }
inline TermValue YesNo(bool yes) { return PresentTerm(yes ? "yes" : "no"); }

inline TermMap LlamaTerms() {
  return {{"attribution", PresentTerm("Built with Llama")},
          {"naming", PresentTerm("derivative model names must begin with 'Llama'")},
          {"mau_cap", Number(700000000)},
          {"aup_url", PresentTerm("https://llama.meta.com/llama3_1/use-policy")},
          {"commercial_use", YesNo(true)}};
}

inline ResolvedReference Ref(ReferenceKind kind, const std::string& text, const std::string& path, uint32_t line,
                             const std::string& model, const std::string& excerpt, const std::string& provider = "") {
  ResolvedReference rr;
  rr.ref.kind = kind;
  rr.ref.text = text;
  rr.ref.location = {path, line, line == 0 ? 0u : 5u};
  rr.ref.extractor = "fixture";
  rr.ref.excerpt = excerpt;
  Resolution res;
  res.model = model;
  res.provider = provider;
  res.match = "fixture";
  rr.resolution = res;
  return rr;
}

inline ScanResult FixtureScan() {
  ScanResult r;
  r.tool_version = "0.0.0-test";
  r.roots = {"."};
  r.stats = {42, 12345, 0.5};
  r.references = {
      Ref(ReferenceKind::kHfModelId, "BAAI/bge-large-en-v1.5", "app/embed.py", 4, "BAAI/bge-large-en-v1.5",
          "model = SentenceTransformer(\"BAAI/bge-large-en-v1.5\")"),
      Ref(ReferenceKind::kApiEndpoint, "https://api.deepseek.com", "app/llm.py", 13, "deepseek-chat",
          "base_url=\"https://api.deepseek.com\",", "deepseek"),
      Ref(ReferenceKind::kApiModel, "deepseek-chat", "app/llm.py", 19, "deepseek-chat",
          "model=\"deepseek-chat\",  # <script>alert('x')</script> & | `tick`", "deepseek"),
      Ref(ReferenceKind::kAdapterConfig, "meta-llama/Llama-3.1-8B-Instruct", "models/bot/adapter_config.json", 2,
          "acme/support-bot-8b", "\"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B-Instruct\","),
      Ref(ReferenceKind::kHfModelId, "mystery-lab/secret-model", "notebooks/explore.py", 7, "mystery-lab/secret-model",
          "AutoModel.from_pretrained(\"mystery-lab/secret-model\")  # größer"),
      Ref(ReferenceKind::kSdkPackage, "openai", "requirements.txt", 2, "pypi:openai", "openai==1.55.0", "openai"),
  };

  ModelSummary bge;
  bge.id = "BAAI/bge-large-en-v1.5";
  bge.family = "bge";
  bge.family_name = "BGE embeddings";
  bge.publisher = "baai";
  bge.publisher_name = "Beijing Academy of Artificial Intelligence (BAAI)";
  bge.country = "CN";
  bge.license = "MIT";
  bge.license_name = "MIT License";
  bge.license_category = "permissive";
  bge.license_url = "https://opensource.org/license/mit";
  bge.kinds = {"hf-model-id"};
  bge.terms = {{"attribution", PresentTerm("keep the copyright and permission notice")}, {"commercial_use", YesNo(true)},
               {"naming", AbsentTerm()}};
  bge.sources = {"https://huggingface.co/BAAI/bge-large-en-v1.5"};
  bge.occurrences = {{"app/embed.py", 4, 5}};

  ModelSummary bot;
  bot.id = "acme/support-bot-8b";
  bot.family = "llama";
  bot.family_name = "Llama (Meta)";
  bot.publisher = "acme";
  bot.publisher_name = "Acme & Sons <AI>";
  bot.country = "DE";
  bot.license = "LicenseRef-llama-3.1";
  bot.license_name = "Llama 3.1 Community License Agreement";
  bot.license_category = "restricted-commercial";
  bot.license_url = "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE";
  bot.kinds = {"adapter-config"};
  bot.lineage = {{"meta-llama/Llama-3.1-8B-Instruct", "adapter", "llama", "LicenseRef-llama-3.1", "adapter_config.json"}};
  bot.terms = LlamaTerms();
  bot.occurrences = {{"models/bot/adapter_config.json", 2, 5}};

  // The team's own LoRA: its card says apache-2.0, its base is Llama 3.1.
  ModelSummary lora;
  lora.id = "local:models/lora";
  lora.family = "llama";
  lora.family_name = "Llama (Meta)";
  lora.publisher = "meta";
  lora.publisher_name = "Meta";
  lora.country = "US";
  lora.license = "Apache-2.0";
  lora.license_name = "Apache License 2.0";
  lora.license_category = "permissive";
  lora.license_url = "https://www.apache.org/licenses/LICENSE-2.0";
  lora.kinds = {"model-card"};
  lora.lineage = {{"meta-llama/Llama-3.1-70B", "adapter", "llama", "LicenseRef-llama-3.1", "model card"}};
  lora.terms = LlamaTerms();
  lora.terms["attribution"] = PresentTerm("keep the LICENSE and any NOTICE file; Built with Llama");
  lora.occurrences = {{"models/lora/README.md", 3, 1}};

  ModelSummary deepseek;
  deepseek.id = "deepseek-chat";
  deepseek.family = "deepseek";
  deepseek.family_name = "DeepSeek";
  deepseek.publisher = "deepseek";
  deepseek.publisher_name = "DeepSeek";
  deepseek.country = "CN";
  deepseek.license = "LicenseRef-deepseek-api-terms";
  deepseek.license_name = "DeepSeek API terms of service";
  deepseek.license_category = "proprietary-api-terms";
  deepseek.provider = "deepseek";
  deepseek.provider_name = "DeepSeek API";
  deepseek.data_country = "CN";
  deepseek.kinds = {"api-endpoint", "api-model"};
  deepseek.terms = {{"output_use", PresentTerm("outputs may not be used to train competing models")}};
  deepseek.occurrences = {{"app/llm.py", 13, 5}, {"app/llm.py", 19, 5}};

  ModelSummary mystery;
  mystery.id = "mystery-lab/secret-model";
  mystery.kinds = {"hf-model-id"};
  mystery.occurrences = {{"notebooks/explore.py", 7, 5}};

  ModelSummary openai;
  openai.id = "pypi:openai";
  openai.publisher = "openai";
  openai.publisher_name = "OpenAI";
  openai.country = "US";
  openai.license = "LicenseRef-openai-api-terms";
  openai.license_name = "OpenAI Services Agreement";
  openai.license_category = "proprietary-api-terms";
  openai.license_url = "https://openai.com/policies/services-agreement/";
  openai.provider = "openai";
  openai.provider_name = "OpenAI API";
  openai.kinds = {"sdk-package"};
  openai.occurrences = {{"requirements.txt", 2, 5}};

  r.models = {bge, bot, deepseek, lora, mystery, openai};
  r.references.push_back(Ref(ReferenceKind::kModelCard, "models/lora/README.md", "models/lora/README.md", 3,
                             "local:models/lora", "license: apache-2.0"));

  auto license = [](const std::string& id, const std::string& name, const std::string& url, const std::string& category,
                    bool spdx, TermMap terms) {
    LicenseFacts l;
    l.id = id;
    l.name = name;
    l.url = url;
    l.category = category;
    l.spdx = spdx;
    l.terms = std::move(terms);
    return l;
  };
  TermMap llama = LlamaTerms();
  r.licenses = {
      {"Apache-2.0", license("Apache-2.0", "Apache License 2.0", "https://www.apache.org/licenses/LICENSE-2.0", "permissive",
                             true, {{"attribution", PresentTerm("keep the LICENSE and any NOTICE file")}, {"naming", AbsentTerm()}})},
      {"LicenseRef-deepseek-api-terms",
       license("LicenseRef-deepseek-api-terms", "DeepSeek API terms of service", "", "proprietary-api-terms", false,
               {{"output_use", PresentTerm("outputs may not be used to train competing models")}})},
      {"LicenseRef-llama-3.1",
       license("LicenseRef-llama-3.1", "Llama 3.1 Community License Agreement",
               "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE", "restricted-commercial",
               false, llama)},
      {"LicenseRef-openai-api-terms",
       license("LicenseRef-openai-api-terms", "OpenAI Services Agreement", "https://openai.com/policies/services-agreement/",
               "proprietary-api-terms", false, {})},
      {"MIT", license("MIT", "MIT License", "https://opensource.org/license/mit", "permissive", true,
                      {{"attribution", PresentTerm("keep the copyright and permission notice")}})},
  };

  Finding cn;
  cn.rule = "no-cn-origin";
  cn.severity = Severity::kError;
  cn.message = "deepseek-chat is published by DeepSeek (CN); policy forbids models from CN";
  cn.model = "deepseek-chat";
  cn.trigger = "country=CN";
  cn.how_to_fix = "Replace **deepseek-chat** with an approved model, or add a waiver.";
  cn.location = {"app/llm.py", 19, 5};
  Finding attribution;
  attribution.rule = "llama-attribution";
  attribution.severity = Severity::kWarning;
  attribution.message = "acme/support-bot-8b must display \"Built with Llama\"";
  attribution.model = "acme/support-bot-8b";
  attribution.trigger = "attribution";
  attribution.location = {"models/bot/adapter_config.json", 2, 5};
  Finding waived = cn;
  waived.severity = Severity::kNote;
  waived.rule = "review-cn-model";
  waived.message = "BAAI/bge-large-en-v1.5 is published in CN";
  waived.model = "BAAI/bge-large-en-v1.5";
  waived.location = {"app/embed.py", 4, 5};
  waived.suppressed_by = "waiver";
  waived.suppressed_reason = "approved by legal, ticket LEGAL-42";
  waived.waiver_expires = "2099-01-01";
  // The same rule and model twice in one file, once silenced inline.
  Finding endpoint = cn;
  endpoint.message = "api.deepseek.com is published by DeepSeek (CN); policy forbids models from CN";
  endpoint.location = {"app/llm.py", 13, 5};
  endpoint.suppressed_by = "inline";
  endpoint.suppressed_reason = "evaluated in LEGAL-7";
  Finding inherited;
  inherited.rule = "llama-derived";
  inherited.severity = Severity::kWarning;
  inherited.message = "local:models/lora derives from Llama";
  inherited.model = "local:models/lora";
  inherited.trigger = "lineage.family=llama (meta-llama/Llama-3.1-70B)";
  inherited.location = {"models/lora/README.md", 3, 1};
  inherited.suppressed_by = "inline";
  Finding unknown;
  unknown.rule = "unknown-license";
  unknown.severity = Severity::kWarning;
  unknown.message = "mystery-lab/secret-model has no known license";
  unknown.model = "mystery-lab/secret-model";
  unknown.trigger = "license=unknown";
  unknown.location = {"notebooks/explore.py", 0, 0};
  r.findings = {cn, attribution, waived, unknown, endpoint, inherited};
  r.errors = {{"data/broken.json", "malformed JSON at line 3; skipped"}};
  return r;
}

}  // namespace modelprov::testing
