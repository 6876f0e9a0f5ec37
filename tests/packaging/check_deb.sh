#!/bin/sh
# Builds the Debian package with CPack and checks it the way a user gets it:
# the control fields (Package, Maintainer, computed Depends), the file list
# (usr/bin/modelprov), and the binary extracted from the .deb: `--version` and
# a scan of docs/demo.
#
#   tests/packaging/check_deb.sh [BUILD_DIR]
#
# BUILD_DIR: an existing build directory where modelprov is already built
# (.ci/run passes its Release build, build-release/; ctest passes its own);
# it is packaged as it is, nothing is compiled. Without it, a Release build of
# the binary alone is configured and built in a temporary directory (slow: a
# full compile).
# Needs dpkg-deb, and dpkg-shlibdeps (package dpkg-dev) for the Depends field;
# exits 77 (ctest's "skipped") when they are missing.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JOBS=${PACKAGING_BUILD_JOBS:-2}

for tool in dpkg-deb dpkg-shlibdeps cpack; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check_deb: skipped: $tool not found (install dpkg-dev)" >&2
    exit 77
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/modelprov-deb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

if [ $# -ge 1 ]; then
  BUILD=$(cd "$1" && pwd)
  [ -f "$BUILD/CPackConfig.cmake" ] || { echo "check_deb: $BUILD is not a configured build directory" >&2; exit 1; }
  [ -x "$BUILD/scanner/cli/modelprov" ] || { echo "check_deb: build modelprov in $BUILD first" >&2; exit 1; }
else
  BUILD="$WORK/build"
  echo "check_deb: configuring and building a Release build in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" --target modelprov -j "$JOBS" >/dev/null
fi

# The package goes to WORK, so repeated runs do not leave .debs in the build directory.
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$WORK/package" >"$WORK/cpack.log" 2>&1 || {
  cat "$WORK/cpack.log" >&2
  echo "check_deb: cpack failed" >&2
  exit 1
}
set -- "$WORK"/package/modelprov_*.deb
[ -f "$1" ] || { cat "$WORK/cpack.log" >&2; echo "check_deb: no modelprov_*.deb produced" >&2; exit 1; }
DEB=$1
echo "check_deb: built $(basename "$DEB")"

fail() { echo "check_deb: FAIL: $*" >&2; exit 1; }
field() { dpkg-deb -f "$DEB" "$1"; }

[ "$(field Package)" = modelprov ] || fail "Package is '$(field Package)', not modelprov"
version=$(sed -n 's/^project(modelprov VERSION \([0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt")
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', CMakeLists.txt says '$version'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer field"
[ -n "$(field Description)" ] || fail "no Description field"
depends=$(field Depends)
echo "check_deb: Depends: $depends"
# Computed by dpkg-shlibdeps from what the binary links (Debian 12 package names).
for lib in libgit2 libarchive libyaml-cpp libvectorscan libstdc++6 libc6; do
  case ", $depends" in
    *", $lib"*) ;;
    *) fail "Depends has no $lib" ;;
  esac
done

dpkg-deb -c "$DEB" >"$WORK/contents"
grep -q ' \./usr/bin/modelprov$' "$WORK/contents" || { cat "$WORK/contents" >&2; fail "no usr/bin/modelprov in the package"; }
grep -q ' \./usr/share/doc/modelprov/README.md$' "$WORK/contents" || fail "no usr/share/doc/modelprov/README.md in the package"
# The catalog and the policy presets are compiled in: nothing else may be needed at run time.
if grep -q '/seeds/' "$WORK/contents"; then fail "the package ships seeds/ files; the catalog is compiled in"; fi

dpkg-deb -x "$DEB" "$WORK/root"
BIN="$WORK/root/usr/bin/modelprov"
[ -x "$BIN" ] || fail "extracted usr/bin/modelprov is not executable"
got=$("$BIN" --version)
[ "$got" = "modelprov $version" ] || fail "--version printed '$got', expected 'modelprov $version'"

# Scan a copy of the demo outside any git repository, from the directory itself
# (as the Docker image and the CI templates run it).
cp -R "$ROOT/docs/demo" "$WORK/demo"
status=0
(cd "$WORK/demo" && "$BIN" scan . --format json --output "$WORK/scan.json" --report sarif="$WORK/scan.sarif") || status=$?
[ "$status" -eq 0 ] || fail "scan of docs/demo exited $status"
python3 - "$WORK/scan.json" "$WORK/scan.sarif" <<'PY'
import json, sys
scan = json.load(open(sys.argv[1]))
sarif = json.load(open(sys.argv[2]))
refs = scan.get("references", [])
assert refs, "the scan of docs/demo found no references"
assert not scan.get("errors"), "the scan of docs/demo reported errors: %r" % scan["errors"]
assert sarif.get("version") == "2.1.0", "SARIF version %r" % sarif.get("version")
print("check_deb: extracted binary scanned docs/demo: %d references" % len(refs))
PY
echo "check_deb: OK"
