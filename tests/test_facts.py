"""facts(): one wording of a method's facts for the method page, the phase lists, the catalogue and the cards."""

from __future__ import annotations

from helpers import REPO
from metodbank.core.model import Method
from metodbank.core.vocabulary import load_vocabulary
from metodbank.site.facts import MISSING, facts

VOCABULARY, _ = load_vocabulary(REPO)


def method(**values):
    return Method(id="x", path="methods/x.md", title="X", **values)


def test_every_fact_has_its_swedish_label_in_page_order():
    found = facts(method(), VOCABULARY)
    assert [(f.name, f.label) for f in found.values()] == [
        ("phases", "Fas"), ("audience", "Målgrupp"), ("group_size", "Gruppstorlek"), ("duration", "Tid"),
        ("difficulty", "Svårighet"), ("cost", "Kostnad"), ("roles", "Roller")]


def test_a_missing_fact_is_a_dash_and_not_given():
    found = facts(method(), VOCABULARY)
    assert {f.text for f in found.values()} == {MISSING} == {"–"}
    assert [f.name for f in found.values() if f.given or f.short or f.terms] == []


def test_values_are_worded_for_readers():
    found = facts(method(phases=("anchoring", "delivery"), audience=("participant",), difficulty="easy",
                         cost="none", group_size={"min": 1, "max": 1}, roles=("facilitator",),
                         duration={"min": 45, "max": 120, "span": "tre träffar"}), VOCABULARY)
    labels = {n: f.text for n, f in found.items()}
    assert labels == {
        "phases": f"{VOCABULARY.label('phases', 'anchoring')}, {VOCABULARY.label('phases', 'delivery')}",
        "audience": VOCABULARY.label("audiences", "participant"),
        "group_size": "1 person",
        "duration": "45 minuter–2 timmar per träff, tre träffar",
        "difficulty": VOCABULARY.label("difficulties", "easy"),
        "cost": VOCABULARY.label("costs", "none"),
        "roles": VOCABULARY.label("roles", "facilitator"),
    }
    assert found["duration"].short == "45 minuter–2 timmar"  # tables and lists leave out "per träff" and the span
    assert found["phases"].terms == (("anchoring", VOCABULARY.label("phases", "anchoring")),
                                     ("delivery", VOCABULARY.label("phases", "delivery")))
    assert all(f.given for f in found.values())


def test_a_duration_without_span_is_only_the_minutes_per_session():
    found = facts(method(duration={"min": 15, "max": 20}, group_size={"min": 2, "max": 8}), VOCABULARY)
    assert found["duration"].text == "15–20 minuter per träff"
    assert found["group_size"].text == found["group_size"].short == "2–8 personer"


def test_texts_are_plain_and_left_to_each_output_to_escape():
    found = facts(method(duration={"min": 10, "max": 10, "span": "<b>&</b>"}), VOCABULARY)
    assert found["duration"].text == "10 minuter per träff, <b>&</b>"


def test_an_unknown_vocabulary_id_is_shown_as_written():
    assert facts(method(cost="okand"), VOCABULARY)["cost"].text == "okand"
