"""Method bodies spliced into print pages: the method page's rendered HTML, adapted to its new place."""

from __future__ import annotations

import re

from ..site.urls import method_uri, page_url, relative, resolve

PLACEHOLDER = '<div class="mb-print-body" data-mb-method="{id}" data-mb-shift="{shift}"></div>'
_PLACEHOLDER_RE = re.compile(r'<div class="mb-print-body" data-mb-method="([a-z0-9-]+)" data-mb-shift="(\d)"></div>')
_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.S)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_ID_ATTR = re.compile(r'\bid="([^"]+)"')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def splice_methods(html: str, page_uri: str, bodies: dict[str, str], included: dict[str, str],
                   use_directory_urls: bool = True) -> str:
    """A print page's HTML with each method placeholder replaced by that method page's rendered body.

    The body is taken as MkDocs rendered it for `metoder/<id>.md` (its own title dropped: the print page
    has one), and adapted to its new place: headings moved down, ids prefixed with the method id so
    sections of different methods stay unique, links to pages included in this print page turned into
    in-page links, and every other relative link re-pointed so it reaches the same page as before.
    """
    here = page_url(page_uri, use_directory_urls)
    anchors = {page_url(src, use_directory_urls): anchor for src, anchor in included.items()}

    def body(match: re.Match) -> str:
        method_id, shift = match.group(1), int(match.group(2))
        source = bodies.get(method_id)
        if source is None:
            return ""
        there = page_url(method_uri(method_id), use_directory_urls)
        prefix = f"{method_id}--"
        source = _FIRST_H1.sub("", source, count=1)
        source = _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", source)
        source = _ID_ATTR.sub(lambda m: f'id="{prefix}{m.group(1)}"', source)
        return _URL_ATTR.sub(lambda m: f'{m.group(1)}="{_move_url(m.group(2), there, here, anchors, prefix)}"',
                             source)

    return _PLACEHOLDER_RE.sub(body, html)


def _move_url(url: str, there: str, here: str, anchors: dict[str, str], prefix: str) -> str:
    if url.startswith("#"):
        return f"#{prefix}{url[1:]}" if len(url) > 1 else url
    if not url or url.startswith("/") or _SCHEME.match(url):
        return url
    path, _, fragment = url.partition("#")
    return _moved(path, fragment, there, here, anchors)


def _moved(path: str, fragment: str, there: str, here: str, anchors: dict[str, str]) -> str:
    """A relative link written in the page at URL `there`, for the page at URL `here` (site/urls.py's rules):
    an in-page anchor when it reaches a page included here, else a link to the same place as before."""
    path, mark, query = path.partition("?")
    resolved = resolve(there, path)
    if resolved in anchors and not fragment and not mark:
        return f"#{anchors[resolved]}"
    return relative(here, resolved) + mark + query + (f"#{fragment}" if fragment else "")
