"""Validation of one method: each rule gives its code at the line of the offending value."""

from __future__ import annotations

import datetime

import pytest

from helpers import VALID_BODY, front_matter, make_method, method_text
from metodbank import Settings, load_project, load_vocabulary
from metodbank.core.loader import load_source
from metodbank.core.validate import validate_source

TODAY = datetime.date(2026, 11, 23)


def check(front=None, body=VALID_BODY):
    """Problems of one method file as (line, code) pairs."""
    from helpers import REPO

    vocabulary, problems = load_vocabulary(REPO)
    assert problems == []
    source, problems = load_source("methods/x.md", "x", method_text(front or front_matter(), body).encode())
    assert problems == [] and source is not None
    method, problems = validate_source(source, vocabulary, TODAY)
    return method, [(p.line, p.code) for p in problems], [p.message for p in problems]


def test_valid_method_has_no_problems_and_is_normalised():
    method, problems, _ = check(front_matter(audience=["deltagare", "Handledare"], phases=["genomförande"]))
    assert problems == []
    assert method.audience == ("participant", "supervisor")
    assert method.phases == ("delivery",)
    assert method.last_reviewed == datetime.date(2026, 11, 20)
    assert [s.title for s in method.sections] == ["Syfte", "Förankring", "Genomförande",
                                                  "Efterarbete och implementering"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"phases": ["deliverry"]}, [(7, "unknown-value")]),
        ({"phases": []}, [(6, "too-few")]),
        ({"title": None}, [(1, "missing-field")]),
        ({"titel": "x"}, [(45, "unknown-key")]),
        ({"tags": ["reflektion", "ledarskapp"]}, [(26, "unknown-value")]),
        ({"tags": ["reflektion", "reflektera"]}, [(26, "duplicate-value")]),
        ({"group_size": {"min": 9, "max": 3}}, [(11, "min-greater-than-max")]),
        ({"group_size": {"min": 0, "max": 3}}, [(11, "out-of-range")]),
        ({"group_size": {"min": "två", "max": 3}}, [(11, "wrong-type")]),
        ({"duration": {"min": 30}}, [(13, "missing-field")]),
        ({"summary": "För kort."}, [(3, "too-short")]),
        ({"summary": "Ord " * 80}, [(3, "too-long")]),
        ({"summary": "Text med <b>html</b> i sig som inte ska vara tillåten i en sammanfattning."}, [(3, "html-in-field")]),
        ({"easy_read": "En enda mening utan slut"}, [(5, "sentence-count")]),
        ({"easy_read": "Det här är en mycket lång mening med alldeles för många ord för att vara lättläst alls. Kort."},
         [(5, "long-sentence")]),
        ({"difficulty": "lagom"}, [(18, "unknown-value")]),
        ({"cost": 5}, [(23, "wrong-type")]),
        ({"steps": {"anchoring": ["a"], "delivery": ["b"]}}, [(26, "missing-field")]),
        ({"steps": {"anchoring": ["a"], "delivery": ["b"], "follow_up": ["c" * 200]}}, [(32, "too-long")]),
        ({"adaptations": {"sight": "Stor text.", "smell": "x"}}, [(35, "unknown-key")]),
        ({"last_reviewed": "2026-02-30"}, [(39, "bad-date")]),
        ({"last_reviewed": "2027-01-01"}, [(39, "future-date")]),
        ({"status": "klar"}, [(40, "unknown-value")]),
        ({"id": "annat-id"}, [(45, "id-mismatch")]),
        ({"related": ["Inte Ett Id"]}, [(46, "bad-reference")]),
        ({"sources": [{"text": "Bok", "url": "javascript:alert(1)"}]}, [(47, "bad-url")]),
    ],
)
def test_field_rules(changes, expected):
    _, problems, _ = check(front_matter(**changes))
    assert problems == expected


def test_messages_are_swedish_with_suggestions():
    _, _, messages = check(front_matter(phases=["deliverry"], difficulty="esay", titel="x"))
    assert 'okänd fas "deliverry" — menade du "delivery"?' in messages[1] or any(
        'okänd fas "deliverry" — menade du "delivery"?' in m for m in messages)
    assert any('okänt fält "titel" — menade du "title"?' in m for m in messages)
    assert any('menade du "easy"?' in m for m in messages)


def test_every_problem_is_reported_at_once():
    _, problems, _ = check(front_matter(phases=["x"], audience=["y"], cost="z", title=None))
    assert [code for _, code in problems] == ["missing-field", "unknown-value", "unknown-value", "unknown-value"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (VALID_BODY.replace("## Syfte\n\nVarför metoden finns.\n", ""), [(46, "missing-section")]),
        (VALID_BODY.replace("Varför metoden finns.", ""), [(47, "empty-section")]),
        (VALID_BODY + "\n## Fallgropar\n\nx\n\n## Exempel\n\ny\n", [(67, "section-order")]),
        (VALID_BODY + "\n## Exempell\n\nx\n", [(63, "unknown-section")]),
        (VALID_BODY + "\n## Syfte\n\nx\n", [(63, "duplicate-section")]),
        ("\n# Rubrik\n" + VALID_BODY, [(47, "h1-in-body")]),
        ("\nInledning.\n" + VALID_BODY, [(47, "text-before-section")]),
        (VALID_BODY + "\n## Exempel\n\n<script>alert(1)</script>\n", [(65, "unsafe-html")]),
        (VALID_BODY + "\n## Exempel\n\n<iframe src=x></iframe>\n", [(65, "unsafe-html")]),
        (VALID_BODY + '\n## Exempel\n\n<b onclick="x()">hej</b>\n', [(65, "unsafe-html")]),
        (VALID_BODY + "\n## Exempel\n\n<div>hej</div>\n", [(65, "html-not-allowed")]),
        (VALID_BODY + "\n## Exempel\n\n[klicka](javascript:alert(1))\n", [(65, "unsafe-url")]),
        (VALID_BODY + "\n## Exempel\n\n[klicka](&#106;avascript:alert(1))\n", [(65, "unsafe-url")]),
        (VALID_BODY + "\n## Exempel\n\n![](data:image/png;base64,xx)\n", [(65, "image-without-alt"), (65, "unsafe-url")]),
        (VALID_BODY + "\n## Exempel\n\n![](bild.png)\n", [(65, "image-without-alt")]),
        (VALID_BODY + "\n## Exempel\n\n[x]: javascript:alert(1)\n", [(65, "unsafe-url")]),
    ],
)
def test_body_rules(body, expected):
    _, problems, _ = check(body=body)
    assert sorted(problems) == sorted(expected)


def test_code_is_not_checked_for_html():
    body = VALID_BODY + "\n## Exempel\n\n```html\n<script>alert(1)</script>\n```\n\nOch `<div>` i text.\n"
    _, problems, _ = check(body=body)
    assert problems == []


def test_allowed_inline_html():
    body = VALID_BODY + '\n## Exempel\n\nTryck <kbd>Ctrl</kbd> och läs <abbr title="Arbetsförmedlingen">AF</abbr>.\n'
    _, problems, _ = check(body=body)
    assert problems == []


def test_whole_project_reports_all_files(project):
    make_method(project, "ett", phases=["x"])
    make_method(project, "tva", cost="dyr")
    result = load_project(Settings.for_root(project, today=TODAY))
    assert [(p.path, p.code) for p in result.problems] == [("methods/ett.md", "unknown-value"),
                                                          ("methods/tva.md", "unknown-value")]


@pytest.mark.parametrize(
    ("basis", "expected", "fragment"),
    [
        ({"kind": "fall", "text": "Alvesta kommuns internat, enligt nyheten om satsningen."}, [], ""),
        ({"kind": "gissning", "text": "Alvesta kommuns internat, enligt nyheten om satsningen."},
         [(42, "unknown-value")], 'okänd grund "gissning"'),
        ({"text": "Alvesta kommuns internat, enligt nyheten om satsningen."}, [(41, "missing-field")],
         '"basis" saknar kind'),
        ({"kind": "case", "text": "x" * 301}, [(43, "too-long")], "högst 300"),
        ({"kind": "case", "text": "Ett fall.", "källa": "x"}, [(43, "too-short"), (44, "unknown-key")],
         'okänt fält "basis.källa"'),
        ("Forskning", [(41, "wrong-type")], 'fältet "basis" ska vara en samling fält'),
    ],
)
def test_basis_rules(basis, expected, fragment):
    _, problems, messages = check(front_matter(basis=basis))
    assert sorted(problems) == sorted(expected)
    assert fragment in " ".join(messages)


def test_reviewer_goes_with_the_review_date():
    _, problems, messages = check(front_matter(reviewed_by=None))
    assert problems == [(1, "missing-field")] and '"reviewed_by" (granskad av) saknas' in messages[0]
    _, problems, _ = check(front_matter(reviewed_by="x" * 81))
    assert problems == [(44, "too-long")]
