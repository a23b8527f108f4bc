"""Page data for the site: Markdown for method pages, the catalogue, the tag index and phase lists.

Pure functions from a linked Catalogue to text. The MkDocs adapter wraps the results in virtual files;
nothing here writes to disk. Every front-matter string goes through `md_escape`/`html_escape`, so a
method's text can never become markup on the site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .fielddocs import build_field_docs
from ..core import sanitize
from .format import html_escape, md_escape, minutes, people, swedish_date
from ..core.links import Catalogue
from ..core.model import Method
from .catalogue import catalogue_script_html, filter_form_html, search_words
from .planner import PLANNER_TITLE, PLANNER_URI, add_to_plan_html, planner_link, planner_markdown
from ..core.schema import ADAPTATIONS_SECTION, BASIS_LABEL, SECTION_TITLES, SOURCES_SECTION
from ..core.vocabulary import Vocabulary
from .urls import CATALOGUE_URI, TAGS_URI, link, method_uri, source_link, source_path, tag_anchor, tag_query

PART_PLACEHOLDER = '<div class="mb-part" data-mb-part="{key}"></div>'
_PART_RE = re.compile(r'<div class="mb-part" data-mb-part="([a-z0-9-]+)"></div>')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the built site: where it goes, its title, Markdown and source file."""

    src_uri: str
    title: str
    markdown: str
    edit_path: str | None = None  # the repository file a reader should edit to change this page
    # Print pages: method bodies are spliced in from the rendered method pages (printing.splice_methods);
    # this maps the src_uri of every page whose content is included to its in-page anchor.
    included: dict[str, str] | None = None
    # Method pages: contributor text rendered and cleaned by the engine (sanitize.py). The page Markdown holds
    # a placeholder per part (PART_PLACEHOLDER); the hook puts the clean HTML in its place (splice_parts).
    parts: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"<GeneratedPage {self.src_uri}>"


class PageBuilder:
    """Builds every generated page of one project; holds the vocabulary, catalogue and URL style."""

    def __init__(self, catalogue: Catalogue, vocabulary: Vocabulary, use_directory_urls: bool = True) -> None:
        self.catalogue = catalogue
        self.vocabulary = vocabulary
        self.use_directory_urls = use_directory_urls

    # -- all pages -----------------------------------------------------------------------------------

    def build_pages(self) -> list[GeneratedPage]:
        """Every generated page: one per method, the catalogue and the tag index."""
        pages = [self.build_method_page(m) for m in self.catalogue.methods]
        pages.append(self.build_catalogue())
        pages.append(self.build_tag_index())
        pages.append(GeneratedPage(PLANNER_URI, PLANNER_TITLE,
                                   planner_markdown(self.catalogue, self.vocabulary, self.use_directory_urls)))
        uri, markdown = build_field_docs(self.vocabulary)
        pages.append(GeneratedPage(uri, "Fälten i en metodfil", markdown))
        return pages

    # -- method page ---------------------------------------------------------------------------------

    def build_method_page(self, method: Method) -> GeneratedPage:
        """The full page of one method: lead, easy-read box, facts, steps, body, links, tags, review."""
        parts: dict[str, str] = {}
        markdown = _meta({"description": method.summary}) + "\n\n" + self.method_markdown(method, parts)
        return GeneratedPage(method_uri(method.id), method.title, markdown, method.path, parts=parts)

    def method_markdown(self, method: Method, parts: dict[str, str] | None = None) -> str:
        """A method's Markdown without page meta, written as if at metoder/<id>.md.

        The sections a contributor wrote are not in it as Markdown: each is rendered and cleaned here
        (sanitize.render_clean) and stands as a placeholder whose clean HTML is put in `parts`.
        """
        self._parts = parts if parts is not None else {}
        self._method_id = method.id
        parts = [f"# {md_escape(method.title)}"]
        if not method.published:
            parts.append('!!! warning "Utkast"\n    Den här metoden är ett utkast och är inte granskad ännu.')
        parts.append(f"{md_escape(method.summary)}\n{{ .mb-lead }}")
        parts.append(f'!!! info mb-easy-read "Lättläst"\n    {md_escape(method.easy_read)}')
        parts.append(self._facts(method))
        parts.append(add_to_plan_html(method, method_uri(method.id), self.use_directory_urls))
        # What the method builds on comes right after the short facts and the planner button: on a phone
        # those stay within the first screen and a half, and "Bygger på" is still read before the method.
        parts.append(self._basis(method))
        parts.append(self._preparation(method))
        parts.append(self._steps(method))
        parts.extend(self._body(method))
        parts.extend(self._links(method))
        parts.append(self._review(method))
        from .editor import edit_link_html  # "Ändra i formuläret": the method in the editor (bidra/skriv)
        parts.append(edit_link_html(method, method_uri(method.id), self.use_directory_urls))
        return "\n\n".join(p for p in parts if p) + "\n"

    def _label(self, name: str, value: str | None) -> str:
        return md_escape(self.vocabulary.label(name, value)) if value else "–"

    def _labels(self, name: str, values: tuple[str, ...]) -> str:
        return ", ".join(self._label(name, v) for v in values) or "–"

    def _facts(self, method: Method) -> str:
        phases = ", ".join(
            f"[{self._label('phases', p)}]"
            f"({source_link(method_uri(method.id), self.vocabulary.term('phases', p).chapter)})" for p in method.phases
        )
        group = people(method.group_size["min"], method.group_size["max"]) if method.group_size else "–"
        time = "–"
        if method.duration:
            time = minutes(method.duration["min"], method.duration["max"]) + " per träff"
            if method.duration.get("span"):
                time += f", {md_escape(method.duration['span'])}"
        rows = [
            ("Fas", phases or "–"),
            ("Målgrupp", self._labels("audiences", method.audience)),
            ("Gruppstorlek", group),
            ("Tid", time),
            ("Svårighet", self._label("difficulties", method.difficulty)),
            ("Kostnad", self._label("costs", method.cost)),
            ("Roller", self._labels("roles", method.roles)),
        ]
        items = "\n\n".join(f"{label}\n:   {value}" for label, value in rows)
        return f'<div class="mb-facts" markdown>\n\n{items}\n\n</div>'

    def _basis(self, method: Method) -> str:
        """What the method builds on: the kind's label and the text, a line near the top of the page."""
        if not method.basis:
            return ""
        text = f"**{BASIS_LABEL}:** {self._label('bases', method.basis['kind'])}. {md_escape(method.basis['text'])}"
        if method.basis["kind"] == "design":
            text += " Har ni prövat metoden? Berätta gärna för redaktionen hur det gick."
        return text + "\n{ .mb-basis }"

    def _preparation(self, method: Method) -> str:
        """Preparation and materials, after the short facts and the planner button: they are the longest
        facts, and on a phone they pushed "Lägg till i workshopplanen" two screens down."""
        rows = [
            ("Förberedelser", md_escape(method.preparation) or "–"),
            ("Material", _list(method.materials) or "Inget särskilt"),
        ]
        items = "\n\n".join(f"{label}\n:   {value}" for label, value in rows)
        return f'<div class="mb-facts mb-facts-prep" markdown>\n\n{items}\n\n</div>'

    def _steps(self, method: Method) -> str:
        if not method.steps:
            return ""
        blocks = ["## I korthet"]
        for phase in self.vocabulary.ids("phases"):
            steps = method.steps.get(phase)
            if steps:
                blocks.append(f"**{self._label('phases', phase)}**\n\n" + "\n".join(f"1. {md_escape(s)}" for s in steps))
        return "\n\n".join(blocks)

    def _body(self, method: Method) -> list[str]:
        generated = {
            ADAPTATIONS_SECTION: "\n".join(
                f"- **{self._label('needs', need)}:** {md_escape(text)}" for need, text in method.adaptations.items()
            ),
            SOURCES_SECTION: "\n".join(f"- {_source(s)}" for s in method.sources),
        }
        written = {s.title: self._written(s.text) for s in method.sections}
        blocks = []
        for title in SECTION_TITLES:
            text = "\n\n".join(t for t in (generated.get(title, ""), written.get(title, "")) if t.strip())
            if text:
                blocks.append(f"## {title}\n\n{text}")
        return blocks

    def _written(self, text: str) -> str:
        """A contributor's section as page Markdown: its headings stay Markdown (so the table of contents
        and permalinks see them), everything between them is a placeholder for its clean HTML."""
        html = sanitize.render_clean(text).html
        src = method_uri(self._method_id)
        html = _URL_ATTR.sub(lambda m: f'{m.group(1)}="{html_escape(_page_link(m.group(2), src, self.use_directory_urls))}"',
                             html)
        blocks = []
        for kind, value in _split_headings(html):
            if kind == "html":
                key = f"{self._method_id}-{len(self._parts)}"
                self._parts[key] = value
                blocks.append(PART_PLACEHOLDER.format(key=key))
            else:
                blocks.append(f"{kind} {md_escape(value) or '–'}")
        return "\n\n".join(blocks)

    def _links(self, method: Method) -> list[str]:
        blocks = []
        related = self.catalogue.related.get(method.id, ())
        if related:
            blocks.append("## Relaterade metoder\n\n" + self._method_list(related, from_method=True))
        before = self.catalogue.predecessors.get(method.id, ())
        after = self.catalogue.successors.get(method.id, ())
        if before or after:
            text = "## Ofta före och efter"
            if before:
                text += "\n\n**Ofta före den här metoden:**\n\n" + self._method_list(before, from_method=True)
            if after:
                text += "\n\n**Ofta efter den här metoden:**\n\n" + self._method_list(after, from_method=True)
            blocks.append(text)
        if method.tags:
            # A tag chip opens the catalogue filtered on the tag (catalogue.js reads ?tagg=).
            tags = " ".join(f"[{self._label('tags', t)}]"
                            f"({source_link(method_uri(method.id), CATALOGUE_URI, query=tag_query(t))}){{ .mb-tag }}"
                            for t in method.tags)
            blocks.append(f"## Taggar\n\n{tags}")
        return blocks

    def _method_list(self, ids: tuple[str, ...], from_method: bool) -> str:
        lines = []
        for method_id in ids:
            other = self.catalogue.get(method_id)
            target = method_uri(other.id)  # from a page at the docs root
            if from_method:
                target = source_link(method_uri(self._method_id), target)
            lines.append(f"- [{md_escape(other.title)}]({target}) – {md_escape(other.summary)}")
        return "\n".join(lines)

    def _review(self, method: Method) -> str:
        parts = []
        if method.last_reviewed:
            reviewed = f"Senast granskad {swedish_date(method.last_reviewed)}"
            if method.reviewed_by:
                reviewed += f" av {md_escape(method.reviewed_by)}"
            parts.append(reviewed)
        if method.authors:
            parts.append("Skriven av " + ", ".join(md_escape(a) for a in method.authors))
        return (" · ".join(parts) + "\n{ .mb-reviewed }") if parts else ""

    # -- phase chapters ------------------------------------------------------------------------------

    def build_phase_list(self, phase: str) -> str:
        """Markdown appended to a phase chapter: every method of the phase with summary and key facts."""
        label = self.vocabulary.label("phases", phase)
        ids = self.catalogue.by_phase.get(phase, ())
        chapter = self.vocabulary.term("phases", phase).chapter or ""  # the page this list is appended to
        lines = [f"## Metoder för {md_escape(label.lower())} {{ #metoder }}", ""]
        if not ids:
            lines.append("Det finns inga metoder i den här fasen ännu.")
        for method_id in ids:
            method = self.catalogue.get(method_id)
            lines += [f"### [{md_escape(method.title)}]({source_link(chapter, method_uri(method.id))})", "",
                      md_escape(method.summary), "", f"{self._key_facts(method)}\n{{ .mb-keyfacts }}", ""]
        return "\n".join(lines)

    def _key_facts(self, method: Method) -> str:
        facts = [self._labels("audiences", method.audience)]
        if method.group_size:
            facts.append(people(method.group_size["min"], method.group_size["max"]))
        if method.duration:
            facts.append(minutes(method.duration["min"], method.duration["max"]))
        facts.append(f"Svårighet: {self._label('difficulties', method.difficulty).lower()}")
        if not method.published:
            facts.append("Utkast")
        return " · ".join(facts)

    # -- catalogue -----------------------------------------------------------------------------------

    def build_catalogue(self) -> GeneratedPage:
        """All methods in one table (plain HTML, so it works without JavaScript)."""
        rows = []
        for method in self.catalogue.methods:
            url = link(CATALOGUE_URI, method_uri(method.id), self.use_directory_urls)
            data = {
                "phases": " ".join(method.phases),
                "audience": " ".join(method.audience),
                "tags": " ".join(method.tags),
                "difficulty": method.difficulty or "",
                "min-people": method.group_size["min"] if method.group_size else "",
                "max-people": method.group_size["max"] if method.group_size else "",
                "min-minutes": method.duration["min"] if method.duration else "",
                "max-minutes": method.duration["max"] if method.duration else "",
                "id": method.id,
                "search": search_words(method, self.vocabulary),
            }
            attributes = " ".join(f'data-{k}="{html_escape(str(v))}"' for k, v in data.items())
            group = people(method.group_size["min"], method.group_size["max"]) if method.group_size else "–"
            time = minutes(method.duration["min"], method.duration["max"]) if method.duration else "–"
            add_url = planner_link(CATALOGUE_URI, method.id, self.use_directory_urls)
            cells = [
                f'<a href="{html_escape(url)}">{html_escape(method.title)}</a>'
                f'<br><span class="mb-summary">{html_escape(method.summary)}</span>'
                f'<br><a class="mb-row-add" href="{html_escape(add_url)}">'
                f'Lägg till<span class="mb-sr-only"> {html_escape(method.title)}</span> i workshopplanen</a>',
                html_escape(", ".join(self.vocabulary.label("phases", p) for p in method.phases)),
                html_escape(", ".join(self.vocabulary.label("audiences", a) for a in method.audience)),
                html_escape(group),
                html_escape(time),
                html_escape(self.vocabulary.label("difficulties", method.difficulty or "")),
            ]
            rows.append(f"<tr {attributes}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        count = len(self.catalogue.methods)
        header = "".join(f'<th scope="col">{h}</th>' for h in
                         ("Metod", "Fas", "Målgrupp", "Gruppstorlek", "Tid per träff", "Svårighet"))
        table = (f'<table class="mb-catalogue" id="mb-catalogue">\n<caption>Alla {count} metoder i bokstavsordning'
                 f"</caption>\n<thead><tr>{header}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")
        markdown = "\n\n".join([
            _meta({"description": "Alla metoder i Metodbanken i en tabell."}),
            "# Metodkatalog",
            f"Här finns alla {count} metoder i Metodbanken. Klicka på en metod för att läsa hela beskrivningen. "
            "Du kan också hitta metoder via kapitlen om de tre faserna, via "
            f"[taggarna]({source_link(CATALOGUE_URI, TAGS_URI)}) eller med sökrutan.",
            filter_form_html(self.vocabulary, count),
            '<div class="mb-catalogue-wrap">\n' + table + "\n</div>",
            catalogue_script_html(CATALOGUE_URI, self.use_directory_urls),
        ])
        return GeneratedPage(CATALOGUE_URI, "Metodkatalog", markdown + "\n")

    # -- tags ----------------------------------------------------------------------------------------

    def build_tag_index(self) -> GeneratedPage:
        """One section per tag (anchor = tag id) listing its methods."""
        terms = sorted(self.vocabulary.terms("tags"), key=lambda t: swedish_sort_key(t.label))
        overview = " ".join(
            f"[{md_escape(t.label)} ({len(self.catalogue.by_tag.get(t.id, ()))})](#{tag_anchor(t.id)}){{ .mb-tag }}"
            for t in terms)
        parts = [_meta({"description": "Metoderna i Metodbanken sorterade efter ämne."}), "# Taggar",
                 "Taggarna samlar metoder som handlar om samma sak. De står i bokstavsordning; siffran säger "
                 "hur många metoder som har taggen.",
                 f'<nav class="mb-tag-overview" aria-label="Alla taggar" markdown>\n{overview}\n</nav>']
        for term in terms:
            ids = self.catalogue.by_tag.get(term.id, ())
            block = [f"## {md_escape(term.label)} {{ #{tag_anchor(term.id)} }}"]
            if term.aliases:
                block.append("Andra ord för samma sak: " + ", ".join(md_escape(a) for a in term.aliases) + ".")
            if ids:
                block.append("\n".join(
                    f"- [{md_escape(self.catalogue.get(i).title)}]({source_link(TAGS_URI, method_uri(i))})"
                    for i in ids))
                block.append(f"[Visa {'metoden' if len(ids) == 1 else f'de {len(ids)} metoderna'} i "
                             f"metodkatalogen]({source_link(TAGS_URI, CATALOGUE_URI, query=tag_query(term.id))})")
            else:
                block.append("Inga metoder har den här taggen ännu.")
            parts.append("\n\n".join(block))
        return GeneratedPage(TAGS_URI, "Taggar", "\n\n".join(parts) + "\n")


def _list(items: tuple[str, ...] | list[str]) -> str:
    """A Markdown bullet list inside a definition (indented under its `:   `); "" when there is nothing."""
    return "\n    ".join(f"- {md_escape(item)}" for item in items)


def swedish_sort_key(text: str) -> str:
    """Swedish alphabetical order: å, ä and ö come after z (é sorts as e)."""
    return text.lower().replace("é", "e").translate(str.maketrans({"å": "{", "ä": "|", "ö": "}"}))


def _meta(values: dict[str, str]) -> str:
    # The theme prints meta values unescaped inside attributes (MkDocs' Jinja has no autoescape), so a
    # summary with a double quote could add attributes to <meta>: escape for HTML here.
    lines = "\n".join(f"{key}: {json.dumps(html_escape(value), ensure_ascii=False)}" for key, value in values.items())
    return f"---\n{lines}\n---"


def _source(source: dict) -> str:
    text = md_escape(source["text"])
    url = source.get("url")
    if url:
        safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"{text} <{safe}>" if False else f"{text} [{md_escape(url)}]({safe})"
    return text


def splice_parts(html: str, parts: dict[str, str]) -> str:
    """A rendered method page with each part placeholder replaced by its clean HTML (see GeneratedPage.parts)."""
    return _PART_RE.sub(lambda m: parts.get(m.group(1), ""), html)


def _page_link(url: str, src: str, use_directory_urls: bool) -> str:
    """A relative link in a method's text, re-pointed from the Markdown file to the built page.

    `skuggning.md#syfte` becomes `../skuggning/#syfte`; other relative files (images) are re-pointed the
    same way. Absolute URLs and in-page anchors stay as written.
    """
    import html as _html

    url = _html.unescape(url)
    if not url or url.startswith(("#", "/")) or _SCHEME.match(url):
        return url
    path, _, fragment = url.partition("#")
    return link(src, source_path(src, path), use_directory_urls, fragment)


class _TopHeadings(HTMLParser):
    """Offsets of the headings (h3–h6) at the top level of a fragment, with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.headings: list[list] = []  # [level, start (line, col), end (line, col), text]
        self._current: list | None = None

    def handle_starttag(self, tag, attrs):
        if self.depth == 0 and tag in ("h3", "h4", "h5", "h6"):
            self._current = [int(tag[1]), self.getpos(), None, ""]
        if tag not in ("br", "img", "hr"):
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pass  # a void element (<br/>) changes no depth and is never a heading

    def handle_endtag(self, tag):
        self.depth -= 1
        if self.depth == 0 and self._current is not None:
            line, col = self.getpos()
            self._current[2] = (line, col + len(f"</{tag}>"))
            self.headings.append(self._current)
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current[3] += data


def _split_headings(html: str) -> list[tuple[str, str]]:
    """("html", fragment) and ("###", heading text) in order; a fragment never contains a top-level heading."""
    parser = _TopHeadings()
    parser.feed(html)
    parser.close()
    starts = [0]
    for line in html.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def offset(pos: tuple[int, int]) -> int:
        return starts[pos[0] - 1] + pos[1]

    result: list[tuple[str, str]] = []
    last = 0
    for level, start, end, text in parser.headings:
        if end is None:
            continue
        before = html[last:offset(start)]
        if before.strip():
            result.append(("html", before.strip("\n")))
        result.append(("#" * level, " ".join(text.split())))
        last = offset(end)
    rest = html[last:]
    if rest.strip():
        result.append(("html", rest.strip("\n")))
    return result
