#!/usr/bin/env bash
# modelprov setup: installs the Debian packages the build needs (only those
# missing), configures and builds into ./build, then either scans the bundled
# demo (default) or runs the whole test suite (`./setup.sh test`).
#
#   ./setup.sh          install deps, build, scan docs/demo
#   ./setup.sh test     install deps, build (warnings are errors), run ctest
#   ./setup.sh deps     install deps only
set -euo pipefail
cd "$(dirname "$0")"

MODE="${1:-demo}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="$(nproc 2>/dev/null || echo 2)"

BUILD_PACKAGES=(g++ cmake ninja-build pkg-config git libgit2-dev libarchive-dev nlohmann-json3-dev libcli11-dev catch2 libyaml-cpp-dev libvectorscan-dev)
# Tools the end-to-end tests drive: real git repos, real archives (bsdtar for 7z), the pre-commit framework,
# rg and GNU time for the benchmark, chromium for the HTML report test. (The npm validators use the machine's node/npm.)
# dpkg-dev (dpkg-shlibdeps) and file build and check the .deb (tests/packaging/check_deb.sh); python3-yaml
# reads docs/ci/*.yml (tests/packaging/check_ci_templates.py).
TEST_PACKAGES=(zip unzip xz-utils zstd ripgrep time python3 pre-commit libarchive-tools chromium poppler-utils clang libclang-rt-14-dev dpkg-dev file python3-yaml)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "$MODE" in
  deps)
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ;;
  demo)
    install_missing "${BUILD_PACKAGES[@]}"
    build -DBUILD_TESTING=OFF -DWARNINGS_AS_ERRORS=OFF
    echo
    "./$BUILD_DIR/scanner/cli/modelprov" scan docs/demo
    ;;
  test)
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    # The test build is CI's: any compiler warning fails it.
    build -DBUILD_TESTING=ON -DWARNINGS_AS_ERRORS=ON
    # Report validators from npm; when this fails the validator tests say
    # "skipped: validator not installed" instead of failing.
    tests/validators/install.sh || echo "setup: report validators not installed; their tests will be skipped"
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
  *)
    echo "usage: ./setup.sh [demo|test|deps]" >&2
    exit 2
    ;;
esac
