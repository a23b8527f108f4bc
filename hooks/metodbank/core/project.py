"""The engine's entry point: load → validate → link, for one project folder. No MkDocs imports.

`load_project(settings)` records every method first and resolves references second, and returns every
problem of the whole set at once (two phases, like mkdocs-autorefs).
"""

from __future__ import annotations

import datetime
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from . import sanitize
from .config import expand_repo_links, read_mkdocs_file
from .links import Catalogue, link_methods
from .loader import load_sources, method_entries
from .problems import Problem, has_errors
from .text import ID_PATTERN
from .validate import validate_source
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Settings:
    """Where things are, resolved once by the adapter (CLI or MkDocs hooks)."""

    root: Path
    methods_dir: Path
    docs_dir: Path
    use_directory_urls: bool = True
    today: datetime.date | None = None

    @classmethod
    def for_root(cls, root: Path | str, **overrides: object) -> Settings:
        """The default layout: methods/ and handbook/ inside `root`."""
        base = Path(root).resolve()
        values: dict = {"root": base, "methods_dir": base / "methods", "docs_dir": base / "handbook"}
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class Project:
    """What the engine knows after one run: vocabulary, linked methods and all problems, sorted."""

    settings: Settings
    vocabulary: Vocabulary
    catalogue: Catalogue
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def load_project(settings: Settings, cache: dict | None = None) -> Project:
    """Read, validate and link every method of the project; never raises for bad input.

    `cache` (a dict the caller keeps, e.g. across rebuilds of `mkdocs serve`) reuses each method file's
    parsed and validated result while the file's bytes, the vocabulary file's bytes and the date are the
    same; the cross-links are always worked out again.
    """
    vocabulary, problems = load_vocabulary(settings.root)
    problems.extend(_check_chapters(settings, vocabulary))
    sources, more = load_sources(settings.root, settings.methods_dir, cache)
    problems.extend(more)
    methods = []
    today = settings.today or datetime.date.today()
    if cache is not None:
        try:
            vocabulary_bytes = (settings.root / VOCABULARY_FILE).read_bytes()
        except OSError:
            vocabulary_bytes = None
        validated = cache.get("validated", {})
        cache["validated"] = kept = {}
    for source in sources:
        if cache is None:
            method, more = validate_source(source, vocabulary, today)
        else:
            key = (id(source), vocabulary_bytes, today)  # the source itself is kept alive by the loader's cache
            method, more = kept[key] = validated.get(key) or validate_source(source, vocabulary, today)
        methods.append(method)
        problems.extend(more)
    known = {name[:-3] for name in (e.name for e in method_entries(settings.methods_dir))
             if name.endswith(".md") and ID_PATTERN.match(name[:-3])}
    catalogue, more = link_methods(methods, known)
    problems.extend(more)
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.code, p.message))
    return Project(settings, vocabulary, catalogue, tuple(ordered))


def inside(base: Path, path: Path) -> bool:
    """Whether `path`, with every symlink resolved, is `base` or below it."""
    try:
        path.resolve().relative_to(base.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def links_out(settings: Settings) -> list[Problem]:
    """Every symlink in docs_dir that leads outside it: the build publishes files from docs_dir, so a link
    out (to /proc/self/environ, a key file, …) would put that file on the public site."""
    problems = []
    docs = settings.docs_dir
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            if path.is_symlink() and not inside(docs, path):
                rel = f"{docs.name}/{path.relative_to(docs).as_posix()}"
                problems.append(Problem(rel, 0, "symlink-outside", f"länken (symlink) pekar ut ur {docs.name}/; "
                                        "bygget läser bara filer i projektet; lägg en vanlig fil där"))
    return problems


def check_chapter_markup(settings: Settings) -> list[Problem]:
    """Every chapter in docs_dir rendered like the site and judged by the site allow-list (sanitize.py),
    so `metodbank check` reports what the build would remove from a chapter page, with file and line."""

    mkdocs_yml = read_mkdocs_file(settings.root / "mkdocs.yml")
    addresses = mkdocs_yml.addresses  # `repo:` links, expanded as the build does
    extensions = mkdocs_yml.data.get("markdown_extensions")
    md = sanitize.site_markdown(extensions if isinstance(extensions, list) else None)
    problems = []
    docs = settings.docs_dir
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix != ".md" or path.is_symlink() or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                continue
            rel = path.relative_to(docs).as_posix()
            text = expand_repo_links(text, addresses)
            for line, removal in sanitize.check_chapter(text, md, posixpath.dirname(rel)):
                problems.append(Problem(f"{docs.name}/{rel}", line, removal.code, removal.message))
    return problems


def _check_chapters(settings: Settings, vocabulary: Vocabulary) -> list[Problem]:
    problems = links_out(settings) + check_chapter_markup(settings)
    for term in vocabulary.terms("phases"):
        if term.chapter and not inside(settings.docs_dir, settings.docs_dir / term.chapter):
            problems.append(Problem(VOCABULARY_FILE, 0, "bad-chapter-path",
                                    f'kapitlet "{term.chapter}" för fasen "{term.id}" ligger utanför '
                                    f"{settings.docs_dir.name}/; chapter ska vara en fil i den mappen"))
            continue
        if term.chapter and not (settings.docs_dir / term.chapter).is_file():
            problems.append(Problem(VOCABULARY_FILE, 0, "missing-chapter",
                                    f'kapitlet "{term.chapter}" för fasen "{term.id}" finns inte i '
                                    f"{settings.docs_dir.name}/; skapa filen eller rätta chapter:"))
    return problems
