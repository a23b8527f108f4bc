"""Strict YAML: the safe loader, no duplicate keys, no anchors or aliases, no custom tags, bounded depth.

Every value gets the line it stands on, so that problems can name it. Errors are returned as
`YamlIssue` values with a Swedish message; nothing here raises to the caller.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import yaml

MAX_DEPTH = 16
ALLOWED_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

Path = tuple[Any, ...]


@dataclass(frozen=True)
class YamlIssue:
    """A problem in the YAML text at a 1-based line of the YAML text itself."""

    line: int
    code: str
    message: str


@dataclass(frozen=True)
class YamlResult:
    """Plain Python data, the line of every key and item (by path), and the issues found.

    `refused` lists the paths whose value was refused (a tag, an impossible date): the data holds None
    there, and the validator should not report that None a second time as a wrong type.
    """

    data: Any
    lines: dict[Path, int]
    issues: tuple[YamlIssue, ...]
    refused: tuple[Path, ...] = ()


class _Refused(Exception):
    def __init__(self, issue: YamlIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and nesting deeper than MAX_DEPTH while composing."""

    def __init__(self, stream: str, line_offset: int = 0) -> None:
        super().__init__(stream)
        self._depth = 0
        self.line_offset = line_offset

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102 - PyYAML hook
        event = self.peek_event()
        line = event.start_mark.line + 1 + self.line_offset
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(YamlIssue(line, "yaml-alias", _ALIAS_MESSAGE))
        if getattr(event, "anchor", None):
            raise _Refused(YamlIssue(line, "yaml-alias", _ALIAS_MESSAGE))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                YamlIssue(
                    line,
                    "yaml-too-deep",
                    f"YAML är nästlad i mer än {MAX_DEPTH} nivåer; metodfiler behöver högst några få nivåer",
                )
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_ALIAS_MESSAGE = (
    "YAML-ankare och alias (&namn och *namn) är inte tillåtna i metodfiler; skriv ut värdet där det behövs"
)

# PyYAML's own wording → what a contributor should do. The first fragment found in the error wins.
_SYNTAX_HINTS = (
    ("'\\t'", "yaml-tab", "tabbtecken går inte att använda för indrag i YAML; använd mellanslag"),
    ("mapping values are not allowed", "yaml-syntax",
     "ett kolon följt av mellanslag står mitt i ett värde; sätt hela värdet inom citattecken, eller rätta "
     "indraget om raden ska vara ett eget fält"),
    ("could not find expected ':'", "yaml-syntax", "ett fältnamn saknar kolon, eller ett värde saknar sin rad"),
    ("expected <block end>", "yaml-syntax", "indraget stämmer inte; rader på samma nivå ska börja i samma kolumn"),
    ("did not find expected key", "yaml-syntax",
     "indraget stämmer inte; rader på samma nivå ska börja i samma kolumn"),
    ("did not find expected '-' indicator", "yaml-syntax",
     "en lista blandas med något annat; varje rad i listan ska börja med \"- \""),
    ("found unexpected end of stream", "yaml-syntax",
     "ett citattecken som börjar på raden stängs aldrig; lägg till det avslutande citattecknet"),
    ("found unknown escape character", "yaml-syntax",
     "okänd teckenkombination efter \\ inom dubbla citattecken; använd enkla citattecken"),
    ("expected a single document", "yaml-syntax", "front matter får bara innehålla ett YAML-dokument"),
    ("expected ',' or ']'", "yaml-syntax", "en lista inom hakparenteser saknar komma eller avslutande ]"),
    ("expected ',' or '}'", "yaml-syntax", "en samling inom klammerparenteser saknar komma eller avslutande }"),
    ("found character", "yaml-syntax", "ett tecken som inte får inleda ett värde; sätt värdet inom citattecken"),
)


def _syntax_issue(error: yaml.YAMLError, line_offset: int = 0) -> YamlIssue:
    context = getattr(error, "context", "") or ""
    problem = getattr(error, "problem", "") or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if context_mark is not None and ("quoted scalar" in context or "flow" in context) \
            and "unknown escape" not in problem:
        mark = context_mark  # PyYAML notices an unclosed quote or bracket far below; name the line it opens on
    line = (mark.line + 1 if mark is not None else 1) + line_offset
    text = f"{context} {problem}"
    for fragment, code, hint in _SYNTAX_HINTS:
        if fragment in text:
            return YamlIssue(line, code, f"YAML-fel: {hint}")
    return YamlIssue(line, "yaml-syntax", "YAML-fel: kontrollera indrag, kolon och citattecken på raden")


_CSafeLoader = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it
# What the two parsers read differently without showing it in the events: tabs, a byte order mark, unusual
# line breaks, and a block scalar header followed by # with no space (">-#").
_UNUSUAL = re.compile("[\t\ufeff\x85\u2028\u2029]|[|>][-+0-9]*#")
_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers
_CONSTRUCTORS = yaml.SafeLoader.yaml_constructors
_STR = "tag:yaml.org,2002:str"
_NO_KEY = object()


class _Careful(Exception):
    """The fast path saw something only the careful path words right (an anchor, a tag, a duplicate key …)."""


def _load_fast(text: str, line_offset: int) -> YamlResult | None:
    """The result read from libyaml's events (about ten times faster), or None to take the careful path.

    libyaml parses in C; this function builds the data and the line of every key and item from its events
    in one pass. It decides from what libyaml parsed, not from characters in the text: an anchor, an alias
    or an explicit tag on any event, a duplicate or non-text key, a value the safe constructors refuse,
    nesting deeper than MAX_DEPTH, a second document, a plain scalar with ? inside a flow collection
    (PyYAML ends the scalar there, libyaml does not) or any YAML error sends the text to the careful path
    (`_Loader`), which gives the messages. A text with a tab, a byte order mark, an unusual line break or
    ">-#" goes there directly. tests/test_bench.py and tests/test_properties.py check that both paths agree.
    """
    if _CSafeLoader is None or _UNUSUAL.search(text):
        return None
    loader = _CSafeLoader(text)
    try:
        return _from_events(loader, line_offset)
    except (_Careful, yaml.YAMLError, ValueError, OverflowError, TypeError):
        return None
    finally:
        loader.dispose()


_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent


def _from_events(loader: Any, line_offset: int) -> YamlResult:
    get = loader.get_event
    get()  # StreamStartEvent
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return YamlResult(None, {}, ())
    if event.version or event.tags:  # %YAML or %TAG directives
        raise _Careful
    lines: dict[Path, int] = {}
    offset = 1 + line_offset
    resolvers, constructors = _RESOLVERS, _CONSTRUCTORS
    scalar_kind, map_kind, seq_kind = _SCALAR, _MAP_START, _SEQ_START
    # The open collections, innermost last; for the innermost: its container, path, whether it is a mapping
    # (and then the key waiting for its value, or _NO_KEY), and whether it is inside [ ] or { }.
    stack: list[tuple] = []
    container: Any = None
    base: Path = ()
    is_map = flow = False
    key: Any = _NO_KEY
    root: Any = None
    while True:
        event = get()
        kind = event.__class__
        if kind is scalar_kind:
            if event.anchor is not None or event.tag is not None:
                raise _Careful
            value = event.value
            tag = _STR
            if event.implicit[0]:  # plain: resolved like the careful path (int, float, bool, null, date or text)
                if flow and "?" in value:
                    raise _Careful  # PyYAML ends a plain scalar at ? inside [ ] or { }, libyaml does not
                if not value and not is_map:
                    raise _Careful  # an empty item: the parsers place it on different lines
                for candidate, regexp in resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        tag = candidate
                        break
            if is_map and key is _NO_KEY:
                if tag != _STR or value in container:
                    raise _Careful  # a key that is not text, or a duplicate: the careful path words it
                key = value
                lines[base + (value,)] = event.start_mark.line + offset
                continue
            if tag != _STR:
                if tag not in ALLOWED_SCALAR_TAGS:
                    raise _Careful
                value = constructors[tag](loader, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))
                if isinstance(value, datetime.datetime):
                    value = value.date()
            if container is None:
                if len(stack) >= MAX_DEPTH:
                    raise _Careful
                lines[()] = event.start_mark.line + offset
                root = value
                break
            if len(stack) >= MAX_DEPTH:
                raise _Careful
            if is_map:
                container[key] = value
                key = _NO_KEY  # its line is the key's
            else:
                lines[base + (len(container),)] = event.start_mark.line + offset
                container.append(value)
            continue
        if kind is map_kind or kind is seq_kind:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _Careful
            value = {} if kind is map_kind else []
            if container is None:
                path: Path = ()
                root = value
                lines[()] = event.start_mark.line + offset
            elif is_map:
                if key is _NO_KEY:
                    raise _Careful  # a mapping or list as a key
                path = base + (key,)
                container[key] = value
                key = _NO_KEY
            else:
                path = base + (len(container),)
                lines[path] = event.start_mark.line + offset
                container.append(value)
            stack.append((container, base, is_map, key, flow))
            container, base, is_map, key = value, path, kind is map_kind, _NO_KEY
            flow = flow or bool(event.flow_style)
            continue
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            container, base, is_map, key, flow = stack.pop()
            if not stack:
                break
            continue
        raise _Careful  # an alias, or a document with nothing in it
    if not isinstance(get(), yaml.DocumentEndEvent) or not isinstance(get(), yaml.StreamEndEvent):
        raise _Careful  # a second document: the careful path says so
    return YamlResult(root, lines, ())


def load(text: str, line_offset: int = 0, careful: bool = False) -> YamlResult:
    """Parse one YAML document strictly; lines in the result are 1-based within `text`, plus `line_offset`.

    The loader passes the number of lines before the YAML (the opening ---), so that every line, also
    the ones inside messages ("finns redan på rad 12"), is a line of the file. `careful`: skip libyaml's fast
    path and read with PyYAML only (the tests compare the two).
    """
    control = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if control:  # PyYAML refuses these already when the loader is created
        line = text.count("\n", 0, control.start()) + 1 + line_offset
        return YamlResult(None, {}, (YamlIssue(line, "yaml-control-character", f"raden innehåller ett osynligt "
                                               f"styrtecken (U+{ord(control.group()):04X}) som inte får stå i front "
                                               "matter; ta bort det, till exempel genom att skriva om raden"),))
    fast = None if careful else _load_fast(text, line_offset)
    if fast is not None:
        return fast
    loader = _Loader(text, line_offset)
    try:
        try:
            node = loader.get_single_node()
        except _Refused as refused:
            return YamlResult(None, {}, (refused.issue,))
        except yaml.YAMLError as error:
            return YamlResult(None, {}, (_syntax_issue(error, line_offset),))
        except RecursionError:
            return YamlResult(None, {}, (YamlIssue(1 + line_offset, "yaml-too-deep", "YAML är för djupt nästlad"),))
        if node is None:
            return YamlResult(None, {}, ())
        lines: dict[Path, int] = {}
        issues: list[YamlIssue] = []
        refused: list[Path] = []
        data = _build(loader, node, (), lines, issues, refused)
        return YamlResult(data, lines, tuple(issues), tuple(refused))
    finally:
        loader.dispose()


def _build(loader: _Loader, node: yaml.Node, path: Path, lines: dict[Path, int], issues: list[YamlIssue],
           refused: list[Path]) -> Any:
    line = node.start_mark.line + 1 + loader.line_offset
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        if node.tag != MAP_TAG:
            issues.append(_tag_issue(line, node.tag))
            refused.append(path)
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + loader.line_offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                issues.append(YamlIssue(key_line, "yaml-key", "ett fältnamn måste vara vanlig text"))
                continue
            key = key_node.value
            if key in result:
                first = lines.get(path + (key,), key_line)
                issues.append(
                    YamlIssue(key_line, "duplicate-key", f'fältet "{key}" finns redan på rad {first}; ta bort en av dem')
                )
                continue
            lines[path + (key,)] = key_line
            result[key] = _build(loader, value_node, path + (key,), lines, issues, refused)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != SEQ_TAG:
            issues.append(_tag_issue(line, node.tag))
            refused.append(path)
            return None
        return [_build(loader, item, path + (i,), lines, issues, refused) for i, item in enumerate(node.value)]
    if node.tag not in ALLOWED_SCALAR_TAGS:
        issues.append(_tag_issue(line, node.tag))
        refused.append(path)
        return None
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.YAMLError):
        if node.tag.endswith(":timestamp"):
            issues.append(YamlIssue(line, "bad-date", f'"{node.value}" är inget giltigt datum; skriv ÅÅÅÅ-MM-DD'))
        elif node.value.strip().lstrip("+-").isdigit():
            issues.append(YamlIssue(line, "yaml-value", f"talet har {len(node.value.strip())} siffror och är för "
                                    "stort; skriv ett mindre tal"))
        else:
            issues.append(YamlIssue(line, "yaml-value", f'"{node.value[:40]}" går inte att läsa som det YAML-taggen '
                                    f'"{node.tag.replace("tag:yaml.org,2002:", "!!")}" säger; ta bort taggen'))
        refused.append(path)
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def _tag_issue(line: int, tag: str) -> YamlIssue:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return YamlIssue(
        line, "yaml-tag", f'YAML-taggen "{shown}" är inte tillåten; skriv vanlig text, tal, listor och datum'
    )
