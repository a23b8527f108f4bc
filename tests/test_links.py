"""Cross-linking rules: symmetric related links, completed before/after chains, bad references."""

from __future__ import annotations

import pytest

from helpers import make_method
from metodbank import Settings, load_project


def load(project):
    return load_project(Settings.for_root(project))


def keys(result):
    return [(p.path, p.code) for p in result.problems]


def test_related_is_symmetric_with_own_links_first(project):
    make_method(project, "a", title="Alfa", related=["c"])
    make_method(project, "b", title="Beta", related=["a"])
    make_method(project, "c", title="Gamma")
    make_method(project, "d", title="Delta", related=["a"])
    result = load(project)
    assert keys(result) == []
    assert result.catalogue.related["a"] == ("c", "b", "d")
    assert result.catalogue.related["c"] == ("a",)
    assert result.catalogue.related["b"] == ("a",)


def test_before_and_after_complete_each_other(project):
    make_method(project, "forst", after=["sedan"])
    make_method(project, "sedan")
    make_method(project, "sist", before=["sedan"])
    catalogue = load(project).catalogue
    assert catalogue.successors["forst"] == ("sedan",)
    assert catalogue.predecessors["sedan"] == ("forst",)
    assert catalogue.successors["sedan"] == ("sist",)
    assert catalogue.predecessors["sist"] == ("sedan",)


def test_written_twice_is_not_duplicated(project):
    make_method(project, "forst", after=["sedan"])
    make_method(project, "sedan", before=["forst"])
    catalogue = load(project).catalogue
    assert catalogue.successors["forst"] == ("sedan",)


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ({"a": {"related": ["saknas"]}}, [("methods/a.md", "unknown-method")]),
        ({"a": {"related": ["a"]}}, [("methods/a.md", "self-reference")]),
        ({"a": {"before": ["b"], "after": ["b"]}, "b": {}}, [("methods/a.md", "before-after-conflict")]),
        ({"a": {"after": ["b"]}, "b": {"after": ["a"]}}, [("methods/b.md", "cycle")]),
        ({"a": {"after": ["b"]}, "b": {"after": ["c"]}, "c": {"after": ["a"]}}, [("methods/c.md", "cycle")]),
        ({"a": {"after": ["b"]}, "b": {}, "c": {"before": ["b"], "after": ["a"]}}, [("methods/c.md", "cycle")]),
    ],
)
def test_reference_problems(project, methods, expected):
    for method_id, changes in methods.items():
        make_method(project, method_id, **changes)
    assert keys(load(project)) == expected


def test_suggestion_for_misspelt_method(project):
    make_method(project, "skuggning")
    make_method(project, "a", related=["skugning"])
    result = load(project)
    assert result.problems[0].message == 'metoden "skugning" i "related" finns inte — menade du "skuggning"?'
    assert result.problems[0].line == 46


def test_body_link_to_missing_method(project):
    body = "\n## Syfte\n\nSe [skuggning](skuggning.md).\n\n## Förankring\n\nx\n\n## Genomförande\n\nx\n\n" \
           "## Efterarbete och implementering\n\nx\n"
    make_method(project, "a", body=body)
    result = load(project)
    assert [(p.code, p.line) for p in result.problems] == [("broken-link", 49)]


def test_reference_to_broken_file_is_not_reported_twice(project):
    make_method(project, "a", related=["trasig"])
    (project / "methods" / "trasig.md").write_text("inte front matter\n", encoding="utf-8")
    assert keys(load(project)) == [("methods/trasig.md", "missing-front-matter")]


def test_indexes_by_phase_and_tag_sorted_by_title(project):
    make_method(project, "b", title="Björk", phases=["anchoring"], tags=["reflektion", "natverk"])
    make_method(project, "a", title="Ask", phases=["anchoring", "follow_up"], tags=["reflektion"])
    catalogue = load(project).catalogue
    assert catalogue.by_phase == {"anchoring": ("a", "b"), "follow_up": ("a",)}
    assert catalogue.by_tag == {"reflektion": ("a", "b"), "natverk": ("b",)}
