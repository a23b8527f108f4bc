"""Print pages: each phase chapter as a booklet, the whole handbook, and the hub that lists them.

Pure functions from the PageBuilder (catalogue + vocabulary) and the chapter prose to GeneratedPage
objects. Nothing here writes to disk or imports MkDocs; the chapters under `docs_dir` are only read.
The method bodies are placeholders that the adapter fills with each method page's rendered HTML (splice.py).
"""

from __future__ import annotations

from pathlib import Path

from ..core.model import Method
from ..core.vocabulary import Term
from ..site.format import md_escape
from ..site.frontmatter import front_matter
from ..site.pages import GeneratedPage, PageBuilder
from ..site.urls import CARDS_URI, PRINT_INDEX_URI, WHOLE_URI, cards_uri, link, method_uri, print_uri, source_link
from .cards import CardsMixin
from .documents import APPENDIX_CHAPTERS, HANDBOOK_NAME, INTRO_CHAPTERS, PrintDocument, phase_slug, print_documents
from .markdown import Chapter, readable, rebase_links, shift_headings
from .splice import PLACEHOLDER
from .templating import render


def build_print_pages(builder: PageBuilder, docs_dir: Path | str, with_pdfs: bool = False) -> list[GeneratedPage]:
    """All print and card pages of the project; chapter prose is read from `docs_dir`.

    `with_pdfs`: the PDFs of print_documents() are made with this build (`metodbank pdf`), so link them.
    """
    return PrintBuilder(builder, Path(docs_dir), with_pdfs).build_pages()


class PrintBuilder(CardsMixin):
    """Builds the print pages of one project from a PageBuilder and the chapters in docs_dir."""

    def __init__(self, builder: PageBuilder, docs_dir: Path, with_pdfs: bool = False) -> None:
        self.builder = builder
        self.with_pdfs = with_pdfs
        self.catalogue = builder.catalogue
        self.vocabulary = builder.vocabulary
        self.docs_dir = docs_dir
        self.phases = self.vocabulary.terms("phases")

    def build_pages(self) -> list[GeneratedPage]:
        pages = [self.build_index()]
        pages += [self.build_phase(term) for term in self.phases]
        pages.append(self.build_whole())
        pages.append(self.build_cards(CARDS_URI, None))
        pages += [self.build_cards(cards_uri(phase_slug(t)), t) for t in self.phases]
        return pages

    # -- shared parts -------------------------------------------------------------------------------

    def _chapter(self, src_uri: str | None) -> Chapter | None:
        if src_uri and readable(self.docs_dir, src_uri):
            return Chapter.read(self.docs_dir, src_uri)
        return None

    def _actions(self, src_uri: str, doc: PrintDocument | None, what: str) -> str:
        """Print button, help without JavaScript and the PDF link (when this build comes with the PDFs)."""
        pdf_url = link(src_uri, doc.pdf_uri, self.builder.use_directory_urls) if doc is not None and self.with_pdfs else ""
        return render("print-actions.html", what=what, pdf_url=pdf_url)

    def _method_block(self, method: Method, level: int) -> str:
        """One method in full, its title at heading `level`, starting on a new page in print.

        The body is a placeholder: the hook splices in the method page's own rendered HTML
        (splice_methods), so a print page does not convert every method's Markdown a second time.
        """
        title = f"{'#' * level} {md_escape(method.title)} {{ #metod-{method.id} .mb-method-start }}"
        return title + "\n\n" + PLACEHOLDER.format(id=method.id, shift=level - 1)

    def _chapter_block(self, chapter: Chapter, page_uri: str, level: int, local: dict[str, str],
                       new_page: bool) -> str:
        classes = " .mb-chapter-start" if new_page else ""
        heading = f"{'#' * level} {md_escape(chapter.title)} {{ #{chapter.anchor}{classes} }}"
        prose = shift_headings(chapter.prose, level - 1)
        return heading + "\n\n" + rebase_links(prose, chapter.src_uri, page_uri, local)

    def _toc(self, entries: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
        """Table of contents: (anchor, title, children), each child (anchor, title)."""
        return render("toc.html", entries=entries)

    def _methods_of(self, term: Term) -> list[Method]:
        return [self.catalogue.get(i) for i in self.catalogue.by_phase.get(term.id, ())]

    # -- hub -----------------------------------------------------------------------------------------

    def build_index(self) -> GeneratedPage:
        """The page that lists every print version and card deck (linked from the nav)."""
        docs = {d.src_uri: d for d in print_documents(self.vocabulary)}

        def line(uri: str, text: str) -> str:
            item = f"- [{md_escape(text)}]({source_link(PRINT_INDEX_URI, uri)})"
            if not self.with_pdfs:
                return item
            url = link(PRINT_INDEX_URI, docs[uri].pdf_uri, self.builder.use_directory_urls)
            return item + " " + render("pdf-link.html", url=url)


        chapters = [line(print_uri(phase_slug(t)), f"{t.label} – kapitlet och alla dess metoder")
                    for t in self.phases]
        cards = [line(cards_uri(phase_slug(t)), f"Metodkort för {t.label.lower()}") for t in self.phases]
        parts = [
            front_matter("Utskriftsversioner av kapitlen, hela handboken och metodkort för workshoppar.", "Skriv ut",
                         print_page=True),
            "# Skriv ut",
            "Här finns Metodbanken i versioner som är gjorda för papper: ett kapitel i taget som ett litet häfte, "
            "hela handboken och metodkort att använda i workshoppar. Sidhuvud, meny och sökruta skrivs inte ut, "
            "och varje metod börjar på en ny sida.",
            "Du kan också skriva ut en enskild metod direkt från metodens sida med webbläsarens utskrift.",
            "## Kapitel att skriva ut",
            "\n".join(chapters + [line(WHOLE_URI, "Hela handboken med alla kapitel och metoder")]),
            "## Metodkort",
            "Ett kort per metod i storlek A5. Framsidan har sammanfattningen, de viktigaste uppgifterna och en "
            "lättläst text. Baksidan har stegen i korthet för varje fas.",
            "\n".join([line(CARDS_URI, "Alla metodkort")] + cards),
            "Efter varje rad finns en länk till samma sak som PDF-fil." if self.with_pdfs else
            "PDF-filerna finns på den publicerade webbplatsen.",
        ]
        return GeneratedPage(PRINT_INDEX_URI, "Skriv ut", "\n\n".join(parts) + "\n")

    # -- a phase chapter -----------------------------------------------------------------------------

    def build_phase(self, term: Term) -> GeneratedPage:
        uri = print_uri(phase_slug(term))
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        chapter = self._chapter(term.chapter)
        methods = self._methods_of(term)
        local = {method_uri(m.id): f"metod-{m.id}" for m in methods}
        if chapter:
            local[chapter.src_uri] = chapter.anchor
        title = chapter.title if chapter else term.label
        blocks = [
            front_matter(f"Kapitlet {term.label} och alla dess metoder, gjort för att skrivas ut.",
                         f"{title} – utskrift", print_page=True),
            f"# {md_escape(title)} {{ .mb-print-title }}",
            f"Ett kapitel ur {HANDBOOK_NAME} med alla {len(methods)} metoder i fasen.\n{{ .mb-print-subtitle }}",
            self._actions(uri, doc, "Den här sidan är gjord för att skrivas ut som ett häfte."),
        ]
        toc = []
        if chapter:
            toc.append((chapter.anchor, "Om fasen", []))
        toc.append(("", "Metoderna", [(f"metod-{m.id}", m.title) for m in methods]))
        blocks.append(self._toc(toc))
        if chapter:
            prose = rebase_links(chapter.prose, chapter.src_uri, uri, local)
            blocks.append(f"## Om fasen {{ #{chapter.anchor} .mb-chapter-start }}\n\n" + shift_headings(prose, 1))
        elif term.description:
            blocks.append(f"## Om fasen\n\n{md_escape(term.description)}")
        if not methods:
            blocks.append("Det finns inga metoder i den här fasen ännu.")
        blocks += [self._method_block(m, 2) for m in methods]
        return GeneratedPage(uri, f"{title} – utskrift", "\n\n".join(blocks) + "\n", term.chapter and
                             f"{self.docs_dir.name}/{term.chapter}", included=local)

    # -- the whole handbook --------------------------------------------------------------------------

    def _handbook_chapters(self) -> list[str]:
        """The chapters of the printed handbook: introduction, phase chapters, then the appendices.

        A fixed list rather than the nav: the nav also holds pages that are not handbook text (the start
        page, contributor guides, the accessibility statement). Chapters missing in docs_dir are skipped.
        """
        names = list(INTRO_CHAPTERS) + [t.chapter for t in self.phases if t.chapter] + list(APPENDIX_CHAPTERS)
        return [n for i, n in enumerate(names) if n not in names[:i] and readable(self.docs_dir, n)]

    def build_whole(self) -> GeneratedPage:
        uri = WHOLE_URI
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        chapters = [Chapter.read(self.docs_dir, u) for u in self._handbook_chapters()]
        phase_of = {t.chapter: t for t in self.phases if t.chapter}
        local = {c.src_uri: c.anchor for c in chapters}
        local.update({method_uri(m.id): f"metod-{m.id}" for m in self.catalogue.methods})
        printed: dict[str, str] = {}  # method id → label of the phase it is printed under
        toc, body = [], []
        for chapter in chapters:
            term = phase_of.get(chapter.src_uri)
            children = []
            body.append(self._chapter_block(chapter, uri, 2, local, new_page=True))
            if term is not None:
                for method in self._methods_of(term):
                    if method.id in printed:
                        body.append(f"### {md_escape(method.title)} {{ .mb-method-ref }}\n\n"
                                    f"Metoden finns med under [{md_escape(printed[method.id])}](#metod-{method.id}).")
                        continue
                    printed[method.id] = term.label
                    children.append((f"metod-{method.id}", method.title))
                    body.append(self._method_block(method, 3))
            toc.append((chapter.anchor, chapter.title, children))
        for method in self.catalogue.methods:  # methods whose phases have no chapter
            if method.id not in printed:
                printed[method.id] = ""
                body.append(self._method_block(method, 2))
                toc.append((f"metod-{method.id}", method.title, []))
        blocks = [
            front_matter("Hela Metodbanken med alla kapitel och metoder, gjord för att skrivas ut.",
                         f"{HANDBOOK_NAME} – hela handboken", print_page=True),
            f"# {HANDBOOK_NAME} {{ .mb-print-title }}",
            "Metoder för kompetensutveckling i arbetsintegrerande sociala företag. Hela handboken med alla "
            f"{len(self.catalogue.methods)} metoder.\n{{ .mb-print-subtitle }}",
            self._actions(uri, doc, "Den här sidan är hela handboken, gjord för att skrivas ut."),
            self._toc(toc),
        ]
        return GeneratedPage(uri, f"{HANDBOOK_NAME} – hela handboken", "\n\n".join(blocks + body) + "\n",
                             included=local)
