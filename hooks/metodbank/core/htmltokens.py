"""HTML read with the standard library's parser into tokens that join back to the exact input.

Every rewrite of rendered HTML in the engine goes through here (never a regular expression over the
page): a token keeps its source text, so what is not changed keeps its bytes, and a changed start tag
keeps the bytes of every attribute it does not change (quoting and entities included).
"""

from __future__ import annotations

import functools
import html as html_module
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPACE = " \t\n\r\f"


@dataclass(slots=True)
class Token:
    """A piece of HTML: a start or end tag, text, a comment, a declaration… `text` is its exact source."""

    kind: str  # "starttag", "startendtag", "endtag", "data", "comment", "decl", "pi", "unknown_decl"
    text: str
    tag: str = ""  # lower case, for tags
    attrs: list[tuple[str, str | None]] = field(default_factory=list)  # as HTMLParser gives them (unescaped)
    tag_length: int = 0  # start tags: length of the tag itself at the start of `text`

    def attr(self, name: str) -> str | None:
        """The (unescaped) value of the first attribute called `name`; "" for one without a value."""
        for key, value in self.attrs:
            if key == name:
                return value if value is not None else ""
        return None

    @property
    def is_start(self) -> bool:
        return self.kind in ("starttag", "startendtag")


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str, list, int]] = []  # (line, column, kind, tag, attrs, tag length)

    def _add(self, kind: str, tag: str = "", attrs: list | None = None, length: int = 0) -> None:
        self.found.append((self.lineno, self.offset, kind, tag, attrs or [], length))  # getpos(): where it starts

    def handle_starttag(self, tag, attrs):
        self._add("starttag", tag, attrs, len(self.get_starttag_text() or ""))

    def handle_startendtag(self, tag, attrs):
        self._add("startendtag", tag, attrs, len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag):
        self._add("endtag", tag)

    def handle_data(self, data):
        self._add("data")

    def handle_comment(self, data):
        self._add("comment")

    def handle_decl(self, decl):
        self._add("decl")

    def handle_pi(self, data):
        self._add("pi")

    def unknown_decl(self, data):
        self._add("unknown_decl")

    def parse_html_declaration(self, i):
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # "<![foo[…": a declaration the parser gives up on is text up to ">"
            end = self.rawdata.find(">", i + 2)
            if end < 0:
                return -1
            self._add("unknown_decl")
            return end + 1


def tokenize(html: str) -> list[Token]:
    """The tokens of `html`, in order; "".join(t.text for t in tokens) == html."""
    parser = _Tokenizer()
    parser.feed(html)
    parser.close()
    starts = [0]
    for line in html.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    offsets = [starts[line - 1] + column for line, column, *_ in parser.found]
    tokens: list[Token] = []
    if not offsets or offsets[0] > 0:
        tokens.append(Token("data", html[: offsets[0] if offsets else len(html)]))
    for index, (_, _, kind, tag, attrs, length) in enumerate(parser.found):
        end = offsets[index + 1] if index + 1 < len(offsets) else len(html)
        text = html[offsets[index]:end]
        if not text:  # the parser reported a piece twice at one place (never seen; keeps the join exact)
            continue
        tokens.append(Token(kind, text, tag, attrs, length))
    if tokens and not tokens[0].text:
        tokens.pop(0)
    return tokens


def join(tokens: list[Token]) -> str:
    return "".join(token.text for token in tokens)


# -- changing a start tag ----------------------------------------------------------------------------------


def _attribute_spans(tag: str) -> list[tuple[str, int, int, str]]:
    """(name, value start, value end, quote) of every attribute in a start tag's text, as HTML reads it.

    An attribute without a value has start == end == -1.
    """
    spans = []
    n = len(tag)
    i = 1
    while i < n and tag[i] not in _SPACE + "/>":
        i += 1
    while i < n:
        if tag[i] in _SPACE or tag[i] == "/":
            i += 1
            continue
        if tag[i] == ">":
            break
        start = i
        i += 1
        while i < n and tag[i] not in _SPACE + "/>=":
            i += 1
        name = tag[start:i].lower()
        j = i
        while j < n and tag[j] in _SPACE:
            j += 1
        if j < n and tag[j] == "=":
            j += 1
            while j < n and tag[j] in _SPACE:
                j += 1
            if j < n and tag[j] in "\"'":
                end = tag.find(tag[j], j + 1)
                end = end if end >= 0 else n
                spans.append((name, j + 1, end, tag[j]))
                i = end + 1
            else:
                k = j
                while k < n and tag[k] not in _SPACE + ">":
                    k += 1
                spans.append((name, j, k, ""))
                i = k
        else:
            spans.append((name, -1, -1, ""))
    return spans


def _escape(value: str, quote: str) -> str:
    value = value.replace("&", "&amp;")
    return value.replace('"', "&quot;") if quote == '"' else value.replace("'", "&#39;")


def rewrite_start(token: Token, change: Callable[[str, str], str | None], tag: str | None = None) -> str:
    """The text of a start tag token with its attributes changed: `change(name, value)` returns the new
    (unescaped) value, or None to keep it. `tag` renames the element. Every byte not changed is kept."""
    text = token.text[: token.tag_length]
    rest = token.text[token.tag_length:]
    spans = _attribute_spans(text)
    parsed = [(name, html_module.unescape(text[a:b]) if a >= 0 else None) for name, a, b, _ in spans]
    if parsed != list(token.attrs):
        return _serialize(token, change, tag) + rest  # a tag this reading does not follow: write it anew
    out, last = [], 0
    if tag is not None:
        out.append(text[:1] + tag)
        last = 1 + len(token.tag)
    for (name, start, end, quote), (_, value) in zip(spans, parsed):
        if start < 0:
            continue
        new = change(name, value or "")
        if new is None or new == value:
            continue
        out.append(text[last:start] if quote else text[last:start] + '"')
        out.append(_escape(new, quote or '"'))
        out.append("" if quote else '"')
        last = end
    out.append(text[last:])
    return "".join(out) + rest


def _serialize(token: Token, change: Callable[[str, str], str | None], tag: str | None) -> str:
    parts = [f"<{tag or token.tag}"]
    for name, value in token.attrs:
        if value is None:
            parts.append(f" {name}")
            continue
        new = change(name, value)
        parts.append(f' {name}="{_escape(value if new is None else new, chr(34))}"')
    return "".join(parts) + ("/>" if token.kind == "startendtag" else ">")


def rewrite_attributes(html: str, change: Callable[[str, str], str | None]) -> str:
    """`html` with the attributes of every start tag changed as `rewrite_start` does."""
    return "".join(rewrite_start(t, change) if t.is_start else t.text for t in tokenize(html))


def rename_end(token: Token, tag: str) -> str:
    """An end tag token's text for another element name."""
    return token.text[:2] + tag + token.text[2 + len(token.tag):]


# -- placeholders --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _empty_divs(html: str) -> tuple[tuple[int, int, Token], ...]:
    """(start, end, start token) of every `<div …></div>` with nothing between its tags. Kept per page:
    under `mkdocs serve` an unchanged page is read once."""
    found = []
    offset = 0
    tokens = tokenize(html)
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind == "starttag" and token.tag == "div" and after is not None and after.kind == "endtag" \
                and after.tag == "div" and len(token.text) == token.tag_length and len(after.text) == len("</div>"):
            found.append((offset, offset + len(token.text) + len(after.text), token))
        offset += len(token.text)
    return tuple(found)


def replace_placeholders(html: str, key_of: Callable[[Token], str | None], fill: Callable[[str], str]) -> str:
    """`html` with every empty `<div …></div>` for which `key_of(start token)` gives a key replaced by
    `fill(key)`."""
    found = [(start, end, key) for start, end, token in _empty_divs(html) if (key := key_of(token)) is not None]
    out, last = [], 0
    for start, end, key in found:
        out.append(html[last:start])
        out.append(fill(key))
        last = end
    out.append(html[last:])
    return "".join(out)
