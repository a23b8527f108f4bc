"""The catalogue's filter form, the words its free-text filter matches, and its script tag.

Plain HTML rendered on the server, so the form has real labels and works with assistive technology;
catalogue.js only enhances it. Without JavaScript the catalogue still lists every method.
"""

from __future__ import annotations

from .templating import render
from .urls import CATALOGUE_SCRIPT, TAG_PARAM, link
from ..core.model import Method
from ..core.schema import DURATION_MAX, GROUP_SIZE_MAX
from ..core.vocabulary import Vocabulary

# Query parameters of the catalogue filters (shared with catalogue.js): parameter → vocabulary list.
FILTER_LISTS = {"fas": "phases", "malgrupp": "audiences", "svarighet": "difficulties", TAG_PARAM: "tags"}
# Every filter of the form, in the form's order: query parameter, how a row matches, the row's data-* attributes
# (catalogue.js reads this through the generated tables). "text": the free-text words; "has": the value is one of
# the attribute's words; "equals": the attribute is the value; "between": the number lies within the two
# attributes; "at-most": the attribute (the shortest session) is at most the number.
FILTERS = (
    ("sok", "text", ()),
    ("fas", "has", ("phases",)),
    ("malgrupp", "has", ("audience",)),
    ("deltagare", "between", ("min-people", "max-people")),
    ("minuter", "at-most", ("min-minutes",)),
    ("svarighet", "equals", ("difficulty",)),
    (TAG_PARAM, "has", ("tags",)),
)



def search_words(method: Method, vocabulary: Vocabulary) -> str:
    """Extra words the catalogue's free-text filter matches: labels and aliases of phases, audiences, tags."""
    words: list[str] = []
    for name, ids in (("phases", method.phases), ("audiences", method.audience), ("tags", method.tags)):
        for term_id in ids:
            try:
                term = vocabulary.term(name, term_id)
            except KeyError:
                words.append(term_id)
                continue
            words.extend((term.label, *term.aliases))
    return " ".join(dict.fromkeys(w.lower() for w in words))


def filter_form_html(vocabulary: Vocabulary, count: int) -> str:
    """The catalogue's filter form and live region. Hidden until catalogue.js shows it (no JavaScript: the
    plain table lists every method)."""

    def options(name: str) -> list[tuple[str, str]]:
        return [(t.id, t.label) for t in vocabulary.terms(name)]

    tags = sorted(options("tags"), key=lambda o: o[1].lower())
    return render("filter-form.html", count=count, phases=options("phases"), audiences=options("audiences"),
                  difficulties=options("difficulties"), tags=tags, max_people=GROUP_SIZE_MAX, max_minutes=DURATION_MAX)


def catalogue_script_html(from_src: str, use_directory_urls: bool) -> str:
    """The <script> tag that loads catalogue.js on the catalogue page only."""
    return render("script.html", src=link(from_src, CATALOGUE_SCRIPT, use_directory_urls))
