"""The printable documents of a project: which print and card pages exist, where, and their PDF files.

Pages (all virtual, excluded from search, reachable from the hub `utskrift/index.md`):

* `utskrift/<chapter>.md`  – one phase: cover with table of contents, the chapter's prose, then every
  method of the phase in full.
* `utskrift/hela-handboken.md` – introduction, phase chapters and appendices; after each phase chapter its methods
  (a method that belongs to several phases is printed once, under its first phase).
* `kort/index.md`, `kort/<chapter>.md` – method cards: one A5 card per method, front and back on two
  pages (see print.css).

`metodbank pdf` (adapters/pdf.py) prints the same pages to `<site>/pdf/<name>.pdf`. It builds the site with
PDF_ENV=1, and only such a build links the PDFs ("Ladda ner som PDF"): the build knows they will exist, so no
page ever asks the server whether a PDF is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..site.format import md_escape
from ..site.urls import CARDS_URI, WHOLE_URI, cards_uri, pdf_uri, phase_slug, print_uri, source_link
from ..core.vocabulary import Term

HANDBOOK_NAME = "Metodbanken"
PDF_ENV = "METODBANK_PDF"  # "1" while `metodbank pdf` builds the site: the print pages then link the PDFs
INTRO_CHAPTERS = ("kompetensutveckling-i-asf.md",)  # before the phase chapters in the whole handbook
APPENDIX_CHAPTERS = ("ordlista.md", "om-handboken.md")  # after them


@dataclass(frozen=True)
class PrintDocument:
    """One printable document: its page, a Swedish label for progress lines, its PDF file and paper."""

    src_uri: str
    label: str
    pdf_name: str
    cards: bool = False

    @property
    def pdf_uri(self) -> str:
        return pdf_uri(self.pdf_name)


def print_documents(vocabulary) -> list[PrintDocument]:
    """Every document `metodbank pdf` writes, in order: phase chapters, whole handbook, card decks."""
    phases = vocabulary.terms("phases")
    docs = [PrintDocument(print_uri(phase_slug(t)), t.label, f"metodbanken-{phase_slug(t)}.pdf")
            for t in phases]
    docs.append(PrintDocument(WHOLE_URI, "Hela handboken", "metodbanken-hela-handboken.pdf"))
    docs.append(PrintDocument(CARDS_URI, "Metodkort, alla metoder", "metodkort-alla.pdf", cards=True))
    docs += [PrintDocument(cards_uri(phase_slug(t)), f"Metodkort, {t.label.lower()}",
                           f"metodkort-{phase_slug(t)}.pdf", cards=True) for t in phases]
    return docs


def add_print_links(markdown: str, term: Term) -> str:
    """A phase chapter's Markdown with links to its print version and cards right below the first heading."""
    chapter = term.chapter or ""
    slug = phase_slug(term)
    to_print = source_link(chapter, print_uri(slug))
    to_cards = source_link(chapter, cards_uri(slug))
    line = (f"Skriv ut: [Utskriftsversion av kapitlet med alla metoder]({to_print}) · "
            f"[Metodkort för {md_escape(term.label.lower())}]({to_cards})\n{{ .mb-print-links }}")
    lines = markdown.split("\n")
    for index, text in enumerate(lines):
        if re.match(r"^#\s", text):
            return "\n".join(lines[: index + 1] + ["", line, ""] + lines[index + 1:])
    return line + "\n\n" + markdown
