"""Reading method files: encodings, line ends, front-matter fences, and what may stand in methods/."""

from __future__ import annotations

import os

import pytest

from helpers import method_text
from metodbank import Settings, load_project
from metodbank.core.loader import load_source


def keys(problems):
    return [(p.path, p.line, p.code) for p in problems]


def test_bom_and_crlf_are_accepted(project):
    text = method_text().replace("\n", "\r\n")
    (project / "methods" / "med-bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = load_project(Settings.for_root(project))
    assert keys(result.problems) == []
    assert result.catalogue.get("med-bom").title == "Exempelmetod"


def test_lines_count_from_the_file_start():
    source, problems = load_source("methods/x.md", "x", method_text().encode())
    assert problems == []
    assert source.line("summary") == 3
    assert source.body_line > 20


@pytest.mark.parametrize(
    ("raw", "line", "code"),
    [
        (b"", 1, "empty-file"),
        (b"   \n\n", 1, "empty-file"),
        (b"title: x\n", 1, "missing-front-matter"),
        (b"---\ntitle: x\n", 1, "unclosed-front-matter"),
        (b"---\n---\n## Syfte\n", 1, "empty-front-matter"),
        (b"---\n- a\n- b\n---\n", 2, "front-matter-not-mapping"),
        (b"---\njust text\n---\n", 2, "front-matter-not-mapping"),
        (b"---\ntitle: ok\nsummary: caf\xe9\n---\n", 3, "not-utf8"),
        (b"---\ntitle: a\x00\n---\n", 2, "binary-file"),
        (b"---\ntitle: x\n  bad: indent\n---\n", 3, "yaml-syntax"),
    ],
)
def test_unreadable_files_give_one_problem(raw, line, code):
    source, problems = load_source("methods/x.md", "x", raw)
    assert source is None
    assert keys(problems) == [("methods/x.md", line, code)]


def test_folder_entries_that_are_not_methods(project):
    methods = project / "methods"
    (methods / "notes.txt").write_text("x", encoding="utf-8")
    (methods / "Stor-Bokstav.md").write_text(method_text(), encoding="utf-8")
    (methods / "sub").mkdir()
    (methods / "riktig.md").write_text(method_text(), encoding="utf-8")
    os.symlink(methods / "riktig.md", methods / "lank.md")
    (methods / ".gitkeep").write_text("", encoding="utf-8")
    result = load_project(Settings.for_root(project))
    assert keys(result.problems) == [
        ("methods/Stor-Bokstav.md", 0, "bad-file-name"),
        ("methods/lank.md", 0, "symlink"),
        ("methods/notes.txt", 0, "not-markdown"),
        ("methods/sub", 0, "unexpected-directory"),
    ]
    assert "stor-bokstav.md" in result.problems[0].message


def test_oversized_file(project):
    (project / "methods" / "stor.md").write_text(method_text(body="x" * 300_000), encoding="utf-8")
    result = load_project(Settings.for_root(project))
    assert keys(result.problems) == [("methods/stor.md", 0, "file-too-large")]


def test_missing_methods_folder(tmp_path):
    (tmp_path / "vocabulary.yml").write_text("phases: {}\n", encoding="utf-8")
    result = load_project(Settings.for_root(tmp_path))
    assert ("methods", 0, "missing-methods-dir") in keys(result.problems)
