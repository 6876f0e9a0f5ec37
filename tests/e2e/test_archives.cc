// Archives scanned in memory: nesting, zip-based formats, compressed tars,
// and every limit and unsafe member name.
#include <catch2/catch.hpp>

#include "support/e2e.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";
const std::string kBge = "e = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")\n";

void Tool(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  RunResult r = Run(argv, cwd);
  INFO(argv[0] << " stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

// Writes a zip with exactly these (name, content) members, duplicates and
// hostile names included, which the zip CLI refuses to create.
void PythonZip(const std::filesystem::path& dir, const std::string& zip,
               const std::vector<std::pair<std::string, std::string>>& members) {
  std::string script = "import sys, zipfile, warnings\nwarnings.simplefilter('ignore')\nz = zipfile.ZipFile(sys.argv[1], 'w')\n";
  std::vector<std::string> argv{"python3", "-c", "", zip};
  for (size_t i = 0; i < members.size(); ++i) {
    script += "z.writestr(sys.argv[" + std::to_string(2 + 2 * i) + "], sys.argv[" + std::to_string(3 + 2 * i) + "])\n";
    argv.push_back(members[i].first);
    argv.push_back(members[i].second);
  }
  script += "z.close()\n";
  argv[2] = script;
  Tool(argv, dir);
}

std::vector<std::string> Errors(const json& scan) {
  std::vector<std::string> out;
  for (const auto& e : scan["errors"]) out.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  return out;
}

json Scan(const TempDir& d, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("pkg");
  RunResult r = Modelprov(args, d.path());
  REQUIRE(r.exit_code == 0);
  return ParseJson(r);
}

}  // namespace

TEST_CASE("nested archives are scanned in memory with outer!/inner paths", "[e2e][archive]") {
  TempDir d;
  d.Write("stage/src/app.py", kQwen);
  d.Write("stage/config/config.json", "{\"_name_or_path\": \"BAAI/bge-large-en-v1.5\", \"architectures\": [\"BertModel\"]}\n");
  Tool({"zip", "-q", "-r", "../inner.zip", "src"}, d.path() / "stage");
  Tool({"tar", "-czf", "mid.tar.gz", "inner.zip", "stage/config"}, d.path());
  std::filesystem::create_directories(d.path() / "pkg");
  Tool({"zip", "-q", "pkg/outer.whl", "mid.tar.gz"}, d.path());

  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
      "outer.whl!/mid.tar.gz!/inner.zip!/src/app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
      "outer.whl!/mid.tar.gz!/stage/config/config.json:1 model-config BAAI/bge-large-en-v1.5 -> local:outer.whl!/mid.tar.gz!/stage/config",
  });
  CHECK(scan["errors"].empty());
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(d.path() / "pkg")) {
    files.push_back(entry.path().filename().string());
  }
  CHECK(files == std::vector<std::string>{"outer.whl"});  // nothing extracted to disk

  // --archive-depth 2 opens outer.whl and mid.tar.gz but not inner.zip.
  scan = Scan(d, {"--archive-depth", "2"});
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
      "outer.whl!/mid.tar.gz!/stage/config/config.json:1 model-config BAAI/bge-large-en-v1.5 -> local:outer.whl!/mid.tar.gz!/stage/config",
  });
  CHECK(Errors(scan) == std::vector<std::string>{
                            "outer.whl!/mid.tar.gz!/inner.zip: nested archive deeper than --archive-depth 2; not opened"});
}

TEST_CASE("compressed tar variants and zip-based formats are recognised", "[e2e][archive]") {
  TempDir d;
  d.Write("stage/app.py", kQwen);
  std::filesystem::create_directories(d.path() / "pkg");
  Tool({"tar", "-cf", "../pkg/a.tar", "app.py"}, d.path() / "stage");
  Tool({"tar", "-cjf", "../pkg/b.tar.bz2", "app.py"}, d.path() / "stage");
  Tool({"tar", "-cJf", "../pkg/c.tar.xz", "app.py"}, d.path() / "stage");
  Tool({"tar", "--zstd", "-cf", "../pkg/d.tar.zst", "app.py"}, d.path() / "stage");
  Tool({"zip", "-q", "../pkg/e.jar", "app.py"}, d.path() / "stage");
  Tool({"zip", "-q", "../pkg/f.nupkg", "app.py"}, d.path() / "stage");
  Tool({"zip", "-q", "../pkg/g.keras", "app.py"}, d.path() / "stage");
  Tool({"zip", "-q", "../pkg/h.nemo", "app.py"}, d.path() / "stage");
  Tool({"zip", "-q", "../pkg/i.mar", "app.py"}, d.path() / "stage");
  Tool({"bsdtar", "--format", "7zip", "-cf", "../pkg/j.7z", "app.py"}, d.path() / "stage");
  json scan = Scan(d);
  std::vector<std::string> paths;
  for (const auto& r : scan["references"]) paths.push_back(r["path"].get<std::string>() + " " + r["source"].get<std::string>());
  CHECK(paths == std::vector<std::string>{"a.tar!/app.py worktree", "b.tar.bz2!/app.py worktree", "c.tar.xz!/app.py worktree",
                                          "d.tar.zst!/app.py worktree", "e.jar!/app.py worktree", "f.nupkg!/app.py worktree",
                                          "g.keras!/app.py worktree", "h.nemo!/app.py worktree", "i.mar!/app.py worktree",
                                          "j.7z!/app.py worktree"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("traversal, absolute, duplicate and encrypted members are reported, never read", "[e2e][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  PythonZip(d.path() / "pkg", "evil.zip",
            {{"../../etc/passwd.py", kQwen}, {"/abs/app.py", kQwen}, {"ok/app.py", kBge}, {"ok/app.py", kQwen},
             {"C:/win/app.py", kQwen}});
  d.Write("stage/secret.py", kQwen);
  Tool({"zip", "-q", "-P", "hunter2", "../pkg/locked.zip", "secret.py"}, d.path() / "stage");

  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "evil.zip!/ok/app.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "evil.zip!/../../etc/passwd.py: member name climbs out of the archive (path traversal); not followed",
                            "evil.zip!//abs/app.py: absolute member name; not followed",
                            "evil.zip!/C:/win/app.py: absolute (drive-letter) member name; not followed",
                            "evil.zip!/ok/app.py: duplicate member name; only the first one was read",
                            "locked.zip!/secret.py: encrypted member; not read",
                        });
}

TEST_CASE("zip bombs stop at the ratio, byte and entry limits", "[e2e][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  // 8 MiB of spaces in a claimed file compresses about 1000:1.
  d.Write("stage/config.json", std::string(8 << 20, ' '));
  Tool({"zip", "-q", "../pkg/bomb.zip", "config.json"}, d.path() / "stage");
  json scan = Scan(d);
  CHECK(Errors(scan) == std::vector<std::string>{
                            "bomb.zip: archive expands more than 200:1 (--archive-max-ratio); possible zip bomb, the rest was "
                            "not read"});

  // A generous ratio lets the byte limit decide.
  scan = Scan(d, {"--archive-max-ratio", "100000", "--archive-max-bytes", "1000000"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "bomb.zip: archive expands past the --archive-max-bytes limit of 1000000 bytes; the rest was "
                            "not read"});

  std::filesystem::remove(d.path() / "pkg" / "bomb.zip");
  PythonZip(d.path() / "pkg", "many.zip", {{"a.py", kQwen}, {"b.py", kBge}, {"c.py", kQwen}});
  scan = Scan(d, {"--archive-max-entries", "2"});
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "many.zip!/a.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "many.zip!/b.py:1 hf-model-id BAAI/bge-large-en-v1.5 -> BAAI/bge-large-en-v1.5"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "many.zip: archive has more than 2 members (--archive-max-entries); the rest was not read"});
}

TEST_CASE("a damaged archive is an error entry and the scan goes on", "[e2e][archive]") {
  TempDir d;
  d.Write("pkg/broken.zip", "PK\x03\x04 this is not really a zip");
  d.Write("pkg/app.py", kQwen);
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  REQUIRE(scan["errors"].size() == 1);
  CHECK(scan["errors"][0]["path"] == "broken.zip");
  CHECK(scan["errors"][0]["message"].get<std::string>().rfind("cannot read", 0) == 0);
}

TEST_CASE("archive limit flags are validated", "[e2e][archive]") {
  TempDir d;
  for (const char* flag : {"--archive-depth", "--archive-max-bytes", "--archive-max-entries", "--archive-max-ratio"}) {
    RunResult r = Modelprov({"scan", flag, "0", "."}, d.path());
    CHECK(r.exit_code == 2);
    // The upper bound is the flag's type's; the message names the command, the flag, the range and its help.
    CHECK(r.err.rfind(std::string("modelprov: scan: ") + flag + ": must be a whole number from 1 to ", 0) == 0);
    CHECK(r.err.find(", not 0 (see modelprov scan --help)\n") != std::string::npos);
  }
}

TEST_CASE("archives inside a commit are expanded from the object database", "[e2e][archive][git]") {
  TempDir d;
  Git({"init", "-q"}, d.path());
  d.Write("stage/app.py", kQwen);
  Tool({"zip", "-q", "../bundle.zip", "app.py"}, d.path() / "stage");
  std::filesystem::remove_all(d.path() / "stage");
  Git({"add", "bundle.zip"}, d.path());
  RunResult r = Modelprov({"scan", "--staged", "--format", "json"}, d.path());
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  REQUIRE(scan["references"].size() == 1);
  CHECK(scan["references"][0]["path"] == "bundle.zip!/app.py");
  CHECK(scan["references"][0]["source"] == "index");
}

TEST_CASE("model folders at two archives' roots stay two models", "[e2e][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  PythonZip(d.path(), "pkg/llama.zip",
            {{"config.json", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 128256})"}});
  PythonZip(d.path(), "pkg/qwen.zip",
            {{"config.json", R"({"_name_or_path": "Qwen/Qwen2.5-7B-Instruct", "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2"})"}});
  json scan = Scan(d);
  std::vector<std::string> models;
  for (const auto& m : scan["models"]) models.push_back(m["id"].get<std::string>() + " " + m["family"].get<std::string>());
  CHECK(models == std::vector<std::string>{"local:llama.zip! llama", "local:qwen.zip! qwen"});
}

TEST_CASE("text-scan reads archive members as it reads files, quoting their lines", "[e2e][archive]") {
  TempDir d;
  // Terraform and Makefiles have no extractor of their own: only text-scan
  // reads them, on disk and inside an archive alike.
  const std::string tf = "resource \"x\" \"y\" {\n  model_id = \"anthropic.claude-3-5-sonnet-20240620-v1:0\"\n}\n";
  const std::string make = "serve:\n\tvllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 8000\n";
  d.Write("stage/infra/main.tf", tf);
  d.Write("stage/Makefile", make);
  d.Write("stage/app.py", kQwen);
  // Binary content and names that are never text are skipped unsaid, as on disk.
  d.Write("stage/blob.dat", std::string("x\0y ", 4) + "model_id = \"deepseek-chat\"\n");
  d.Write("stage/logo.png", "model_id = \"deepseek-chat\"\n");
  std::filesystem::create_directories(d.path() / "pkg");
  Tool({"zip", "-q", "-r", "../pkg/bundle.zip", "infra", "Makefile", "app.py", "blob.dat", "logo.png"}, d.path() / "stage");

  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
      "bundle.zip!/Makefile:2 hf-model-id deepseek-ai/DeepSeek-R1-Distill-Qwen-7B -> deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
      "bundle.zip!/app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
      "bundle.zip!/infra/main.tf:2 api-model anthropic.claude-3-5-sonnet-20240620-v1:0 -> anthropic.claude-3-5-sonnet-20240620-v1:0",
  });
  CHECK(scan["errors"].empty());
  std::vector<std::string> excerpts;
  for (const auto& r : scan["references"]) excerpts.push_back(r["excerpt"].get<std::string>());
  CHECK(excerpts == std::vector<std::string>{"vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 8000",
                                             "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")",
                                             "model_id = \"anthropic.claude-3-5-sonnet-20240620-v1:0\""});

  // The same files on disk give the same references.
  std::filesystem::remove(d.path() / "pkg" / "bundle.zip");
  std::filesystem::copy(d.path() / "stage", d.path() / "pkg", std::filesystem::copy_options::recursive);
  std::vector<std::string> on_disk;
  for (const std::string& line : ReferenceLines(Scan(d))) on_disk.push_back("bundle.zip!/" + line);
  CHECK(on_disk == ReferenceLines(scan));
}

TEST_CASE("a text member over --max-file-size is an error entry, a binary one is skipped", "[e2e][archive]") {
  TempDir d;
  std::string big_text = "model = \"deepseek-chat\"\n" + std::string(300000, '#') + "\n";
  std::string big_binary = std::string("\0\1\2", 3) + std::string(300000, 'z');
  d.Write("stage/notes.txt", big_text);
  d.Write("stage/data.bin2", big_binary);
  std::filesystem::create_directories(d.path() / "pkg");
  Tool({"zip", "-q", "../pkg/big.zip", "notes.txt", "data.bin2"}, d.path() / "stage");
  json scan = Scan(d, {"--max-file-size", "100000"});
  CHECK(ReferenceLines(scan).empty());
  CHECK(Errors(scan) == std::vector<std::string>{
      "big.zip!/notes.txt: member is 300025 bytes, over the 100000-byte limit (--max-file-size); not scanned"});
}
