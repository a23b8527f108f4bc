"""ProperDocs builds the same handbook as MkDocs (issue 14, builder durability; ARCHITECTURE.md says why).

ProperDocs (PyPI `properdocs`) continues MkDocs 1.x: it reads our `mkdocs.yml`, loads `hooks:` and the Material
theme. This test builds the real handbook with it and compares every file with the MkDocs build, so that we know
switching the command is enough while MkDocs 1.x is pinned and no longer developed.

ProperDocs runs in its own process: its command line makes every `mkdocs` module an alias of `properdocs`
(properdocs/replacement.py sets sys.modules["mkdocs"]), which must never happen inside this session's MkDocs builds.

Normalisations (the only ones; anything else that differs fails the test):
- HTML: the `<meta name="generator">` tag. Material writes "mkdocs-{{ mkdocs_version }}" and ProperDocs passes
  "ProperDocs <version>" as mkdocs_version (properdocs/commands/build.py). The test checks that each build wrote
  its own name there, so a ProperDocs run that silently used MkDocs fails.
- sitemap.xml.gz: compared decompressed. The gzip header holds the build day (mkdocs.utils.get_build_timestamp),
  which differs when the two builds fall on each side of midnight UTC.
"""

from __future__ import annotations

import difflib
import gzip
import importlib.util
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from helpers import REPO

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def normalise(path: Path) -> bytes:
    """The file's bytes with only what legitimately differs between the two builders taken out."""
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        return gzip.decompress(data)
    if path.suffix == ".html":
        return GENERATOR.sub('<meta name="generator" content="">', data.decode("utf-8"), count=1).encode("utf-8")
    return data


def generator(path: Path) -> str:
    found = GENERATOR.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory, request) -> Path:
    """The real handbook built by `properdocs build --strict`, started while the MkDocs build runs."""
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail("ProperDocs is missing: install the test extra (.venv/bin/pip install -e '.[test]')")
    site = tmp_path_factory.mktemp("properdocs") / "site"
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
               "-d", str(site)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        request.getfixturevalue("built_site")  # the MkDocs build (shared with the browser tests) meanwhile
    finally:
        output, _ = process.communicate()
    assert process.returncode == 0, output
    assert [line for line in output.splitlines() if "WARNING" in line] == [], output
    return site


def test_properdocs_writes_the_same_files(properdocs_site, built_site):
    assert files(properdocs_site) == files(built_site)


def test_each_file_is_the_same_apart_from_the_generator(properdocs_site, built_site):
    pages = sorted(name for name in files(built_site) if name.endswith(".html"))
    assert "metoder/index.html" in pages and "utskrift/hela-handboken/index.html" in pages
    assert {generator(built_site / name).split(",")[0] for name in pages} == {f"mkdocs-{version('mkdocs')}"}
    assert {generator(properdocs_site / name).split(",")[0] for name in pages} == {
        f"mkdocs-ProperDocs {version('properdocs')}"}

    different = [name for name in sorted(files(built_site) & files(properdocs_site))
                 if normalise(built_site / name) != normalise(properdocs_site / name)]
    if different:
        first = different[0]
        diff = difflib.unified_diff(
            normalise(built_site / first).decode("utf-8", "replace").splitlines(),
            normalise(properdocs_site / first).decode("utf-8", "replace").splitlines(),
            "mkdocs/" + first, "properdocs/" + first, lineterm="", n=1)
        pytest.fail(f"{len(different)} files differ: {different[:10]}\n" + "\n".join(list(diff)[:40]))


def test_the_normalisation_hides_only_the_generator(tmp_path):
    """Two pages that differ in the generator only are equal; any other change is still seen."""
    page = '<head>\n<meta name="generator" content="{}">\n<title>{}</title>\n</head>\n'
    mkdocs, properdocs, other = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    mkdocs.write_text(page.format("mkdocs-1.6.1, mkdocs-material-9.8.2", "Start"), encoding="utf-8")
    properdocs.write_text(page.format("mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2", "Start"), encoding="utf-8")
    other.write_text(page.format("mkdocs-1.6.1, mkdocs-material-9.8.2", "Starta"), encoding="utf-8")
    assert normalise(mkdocs) == normalise(properdocs)
    assert normalise(mkdocs) != normalise(other)
    (tmp_path / "a.css").write_text('<meta name="generator" content="x">', encoding="utf-8")
    (tmp_path / "b.css").write_text('<meta name="generator" content="y">', encoding="utf-8")
    assert normalise(tmp_path / "a.css") != normalise(tmp_path / "b.css")
