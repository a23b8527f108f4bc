"""The engine's entry point: load → validate → link, for one project folder. No MkDocs imports.

`load_project(settings)` records every method first and resolves references second, and returns every
problem of the whole set at once (two phases, like mkdocs-autorefs).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

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


def _check_chapters(settings: Settings, vocabulary: Vocabulary) -> list[Problem]:
    problems = []
    for term in vocabulary.terms("phases"):
        if term.chapter and not (settings.docs_dir / term.chapter).is_file():
            problems.append(Problem(VOCABULARY_FILE, 0, "missing-chapter",
                                    f'kapitlet "{term.chapter}" för fasen "{term.id}" finns inte i '
                                    f"{settings.docs_dir.name}/; skapa filen eller rätta chapter:"))
    return problems
