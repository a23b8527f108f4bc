"""The files GitHub reads (.github/) and the JSON Schema for editors (schema/) pass the tools made for them.

- check-jsonschema with its vendored schemas for issue forms, the issue-template chooser, workflows and
  Dependabot, and --check-metaschema on every JSON Schema in schema/;
- zizmor --offline on every workflow: no finding above "low";
- our own rules for the workflows (least permissions per job, no untrusted text in `run:` scripts, pinned
  actions, and the preview publisher never checks out or runs the pull request's code);
- the gh-pages publishing scripts, run against a local git repository.

Every file under .github/ and schema/ must be covered by one of these checks, so a workflow or template added
later is checked as soon as it exists (or this test says how to classify it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from metodbank.contribute import derived
from metodbank.core.vocabulary import load_vocabulary

BIN = Path(sys.executable).parent
GITHUB = REPO / ".github"
NOT_CHECKED = {".github/pull_request_template.md"}  # Markdown shown as text by GitHub; nothing to validate
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
UNTRUSTED_TRIGGERS = {"workflow_run", "pull_request_target"}
WRITE_ALLOWED = {  # (workflow file, job) → the write permissions it may have; everything else is read-only
    ("deploy.yml", "publish"): {"contents"},
    ("preview.yml", "publish"): {"contents", "pull-requests"},
    # A maintainer's label turns an issue into a branch, a pull request and a comment on the issue.
    ("issue-to-pr.yml", "convert"): {"contents", "pull-requests", "issues"},
}


def tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    assert found, f"{name} saknas; installera testberoendena: pip install -e '.[test]'"
    return found


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def classify(path: Path) -> str | None:
    """The check-jsonschema schema for a file under .github/ or schema/, 'metaschema', or None."""
    name = rel(path)
    if name.startswith("schema/") and name.endswith(".json"):
        return "metaschema"
    if re.fullmatch(r"\.github/workflows/[^/]+\.ya?ml", name):
        return "vendor.github-workflows"
    if re.fullmatch(r"\.github/ISSUE_TEMPLATE/config\.ya?ml", name):
        return "vendor.github-issue-config"
    if re.fullmatch(r"\.github/ISSUE_TEMPLATE/[^/]+\.ya?ml", name):
        return "vendor.github-issue-forms"
    if re.fullmatch(r"\.github/dependabot\.ya?ml", name):
        return "vendor.dependabot"
    return None


def all_files() -> list[Path]:
    return sorted(p for root in (GITHUB, REPO / "schema") for p in root.rglob("*") if p.is_file())


def workflows() -> list[Path]:
    return sorted(p for p in (GITHUB / "workflows").glob("*.y*ml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as True
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


# -- the tools GitHub users run -------------------------------------------------------------------------

def test_every_file_in_github_and_schema_has_a_check():
    unclassified = [rel(p) for p in all_files() if classify(p) is None and rel(p) not in NOT_CHECKED]
    assert unclassified == [], "lägg till en kontroll för de här filerna i classify() eller NOT_CHECKED"
    assert {classify(p) for p in all_files()} >= {"metaschema", "vendor.github-workflows",
                                                   "vendor.github-issue-forms"}


def test_check_jsonschema_accepts_every_file():
    groups: dict[str, list[str]] = {}
    for path in all_files():
        kind = classify(path)
        if kind:
            groups.setdefault(kind, []).append(str(path))
    for kind, files in groups.items():
        args = ["--check-metaschema"] if kind == "metaschema" else ["--builtin-schema", kind]
        result = subprocess.run([tool("check-jsonschema"), *args, *files], capture_output=True, text=True)
        assert result.returncode == 0, f"{kind}:\n{result.stdout}{result.stderr}"


def test_check_jsonschema_rejects_the_old_issue_form_ids(tmp_path):
    """The check above can fail: the form as it was (ids with å/ä/ö) is rejected."""
    form = (GITHUB / "ISSUE_TEMPLATE" / "foresla-en-metod.yml").read_text(encoding="utf-8")
    broken = tmp_path / "form.yml"
    broken.write_text(form.replace("id: section-forankring", "id: section-förankring"), encoding="utf-8")
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms",
                             str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "section-förankring" in result.stdout


def zizmor(*paths: Path) -> list[dict]:
    result = subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--format", "json",
                             *(str(p) for p in paths)], capture_output=True, text=True)
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_above_low():
    findings = zizmor(GITHUB / "workflows")
    serious = [(f["ident"], f["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"])
               for f in findings if f["determinations"]["severity"] not in ("Informational", "Low")]
    assert serious == []


def test_zizmor_is_ignored_only_for_the_publisher_trigger():
    """An ignore comment hides a finding, so only the one reasoned exception is allowed."""
    for path in workflows():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "zizmor: ignore" in line:
                assert re.search(r"^\s*(workflow_run|pull_request_target):\s+# zizmor: ignore\[dangerous-triggers\] --",
                                 line), f"{path.name}: {line.strip()}"


def test_zizmor_catches_an_unpinned_action_and_persisted_credentials(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "name: x\non: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
        "    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n", encoding="utf-8")
    idents = {f["ident"] for f in zizmor(folder)
              if f["determinations"]["severity"] not in ("Informational", "Low")}
    assert {"unpinned-uses", "artipacked"} <= idents


# -- the issue form generator ------------------------------------------------------------------------------

def test_generated_issue_form_ids_are_ascii_and_unique():
    vocabulary, problems = load_vocabulary(REPO)
    assert problems == []
    form = yaml.safe_load(derived.build_issue_form(vocabulary))
    ids = [item["id"] for item in form["body"] if "id" in item]
    labels = [item["attributes"]["label"] for item in form["body"] if "label" in item["attributes"]]
    assert all(re.fullmatch(r"[a-zA-Z0-9_-]+", i) for i in ids), ids
    assert "section-forankring" in ids and "section-kallor-och-vidare-lasning" in ids
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)


@pytest.mark.parametrize("body", [
    [{"id": "section-förankring", "attributes": {"label": "A"}}],
    [{"id": "a", "attributes": {"label": "A"}}, {"id": "a", "attributes": {"label": "B"}}],
    [{"id": "a", "attributes": {"label": "A"}}, {"id": "b", "attributes": {"label": "A"}}],
])
def test_generator_refuses_to_write_a_form_github_would_refuse(body):
    with pytest.raises(ValueError, match="issue form would be invalid"):
        derived._check_form_body(body)


# -- our rules for the workflows ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", workflows(), ids=lambda p: p.name)
def test_permissions_are_per_job_and_least(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, "sätt permissions: {} överst och ge varje jobb sina egna"
    pull_request = "pull_request" in triggers(workflow)
    for job_id, job in workflow["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{job_id}: jobbet saknar egna permissions"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        allowed = set() if pull_request else WRITE_ALLOWED.get((path.name, job_id), set())
        assert writes <= allowed, (f"{job_id}: {sorted(writes - allowed)}; behöver jobbet verkligen skriva, lägg till "
                                   "det i WRITE_ALLOWED med en motivering (aldrig i ett pull_request-arbetsflöde)")
        assert "id-token" not in permissions or permissions["id-token"] == "none", job_id


@pytest.mark.parametrize("path", workflows(), ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_and_checkout_keeps_no_token(path):
    text = path.read_text(encoding="utf-8")
    for job_id, step in steps(load(path)):
        uses = step.get("uses")
        if uses is None:
            continue
        assert SHA_PIN.match(uses), f"{job_id}: {uses} är inte låst till en commit"
        line = next(line for line in text.splitlines() if uses in line)
        assert re.search(r"# v\d+", line), f"{job_id}: versionen saknas i kommentaren efter {uses}"
        if uses.startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, job_id


@pytest.mark.parametrize("path", workflows(), ids=lambda p: p.name)
def test_no_expression_inside_run_scripts(path):
    """Pull-request and issue text reaches scripts only through env, never pasted into the script."""
    for job_id, step in steps(load(path)):
        script = step.get("run", "")
        assert "${{" not in script, f"{job_id}: {step.get('name')}: använd env i stället för ${{{{ … }}}} i run"


def test_expression_check_would_catch_pull_request_text(tmp_path):
    workflow = {"on": "pull_request", "jobs": {"a": {"steps": [{"run": "echo ${{ github.event.pull_request.title }}"}]}}}
    scripts = [step["run"] for _, step in steps(workflow)]
    assert any("${{" in s for s in scripts)


def publisher_workflows() -> list[Path]:
    return [p for p in workflows() if triggers(load(p)) & UNTRUSTED_TRIGGERS]


RUNS_CODE = re.compile(r"\b(pip|python3?|metodbank|mkdocs|npm|npx|node|make|bash|sh|source|chmod|eval)\b|\.venv"
                       r"|(^|[;&|(]|\bthen|\bdo)\s*\"?(\.{1,2}/|\$RUNNER_TEMP|\$\{?GITHUB_WORKSPACE)", re.MULTILINE)


def test_the_preview_publisher_never_checks_out_or_runs_pull_request_code():
    publishers = publisher_workflows()
    assert [p.name for p in publishers] == ["preview.yml"]
    for path in publishers:
        for job_id, step in steps(load(path)):
            assert "uses" not in step, f"{job_id}: {step['uses']} (utgivaren använder inga actions)"
            script = step.get("run", "")
            assert not RUNS_CODE.search(script), f"{job_id}: {RUNS_CODE.search(script).group(0)!r} i {step.get('name')}"
            assert "git checkout" not in script and "gh pr checkout" not in script


def test_the_publisher_follows_a_workflow_that_exists():
    names = {load(p)["name"] for p in workflows()}
    for path in publisher_workflows():
        assert set(load(path)["on"]["workflow_run"]["workflows"]) <= names, path.name


def test_the_pull_request_workflow_checks_content_before_tests():
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    content = workflow["jobs"]["content"]["steps"]
    runs = [s.get("run", "") for s in content]
    check = next(i for i, r in enumerate(runs) if "metodbank check --format github" in r)
    assert not any("scripts/test.sh" in r or "pytest" in r for r in runs[:check])
    assert all(s.get("if", "").startswith("always()") for s in content[check + 1:]), "kör resten även när kontrollen hittar fel"
    tests = workflow["jobs"]["tests"]
    assert tests["needs"] == "content" and tests["if"].startswith("always()")


# -- the gh-pages publishing scripts, run against a local repository ------------------------------------------

def step_script(path: Path, name_part: str) -> str:
    for _, step in steps(load(path)):
        if name_part in step.get("name", ""):
            return step["run"]
    raise AssertionError(f"{path.name}: inget steg med {name_part!r}")


@pytest.fixture
def pages_remote(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git saknas")
    remote = tmp_path / "server" / "org" / "metodbanken.git"
    remote.parent.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    return remote


def run_script(script: str, tmp_path: Path, remote: Path, **env: str) -> None:
    runner = tmp_path / f"runner-{len(list(tmp_path.glob('runner-*')))}"
    runner.mkdir()
    environment = {**os.environ, "GH_TOKEN": "test", "GITHUB_SERVER_URL": f"file://{remote.parent.parent}",
                   "GITHUB_REPOSITORY": "org/metodbanken", "GITHUB_SHA": "abc123", "RUNNER_TEMP": str(runner),
                   "GIT_CONFIG_GLOBAL": os.devnull, **env}
    if "SITE" in env:
        shutil.copytree(env["SITE"], runner / "site")
    subprocess.run(["bash", "-c", script], check=True, env=environment, capture_output=True, text=True)


def branch_files(remote: Path) -> set[str]:
    out = subprocess.run(["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_deploy_and_previews_share_the_gh_pages_branch(tmp_path, pages_remote):
    deploy = step_script(GITHUB / "workflows" / "deploy.yml", "Publicera på gh-pages")
    preview = step_script(GITHUB / "workflows" / "preview.yml", "pr-N/")
    site = tmp_path / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "index.html").write_text("start", encoding="utf-8")
    (site / "pdf" / "metodbanken-hela-handboken.pdf").write_text("pdf", encoding="utf-8")
    run_script(deploy, tmp_path, pages_remote, SITE=str(site))  # the branch does not exist yet
    assert branch_files(pages_remote) == {".nojekyll", "index.html", "pdf/metodbanken-hela-handboken.pdf"}

    preview_site = tmp_path / "preview"
    (preview_site / "metoder" / "ny").mkdir(parents=True)
    (preview_site / "metoder" / "ny" / "index.html").write_text("ny", encoding="utf-8")
    run_script(preview, tmp_path, pages_remote, SITE=str(preview_site), PR="12", ACTION="publish")
    assert "pr-12/metoder/ny/index.html" in branch_files(pages_remote)

    (site / "index.html").write_text("start 2", encoding="utf-8")
    (site / "pdf" / "metodbanken-hela-handboken.pdf").unlink()
    run_script(deploy, tmp_path, pages_remote, SITE=str(site))  # main changes: the preview stays
    assert branch_files(pages_remote) == {".nojekyll", "index.html", "pr-12/metoder/ny/index.html"}

    run_script(preview, tmp_path, pages_remote, SITE=str(preview_site), PR="13", ACTION="publish")
    fake_gh = tmp_path / "bin" / "gh"
    fake_gh.parent.mkdir()
    fake_gh.write_text('#!/usr/bin/env bash\n[ "$2" = repos/org/metodbanken/pulls/13 ] && echo closed || echo open\n',
                       encoding="utf-8")
    fake_gh.chmod(0o755)
    run_script(deploy, tmp_path, pages_remote, SITE=str(site), PATH=f"{fake_gh.parent}:{os.environ['PATH']}")
    assert "pr-12/metoder/ny/index.html" in branch_files(pages_remote)  # open: kept
    assert not any(f.startswith("pr-13/") for f in branch_files(pages_remote))  # closed, removal missed: gone

    run_script(preview, tmp_path, pages_remote, PR="12", ACTION="remove")
    assert branch_files(pages_remote) == {".nojekyll", "index.html"}
    commits = subprocess.run(["git", "--git-dir", str(pages_remote), "rev-list", "--count", "gh-pages"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert commits == "1"  # the branch never grows a history


FAKE_GH = r"""#!/usr/bin/env bash
# Stands in for the GitHub CLI: artifacts from $FAKE_ARTIFACTS/<name>, answers from $FAKE_PULL and $FAKE_PAGES.
if [ "$1 $2" = "run download" ]; then
  while [ $# -gt 0 ]; do
    case "$1" in --name) name="$2"; shift ;; --dir) dir="$2"; shift ;; esac
    shift
  done
  [ -d "$FAKE_ARTIFACTS/$name" ] || { echo "no artifact $name" >&2; exit 1; }
  mkdir -p "$dir" && cp -R "$FAKE_ARTIFACTS/$name/." "$dir/"
  exit 0
fi
if [ "$1" = api ]; then
  case "$2" in
    */pulls/*) printf '%s\n' "$FAKE_PULL" ;;
    */pages) [ -n "$FAKE_PAGES" ] && printf '%s\n' "$FAKE_PAGES" || exit 1 ;;
  esac
  exit 0
fi
exit 2
"""


def run_info_step(tmp_path: Path, pr: str, action: str, pull: str, pages: str = "") -> tuple[int, dict[str, str]]:
    """Run preview.yml's first step with a fake `gh`; (exit code, step outputs)."""
    script = step_script(GITHUB / "workflows" / "preview.yml", "Hämta och kontrollera")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    info = tmp_path / "artifacts" / "forhandsvisning"
    info.mkdir(parents=True, exist_ok=True)
    (info / "pr").write_text(pr, encoding="utf-8")
    (info / "action").write_text(action, encoding="utf-8")
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    runner = tmp_path / "runner"
    shutil.rmtree(runner, ignore_errors=True)
    runner.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GITHUB_REPOSITORY": "Org/bank",
           "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(runner), "RUN_ID": "1", "HEAD_SHA": "a" * 40,
           "GH_TOKEN": "test", "FAKE_ARTIFACTS": str(tmp_path / "artifacts"), "FAKE_PULL": pull, "FAKE_PAGES": pages}
    result = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
    return result.returncode, outputs


def test_the_publisher_trusts_the_number_only_when_github_confirms_it(tmp_path):
    code, out = run_info_step(tmp_path, "12\n", "publish\n", f"{'a' * 40} open")
    assert code == 0 and out == {"pr": "12", "action": "publish", "url": "https://org.github.io/bank/pr-12/"}
    code, out = run_info_step(tmp_path, "12", "publish", f"{'a' * 40} open", pages="https://metoder.example.se/")
    assert out["url"] == "https://metoder.example.se/pr-12/"
    code, out = run_info_step(tmp_path, "12", "remove", f"{'a' * 40} closed")
    assert code == 0 and out["action"] == "remove"
    # another pull request's number, or a stale run: GitHub's head commit differs, nothing is published
    code, out = run_info_step(tmp_path, "13", "publish", f"{'b' * 40} open")
    assert code == 0 and out == {"action": "none"}
    code, out = run_info_step(tmp_path, "12", "remove", f"{'a' * 40} open")  # not closed: keep the preview
    assert code == 0 and out == {"action": "none"}
    for pr, action in (("../12", "publish"), ("12; rm -rf /", "publish"), ("12", "publish; x"), ("", "remove")):
        code, out = run_info_step(tmp_path, pr, action, f"{'a' * 40} open")
        assert code == 1 and "pr" not in out, (pr, action)
