"""The catalogue's filter form, the words its free-text filter matches, and its script tag.

Plain HTML rendered on the server, so the form has real labels and works with assistive technology;
catalogue.js only enhances it. Without JavaScript the catalogue still lists every method.
"""

from __future__ import annotations

from .format import html_escape
from .planner import asset_url
from ..core.model import Method
from ..core.vocabulary import Vocabulary

CATALOGUE_SCRIPT = "assets/catalogue.js"

# Query parameters of the catalogue filters (shared with catalogue.js): parameter → vocabulary list.
FILTER_LISTS = {"fas": "phases", "malgrupp": "audiences", "svarighet": "difficulties", "tagg": "tags"}



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


def _select(name: str, label: str, all_label: str, options: list[tuple[str, str]]) -> str:
    items = f'<option value="">{html_escape(all_label)}</option>' + "".join(
        f'<option value="{html_escape(value)}">{html_escape(text)}</option>' for value, text in options)
    return (f'<div class="mb-field"><label for="mb-filter-{name}">{html_escape(label)}</label>'
            f'<select id="mb-filter-{name}" name="{name}">{items}</select></div>')


def _number(name: str, label: str, hint: str, maximum: int) -> str:
    return (f'<div class="mb-field"><label for="mb-filter-{name}">{html_escape(label)}</label>'
            f'<input type="number" id="mb-filter-{name}" name="{name}" min="1" max="{maximum}" step="1" '
            f'inputmode="numeric" aria-describedby="mb-filter-{name}-hint">'
            f'<span class="mb-hint" id="mb-filter-{name}-hint">{html_escape(hint)}</span></div>')


def filter_form_html(vocabulary: Vocabulary, count: int) -> str:
    """The catalogue's filter form and live region. Hidden until catalogue.js shows it (no JavaScript: the
    plain table lists every method)."""

    def options(name: str) -> list[tuple[str, str]]:
        return [(t.id, t.label) for t in vocabulary.terms(name)]

    tags = sorted(options("tags"), key=lambda o: o[1].lower())
    fields = [
        '<div class="mb-field mb-field-wide"><label for="mb-filter-q">Sök bland metoderna</label>'
        '<input type="search" id="mb-filter-q" name="sok" autocomplete="off" aria-describedby="mb-filter-q-hint">'
        '<span class="mb-hint" id="mb-filter-q-hint">Till exempel ett ord ur titeln eller ett ämne.</span></div>',
        _select("fas", "Fas", "Alla faser", options("phases")),
        _select("malgrupp", "Målgrupp", "Alla målgrupper", options("audiences")),
        _number("deltagare", "Antal deltagare", "Metoder som passar så många personer.", 1000),
        _number("minuter", "Högst antal minuter", "Metoder som går att göra på så lång tid per träff.", 10000),
        _select("svarighet", "Svårighet", "Alla svårighetsgrader", options("difficulties")),
        _select("tagg", "Ämne (tagg)", "Alla ämnen", tags),
    ]
    return (
        '<form class="mb-filters" id="mb-filters" aria-labelledby="mb-filters-title" hidden>'
        '<h2 id="mb-filters-title" class="mb-filters-title">Filtrera metoderna</h2>'
        '<div class="mb-filter-grid">' + "".join(fields) + "</div>"
        '<p class="mb-filter-actions"><button type="reset" class="md-button">Visa alla metoder</button></p>'
        "</form>\n"
        f'<p class="mb-filter-status" id="mb-filter-status" role="status" aria-live="polite" '
        f'aria-atomic="true">Katalogen visar alla {count} metoder.</p>'
    )


def catalogue_script_html(from_src: str, use_directory_urls: bool) -> str:
    """The <script> tag that loads catalogue.js on the catalogue page only."""
    return f'<script src="{html_escape(asset_url(from_src, CATALOGUE_SCRIPT, use_directory_urls))}" defer></script>'
