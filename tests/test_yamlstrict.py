"""Strict YAML: every refusal is a problem at the right line, never an exception."""

from __future__ import annotations

import datetime

import pytest

from metodbank import yamlstrict


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
