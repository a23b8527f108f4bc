"""Print pages: each phase chapter as a booklet, the whole handbook, and method cards for workshops.

Pure functions from the PageBuilder (catalogue + vocabulary) and the chapter prose to GeneratedPage
objects. Nothing here writes to disk or imports MkDocs; the chapters under `docs_dir` are only read.

Pages (all virtual, excluded from search, reachable from the hub `utskrift/index.md`):

* `utskrift/<chapter>.md`  – one phase: cover with table of contents, the chapter's prose, then every
  method of the phase in full (rendered by PageBuilder.method_markdown, headings shifted one level down).
* `utskrift/hela-handboken.md` – introduction, phase chapters and appendices; after each phase chapter its methods
  (a method that belongs to several phases is printed once, under its first phase).
* `kort/index.md`, `kort/<chapter>.md` – method cards: one A5 card per method, front and back on two
  pages (see print.css), raw HTML so every front-matter string is HTML-escaped.

`metodbank pdf` (pdf.py) prints the same pages to `<site>/pdf/<name>.pdf`. It builds the site with PDF_ENV=1,
and only such a build links the PDFs ("Ladda ner som PDF"): the build knows they will exist, so no page ever
asks the server whether a PDF is there.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .format import html_escape, md_escape, minutes, page_url, people, relative_url
from .model import Method
from .pages import GeneratedPage, PageBuilder, method_uri
from .project import inside
from .schema import BASIS_LABEL
from .text import slugify
from .vocabulary import Term

PRINT_DIR = "utskrift"
CARDS_DIR = "kort"
PDF_DIR = "pdf"
PRINT_INDEX_URI = f"{PRINT_DIR}/index.md"
WHOLE_URI = f"{PRINT_DIR}/hela-handboken.md"
CARDS_URI = f"{CARDS_DIR}/index.md"
HANDBOOK_NAME = "Metodbanken"
PDF_ENV = "METODBANK_PDF"  # "1" while `metodbank pdf` builds the site: the print pages then link the PDFs
_PLACEHOLDER = '<div class="mb-print-body" data-mb-method="{id}" data-mb-shift="{shift}"></div>'
_PLACEHOLDER_RE = re.compile(r'<div class="mb-print-body" data-mb-method="([a-z0-9-]+)" data-mb-shift="(\d)"></div>')
_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.S)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_ID_ATTR = re.compile(r'\bid="([^"]+)"')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
INTRO_CHAPTERS = ("kompetensutveckling-i-asf.md",)  # before the phase chapters in the whole handbook
APPENDIX_CHAPTERS = ("ordlista.md", "om-handboken.md")  # after them

_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_LINK = re.compile(r"(?<!\\)\]\((<[^>]*>|[^)\s]+)((?:\s+\"[^\"]*\")?)\)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")


@dataclass(frozen=True)
class PrintDocument:
    """One printable document: its page, a Swedish label for progress lines, its PDF file and paper."""

    src_uri: str
    label: str
    pdf_name: str
    cards: bool = False

    @property
    def pdf_uri(self) -> str:
        return f"{PDF_DIR}/{self.pdf_name}"


def phase_slug(term: Term) -> str:
    """The URL part of a phase: its chapter file's stem ('forankring'), else its id with hyphens."""
    if term.chapter:
        return posixpath.splitext(posixpath.basename(term.chapter))[0]
    return term.id.replace("_", "-")


def print_documents(vocabulary) -> list[PrintDocument]:
    """Every document `metodbank pdf` writes, in order: phase chapters, whole handbook, card decks."""
    phases = vocabulary.terms("phases")
    docs = [PrintDocument(f"{PRINT_DIR}/{phase_slug(t)}.md", t.label, f"metodbanken-{phase_slug(t)}.pdf")
            for t in phases]
    docs.append(PrintDocument(WHOLE_URI, "Hela handboken", "metodbanken-hela-handboken.pdf"))
    docs.append(PrintDocument(CARDS_URI, "Metodkort, alla metoder", "metodkort-alla.pdf", cards=True))
    docs += [PrintDocument(f"{CARDS_DIR}/{phase_slug(t)}.md", f"Metodkort, {t.label.lower()}",
                           f"metodkort-{phase_slug(t)}.pdf", cards=True) for t in phases]
    return docs


def build_print_pages(builder: PageBuilder, docs_dir: Path | str, with_pdfs: bool = False) -> list[GeneratedPage]:
    """All print and card pages of the project; chapter prose is read from `docs_dir`.

    `with_pdfs`: the PDFs of print_documents() are made with this build (`metodbank pdf`), so link them.
    """
    return PrintBuilder(builder, Path(docs_dir), with_pdfs).build_pages()


def splice_methods(html: str, page_uri: str, bodies: dict[str, str], included: dict[str, str],
                   use_directory_urls: bool = True) -> str:
    """A print page's HTML with each method placeholder replaced by that method page's rendered body.

    The body is taken as MkDocs rendered it for `metoder/<id>.md` (its own title dropped: the print page
    has one), and adapted to its new place: headings moved down, ids prefixed with the method id so
    sections of different methods stay unique, links to pages included in this print page turned into
    in-page links, and every other relative link re-pointed so it reaches the same page as before.
    """
    here = page_url(page_uri, use_directory_urls)
    anchors = {page_url(src, use_directory_urls): anchor for src, anchor in included.items()}

    def body(match: re.Match) -> str:
        method_id, shift = match.group(1), int(match.group(2))
        source = bodies.get(method_id)
        if source is None:
            return ""
        there = page_url(method_uri(method_id), use_directory_urls)
        prefix = f"{method_id}--"
        source = _FIRST_H1.sub("", source, count=1)
        source = _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", source)
        source = _ID_ATTR.sub(lambda m: f'id="{prefix}{m.group(1)}"', source)
        return _URL_ATTR.sub(lambda m: f'{m.group(1)}="{_move_url(m.group(2), there, here, anchors, prefix)}"',
                             source)

    return _PLACEHOLDER_RE.sub(body, html)


def _move_url(url: str, there: str, here: str, anchors: dict[str, str], prefix: str) -> str:
    if url.startswith("#"):
        return f"#{prefix}{url[1:]}" if len(url) > 1 else url
    if not url or url.startswith("/") or _SCHEME.match(url):
        return url
    path, _, fragment = url.partition("#")
    base = there if there.endswith("/") else posixpath.dirname(there) + "/"
    resolved = posixpath.normpath(posixpath.join(base, path)) + ("/" if path.endswith("/") else "")
    resolved = resolved.removeprefix("./")
    if resolved in anchors and not fragment:
        return f"#{anchors[resolved]}"
    start = here if here.endswith("/") else posixpath.dirname(here) + "/"
    moved = posixpath.relpath(resolved, start.rstrip("/") or ".")
    if resolved.endswith("/") and not moved.endswith("/"):
        moved += "/"
    return moved + (f"#{fragment}" if fragment else "")


def add_print_links(markdown: str, term: Term) -> str:
    """A phase chapter's Markdown with links to its print version and cards right below the first heading."""
    chapter = term.chapter or ""
    base = posixpath.dirname(chapter) or "."
    slug = phase_slug(term)
    to_print = posixpath.relpath(f"{PRINT_DIR}/{slug}.md", base)
    to_cards = posixpath.relpath(f"{CARDS_DIR}/{slug}.md", base)
    line = (f"Skriv ut: [Utskriftsversion av kapitlet med alla metoder]({to_print}) · "
            f"[Metodkort för {md_escape(term.label.lower())}]({to_cards})\n{{ .mb-print-links }}")
    lines = markdown.split("\n")
    for index, text in enumerate(lines):
        if re.match(r"^#\s", text):
            return "\n".join(lines[: index + 1] + ["", line, ""] + lines[index + 1:])
    return line + "\n\n" + markdown


# -- Markdown helpers -------------------------------------------------------------------------------

def shift_headings(markdown: str, levels: int) -> str:
    """Every ATX heading outside code fences moved `levels` down (at most h6)."""
    out, fence = [], None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            if fence is None:
                fence = marker
            elif fence == marker:
                fence = None
        elif fence is None:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels), line)
        out.append(line)
    return "\n".join(out)


def rebase_links(markdown: str, from_uri: str, to_uri: str, local: dict[str, str]) -> str:
    """Relative links of a page written at `from_uri`, rewritten for a page at `to_uri`.

    A link to a page whose content is included in the new page (`local`: src_uri → anchor) becomes an
    in-page link; every other relative link is re-pointed so it still reaches the same page.
    """

    def target(url: str) -> str:
        bracketed = url.startswith("<") and url.endswith(">")
        raw = url[1:-1] if bracketed else url
        if not raw or raw.startswith(("#", "/")) or _SCHEME.match(raw):
            return url
        path, _, fragment = raw.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
        if resolved in local and not fragment:
            new = f"#{local[resolved]}"
        else:
            new = posixpath.relpath(resolved, posixpath.dirname(to_uri) or ".") + (f"#{fragment}" if fragment else "")
        return f"<{new}>" if bracketed else new

    markdown = _INLINE_LINK.sub(lambda m: f"]({target(m.group(1))}{m.group(2)})", markdown)
    return _REFERENCE.sub(lambda m: m.group(1) + target(m.group(2)), markdown)


def _front(title: str, description: str) -> str:
    # The theme prints page.meta title and description into <title> and <meta content="…"> unescaped.
    data = {"title": html_escape(title), "description": html_escape(description), "search": {"exclude": True},
            "hide": ["navigation", "toc"]}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()) + "\n---"


def _plain(markdown_heading: str) -> str:
    """Heading text without Markdown syntax, for the table of contents."""
    text = _ATTRS.sub("", markdown_heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.replace("\\", "").split())


def _readable(docs_dir: Path, src_uri: str) -> bool:
    """A chapter is read only when it is a file inside docs_dir after every symlink is resolved."""
    path = docs_dir / src_uri
    return path.is_file() and inside(docs_dir, path)


@dataclass
class _Chapter:
    """One handbook chapter read from docs_dir: title, prose without its title, and its H2 headings."""

    src_uri: str
    title: str
    prose: str

    @classmethod
    def read(cls, docs_dir: Path, src_uri: str) -> _Chapter:
        if not _readable(docs_dir, src_uri):
            raise ValueError(f"{src_uri} is not a file inside {docs_dir}")
        text = (docs_dir / src_uri).read_text(encoding="utf-8").replace("\r\n", "\n")
        if text.startswith("---\n"):
            end = text.find("\n---", 4)
            if end != -1:
                text = text[end + 4:].lstrip("\n")
        title, body = "", []
        for line in text.split("\n"):
            if not title and re.match(r"^#\s", line):
                title = _plain(line[2:])
                continue
            body.append(line)
        stem = posixpath.splitext(src_uri)[0]
        return cls(src_uri, title or stem, "\n".join(body).strip() + "\n")

    @property
    def anchor(self) -> str:
        return "kapitel-" + slugify(posixpath.splitext(self.src_uri)[0])


class PrintBuilder:
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
        pages += [self.build_cards(f"{CARDS_DIR}/{phase_slug(t)}.md", t) for t in self.phases]
        return pages

    # -- shared parts -------------------------------------------------------------------------------

    def _chapter(self, src_uri: str | None) -> _Chapter | None:
        if src_uri and _readable(self.docs_dir, src_uri):
            return _Chapter.read(self.docs_dir, src_uri)
        return None

    def _url(self, from_uri: str, to_uri: str) -> str:
        """URL of a non-page file (a PDF) as seen from the built page of `from_uri`."""
        here = page_url(from_uri, self.builder.use_directory_urls)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        return posixpath.relpath(to_uri, base.rstrip("/") or ".")

    def _actions(self, src_uri: str, doc: PrintDocument | None, what: str) -> str:
        """Print button, help without JavaScript and the PDF link (when this build comes with the PDFs)."""
        pdf = ""
        if doc is not None and self.with_pdfs:
            pdf = (f' <a class="md-button mb-pdf-link" href="{html_escape(self._url(src_uri, doc.pdf_uri))}" '
                   f'download>Ladda ner som PDF</a>')
        return (
            '<div class="mb-print-actions mb-noprint">\n'
            f"<p>{what} Använd webbläsarens utskrift (Ctrl+P, eller Cmd+P på Mac) om knappen inte syns.</p>\n"
            '<p><button type="button" class="md-button md-button--primary mb-print-button" hidden>Skriv ut'
            f"</button>{pdf}</p>\n</div>"
        )

    def _method_block(self, method: Method, page_uri: str, level: int, local: dict[str, str]) -> str:
        """One method in full, its title at heading `level`, starting on a new page in print.

        The body is a placeholder: the hook splices in the method page's own rendered HTML
        (splice_methods), so a print page does not convert every method's Markdown a second time.
        """
        title = f"{'#' * level} {md_escape(method.title)} {{ #metod-{method.id} .mb-method-start }}"
        return title + "\n\n" + _PLACEHOLDER.format(id=method.id, shift=level - 1)

    def _chapter_block(self, chapter: _Chapter, page_uri: str, level: int, local: dict[str, str],
                       new_page: bool) -> str:
        classes = " .mb-chapter-start" if new_page else ""
        heading = f"{'#' * level} {md_escape(chapter.title)} {{ #{chapter.anchor}{classes} }}"
        prose = shift_headings(chapter.prose, level - 1)
        return heading + "\n\n" + rebase_links(prose, chapter.src_uri, page_uri, local)

    def _toc(self, entries: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
        """Table of contents: (anchor, title, children) in raw HTML (titles escaped)."""
        items = []
        for anchor, title, children in entries:
            inner = ""
            if children:
                inner = "<ol>" + "".join(f'<li><a href="#{a}">{html_escape(t)}</a></li>' for a, t in children) + "</ol>"
            link = f'<a href="#{anchor}">{html_escape(title)}</a>' if anchor else html_escape(title)
            items.append(f"<li>{link}{inner}</li>")
        return ('<nav class="mb-print-toc" aria-labelledby="mb-toc-title">\n'
                '<p class="mb-print-toc-title" id="mb-toc-title">Innehåll</p>\n'
                "<ol>" + "".join(items) + "</ol>\n</nav>")

    def _methods_of(self, term: Term) -> list[Method]:
        return [self.catalogue.get(i) for i in self.catalogue.by_phase.get(term.id, ())]

    # -- hub -----------------------------------------------------------------------------------------

    def build_index(self) -> GeneratedPage:
        """The page that lists every print version and card deck (linked from the nav)."""
        docs = {d.src_uri: d for d in print_documents(self.vocabulary)}
        rel = lambda uri: posixpath.relpath(uri, PRINT_DIR)  # noqa: E731 - tiny local helper

        def line(uri: str, text: str) -> str:
            link = f"- [{md_escape(text)}]({rel(uri)})"
            if not self.with_pdfs:
                return link
            pdf = html_escape(self._url(PRINT_INDEX_URI, docs[uri].pdf_uri))
            return link + f' <a class="mb-pdf-link" href="{pdf}" download>(PDF)</a>'


        chapters = [line(f"{PRINT_DIR}/{phase_slug(t)}.md", f"{t.label} – kapitlet och alla dess metoder")
                    for t in self.phases]
        cards = [line(f"{CARDS_DIR}/{phase_slug(t)}.md", f"Metodkort för {t.label.lower()}") for t in self.phases]
        parts = [
            _front("Skriv ut", "Utskriftsversioner av kapitlen, hela handboken och metodkort för workshoppar."),
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
        uri = f"{PRINT_DIR}/{phase_slug(term)}.md"
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        chapter = self._chapter(term.chapter)
        methods = self._methods_of(term)
        local = {method_uri(m.id): f"metod-{m.id}" for m in methods}
        if chapter:
            local[chapter.src_uri] = chapter.anchor
        title = chapter.title if chapter else term.label
        blocks = [
            _front(f"{title} – utskrift", f"Kapitlet {term.label} och alla dess metoder, gjort för att skrivas ut."),
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
        blocks += [self._method_block(m, uri, 2, local) for m in methods]
        return GeneratedPage(uri, f"{title} – utskrift", "\n\n".join(blocks) + "\n", term.chapter and
                             f"{self.docs_dir.name}/{term.chapter}", included=local)

    # -- the whole handbook --------------------------------------------------------------------------

    def _handbook_chapters(self) -> list[str]:
        """The chapters of the printed handbook: introduction, phase chapters, then the appendices.

        A fixed list rather than the nav: the nav also holds pages that are not handbook text (the start
        page, contributor guides, the accessibility statement). Chapters missing in docs_dir are skipped.
        """
        names = list(INTRO_CHAPTERS) + [t.chapter for t in self.phases if t.chapter] + list(APPENDIX_CHAPTERS)
        return [n for i, n in enumerate(names) if n not in names[:i] and _readable(self.docs_dir, n)]

    def build_whole(self) -> GeneratedPage:
        uri = WHOLE_URI
        doc = next(d for d in print_documents(self.vocabulary) if d.src_uri == uri)
        chapters = [_Chapter.read(self.docs_dir, u) for u in self._handbook_chapters()]
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
                    body.append(self._method_block(method, uri, 3, local))
            toc.append((chapter.anchor, chapter.title, children))
        for method in self.catalogue.methods:  # methods whose phases have no chapter
            if method.id not in printed:
                printed[method.id] = ""
                body.append(self._method_block(method, uri, 2, local))
                toc.append((f"metod-{method.id}", method.title, []))
        blocks = [
            _front(f"{HANDBOOK_NAME} – hela handboken",
                   "Hela Metodbanken med alla kapitel och metoder, gjord för att skrivas ut."),
            f"# {HANDBOOK_NAME} {{ .mb-print-title }}",
            "Metoder för kompetensutveckling i arbetsintegrerande sociala företag. Hela handboken med alla "
            f"{len(self.catalogue.methods)} metoder.\n{{ .mb-print-subtitle }}",
            self._actions(uri, doc, "Den här sidan är hela handboken, gjord för att skrivas ut."),
            self._toc(toc),
        ]
        return GeneratedPage(uri, f"{HANDBOOK_NAME} – hela handboken", "\n\n".join(blocks + body) + "\n",
                             included=local)

    # -- method cards ----------------------------------------------------------------------------------

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
            _front(title, f"{title.capitalize()} att skriva ut och använda i workshoppar."),
            f"# {md_escape(title)} {{ .mb-noprint }}",
            intro,
            self._actions(uri, doc, "Korten är gjorda för att skrivas ut."),
            '<div class="mb-cards">\n' + "\n".join(cards) + "\n</div>" if methods else cards[0],
        ]
        return GeneratedPage(uri, title, "\n\n".join(blocks) + "\n")

    def _card(self, method: Method, uri: str) -> str:
        e = html_escape
        v = self.vocabulary
        url = relative_url(uri, method_uri(method.id), self.builder.use_directory_urls)
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
