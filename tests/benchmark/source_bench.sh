#!/usr/bin/env bash
# Source-code benchmark for detection (prints figures, never asserts; not a test).
#
# Builds a tree of real source code from Debian packages: Go's standard library
# (golang-1.19-src), part of the JDK's sources (openjdk-17-source), CPython's
# standard library, Node modules and Markdown from /usr/share/doc; at least
# 10,000 files, every one of them text. A few model references are planted.
# Then, in the same run and with a warm cache, alternating the two:
#   modelprov scan --format json            (reads every text file)
#   rg -i -F -c -f <the same anchors>       (the words modelprov's one pass looks for)
# and prints the median wall and CPU time of each, the ratios, and peak memory.
#
# The anchors are generated from seeds/ the way scanner/catalog/vocabulary.cc
# and extract/text_scan.cc collect them (family stems, exact names, hosts,
# SDK packages, Hub orgs, provider ids, Hub URL prefixes, provider keys and
# the Hub download calls), so both tools search for the same words.
#
#   tests/benchmark/source_bench.sh [path/to/modelprov]
# Environment: BENCH_DIR (default /tmp/modelprov-source-bench), RUNS (default 5).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/build/scanner/cli/modelprov}"
bench="${BENCH_DIR:-/tmp/modelprov-source-bench}"
runs="${RUNS:-5}"
[ -x "$bin" ] || { echo "bench: no modelprov binary at $bin" >&2; exit 2; }

need=()
for p in golang-1.19-src openjdk-17-source ripgrep time unzip python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "bench: install ${need[*]} first" >&2; exit 2; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

tree="$bench/src"
if [ ! -f "$bench/.built" ]; then
  rm -rf "$bench"
  mkdir -p "$tree/go" "$tree/java" "$tree/py" "$tree/js" "$tree/docs"
  cp -rL /usr/share/go-1.19/src/. "$tree/go/"
  unzip -q /usr/lib/jvm/openjdk-17/lib/src.zip 'java.base/*' 'java.net.http/*' 'java.sql/*' -d "$tree/java"
  cp -r /usr/lib/python3.11/. "$tree/py/"
  [ -d /usr/lib/node_modules ] && cp -r /usr/lib/node_modules/. "$tree/js/"
  find /usr/share/doc -name '*.md' -size -200k -exec cp --parents {} "$tree/docs/" \; 2>/dev/null || true
  # Keep text only: compiled Python, test data blobs and archives are not source.
  find "$tree" \( -name '__pycache__' -o -name 'testdata' \) -prune -exec rm -rf {} + 2>/dev/null || true
  find "$tree" -type f \( -name '*.pyc' -o -name '*.zip' -o -name '*.gz' -o -name '*.png' -o -name '*.jpg' \
    -o -name '*.so' -o -name '*.a' -o -name '*.exe' -o -name '*.bin' \) -delete
  cat > "$tree/py/llm_client.py" <<'PY'
from openai import OpenAI
client = OpenAI(base_url="https://api.deepseek.com")
client.chat.completions.create(model="deepseek-chat", messages=[])
PY
  printf 'package llm\n\nconst Model = "qwen3.8-max"\n' > "$tree/go/llm.go"
  printf '# Models\n\n```bash\nollama pull gemma4:e4b\n```\n' > "$tree/docs/models.md"
  python3 - "$root/seeds" "$bench/anchors.txt" <<'PY'
import glob, json, os, sys
seeds, out = sys.argv[1], sys.argv[2]
words = set()
wild = lambda s: any(c in s for c in "*?[")
for f in glob.glob(os.path.join(seeds, "families", "*.json")):
    fam = json.load(open(f))
    g = fam.get("grammar") or {}
    words.update(g.get("stems", []) + g.get("versioned_stems", []))
    words.update(x for x in fam.get("api_models", []) + fam.get("ollama", []) + fam.get("name_patterns", []) if not wild(x))
    words.update(o + "/" for o in fam.get("hf_orgs", []))
for p in json.load(open(os.path.join(seeds, "providers.json")))["providers"]:
    words.update(h for h in p.get("hosts", []) if not wild(h))
    words.update(x for x in p.get("model_patterns", []) if not wild(x))
    words.add(p["id"]); words.update(p.get("aliases", []))
    words.update(x.rstrip("/") for x in p.get("prefixes", []))
    for eco, pkgs in (p.get("sdk") or {}).items():
        for k in pkgs:
            words.add(k.split(":", 1)[1] if eco == "maven" and ":" in k else k)
for p in json.load(open(os.path.join(seeds, "publishers.json")))["publishers"]:
    words.update(o + "/" for o in p.get("hf_orgs", []) + p.get("modelscope_orgs", []))
for r in json.load(open(os.path.join(seeds, "republishers.json")))["republishers"]:
    words.add(r["org"] + "/")
words.update(["huggingface.co/", "hf.co/", "modelscope.cn/models/", "modelscope.ai/models/", "modelers.cn/models/",
              "wisemodel.cn/models/", "ollama.com/library/", "ollama.ai/library/", "ollama://", "hf://", "provider",
              "model_server", "modelserver", "api_type", "apitype", "llm_type", "llm_backend", ".gguf",
              "pretrained", "from_single_file", "sentencetransformer", "crossencoder", "snapshot_download",
              "hf_hub_download", "pipeline(", "llm(", "asyncllmengine", "huggingfaceembeddings", "huggingfaceendpoint",
              "from_model_id", "sparseencoder", "staticembedding", "push_to_hub"])
open(out, "w").write("\n".join(sorted(w.lower() for w in words if w)) + "\n")
PY
  touch "$bench/.built"
fi

files=$(find "$tree" -type f | wc -l)
mb=$(du -sm "$tree" | cut -f1)
anchors=$(wc -l < "$bench/anchors.txt")
echo "tree: $tree ($files files, $mb MB); anchors: $anchors"

measure() {  # prints "wall user sys maxrss_kb"
  local rc=0
  /usr/bin/time -o "$bench/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || rc=$?
  # rg exits 1 when no file matches; modelprov 1 on findings: both are fine.
  [ "$rc" -le 1 ] || { echo "bench: '$*' failed (exit $rc)" >&2; exit 2; }
  tail -n 1 "$bench/time.txt"
}
"$bin" scan --format json -o /dev/null --policy none "$tree" >/dev/null 2>&1 || true  # warm the cache
rg -i -F -c -f "$bench/anchors.txt" "$tree" >/dev/null 2>&1 || true
mp=(); rgr=()
for _ in $(seq "$runs"); do
  mp+=("$(measure "$bin" scan --format json -o /dev/null --policy none "$tree")")
  rgr+=("$(measure rg -i -F -c -f "$bench/anchors.txt" "$tree")")
done
python3 - "$files" "${mp[@]}" -- "${rgr[@]}" <<'PY'
import statistics, sys
args = sys.argv[2:]
cut = args.index("--")
def parse(rows):
    rows = [list(map(float, r.split())) for r in rows]
    wall = statistics.median(r[0] for r in rows)
    cpu = statistics.median(r[1] + r[2] for r in rows)
    rss = max(r[3] for r in rows) / 1024
    return wall, cpu, rss
mw, mc, mr = parse(args[:cut]); rw, rc, rr = parse(args[cut + 1:])
print(f"{'':10}{'wall_s':>8}{'cpu_s':>8}{'peak_MB':>9}")
print(f"{'modelprov':10}{mw:8.2f}{mc:8.2f}{mr:9.1f}")
print(f"{'rg':10}{rw:8.2f}{rc:8.2f}{rr:9.1f}")
print(f"ratio     {mw / rw:8.2f}{mc / rc:8.2f}   (modelprov / rg; target <= 1.5, peak < 200 MB)")
print(f"files/s   {int(sys.argv[1]) / mw:8.0f}")
PY
