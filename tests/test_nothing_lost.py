"""Nothing is lost: `new` never overwrites, builds never write into sources, a failed build keeps the old site."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, make_method, make_project, run_in_process, tree, write_config
from metodbank.adapters.cli import main

TODAY = datetime.date(2026, 11, 23)


def sources(root: Path) -> dict[str, str]:
    result = tree(root, "methods", "handbook")
    for name in ("vocabulary.yml", "mkdocs.yml"):
        result[name] = hashlib.sha256((root / name).read_bytes()).hexdigest()
    return result


def metodbank(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`metodbank --root ROOT ARGS` through the command's entry point in this process (helpers.run_in_process);
    test_check_and_builds_never_change_sources also runs `mkdocs build` in a process of its own."""
    return run_in_process(root, "-m", "metodbank", "--root", str(root), *args)


@pytest.fixture
def site_project(tmp_path):
    root = make_project(tmp_path / "project", fixture="minimal")
    write_config(root)
    return root


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


# -- metodbank new ------------------------------------------------------------------------------------


def new(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--root", str(project), "new", *args], stdin=io.StringIO(""), today=TODAY)
    return code, capsys.readouterr().err


def test_new_refuses_a_symlink_with_the_same_name(project, capsys, tmp_path):
    outside = tmp_path / "utanfor.md"
    os.symlink(outside, project / "methods" / "sprakcafe.md")
    before = tree(project)
    code, err = new(project, capsys, "--title", "Språkcafé", "--phase", "delivery")
    assert code == 1 and "finns redan" in err
    assert not outside.exists()  # nothing written through the link
    assert tree(project) == before


def test_new_refuses_a_folder_with_the_same_name(project, capsys):
    (project / "methods" / "sprakcafe.md").mkdir()
    before = tree(project)
    code, err = new(project, capsys, "--title", "Språkcafé", "--phase", "delivery")
    assert code == 1 and "finns redan" in err
    assert tree(project) == before


def test_new_with_an_explicit_id_never_overwrites(project, capsys):
    path = make_method(project, "eget-id")
    before = tree(project)
    code, err = new(project, capsys, "eget-id", "--title", "Något helt annat", "--phase", "anchoring")
    assert code == 1 and "methods/eget-id.md finns redan" in err
    assert tree(project) == before
    assert "Eget id" in path.read_text(encoding="utf-8")


def test_new_does_not_overwrite_a_file_that_appears_after_the_check(project, capsys, monkeypatch):
    """The name check and the write are separate steps; the write itself refuses to replace a file."""
    path = project / "methods" / "sprakcafe.md"
    path.write_text("skrivet av någon annan", encoding="utf-8")
    real_iterdir = pathlib.Path.iterdir
    monkeypatch.setattr(pathlib.Path, "iterdir",
                        lambda self: iter(()) if self.name == "methods" else real_iterdir(self))
    code, err = new(project, capsys, "--title", "Språkcafé", "--phase", "delivery")
    assert code == 1 and "inget skrevs över" in err
    assert path.read_text(encoding="utf-8") == "skrivet av någon annan"


def test_new_writes_only_the_new_file(project, capsys):
    make_method(project, "finns")
    before = tree(project)
    code, _ = new(project, capsys, "--title", "Helt ny metod", "--phase", "follow_up")
    assert code == 0
    after = tree(project)
    assert set(after) - set(before) == {"methods/helt-ny-metod.md"}
    assert {k: v for k, v in after.items() if k in before} == before


# -- builds never write into sources --------------------------------------------------------------------


def test_check_and_builds_never_change_sources(site_project):
    before = sources(site_project)
    mtimes = {p: p.stat().st_mtime_ns for p in (site_project / "methods").iterdir()}
    assert metodbank(site_project, "check").returncode == 0
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site_project,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO / "hooks")))
    assert result.returncode == 0, result.stderr
    result = metodbank(site_project, "build", "--strict", "--site-dir", "ut/webb")  # a folder not there yet
    assert result.returncode == 0, result.stderr
    assert sources(site_project) == before
    assert {p: p.stat().st_mtime_ns for p in (site_project / "methods").iterdir()} == mtimes
    assert (site_project / "ut" / "webb" / "metoder" / "ova-pa-plats" / "index.html").is_file()
    assert sorted(p.name for p in (site_project / "ut").iterdir()) == ["webb"]  # no temporary folder left


# -- metodbank build: a failed build leaves the previous site untouched ---------------------------------


def test_failed_build_leaves_the_previous_site_untouched(site_project):
    first = metodbank(site_project, "build", "--strict")
    assert first.returncode == 0, first.stderr
    assert "Byggde webbplatsen i site." in first.stderr
    site_before = tree(site_project, "site")
    assert "site/metoder/ova-pa-plats/index.html" in site_before

    method = site_project / "methods" / "ova-pa-plats.md"
    method.write_text(method.read_text(encoding="utf-8").replace("title: Öva på plats", "title: [x"),
                      encoding="utf-8")
    sources_before = sources(site_project)
    failed = metodbank(site_project, "build", "--strict")
    assert failed.returncode == 1
    assert "methods/ova-pa-plats.md:2: " in failed.stderr
    assert "site är orörd" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert tree(site_project, "site") == site_before
    assert sources(site_project) == sources_before
    assert leftovers(site_project) == []

    method.write_text(method.read_text(encoding="utf-8").replace("title: [x", "title: Öva på riktigt"),
                      encoding="utf-8")
    again = metodbank(site_project, "build", "--strict")
    assert again.returncode == 0, again.stderr
    page = (site_project / "site" / "metoder" / "ova-pa-plats" / "index.html").read_text(encoding="utf-8")
    assert "Öva på riktigt" in page
    assert leftovers(site_project) == []


def test_strict_build_with_a_warning_keeps_the_old_site(site_project):
    assert metodbank(site_project, "build", "--strict").returncode == 0
    site_before = tree(site_project, "site")
    (site_project / "handbook" / "index.md").write_text("# Start\n\nSe [saknad sida](finns-inte.md).\n",
                                                        encoding="utf-8")
    failed = metodbank(site_project, "build", "--strict")
    assert failed.returncode == 1
    assert "finns-inte.md" in failed.stderr and "site är orörd" in failed.stderr
    assert tree(site_project, "site") == site_before
    assert leftovers(site_project) == []
    relaxed = metodbank(site_project, "build")  # without --strict a warning does not stop the build
    assert relaxed.returncode == 0, relaxed.stderr
    assert tree(site_project, "site") != site_before


@pytest.mark.parametrize("site_dir", [".", "methods", "handbook", "handbook/site", ".."])
def test_build_refuses_to_write_over_sources(site_project, site_dir):
    before = tree(site_project.parent)
    result = metodbank(site_project, "build", "--site-dir", site_dir)
    assert result.returncode == 2
    assert "skulle skriva över källfilerna" in result.stderr
    assert tree(site_project.parent) == before
