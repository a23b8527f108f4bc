"""The chapter prose of print pages: reading a chapter, moving its headings and re-pointing its links."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..core import source
from ..core.project import inside
from ..core.text import slugify
from ..site.urls import SCHEME, source_link, source_path

_INLINE_LINK = re.compile(r"(?<!\\)\]\((<[^>]*>|[^)\s]+)((?:\s+\"[^\"]*\")?)\)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")


def shift_headings(markdown: str, levels: int) -> str:
    """Every ATX heading outside code fences moved `levels` down (at most h6)."""
    out = []
    for line in source.scan(markdown):
        heading, text = line.heading, line.text
        if heading is not None:
            end = heading.column + heading.level
            text = text[:heading.column] + "#" * min(6, heading.level + levels) + text[end:]
        out.append(text)
    return "\n".join(out)


def rebase_links(markdown: str, from_uri: str, to_uri: str, local: dict[str, str]) -> str:
    """Relative links of a page written at `from_uri`, rewritten for a page at `to_uri`.

    A link to a page whose content is included in the new page (`local`: src_uri → anchor) becomes an
    in-page link; every other relative link is re-pointed so it still reaches the same page. Links inside
    code fences are text and stay as written.
    """

    def target(url: str) -> str:
        bracketed = url.startswith("<") and url.endswith(">")
        raw = url[1:-1] if bracketed else url
        if not raw or raw.startswith(("#", "/")) or SCHEME.match(raw):
            return url
        path, _, fragment = raw.partition("#")
        new = _rebased(path, fragment, from_uri, to_uri, local)
        return f"<{new}>" if bracketed else new

    def rebase(prose: str) -> str:
        prose = _INLINE_LINK.sub(lambda m: f"]({target(m.group(1))}{m.group(2)})", prose)
        return _REFERENCE.sub(lambda m: m.group(1) + target(m.group(2)), prose)

    return "\n".join(rebase(text) if not code else text for code, text in _runs(markdown))


def _runs(markdown: str) -> list[tuple[bool, str]]:
    """The text in runs of lines: (True, code fence with its content) or (False, the prose between)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in source.scan(markdown):
        if not runs or runs[-1][0] != line.code:
            runs.append((line.code, []))
        runs[-1][1].append(line.text)
    return [(code, "\n".join(lines)) for code, lines in runs]


def _rebased(path: str, fragment: str, from_uri: str, to_uri: str, local: dict[str, str]) -> str:
    """A relative Markdown link of the page at `from_uri`, for the page at `to_uri` (site/urls.py's rules)."""
    resolved = source_path(from_uri, path)
    if resolved in local and not fragment:
        return f"#{local[resolved]}"
    return source_link(to_uri, resolved, anchor=fragment)


def _plain(markdown_heading: str) -> str:
    """Heading text without Markdown syntax, for the table of contents."""
    text = _ATTRS.sub("", markdown_heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.replace("\\", "").split())


def readable(docs_dir: Path, src_uri: str) -> bool:
    """A chapter is read only when it is a file inside docs_dir after every symlink is resolved."""
    path = docs_dir / src_uri
    return path.is_file() and inside(docs_dir, path)


@dataclass
class Chapter:
    """One handbook chapter read from docs_dir: title, prose without its title, and its H2 headings."""

    src_uri: str
    title: str
    prose: str

    @classmethod
    def read(cls, docs_dir: Path, src_uri: str) -> Chapter:
        if not readable(docs_dir, src_uri):
            raise ValueError(f"{src_uri} is not a file inside {docs_dir}")
        text = source.normalize((docs_dir / src_uri).read_text(encoding="utf-8-sig"))
        split = source.split_front_matter(text)
        title, body = "", []
        for line in source.scan(split.body if split.closed else text):
            if not title and line.heading is not None and line.heading.level == 1:
                title = _plain(line.heading.text)
                continue
            body.append(line.text)
        stem = posixpath.splitext(src_uri)[0]
        return cls(src_uri, title or stem, "\n".join(body).strip() + "\n")

    @property
    def anchor(self) -> str:
        return "kapitel-" + slugify(posixpath.splitext(self.src_uri)[0])
