"""From a "Föreslå en metod" issue to a method file: the engine behind `metodbank from-issue`.

GitHub renders an issue form as Markdown: one `### Label` heading per item, in the form's order, then the
answer; `_No response_` for an empty answer; the chosen options of a dropdown as their text, separated by
commas. The labels are the Swedish labels of the schema (derived.issue_form), so they are read back with
the same form description, matched in order (two items may share a label, e.g. the field and the section
"Anpassningar"). Values are interpreted by their kind, not by field name, so a new field in the form is
read without a change here.

The issue body is untrusted text. It is only ever parsed as data: never evaluated, never put into a shell
or a workflow expression; the file is written with a YAML dumper and checked like any method before it is
written. Problems are returned as `Problem` values (path "ärendet", line in the issue body).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .derived import STEPS_ITEM_PREFIX, build_issue_form
from ..core.kinds import Choice, Choices, Date, Keyed, Kind, MethodId, Range, Refs, Sources, Strings, Text
from ..core.loader import load_source
from ..core.problems import Problem
from ..core.schema import FIELDS, FIELDS_BY_NAME, FRONT_MATTER_WIDTH, SECTIONS
from ..core.text import ID_PATTERN, slugify
from ..core.validate import validate_source
from ..core.vocabulary import Vocabulary

ISSUE = "ärendet"
NO_RESPONSE = "_No response_"
MAX_ISSUE_CHARS = 65_536  # GitHub's own limit for an issue body
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_OPTION_ID = re.compile(r"\(([a-z0-9_-]+)\)\s*$")


@dataclass(frozen=True)
class IssueMethod:
    """The method file made from an issue: its id, the file's text, and the problems that stop it."""

    method_id: str
    text: str
    problems: tuple[Problem, ...]


def form_items(vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """The items of the issue form (not its Markdown text), read from the form as it is generated."""
    form = yaml.safe_load(build_issue_form(vocabulary))
    return [item for item in form["body"] if item.get("type") != "markdown"]


def _answers(body: str, items: list[dict[str, Any]]) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """Form item id → (answer, line of its heading), matching headings to the form's items in order."""
    labels = [(item["id"], item["attributes"]["label"]) for item in items]
    answers: dict[str, tuple[str, int]] = {}
    current: tuple[str, int] | None = None
    lines: list[str] = []
    position = 0

    def close() -> None:
        if current is not None:
            text = "\n".join(lines).strip("\n").strip()
            answers[current[0]] = ("" if text == NO_RESPONSE else text, current[1])

    for number, line in enumerate(body.split("\n"), 1):
        match = _HEADING.match(line)
        if match:
            label = match.group(1).strip()
            found = next((i for i in range(position, len(labels)) if labels[i][1] == label), None)
            if found is not None:
                close()
                current, lines, position = (labels[found][0], number), [], found + 1
                continue
        if current is not None:
            lines.append(line)
    close()
    problems = []
    if not answers:
        problems.append(Problem(ISSUE, 1, "issue-not-a-form", "ärendet är inte skapat med formuläret "
                                '"Föreslå en metod"; det saknar rubrikerna (### Titel, ### Sammanfattning …)'))
    return answers, problems


def _lines(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.split("\n") if _BULLET.sub("", line).strip()]


def _choice_words(text: str) -> list[str]:
    """The chosen options of a dropdown: "Förankring (anchoring), Genomförande (delivery)" → ids or words."""
    words = []
    for part in re.split(r",|\n", text):
        part = _BULLET.sub("", part).strip()
        if not part:
            continue
        match = _OPTION_ID.search(part)
        words.append(match.group(1) if match else part)
    return words


class _Reader:
    """Turns one answer into a front-matter value by the field's kind; collects problems."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.problems: list[Problem] = []

    def problem(self, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(ISSUE, line, code, message))

    def value(self, kind: Kind, text: str, label: str, line: int) -> Any:
        if isinstance(kind, (Choice, Choices)):
            ids = []
            for word in _choice_words(text):
                found = self.vocabulary.resolve(kind.vocabulary_list, word)
                if found is None:
                    self.problem(line, "unknown-value", f'"{label}": '
                                 + self.vocabulary.unknown_message(kind.vocabulary_list, word))
                elif found not in ids:
                    ids.append(found)
            if isinstance(kind, Choice):
                if len(ids) > 1:
                    self.problem(line, "too-many", f'"{label}": välj ett värde, inte {len(ids)}')
                return ids[0] if ids else None
            return ids
        if isinstance(kind, Range):
            numbers = [int(n) for n in re.findall(r"\d+", text)]
            if not numbers or len(numbers) > 2 + len(kind.extra):
                self.problem(line, "bad-range", f'"{label}": skriv ett eller två heltal ({kind.unit}), till exempel '
                             f'"2–8"; nu står det "{text[:60]}"')
                return None
            return {"min": numbers[0], "max": numbers[1] if len(numbers) > 1 else numbers[0]}
        if isinstance(kind, Keyed):
            return self.keyed(kind, text, label, line)
        if isinstance(kind, (Strings, Refs)):
            return _lines(text)
        if isinstance(kind, Sources):
            result = []
            for item in _lines(text):
                match = re.match(r"^(.*?)\s+<?(https?://\S+?)>?$", item)
                result.append({"text": match.group(1), "url": match.group(2)} if match else {"text": item})
            return result
        if isinstance(kind, (Text, Date, MethodId)):
            return " ".join(text.split()) if isinstance(kind, (Date, MethodId)) else text
        parts = _pairs(kind)
        if parts:  # a mapping of named parts: "part: value" lines
            return self.keyed_parts(parts, text, label, line)
        return text

    def keyed(self, kind: Keyed, text: str, label: str, line: int) -> dict[str, Any]:
        """Lines "Behov: text" (label, id or alias first); lines without one continue the one before."""
        result: dict[str, list[str]] = {}
        key = None
        for row in text.split("\n"):
            head, sep, rest = row.partition(":")
            found = self.vocabulary.resolve(kind.vocabulary_list, _BULLET.sub("", head)) if sep else None
            if found is not None:
                key, row = found, rest
            elif key is None and row.strip():
                names = ", ".join(t.label for t in self.vocabulary.terms(kind.vocabulary_list))
                self.problem(line, "keyed-without-key", f'"{label}": börja raden med vad den gäller och ett kolon, '
                             f'till exempel "{self.vocabulary.terms(kind.vocabulary_list)[0].label}: …" '
                             f"(tillåtet: {names})")
                return {}
            if key is not None and row.strip():
                result.setdefault(key, []).append(row.strip())
        if isinstance(kind.value, (Strings, Refs)):
            return {k: [_BULLET.sub("", r).strip() for r in v] for k, v in result.items()}
        return {k: " ".join(v) for k, v in result.items()}

    def keyed_parts(self, parts: list[tuple[str, Kind]], text: str, label: str, line: int) -> dict[str, Any]:
        """A mapping of named parts: lines "part: value"; else free text, where a part that is a choice takes
        the first word of its list found in the text and a text part takes the whole text."""
        names = {key: kind for key, kind in parts}
        result: dict[str, Any] = {}
        for row in _lines(text):
            head, _, rest = row.partition(":")
            key = head.strip().lower()
            if key in names:
                result[key] = self.value(names[key], rest.strip(), f"{label}: {key}", line)
        if result:
            return result
        for key, kind in parts:
            if isinstance(kind, Choice):
                lowered = text.lower()
                hits = [(lowered.find(word.lower()), term) for term in self.vocabulary.terms(kind.vocabulary_list)
                        for word in (term.id, term.label, *term.aliases)
                        if re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", lowered)]
                if hits:
                    result[key] = min(hits, key=lambda h: h[0])[1].id
            elif isinstance(kind, Text):
                result[key] = text
        return result


class _Dumper(yaml.SafeDumper):
    """Writes front matter like a hand-written file: lists of ids in [brackets], mappings as blocks, text
    with line breaks as a literal block. PyYAML quotes whatever needs quoting and falls back to quotes
    when a block is not possible, so every value reads back exactly."""


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = bool(value) and all(isinstance(v, str) and ID_PATTERN.match(v.replace("_", "-")) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, value: dict) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)


def _pairs(kind: Kind) -> list[tuple[str, Kind]]:
    found = []
    for value in vars(kind).values() if hasattr(kind, "__dict__") else ():
        if isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Kind))
    return found


def method_from_issue(body: str, vocabulary: Vocabulary, taken: set[str], today: datetime.date,
                      method_id: str | None = None, extra: dict[str, str] | None = None) -> IssueMethod:
    """The method file for an issue body, and every problem that stops it from being written.

    `taken` holds the existing ids (lower case); the file is a draft (status: draft) reviewed today.
    `extra` gives fields the issue form does not ask for (name → text, read by the field's kind, like an
    answer); the issue's own answers win.
    """
    if len(body) > MAX_ISSUE_CHARS:
        return IssueMethod("", "", (Problem(ISSUE, 1, "issue-too-large", f"ärendet är {len(body)} tecken; högst "
                                            f"{MAX_ISSUE_CHARS} går att läsa, så det är inte skapat med formuläret"),))
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    items = form_items(vocabulary)
    answers, problems = _answers(body, items)
    reader = _Reader(vocabulary)
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name in answers:
            text, line = answers[spec.name]
            if text:
                value = reader.value(spec.kind, text, spec.label, line)
                if value not in (None, "", [], {}):
                    values[spec.name] = value
    for name, text in (extra or {}).items():
        spec = FIELDS_BY_NAME.get(name)
        if spec is not None and name not in values and text.strip():
            value = reader.value(spec.kind, text, spec.label, 0)
            if value not in (None, "", [], {}):
                values[name] = value
    steps = FIELDS_BY_NAME["steps"]
    for phase in vocabulary.ids(steps.kind.vocabulary_list):
        text, _ = answers.get(STEPS_ITEM_PREFIX + phase, ("", 0))
        if text:
            values.setdefault("steps", {})[phase] = _lines(text)
    values.setdefault("last_reviewed", today)
    values["status"] = "draft"
    problems.extend(reader.problems)

    # The form's section items come in the order of SECTIONS (their labels may carry a suffix).
    form_sections = [item["id"] for item in items if str(item["id"]).startswith("section-")]
    sections = []
    for item_id, section in zip(form_sections, SECTIONS):
        text, _ = answers.get(item_id, ("", 0))
        if text:
            sections.append(f"## {section.title}\n\n{text}\n")

    title = " ".join(str(values.get("title", "")).split())
    method_id = method_id or slugify(title)
    if not method_id or not ID_PATTERN.match(method_id):
        problems.append(Problem(ISSUE, answers.get("title", ("", 1))[1], "bad-id",
                                f'titeln "{title[:60]}" ger inget id för filnamnet; skriv en titel med bokstäver'))
    elif method_id.lower() in taken:
        problems.append(Problem(ISSUE, answers.get("title", ("", 1))[1], "id-taken",
                                f"methods/{method_id}.md finns redan; byt titel i ärendet eller ange ett annat id "
                                f"med --id, till exempel --id {method_id}-2"))
    ordered = {spec.name: values[spec.name] for spec in FIELDS if spec.name in values}
    front = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=FRONT_MATTER_WIDTH)
    text = "---\n" + front + "---\n\n" + "\n".join(sections)
    if answers:  # check the file like any method, so that every problem is reported at once
        checked_id = method_id if method_id and ID_PATTERN.match(method_id) else "ny-metod"
        source, more = load_source(f"methods/{checked_id}.md", checked_id, text.encode("utf-8"))
        problems.extend(Problem(ISSUE, 0, p.code, p.message) for p in more)
        if source is not None:
            _, more = validate_source(source, vocabulary, today)
            problems.extend(Problem(ISSUE, 0, p.code, p.message) for p in more)
    return IssueMethod(method_id, text, tuple(problems))
