"""The published JSON Schema agrees with the validator on the real methods and on broken ones."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest

from helpers import REPO, VALID_BODY, front_matter, method_text
from metodbank import load_vocabulary
from metodbank.core.loader import load_source
from metodbank.core.validate import validate_source

SCHEMA = json.loads((REPO / "schema" / "method.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
VOCABULARY = load_vocabulary(REPO)[0]
TODAY = datetime.date(2026, 11, 23)


def as_json(value):
    """Front matter as an editor's YAML plugin sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def both(text: str) -> tuple[bool, bool]:
    """(JSON Schema accepts, validator accepts) for one method file's text."""
    source, problems = load_source("methods/x.md", "x", text.encode("utf-8"))
    assert source is not None and problems == []
    schema_ok = not list(VALIDATOR.iter_errors(as_json(source.data)))
    _, problems = validate_source(source, VOCABULARY, TODAY)
    return schema_ok, not problems


@pytest.mark.parametrize("path", sorted((REPO / "methods").glob("*.md")), ids=lambda p: p.stem)
def test_every_real_method_passes_the_schema(path):
    source, _ = load_source(f"methods/{path.name}", path.stem, path.read_bytes())
    errors = [e.message for e in VALIDATOR.iter_errors(as_json(source.data))]
    assert errors == []


@pytest.mark.parametrize(
    "changes",
    [
        {"phases": ["deliverry"]}, {"phases": []}, {"title": None}, {"summary": None}, {"titel": "x"},
        {"tags": ["okänd-tagg"]}, {"group_size": {"min": 0, "max": 3}}, {"group_size": {"min": "två", "max": 3}},
        {"group_size": {"min": 2}}, {"duration": {"min": 10, "max": 20, "längd": 3}}, {"difficulty": "lagom"},
        {"cost": 5}, {"steps": {"anchoring": ["a"], "delivery": ["b"]}}, {"adaptations": {"lukt": "x"}},
        {"adaptations": {}}, {"last_reviewed": "igår"}, {"status": "klar"}, {"related": ["Inte Ett Id"]},
        {"sources": [{"text": "Bok", "url": "ftp://x"}]}, {"authors": []}, {"materials": "papper"},
        {"tags": ["reflektion"] * 2}, {"audience": ["deltagare", "alla", "styrelse", "ledning", "x"]},
    ],
    ids=lambda c: ",".join(c),
)
def test_schema_and_validator_both_reject(changes):
    assert both(method_text(front_matter(**changes), VALID_BODY)) == (False, False)


@pytest.mark.parametrize(
    "changes",
    [{}, {"audience": ["deltagare", "Handledare"]}, {"phases": ["förankring", "efter"]}, {"related": []},
     {"sources": [{"text": "Ellström (1992)."}]}, {"status": "utkast"}],
    ids=lambda c: ",".join(c) or "valid",
)
def test_schema_and_validator_both_accept(changes):
    assert both(method_text(front_matter(**changes), VALID_BODY)) == (True, True)
