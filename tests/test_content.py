"""The real handbook's content: counts per phase, completeness, no placeholders, the five cases told."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from helpers import REPO
from metodbank import Settings, load_project

PLACEHOLDERS = re.compile(r"Skriv här|TODO|FIXME|XXX|Lorem ipsum|\[fyll i|\bplatshållare\b", re.IGNORECASE)
CASES = ("Alfa Laval", "Avtalat", "Coompanion Kronoberg", "Socialdemokraterna", "Alvesta kommun")


@pytest.fixture(scope="module")
def project():
    return load_project(Settings.for_root(REPO))


@pytest.fixture(scope="module")
def published(project):
    return [m for m in project.catalogue.methods if m.published]


def test_check_is_clean(project):
    assert [str(p) for p in project.problems] == []


def test_at_least_thirty_published_and_eight_per_phase(published):
    assert len(published) >= 30
    main_phase = Counter(m.phases[0] for m in published)
    assert {phase: main_phase[phase] >= 8 for phase in ("anchoring", "delivery", "follow_up")} == {
        "anchoring": True, "delivery": True, "follow_up": True}


def test_every_published_method_is_complete(published):
    incomplete = []
    for method in published:
        text = "\n".join(s.text for s in method.sections)
        if PLACEHOLDERS.search(text) or PLACEHOLDERS.search(method.summary + method.easy_read):
            incomplete.append(f"{method.id}: platshållartext")
        if len(method.adaptations) < 3:
            incomplete.append(f"{method.id}: färre än tre anpassningar")
        if not method.materials and method.cost != "none":
            incomplete.append(f"{method.id}: kostar men saknar material")
        if len(text.split()) < 350:
            incomplete.append(f"{method.id}: bara {len(text.split())} ord")
        for phase in ("anchoring", "delivery", "follow_up"):
            if not method.steps.get(phase):
                incomplete.append(f"{method.id}: inga steg för {phase}")
        if method.section("Exempel") is None or method.section("Fallgropar") is None:
            incomplete.append(f"{method.id}: saknar Exempel eller Fallgropar")
    assert incomplete == []


def test_each_case_is_told_in_an_example(published):
    examples = "\n".join(m.section("Exempel").text for m in published if m.section("Exempel"))
    assert [case for case in CASES if case not in examples] == []


def test_walk_from_anchoring_to_follow_up(project):
    """Some anchoring method leads, through 'after' links, via delivery to follow-up."""
    catalogue = project.catalogue
    phase = {m.id: m.phases[0] for m in catalogue.methods}
    walks = 0
    for start in (m.id for m in catalogue.methods if phase[m.id] == "anchoring"):
        for middle in catalogue.successors[start]:
            if phase[middle] == "delivery" and any(phase[end] == "follow_up" for end in catalogue.successors[middle]):
                walks += 1
    assert walks >= 3


def test_every_method_is_linked(project):
    catalogue = project.catalogue
    alone = [m.id for m in catalogue.methods if not (catalogue.related[m.id] or catalogue.predecessors[m.id]
                                                      or catalogue.successors[m.id])]
    assert alone == []


def test_chapters_exist():
    for name in ("index.md", "kompetensutveckling-i-asf.md", "forankring.md", "genomforande.md", "efterarbete.md",
                 "ordlista.md", "om-handboken.md"):
        text = (REPO / "handbook" / name).read_text(encoding="utf-8")
        assert len(text.split()) > 300, name
    follow_up = (REPO / "handbook" / "efterarbete.md").read_text(encoding="utf-8")
    for model in ("Kirkpatrick", "Brinkerhoff", "Broad", "Newstrom"):
        assert model in follow_up
