"""The chapter prose of print pages: reading a chapter, moving its headings and re-pointing its links."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.project import inside
from ..core.text import slugify
from ..site.format import html_escape
from ..site.urls import source_link, source_path

_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_LINK = re.compile(r"(?<!\\)\]\((<[^>]*>|[^)\s]+)((?:\s+\"[^\"]*\")?)\)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")


def shift_headings(markdown: str, levels: int) -> str:
    """Every ATX heading outside code fences moved `levels` down (at most h6)."""
    out, fence = [], None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            if fence is None:
                fence = marker
            elif fence == marker:
                fence = None
        elif fence is None:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels), line)
        out.append(line)
    return "\n".join(out)


def rebase_links(markdown: str, from_uri: str, to_uri: str, local: dict[str, str]) -> str:
    """Relative links of a page written at `from_uri`, rewritten for a page at `to_uri`.

    A link to a page whose content is included in the new page (`local`: src_uri → anchor) becomes an
    in-page link; every other relative link is re-pointed so it still reaches the same page.
    """

    def target(url: str) -> str:
        bracketed = url.startswith("<") and url.endswith(">")
        raw = url[1:-1] if bracketed else url
        if not raw or raw.startswith(("#", "/")) or _SCHEME.match(raw):
            return url
        path, _, fragment = raw.partition("#")
        new = _rebased(path, fragment, from_uri, to_uri, local)
        return f"<{new}>" if bracketed else new

    markdown = _INLINE_LINK.sub(lambda m: f"]({target(m.group(1))}{m.group(2)})", markdown)
    return _REFERENCE.sub(lambda m: m.group(1) + target(m.group(2)), markdown)


def _rebased(path: str, fragment: str, from_uri: str, to_uri: str, local: dict[str, str]) -> str:
    """A relative Markdown link of the page at `from_uri`, for the page at `to_uri` (site/urls.py's rules)."""
    resolved = source_path(from_uri, path)
    if resolved in local and not fragment:
        return f"#{local[resolved]}"
    return source_link(to_uri, resolved, anchor=fragment)


def front_matter(title: str, description: str) -> str:
    # The theme prints page.meta title and description into <title> and <meta content="…"> unescaped.
    data = {"title": html_escape(title), "description": html_escape(description), "search": {"exclude": True},
            "hide": ["navigation", "toc"]}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()) + "\n---"


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
        text = (docs_dir / src_uri).read_text(encoding="utf-8").replace("\r\n", "\n")
        if text.startswith("---\n"):
            end = text.find("\n---", 4)
            if end != -1:
                text = text[end + 4:].lstrip("\n")
        title, body = "", []
        for line in text.split("\n"):
            if not title and re.match(r"^#\s", line):
                title = _plain(line[2:])
                continue
            body.append(line)
        stem = posixpath.splitext(src_uri)[0]
        return cls(src_uri, title or stem, "\n".join(body).strip() + "\n")

    @property
    def anchor(self) -> str:
        return "kapitel-" + slugify(posixpath.splitext(self.src_uri)[0])
