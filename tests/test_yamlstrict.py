"""Strict YAML: every refusal is a problem at the right line, never an exception."""

from __future__ import annotations

import datetime

import pytest

from metodbank.core import yamlstrict


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate-key"),
        ("a: &x 1\nb: *x\n", 1, "yaml-alias"),
        ("a: 1\nb: !!python/object:os.system x\n", 2, "yaml-tag"),
        ("a: !custom x\n", 1, "yaml-tag"),
        ("a:\n\t- b\n", 2, "yaml-tab"),
        ("a: b: c\n", 1, "yaml-syntax"),
        ("a: [1, 2\n", 1, "yaml-syntax"),  # the line where the bracket opens
        ('a: "open\n', 1, "yaml-syntax"),  # the line where the quote opens
        ("d: 2026-13-40\n", 1, "bad-date"),
        ("a: " + "[" * 50 + "]" * 50 + "\n", 1, "yaml-too-deep"),
        ("1: x\n", 1, "yaml-key"),
        ("a: 1\n---\nb: 2\n", 2, "yaml-syntax"),
    ],
)
def test_refusals_name_line_and_code(text, line, code):
    result = yamlstrict.load(text)
    assert [(i.line, i.code) for i in result.issues] == [(line, code)]


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n"
    result = yamlstrict.load(bomb)
    assert result.issues[0].code == "yaml-alias"


def test_values_and_lines():
    result = yamlstrict.load("title: Hej\ntags:\n  - a\n  - b\nwhen: 2026-01-02\n")
    assert result.data == {"title": "Hej", "tags": ["a", "b"], "when": datetime.date(2026, 1, 2)}
    assert result.lines[("tags", 1)] == 4
    assert result.lines[("when",)] == 5
    assert result.issues == ()


def test_every_duplicate_is_reported():
    result = yamlstrict.load("a: 1\na: 2\nb: 1\nb: 2\n")
    assert [(i.line, i.code) for i in result.issues] == [(2, "duplicate-key"), (4, "duplicate-key")]


ORDINARY = [  # what contributors write: &, *, !, > and | inside ordinary text, in every YAML style
    "sources:\n  - text: Broad & Newstrom (1992). Transfer of training. Addison-Wesley.\n",
    "title: Lär & gör\nsummary: Fem *viktiga* steg & en **fet** regel.\n",
    "summary: Viktigt! Gör så här, välj en uppgift!\n",
    "summary: >-\n  Resultat > förväntan, och a|b är ett val.\n  Rad två med * och & och !.\n",
    "preparation: |\n  Steg 1 > steg 2\n  * punkt\n  & mer\n",
    "materials: [Penna & papper, \"Citat *med* stjärnor\", 'Enkel & fnutt', ett|två, tre > två]\n",
    "easy_read: 'Du gör det! Det är *bra* & roligt.'\n",
    "authors:\n  - \"Anna & Bo\"\n  - Carl * Dahl\n  - Eva!\n",
    "span: 1–3 tillfällen | ungefär > 2 timmar\n",
    "steps:\n  delivery:\n    - Visa -> gör & berätta!\n    - 'Fråga: varför?'\n",
]


def _both(text: str):
    """(fast path result or None, careful path result) for one text."""
    return yamlstrict._load_fast(text, 1), yamlstrict.load(text, 1, careful=True)


@pytest.mark.skipif(yamlstrict._CSafeLoader is None, reason="PyYAML without libyaml: only the careful path")
@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_with_yaml_indicators_takes_the_fast_path_and_agrees(text):
    fast, careful = _both(text)
    assert fast is not None, "libyaml parsed nothing unusual here; the careful path is ten times slower"
    assert careful.issues == ()
    assert (fast.data, fast.lines, fast.issues, fast.refused) == \
        (careful.data, careful.lines, careful.issues, careful.refused)


@pytest.mark.skipif(yamlstrict._CSafeLoader is None, reason="PyYAML without libyaml: only the careful path")
@pytest.mark.parametrize("text", [
    "a: &x 1\n", "a: &x 1\nb: *x\n", "a: !custom x\n", "a: !!str 12\n", "a: ! x\n", "a: 1\na: 2\n",
    "a: [x?, y]\n", "a: >-#\n  b\n", "a:\n\t- b\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n",
    "1: x\n", "a: 2026-02-30\n", "a: " + "[" * 20 + "]" * 20 + "\n", "<<: x\n", "a: =\n",
])
def test_what_only_the_careful_path_words_is_sent_there(text):
    """Anchors, aliases, tags, duplicates, depth and the parsers' known differences: decided from the events."""
    fast, careful = _both(text)
    assert fast is None
    assert yamlstrict.load(text, 1) == careful
