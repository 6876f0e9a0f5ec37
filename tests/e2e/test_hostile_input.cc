// Hostile input: whatever is in the tree, the scan finishes with exit 0 and
// every skipped item is an error entry saying why. (Zip bombs by ratio, bytes
// and entry count, unsafe member names and --archive-depth are in
// test_archives.cc; symlink loops and FIFOs during the walk in
// tests/unit/test_source_directory.cc; files vanishing between listing and
// reading in tests/unit/test_pipeline_vanishing_files.cc.)
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "support/e2e.h"

using namespace modelprov::testing;
using nlohmann::json;

namespace {

const std::string kQwen = "m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")\n";

// Peak-memory bounds are for the release build; under AddressSanitizer
// (tests/sanitize.sh) shadow memory and the quarantine add their own share.
// The unoptimised sanitizer build is also ~50x slower, so the generated
// files of the linear-time tests are smaller there (still far past the sizes
// at which a quadratic pass would stall).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kRssScale = 3;
constexpr int kCountScale = 10;
#else
constexpr long kRssScale = 1;
constexpr int kCountScale = 1;
#endif

void Tool(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  RunResult r = Run(argv, cwd);
  INFO(argv[0] << " stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> Errors(const json& scan) {
  std::vector<std::string> out;
  for (const auto& e : scan["errors"]) out.push_back(e["path"].get<std::string>() + ": " + e["message"].get<std::string>());
  return out;
}

// Peak RSS (KiB) of the last Scan(): that one process (GNU time waits for
// it), not every child this test process ever had, so the bound holds
// whatever ran before in the same process.
long g_scan_peak_kb = 0;

json Scan(const TempDir& d, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"/usr/bin/time", "-f", "maxrss_kb=%M", MODELPROV_BIN, "scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("pkg");
  RunResult r = Run(args, d.path());
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  size_t at = r.err.rfind("maxrss_kb=");
  REQUIRE(at != std::string::npos);
  g_scan_peak_kb = std::stol(r.err.substr(at + 10));
  return ParseJson(r);
}

// Strict UTF-8 check (no overlongs, no surrogates, nothing past U+10FFFF).
bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::string Utf16(const std::string& ascii, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (little) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a zip of zip bombs stops at the ratio limit of the top-level archive", "[e2e][hostile][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  // Each inner zip holds 8 MiB of spaces (about 1000:1); the outer zip holds
  // four of them. Nested bytes count against the outer archive's budget.
  d.Write("stage/config.json", std::string(8 << 20, ' '));
  Tool({"zip", "-q", "bomb.zip", "config.json"}, d.path() / "stage");
  for (const char* copy : {"a.zip", "b.zip", "c.zip", "d.zip"}) {
    std::filesystem::copy_file(d.path() / "stage" / "bomb.zip", d.path() / "stage" / copy);
  }
  Tool({"zip", "-q", "-0", "../pkg/outer.zip", "a.zip", "b.zip", "c.zip", "d.zip"}, d.path() / "stage");
  json scan = Scan(d);
  CHECK(scan["references"].empty());
  CHECK(Errors(scan) == std::vector<std::string>{
                            "outer.zip: archive expands more than 200:1 (--archive-max-ratio); possible zip bomb, the rest "
                            "was not read"});
}

TEST_CASE("archives nested ten deep stop at the default --archive-depth 4", "[e2e][hostile][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  // l9.zip holds app.py; l8.zip holds l9.zip; ... l0.zip is the outer file.
  std::string script =
      "import io, zipfile\n"
      "data = open('app.py', 'rb').read(); name = 'app.py'\n"
      "for level in range(9, -1, -1):\n"
      "    buf = io.BytesIO()\n"
      "    with zipfile.ZipFile(buf, 'w') as z: z.writestr(name, data)\n"
      "    data = buf.getvalue(); name = 'l%d.zip' % level\n"
      "open('pkg/l0.zip', 'wb').write(data)\n";
  d.Write("app.py", kQwen);
  Tool({"python3", "-c", script}, d.path());
  json scan = Scan(d);
  CHECK(scan["references"].empty());
  CHECK(Errors(scan) == std::vector<std::string>{"l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip: nested archive deeper than "
                                                 "--archive-depth 4; not opened"});
  // Raising the limit reaches the file at the bottom.
  scan = Scan(d, {"--archive-depth", "11"});
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip!/l5.zip!/l6.zip!/l7.zip!/l8.zip!/l9.zip!/app.py:1 "
                                 "hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("a 10,000-entry archive is walked completely", "[e2e][hostile][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  std::string script =
      "import zipfile\n"
      "with zipfile.ZipFile('pkg/many.zip', 'w') as z:\n"
      "    for i in range(9999): z.writestr('src/m%04d.py' % i, 'x = %d\\n' % i)\n"
      "    z.writestr('src/zz_last.py', open('app.py').read())\n";
  d.Write("app.py", kQwen);
  Tool({"python3", "-c", script}, d.path());
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "many.zip!/src/zz_last.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(scan["errors"].empty());
  // Below the entry count, the walk stops with the limit named.
  scan = Scan(d, {"--archive-max-entries", "5000"});
  CHECK(scan["references"].empty());
  CHECK(Errors(scan) == std::vector<std::string>{
                            "many.zip: archive has more than 5000 members (--archive-max-entries); the rest was not read"});
}

TEST_CASE("FIFOs and character devices in the tree are skipped with a reason", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/app.py", kQwen);
  REQUIRE(::mkfifo((d.path() / "pkg" / "fifo.py").c_str(), 0600) == 0);
  std::vector<std::string> expected{"fifo.py: not a regular file (FIFO, socket or device); skipped"};
  // A /dev/null look-alike (char 1:3) needs root; the temp dir may be mounted
  // nodev, which still allows creating the node.
  if (::mknod((d.path() / "pkg" / "null.json").c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) {
    expected.push_back("null.json: not a regular file (FIFO, socket or device); skipped");
  } else {
    WARN("mknod failed (" << std::strerror(errno) << "): character device case not exercised");
  }
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(scan) == expected);
}

TEST_CASE("a 1 GB single-line file is skipped by --max-file-size, memory stays bounded", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/app.py", kQwen);
  // Sparse: no disk blocks, no newline anywhere.
  Tool({"truncate", "-s", "1G", "pkg/huge.py"}, d.path());
  json scan = Scan(d);
  long peak = g_scan_peak_kb;
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "huge.py: file is 1073741824 bytes, over the 67108864-byte limit (--max-file-size); not scanned"});
  scan = Scan(d, {"--max-file-size", "1000"});
  peak = std::max(peak, g_scan_peak_kb);
  CHECK(Errors(scan) == std::vector<std::string>{
                            "huge.py: file is 1073741824 bytes, over the 1000-byte limit (--max-file-size); not scanned"});
  // Each scan's own peak, far below the file's size.
  CHECK(peak < kRssScale * 200 * 1024);  // KiB: the issue's bound
}

TEST_CASE("invalid UTF-8 in contents and file names still gives valid UTF-8 JSON", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/app.py", "# caf\xE9 \xFF\xFE\xC3\n" + kQwen + "n = pipeline(model=\"org/mo\xFF" "del\")  # \xED\xA0\x80\n");
  d.Write("pkg/bad\xFFname.py", kQwen);
  RunResult r = Modelprov({"scan", "--format", "json", "pkg"}, d.path());
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ValidUtf8(r.out));
  json scan = ParseJson(r);
  // The bad byte in the name becomes U+FFFD; "org/mo\xFFdel" is no model id.
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:2 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                 "bad\xEF\xBF\xBDname.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(scan["errors"].empty());
}

TEST_CASE("UTF-16 files with a byte order mark are transcoded and scanned", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/requirements.txt", Utf16("openai==1.40.0\r\ndashscope\r\n", true));
  d.Write("pkg/app.py", Utf16("import os\n" + kQwen, false));
  // No byte order mark: still refused as binary.
  std::string bare = Utf16(kQwen, true).substr(2);
  d.Write("pkg/nobom.py", bare);
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:2 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                 "requirements.txt:1 sdk-package openai -> pypi:openai",
                                 "requirements.txt:2 sdk-package dashscope -> pypi:dashscope"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "nobom.py: contains NUL bytes (binary or UTF-16); not scanned as text"});
}

TEST_CASE("binary junk named like source or config files is an error entry", "[e2e][hostile]") {
  TempDir d;
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245 + 12345;
    junk += static_cast<char>(x >> 16);
  }
  std::string no_nul = junk;
  for (char& c : no_nul) {
    if (c == '\0') c = '\x01';
  }
  d.Write("pkg/junk.py", junk);
  d.Write("pkg/config.json", no_nul);
  d.Write("pkg/values.yaml", no_nul);
  d.Write("pkg/model.gguf", no_nul);
  d.Write("pkg/app.py", kQwen);
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(scan) == std::vector<std::string>{
                            "config.json: invalid JSON at line 1: [json.exception.parse_error.101] parse error at line 1, "
                            "column 1: syntax error while parsing value - invalid literal; last read: '\xEF\xBF\xBD'",
                            "junk.py: contains NUL bytes (binary or UTF-16); not scanned as text",
                            "model.gguf: GGUF header magic is not \"GGUF\" (at byte 4)",
                        });
}

TEST_CASE("an unreadable file is an error entry and the scan goes on", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/app.py", kQwen);
  d.Write("pkg/locked.py", kQwen);
  std::filesystem::permissions(d.path() / "pkg" / "locked.py", std::filesystem::perms::none);
  std::vector<std::string> argv{MODELPROV_BIN, "scan", "--format", "json", "pkg"};
  if (::geteuid() == 0) {
    // root reads anything (and CI runs as root): scan as nobody instead, so
    // this test can fail there too. nobody needs to enter the temp dir.
    std::filesystem::permissions(d.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
    argv.insert(argv.begin(), {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env",
                               "HOME=" + d.path().string()});
  }
  RunResult r = Run(argv, d.path());
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  json scan = ParseJson(r);
  std::filesystem::permissions(d.path() / "pkg" / "locked.py", std::filesystem::perms::owner_all);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{"app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(scan) == std::vector<std::string>{"locked.py: cannot open: Permission denied"});
}

TEST_CASE("large JSON, notebooks and manifests cost bounded memory and linear time", "[e2e][hostile]") {
  TempDir d;
  d.Write("pkg/app.py", kQwen);
  // A 60 MB generated config.json: its tree would take about a gigabyte.
  std::string big = "[";
  big.reserve(60u << 20);
  while (big.size() < (60u << 20)) big += "0,";
  big += "0]";
  d.Write("pkg/config.json", big);
  // A one-line notebook of 50,000 cells, each with a large output that is
  // never read (mapping each cell's line from the file start was quadratic).
  std::string nb = "{\"cells\": [";
  for (int i = 0; i < 50000 / kCountScale; ++i) {
    nb += std::string(i ? "," : "") + "{\"cell_type\": \"code\", \"source\": [\"x = " + std::to_string(i) +
          "\"], \"outputs\": [{\"data\": \"" + std::string(200, 'A') + "\"}]}";
  }
  nb += R"nb(, {"cell_type": "code", "source": ["m = AutoModel.from_pretrained(\"Qwen/Qwen2.5-7B-Instruct\")"]}]})nb";
  d.Write("pkg/nb.ipynb", nb);
  // A package.json with 40,000 dependencies (a key search each was quadratic).
  std::string pj = "{\"dependencies\": {";
  const int deps = 40000 / kCountScale;
  for (int i = 0; i < deps; ++i) pj += "\"pkg-" + std::to_string(i) + "\": \"1\",\n";
  pj += "\"openai\": \"4\"}}";
  d.Write("pkg/package.json", pj);

  json scan = Scan(d);
  CHECK(ReferenceLines(scan) == std::vector<std::string>{
                                    "app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "nb.ipynb:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct",
                                    "package.json:" + std::to_string(deps + 1) + " sdk-package openai -> npm:openai",
                                });
  CHECK(Errors(scan) == std::vector<std::string>{
                            "config.json: JSON document is too large to read (over 16 MiB of values); not scanned"});
  CHECK(g_scan_peak_kb < kRssScale * 200 * 1024);  // KiB, this scan's process
}

TEST_CASE("a nested archive too large to hold in memory is streamed from its parent", "[e2e][hostile][archive]") {
  TempDir d;
  std::filesystem::create_directories(d.path() / "pkg");
  // inner.zip: 48 MiB of incompressible bytes, stored, then the model
  // reference. Made with head and zip; the peak RSS is the scan's alone.
  d.Write("src/app.py", kQwen);
  Tool({"sh", "-c", "head -c 50331648 /dev/urandom > blob.dat && zip -0 -q inner.zip blob.dat src/app.py"}, d.path());
  Tool({"ln", "-s", "/etc/passwd", "config.json"}, d.path());
  Tool({"tar", "-cf", "pkg/outer.tar", "inner.zip", "config.json"}, d.path());
  json scan = Scan(d);
  CHECK(ReferenceLines(scan) ==
        std::vector<std::string>{
            "outer.tar!/inner.zip!/src/app.py:1 hf-model-id Qwen/Qwen2.5-7B-Instruct -> Qwen/Qwen2.5-7B-Instruct"});
  CHECK(Errors(scan) == std::vector<std::string>{"outer.tar!/config.json: link member; not followed"});
  CHECK(g_scan_peak_kb < kRssScale * 120 * 1024);  // KiB: not the 48 MiB member twice over
}
