#!/usr/bin/env python3
"""Checks the Dockerfile without a Docker engine (CI machines have none).

    check_dockerfile.py BUILD_DIR SOURCE_DIR

What `docker build` would do, step by step, on this Debian 12 machine:
  * the Dockerfile has a Debian 12 build stage and a debian:12-slim runtime
    stage; every package either stage installs exists in this machine's apt
    index;
  * the build stage's configure line is the Release build without tests, and
    its install line (`cmake --install ... --prefix P --strip`) is run on
    BUILD_DIR's already built binary into a temporary prefix P (nothing is
    compiled here); the stage's own check (`P/bin/modelprov --version`) runs;
  * the runtime stage copies P/bin/modelprov to the path ENTRYPOINT runs;
  * every shared library that binary loads (ldd) belongs to a package the
    runtime stage has: one it installs, one of their dependencies (recursive
    Depends/PreDepends), or one debian:12-slim always has (priority
    `required`, and apt with its dependencies);
  * the image's default command (ENTRYPOINT + CMD, as the USER it names, in
    WORKDIR) scans a copy of docs/demo mounted there, and exits 0.
Exits 77 (ctest: skipped) when dpkg, apt-cache or ldd is missing, or when
BUILD_DIR is a sanitizer build (its binary links libasan/libubsan).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def ok(msg):
    print("ok: " + msg)


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def stages(dockerfile):
    """[(from_image, name, [(instruction, argument)])], continuation lines joined."""
    lines, cur = [], ""
    for raw in dockerfile.splitlines():
        if not cur and (not raw.strip() or raw.lstrip().startswith("#")):
            continue
        if raw.rstrip().endswith("\\"):
            cur += raw.rstrip()[:-1] + " "
            continue
        lines.append(cur + raw)
        cur = ""
    out = []
    for line in lines:
        word, _, arg = line.strip().partition(" ")
        word = word.upper()
        if word == "FROM":
            parts = arg.split()
            name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else ""
            out.append((parts[0], name, []))
        elif out:
            out[-1][2].append((word, arg.strip()))
    return out


def apt_packages(run_arg):
    """Packages of every `apt-get install` in a RUN line."""
    pkgs = []
    for command in re.split(r"&&|;", run_arg):
        words = shlex.split(command)
        if "apt-get" in words and "install" in words:
            pkgs += [w for w in words[words.index("install") + 1:] if not w.startswith("-")]
    return pkgs


def closure(roots):
    """Packages apt would install for `roots`: the roots and their recursive dependencies."""
    r = run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
             "--no-breaks", "--no-replaces", "--no-enhances", "--important"] + roots)
    if r.returncode != 0:
        fail("apt-cache depends failed: " + r.stderr.strip())
    return {line.strip().split(":")[0] for line in r.stdout.splitlines() if line and not line.startswith(" ")}


def required_packages():
    r = run(["dpkg-query", "-W", "-f", "${Package} ${Priority}\n"])
    return {line.split()[0] for line in r.stdout.splitlines() if line.endswith(" required")}


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    build, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("dpkg", "dpkg-query", "apt-cache", "ldd", "cmake"):
        if shutil.which(tool) is None:
            print(f"check_dockerfile: skipped: {tool} not found")
            return 77
    binary = os.path.join(build, "scanner", "cli", "modelprov")
    if not os.access(binary, os.X_OK):
        fail(f"build modelprov in {build} first")
    with open(os.path.join(src, "Dockerfile"), encoding="utf-8") as f:
        st = stages(f.read())
    if len(st) != 2:
        fail(f"expected a build and a runtime stage, found {len(st)}")
    (build_image, build_name, build_steps), (run_image, _, run_steps) = st
    if build_image != "debian:12" or not build_name:
        fail(f"build stage is {build_image} {build_name!r}, want a named debian:12 stage")
    if run_image != "debian:12-slim":
        fail(f"runtime stage is {run_image}, want debian:12-slim")
    ok(f"stages: {build_image} AS {build_name}, then {run_image}")

    build_pkgs = [p for i, a in build_steps if i == "RUN" for p in apt_packages(a)]
    run_pkgs = [p for i, a in run_steps if i == "RUN" for p in apt_packages(a)]
    for p in build_pkgs + run_pkgs:
        if run(["apt-cache", "show", p]).returncode != 0:
            fail(f"package {p} is not in Debian 12's index")
    ok(f"all {len(build_pkgs)} build and {len(run_pkgs)} runtime packages exist")

    # The build stage: configure flags, then the install and its self-check.
    runs = [a for i, a in build_steps if i == "RUN"]
    build_line = next((a for a in runs if "cmake -S" in a), None)
    if build_line is None:
        fail("the build stage has no cmake configure line")
    for flag in ("-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF"):
        if flag not in build_line:
            fail(f"the build stage does not configure with {flag}")
    m = re.search(r"cmake --install (\S+) --prefix (\S+) --strip", build_line)
    if m is None:
        fail("the build stage has no `cmake --install BUILD --prefix P --strip`")
    prefix_in_image = m.group(2)
    work = tempfile.mkdtemp(prefix="modelprov-docker.")
    try:
        prefix = os.path.join(work, "install")
        r = run(["cmake", "--install", build, "--prefix", prefix, "--strip"])
        if r.returncode != 0:
            fail("cmake --install failed: " + r.stderr.strip())
        installed = os.path.join(prefix, "bin", "modelprov")
        r = run([installed, "--version"])
        if r.returncode != 0:
            fail("the installed binary's --version failed")
        ok(f"cmake --install --strip gives bin/modelprov ({r.stdout.strip()})")

        # The runtime stage: the copy, and the libraries it must provide.
        copy = next((a for i, a in run_steps if i == "COPY" and a.startswith(f"--from={build_name} ")), None)
        if copy is None:
            fail(f"the runtime stage copies nothing from {build_name}")
        _, copied, dest = copy.split()
        if copied != prefix_in_image.rstrip("/") + "/bin/modelprov":
            fail(f"the runtime stage copies {copied}, but the build installs into {prefix_in_image}")
        entry = next((json.loads(a) for i, a in run_steps if i == "ENTRYPOINT"), None)
        if entry is None or os.path.basename(entry[0]) != "modelprov" or not dest.endswith("/modelprov"):
            fail(f"ENTRYPOINT {entry} does not run the copied {dest}")
        if os.path.dirname(dest) not in ("/usr/bin", "/usr/local/bin", "/bin") and entry[0] != dest:
            fail(f"{dest} is not on the image's PATH and ENTRYPOINT does not name it")
        ok(f"{copied} is copied to {dest}, which ENTRYPOINT {entry} runs")

        r = run(["ldd", installed])
        libs = re.findall(r"=> (/\S+)", r.stdout)
        if not libs:
            fail("ldd listed no libraries")
        # A sanitizer build (tests/sanitize.sh) links its runtimes; the image
        # builds Release without them, so such a build cannot stand for it.
        instrumented = [l for l in libs if re.search(r"/lib(asan|ubsan|tsan|msan|lsan)\.so", l)]
        if instrumented:
            print("check_dockerfile: skipped: " + build + " is a sanitizer build (" +
                  ", ".join(os.path.basename(l) for l in instrumented) + ")")
            return 77
        have = set(run_pkgs) | closure(run_pkgs + ["apt"]) | required_packages()
        missing = []
        for lib in libs:
            owner = run(["dpkg", "-S", os.path.realpath(lib)])
            if owner.returncode != 0:
                owner = run(["dpkg", "-S", lib])
            if owner.returncode != 0:
                fail(f"no package owns {lib}")
            pkg = owner.stdout.split(":")[0]
            if pkg not in have:
                missing.append(f"{lib} ({pkg})")
        if missing:
            fail("the runtime stage lacks the packages of: " + ", ".join(missing))
        ok(f"the runtime stage provides all {len(libs)} shared libraries the binary loads")

        # The default command, as the image runs it.
        workdir = next((a for i, a in run_steps if i == "WORKDIR"), "/")
        cmd = next((json.loads(a) for i, a in run_steps if i == "CMD"), [])
        mounted = os.path.join(work, workdir.lstrip("/") or "src")
        shutil.copytree(os.path.join(src, "docs", "demo"), mounted)
        r = run([installed] + cmd[:1] + ["-q"] + cmd[1:], cwd=mounted)
        if r.returncode != 0:
            fail(f"`modelprov {' '.join(cmd)}` in {workdir} exited {r.returncode}: {r.stderr.strip()}")
        if "models from" not in r.stdout and "model from" not in r.stdout:
            fail("the default command printed no summary")
        ok(f"the default command `modelprov {' '.join(cmd)}` scans the mounted directory")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
