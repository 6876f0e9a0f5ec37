#!/bin/sh
# Builds the whole project and test suite with AddressSanitizer and UBSan
# (Debug) into build-asan/ and runs every ctest test. Leaks fail the run
# (detect_leaks=1), so does any UBSan report (-fno-sanitize-recover=all).
# The e2e tests fork the instrumented modelprov binary, which inherits these
# settings from the environment.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ASAN_BUILD_DIR:-$ROOT/build-asan}
JOBS=${ASAN_BUILD_JOBS:-1}

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Leaks inside third-party libraries we cannot free are listed, with why, in tests/lsan.supp.
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DENABLE_SANITIZERS=ON -DBUILD_TESTING=ON -DWARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$BUILD" -j"$JOBS"
ctest --test-dir "$BUILD" --output-on-failure -j"$JOBS"
