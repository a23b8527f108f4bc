"""What is derived from the schema besides validation: the JSON Schema and the `new` template."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import yaml

from .schema import FIELDS, SECTIONS
from .vocabulary import Vocabulary

SCHEMA_PATH = "schema/method.schema.json"
SCHEMA_ID = "https://metodbanken.github.io/metodbanken/schema/method.schema.json"


def build_json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a method's front matter, from the one field table."""
    properties = {}
    for spec in FIELDS:
        schema = spec.kind.json_schema(vocabulary)
        schema = {"title": spec.label, "description": spec.help, **schema}
        properties[spec.name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Metod i Metodbanken",
        "description": "Front matter i en metodfil (methods/<id>.md). Skapad av metodbank schema --write; "
                       "ändra i hooks/metodbank/schema.py och vocabulary.yml, inte här.",
        "type": "object",
        "properties": properties,
        "required": [f.name for f in FIELDS if f.required],
        "additionalProperties": False,
    }


def format_json_schema(vocabulary: Vocabulary) -> str:
    """The JSON Schema as the committed file holds it."""
    return json.dumps(build_json_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"


def build_template(title: str, phases: list[str], vocabulary: Vocabulary, today: datetime.date) -> str:
    """A new method file: every field with a Swedish comment and a value that passes `metodbank check`."""
    overrides: dict[str, Any] = {"title": title, "phases": phases, "last_reviewed": today}
    lines = ["---"]
    for spec in FIELDS:
        if spec.name == "id":
            continue
        lines.append(f"# {spec.label}: {spec.help}")
        allowed = _allowed(spec.kind, vocabulary)
        if allowed:
            lines.append(f"# Tillåtna värden: {allowed}")
        lines.extend(_dump_field(spec.name, overrides.get(spec.name, spec.draft_value)))
    lines.append("---")
    for section in SECTIONS:
        if section.required:
            lines += ["", f"## {section.title}", "", f"Skriv här. {section.help}"]
    optional = ", ".join(f"## {s.title}" for s in SECTIONS if not s.required)
    lines += ["", f"<!-- Valfria rubriker, i den här ordningen: {optional} -->", ""]
    return "\n".join(lines)


def _dump_value(value: Any) -> str:
    """One YAML value on one line: scalars plain (quoted when needed), lists in [brackets]."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n...\n").rstrip("\n")


def _dump_field(name: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{name}:"] + [f"  {key}: {_dump_value(item)}" for key, item in value.items()]
    return [f"{name}: {_dump_value(value)}"]


def _allowed(kind: Any, vocabulary: Vocabulary) -> str:
    name = getattr(kind, "vocabulary_list", None)
    if name is None or name == "tags" and len(vocabulary.ids(name)) > 30:
        return ""
    return ", ".join(f"{t.id} ({t.label.lower()})" for t in vocabulary.terms(name))


FIELD_DOCS_URI = "bidra/falt.md"
ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/foresla-en-metod.yml"


def _code_span(text: str) -> str:
    """Text as a Markdown code span, shown exactly as written (no backslash escapes: code spans keep them).

    Python-Markdown's tables do not split cells on a `|` inside backticks; the fence is one backtick longer
    than any run of backticks in the text."""
    text = " ".join(text.split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def build_field_docs(vocabulary: Vocabulary) -> tuple[str, str]:
    """(src_uri, Markdown) of the generated page that documents every field and section."""
    from .format import md_escape

    rows = ["| Fält | Betydelse | Vad som är tillåtet | Krävs | Exempel |", "|---|---|---|---|---|"]
    for spec in FIELDS:
        example = _dump_field(spec.name, spec.example)
        example_text = "<br>".join(_code_span(line) for line in example)
        rows.append(
            f"| `{spec.name}`<br>**{md_escape(spec.label)}** | {md_escape(spec.help)} | "
            f"{spec.kind.describe(vocabulary).replace('|', '&#124;')} | {'ja' if spec.required else 'nej'} | {example_text} |"
        )
    sections = [f"{i}. **{s.title}**{' (krävs)' if s.required else ' (valfri)'}: {md_escape(s.help)}"
                for i, s in enumerate(SECTIONS, 1)]
    markdown = "\n\n".join([
        '---\ndescription: "Alla fält i en metodfil, med betydelse, tillåtna värden och exempel."\n---',
        "# Fälten i en metodfil",
        "Varje metod är en Markdown-fil i mappen `methods/`. Filen börjar med fält mellan två rader `---` "
        "(front matter) och fortsätter med texten under fasta rubriker. Den här sidan skapas automatiskt från "
        "samma beskrivning som `metodbank check` använder, så den stämmer alltid med kontrollen.",
        "Skapa en ny fil med `metodbank new --title \"Metodens namn\" --phase delivery` så får du alla fält "
        "ifyllda med förklaringar.",
        "## Fält",
        "\n".join(rows),
        "Listorna med tillåtna ord (faser, målgrupper, roller, behov, taggar) finns i filen `vocabulary.yml`. "
        "Där står också alias: andra ord som betyder samma sak, till exempel `deltagare` för `participant`.",
        "## Rubriker i texten",
        "Texten efter fälten delas in med rubriker på nivå två (`## Rubrik`) i den här ordningen. "
        "De fyra första krävs i varje metod.",
        "\n".join(sections),
        "## JSON-schema",
        "Fälten finns också som [JSON-schema](../schema/method.schema.json) som editorer och andra verktyg kan "
        "använda för att kontrollera en metodfil medan du skriver.",
    ])
    return FIELD_DOCS_URI, markdown + "\n"


def build_issue_form(vocabulary: Vocabulary) -> str:
    """GitHub issue form "Föreslå en metod", whose fields mirror the schema."""
    body: list[dict[str, Any]] = [{
        "type": "markdown",
        "attributes": {"value": "Tack för att du vill dela en metod! Fyll i det du vet; redaktionen hjälper till "
                                "med resten. Vill du skriva metoden själv, se CONTRIBUTING.md."},
    }]
    skip = {"id", "status", "last_reviewed", "related", "before", "after", "steps", "sources"}
    for spec in FIELDS:
        if spec.name in skip:
            continue
        item: dict[str, Any] = {"id": spec.name, "attributes": {"label": spec.label, "description": spec.help}}
        name = getattr(spec.kind, "vocabulary_list", None)
        if name and spec.name != "adaptations":
            item["type"] = "dropdown"
            item["attributes"]["options"] = [f"{t.label} ({t.id})" for t in vocabulary.terms(name)]
            item["attributes"]["multiple"] = spec.kind.__class__.__name__ == "Choices"
        else:
            item["type"] = "textarea" if spec.name in {"summary", "easy_read", "preparation", "adaptations",
                                                       "materials"} else "input"
        item["validations"] = {"required": spec.required and spec.name in {"title", "summary", "phases"}}
        body.append(item)
    for section in SECTIONS:
        body.append({"type": "textarea", "id": "section-" + section.title.lower().replace(" ", "-"),
                     "attributes": {"label": section.title, "description": section.help},
                     "validations": {"required": section.required and section.title == "Syfte"}})
    form = {"name": "Föreslå en metod", "description": "Beskriv en metod för kompetensutveckling som ni använder.",
            "title": "Ny metod: ", "labels": ["ny metod"], "body": body}
    header = ("# Skapad av metodbank schema --write från hooks/metodbank/schema.py och vocabulary.yml.\n"
              "# Ändra där, inte här.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)
