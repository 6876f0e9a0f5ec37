#!/usr/bin/env bash
# modelprov benchmark: prints figures, never asserts. Not a test.
#
# Builds a large tree from real files already on a Debian machine (Python's
# standard library, /usr/include, Node and Perl modules: ~15,000 files of
# mixed source, headers and docs, ~230 MB), plants a few model references in
# it, then times, in the same run and with a warm cache:
#   modelprov scan --format json      vs   rg -i -c -f patterns.txt
# at 1x, 2x and 4x the tree (copies made of hard links), with peak memory.
#
#   tests/benchmark/bench.sh [path/to/modelprov]
# Environment: BENCH_DIR (default /tmp/modelprov-bench), RUNS (default 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../build/scanner/cli/modelprov}"
bench="${BENCH_DIR:-/tmp/modelprov-bench}"
runs="${RUNS:-3}"
command -v rg >/dev/null || { echo "bench: ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: no modelprov binary at $bin" >&2; exit 2; }

make_tree() {
  local dst="$1"
  mkdir -p "$dst"
  for src in /usr/lib/python3.11 /usr/include /usr/lib/node_modules /usr/share/perl; do
    [ -d "$src" ] && cp -r "$src" "$dst/$(basename "$src")" 2>/dev/null || true
  done
  # Links dangle after the copy; the benchmark is about reading files.
  find "$dst" -type l -delete
  mkdir -p "$dst/app"
  cat > "$dst/app/llm.py" <<'PY'
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
client = OpenAI(base_url="https://api.deepseek.com")
client.chat.completions.create(model="deepseek-chat", messages=[])
PY
}

# Median wall time in seconds of running "$@" $runs times (after one warm-up).
median_time() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=("$(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1000}'
}

peak_rss_mb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
}

base="$bench/x1"
if [ ! -d "$base" ]; then
  echo "building benchmark tree in $base ..."
  make_tree "$base"
fi
for k in 2 4; do
  if [ ! -d "$bench/x$k" ]; then
    mkdir -p "$bench/x$k"
    for i in $(seq "$k"); do cp -al "$base" "$bench/x$k/copy$i"; done
  fi
done

printf '%-5s %8s %9s %12s %10s %8s %12s %12s %10s\n' size files MB modelprov_s rg_s ratio files/s MB/s peak_MB
for k in 1 2 4; do
  tree="$bench/x$k"
  files=$(find "$tree" -type f | wc -l)
  mb=$(find "$tree" -type f -printf '%s\n' | awk '{s += $1} END {printf "%d", s / 1048576}')
  mp=$(median_time "$bin" scan --format json -q "$tree")
  rgt=$(median_time rg -i -c -f "$here/patterns.txt" "$tree")
  rss=$(peak_rss_mb "$bin" scan --format json -q "$tree")
  awk -v k="$k" -v f="$files" -v m="$mb" -v a="$mp" -v b="$rgt" -v r="$rss" 'BEGIN {
    printf "%-5s %8d %9d %12.3f %10.3f %8.2f %12.0f %12.1f %10s\n", k "x", f, m, a, b, a / b, f / a, m / a, r }'
done

# Weight files: a GGUF is read by its header only, so a 2 GB file (sparse,
# made with truncate) must cost what a 2 KB one costs.
gguf_dir="$bench/gguf"
if [ ! -d "$gguf_dir" ]; then
  mkdir -p "$gguf_dir/small" "$gguf_dir/large"
  python3 - "$gguf_dir/small/model.gguf" <<'PY'
import struct, sys
def s(x): return struct.pack("<Q", len(x)) + x
kv = s(b"general.name") + struct.pack("<I", 8) + s(b"Qwen2.5 7B Instruct")
with open(sys.argv[1], "wb") as f:
    f.write(b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + kv)
    f.write(b"\0" * (2048 - f.tell()))
PY
  cp "$gguf_dir/small/model.gguf" "$gguf_dir/large/model.gguf"
  truncate -s 2G "$gguf_dir/large/model.gguf"
fi
small=$(median_time "$bin" scan --format json -q "$gguf_dir/small")
large=$(median_time "$bin" scan --format json -q "$gguf_dir/large")
echo
printf 'gguf header: 2 KB file %.3f s, 2 GB file %.3f s\n' "$small" "$large"
echo "cores: $(nproc); modelprov: $("$bin" --version); rg: $(rg --version | sed -n 1p)"
