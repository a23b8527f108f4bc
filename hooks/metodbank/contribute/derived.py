"""What is derived from the schema besides validation: the JSON Schema and the `new` template."""

from __future__ import annotations

import datetime
import json
import re
from typing import TYPE_CHECKING, Any

import yaml

from ..core.schema import FIELDS, SECTIONS, dump_field
from ..core.text import slugify
from ..core.vocabulary import Vocabulary
from ..site.browser_tables import tables_script
from ..site.editor import editor_markdown, method_data_files
from ..site.urls import EDITOR_URI, SCHEMA_URI, TABLES_SCRIPT

if TYPE_CHECKING:
    from ..core.config import Addresses
    from ..core.project import Project

SCHEMA_PATH = SCHEMA_URI  # the repository file; the site publishes it at the same path
SCHEMA_ID = f"https://metodbanken.github.io/metodbanken/{SCHEMA_URI}"  # when mkdocs.yml names no site


def build_json_schema(vocabulary: Vocabulary, addresses: Addresses | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a method's front matter, from the one field table.

    Its $id is where the site publishes it: the site address from mkdocs.yml (`addresses`) + SCHEMA_PATH.
    """
    properties = {}
    for spec in FIELDS:
        schema = spec.kind.json_schema(vocabulary)
        schema = {"title": spec.label, "description": spec.help, **schema}
        properties[spec.name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": addresses.pages_url + SCHEMA_PATH if addresses is not None and addresses.pages_url else SCHEMA_ID,
        "title": "Metod i Metodbanken",
        "description": "Front matter i en metodfil (methods/<id>.md). Skapad av metodbank schema --write; "
                       "ändra i hooks/metodbank/core/schema.py och vocabulary.yml, inte här.",
        "type": "object",
        "properties": properties,
        "required": [f.name for f in FIELDS if f.required],
        "additionalProperties": False,
    }


def format_json_schema(vocabulary: Vocabulary, addresses: Addresses | None = None) -> str:
    """The JSON Schema as the committed file holds it."""
    return json.dumps(build_json_schema(vocabulary, addresses), ensure_ascii=False, indent=2) + "\n"


def build_template(title: str, phases: list[str], vocabulary: Vocabulary, today: datetime.date) -> str:
    """A new method file: every field with its Swedish help, allowed values and an example in comments.

    Only what the author gave (title, phases), today's date and status draft are filled in. Every other
    value is left empty, so that an untouched template fails `metodbank check` with a message per field
    instead of publishing example numbers and texts as if they were real.
    """
    overrides: dict[str, Any] = {"title": title, "phases": phases, "last_reviewed": today, "status": "draft"}
    lines = ["---", "# Fyll i varje fält. Ett tomt fält ger ett fel i metodbank check tills du har skrivit i det;",
             "# raderna som börjar med # är hjälptext och kan stå kvar."]
    for spec in FIELDS:
        if spec.name == "id":
            continue
        lines.append(f"# {spec.label}: {spec.help}")
        allowed = _allowed(spec.kind, vocabulary)
        if allowed:
            lines.append(f"# Tillåtna värden: {allowed}")
        if spec.name in overrides:
            lines.extend(dump_field(spec.name, overrides[spec.name]))
            continue
        example = dump_field(spec.name, spec.example)
        if len(example) == 1:
            lines.append("# Exempel: " + example[0])
        else:
            lines += ["# Exempel:"] + [f"#   {line}" for line in example]
        lines.extend(dump_field(spec.name, empty_value(spec.kind, vocabulary)))
    lines.append("---")
    for section in SECTIONS:
        if section.required:
            lines += ["", f"## {section.title}", "", f"<!-- Skriv här: {section.help} -->"]
    optional = ", ".join(f"## {s.title}" for s in SECTIONS if not s.required)
    lines += ["", f"<!-- Valfria rubriker, i den här ordningen: {optional} -->", ""]
    return "\n".join(lines)


def empty_value(kind: Any, vocabulary: Vocabulary) -> Any:
    """The empty value of a kind, for the template: text "", lists [], numbers and other values left out."""
    name = type(kind).__name__
    if name in ("Choices", "Strings", "Refs", "Sources"):
        return []
    if name == "Range":
        return {"min": None, "max": None}
    if name == "Keyed":
        if kind.require_all:
            return {key: empty_value(kind.value, vocabulary) for key in vocabulary.ids(kind.vocabulary_list)}
        return {}
    parts = [v for value in vars(kind).values() if isinstance(value, tuple)
             for v in value if isinstance(v, tuple) and len(v) == 2 and hasattr(v[1], "check")]
    if parts and name not in ("Text", "Choice", "Date"):
        return {key: empty_value(sub, vocabulary) for key, sub in parts}
    return ""


def _allowed(kind: Any, vocabulary: Vocabulary) -> str:
    name = getattr(kind, "vocabulary_list", None)
    if name is None or name == "tags" and len(vocabulary.ids(name)) > 30:
        return ""
    return ", ".join(f"{t.id} ({t.label.lower()})" for t in vocabulary.terms(name))


ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/foresla-en-metod.yml"
STEPS_ITEM_PREFIX = "steps-"  # issue form items "steps-<phase>": the steps of one phase


FORM_ID = re.compile(r"^[a-zA-Z0-9_-]+$")  # GitHub's rule for the id of an issue form element


def _check_form_body(body: list[dict[str, Any]]) -> None:
    """GitHub offers no form whose element ids break its pattern or repeat, or whose labels repeat.

    The form is made from the schema in code, so a break is a programming error: raise rather than write
    a file GitHub would silently refuse.
    """
    ids = [item["id"] for item in body if "id" in item]
    labels = [item["attributes"]["label"] for item in body if "label" in item["attributes"]]
    bad = [i for i in ids if not FORM_ID.match(i)]
    for name, values in (("id", ids), ("label", labels)):
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            bad.append(f"{name} twice: {', '.join(repeated)}")
    if bad:
        raise ValueError(f"issue form would be invalid on GitHub: {'; '.join(bad)}")


def build_issue_form(vocabulary: Vocabulary, addresses: Addresses | None = None) -> str:
    """GitHub issue form "Föreslå en metod", whose fields mirror the schema.

    Links point at the repository in mkdocs.yml's repo_url (`addresses`), so a copy of the project in another
    organisation's repository links to its own guide after `metodbank schema --write`.
    """
    guide = "CONTRIBUTING.md"
    if addresses is not None and addresses.repo_url:
        guide = f"[CONTRIBUTING.md]({addresses.repo_file('CONTRIBUTING.md')})"
    body: list[dict[str, Any]] = [{
        "type": "markdown",
        "attributes": {"value": "Tack för att du vill dela en metod! Fyll i det du vet; redaktionen hjälper till "
                                f"med resten. Vill du skriva metoden själv, se {guide}."},
    }]
    skip = {"id", "status", "last_reviewed", "reviewed_by", "related", "before", "after", "steps", "sources"}
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
                                                       "materials", "basis"} else "input"
        item["validations"] = {"required": spec.required and spec.name in {"title", "summary", "phases"}}
        body.append(item)
    steps = next(f for f in FIELDS if f.name == "steps")  # each phase's steps, one per line (for from-issue)
    for term in vocabulary.terms(steps.kind.vocabulary_list):
        body.append({"type": "textarea", "id": STEPS_ITEM_PREFIX + term.id,
                     "attributes": {"label": f"{steps.label}: {term.label}",
                                    "description": f"{steps.help} Ett steg per rad."},
                     "validations": {"required": False}})
    for section in SECTIONS:
        labels = {item["attributes"]["label"] for item in body if "label" in item["attributes"]}
        label = section.title if section.title not in labels else f"{section.title} (text)"
        body.append({"type": "textarea", "id": "section-" + slugify(section.title),
                     "attributes": {"label": label, "description": section.help},
                     "validations": {"required": section.required and section.title == "Syfte"}})
    _check_form_body(body)
    form = {"name": "Föreslå en metod", "description": "Beskriv en metod för kompetensutveckling som ni använder.",
            "title": "Ny metod: ", "labels": ["ny metod"], "body": body}
    header = ("# Skapad av metodbank schema --write från hooks/metodbank/core/schema.py och vocabulary.yml.\n"
              "# Ändra där, inte här.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def site_files(project: Project, addresses: Addresses, use_directory_urls: bool) -> dict[str, str]:
    """Every generated file of the site besides the PageBuilder's and the print pages: path → text.

    The JSON Schema, the method editor's page and each method's content for it, and the tables the site's
    scripts share with the engine. One list for every adapter (the MkDocs hooks, `metodbank stage`).
    """
    files = {SCHEMA_PATH: format_json_schema(project.vocabulary, addresses),
             EDITOR_URI: editor_markdown(project.vocabulary, project.catalogue, addresses.repo_url or None,
                                         use_directory_urls)}
    files.update(method_data_files(project.catalogue))
    files[TABLES_SCRIPT] = tables_script(project.vocabulary)
    return files
