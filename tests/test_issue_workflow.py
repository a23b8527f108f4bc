"""The workflows never put issue or pull-request text into a script, and "Ärende till pull request" works.

Any `${{ … }}` inside a `run:` script is pasted into the script before the shell sees it, so text a stranger
wrote (an issue title or body, a comment, a branch name) could run as a command. Such text must reach a
script through an environment variable. The second half runs the issue workflow's own scripts, with a
fake `gh`, against a local copy of the repository, for a good issue and for a bad one.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
ISSUE_WORKFLOW = REPO / ".github" / "workflows" / "issue-to-pr.yml"
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
# Contexts whose values someone outside the project can choose.
UNTRUSTED = re.compile(
    r"github\.event\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages|"
    r"workflow_run|label|release|client_payload|inputs)|github\.head_ref|steps\.[^.]+\.outputs|"
    r"needs\.[^.]+\.outputs", re.IGNORECASE)


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # "on" stays a string


def run_scripts(workflow: dict):
    for job_name, job in (workflow.get("jobs") or {}).items():
        for number, step in enumerate(job.get("steps") or []):
            if "run" in step:
                yield job_name, step.get("name", f"steg {number + 1}"), step["run"]


def test_there_are_workflows_to_check():
    assert ISSUE_WORKFLOW in WORKFLOWS
    assert len(WORKFLOWS) >= 2


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_run_script_interpolates_untrusted_text(path):
    bad = []
    for job, step, script in run_scripts(load(path)):
        for expression in EXPRESSION.findall(script):
            if UNTRUSTED.search(expression):
                bad.append(f"{job} / {step}: ${{{{{expression}}}}}")
    assert not bad, f"{path.name}: pass these through env: instead:\n" + "\n".join(bad)


def test_the_check_finds_an_interpolation():
    """The test above would fail on the classic mistake (a test that cannot fail is no test)."""
    workflow = {"jobs": {"j": {"steps": [{"run": 'echo "${{ github.event.issue.title }}"'}]}}}
    found = [e for _, _, s in run_scripts(workflow) for e in EXPRESSION.findall(s) if UNTRUSTED.search(e)]
    assert found == [" github.event.issue.title "]


def test_issue_workflow_is_started_by_the_label_and_has_least_permissions():
    workflow = load(ISSUE_WORKFLOW)
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert "github.event.label.name == 'skapa metodfil'" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    for step in job["steps"]:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] == "false"
    scripts = "\n".join(s for _, _, s in run_scripts(workflow))
    assert 'metodbank from-issue "$RUNNER_TEMP/issue.md"' in scripts
    assert "metodbank check" in scripts
    assert "Closes #${ISSUE_NUMBER}" in scripts


# -- the workflow's scripts, run for real ------------------------------------------------------------------

FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
for arg in "$@"; do
  if [ -f "$arg" ]; then cat "$arg" >> "$GH_LOG"; fi
done
if [ "$1 $2" = "pr create" ]; then echo "https://github.com/metodbanken/metodbanken/pull/99"; fi
"""


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def checkout(tmp_path):
    """A git copy of the project (like actions/checkout) with a bare "GitHub" to push to and a fake gh."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path / "work"
    work.mkdir()
    for name in ("methods", "handbook", "vocabulary.yml", "mkdocs.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    remote = tmp_path / "github.git"
    _git(tmp_path, "init", "-q", "--bare", str(remote))
    _git(work, "init", "-q", "-b", "main")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    metodbank = bin_dir / "metodbank"
    metodbank.write_text(f"#!/bin/sh\nexec {sys.executable} -m metodbank \"$@\"\n", encoding="utf-8")
    metodbank.chmod(metodbank.stat().st_mode | stat.S_IEXEC)
    return work, remote, bin_dir


def run_workflow(checkout, body: str, tmp_path: Path) -> tuple[list[str], str]:
    """Run the job's scripts in order, honouring each step's `if:` on steps.convert.outputs.ok."""
    work, remote, bin_dir = checkout
    job = next(iter(load(ISSUE_WORKFLOW)["jobs"].values()))
    temp = tmp_path / "runner"
    temp.mkdir()
    log = tmp_path / "gh.log"
    output = temp / "output"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO / "hooks"),
        "RUNNER_TEMP": str(temp),
        "GITHUB_OUTPUT": str(output),
        "GH_LOG": str(log),
        "ISSUE_NUMBER": "42",
        "ISSUE_BODY": body,
        "LABELER": "redaktor",
        "GH_TOKEN": "token",
        "GH_REPO": "metodbanken/metodbanken",
        # `git push https://…github.com/…` goes to the local bare repository instead.
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{remote.as_uri()}.insteadOf",
        "GIT_CONFIG_VALUE_0": "https://x-access-token:token@github.com/metodbanken/metodbanken.git",
    }
    ran = []
    for step in job["steps"]:
        if "run" not in step or "pip install" in step["run"]:
            continue
        ok = "ok=true" in (output.read_text() if output.exists() else "")
        condition = step.get("if", "")
        if condition == "steps.convert.outputs.ok != 'true'" and ok:
            continue
        if condition == "steps.convert.outputs.ok == 'true'" and not ok:
            continue
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True,
                                text=True)
        ran.append((step["name"], result.returncode))
        if result.returncode != 0:
            break
    return ran, log.read_text(encoding="utf-8") if log.exists() else ""


def issue_body(title: str, **answers: str) -> str:
    from test_from_issue import complete_answers, render
    from metodbank.contribute.issue import form_items
    from metodbank.core.vocabulary import load_vocabulary

    vocabulary, _ = load_vocabulary(REPO)
    form = ({"body": form_items(vocabulary)}, vocabulary)
    values = complete_answers(form)
    values.update(title=title, **answers)
    return render(form[0], values)


def test_a_labelled_issue_becomes_a_pull_request(checkout, tmp_path):
    work, remote, _ = checkout
    ran, log = run_workflow(checkout, issue_body("Promenad med `$(id)` och ${{ github.token }}"), tmp_path)
    assert ran[-1] == ("Öppna en pull request", 0), ran
    branch = "metod/promenad-med-id-och-github-token-arende-42"
    assert branch in _git(remote, "branch", "--list")
    files = _git(remote, "show", "--name-only", "--format=", branch).split()
    assert files == ["methods/promenad-med-id-och-github-token.md"]
    assert "pr create --base main --head " + branch in log
    assert "Closes #42" in log
    assert "issue comment 42 --body Tack! Förslaget finns nu som pull request: https://github.com/" in log


def test_a_bad_issue_gets_a_comment_and_nothing_is_opened(checkout, tmp_path):
    work, remote, _ = checkout
    ran, log = run_workflow(checkout, issue_body("Skuggning", summary="<script>alert(1)</script>"), tmp_path)
    assert ran[-1] == ("Kommentera problemen", 1), ran
    assert "Öppna en pull request" not in [name for name, _ in ran]
    assert "issue comment 42 --body-file" in log
    assert "methods/skuggning.md finns redan" in log
    assert 'fältet "summary" innehåller HTML' in log
    assert "pr create" not in log
    assert _git(remote, "branch", "--list") == ""
