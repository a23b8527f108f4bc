"""Method bodies spliced into print pages: the method page's rendered HTML, adapted to its new place."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..core.htmltokens import Token, rename_end, replace_placeholders, rewrite_start, tokenize
from ..site.pages import MissingPart
from ..site.urls import SCHEME, method_uri, page_url, relative, resolve, source_link

PLACEHOLDER = '<div class="mb-print-body" data-mb-method="{id}" data-mb-shift="{shift}"></div>'
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Attributes whose value is an id, or a list of ids separated by spaces, of an element on the same page.
ID_REFERENCES = frozenset({"for", "headers", "list", "form", "itemref", "popovertarget", "aria-activedescendant",
                           "aria-controls", "aria-describedby", "aria-details", "aria-errormessage", "aria-flowto",
                           "aria-labelledby", "aria-owns"})


def splice_methods(html: str, page_uri: str, bodies: dict[str, str], included: dict[str, str],
                   use_directory_urls: bool = True) -> str:
    """A print page's HTML with each method placeholder replaced by that method page's rendered body.

    The body is taken as MkDocs rendered it for `metoder/<id>.md` (its own title dropped: the print page
    has one), and adapted to its new place: headings moved down, ids and every reference to an id prefixed
    with the method id so sections of different methods stay unique, links to pages included in this print
    page turned into in-page links, and every other relative link re-pointed so it reaches the same page as
    before. A placeholder whose method has no rendered body raises MissingPart.
    """
    here = page_url(page_uri, use_directory_urls)
    anchors = {page_url(src, use_directory_urls): anchor for src, anchor in included.items()}

    def body(key: str) -> str:
        method_id, shift = key.split(" ")
        if method_id not in bodies:
            raise MissingPart(f"metoden {method_id} ska skrivas ut här, men sidan {method_uri(method_id)} "
                              "byggdes inte (står den under exclude_docs eller draft_docs i "
                              "mkdocs.yml?); ta bort den därifrån")
        there = page_url(method_uri(method_id), use_directory_urls)
        return _adapt(bodies[method_id], int(shift), f"{method_id}--", lambda url: _move_url(
            url, there, here, anchors, f"{method_id}--"))

    return replace_placeholders(html, _method_key, body)


def link_methods(markdown: str, page_uri: str) -> str:
    """A print page's Markdown with each method placeholder replaced by a link to the method's own page.

    For a builder without hooks (adapters/stage.py), where no rendered method body can be spliced in.
    """
    def link(key: str) -> str:
        method_id = key.split(" ")[0]
        return f"[Läs metoden på dess egen sida]({source_link(page_uri, method_uri(method_id))})"

    return replace_placeholders(markdown, _method_key, link)


def _method_key(token: Token) -> str | None:
    """'<method id> <heading shift>' of a method placeholder's start tag, else None."""
    method_id, shift = token.attr("data-mb-method"), token.attr("data-mb-shift")
    if token.attr("class") == "mb-print-body" and method_id and shift and shift.isdigit():
        return f"{method_id} {shift}"
    return None


def _adapt(html: str, shift: int, prefix: str, move: Callable[[str], str]) -> str:
    """A method page's body for a print page: without its first h1, headings `shift` levels down, ids
    prefixed, links moved."""

    def change(name: str, value: str) -> str | None:
        if name == "id":
            return prefix + value if value else None
        if name in ID_REFERENCES:
            return " ".join(prefix + part for part in value.split()) if value.strip() else None
        if name in ("href", "src"):
            return move(value)
        return None

    out = []
    for piece in _template(html):
        if isinstance(piece, str):
            out.append(piece)
            continue
        level = int(piece.tag[1]) + shift if piece.tag in _HEADINGS else 0
        tag = f"h{min(6, level)}" if level else None
        out.append(rewrite_start(piece, change, tag) if piece.is_start else rename_end(piece, tag))
    return "".join(out)


_CHANGED = frozenset({"id", "href", "src"}) | ID_REFERENCES


@functools.lru_cache(maxsize=4096)
def _template(html: str) -> tuple[str | Token, ...]:
    """A method body without its title, as text and the tags _adapt may change (headings, ids, references,
    links). A body goes into several print pages, and under `mkdocs serve` into every rebuild: it is read
    once, and kept small (a few tags between long runs of text)."""
    pieces: list[str | Token] = []
    text: list[str] = []
    for token in _without_title(tokenize(html)):
        if (token.is_start and (token.tag in _HEADINGS or any(name in _CHANGED for name, _ in token.attrs))) \
                or (token.kind == "endtag" and token.tag in _HEADINGS):
            pieces.append("".join(text))
            pieces.append(token)
            text = []
        else:
            text.append(token.text)
    pieces.append("".join(text))
    return tuple(piece for piece in pieces if piece != "")


def _without_title(tokens: list[Token]) -> list[Token]:
    """The tokens without a first h1 (with the white space around it) when nothing but white space is before it."""
    start = 0
    while start < len(tokens) and tokens[start].kind == "data" and not tokens[start].text.strip():
        start += 1
    if start == len(tokens) or tokens[start].kind != "starttag" or tokens[start].tag != "h1":
        return tokens
    end = next((i for i in range(start, len(tokens)) if tokens[i].kind == "endtag" and tokens[i].tag == "h1"), None)
    if end is None:
        return tokens
    rest = tokens[end + 1:]
    while rest and rest[0].kind == "data":
        stripped = rest[0].text.lstrip()
        if stripped:
            rest[0] = Token("data", stripped)
            break
        rest.pop(0)
    return rest


def _move_url(url: str, there: str, here: str, anchors: dict[str, str], prefix: str) -> str:
    if url.startswith("#"):
        return f"#{prefix}{url[1:]}" if len(url) > 1 else url
    if not url or url.startswith("/") or SCHEME.match(url):
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
