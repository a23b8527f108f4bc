"""Method cards: one A5 card per method, front and back on two pages (see print.css).

Raw HTML, so every front-matter string is HTML-escaped.
"""

from __future__ import annotations

from ..core.model import Method
from ..core.schema import BASIS_LABEL
from ..core.vocabulary import Term
from ..site.format import html_escape, md_escape, minutes, people
from ..site.pages import GeneratedPage
from ..site.urls import link, method_uri
from .documents import HANDBOOK_NAME, print_documents
from .markdown import front_matter


class CardsMixin:
    """The card pages of PrintBuilder (pages.py)."""

    def build_cards(self, uri: str, term: Term | None) -> GeneratedPage:
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        methods = self._methods_of(term) if term else list(self.catalogue.methods)
        title = f"Metodkort för {term.label.lower()}" if term else "Metodkort"
        scope = f"de {len(methods)} metoderna för {term.label.lower()}" if term else f"alla {len(methods)} metoder"
        intro = (
            '<div class="mb-cards-intro mb-noprint">\n'
            f"<p>Här är metodkort för {html_escape(scope)}, ett kort per metod i storlek A5. Framsidan har "
            "sammanfattningen, de viktigaste uppgifterna och en lättläst text. Baksidan har stegen i korthet.</p>\n"
            "<p>Skriv ut dubbelsidigt på A5-papper. Har du bara A4: välj två sidor per ark i utskriften, "
            "skriv ut enkelsidigt och vik arket på mitten, så hamnar framsidan och baksidan på var sin sida av "
            "kortet.</p>\n</div>"
        )
        cards = [self._card(m, uri) for m in methods] or ["Det finns inga metoder i den här fasen ännu."]
        blocks = [
            front_matter(title, f"{title.capitalize()} att skriva ut och använda i workshoppar."),
            f"# {md_escape(title)} {{ .mb-noprint }}",
            intro,
            self._actions(uri, doc, "Korten är gjorda för att skrivas ut."),
            '<div class="mb-cards">\n' + "\n".join(cards) + "\n</div>" if methods else cards[0],
        ]
        return GeneratedPage(uri, title, "\n\n".join(blocks) + "\n")

    def _card(self, method: Method, uri: str) -> str:
        e = html_escape
        v = self.vocabulary
        url = link(uri, method_uri(method.id), self.builder.use_directory_urls)
        phases = ", ".join(v.label("phases", p) for p in method.phases)
        time = "–"
        if method.duration:
            time = minutes(method.duration["min"], method.duration["max"]) + " per träff"
            if method.duration.get("span"):
                time += ", " + method.duration["span"]
        facts = [
            ("Målgrupp", ", ".join(v.label("audiences", a) for a in method.audience) or "–"),
            ("Gruppstorlek", people(method.group_size["min"], method.group_size["max"]) if method.group_size else "–"),
            ("Tid", time),
            ("Svårighet", v.label("difficulties", method.difficulty) if method.difficulty else "–"),
            ("Kostnad", v.label("costs", method.cost) if method.cost else "–"),
        ]
        # What the method builds on, after the summary: the label's first part ("Redaktionens förslag"),
        # so that a card at every limit still fits on A5.
        basis = (f'<p class="mb-card-basis"><strong>{e(BASIS_LABEL)}:</strong> '
                 f'{e(v.label("bases", method.basis["kind"]).split(",")[0])}</p>') if method.basis else ""
        draft = '<p class="mb-card-draft">Utkast – inte granskad ännu</p>' if not method.published else ""
        front = (
            f'<section class="mb-card-side mb-card-front" aria-label="{e(method.title)}, framsida">'
            f'<p class="mb-card-kicker">Metodkort · {e(phases)}</p>'
            f'<h2 class="mb-card-title" id="kort-{method.id}"><a href="{e(url)}">{e(method.title)}</a></h2>{draft}'
            f'<p class="mb-card-summary">{e(method.summary)}</p>{basis}'
            '<dl class="mb-card-facts">' + "".join(f"<dt>{e(k)}</dt><dd>{e(val)}</dd>" for k, val in facts) + "</dl>"
            f'<div class="mb-card-easy"><p class="mb-card-label">Lättläst</p><p>{e(method.easy_read)}</p></div>'
            "</section>"
        )
        steps = []
        for phase in v.ids("phases"):
            items = method.steps.get(phase)
            if items:
                steps.append(f"<h3>{e(v.label('phases', phase))}</h3><ol>"
                             + "".join(f"<li>{e(s)}</li>" for s in items) + "</ol>")
        back = (
            f'<section class="mb-card-side mb-card-back" aria-label="{e(method.title)}, baksida">'
            f'<p class="mb-card-kicker">{e(method.title)} · Steg i korthet</p>' + "".join(steps)
            + f'<p class="mb-card-more">Hela beskrivningen finns i {HANDBOOK_NAME} under Metoder: '
            f"{e(method.title)}.</p></section>"
        )
        return f'<article class="mb-card">{front}{back}</article>'
