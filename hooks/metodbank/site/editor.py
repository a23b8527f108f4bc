"""Page data for the method editor ("Skriv en metod"): everything editor.js needs, derived from the schema.

The editor page carries one JSON description of the schema (fields, kinds with their limits, Swedish labels,
help, examples and vocabulary labels, sections), the Swedish message templates of every check the browser
repeats, and the ids of the existing methods. editor.js holds only algorithms: it renders a form for each
kind generically, checks the values with these templates and limits, and writes the method file. A new
field in schema.FIELDS therefore appears in the editor without any change to the script.

The message templates below mirror the messages of core/kinds.py, core/validate.py, core/body.py and the CLI;
tests/test_editor.py runs the browser's checks and `metodbank check` on the same inputs and fails when
they differ. Every existing method's current content is written as a small script file
(assets/editor/metoder/<id>.js), so "Ändra i formuläret" also works in the offline copy (file://), where
a page cannot fetch files.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

from markupsafe import Markup

from .format import md_escape
from .frontmatter import front_matter
from .templating import render
from ..core.kinds import Kind, MethodId
from ..core.links import Catalogue
from ..core.model import Method
from .urls import (CONTRIBUTE_URI, EDITOR_SCRIPT, EDITOR_URI, FIELD_DOCS_URI, METHOD_DATA_DIR, METHOD_PARAM, link, query,
                   method_data_uri)
from ..core.schema import FIELDS, SECTIONS
from ..core.text import ID_PATTERN
from ..core.vocabulary import Vocabulary

EDITOR_TITLE = "Skriv en metod"
METHOD_DATA_GLOBAL = "metodbankEditorMethod"
URL_LIMIT = 7000  # longest GitHub "new file" address the editor opens; longer texts are copied instead

# Swedish messages, as `metodbank check` writes them, with {placeholders} filled in by editor.js.
MESSAGES: dict[str, str] = {
    "text-empty": 'fältet "{name}" är tomt; skriv något',
    "too-short": 'fältet "{name}" är för kort: {count} tecken, minst {min} behövs',
    "too-long": 'fältet "{name}" är för långt: {count} tecken, högst {max} får plats; korta texten med {over} tecken',
    "html-in-field": 'fältet "{name}" innehåller HTML; skriv vanlig text utan < och >',
    "sentence-count": 'fältet "{name}" har {count} meningar; skriv {low}–{high} korta meningar som slutar med punkt',
    "long-sentence": 'en mening i "{name}" har {count} ord, högst {max} är lättläst: "{start}…"; dela upp den',
    "too-few": '"{name}" behöver minst {low} värde{plural}, nu finns {count}',
    "too-many": '"{name}" har {count} värden, högst {high} får plats; ta bort {over}',
    "duplicate-value": '"{item}" står två gånger i "{name}"; ta bort det ena',
    "range-missing": '"{name}" saknar {key}: ({unit})',
    "range-wrong-type": '"{name}.{key}" ska vara ett heltal ({unit}), men är {type}',
    "out-of-range": '"{name}.{key}" är {value}; det ska vara mellan {low} och {high} {unit}',
    "min-greater-than-max": '"{name}": min ({min}) är större än max ({max}); byt plats på dem',
    "keyed-missing": '"{name}" saknar {key}: ({label})',
    "keyed-too-few": '"{name}" behöver minst {min} olika behov, nu finns {count}',
    "record-missing": '"{name}" saknar {key}:',
    "bad-reference": '"{item}" i "{name}" är inget metod-id; skriv filnamnet utan .md, till exempel skuggning',
    "unknown-reference": 'metoden "{item}" i "{name}" finns inte',
    "self-reference": 'metoden hänvisar till sig själv i "{name}"; ta bort "{item}"',
    "bad-url": '"{url}" är ingen webbadress; den ska börja med https://',
    "bad-date": '"{value}" är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-15',
    "future-date": 'datumet {value} i "{name}" ligger i framtiden',
    "bad-id": '"{id}" duger inte som id; använd a–z, 0–9 och bindestreck, till exempel {suggestion}',
    "id-taken": "methods/{id}.md finns redan; välj ett annat id",
    "no-id": "skriv en titel eller ett id, så att metoden får ett filnamn",
    "heading-in-section": 'avsnittet "{title}" har en rubrik med # eller ##; använd ### för underrubriker',
    "wrong-type-text": "text",
    "wrong-type-float": "ett decimaltal",
}

# Words of the user interface that depend on the schema's kinds; the rest of the page text is in the page.
TYPE_HINTS = {
    "Strings": "Skriv en sak per rad.",
    "Refs": "Skriv ett metod-id per rad (filnamnet utan .md).",
    "Sources": "Skriv en källa per rad. En webbadress sist på raden blir en länk.",
    "Date": "Skriv datumet som ÅÅÅÅ-MM-DD.",
}


# Swedish labels of the keys inside a field (Range's min and max and its extras, a source's text and url,
# a mapping's parts); a key without a label here is shown as it is written in the file.
SUBKEY_LABELS = {
    "min": "Minst",
    "max": "Högst",
    "span": "Hur länge det pågår i kalendern (valfritt)",
    "text": "Text",
    "url": "Webbadress (valfri)",
    "kind": "Slag",
}


def _plain(value: Any, vocabulary: Vocabulary) -> Any:
    """A kind's parameter as JSON: nested kinds described, (key, kind) pairs kept as pairs."""
    if isinstance(value, Kind):
        return describe_kind(value, vocabulary)
    if isinstance(value, (tuple, list)):
        return [_plain(v, vocabulary) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, vocabulary) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def describe_kind(kind: Kind, vocabulary: Vocabulary) -> dict[str, Any]:
    """Any kind as JSON: its class name, every dataclass parameter, and the labels of its vocabulary."""
    result: dict[str, Any] = {"type": type(kind).__name__}
    if dataclasses.is_dataclass(kind):
        for item in dataclasses.fields(kind):
            result[item.name] = _plain(getattr(kind, item.name), vocabulary)
    name = getattr(kind, "vocabulary_list", None)
    if isinstance(name, str):
        result["terms"] = [[t.id, t.label] for t in vocabulary.terms(name)]
    result["describe"] = kind.describe(vocabulary).replace("`", "")
    return result


def example_text(kind: Kind, value: Any, vocabulary: Vocabulary) -> str:
    """An example value written as a person would type it into the form."""
    name = getattr(kind, "vocabulary_list", None)
    if isinstance(value, str) and isinstance(name, str):
        return vocabulary.label(name, value)
    if isinstance(value, dict) and "min" in value and "max" in value:
        text = f"{value['min']}–{value['max']} {getattr(kind, 'unit', '')}".rstrip()
        rest = [str(v) for k, v in value.items() if k not in ("min", "max")]
        return ", ".join([text, *rest])
    if isinstance(value, dict):
        inner = getattr(kind, "value", None)
        parts = []
        for key, item in value.items():
            label = vocabulary.label(name, key) if isinstance(name, str) else key
            shown = example_text(inner, item, vocabulary) if isinstance(inner, Kind) else _flat(item)
            parts.append(f"{label}: {shown}")
        return "; ".join(parts)
    if isinstance(value, (list, tuple)):
        if isinstance(name, str):
            return ", ".join(vocabulary.label(name, v) for v in value)
        return "; ".join(_flat(v) for v in value)
    return _flat(value)


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    return str(value)


def field_missing_message(spec: Any) -> str:
    """core/validate.py's message for a required field that is missing."""
    return f'fältet "{spec.name}" ({spec.label.lower()}) saknas; {spec.help[0].lower()}{spec.help[1:]}'


def section_missing_message(section: Any) -> str:
    """core/body.py's message for a required section that is missing."""
    return (f'avsnittet "## {section.title}" saknas; det är obligatoriskt '
            f"({section.help[0].lower()}{section.help[1:].rstrip('.')})")


# What a field is on the page: the heading (its text also proposes the file name) and the lead paragraph.
ROLES = {"title": "heading", "summary": "lead"}
# The method id is the file name in the editor, so its control is labelled and explained as such.
ID_LABEL = "Id (filnamn)"
ID_HELP = "Filen får namnet methods/<id>.md. Föreslås från titeln; använd a–z, 0–9 och bindestreck."


def editor_schema(vocabulary: Vocabulary, catalogue: Catalogue, repo_url: str | None) -> dict[str, Any]:
    """The JSON the editor page carries: schema, vocabulary labels, messages, existing ids, repository."""
    fields = []
    for spec in FIELDS:
        is_id = isinstance(spec.kind, MethodId)
        fields.append({
            "name": spec.name,
            "label": ID_LABEL if is_id else spec.label,
            "help": ID_HELP if is_id else spec.help,
            "role": ROLES.get(spec.name, ""),
            "required": spec.required,
            "kind": describe_kind(spec.kind, vocabulary),
            "example": example_text(spec.kind, spec.example, vocabulary),
            "missing": field_missing_message(spec),
            "hint": " ".join(part for part in (
                ID_HELP if is_id else spec.help, TYPE_HINTS.get(type(spec.kind).__name__, ""),
                spec.kind.describe(vocabulary).replace("`", ""),
                "" if is_id else f"Exempel: {example_text(spec.kind, spec.example, vocabulary)}") if part),
        })
    sections = [{"title": s.title, "required": s.required, "help": s.help,
                 "missing": section_missing_message(s)} for s in SECTIONS]
    return {
        "fields": fields,
        "sections": sections,
        "messages": MESSAGES,
        "ids": sorted(m.id for m in catalogue.methods),
        "subkeys": SUBKEY_LABELS,
        "idPattern": ID_PATTERN.pattern,
        "repoUrl": (repo_url or "").rstrip("/"),
        "branch": "main",
        "urlLimit": URL_LIMIT,
    }


def inline_json(data: Any) -> str:
    """JSON safe inside <script type="application/json"> and in a script file: no "<", ">", "&" or U+2028."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def editor_markdown(vocabulary: Vocabulary, catalogue: Catalogue, repo_url: str | None,
                    use_directory_urls: bool = True) -> str:
    """The Markdown of the editor page: intro, the form's container (editor.js builds the form) and its data."""
    script = link(EDITOR_URI, EDITOR_SCRIPT, use_directory_urls)
    methods_base = link(EDITOR_URI, f"{METHOD_DATA_DIR}/", use_directory_urls)
    fields_url = link(EDITOR_URI, FIELD_DOCS_URI, use_directory_urls)
    guide_url = link(EDITOR_URI, CONTRIBUTE_URI, use_directory_urls)
    app = render("editor.html", methods_base=methods_base, fields_url=fields_url, guide_url=guide_url, script=script,
                 schema=Markup(inline_json(editor_schema(vocabulary, catalogue, repo_url))))
    description = "Skriv en ny metod i ett formulär och skicka den som förslag, utan att skriva YAML."
    parts = [
        front_matter(description),
        f"# {md_escape(EDITOR_TITLE)}",
        "Fyll i formuläret så blir det en färdig metodfil. Formuläret kontrollerar texten medan du skriver, "
        "med samma regler som Metodbankens kontroll. När allt stämmer kan du ladda ner filen, kopiera texten "
        "eller skicka den som förslag på GitHub.",
        "Utkastet sparas bara i din webbläsare, på den här datorn, tills du tömmer formuläret. Ingenting "
        "skickas någonstans förrän du själv väljer att skicka förslaget. Formuläret fungerar också utan "
        "internet; bara att skicka förslaget kräver en uppkoppling.",
        app,
    ]
    return "\n\n".join(parts) + "\n"


def method_values(method: Method) -> dict[str, Any]:
    """A method's current content as the editor's form holds it: front-matter values and section texts."""
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name == "id":
            continue
        value = _json_value(getattr(method, spec.name, None))
        if value in (None, "", [], {}):
            continue
        values[spec.name] = value
    return {"id": method.id, "values": values,
            "sections": {s.title: s.text for s in method.sections}}


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items() if v is not None}
    if dataclasses.is_dataclass(value):  # a range, duration, source or basis: its fields in order, as YAML has them
        return _json_value({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    return value


def method_data_files(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(path in the site, script text) for every method: its content, for "Ändra i formuläret"."""
    return [(method_data_uri(m.id), f"window.{METHOD_DATA_GLOBAL} = {inline_json(method_values(m))};\n")
            for m in catalogue.methods]


def edit_link_html(method: Method, from_src: str, use_directory_urls: bool) -> str:
    """The "Ändra i formuläret" link on a method page: opens the editor with this method's content."""
    url = link(from_src, EDITOR_URI, use_directory_urls, query=query(METHOD_PARAM, method.id))
    return render("edit-link.html", url=url, title=method.title)
