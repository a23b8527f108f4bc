"""What is derived from the schema besides validation: the JSON Schema and the `new` template."""

from __future__ import annotations

import datetime
import json
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
