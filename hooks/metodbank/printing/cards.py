"""Method cards: one A5 card per method, front and back on two pages (see print.css).

The cards are HTML from templates/cards.html, so every front-matter string is escaped.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.model import Method
from ..core.schema import BASIS_LABEL
from ..core.vocabulary import Term
from ..site.facts import facts
from ..site.format import md_escape
from ..site.frontmatter import front_matter
from ..site.pages import GeneratedPage
from ..site.urls import link, method_uri
from .documents import HANDBOOK_NAME, print_documents
from .templating import render


class CardsMixin:
    """The card pages of PrintBuilder (pages.py)."""

    def build_cards(self, uri: str, term: Term | None) -> GeneratedPage:
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        methods = self._methods_of(term) if term else list(self.catalogue.methods)
        title = f"Metodkort för {term.label.lower()}" if term else "Metodkort"
        scope = f"de {len(methods)} metoderna för {term.label.lower()}" if term else f"alla {len(methods)} metoder"
        blocks = [
            front_matter(f"{title.capitalize()} att skriva ut och använda i workshoppar.", title, print_page=True),
            f"# {md_escape(title)} {{ .mb-noprint }}",
            render("cards.html", scope=scope, cards=[self._card(m, uri) for m in methods], basis_label=BASIS_LABEL,
                   handbook=HANDBOOK_NAME,
                   actions=Markup(self._actions(uri, doc, "Korten är gjorda för att skrivas ut."))),
        ]
        return GeneratedPage(uri, title, "\n\n".join(blocks) + "\n")

    def _card(self, method: Method, uri: str) -> dict:
        """What one card shows (cards.html lays it out)."""
        v = self.vocabulary
        found = facts(method, v)
        return {
            "id": method.id, "title": method.title, "summary": method.summary, "easy_read": method.easy_read,
            "url": link(uri, method_uri(method.id), self.builder.use_directory_urls),
            "phases": found["phases"].short, "draft": not method.published,
            "facts": [(found[n].label, found[n].text)
                      for n in ("audience", "group_size", "duration", "difficulty", "cost")],
            # The first part of the basis' label ("Redaktionens förslag"), so that a card at every limit fits on A5.
            "basis": v.label("bases", method.basis.kind).split(",")[0] if method.basis else "",
            "steps": [(v.label("phases", p), method.steps[p]) for p in v.ids("phases") if method.steps.get(p)],
        }
