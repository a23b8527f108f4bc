"""A method's facts for readers: one function words and formats them for every place that shows them.

The method page's fact box, the phase chapters' key facts, the catalogue table and the method cards each
pick the facts they show from `facts()`; the Swedish labels, the number formats and the dash for a missing
value come from here only. The texts are plain: each output escapes them for its own format (Markdown with
md_escape, HTML by the templates' autoescaping).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Method
from ..core.vocabulary import Vocabulary
from .format import minutes, people

MISSING = "–"  # shown for a fact the method does not give


@dataclass(frozen=True)
class Fact:
    """One fact of a method: its label, its text for a reader and, for vocabulary values, the terms."""

    name: str  # the front-matter field
    label: str  # "Tid"
    text: str  # "30–60 minuter per träff, 2 träffar under en månad"; MISSING when the method says nothing
    short: str  # the brief form for tables and lists ("30–60 minuter"); "" when the method says nothing
    terms: tuple[tuple[str, str], ...] = ()  # (id, label) of each vocabulary value, in order

    @property
    def given(self) -> bool:
        return bool(self.short)


def facts(method: Method, vocabulary: Vocabulary) -> dict[str, Fact]:
    """The method's facts by field name, in the order the method page shows them."""

    def terms(name: str, field: str, label: str, ids: tuple[str, ...]) -> Fact:
        pairs = tuple((i, vocabulary.label(name, i)) for i in ids if i)
        text = ", ".join(label for _, label in pairs)
        return Fact(field, label, text or MISSING, text, pairs)

    group = people(method.group_size.min, method.group_size.max) if method.group_size else ""
    time, per_session = "", ""
    if method.duration:
        time = minutes(method.duration.min, method.duration.max)
        per_session = time + " per träff" + (f", {method.duration.span}" if method.duration.span else "")
    found = [
        terms("phases", "phases", "Fas", method.phases),
        terms("audiences", "audience", "Målgrupp", method.audience),
        Fact("group_size", "Gruppstorlek", group or MISSING, group),
        Fact("duration", "Tid", per_session or MISSING, time),
        terms("difficulties", "difficulty", "Svårighet", (method.difficulty or "",)),
        terms("costs", "cost", "Kostnad", (method.cost or "",)),
        terms("roles", "roles", "Roller", method.roles),
    ]
    return {fact.name: fact for fact in found}
