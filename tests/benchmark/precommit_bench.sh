#!/usr/bin/env bash
# Times `modelprov scan --staged` as a pre-commit hook runs it: a 10,000-file
# git repository with a few staged files, process start included. Prints the
# median wall time in milliseconds (hyperfine's median when it is installed).
#
#   tests/benchmark/precommit_bench.sh [path/to/modelprov] [runs]
#
# The repository is built once under /tmp/modelprov-precommit-bench and reused.
set -euo pipefail

BIN="${1:-$(dirname "$0")/../../build/scanner/cli/modelprov}"
RUNS="${2:-30}"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
REPO=/tmp/modelprov-precommit-bench
FILES=10000

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

if [ ! -f "$REPO/.built" ]; then
  rm -rf "$REPO"
  mkdir -p "$REPO"
  cd "$REPO"
  git init -q -b main .
  # 100 packages x 100 files: Python, JSON and Markdown, some naming models.
  for d in $(seq 0 99); do
    mkdir -p "pkg$d"
    for f in $(seq 0 99); do
      case $((f % 3)) in
        0) printf 'import os\n\ndef f%d():\n    return os.getenv("X%d")\n' "$f" "$f" > "pkg$d/mod$f.py" ;;
        1) printf '{"name": "cfg%d", "value": %d}\n' "$f" "$f" > "pkg$d/cfg$f.json" ;;
        2) printf '# Notes %d\n\nNothing to see.\n' "$f" > "pkg$d/notes$f.md" ;;
      esac
    done
  done
  printf 'from transformers import AutoModel\nm = AutoModel.from_pretrained("Qwen/Qwen2.5-7B-Instruct")\n' > pkg0/model.py
  git add -A
  git commit -q -m "10,000 files"
  touch .built
fi
cd "$REPO"
git reset -q --hard HEAD
git clean -qfd
# A typical commit: a few staged changes, one of them adding a model.
printf 'from transformers import AutoModel\ne = AutoModel.from_pretrained("BAAI/bge-large-en-v1.5")\n' > pkg1/embed.py
printf 'import os\n' >> pkg2/mod0.py
printf '{"name": "changed"}\n' > pkg3/cfg1.json
git add pkg1/embed.py pkg2/mod0.py pkg3/cfg1.json

echo "repository: $REPO ($(git ls-files | wc -l) files, $(git diff --cached --name-only | wc -l) staged)"
"$BIN" scan --staged --quiet > /dev/null

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 3 --runs "$RUNS" --export-json /tmp/modelprov-bench.json "$BIN scan --staged --quiet" > /dev/null
  python3 -c 'import json; r = json.load(open("/tmp/modelprov-bench.json"))["results"][0]; print("median: %.1f ms" % (r["median"] * 1000))'
else
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$BIN" scan --staged --quiet > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}')
  echo "median: $median ms over $RUNS runs (date +%s%N loop)"
fi
