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
    group_size: dict[str, int] | None = None
    duration: dict[str, Any] | None = None
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
    sources: tuple[dict[str, Any], ...] = ()
    basis: dict[str, str] | None = None  # {"kind": one of the `bases` vocabulary, "text": ...}
    authors: tuple[str, ...] = ()
    last_reviewed: datetime.date | None = None
    reviewed_by: str = ""
    status: str = "draft"
    sections: tuple[BodySection, ...] = field(default=(), repr=False)
    body_links: tuple[tuple[str, int], ...] = field(default=(), repr=False)  # (method id, line)
    lines: dict[tuple, int] = field(default_factory=dict, repr=False, compare=False)

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
