"""The real handbook's content: counts per phase, completeness, no placeholders, the five cases told."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from helpers import REPO, make_method
from metodbank import Settings, load_project
from metodbank.cli import main as metodbank
from metodbank.problems import Level
from metodbank.similarity import likeness

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


# -- possible duplicates ---------------------------------------------------------------------------------

def test_no_two_published_methods_are_near_duplicates(published):
    pairs = [(a.id, b.id) for i, a in enumerate(published) for b in published[i + 1:]
             if likeness(a.title, a.summary, b.id, b.title, b.summary)]
    assert pairs == []


def test_check_warns_when_a_new_method_is_close_to_an_existing_one(tmp_path, capsys):
    from helpers import make_project

    root = make_project(tmp_path / "p")
    make_method(root, "larande-efter-aktivitet", title="Lärande efter aktivitet",
                summary="Gruppen samlas en kvart direkt efter en uppgift och går igenom vad som var planerat, "
                        "vad som hände, varför och vad den tar med sig till nästa gång.")
    make_method(root, "larande-efter-aktiviteten", title="Lärandet efter aktiviteten", status="draft",
                summary="Gruppen samlas en kvart direkt efter uppgiften och går igenom vad som var planerat, "
                        "vad som hände och varför, och vad den tar med sig nästa gång.")
    make_method(root, "annan", title="Studiebesök hos en förebild", status="draft",
                summary="Några deltagare besöker ett annat företag som gör något bra och tar med sig idéer hem.")
    project = load_project(Settings.for_root(root))
    similar = [p for p in project.problems if p.code == "similar-method"]
    assert [(p.path, p.level) for p in similar] == [("methods/larande-efter-aktiviteten.md", Level.WARNING)]
    assert 'liknar metoden "Lärande efter aktivitet" (larande-efter-aktivitet.md)' in similar[0].message
    assert metodbank(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert "methods/larande-efter-aktiviteten.md:2: varning: liknar metoden" in out  # at the title
    assert "[similar-method]" in out and "annan.md" not in out


def test_similar_summary_alone_is_enough_and_unrelated_methods_are_not_flagged():
    summary = "Deltagaren följer en erfaren kollega under några timmar och ser hur arbetet går till på riktigt."
    hit = likeness("Följa med en kollega", summary.replace("några timmar", "en dag"), "skuggning", "Skuggning", summary)
    assert hit is not None and hit.measure == "sammanfattning"
    assert likeness("Lärlogg", "Deltagaren skriver eller fotograferar varje vecka vad hen har lärt sig i arbetet.",
                    "skuggning", "Skuggning", summary) is None


def test_new_says_before_writing_that_a_method_looks_like_an_existing_one(tmp_path, capsys):
    from helpers import make_project

    root = make_project(tmp_path / "p")
    make_method(root, "larande-efter-aktivitet", title="Lärande efter aktivitet")
    assert metodbank(["--root", str(root), "new", "--title", "Lärande efter aktiviteten", "--phase", "efter"]) == 0
    err = capsys.readouterr().err
    assert 'varning: den nya metoden liknar metoden "Lärande efter aktivitet"' in err
    assert (root / "methods" / "larande-efter-aktiviteten.md").is_file()
    assert metodbank(["--root", str(root), "new", "--title", "Studiebesök", "--phase", "före"]) == 0
    assert "liknar" not in capsys.readouterr().err
