#!/bin/sh
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each one
# for SECONDS (default 20) on a scratch copy of its seed corpus in
# tests/fuzz/corpus/<target>/. Fails if any target crashes, leaks, trips
# UBSan, times out (-timeout=10 per input) or exceeds 1 GB of memory: the
# targets are built with -fno-sanitize-recover=all and run with
# halt_on_error=1, so any sanitizer report is a failure. Inputs may grow to
# 1 MiB (-max_len), enough to reach the per-file budgets.
# Crash inputs are left in build-fuzz/artifacts/.
set -eu
SECONDS_PER_TARGET=${1:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
JOBS=${FUZZ_BUILD_JOBS:-1}

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DENABLE_FUZZERS=ON -DBUILD_TESTING=OFF \
  -DWARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target fuzzers

# Any sanitizer report stops the target with a non-zero exit.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
MAX_LEN=${FUZZ_MAX_LEN:-1048576}

mkdir -p "$BUILD/artifacts"
failed=""
for src in "$ROOT"/tests/fuzz/fuzz_*.cc; do
  target=$(basename "$src" .cc)
  work="$BUILD/corpus-run/$target"
  rm -rf "$work"
  mkdir -p "$work"
  if [ -d "$ROOT/tests/fuzz/corpus/$target" ]; then
    cp "$ROOT/tests/fuzz/corpus/$target"/* "$work"/
  fi
  echo "== $target (${SECONDS_PER_TARGET}s)"
  # A fixed seed makes a CI run repeat the exploration a developer already ran.
  if ! "$BUILD/tests/fuzz/$target" -seed="${FUZZ_SEED:-1}" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=1024 -timeout=10 \
      -max_len="$MAX_LEN" \
      -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$target-" "$work" >"$BUILD/$target.log" 2>&1; then
    echo "FAILED: $target (log: $BUILD/$target.log)"
    tail -n 40 "$BUILD/$target.log"
    failed="$failed $target"
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$BUILD/$target.log" | tr '\n' ' '
    echo
  fi
done

if [ -n "$failed" ]; then
  echo "fuzz targets failed:$failed"
  exit 1
fi
echo "all fuzz targets ran ${SECONDS_PER_TARGET}s without a crash"
