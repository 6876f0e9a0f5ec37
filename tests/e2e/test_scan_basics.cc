// `modelprov scan` end to end: git-aware walking, precision, errors, exit codes.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/e2e.h"

using namespace modelprov::testing;

TEST_CASE("git repository: ignored files are not scanned", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write(".gitignore", "venv/\n");
  d.Write("app.py", "from transformers import AutoModel\nm = AutoModel.from_pretrained(\"google/gemma-2-9b-it\")\n");
  d.Write("venv/lib/site.py", "AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B\")\n");
  d.Write("untracked.py", "client.create(model=\"deepseek-reasoner\")\n");
  Git({"add", "app.py", ".gitignore"}, d.path());
  Git({"commit", "-qm", "init"}, d.path());
  RunResult r = Modelprov({"scan", "--format", "json", "."}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app.py:2 hf-model-id google/gemma-2-9b-it -> google/gemma-2-9b-it",
                                    "untracked.py:1 api-model deepseek-reasoner -> deepseek-reasoner",
                                });
  CHECK(scan["references"][0]["family"] == "gemma");
  CHECK(scan["references"][0]["publisher"] == "google");
  CHECK(scan["references"][0]["country"] == "US");
  CHECK(scan["references"][0]["column"] == 32);  // first byte inside the quotes
  CHECK(scan["references"][1]["family"] == "deepseek");
  CHECK(scan["references"][1]["country"] == "CN");
  CHECK(scan["stats"]["files"] == 3);
  CHECK(scan["errors"].empty());
}

TEST_CASE("a directory the enclosing repository ignores is scanned whole when named, and says so", "[e2e][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write(".gitignore", "venv/\n");
  d.Write("venv/lib/site.py", "AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B\")\n");
  d.Write("venv/lib/.gitignore", "*\n");  // the repository's rules, not the named directory's, are set aside
  RunResult r = Modelprov({"scan", "--format", "json", "venv"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"lib/site.py:1 hf-model-id Qwen/Qwen2.5-7B -> Qwen/Qwen2.5-7B"});
  REQUIRE(scan["errors"].size() == 1);
  std::string message = scan["errors"][0]["message"];
  CHECK(message.find(" ignores ") != std::string::npos);
  CHECK(message.find("; scanned as a plain directory (every file, no ignore rules)") != std::string::npos);
  // The repository scanned from its root still leaves venv/ out.
  r = Modelprov({"scan", "--format", "json", "."}, d.path());
  CHECK(ReferenceLines(ParseJson(r)).empty());
}

TEST_CASE("precision: words, variables, comments and prose are not references", "[e2e][precision]") {
  TempDir d;
  d.Write("a.py",
          "# we tried llama and qwen, see from_pretrained(\"meta-llama/Llama-2-7b\")\n"
          "qwen_cfg = {\"timeout\": 30}\n"
          "llama = \"llama\"\n"
          "print(\"Use deepseek for chat\")\n"
          "mime = \"application/json\"\n"
          "path = \"models/checkpoint-100\"\n"
          "model = MyModel.objects.get(name=\"command\")\n");
  d.Write("b.ts", "// model: \"gpt-4o\"\nconst label = \"Claude is nice\";\nconst kind = 'text/plain';\n");
  d.Write("docs/notes.md", "We evaluated Qwen/Qwen2.5-7B and gpt-4o.\n");
  d.Write("config.json", "{\"model_type\": \"user\", \"port\": 80}\n");
  RunResult r = Modelprov({"scan", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  // Words ("llama", "deepseek", "Claude"), variables (qwen_cfg), MIME types,
  // local paths and a non-model "command" are nothing. What a careful
  // reviewer does count is kept: commented-out code and config (a model is
  // often switched by uncommenting a line) and a Hub id, even in prose.
  std::vector<std::string> got;
  for (const auto& ref : scan["references"]) {
    got.push_back(ref["path"].get<std::string>() + ":" + std::to_string(ref["line"].get<int>()) + " " +
                  ref["text"].get<std::string>());
  }
  CHECK(got == std::vector<std::string>{"a.py:1 meta-llama/Llama-2-7b", "b.ts:1 gpt-4o", "docs/notes.md:1 Qwen/Qwen2.5-7B"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("recall across Python and JavaScript call shapes", "[e2e][recall]") {
  TempDir d;
  d.Write("hf.py",
          "from huggingface_hub import hf_hub_download, snapshot_download\n"
          "from vllm import LLM\n"
          "p = pipeline(\"text-generation\", model=\"mistralai/Mistral-7B-Instruct-v0.3\")\n"
          "hf_hub_download(repo_id=\"openai/whisper-large-v3\", filename=\"config.json\")\n"
          "snapshot_download(\"moonshotai/Kimi-K2-Instruct\")\n"
          "llm = LLM(model=\"deepseek-ai/DeepSeek-R1-Distill-Llama-70B\")\n"
          "emb = SentenceTransformer(\"BAAI/bge-m3\")\n");
  d.Write("api.js",
          "const client = new OpenAI({ baseURL: 'https://api.moonshot.cn/v1' });\n"
          "await client.chat.completions.create({ model: 'moonshot-v1-8k', messages });\n"
          "const r = await generateText({ model: openai('gpt-4o') });\n");
  RunResult r = Modelprov({"scan", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{
            "api.js:1 api-endpoint https://api.moonshot.cn/v1 -> api.moonshot.cn",
            "api.js:2 api-model moonshot-v1-8k -> moonshot-v1-8k",
            "api.js:3 api-model gpt-4o -> gpt-4o",
            "hf.py:3 hf-model-id mistralai/Mistral-7B-Instruct-v0.3 -> mistralai/Mistral-7B-Instruct-v0.3",
            "hf.py:4 hf-model-id openai/whisper-large-v3 -> openai/whisper-large-v3",
            "hf.py:5 hf-model-id moonshotai/Kimi-K2-Instruct -> moonshotai/Kimi-K2-Instruct",
            "hf.py:6 hf-model-id deepseek-ai/DeepSeek-R1-Distill-Llama-70B -> deepseek-ai/DeepSeek-R1-Distill-Llama-70B",
            "hf.py:7 hf-model-id BAAI/bge-m3 -> BAAI/bge-m3",
        });
  std::vector<std::string> families;
  for (const auto& ref : scan["references"]) families.push_back(ref["family"].is_null() ? "null" : ref["family"].get<std::string>());
  CHECK(families == std::vector<std::string>{"kimi", "kimi", "gpt", "mistral", "whisper", "kimi", "deepseek", "bge"});
}

TEST_CASE("a broken file is an error entry and the scan goes on", "[e2e][errors]") {
  TempDir d;
  d.Write("m/config.json", "{\"architectures\": [\"LlamaForCausalLM\"],,}");
  d.Write("ok.py", "AutoModel.from_pretrained(\"google/gemma-2b\")\n");
  d.Write("bin.py", std::string("x = 1\0\0\0", 8));
  d.Write("big.py", std::string(2000, 'a'));
  RunResult r = Modelprov({"scan", "--format", "json", "--max-file-size", "1000"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{"ok.py:1 hf-model-id google/gemma-2b -> google/gemma-2b"});
  REQUIRE(scan["errors"].size() == 3);
  CHECK(scan["errors"][0] == nlohmann::json{{"path", "big.py"},
                                            {"message", "file is 2000 bytes, over the 1000-byte limit (--max-file-size); not scanned"}});
  CHECK(scan["errors"][1] == nlohmann::json{{"path", "bin.py"}, {"message", "contains NUL bytes (binary or UTF-16); not scanned as text"}});
  CHECK(scan["errors"][2]["path"] == "m/config.json");
}

TEST_CASE("exit codes and usage errors", "[e2e][cli]") {
  TempDir d;
  d.Write("a.py", "x = 1\n");
  RunResult missing = Modelprov({"scan", "nope"}, d.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err == "modelprov: scan: path not found: nope (see modelprov scan --help)\n");
  RunResult bad_format = Modelprov({"scan", "--format", "xml"}, d.path());
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err == "modelprov: scan: unknown --format 'xml' (known: text, json, sarif, cyclonedx, spdx, markdown, markdown-summary, html, notice) (see modelprov scan --help)\n");
  RunResult bad_flag = Modelprov({"scan", "--frobnicate"}, d.path());
  CHECK(bad_flag.exit_code == 2);
  CHECK(bad_flag.err.find("--frobnicate") != std::string::npos);
  CHECK(std::count(bad_flag.err.begin(), bad_flag.err.end(), '\n') == 1);
  RunResult bad_fail_on = Modelprov({"scan", "--fail-on", "sometimes"}, d.path());
  CHECK(bad_fail_on.exit_code == 2);
  RunResult version = Modelprov({"--version"}, d.path());
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("modelprov ", 0) == 0);
  CHECK(Modelprov({"scan", "-q"}, d.path()).exit_code == 0);
}

TEST_CASE("explicit files, several roots, --output and --jobs", "[e2e][cli]") {
  TempDir d;
  d.Write("svc/a.py", "client.create(model=\"glm-4\")\n");
  d.Write("web/b.ts", "createOpenAI({ baseURL: \"https://open.bigmodel.cn/api/paas/v4\" })\n");
  RunResult files = Modelprov({"scan", "--format", "json", "./svc/a.py", "web/b.ts"}, d.path());
  REQUIRE(files.exit_code == 0);
  CHECK(ReferenceLines(ParseJson(files)) ==
        std::vector<std::string>{"svc/a.py:1 api-model glm-4 -> glm-4",
                                 "web/b.ts:1 api-endpoint https://open.bigmodel.cn/api/paas/v4 -> open.bigmodel.cn"});
  RunResult dirs = Modelprov({"scan", "--format", "json", "svc", "web"}, d.path());
  CHECK(ReferenceLines(ParseJson(dirs)) == ReferenceLines(ParseJson(files)));
  RunResult one_dir = Modelprov({"scan", "--format", "json", "svc"}, d.path());
  CHECK(ReferenceLines(ParseJson(one_dir)) == std::vector<std::string>{"a.py:1 api-model glm-4 -> glm-4"});
  RunResult out = Modelprov({"scan", "--format", "json", "--jobs", "1", "--output", "report.json"}, d.path());
  REQUIRE(out.exit_code == 0);
  CHECK(out.out.empty());
  std::ifstream in(d.path() / "report.json");
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json saved = nlohmann::json::parse(buf.str());
  RunResult parallel = Modelprov({"scan", "--format", "json", "--jobs", "4"}, d.path());
  CHECK(ReferenceLines(saved) == ReferenceLines(ParseJson(parallel)));
}

TEST_CASE("text report on a pipe has no colour and a summary line", "[e2e][text]") {
  TempDir d;
  d.Write("a.py", "AutoTokenizer.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n");
  RunResult r = Modelprov({"scan"}, d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("Models (1)\n\nQwen/Qwen2.5-7B-Instruct\n    family     qwen", 0) == 0);
  CHECK(r.out.find("    used at    a.py:1\n") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);
  CHECK(r.out.find("1 model from 1 publisher (models by publisher country: CN 1), 1 reference in 1 file (") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("the text report puts findings before the inventory, which shows five places per model", "[e2e][text]") {
  TempDir d;
  for (int i = 1; i <= 7; ++i) d.Write("f" + std::to_string(i) + ".py", "m = AutoModel.from_pretrained(\"meta-llama/Llama-3.1-8B\")\n");
  RunResult r = Modelprov({"scan", "--fail-on", "none"}, d.path());
  REQUIRE(r.exit_code == 0);
  size_t findings = r.out.find("Findings (");
  size_t models = r.out.find("Models (1)\n");
  REQUIRE(findings != std::string::npos);
  REQUIRE(models != std::string::npos);
  CHECK(findings < models);
  CHECK(r.out.find("    used at    f1.py:1\n               f2.py:1\n               f3.py:1\n               f4.py:1\n"
                   "               f5.py:1\n               (+2 more; --format json lists all 7)\n") != std::string::npos);
}

TEST_CASE("renamed weight files are found by their magic bytes, whatever their name", "[e2e][magic]") {
  TempDir d;
  // A GGUF header: magic, version 3, no tensors, one key (general.name).
  std::string name = "general.name", value = "Qwen2.5 7B Instruct";
  auto u64 = [](uint64_t v) { return std::string(reinterpret_cast<const char*>(&v), 8); };
  auto u32 = [](uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); };
  std::string gguf = "GGUF" + u32(3) + u64(0) + u64(1) + u64(name.size()) + name + u32(8) + u64(value.size()) + value;
  d.Write("blobs/sha256-6a0746a1ec1aef3e", gguf);  // Ollama-style blob name: probed
  d.Write("cache/snapshot.bin", gguf);              // claimed by name (weights)
  d.Write("docs/notes.txt", gguf);                  // a text name: opened for the text sniff, binary, so probed
  RunResult r = Modelprov({"scan", "--format", "json", "--policy", "none"}, d.path());
  REQUIRE(r.exit_code == 0);
  nlohmann::json scan = ParseJson(r);
  std::vector<std::string> paths;
  for (const auto& ref : scan["references"]) paths.push_back(ref["path"].get<std::string>() + " " + ref["kind"].get<std::string>());
  // .bin is claimed by name by the weight-container extractor, which names the format.
  CHECK(paths == std::vector<std::string>{"blobs/sha256-6a0746a1ec1aef3e gguf", "cache/snapshot.bin model-weights",
                                          "docs/notes.txt gguf"});
}

TEST_CASE("an unknown command is named in the error", "[e2e][cli]") {
  TempDir d;
  RunResult r = Modelprov({"bogus"}, d.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "modelprov: unknown command 'bogus' (known: scan, report, notice, policy, baseline, explain; see "
                 "modelprov --help)\n");
  CHECK(r.out.empty());
  r = Modelprov({"scan", "--format", "json", "."}, d.path());
  CHECK(r.exit_code == 0);
}
