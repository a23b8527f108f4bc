"""Checks on the Markdown body of a method: section structure, raw HTML, unsafe URLs and images.

What HTML may reach the site is decided on the rendered HTML by sanitize.py (nh3 with an allow-list):
`check_rendered` renders every section the way the build does and reports each tag, attribute, URL or
class the sanitizer would remove, at the line where it starts. The source patterns below only add
earlier, more precise messages for links and attribute lists; they never allow anything by themselves.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import sanitize, source
from .model import BodySection
from .schema import SECTIONS, SECTION_TITLES
from .text import did_you_mean, join_quoted

DANGEROUS_TAGS = sanitize.DANGEROUS_TAGS
SAFE_SCHEMES = tuple(sorted(sanitize.URL_SCHEMES))
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "data", "poster", "background",
                            "xlink:href", "srcdoc"})

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# A dangerous tag name written outside code is refused even where Markdown would show it as text: the
# sanitizer decides what is safe, this only stops a text that tries.
_DANGEROUS_START = re.compile(r"<(" + "|".join(sorted(DANGEROUS_TAGS)) + r")(?![a-zA-Z0-9:-])", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][\w:-]*[^<>]*?[\s/\"'](on[a-zA-Z]+)\s*=")
_SCHEME_TAG = re.compile(r"<(?!(?:https?|mailto|tel):)([a-zA-Z][\w-]*):", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{(:?(?:[^{}\n\"']|\"[^\"\n]*\"|'[^'\n]*')*)\}")
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
    found, outside = source.sections(body, first_line)
    findings = []
    for line in outside:
        if line.heading is not None:
            findings.append(Finding(line.number, "h1-in-body", "använd inte # (huvudrubrik) i texten; titeln kommer "
                                    "från fältet title, och avsnitten börjar med ##"))
        else:
            findings.append(Finding(line.number, "text-before-section", 'text före första rubriken; börja med '
                                    '"## Syfte" och skriv texten under den'))
    return [BodySection(s.title, s.line, s.text) for s in found], findings


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
    text = _blank_code(body, first_line)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line_of(position: int) -> int:
        return first_line + bisect.bisect_right(starts, position) - 1

    findings: list[Finding] = []
    method_links: list[tuple[str, int]] = []
    without_comments = text.replace("<!--", "    ").replace("-->", "   ")
    for match in _DANGEROUS_START.finditer(without_comments):
        findings.append(Finding(line_of(match.start()), "unsafe-html", f"<{match.group(1).lower()}> är inte "
                                "tillåtet i en metod eftersom det kan köra kod eller ändra sidan; ta bort det"))
    for match in _HANDLER.finditer(without_comments):
        findings.append(Finding(line_of(match.start()), "unsafe-html", f'attributet "{match.group(1).lower()}" '
                                "kan köra kod och är inte tillåtet; ta bort det"))
    for match in _SCHEME_TAG.finditer(without_comments):
        findings.append(Finding(line_of(match.start()), "unsafe-html", f"<{match.group(1).lower()}:…> är inte "
                                "tillåtet i en metod; skriv länkar med Markdown: [text](https://…)"))
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


def _blank_code(body: str, first_line: int = 1) -> str:
    """The body with fenced code and inline code replaced by blanks, keeping every line in its place."""
    return "\n".join("" if line.code else _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line.text)
                     for line in source.scan(body, first_line))


def _check_attr_list(content: str, number: int) -> Iterator[Finding]:
    """`{ .klass #id nyckel=värde }` after a paragraph, heading or link would set HTML attributes (attr_list).

    Method text is rendered without attr_list, so such braces would only show as text; they are refused
    so that nobody believes they work, and because they are what an attack looks like.
    """
    reported = False
    for token in _ATTR_TOKEN.findall(content.removeprefix(":")):
        name, equals, value = token.partition("=")
        name = name.strip().lower()
        if not name:
            continue
        if name.startswith("on") and equals:
            yield Finding(number, "unsafe-html", f'attributet "{name}" i {{ }} kan köra kod och är inte tillåtet; '
                          "ta bort det")
            reported = True
        elif name in URL_ATTRIBUTES or name == "style":
            yield Finding(number, "html-not-allowed", f'attributet "{name}" i {{ }} är inte tillåtet i en metod; '
                          "skriv länkar och bilder med Markdown")
            yield from _check_target(value.strip("\"'"), number)
            reported = True
        elif not reported and (name[0] in ".#" or equals or content.startswith(":")):
            yield Finding(number, "html-not-allowed", f'klamrar med attribut ({{ {_short(token)} }}) fungerar inte i '
                          "en metod; ta bort dem")
            reported = True


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_target(target: str, number: int) -> Iterator[Finding]:
    cleaned = _CONTROL.sub("", html.unescape(target)).lower().lstrip("<")
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        yield Finding(number, "unsafe-url", f'länkar som börjar med "{scheme.group(1)}:" är inte tillåtna; '
                      "länka med https:// eller till en annan metod")


def check_rendered(sections: list[BodySection], body: str, first_line: int) -> list[Finding]:
    """Every tag, attribute, URL, image or class the sanitizer would remove from a rendered section.

    Each section is rendered and judged exactly as the build renders and cleans it (sanitize.render_clean),
    so a body this accepts is published as written, and one it rejects never builds.
    """
    lines = body.split("\n")
    findings: list[Finding] = []
    for section in sections:
        start = section.line - first_line + 1  # index in `lines` of the line after the heading
        while start < len(lines) and lines[start] == "":
            start += 1
        crowded = sanitize.too_complex(section.text)
        for offset, char, count in crowded:
            findings.append(Finding(first_line + start + offset, "too-complex", f'stycket har {count} tecken "{char}"; '
                                    f"högst {sanitize.MAX_OPENERS} i ett stycke går att kontrollera; dela upp texten "
                                    "i flera stycken med tomma rader emellan"))
        if crowded:
            continue
        rendered = sanitize.render_clean(section.text)
        if not rendered.removals:
            continue
        seen = set()
        for removal in rendered.removals:
            if removal in seen:
                continue
            seen.add(removal)
            number = first_line + start + sanitize.locate(section.text, removal)
            findings.append(Finding(number, removal.code, removal.message))
    return findings


def _has_text(markdown: str) -> bool:
    return any(line.strip() and not line.strip().startswith("<!--") for line in markdown.split("\n"))


def _required(title: str) -> bool:
    return any(s.required for s in SECTIONS if s.title == title)
