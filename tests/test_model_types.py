"""The method's ranges, duration, sources and basis are small dataclasses, built wherever a Method is made."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from helpers import REPO, front_matter, method_text
from metodbank.core.loader import load_source
from metodbank.core.model import Basis, Duration, Method, Range, Source
from metodbank.core.validate import validate_source
from metodbank.core.vocabulary import load_vocabulary


def validated(**changes):
    vocabulary, _ = load_vocabulary(REPO)
    source, _ = load_source("methods/x.md", "x", method_text(front_matter(**changes)).encode())
    method, problems = validate_source(source, vocabulary, datetime.date(2026, 11, 23))
    return method, problems


def test_the_validator_gives_dataclasses_not_dicts():
    method, problems = validated(sources=["Bok (2020).", {"text": "Artikel (2021).", "url": "https://example.org/a"}])
    assert problems == []
    assert method.group_size == Range(2, 8)
    assert method.duration == Duration(30, 60, "2 träffar under en månad")
    assert method.sources == (Source("Bok (2020)."), Source("Artikel (2021).", "https://example.org/a"))
    assert method.basis == Basis("design", "Ett testfall för kontrollen, inte en verklig metod.")
    assert (method.duration.min, method.duration.max, method.group_size.max) == (30, 60, 8)


def test_a_duration_without_span_has_none():
    method, problems = validated(duration={"min": 15, "max": 20})
    assert problems == []
    assert method.duration == Duration(15, 20) and method.duration.span is None


def test_missing_values_stay_none():
    method = Method(id="x", path="methods/x.md", title="X")
    assert (method.group_size, method.duration, method.sources, method.basis) == (None, None, (), None)


def test_plain_data_given_to_method_becomes_the_dataclasses():
    method = Method(id="x", path="methods/x.md", title="X", group_size={"min": 1, "max": 2},
                    duration={"min": 10, "max": 20}, sources=({"text": "T", "url": None}, "U"),
                    basis={"kind": "case", "text": "Ett fall."})
    assert method.group_size == Range(1, 2)
    assert method.duration == Duration(10, 20, None)
    assert method.sources == (Source("T"), Source("U"))
    assert method.basis == Basis("case", "Ett fall.")


def test_the_dataclasses_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Range(1, 2).min = 3  # type: ignore[misc]
