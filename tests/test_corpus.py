"""The bad-input corpus: every broken method file gives `file:line: message` in Swedish, exit 1, no traceback.

`tests/corpus/files/` holds single bad files and `tests/corpus/dirs/` folders of files that are only bad
together (names differing in case, cycles, symlinks, files that are not methods). `tests/corpus/expected.yml`
says, for each case, which (file, line, code) problems `metodbank check` must report — exactly those — and a
fragment of the Swedish message. Each case is dropped into the methods/ folder of a fresh project and checked
by the command's own entry point in this process (`helpers.run_in_process`: `metodbank.adapters.cli.main`); cases
marked `build: true` are also built the way `mkdocs build --strict` builds, in this process, its log on stderr.
A few cases (SMOKE_CASES, BUILD_SMOKE_CASES) also run the real commands in a subprocess, so that the process
around the entry point (`python -m metodbank`, `python -m mkdocs`: exit code, stderr, no traceback) is tested too.
`tests/corpus/valid/` holds files that look odd but are valid (byte-order mark, CRLF line ends).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO, make_project, run_in_process, tree, write_config
from metodbank.core.loader import MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
LINE = re.compile(r"^(?P<path>methods/[^:]*?)(?::(?P<line>\d+))?: (?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$")
# Words from PyYAML's, Python's and MkDocs' own English messages; none of them is a Swedish word.
ENGLISH = re.compile(r"\b(the|expected|found|while|could|cannot|invalid|error|line|column|mapping|scanning|"
                     r"unexpected|not allowed|character|file)\b", re.IGNORECASE)
QUOTED = re.compile(r'"[^"]*"|<[^>]*>')  # values quoted from the file may be in any language
BUILD_CASES = [name for name, spec in EXPECTED.items() if spec.get("build")]
# Run through the real commands in a subprocess as well: a YAML error, a file that is not UTF-8, a symlink folder.
SMOKE_CASES = ["yaml-kolon-i-varde.md", "latin-1.md", "symlank/"]
BUILD_SMOKE_CASES = ["yaml-tabb-indrag.md"]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "hooks"), PYTHONIOENCODING="utf-8", NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=_env(), timeout=120)


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under methods/ and handbook/ with a hash of its bytes (or its link target, or 'dir')."""
    return tree(root, "methods", "handbook")


def install(project: Path, name: str) -> None:
    """Copy one corpus case into the project's methods/ folder (symlinks stay symlinks)."""
    methods = project / "methods"
    if name.endswith("/"):
        shutil.copytree(CORPUS / "dirs" / name.rstrip("/"), methods, symlinks=True, dirs_exist_ok=True)
    else:
        shutil.copy2(CORPUS / "files" / name, methods / name, follow_symlinks=False)


def expected_problems(name: str) -> list[tuple[str, int, str]]:
    rows = EXPECTED[name]["problems"]
    if name.endswith("/"):
        return sorted((f"methods/{path}", line, code) for path, line, code in rows)
    return sorted((f"methods/{name}", line, code) for line, code in rows)


def parse(stdout: str) -> list[dict[str, str]]:
    """Every output line as a problem; a line that is not `path:line: message [code]` fails the test."""
    found = []
    for text in stdout.splitlines():
        match = LINE.match(text)
        assert match, f"not a problem line: {text!r}"
        found.append(match.groupdict())
    return found


def assert_clean_output(result: subprocess.CompletedProcess[str]) -> None:
    both = result.stdout + result.stderr
    assert "Traceback" not in both, both
    assert "Exception" not in both and "Error:" not in result.stdout, both


@pytest.fixture
def fresh(tmp_path):
    return make_project(tmp_path / "project")


def test_corpus_is_big_enough_and_complete():
    files = {p.name for p in (CORPUS / "files").iterdir()}
    dirs = {p.name + "/" for p in (CORPUS / "dirs").iterdir()}
    assert files | dirs == set(EXPECTED), "every corpus case needs an entry in expected.yml, and the other way round"
    assert len(EXPECTED) >= 40
    assert len(BUILD_CASES) >= 10


def assert_check_reports(name: str, result: subprocess.CompletedProcess[str]) -> None:
    assert_clean_output(result)
    assert result.returncode == 1, result.stdout + result.stderr
    problems = parse(result.stdout)
    got = sorted((p["path"], int(p["line"] or 0), p["code"]) for p in problems)
    assert got == expected_problems(name), result.stdout
    fragment = EXPECTED[name]["message"]
    assert any(fragment in p["message"] for p in problems), f"{fragment!r} not in:\n{result.stdout}"
    for problem in problems:
        assert not ENGLISH.search(QUOTED.sub("", problem["message"])), problem["message"]
        assert re.search(r"[a-zåäö]{3}", problem["message"]), problem["message"]
    assert "fel" in result.stderr  # the Swedish summary line


@pytest.mark.parametrize("name", list(EXPECTED))
def test_check_reports_bad_file(fresh, name):
    install(fresh, name)
    before = snapshot(fresh)
    assert_check_reports(name, run_in_process(fresh, "-m", "metodbank", "check"))
    assert snapshot(fresh) == before


@pytest.mark.parametrize("name", SMOKE_CASES)
def test_check_command_in_a_subprocess_reports_bad_file(fresh, name):
    install(fresh, name)
    before = snapshot(fresh)
    assert_check_reports(name, run(fresh, "-m", "metodbank", "check"))
    assert snapshot(fresh) == before


def assert_build_fails_with_the_same_lines(name: str, result: subprocess.CompletedProcess[str]) -> None:
    assert_clean_output(result)
    assert result.returncode != 0
    for path, line, code in expected_problems(name):
        where = f"{path}:{line}: " if line else f"{path}: "
        assert any(where in text and text.endswith(f"[{code}]") for text in result.stderr.splitlines()), \
            result.stderr
    assert "Metodbanken:" in result.stderr and "fel i metodfilerna" in result.stderr


def assert_build_of_case_fails(fresh: Path, name: str, runner) -> None:
    """`mkdocs build --strict` of one case, run by `runner` (in this process or a new one), fails with the
    case's lines, leaves the sources as they were and writes no method page."""
    install(fresh, name)
    write_config(fresh)
    before = snapshot(fresh)
    result = runner(fresh, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh / "site"))
    assert_build_fails_with_the_same_lines(name, result)
    assert snapshot(fresh) == before
    assert not (fresh / "site" / "metoder").exists()


@pytest.mark.parametrize("name", BUILD_CASES)
def test_mkdocs_build_fails_with_the_same_lines(fresh, name):
    assert_build_of_case_fails(fresh, name, run_in_process)


@pytest.mark.parametrize("name", BUILD_SMOKE_CASES)
def test_mkdocs_build_command_in_a_subprocess_fails_with_the_same_lines(fresh, name):
    assert_build_of_case_fails(fresh, name, run)


@pytest.mark.parametrize(
    ("name", "content", "code", "fragment"),
    [
        ("for-stor.md", lambda base: base + "\n" + ("Mycket lång text om arbetet. " * 9000) + "\n",
         "file-too-large", f"högst {MAX_FILE_BYTES // 1024} kB"),
        ("for-stor-front-matter.md",
         lambda base: base.replace("status: published", "status: published\nnotes: |\n"
                                   + "  Anteckning om metoden.\n" * (MAX_FRONT_MATTER_CHARS // 20)),
         "front-matter-too-large", f"högst {MAX_FRONT_MATTER_CHARS} tillåts"),
    ],
)
def test_size_limits(fresh, name, content, code, fragment):
    base = (CORPUS / "valid" / "crlf.md").read_bytes().decode().replace("\r\n", "\n")
    (fresh / "methods" / name).write_text(content(base), encoding="utf-8")
    result = run_in_process(fresh, "-m", "metodbank", "check")
    assert_clean_output(result)
    assert result.returncode == 1
    problems = parse(result.stdout)
    assert [(p["path"], p["code"]) for p in problems] == [(f"methods/{name}", code)]
    assert fragment in problems[0]["message"]


def test_bom_and_crlf_files_are_accepted_by_check_and_build(fresh):
    for path in (CORPUS / "valid").iterdir():
        shutil.copy(path, fresh / "methods" / path.name)
    before = snapshot(fresh)
    result = run_in_process(fresh, "-m", "metodbank", "check")
    assert_clean_output(result)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    write_config(fresh)
    result = run_in_process(fresh, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh / "site"))
    assert result.returncode == 0, result.stderr
    for name in ("med-bom", "crlf", "bom-och-crlf"):
        html = (fresh / "site" / "metoder" / name / "index.html").read_text(encoding="utf-8")
        assert "<h1 id=\"lara-av-en-kollega\">Lära av en kollega" in html or ">Lära av en kollega</h1>" in html
        assert "\ufeff" not in html and "\r" not in html.split("<article", 1)[1].split("</article>", 1)[0]
        assert "Deltagaren ser hur arbetet går till i vardagen" in html
    assert snapshot(fresh) == before
