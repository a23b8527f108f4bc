"""The validated method: plain, frozen data that core/links.py and site/pages.py work from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


def line_of(lines: dict[tuple, int], path: tuple) -> int:
    """The file line recorded for a key path, else for its closest recorded parent, else line 1."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


class _FromMapping:
    """A value type that Method also accepts as the plain mapping the validator made of the YAML."""

    @classmethod
    def of(cls, value: Any) -> Any:
        return value if value is None or isinstance(value, cls) else cls(**value)


@dataclass(frozen=True)
class Range(_FromMapping):
    """Whole numbers from `min` to `max` (group size in people)."""

    min: int
    max: int


@dataclass(frozen=True)
class Duration(Range):
    """Minutes per session from `min` to `max`, and how long it runs in the calendar (`span`), if said."""

    span: str | None = None


@dataclass(frozen=True)
class Source:
    """One reference: the full text and, if given, its web address."""

    text: str
    url: str | None = None

    @classmethod
    def of(cls, value: Source | str | dict[str, Any]) -> Source:
        return value if isinstance(value, cls) else cls(value) if isinstance(value, str) else cls(**value)


@dataclass(frozen=True)
class Basis(_FromMapping):
    """What the method builds on: `kind` (one of the `bases` vocabulary) and a text naming the case or research."""

    kind: str
    text: str


@dataclass(frozen=True)
class BodySection:
    """One H2 section of a method body: its title, the file line of the heading and its Markdown."""

    title: str
    line: int
    text: str


@dataclass(frozen=True)
class Method:
    """A method after validation. Values are normalised (aliases resolved); invalid ones are left empty."""

    id: str
    path: str
    title: str
    summary: str = ""
    easy_read: str = ""
    phases: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    group_size: Range | None = None
    duration: Duration | None = None
    preparation: str = ""
    difficulty: str | None = None
    roles: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    cost: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    steps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    adaptations: dict[str, str] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    basis: Basis | None = None
    authors: tuple[str, ...] = ()
    last_reviewed: datetime.date | None = None
    reviewed_by: str = ""
    status: str = "draft"
    sections: tuple[BodySection, ...] = field(default=(), repr=False)
    body_links: tuple[tuple[str, int], ...] = field(default=(), repr=False)  # (method id, line)
    lines: dict[tuple, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The validator hands over the checked front-matter values as plain data (dicts from YAML); the
        # ranges, sources and basis become their dataclasses here, wherever a Method is made.
        object.__setattr__(self, "group_size", Range.of(self.group_size))
        object.__setattr__(self, "duration", Duration.of(self.duration))
        object.__setattr__(self, "sources", tuple(Source.of(s) for s in self.sources))
        object.__setattr__(self, "basis", Basis.of(self.basis))

    def __repr__(self) -> str:
        return f"<Method {self.id} {self.phases} {self.status}>"

    def line(self, *path: Any) -> int:
        """File line of a front-matter key path (closest recorded parent), else 1."""
        return line_of(self.lines, path)

    @property
    def published(self) -> bool:
        return self.status == "published"

    def section(self, title: str) -> BodySection | None:
        """The body section with this title, if the method has it."""
        return next((s for s in self.sections if s.title == title), None)
