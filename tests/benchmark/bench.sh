#!/usr/bin/env bash
# modelprov benchmark: prints figures, never asserts. Not a test.
#
# Builds a large tree from real files already on a Debian machine (Python's
# standard library and dist-packages, /usr/include, Node and Perl modules:
# ~16,000 files of mixed source, headers and docs, ~290 MB), adds a data
# part (notebooks with outputs, JSON configs, a model folder, a zip of
# sources, a large log) and a few model references, makes it a git work tree,
# then times, in the same run and with a warm cache, alternating the two:
#   modelprov scan --format json      vs   rg -i -c -f patterns.txt
# at 1x, 2x and 4x the tree (copies made of hard links), with wall and CPU
# time, and peak memory.
#
# What the ratio compares: rg reads every byte of every file; modelprov reads
# only the files some extractor claims (by name, or by magic bytes for
# extensionless files) and parses them, so the two do different amounts of
# work on the same tree. Both are what a user would run.
#
#   tests/benchmark/bench.sh [path/to/modelprov]
# Environment: BENCH_DIR (default /tmp/modelprov-bench), RUNS (default 5).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../build/scanner/cli/modelprov}"
bench="${BENCH_DIR:-/tmp/modelprov-bench}"
runs="${RUNS:-5}"
command -v rg >/dev/null || { echo "bench: ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: no modelprov binary at $bin" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

make_data() {
  local dst="$1"
  mkdir -p "$dst/app" "$dst/notebooks" "$dst/models/bot" "$dst/configs" "$dst/logs"
  cat > "$dst/app/llm.py" <<'PY'
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
client = OpenAI(base_url="https://api.deepseek.com")
client.chat.completions.create(model="deepseek-chat", messages=[])
PY
  python3 - "$dst" <<'PY'
import json, os, random, sys, zipfile
dst = sys.argv[1]
rnd = random.Random(1)
# Notebooks: code cells and large outputs (base64 images), as data scientists commit them.
for n in range(40):
    cells = []
    for i in range(60):
        cells.append({"cell_type": "code", "execution_count": i, "metadata": {},
                      "source": ["import numpy as np\n", f"x{i} = np.arange({i})\n", f"print(x{i}.sum())"],
                      "outputs": [{"output_type": "display_data", "metadata": {},
                                   "data": {"image/png": "".join(rnd.choice("ABCDEFGH") for _ in range(3000))}}]})
    if n == 7:
        cells.append({"cell_type": "code", "metadata": {}, "outputs": [],
                      "source": ["m = AutoModel.from_pretrained(\"BAAI/bge-large-en-v1.5\")"]})
    with open(f"{dst}/notebooks/analysis_{n}.ipynb", "w") as f:
        json.dump({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, f, indent=1)
# JSON and YAML configs of an ordinary app.
for n in range(200):
    with open(f"{dst}/configs/service_{n}.json", "w") as f:
        json.dump({"name": f"service-{n}", "replicas": n % 5, "env": {f"K{i}": str(i) for i in range(50)}}, f, indent=2)
    with open(f"{dst}/configs/deploy_{n}.yaml", "w") as f:
        f.write(f"name: service-{n}\nreplicas: 2\nimage: registry.example/app:{n}\nenv:\n")
        f.write("".join(f"  - name: K{i}\n    value: \"{i}\"\n" for i in range(40)))
# A model folder: config, tokenizer config, card.
json.dump({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 128256},
          open(f"{dst}/models/bot/config.json", "w"))
json.dump({"tokenizer_class": "PreTrainedTokenizerFast", "eos_token": "<|eot_id|>"},
          open(f"{dst}/models/bot/tokenizer_config.json", "w"))
open(f"{dst}/models/bot/README.md", "w").write("---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n# bot\n")
# A zip of sources (a vendored wheel), and a 50 MB log no extractor claims.
with zipfile.ZipFile(f"{dst}/app/vendor.whl", "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(300):
        z.writestr(f"pkg/mod_{i}.py", f"def f{i}(x):\n    return x + {i}\n" * 40)
with open(f"{dst}/logs/app.log", "w") as f:
    for i in range(500000):
        f.write(f"2026-01-01T00:00:{i % 60:02d} INFO request {i} served in {i % 97} ms\n")
PY
}

make_tree() {
  local dst="$1"
  mkdir -p "$dst"
  for src in /usr/lib/python3.11 /usr/lib/python3/dist-packages /usr/include /usr/lib/node_modules /usr/share/perl; do
    [ -d "$src" ] && cp -r "$src" "$dst/$(basename "$(dirname "$src")")-$(basename "$src")" 2>/dev/null || true
  done
  # Links dangle after the copy; the benchmark is about reading files.
  find "$dst" -type l -delete
  make_data "$dst/data"
  # A work tree, as users scan: modelprov lists it with git's ignore rules.
  git -C "$dst" init -q && git -C "$dst" add -A >/dev/null 2>&1 &&
    git -C "$dst" -c user.name=bench -c user.email=bench@example.invalid commit -q -m tree >/dev/null 2>&1 || true
}

# Runs modelprov and rg on one tree $runs times each, alternating (after one
# warm-up of each), and prints "modelprov_wall rg_wall modelprov_cpu rg_cpu"
# as medians in seconds. A run that exits with anything but 0 or 1 (findings,
# or rg's no-match) stops the benchmark: a crash must not look fast.
time_pair() {
  local tree="$1" out="$bench/.timing" status
  local mw=() rw=() mc=() rc=()
  run_one() {  # run_one wall_array cpu_array cmd...
    local -n walls="$1" cpus="$2"
    shift 2
    set +e
    /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>"$bench/.stderr"
    status=$?
    set -e
    if [ "$status" -gt 1 ]; then
      echo "bench: '$*' exited $status" >&2
      cat "$bench/.stderr" >&2
      exit 1
    fi
    read -r wall user sys < <(tail -1 "$out")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
  }
  local warm_w=() warm_c=()
  run_one warm_w warm_c "$bin" scan --format json -q "$tree"
  run_one warm_w warm_c rg -i -c -f "$here/patterns.txt" "$tree"
  for _ in $(seq "$runs"); do
    run_one mw mc "$bin" scan --format json -q "$tree"
    run_one rw rc rg -i -c -f "$here/patterns.txt" "$tree"
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
  echo "$(median "${mw[@]}") $(median "${rw[@]}") $(median "${mc[@]}") $(median "${rc[@]}")"
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

printf '%-5s %7s %6s %8s %8s %7s %8s %8s %7s %9s %8s\n' \
  size files MB mp_wall rg_wall ratio mp_cpu rg_cpu ratio files/s peak_MB
for k in 1 2 4; do
  tree="$bench/x$k"
  files=$(find "$tree" -path '*/.git' -prune -o -type f -print | wc -l)
  mb=$(find "$tree" -path '*/.git' -prune -o -type f -printf '%s\n' | awk '{s += $1} END {printf "%d", s / 1048576}')
  read -r mpw rgw mpc rgc < <(time_pair "$tree")
  rss=$(peak_rss_mb "$bin" scan --format json -q "$tree")
  awk -v k="$k" -v f="$files" -v m="$mb" -v a="$mpw" -v b="$rgw" -v c="$mpc" -v d="$rgc" -v r="$rss" 'BEGIN {
    printf "%-5s %7d %6d %8.3f %8.3f %7.2f %8.2f %8.2f %7.2f %9.0f %8s\n", k "x", f, m, a, b, a / b, c, d, (d > 0 ? c / d : 0), f / a, r }'
done

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
