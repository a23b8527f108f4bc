"""Reading `methods/*.md`: files → `Source` (front matter data, line map, body). No validation of fields.

Owns everything about bytes and text: size limits, encodings, BOM, line ends and strict YAML; the
front-matter fences are read by source.py. Lines are converted once, here, to lines of the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlstrict
from .model import line_of
from .problems import Problem
from .source import normalize, split_front_matter
from .text import ID_PATTERN, slugify

MAX_FILE_BYTES = 256 * 1024
MAX_FRONT_MATTER_CHARS = 32 * 1024


@dataclass(frozen=True)
class Source:
    """One method file as read: its id (file name), front matter, line of every key, and body."""

    path: str  # posix, relative to the project root: "methods/skuggning.md"
    id: str
    data: dict[str, Any]
    lines: dict[tuple, int] = field(repr=False)
    body: str = field(repr=False)
    body_line: int = field(repr=False)  # file line of the body's first line
    refused: frozenset = field(default=frozenset(), repr=False)  # key paths whose YAML value was refused

    def line(self, *path: Any) -> int:
        """The file line of a key path, falling back to its closest recorded parent, else line 1."""
        return line_of(self.lines, path)


def method_entries(methods_dir: Path) -> list[os.DirEntry]:
    """The folder's entries that are not hidden, sorted by name (file types come with the listing)."""
    try:
        with os.scandir(methods_dir) as listing:
            return sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    except FileNotFoundError:
        return []


def load_sources(root: Path, methods_dir: Path, cache: dict | None = None) -> tuple[list[Source], list[Problem]]:
    """Read every method file; return the readable ones and the problems of all of them.

    With `cache` (a dict the caller keeps), a file whose path and bytes are unchanged is not parsed again.
    """
    loaded = cache.get("loaded", {}) if cache is not None else {}
    kept: dict = {}
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    if not methods_dir.is_dir():
        rel = _relative(root, methods_dir)
        return [], [Problem(rel, 0, "missing-methods-dir", f"mappen {rel} saknas; skapa den eller kör i projektets rot")]
    folder = _relative(root, methods_dir)
    for entry in method_entries(methods_dir):
        rel = f"{folder}/{entry.name}"
        problem = _check_entry(entry, rel)
        if problem:
            problems.append(problem)
            continue
        stem = entry.name[:-len(".md")]
        clash = seen.get(stem.lower())
        if clash:
            problems.append(Problem(rel, 0, "case-collision", f"filnamnet krockar med {clash} (stora och små "
                                    "bokstäver räknas som samma); byt namn på den ena filen"))
        seen.setdefault(stem.lower(), rel)
        with open(entry.path, "rb") as handle:
            raw = handle.read()
        key = (rel, raw)
        source, more = kept[key] = loaded.get(key) or load_source(rel, stem, raw)
        problems.extend(more)
        if source is not None:
            sources.append(source)
    if cache is not None:
        cache["loaded"] = kept  # only the files of this run: a changed file's old result is dropped
    return sources, problems


def _check_entry(entry: os.DirEntry, rel: str) -> Problem | None:
    if entry.is_symlink():
        return Problem(rel, 0, "symlink", "länkar (symlinks) är inte tillåtna i methods/; lägg en vanlig fil där")
    if entry.is_dir():
        return Problem(rel, 0, "unexpected-directory", "methods/ ska bara innehålla metodfiler, inga mappar")
    if not entry.name.endswith(".md") or entry.name == ".md":
        return Problem(rel, 0, "not-markdown", "methods/ ska bara innehålla metodfiler som slutar på .md; "
                       "flytta eller ta bort filen")
    size = entry.stat().st_size
    if size > MAX_FILE_BYTES:
        return Problem(rel, 0, "file-too-large", f"filen är {size // 1024} kB; en metod får vara högst "
                       f"{MAX_FILE_BYTES // 1024} kB; korta texten eller dela upp metoden")
    if not ID_PATTERN.match(entry.name[:-len(".md")]):
        path = Path(entry.path)
        proposal = slugify(path.stem) or "metodens-namn"
        if (path.parent / f"{proposal}.md").is_file():
            return Problem(rel, 0, "bad-file-name", f'filnamnet "{path.name}" duger inte som id, och {proposal}.md '
                           "finns redan (stora och små bokstäver räknas som samma på många datorer); slå ihop "
                           "filerna eller ge den här ett annat namn med bara a–z, 0–9 och bindestreck")
        return Problem(rel, 0, "bad-file-name", f'filnamnet "{path.name}" duger inte som id; använd bara a–z, '
                       f"0–9 och bindestreck, till exempel {proposal}.md")
    return None


def load_source(rel: str, method_id: str, raw: bytes) -> tuple[Source | None, list[Problem]]:
    """Turn the bytes of one method file into a Source, or problems saying why it cannot be read."""
    text, problem = _decode(rel, raw)
    if problem:
        return None, [problem]
    if not text.strip():
        return None, [Problem(rel, 1, "empty-file", "filen är tom; börja med front matter mellan två rader ---, "
                              "eller skapa filen med metodbank new")]
    split = split_front_matter(text)
    if not split.opened:
        return None, [Problem(rel, 1, "missing-front-matter", "filen ska börja med en rad med bara --- följd av "
                              "metodens fält (front matter) och en rad till med ---")]
    if not split.closed:
        return None, [Problem(rel, 1, "unclosed-front-matter", "front matter stängs aldrig; lägg till en rad med "
                              "bara --- efter det sista fältet")]
    yaml_text = split.yaml
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        return None, [Problem(rel, 2, "front-matter-too-large", f"front matter är {len(yaml_text)} tecken; högst "
                              f"{MAX_FRONT_MATTER_CHARS} tillåts; flytta längre text till brödtexten")]
    result = yamlstrict.load(yaml_text, line_offset=1)  # the opening --- is line 1 of the file
    problems = [Problem(rel, issue.line, issue.code, issue.message) for issue in result.issues]
    if result.data is None and not result.issues:
        problems.append(Problem(rel, 1, "empty-front-matter", "front matter är tom; fyll i fälten, till exempel "
                                "med hjälp av metodbank new"))
    if result.data is not None and not isinstance(result.data, dict):
        problems.append(Problem(rel, 2, "front-matter-not-mapping", "front matter ska vara fält med namn och "
                                "värde (title: …), inte en lista eller en ensam text"))
    if not isinstance(result.data, dict):
        return None, problems
    return (Source(rel, method_id, result.data, dict(result.lines), split.body, split.body_line,
                   frozenset(result.refused)), problems)


def _decode(rel: str, raw: bytes) -> tuple[str, Problem | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(rel, 1, "utf16", "filen är sparad som UTF-16; spara om den som UTF-8 i din editor "
                           "(ofta under Spara som → Kodning)")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return "", Problem(rel, line, "binary-file", "filen innehåller nolltecken och är ingen textfil (eller är "
                           "sparad som UTF-16); spara om den som UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(rel, line, "not-utf8", "filen är inte sparad som UTF-8 (tecknet på raden går inte att "
                           "läsa); spara om filen som UTF-8 i din editor")
    return normalize(text), None


def _relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
