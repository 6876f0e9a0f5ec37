#!/usr/bin/env python3
"""Runs the CI templates of docs/ci.md the way GitHub Actions and GitLab CI would.

    check_ci_templates.py MODELPROV_BINARY SOURCE_DIR

For each template (docs/ci/github-workflow.yml, docs/ci/gitlab-ci.yml):
  * docs/ci.md quotes the file verbatim;
  * the YAML parses; every shell command of its `run:` steps (GitHub) or
    `before_script:` / `script:` / `after_script:` lists (GitLab) is run with
    bash, in the job's order, on a fixture git repository shaped like a pull
    request whose new model breaks the repository's policy, once per event
    (pull/merge request, push to the default branch);
  * the only commands not run are the ones that install modelprov (apt-get,
    the git clone of modelprov, cmake): instead, MODELPROV_BINARY is first on
    PATH as `modelprov`. The script fails if any other command would be left
    out, or if no install command was found to substitute;
  * `if:` / `rules:` decide which steps and jobs run for the event, and a step
    that fails stops the job's steps that are not `always()`, as on the real
    services;
  * the pull/merge request scan exits 1 (the policy fails the job), the
    inventory scan exits 0, every other command exits 0;
  * the SARIF file the upload step (GitHub: github/codeql-action/upload-sarif's
    sarif_file; GitLab: the job's artifacts) names exists, is JSON, SARIF 2.1.0,
    and has the policy's finding; every artifact path the jobs list that the
    scan writes exists.

git runs with a temporary HOME, so `git config --global` does not touch the
user's configuration. Exits 77 (ctest: skipped) when python3-yaml is missing.
"""
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is not installed")
    sys.exit(77)

# Commands that install or build modelprov: replaced by the binary under test.
INSTALL_COMMANDS = [
    re.compile(r"^apt-get update\b"),
    re.compile(r"^(DEBIAN_FRONTEND=\S+ )?apt-get install\b"),
    re.compile(r"^git clone (\S+ )*https://github\.com/<org>/modelprov "),
    re.compile(r"^cmake (-S|--build|--install) "),
]

QWEN = 'm = AutoModel.from_pretrained("Qwen/Qwen2.5-7B-Instruct")\n'
BGE = 'e = AutoModel.from_pretrained("BAAI/bge-large-en-v1.5")\n'
POLICY = ("rules:\n  - id: no-cn-origin\n    severity: error\n"
          "    message: \"{model} comes from {publisher} ({country})\"\n    when:\n      country: [CN]\n")

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def commands_of(script):
    """The shell commands of a `run:` block or a script list entry: one per
    non-empty, non-comment line (the templates use no line continuations)."""
    out = []
    for line in script.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


class Job:
    """Runs shell commands for one job, substituting the install commands."""

    def __init__(self, name, workdir, env):
        self.name = name
        self.workdir = workdir
        self.env = env
        self.substituted = []

    def run(self, command, expect=(0,)):
        if any(p.search(command) for p in INSTALL_COMMANDS):
            self.substituted.append(command)
            print("  [%s] substituted (modelprov under test is on PATH): %s" % (self.name, command))
            return 0
        print("  [%s] $ %s" % (self.name, command))
        r = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=self.workdir, env=self.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.stdout.strip():
            print("    " + r.stdout.strip().replace("\n", "\n    ")[:800])
        if r.returncode not in expect:
            fail("[%s] `%s` exited %d, expected %s" % (self.name, command, r.returncode, expect))
        return r.returncode


def git(args, cwd, env):
    return subprocess.run(["git"] + args, cwd=cwd, env=env, check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip()


def make_fixture(root, env):
    """A repository whose feature branch adds a CN-origin model that the
    repository's policy (.modelprov.yml) forbids. Returns (repo, base_sha)."""
    repo = os.path.join(root, "repo")
    os.makedirs(os.path.join(repo, "app"))
    git(["init", "-q", "-b", "main"], repo, env)
    with open(os.path.join(repo, "app/model.py"), "w") as f:
        f.write(QWEN)
    with open(os.path.join(repo, ".modelprov.yml"), "w") as f:
        f.write(POLICY)
    git(["add", "-A"], repo, env)
    git(["commit", "-q", "-m", "base"], repo, env)
    base = git(["rev-parse", "HEAD"], repo, env)
    git(["checkout", "-q", "-b", "feature"], repo, env)
    with open(os.path.join(repo, "app/embed.py"), "w") as f:
        f.write(BGE)
    git(["add", "-A"], repo, env)
    git(["commit", "-q", "-m", "add embeddings"], repo, env)
    return repo, base


def check_sarif(path, label, expect_rule):
    if not os.path.isfile(path):
        fail("%s: SARIF file %s was not written" % (label, path))
        return
    try:
        with open(path) as f:
            sarif = json.load(f)
    except ValueError as e:
        fail("%s: %s is not JSON: %s" % (label, path, e))
        return
    if sarif.get("version") != "2.1.0":
        fail("%s: SARIF version is %r, not 2.1.0" % (label, sarif.get("version")))
    rules = [r.get("ruleId") for run in sarif.get("runs", []) for r in run.get("results", [])]
    if expect_rule not in rules:
        fail("%s: SARIF results %r lack %s" % (label, rules, expect_rule))
    else:
        print("  %s: %s is SARIF 2.1.0 with %d result(s)" % (label, os.path.basename(path), len(rules)))


def check_artifacts(patterns, repo, label, written):
    for pattern in patterns:
        for p in pattern.split("\n"):
            p = p.strip()
            if not p:
                continue
            matched = [n for n in os.listdir(repo) if fnmatch.fnmatch(n, p)]
            # Only the files this event's scan writes must be there.
            if not matched and any(fnmatch.fnmatch(w, p) for w in written):
                fail("%s: artifact path %s matches nothing" % (label, p))


# ---------------------------------------------------------------- GitHub

def gh_condition(cond, event, failed):
    """Evaluates the `if:` expressions the template uses."""
    if cond is None:
        return not failed
    c = cond.replace("${{", "").replace("}}", "").strip()
    always = "always()" in c
    c = c.replace("always() &&", "").replace("always()", "").strip()
    if c:
        m = re.fullmatch(r"github\.event_name == '(\w+)'", c)
        if not m:
            raise SystemExit("check_ci_templates: unsupported if: expression %r" % cond)
        if m.group(1) != event:
            return False
    return always or not failed


def run_github(template, binary_dir, root, base_env):
    wf = yaml.safe_load(open(template))
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads `on` as true
    if set(triggers) != {"pull_request", "push"}:
        fail("github: triggers are %r" % list(triggers))
    (job_name, job), = wf["jobs"].items()
    if job.get("container") != "debian:12":
        fail("github: the job does not run in debian:12")
    for event, scan_exit, written in (
        ("pull_request", 1, ["modelprov.md", "modelprov.sarif", "modelprov.json"]),
        ("push", 0, ["modelprov-inventory.json", "modelprov.cdx.json"]),
    ):
        print("github %s (%s):" % (job_name, event))
        work = tempfile.mkdtemp(dir=root, prefix="gh-%s-" % event)
        env = dict(base_env, HOME=os.path.join(work, "home"))
        os.makedirs(env["HOME"])
        repo, base = make_fixture(work, env)
        summary = os.path.join(work, "step_summary.md")
        env.update(GITHUB_WORKSPACE=repo, GITHUB_STEP_SUMMARY=summary, GITHUB_EVENT_NAME=event, CI="true")
        j = Job("github " + event, repo, env)
        failed = False
        scans = 0
        for step in job["steps"]:
            if not gh_condition(step.get("if"), event, failed):
                continue
            if "uses" in step:
                action = step["uses"].split("@")[0]
                if action == "github/codeql-action/upload-sarif":
                    check_sarif(os.path.join(repo, step["with"]["sarif_file"]), "github upload-sarif", "no-cn-origin")
                elif action == "actions/upload-artifact":
                    check_artifacts([step["with"]["path"]], repo, "github upload-artifact", written)
                elif action != "actions/checkout":
                    fail("github: unknown action %s" % action)
                continue
            step_env = dict(env)
            for k, v in (step.get("env") or {}).items():
                if v == "${{ github.event.pull_request.base.sha }}":
                    v = base
                elif "${{" in str(v):
                    raise SystemExit("check_ci_templates: unsupported env expression %r" % v)
                step_env[k] = str(v)
            j.env = step_env
            for command in commands_of(step["run"]):
                expect = (0,)
                if command.startswith("modelprov scan"):
                    expect = (scan_exit,)
                    scans += 1
                if j.run(command, expect) != 0:
                    failed = True
                    break
        if scans != 1:
            fail("github %s: %d scan commands ran, expected 1" % (event, scans))
        if event == "pull_request":
            if not os.path.exists(summary) or "BAAI/bge-large-en-v1.5" not in open(summary).read():
                fail("github: the step summary lacks the new model")
        check_installs(j, "github " + event)


# ---------------------------------------------------------------- GitLab

def gl_rule_matches(rules, event):
    for rule in rules:
        cond = rule["if"]
        if cond == '$CI_PIPELINE_SOURCE == "merge_request_event"':
            if event == "merge_request":
                return True
        elif cond == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH":
            if event == "push":
                return True
        else:
            raise SystemExit("check_ci_templates: unsupported rule %r" % cond)
    return False


def run_gitlab(template, binary_dir, root, base_env):
    ci = yaml.safe_load(open(template))
    jobs = {k: v for k, v in ci.items() if not k.startswith(".")}
    for event, written in (
        ("merge_request", ["modelprov.md", "modelprov.sarif", "modelprov.json"]),
        ("push", ["modelprov-inventory.json", "modelprov.cdx.json"]),
    ):
        selected = [(n, j) for n, j in jobs.items() if gl_rule_matches(j.get("rules", []), event)]
        if len(selected) != 1:
            fail("gitlab %s: %d jobs run, expected 1" % (event, len(selected)))
            continue
        name, job = selected[0]
        if "extends" in job:
            merged = dict(ci[job["extends"]])
            merged.update(job)
            job = merged
        if job.get("image") != "debian:12":
            fail("gitlab %s: the job does not run in debian:12" % name)
        print("gitlab %s (%s):" % (name, event))
        work = tempfile.mkdtemp(dir=root, prefix="gl-%s-" % event)
        env = dict(base_env, HOME=os.path.join(work, "home"))
        os.makedirs(env["HOME"])
        repo, base = make_fixture(work, env)
        env.update({k: str(v) for k, v in (job.get("variables") or {}).items()})
        env.update(CI_PROJECT_DIR=repo, CI="true", CI_DEFAULT_BRANCH="main",
                   CI_PIPELINE_SOURCE="merge_request_event" if event == "merge_request" else "push")
        if event == "merge_request":
            env["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = base
        else:
            env["CI_COMMIT_BRANCH"] = "main"
        j = Job("gitlab " + name, repo, env)
        # before_script and script run in one shell, stopping at the first
        # failure; after_script runs in a new shell whatever happened.
        lines = list(job.get("before_script", [])) + list(job["script"])
        script = []
        for line in lines:
            for command in commands_of(line):
                if any(p.search(command) for p in INSTALL_COMMANDS):
                    j.run(command)  # recorded as substituted
                else:
                    script.append(command)
        scans = [c for c in script if c.startswith("modelprov scan")]
        if len(scans) != 1:
            fail("gitlab %s: %d scan commands, expected 1" % (name, len(scans)))
        # One shell, as the runner does; the scan's exit status is the job's.
        expect = (1,) if event == "merge_request" else (0,)
        j.run("\n".join(script), expect)
        for line in job.get("after_script", []):
            for command in commands_of(line):
                j.run(command)
        artifacts = job.get("artifacts", {})
        paths = artifacts.get("paths", [])
        check_artifacts(paths, repo, "gitlab %s artifacts" % name, written)
        for p in paths:
            if p.endswith(".sarif"):
                check_sarif(os.path.join(repo, p), "gitlab %s artifact" % name, "no-cn-origin")
        if event == "merge_request" and artifacts.get("when") != "always":
            fail("gitlab %s: artifacts are not kept when the policy fails the job (when: always)" % name)
        check_installs(j, "gitlab " + event)


def check_installs(job, label):
    if not any(c.startswith("cmake --install") for c in job.substituted):
        fail("%s: no `cmake --install` step found to substitute with the binary under test" % label)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    doc = open(os.path.join(source, "docs/ci.md")).read()
    templates = {
        "github": os.path.join(source, "docs/ci/github-workflow.yml"),
        "gitlab": os.path.join(source, "docs/ci/gitlab-ci.yml"),
    }
    for label, path in templates.items():
        text = open(path).read()
        if "```yaml\n" + text + "```" not in doc:
            fail("docs/ci.md does not quote %s verbatim in a ```yaml block" % os.path.relpath(path, source))

    root = tempfile.mkdtemp(prefix="modelprov-ci-templates.")
    try:
        bindir = os.path.join(root, "bin")
        os.makedirs(bindir)
        os.symlink(binary, os.path.join(bindir, "modelprov"))
        base_env = {
            "PATH": bindir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "GIT_AUTHOR_NAME": "ci", "GIT_AUTHOR_EMAIL": "ci@example.invalid",
            "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@example.invalid",
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        for k in ("TMPDIR", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
            if k in os.environ:
                base_env[k] = os.environ[k]
        run_github(templates["github"], bindir, root, base_env)
        run_gitlab(templates["gitlab"], bindir, root, base_env)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ci templates: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
