"""Page data for the site: Markdown for method pages, the catalogue, the tag index and phase lists.

Pure functions from a linked Catalogue to text. The MkDocs adapter wraps the results in virtual files;
nothing here writes to disk. Every front-matter string goes through `md_escape` (Markdown) or the
templates' autoescaping (HTML, site/templates), so a method's text can never become markup on the site.
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass

from markupsafe import Markup

from .fielddocs import build_field_docs
from ..core import sanitize
from ..core.htmltokens import Token, replace_placeholders, rewrite_attributes, tokenize
from .facts import MISSING, facts
from .frontmatter import front_matter
from .templating import render
from .format import md_escape, swedish_date
from ..core.links import Catalogue
from ..core.model import Method, Source
from .catalogue import catalogue_script_html, filter_form_html, search_words
from .planner import PLANNER_TITLE, PLANNER_URI, add_to_plan_html, planner_link, planner_markdown
from ..core.schema import ADAPTATIONS_SECTION, BASIS_LABEL, SECTION_TITLES, SOURCES_SECTION
from ..core.vocabulary import Vocabulary
from .urls import (CATALOGUE_URI, SCHEME, TAG_PARAM, TAGS_URI, link, method_uri, query, source_link, source_path,
                   tag_anchor)

PART_PLACEHOLDER = '<div class="mb-part" data-mb-part="{key}"></div>'


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
    # Method pages: contributor text rendered and cleaned by the engine (core/sanitize.py). The page Markdown holds
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
        markdown = front_matter(method.summary) + "\n\n" + self.method_markdown(method, parts)
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

    def _facts(self, method: Method) -> str:
        found = facts(method, self.vocabulary)
        phases = found["phases"]
        here = method_uri(method.id)
        rows = [(phases.label, ", ".join(
            f"[{md_escape(label)}]({source_link(here, self.vocabulary.term('phases', p).chapter)})"
            for p, label in phases.terms) or MISSING)]
        rows += [(fact.label, md_escape(fact.text)) for fact in found.values() if fact is not phases]
        return render("fact-box.html", classes="mb-facts", rows=[(label, Markup(value)) for label, value in rows])

    def _basis(self, method: Method) -> str:
        """What the method builds on: the kind's label and the text, a line near the top of the page."""
        if not method.basis:
            return ""
        text = f"**{BASIS_LABEL}:** {self._label('bases', method.basis.kind)}. {md_escape(method.basis.text)}"
        if method.basis.kind == "design":
            text += " Har ni prövat metoden? Berätta gärna för redaktionen hur det gick."
        return text + "\n{ .mb-basis }"

    def _preparation(self, method: Method) -> str:
        """Preparation and materials, after the short facts and the planner button: they are the longest
        facts, and on a phone they pushed "Lägg till i workshopplanen" two screens down."""
        rows = [
            ("Förberedelser", md_escape(method.preparation) or "–"),
            ("Material", _list(method.materials) or "Inget särskilt"),
        ]
        return render("fact-box.html", classes="mb-facts mb-facts-prep",
                      rows=[(label, Markup(value)) for label, value in rows])

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
        # The parser gives each value unescaped; _page_link unescapes what it gets, so it gets the value escaped.
        html = rewrite_attributes(html, lambda name, value: _page_link(
            _html.escape(value, quote=False), src, self.use_directory_urls) if name in ("href", "src") else None)
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
                            f"({source_link(method_uri(method.id), CATALOGUE_URI, query=query(TAG_PARAM, t))}){{ .mb-tag }}"
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
        found = facts(method, self.vocabulary)
        shown = [found["audience"].text] + [found[n].short for n in ("group_size", "duration") if found[n].given]
        shown.append(f"{found['difficulty'].label}: {found['difficulty'].text.lower()}")
        if not method.published:
            shown.append("Utkast")
        return md_escape(" · ".join(shown))

    # -- catalogue -----------------------------------------------------------------------------------

    def build_catalogue(self) -> GeneratedPage:
        """All methods in one table (plain HTML, so it works without JavaScript)."""
        rows = []
        for method in self.catalogue.methods:
            found = facts(method, self.vocabulary)
            url = link(CATALOGUE_URI, method_uri(method.id), self.use_directory_urls)
            data = {
                "phases": " ".join(method.phases),
                "audience": " ".join(method.audience),
                "tags": " ".join(method.tags),
                "difficulty": method.difficulty or "",
                "min-people": method.group_size.min if method.group_size else "",
                "max-people": method.group_size.max if method.group_size else "",
                "min-minutes": method.duration.min if method.duration else "",
                "max-minutes": method.duration.max if method.duration else "",
                "id": method.id,
                "search": search_words(method, self.vocabulary),
            }
            rows.append({
                "data": data, "url": url, "title": method.title, "summary": method.summary,
                "add_url": planner_link(CATALOGUE_URI, method.id, self.use_directory_urls),
                "cells": (found["phases"].short, found["audience"].short, found["group_size"].text,
                          found["duration"].short or MISSING, found["difficulty"].short),
            })
        count = len(self.catalogue.methods)
        markdown = "\n\n".join([
            front_matter("Alla metoder i Metodbanken i en tabell."),
            "# Metodkatalog",
            f"Här finns alla {count} metoder i Metodbanken. Klicka på en metod för att läsa hela beskrivningen. "
            "Du kan också hitta metoder via kapitlen om de tre faserna, via "
            f"[taggarna]({source_link(CATALOGUE_URI, TAGS_URI)}) eller med sökrutan.",
            filter_form_html(self.vocabulary, count),
            render("catalogue-table.html", rows=rows),
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
        parts = [front_matter("Metoderna i Metodbanken sorterade efter ämne."), "# Taggar",
                 "Taggarna samlar metoder som handlar om samma sak. De står i bokstavsordning; siffran säger "
                 "hur många metoder som har taggen.",
                 render("tag-overview.html", chips=Markup(overview))]
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
                             f"metodkatalogen]({source_link(TAGS_URI, CATALOGUE_URI, query=query(TAG_PARAM, term.id))})")
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


def _source(source: Source) -> str:
    text = md_escape(source.text)
    url = source.url
    if url:
        safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"{text} [{md_escape(url)}]({safe})"
    return text


class MissingPart(LookupError):
    """A placeholder in a rendered page whose content is missing: the build must stop, not print a gap."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "en del av sidan saknas"


def splice_parts(html: str, parts: dict[str, str]) -> str:
    """A rendered method page with each part placeholder replaced by its clean HTML (see GeneratedPage.parts).

    A placeholder without its part raises MissingPart."""

    def key_of(token: Token) -> str | None:
        return token.attr("data-mb-part") if token.attr("class") == "mb-part" else None

    def part(key: str) -> str:
        if key not in parts:
            raise MissingPart(f"metodtexten till platshållaren {key} saknas (ett fel i Metodbanken, inte i "
                              "metodfilen); bygg igen, och hör av dig om felet finns kvar")
        return parts[key]

    return replace_placeholders(html, key_of, part)


def _page_link(url: str, src: str, use_directory_urls: bool) -> str:
    """A relative link in a method's text, re-pointed from the Markdown file to the built page.

    `skuggning.md#syfte` becomes `../skuggning/#syfte`; other relative files (images) are re-pointed the
    same way. Absolute URLs and in-page anchors stay as written.
    """
    import html as _html

    url = _html.unescape(url)
    if not url or url.startswith(("#", "/")) or SCHEME.match(url):
        return url
    path, _, fragment = url.partition("#")
    return link(src, source_path(src, path), use_directory_urls, fragment)


def _split_headings(html: str) -> list[tuple[str, str]]:
    """("html", fragment) and ("###", heading text) in order; a fragment never contains a top-level heading
    (h3–h6 outside every other element)."""
    result: list[tuple[str, str]] = []
    depth = last = offset = 0
    current: list | None = None  # [level, start offset, text]
    for token in tokenize(html):
        if token.kind == "starttag":
            if depth == 0 and token.tag in ("h3", "h4", "h5", "h6"):
                current = [int(token.tag[1]), offset, ""]
            if token.tag not in ("br", "img", "hr"):
                depth += 1
        elif token.kind == "endtag":
            depth -= 1
            if depth == 0 and current is not None:
                level, start, text = current
                before = html[last:start]
                if before.strip():
                    result.append(("html", before.strip("\n")))
                result.append(("#" * level, " ".join(text.split())))
                last = offset + len(f"</{token.tag}>")
                current = None
        elif token.kind == "data" and current is not None:
            current[2] += _html.unescape(token.text)
        offset += len(token.text)
    rest = html[last:]
    if rest.strip():
        result.append(("html", rest.strip("\n")))
    return result
