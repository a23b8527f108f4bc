"""Checks on the Markdown body of a method: section structure, raw HTML, unsafe URLs and images.

Raw HTML allowed in a method body (documented in CONTRIBUTING.md): the inline tags in ALLOWED_TAGS, with
no attributes except `title` on `<abbr>`, and HTML comments. Everything else is rejected, because a
method from a pull request must never bring scripts, frames, forms or styles onto the public site.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import BodySection
from .schema import SECTIONS, SECTION_TITLES
from .text import did_you_mean, join_quoted

ALLOWED_TAGS = frozenset({"abbr", "b", "br", "em", "i", "kbd", "mark", "small", "strong", "sub", "sup"})
ALLOWED_ATTRIBUTES = {"abbr": frozenset({"title"})}
DANGEROUS_TAGS = frozenset({
    "script", "iframe", "object", "embed", "style", "form", "input", "button", "link", "meta", "base", "svg",
    "math", "frame", "frameset", "applet", "textarea", "select", "template", "noscript",
})
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "data", "poster", "background",
                            "xlink:href", "srcdoc"})

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# A tag as Python-Markdown sees one: "<" directly followed by a name, attributes up to ">" with no "<" in
# between, also over several lines. A dangerous tag name is reported even when its ">" is missing.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")
_DANGEROUS_START = re.compile(r"<(" + "|".join(sorted(DANGEROUS_TAGS)) + r")(?![a-zA-Z0-9:-])", re.IGNORECASE)
_COMMENT_MARK = re.compile(r"<!--|-->")
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"[^\s=\"']+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s\"']*))?")
# The target of every inline link or image: "](" and what follows up to ")" (whitespace included, because
# browsers drop tabs and line breaks inside a URL). The label is not needed, so nothing here can backtrack.
_TARGET = re.compile(r"\]\(([^)]*)")
_EMPTY_IMAGE = re.compile(r"!\[\s*\]\(")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)
_NEWLINE = re.compile("\n")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """A problem found in a body line; the validator turns it into a Problem."""

    line: int
    code: str
    message: str


def split_sections(body: str, first_line: int) -> tuple[list[BodySection], list[Finding]]:
    """H2 sections of the body, skipping code fences; H1s and text before the first H2 are findings."""
    sections: list[BodySection] = []
    findings: list[Finding] = []
    current: tuple[str, int] | None = None
    buffer: list[str] = []
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        heading = _HEADING.match(line) if fence is None else None
        if heading and len(heading.group(1)) <= 2:
            if len(heading.group(1)) == 1:
                findings.append(Finding(number, "h1-in-body", "använd inte # (huvudrubrik) i texten; titeln kommer "
                                        "från fältet title, och avsnitten börjar med ##"))
                continue
            if current:
                sections.append(BodySection(current[0], current[1], "\n".join(buffer).strip("\n")))
            current, buffer = (heading.group(2).strip(), number), []
            continue
        if current is None:
            if line.strip():
                findings.append(Finding(number, "text-before-section", 'text före första rubriken; börja med '
                                        '"## Syfte" och skriv texten under den'))
            continue
        buffer.append(line)
    if current:
        sections.append(BodySection(current[0], current[1], "\n".join(buffer).strip("\n")))
    return sections, findings


def check_sections(sections: list[BodySection], body_line: int) -> Iterator[Finding]:
    """Known titles, no duplicates, required ones present and non-empty, canonical order."""
    seen: dict[str, int] = {}
    last_index = -1
    last_title = ""
    for section in sections:
        if section.title not in SECTION_TITLES:
            hint = did_you_mean(section.title, SECTION_TITLES)
            yield Finding(section.line, "unknown-section", f'okänd rubrik "{section.title}"{hint}; tillåtna '
                          f"rubriker är {join_quoted(SECTION_TITLES)}")
            continue
        if section.title in seen:
            yield Finding(section.line, "duplicate-section", f'rubriken "{section.title}" finns redan på rad '
                          f"{seen[section.title]}; slå ihop avsnitten")
            continue
        seen[section.title] = section.line
        index = SECTION_TITLES.index(section.title)
        if index < last_index:
            yield Finding(section.line, "section-order", f'rubriken "{section.title}" ska stå före "{last_title}"; '
                          f"ordningen är {join_quoted(SECTION_TITLES)}")
        else:
            last_index, last_title = index, section.title
        if not _has_text(section.text):
            yield Finding(section.line, "empty-section", f'avsnittet "{section.title}" är tomt; skriv något eller '
                          "ta bort rubriken" + (" (den är obligatorisk)" if _required(section.title) else ""))
    for spec in SECTIONS:
        if spec.required and spec.title not in seen:
            yield Finding(body_line, "missing-section", f'avsnittet "## {spec.title}" saknas; det är obligatoriskt '
                          f"({spec.help[0].lower()}{spec.help[1:].rstrip('.')})")


def check_markup(body: str, first_line: int) -> tuple[list[Finding], list[tuple[str, int]]]:
    """Raw HTML, attribute lists, link and image targets outside code. Also returns links to sibling methods.

    The whole body is scanned at once (with code blanked out), not line by line, because Markdown lets a
    tag or a link run over several lines; a finding is reported at the line where the tag or link starts.
    Every pattern is linear in the length of the body, so a hostile file cannot make the check slow.
    """
    text = _blank_code(body)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line_of(position: int) -> int:
        return first_line + bisect.bisect_right(starts, position) - 1

    findings: list[Finding] = []
    method_links: list[tuple[str, int]] = []
    without_comments = _COMMENT_MARK.sub(lambda m: " " * len(m.group(0)), text)
    tags = set()
    for match in _TAG.finditer(without_comments):
        tags.add(match.start())
        findings.extend(_check_tag(match.group(1), match.group(2).lower(), match.group(3), line_of(match.start())))
    for match in _DANGEROUS_START.finditer(without_comments):
        if match.start() not in tags:
            findings.extend(_check_tag("", match.group(1).lower(), "", line_of(match.start())))
    for match in _ATTR_LIST.finditer(text):
        findings.extend(_check_attr_list(match.group(1), line_of(match.start())))
    for match in _TARGET.finditer(text):
        number = line_of(match.start())
        target = match.group(1)
        findings.extend(_check_target(target, number))
        local = target.strip().strip("<>").strip()
        if re.fullmatch(r"[a-z0-9-]+\.md(#[\w-]*)?", local):
            method_links.append((local.split(".md")[0], number))
    for match in _EMPTY_IMAGE.finditer(text):
        findings.append(Finding(line_of(match.start()), "image-without-alt", "bilden saknar alternativtext; skriv "
                                "vad bilden visar mellan hakparenteserna: ![Beskrivning](bild.png)"))
    for match in _REFERENCE.finditer(text):
        findings.extend(_check_target(match.group(1), line_of(match.start())))
    findings.sort(key=lambda f: f.line)
    return findings, method_links


def _blank_code(body: str) -> str:
    """The body with fenced code and inline code replaced by blanks, keeping every line in its place."""
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
                out.append("")
                continue
            if marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
                out.append("")
                continue
        if fence is not None:
            out.append("")
            continue
        out.append(_INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


def _check_tag(closing: str, tag: str, rest: str, number: int) -> Iterator[Finding]:
    if closing:
        return  # a closing tag does nothing without its opening tag, which is reported
    if tag in DANGEROUS_TAGS or ":" in tag:
        yield Finding(number, "unsafe-html", f"<{tag}> är inte tillåtet i en metod eftersom det kan köra kod "
                      "eller ändra sidan; ta bort det")
        return
    attributes = [(name.lower(), value) for name, value in _ATTRIBUTE.findall(rest) if name.strip("/")]
    handlers = [name for name, _ in attributes if name.startswith("on")]
    if handlers:
        yield Finding(number, "unsafe-html", f'attributet "{handlers[0]}" på <{tag}> kan köra kod och är inte '
                      "tillåtet; ta bort det")
        return
    unsafe = [f for _, value in attributes if value for f in _check_target(value.strip("\"'"), number)]
    if tag not in ALLOWED_TAGS and unsafe:
        yield unsafe[0]
        return
    if tag not in ALLOWED_TAGS:
        yield Finding(number, "html-not-allowed", f"HTML-taggen <{tag}> är inte tillåten; använd Markdown "
                      f"(tillåtna taggar: {', '.join(sorted(ALLOWED_TAGS))})")
        return
    for attribute, value in attributes:
        if attribute not in ALLOWED_ATTRIBUTES.get(tag, ()):
            yield Finding(number, "html-not-allowed", f'attributet "{attribute}" på <{tag}> är inte tillåtet')
        elif value:
            yield from _check_target(value.strip("\"'"), number)


def _check_attr_list(content: str, number: int) -> Iterator[Finding]:
    """`{ .klass #id nyckel=värde }` after a paragraph, heading or link sets HTML attributes (attr_list)."""
    for token in _ATTR_TOKEN.findall(content):
        name, _, value = token.partition("=")
        name = name.strip().lower()
        if not name or name[0] in ".#":
            continue
        if name.startswith("on"):
            yield Finding(number, "unsafe-html", f'attributet "{name}" i {{ }} kan köra kod och är inte tillåtet; '
                          "ta bort det")
        elif name in URL_ATTRIBUTES or name == "style":
            yield Finding(number, "html-not-allowed", f'attributet "{name}" i {{ }} är inte tillåtet i en metod; '
                          "skriv länkar och bilder med Markdown")
            yield from _check_target(value.strip("\"'"), number)


def _check_target(target: str, number: int) -> Iterator[Finding]:
    cleaned = _CONTROL.sub("", html.unescape(target)).lower().lstrip("<")
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        yield Finding(number, "unsafe-url", f'länkar som börjar med "{scheme.group(1)}:" är inte tillåtna; '
                      "länka med https:// eller till en annan metod")


def _has_text(markdown: str) -> bool:
    return any(line.strip() and not line.strip().startswith("<!--") for line in markdown.split("\n"))


def _required(title: str) -> bool:
    return any(s.required for s in SECTIONS if s.title == title)
