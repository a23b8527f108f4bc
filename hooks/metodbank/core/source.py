"""The structure of a Markdown source: front matter, code fences, ATX headings and sections by H2.

The one reading of a Markdown file's structure, used by the method checks (loader.py, body.py) and the
print pages (printing/markdown.py). It is line based and follows CommonMark for what it covers:

* front matter: the first line is `---`; it closes at the next line that is `---` or `...` (trailing
  whitespace allowed on both);
* code fences: ``` or ~~~ (three or more) indented at most three spaces; a backtick fence's info string
  holds no backtick; it closes at a line of the same character, at least as many of them, indented at
  most three spaces, with nothing but spaces or tabs after it; a fence never closed runs to the end;
* list items: a fence inside a list item is indented relative to the item's text, so its indentation is
  counted from there (`- item` then a fence indented two or four spaces);
* ATX headings: one to six `#` indented at most three spaces, then a space, a tab or the end of the line;
  an optional closing run of `#` (after a space) is not part of the text. Only headings at the top level
  count (not inside a list item) and never inside a fence.

Setext headings, block quotes and indented code are not read: the engine's files do not use them.
Line numbers are lines of the file: `first_line` says which file line the text starts on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_ENDS = ("---", "...")
_LIST_MARKER = re.compile(r"(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)")


def normalize(text: str) -> str:
    """Every line end (CRLF, CR) made LF, as Python-Markdown does. (A BOM is the decoder's: read with utf-8-sig.)"""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class FrontMatter:
    """A text split at its front matter. Without an opening `---` line, or without a closing one, the whole
    text is the body (`opened`/`closed` say which)."""

    opened: bool
    closed: bool
    yaml: str  # the lines between the two fences ("" unless closed)
    body: str  # the text after the closing fence line
    body_line: int  # the line of the text on which the body starts (1 unless closed)


def split_front_matter(text: str) -> FrontMatter:
    """The front matter and body of a text whose lines end in LF (see normalize)."""
    lines = text.split("\n")
    if lines[0].rstrip() != FRONT_MATTER_FENCE:
        return FrontMatter(False, False, "", text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FRONT_MATTER_ENDS:
            return FrontMatter(True, True, "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2)
    return FrontMatter(True, False, "", text, 1)


class Heading(NamedTuple):
    """An ATX heading: its level, its text (without the #s) and where its #s start in the line."""

    level: int
    text: str
    column: int  # index in the line of the first "#"


class Line(NamedTuple):
    """One line of a Markdown text and what it is."""

    number: int  # line of the file
    text: str
    code: bool  # inside a fenced code block, the fence lines included
    heading: Heading | None  # an ATX heading at the top level, outside code


_MAY_START = frozenset("`~#-+*0123456789")  # what a fence, heading or list item begins with


def scan(text: str, first_line: int = 1) -> list[Line]:
    """Every line of `text` (split at LF) with its fences and headings; line numbers start at `first_line`."""
    return list(_scan(text, first_line))


@functools.lru_cache(maxsize=16)  # the checks read a body's structure twice (sections, then markup)
def _scan(text: str, first_line: int) -> tuple[Line, ...]:
    lines: list[Line] = []
    items: list[int] = []  # the text column of each open list item, outermost first
    fence: tuple[str, int, int] | None = None  # (character, length, number of list items around it)
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        rest = line.lstrip(" \t")
        start = len(line) - len(rest)
        indent = start if "\t" not in line[:start] else _indentation(line)[0]
        if fence is not None:
            char, length, depth = fence
            if not rest or depth == 0 or indent >= items[depth - 1]:
                base = items[depth - 1] if depth else 0
                if indent - base <= 3 and rest[:1] == char and _closes(rest, char, length):
                    fence = None
                lines.append(Line(number, line, True, None))
                continue
            fence = None  # a line left of the list item's text ends the item, and the fence with it
        if not rest:
            lines.append(Line(number, line, False, None))
            continue
        while items and indent < items[-1]:
            items.pop()
        if rest[0] not in _MAY_START:
            lines.append(Line(number, line, False, None))
            continue
        column, position = indent, start
        while True:
            relative = column - (items[-1] if items else 0)
            if relative > 3:
                break
            marker = _list_marker(line, position)
            if marker is None:
                break
            column, position = _item_text(line, column, position, marker)
            items.append(column)
        relative = column - (items[-1] if items else 0)
        opened = _opens(line[position:]) if relative <= 3 else None
        if opened is not None:
            fence = (opened[0], opened[1], len(items))
            lines.append(Line(number, line, True, None))
            continue
        heading = _heading(line, position) if relative <= 3 and not items else None
        lines.append(Line(number, line, False, heading))
    return tuple(lines)


def headings(text: str, first_line: int = 1) -> list[tuple[int, Heading]]:
    """(line, heading) of every top-level ATX heading outside code fences."""
    return [(line.number, line.heading) for line in scan(text, first_line) if line.heading is not None]


@dataclass(frozen=True)
class Section:
    """The text under one H2 heading, up to the next H2 (H1 lines left out)."""

    title: str
    line: int
    text: str


def sections(text: str, first_line: int = 1) -> tuple[list[Section], list[Line]]:
    """The H2 sections of `text`, and the lines outside every section: each H1, and each line with text
    before the first H2. A section's text is stripped of blank lines at both ends."""
    found: list[Section] = []
    outside: list[Line] = []
    current: Line | None = None
    buffer: list[str] = []
    for line in scan(text, first_line):
        level = line.heading.level if line.heading else 0
        if level == 1:
            outside.append(line)
        elif level == 2:
            if current is not None:
                found.append(Section(current.heading.text, current.number, "\n".join(buffer).strip("\n")))
            current, buffer = line, []
        elif current is None:
            if line.text.strip():
                outside.append(line)
        else:
            buffer.append(line.text)
    if current is not None:
        found.append(Section(current.heading.text, current.number, "\n".join(buffer).strip("\n")))
    return found, outside


# -- the pieces of a line ---------------------------------------------------------------------------------


def _indentation(line: str) -> tuple[int, int]:
    """(columns, characters) of the line's leading spaces and tabs; a tab goes to the next multiple of 4."""
    columns = 0
    for position, char in enumerate(line):
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            return columns, position
    return columns, len(line)


def _list_marker(line: str, position: int) -> str | None:
    """The list marker (`-`, `+`, `*`, `1.`, `1)`) at `position`, followed by a space, tab or the line's end."""
    match = _LIST_MARKER.match(line, position)
    if match is None or (match.group()[0] in "-*" and _thematic_break(line[position:])):
        return None
    return match.group()


def _thematic_break(rest: str) -> bool:
    """Three or more of one of - * _ and nothing else but spaces and tabs."""
    return rest[0] in "-*_" and not rest.strip(" \t" + rest[0]) and rest.count(rest[0]) >= 3


def _item_text(line: str, column: int, position: int, marker: str) -> tuple[int, int]:
    """(column, index) where a list item's text starts: after the marker and one to four spaces."""
    column += len(marker)
    position += len(marker)
    after = line[position:]
    text = after.lstrip(" \t")
    gap = len(after) - len(text)
    spaces = gap if "\t" not in after[:gap] else _indentation(after)[0]
    if not text or spaces > 4:  # nothing after the marker, or indented code in the item
        return column + 1, min(position + 1, len(line))
    return column + spaces, position + gap


def _opens(rest: str) -> tuple[str, int] | None:
    """(character, length) when `rest` (the line after its indentation) opens a code fence."""
    if not rest or rest[0] not in "`~":
        return None
    char = rest[0]
    length = len(rest) - len(rest.lstrip(char))
    if length < 3 or (char == "`" and "`" in rest[length:]):
        return None
    return char, length


def _closes(rest: str, char: str, length: int) -> bool:
    run = len(rest) - len(rest.lstrip(char))
    return run >= length and not rest[run:].strip(" \t")


def _heading(line: str, position: int) -> Heading | None:
    level = len(line) - position - len(line[position:].lstrip("#"))
    if not 1 <= level <= 6:
        return None
    rest = line[position + level:]
    if rest and rest[0] not in " \t":
        return None
    text = rest.strip(" \t")
    closing = text.rstrip("#")
    if not closing:
        text = ""
    elif closing != text and closing[-1] in " \t":
        text = closing.rstrip(" \t")
    return Heading(level, text, position)
