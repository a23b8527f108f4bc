"""Unit tests for the Swedish search engine module (stemmer, query terms, index tuning) and the synonyms list."""

from __future__ import annotations

import copy
import json

import pytest

from helpers import REPO, build_site, make_method, make_project
from metodbank.site import search
from metodbank.site.search import MethodEntry, compound_parts, fold, query_terms, stem, tune_index
from metodbank.core.vocabulary import load_vocabulary

# -- stemmer --------------------------------------------------------------------------------------------

# Forms of one word that a search must treat alike. The query is stemmed and searched as a prefix of the
# indexed words and their stems, so a query with any form finds a page with any other form.
SAME_WORD = [
    ("studiecirkel", "studiecirkeln", "studiecirklar", "studiecirklarna"),
    ("internat", "internatet", "internaten", "internatets"),
    ("handledare", "handledaren", "handledarens"),
    ("kollega", "kollegor", "kollegorna"),
    ("skuggning", "skuggningen", "skuggningar", "skuggningarna"),
    ("mål", "målen", "målet"),
    ("exempel", "exemplet", "exemplen"),
    ("utvärdering", "utvärderingen", "utvärderingar", "utvärderingarna"),
    ("lärlogg", "lärloggen", "lärloggar"),
    ("språkombud", "språkombudet", "språkombuden"),
]


@pytest.mark.parametrize("group", SAME_WORD, ids=lambda g: g[0])
def test_any_form_finds_every_other_form(group):
    for query in group:
        for page_word in group:
            found = page_word.startswith(stem(query)) or stem(page_word).startswith(stem(query))
            assert found, f"{query!r} (stem {stem(query)!r}) does not find {page_word!r} (stem {stem(page_word)!r})"


def test_cirkel_and_cirklar_meet():
    assert {stem(w) for w in ("studiecirkel", "studiecirkeln", "studiecirklar", "studiecirklarna")} == {"studiecirkl"}


@pytest.mark.parametrize(("word", "expected"), [
    ("studiecirklar", "studiecirkl"),
    ("internatet", "internat"),
    ("handledarens", "handled"),
    ("skugga", "skugg"),
    ("Kollegorna", "kolleg"),
])
def test_stem_values(word, expected):
    assert stem(word) == expected


def test_stem_leaves_short_words_numbers_and_hyphenated_words():
    assert stem("mål") == "mål"
    assert stem("asf") == "asf"
    assert stem("2026") == "2026"
    assert stem("e-lärande") == "e-lärande"


def test_stem_keeps_at_least_three_letters():
    for word in ("arna", "orna", "area", "ande", "idea"):
        assert len(stem(word)) >= 3


def test_fold():
    assert fold("språkombud") == "sprakombud"
    assert fold("förväntningar") == "forvantningar"
    assert fold("café") == "cafe"


# -- query terms ----------------------------------------------------------------------------------------


def test_query_terms_drop_stop_words_and_stem():
    assert query_terms("Hur startar man en studiecirkel?") == ["start", "start~1", "studiecirkl", "studiecirkl~2"]


def test_query_terms_add_folded_stem_and_fuzzy_variant():
    terms = query_terms("språkombudet")
    assert terms[:2] == ["språkombud", "sprakombud"]
    assert "sprakombud~2" in terms


def test_query_terms_match_short_stems_as_whole_words():
    assert query_terms("lära") == ["lär^1", "lar^1", "lära", "lara"]


def test_query_terms_join_hyphenated_words():
    assert query_terms("e-lärande") == ["elär", "elar"]
    assert query_terms("kick-off")[0] == "kickoff"
    assert "kick" in query_terms("kick-off")  # parts of three letters or more are searched too


def test_query_of_only_stop_words_has_no_terms():
    assert query_terms("vad är det") == []


# -- index tuning ---------------------------------------------------------------------------------------


def _index():
    return {
        "config": {"lang": ["sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
        "docs": [
            {"location": "", "title": "Start", "text": "<p>Välkommen till handboken.</p>"},
            {"location": "metoder/studiecirkel/", "title": "Studiecirkel", "text": "<p>Lead</p>"},
            {"location": "metoder/studiecirkel/#syfte", "title": "Syfte",
             "text": "<p>Studiecirkeln träffas varje vecka. En cirkelledare håller ihop samtalen.</p>"},
            {"location": "genomforande/", "title": "Genomförande", "text": "<p>Arbetsrotation och cirkel.</p>"},
            {"location": "utskrift/", "title": "Skriv ut", "text": "<p>Studiecirkel</p>"},
            {"location": "kort/studiecirkel/", "title": "Kort", "text": "<p>Studiecirkel</p>"},
        ],
    }


METHODS = {"metoder/studiecirkel/": MethodEntry("En liten grupp <lär> sig.", "Genomförande", ("Folkbildning",))}


def _doc(index, location):
    return next(d for d in index["docs"] if d["location"] == location)


def test_tune_index_does_not_change_its_input():
    index = _index()
    before = copy.deepcopy(index)
    tune_index(index, METHODS, {"studiecirkel": ["läsecirkel"]})
    assert index == before


def test_method_entry_shows_summary_and_phase_and_carries_the_whole_page():
    tuned = tune_index(_index(), METHODS)
    text = _doc(tuned, "metoder/studiecirkel/")["text"]
    assert text.startswith('<div class="mb-search-method"><p>En liten grupp &lt;lär&gt; sig.</p><p>Fas: Genomförande</p>')
    hidden = text.split("hidden>", 1)[1].split("<", 1)[0].split()
    # stems of the section text, compound parts and the tag words are in the method's own entry
    for form in ("studiecirkl", "cirkelled", "cirkel", "folkbildning"):
        assert form in hidden


def test_method_sections_are_folded_into_the_method_entry():
    tuned = tune_index(_index(), METHODS)
    locations = [d["location"] for d in tuned["docs"]]
    assert "metoder/studiecirkel/#syfte" not in locations  # one result per method, with summary and phase
    assert "studiecirkl" in _doc(tuned, "metoder/studiecirkel/")["text"].split("hidden>", 1)[1]
    assert "genomforande/" in locations  # chapters keep their entries


def test_methods_are_boosted_and_chapters_are_not():
    tuned = tune_index(_index(), METHODS)
    assert _doc(tuned, "metoder/studiecirkel/")["boost"] == search.METHOD_BOOST
    assert "boost" not in _doc(tuned, "genomforande/")


def test_print_and_card_pages_are_dropped():
    locations = [d["location"] for d in tune_index(_index(), METHODS)["docs"]]
    assert not [loc for loc in locations if loc.startswith(("utskrift/", "kort/"))]


def test_synonyms_reach_the_title_of_the_page_they_name():
    tuned = tune_index(_index(), METHODS, {"studiecirkel": ["läsecirkel", "studiegrupp"]})
    title = _doc(tuned, "metoder/studiecirkel/")["title"]
    assert title.startswith("Studiecirkel<span class=\"mb-search-terms\" hidden>")
    assert "läsecirkel" in title and "studiegrupp" in title
    assert "läsecirkel" not in _doc(tuned, "")["title"] + _doc(tuned, "")["text"]


def test_tag_aliases_expand_like_synonyms():
    tuned = tune_index(_index(), METHODS, {}, {"arbetsrotation": ["jobbrotation"]})
    assert "jobbrotation" in _doc(tuned, "genomforande/")["text"]


def test_word_forms_are_computed_once_per_distinct_word(monkeypatch):
    """A large handbook repeats the same words thousands of times; their forms are worked out once per index."""
    calls: list[str] = []
    original = search._word_forms
    monkeypatch.setattr(search, "_word_forms", lambda word, known: calls.append(word) or original(word, known))
    index = _index()
    index["docs"] += [{"location": f"kapitel-{i}/", "title": "Studiecirkel",
                       "text": "<p>Studiecirkeln träffas varje vecka och cirkeln träffas igen.</p>"}
                      for i in range(5)]
    tuned = tune_index(index, METHODS, {"studiecirkel": ["läsecirkel"]})
    assert calls and len(calls) == len(set(calls))
    monkeypatch.setattr(search, "_word_forms", original)
    assert tuned == tune_index(index, METHODS, {"studiecirkel": ["läsecirkel"]})
    text = "Studiecirkeln träffas, studiecirkeln träffas igen och en arbetsrotation"
    known = {"rotation", "studiecirkel"}
    rules = search.expansions({"studiecirkel": ["läsecirkel"]})
    for with_words in (True, False):  # a shared cache gives what a fresh computation gives
        cache: dict = {}
        first = search.hidden_terms(text, known, rules, with_words=with_words, cache=cache)
        assert first == search.hidden_terms(text, known, rules, with_words=with_words, cache=cache)
        assert first == search.hidden_terms(text, known, rules, with_words=with_words)
    terms = search.hidden_terms(text, known, rules)
    assert "rotation" in terms and "läsecirkel" in terms


def test_compound_tails_that_are_words_of_their_own():
    known = {"rotation", "cirkel", "samtal"}
    assert compound_parts("arbetsrotation", known) == ["rotation"]
    assert compound_parts("uppföljningssamtal", known) == ["samtal"]
    assert compound_parts("rotation", known) == []
    assert compound_parts("e-lärande", known) == []


def test_hidden_terms_are_escaped():
    tuned = tune_index({"docs": [{"location": "x/", "title": "A<b>", "text": "<p>fisk&amp;&lt;script&gt;</p>"}]}, {})
    assert "<script>" not in json.dumps(tuned)


def test_tune_site_index_without_index_does_nothing(tmp_path):
    assert search.tune_site_index(tmp_path, None, None) is False


# -- the synonyms list in vocabulary.yml ----------------------------------------------------------------


def _vocabulary(tmp_path, synonyms_yaml: str):
    text = (REPO / "vocabulary.yml").read_text(encoding="utf-8").split("\nsynonyms:", 1)[0]
    (tmp_path / "vocabulary.yml").write_text(text + synonyms_yaml, encoding="utf-8")
    return load_vocabulary(tmp_path)


def test_repository_synonyms_are_valid():
    vocabulary, problems = load_vocabulary(REPO)
    assert problems == []
    assert "övernattning" in vocabulary.synonyms["internat"]
    assert "skugga" in vocabulary.synonyms["skuggning"]


def test_synonyms_are_optional(tmp_path):
    vocabulary, problems = _vocabulary(tmp_path, "")
    assert problems == []
    assert vocabulary.synonyms == {}


def test_synonyms_are_read(tmp_path):
    vocabulary, problems = _vocabulary(tmp_path, "\nsynonyms:\n  internat: [Övernattning, kursgård]\n")
    assert problems == []
    assert vocabulary.synonyms == {"internat": ("övernattning", "kursgård")}


@pytest.mark.parametrize(("yaml_text", "code", "words"), [
    ("\nsynonyms: [internat]\n", "vocabulary-shape", "synonyms ska vara rader"),
    ("\nsynonyms:\n  internat: övernattning\n", "vocabulary-shape", "ska vara en lista"),
    ("\nsynonyms:\n  internat: []\n", "vocabulary-shape", "ska vara en lista"),
    ("\nsynonyms:\n  Internat: [övernattning]\n", "vocabulary-shape", "små bokstäver"),
    ("\nsynonyms:\n  internat: [resa]\n  studiebesök: [resa]\n", "synonym-conflict", 'redan synonym till "internat"'),
    ("\nsynonyms:\n  internat: [internat]\n", "synonym-conflict", "till sig själv"),
    ("\nsynonyms:\n  internat: [kursgård]\n  kursgård: [konferens]\n", "synonym-conflict", "både som ord"),
])
def test_bad_synonyms_are_reported_in_swedish_with_a_line(tmp_path, yaml_text, code, words):
    _, problems = _vocabulary(tmp_path, yaml_text)
    assert [p.code for p in problems] == [code]
    assert words in problems[0].message
    assert problems[0].path == "vocabulary.yml" and problems[0].line > 1


def test_misspelt_synonyms_list_gets_a_suggestion(tmp_path):
    _, problems = _vocabulary(tmp_path, "\nsynonymer:\n  internat: [övernattning]\n")
    assert [p.code for p in problems] == ["unknown-key"]
    assert 'menade du "synonyms"' in problems[0].message


# -- a real build --------------------------------------------------------------------------------------


def test_built_index_has_swedish_forms_teasers_and_no_excluded_pages(tmp_path):
    root = make_project(tmp_path / "project")
    make_method(root, "studiecirkel", title="Studiecirkel", summary=(
        "En liten grupp lär sig något tillsammans under flera träffar med en cirkelledare som leder samtalet."),
        tags=["folkbildning"])
    (root / "handbook" / "arkiv.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n# Arkiv\n\nGamla studiecirklar.\n", encoding="utf-8")
    site = build_site(root, nav=None)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert "arkiv/" not in locations
    assert not [loc for loc in locations if loc.startswith(("utskrift", "kort"))]  # print pages and cards
    entry = _doc(index, "metoder/studiecirkel/")
    assert "<p>Fas: Genomförande</p>" in entry["text"]
    assert "En liten grupp lär sig något tillsammans" in entry["text"]
    assert "studiecirkl" in entry["title"]
    assert entry["boost"] == search.METHOD_BOOST
    assert "läsecirkel" in entry["title"]  # from the repository's synonyms list


def test_a_methods_tags_and_summary_weigh_like_its_title_each_form_once():
    """Issue 18: the title field (boost 1000 in Material) carries the tag names and aliases and the summary's
    forms, so a method holding more of the query's words there ranks higher; each form once."""
    methods = {"metoder/studiecirkel/": MethodEntry("Gruppen läser och läser igen.", "Genomförande",
                                                    ("Folkbildning", "bildning"))}
    title = _doc(tune_index(_index(), methods), "metoder/studiecirkel/")["title"]
    blocks = [part.split("<", 1)[0].split() for part in title.split("hidden>")[1:]]
    assert len(blocks) == 2  # the title's own forms, then the tags' and the summary's (search-sv.js ranks by both)
    hidden = blocks[0] + blocks[1]
    for form in ("folkbildning", "bildning", "grupp", "läs"):
        assert form in blocks[1], form
    assert len(hidden) == len(set(hidden))
    # A chapter's title block has only its own title's forms.
    chapter = _doc(tune_index(_index(), methods), "genomforande/")["title"]
    assert "grupp" not in chapter
