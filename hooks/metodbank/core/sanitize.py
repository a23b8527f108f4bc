"""What may reach a reader's browser: contributor Markdown rendered, then cleaned by nh3 with an allow-list.

Safety is decided on the rendered HTML, never on the Markdown source: the same Python-Markdown that
builds the page renders the text, and nh3 (Rust's ammonia, a maintained HTML sanitizer) keeps only the
tags, attributes, URL schemes and classes listed here. `metodbank check` and the build call the same
functions: `render_markdown` → `removals` (what nh3 would take away, as data) and `clean` (nh3's output).
A body is accepted only when nothing would be removed, so check and build can never disagree.

Two policies:

* `METHOD_POLICY` for method text written by contributors (rendered without attr_list and md_in_html);
* `SITE_POLICY` for the chapters in handbook/ and the print pages, which MkDocs renders with the full
  set of Markdown extensions; it adds what those extensions and our own generated markup need.

Images come only from the repository (relative paths that stay inside the site) or from a host in
`IMAGE_HOSTS` (empty: no foreign images at all).
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from pygments.token import STANDARD_TYPES

from .source import split_front_matter

# Hosts images may be loaded from, besides the site itself. Empty on purpose: an image from another
# host lets that host see every reader (a tracking pixel). Add a host here only after a decision by the
# editors, and say so in CONTRIBUTING.md (the allow-list there is generated from this module).
IMAGE_HOSTS: tuple[str, ...] = ()
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Elements whose content goes too (nh3 drops the text of these, not only the tags).
CONTENT_TAGS = frozenset({"script", "style"})
# Tags that can run code, load other documents or change the page; removing them is "unsafe-html".
DANGEROUS_TAGS = frozenset({
    "script", "iframe", "object", "embed", "style", "form", "input", "button", "link", "meta", "base", "svg",
    "math", "frame", "frameset", "applet", "textarea", "select", "template", "noscript",
})
# Class names Pygments gives highlighted code (short names such as "k", "nf"), for fenced code blocks.
CODE_CLASSES = frozenset(c for c in STANDARD_TYPES.values() if c)
STYLE_PROPERTIES = frozenset({"text-align"})  # table column alignment written by the tables extension

# Inline tags a contributor may write as HTML in the middle of a sentence (documented in CONTRIBUTING.md).
INLINE_TAGS = frozenset({"abbr", "b", "br", "em", "i", "kbd", "mark", "small", "strong", "sub", "sup"})
# What the Markdown of a method body turns into.
MARKDOWN_TAGS = frozenset({
    "a", "blockquote", "code", "div", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "span",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
})


@dataclass(frozen=True)
class Policy:
    """One allow-list: tags, attributes per tag, classes per tag; URL schemes and style properties shared."""

    name: str
    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    schemes: frozenset[str] = URL_SCHEMES
    style_properties: frozenset[str] = STYLE_PROPERTIES
    # Tags allowed only with one of their allowed classes (a code block's <div class="highlight">, not a
    # <div> of one's own). nh3 cannot express this, so `removals` reports such a tag and the check fails.
    needs_class: frozenset[str] = frozenset()

    def allows_attribute(self, tag: str, name: str) -> bool:
        return name in self.attributes.get(tag, ()) or name in self.attributes.get("*", ())


METHOD_POLICY = Policy(
    name="method",
    tags=INLINE_TAGS | MARKDOWN_TAGS,
    attributes={
        "a": frozenset({"href", "title"}),
        "abbr": frozenset({"title"}),
        "img": frozenset({"src", "alt", "title"}),
        "ol": frozenset({"start"}),
        "td": frozenset({"style"}),
        "th": frozenset({"style"}),
    },
    classes={"div": frozenset({"highlight"}), "span": CODE_CLASSES},
    needs_class=frozenset({"div"}),
)

# Our own chapters and generated pages: the Markdown extensions in mkdocs.yml (admonition, details, def_list,
# tables, toc with permalinks) and the markup site/pages.py and printing/ write. Still no script, style, frame,
# form or event handler: those come only from the theme's template.
_ADMONITION_KINDS = frozenset({"note", "abstract", "info", "tip", "success", "question", "warning", "failure",
                               "danger", "bug", "example", "quote"})
_SITE_CLASSES = frozenset({
    "admonition", "admonition-title", "highlight", "headerlink", "md-button", "md-button--primary",
    "mb-lead", "mb-easy-read", "mb-facts", "mb-tag", "mb-reviewed", "mb-keyfacts", "mb-print-links",
    "mb-print-title", "mb-print-subtitle", "mb-print-actions", "mb-noprint", "mb-print-button", "mb-pdf-link",
    "mb-print-toc", "mb-print-toc-title", "mb-print-body", "mb-method-start", "mb-chapter-start", "mb-method-ref",
    "mb-cards-intro", "mb-cards", "mb-card", "mb-card-side", "mb-card-front", "mb-card-back", "mb-card-kicker",
    "mb-card-title", "mb-card-draft", "mb-card-summary", "mb-card-facts", "mb-card-easy", "mb-card-label",
    "mb-card-more", "mb-sr-only", "mb-basis", "mb-card-basis", "mb-facts-prep",
    # The start page: Material's grid cards and our own start-page blocks (overrides/home.html).
    "grid", "cards", "mb-home-tools", "mb-home-heading", "mb-home-phases",
}) | _ADMONITION_KINDS | CODE_CLASSES
SITE_POLICY = Policy(
    name="site",
    tags=METHOD_POLICY.tags | frozenset({
        "article", "aside", "caption", "dd", "details", "dl", "dt", "h1", "h2", "nav", "section", "summary",
        "button",
    }),
    attributes={
        **METHOD_POLICY.attributes,
        "*": frozenset({"id", "aria-label", "aria-labelledby", "hidden", "data-mb-method", "data-mb-shift"}),
        "a": frozenset({"href", "title", "download"}),
        "button": frozenset({"type"}),
        "details": frozenset({"open"}),
    },
    classes={tag: _SITE_CLASSES for tag in (
        "a", "article", "button", "code", "details", "div", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "p",
        "section", "span", "dl", "ol", "ul", "li", "table")},
)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitizer would take out of rendered HTML."""

    kind: str  # "tag", "attribute", "url", "image", "class" or "changed"
    tag: str
    name: str = ""
    value: str = ""

    @property
    def code(self) -> str:
        if self.kind == "url":
            return "unsafe-url"
        if self.kind == "image":
            return "image-not-allowed"
        if self.kind == "changed" or (self.kind == "tag" and (self.tag in DANGEROUS_TAGS or ":" in self.tag)):
            return "unsafe-html"
        if self.kind == "attribute" and self.name.startswith("on"):
            return "unsafe-html"
        return "html-not-allowed"

    @property
    def message(self) -> str:
        """Swedish, for the contributor."""
        tag, name = self.tag, self.name
        if self.kind == "tag":
            if self.code == "unsafe-html":
                return f"<{tag}> är inte tillåtet i en metod eftersom det kan köra kod eller ändra sidan; ta bort det"
            if tag in ("h1", "h2"):
                return ("rubriker på nivå 1 och 2 hör till sidan och avsnitten; skriv ### för en underrubrik (en "
                        "textrad med en rad av bara --- eller === under sig blir också en rubrik: lägg en tom rad "
                        "emellan)")
            return (f"HTML-taggen <{tag}> är inte tillåten; använd Markdown (tillåtna taggar i texten: "
                    f"{', '.join(sorted(INLINE_TAGS))})")
        if self.kind == "attribute":
            if self.code == "unsafe-html":
                return f'attributet "{name}" på <{tag}> kan köra kod och är inte tillåtet; ta bort det'
            return f'attributet "{name}" på <{tag}> är inte tillåtet; ta bort det'
        if self.kind == "url":
            return (f'länkar som börjar med "{_scheme(self.value)}:" är inte tillåtna; länka med https:// eller '
                    "till en annan metod")
        if self.kind == "image":
            return (f'bilden "{_short(self.value)}" ligger inte i projektet; bilder från andra webbplatser är inte '
                    "tillåtna (de kan spåra läsarna); spara bilden i mappen handbook/bilder/ och skriv "
                    "![Beskrivning](../bilder/filnamn.png)")
        if self.kind == "class":
            return f'klassen "{name}" på <{tag}> är inte tillåten; ta bort class="…"'
        return (f"HTML-koden kring <{tag}> skulle ändras av säkerhetsfiltret; skriv den med Markdown eller med "
                "de tillåtna taggarna")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _scheme(url: str) -> str:
    match = _SCHEME.match(_CONTROL.sub("", url))
    return match.group(1).lower() if match else ""


def url_allowed(url: str, policy: Policy = METHOD_POLICY) -> bool:
    """A link target is relative or uses one of the allowed schemes (browsers ignore tabs and newlines)."""
    scheme = _scheme(url)
    return not scheme or scheme in policy.schemes


def image_allowed(url: str, page_dir: str = "metoder") -> bool:
    """An image is a relative path that stays inside the site, or comes from a host in IMAGE_HOSTS."""
    cleaned = _CONTROL.sub("", url)
    scheme = _scheme(cleaned)
    if scheme or cleaned.startswith(("/", "\\")):
        if scheme in ("http", "https") or cleaned.startswith("//"):
            host = urlsplit(cleaned if scheme else "https:" + cleaned).hostname or ""
            return host in IMAGE_HOSTS
        return False
    path = urlsplit(cleaned).path
    if "\\" in path:
        return False
    resolved = posixpath.normpath(posixpath.join(page_dir, path))
    return not (resolved == ".." or resolved.startswith("../") or resolved.startswith("/"))


def _style_allowed(value: str, policy: Policy) -> bool:
    declarations = [d for d in value.split(";") if d.strip()]
    for declaration in declarations:
        name, colon, _ = declaration.partition(":")
        if not colon or name.strip().lower() not in policy.style_properties:
            return False
    return True


# Python-Markdown (like the HTML parser it uses) slows down with the square of the number of brackets or
# tag openers in one block that never close. A block with more than this many is refused before rendering.
MAX_OPENERS = 250
_BLOCKS = re.compile(r"\n[ \t]*\n")


def too_complex(text: str) -> list[tuple[int, str, int]]:
    """(0-based line, character, count) for every block with more than MAX_OPENERS "[" or "<"."""
    found = []
    position = 0
    for block in _BLOCKS.split(text):
        start = text.index(block, position) if block else position
        for char in ("[", "<"):
            count = block.count(char)
            if count > MAX_OPENERS:
                found.append((text.count("\n", 0, start), char, count))
        position = start + len(block)
    return found


# -- rendering -------------------------------------------------------------------------------------

_METHOD_EXTENSIONS = ["tables", "pymdownx.superfences"]


def _method_markdown() -> markdown.Markdown:
    """The Markdown of method text: no attr_list and no md_in_html, so text can set no attributes."""
    return markdown.Markdown(extensions=_METHOD_EXTENSIONS, output_format="html")


_RENDERER: list[markdown.Markdown] = []


def render_markdown(text: str) -> str:
    """Contributor Markdown → HTML, exactly as the site shows it before cleaning."""
    if not _RENDERER:
        _RENDERER.append(_method_markdown())
    md = _RENDERER[0]
    md.reset()
    return md.convert(text)


# -- cleaning --------------------------------------------------------------------------------------

def _nh3_arguments(policy: Policy, page_dir: str) -> dict:
    attributes = {tag: set(names) for tag, names in policy.attributes.items()}

    def attribute_filter(tag: str, name: str, value: str) -> str | None:
        if tag == "img" and name == "src" and not image_allowed(value, page_dir):
            return None
        if name == "style" and not _style_allowed(value, policy):
            return None
        return value

    return dict(tags=set(policy.tags), attributes=attributes, clean_content_tags=set(CONTENT_TAGS),
                url_schemes=set(policy.schemes), allowed_classes={t: set(c) for t, c in policy.classes.items()},
                filter_style_properties=set(policy.style_properties), attribute_filter=attribute_filter,
                link_rel=None, strip_comments=True)


def clean(html: str, policy: Policy = METHOD_POLICY, page_dir: str = "metoder") -> str:
    """The HTML with everything outside the policy removed (nh3)."""
    return nh3.clean(html, **_nh3_arguments(policy, page_dir))


class _Walker(HTMLParser):
    """Lists, in document order, what `clean` removes: the same policy read by a second parser."""

    def __init__(self, policy: Policy, page_dir: str) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.page_dir = page_dir
        self.removals: list[Removal] = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        policy = self.policy
        if tag not in policy.tags or (tag in policy.needs_class and not any(
                name == "class" and set((value or "").split()) & policy.classes.get(tag, set())
                for name, value in attrs)):
            self.removals.append(Removal("tag", tag))
            return
        for name, value in attrs:
            value = value or ""
            if name == "class" and tag in policy.classes:
                for cls in value.split():
                    if cls not in policy.classes[tag]:
                        self.removals.append(Removal("class", tag, cls))
                continue
            if not policy.allows_attribute(tag, name):
                self.removals.append(Removal("attribute", tag, name, value))
            elif name in URL_ATTRIBUTES and not url_allowed(value, policy):
                self.removals.append(Removal("url", tag, name, value))
            elif tag == "img" and name == "src" and not image_allowed(value, self.page_dir):
                self.removals.append(Removal("image", tag, name, value))
            elif name == "style" and not _style_allowed(value, policy):
                self.removals.append(Removal("attribute", tag, name, value))


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})


class _Tokens(HTMLParser):
    """A comparable form of HTML: tags with sorted attributes and text with collapsed blanks, no comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        normal = []
        for name, value in attrs:
            value = value or ""
            if name == "style":
                value = ";".join(d.replace(" ", "").lower() for d in value.split(";") if d.strip())
            normal.append((name, value))
        self.tokens.append(("<", tag, tuple(sorted(normal))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in _VOID:
            self.tokens.append(("/", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            if self.tokens and self.tokens[-1][0] == "t":
                self.tokens[-1] = ("t", self.tokens[-1][1] + " " + text)
            else:
                self.tokens.append(("t", text))


def _tokens(html: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def removals(html: str, policy: Policy = METHOD_POLICY, page_dir: str = "metoder") -> list[Removal]:
    """Everything `clean` would remove from this HTML, in document order; empty when it changes nothing.

    A second parser reads the same policy and names each tag, attribute, URL and class. If nh3's output
    still differs from the input where that reading found nothing (the two parsers saw the markup
    differently), the difference itself is reported, so an accepted text is always left as written.
    """
    walker = _Walker(policy, page_dir)
    walker.feed(html)
    walker.close()
    found = walker.removals
    if not found and _tokens(clean(html, policy, page_dir)) != _tokens(html):
        before, after = _tokens(html), _tokens(clean(html, policy, page_dir))
        index = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
        token = before[index] if index < len(before) else after[index]
        found = [Removal("changed", token[1] if token[0] in "</" else "p")]
    return found


@dataclass(frozen=True)
class Rendered:
    """A piece of contributor Markdown after rendering and cleaning."""

    html: str
    removals: tuple[Removal, ...]


@functools.lru_cache(maxsize=8192)
def render_clean(text: str, page_dir: str = "metoder") -> Rendered:
    """Render method Markdown and clean it; the result `check` judges and the build publishes."""
    raw = render_markdown(text)
    return Rendered(clean(raw, METHOD_POLICY, page_dir), tuple(removals(raw, METHOD_POLICY, page_dir)))


def clean_page(html: str, page_dir: str, policy: Policy = SITE_POLICY) -> tuple[str, list[str]]:
    """A rendered chapter or print page cleaned with the site policy, and a Swedish line per removal.

    When nothing would be removed the page is returned as it was: `removals` has then checked that nh3's
    output is the same markup, and the theme's own serialisation (entities, attribute order) is kept.
    """
    found = removals(html, policy, page_dir)
    if not found:
        return html, []
    messages = [f"{removal.message} [{removal.code}]" for removal in dict.fromkeys(found)]
    return clean(html, policy, page_dir), messages


# -- where in the source ---------------------------------------------------------------------------

def locate(text: str, removal: Removal, page_dir: str = "metoder") -> int:
    """0-based line of `text` where the construct behind a removal starts.

    Found by rendering growing prefixes of the text (binary search for the first prefix whose rendering
    shows the removal), then stepping back to the line where that tag or link begins.
    """
    lines = text.split("\n")

    def present(count: int) -> bool:
        prefix = "\n".join(lines[:count])
        return removal in removals(render_markdown(prefix), METHOD_POLICY, page_dir)

    low, high = 1, len(lines)
    if not present(high):
        return 0
    while low < high:
        middle = (low + high) // 2
        if present(middle):
            high = middle
        else:
            low = middle + 1
    end = low - 1
    if removal.kind in ("tag", "attribute", "class", "changed") or (removal.kind in ("url", "image")
                                                                     and f"<{removal.tag}" in text.lower()):
        start = re.compile(r"<" + re.escape(removal.tag) + r"(?![a-z0-9])", re.IGNORECASE)
        if removal.kind in ("url", "image"):
            start = re.compile(r"<" + re.escape(removal.tag) + r"(?![a-z0-9])|\]\(|^\s*\[[^\]]*\]:", re.IGNORECASE)
        for number in range(end, -1, -1):
            if start.search(lines[number]):
                return number
        return end
    link = re.compile(r"\]\(|^\s*\[[^\]]*\]:")
    for number in range(end, -1, -1):
        if link.search(lines[number]):
            return number
    return end


def allow_list_markdown(policy: Policy = METHOD_POLICY) -> str:
    """The allow-list for method text as Swedish Markdown, for CONTRIBUTING.md (a test keeps them equal)."""
    rows = []
    for tag in sorted(policy.tags):
        names = sorted(policy.attributes.get(tag, frozenset()) | policy.attributes.get("*", frozenset()))
        if tag in policy.classes:
            names.append("class")
        attributes = ", ".join(f"`{n}`" for n in names) or "inga"
        where = "HTML mitt i en mening" if tag in INLINE_TAGS else "Markdown"
        rows.append(f"| `<{tag}>` | {attributes} | {where} |")
    hosts = ", ".join(f"`{h}`" for h in IMAGE_HOSTS) or "inga"
    schemes = ", ".join(f"`{s}:`" for s in sorted(policy.schemes))
    lines = [
        "<!-- Skapas ur hooks/metodbank/core/sanitize.py (METHOD_POLICY, IMAGE_HOSTS); ändra där. "
        "Ett test jämför texten här med listan i koden. -->",
        "",
        "| Tagg | Attribut | Skriv med |",
        "|---|---|---|",
        *rows,
        "",
        f"- **Adresser** i länkar och bilder: relativa (till exempel `skuggning.md` eller `../bilder/foto.png`) "
        f"eller som börjar med {schemes}.",
        "- **Klasser** (`class`): bara de som Markdown själv sätter på kodblock: `highlight` på `<div>` och "
        "Pygments färgklasser på `<span>`. En `<div>` utan den klassen är inte tillåten.",
        "- **Stil** (`style`): bara på `<th>` och `<td>` och bara " +
        ", ".join(f"`{p}`" for p in sorted(policy.style_properties)) + " (kolumnernas justering i tabeller).",
        "- **Bilder** bara från projektet: spara bilden i `handbook/bilder/` och skriv "
        "`![Beskrivning](../bilder/foto.png)`. Bilder från andra webbplatser är inte tillåtna, eftersom de "
        f"låter den webbplatsen se vem som läser. Tillåtna värdar för bilder: {hosts}.",
        "- **HTML-kommentarer** (`<!-- … -->`) går bra; de tas bort och syns inte på webbplatsen.",
    ]
    return "\n".join(lines)


# -- chapters in docs_dir ---------------------------------------------------------------------------

DEFAULT_SITE_EXTENSIONS: list = ["admonition", "attr_list", "def_list", "md_in_html", "tables",
                                 {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences"]


def site_markdown(extensions: list | None = None) -> markdown.Markdown:
    """A Markdown like the site's (mkdocs.yml's markdown_extensions) for checking chapters."""
    names, configs = [], {}
    for item in extensions if extensions is not None else DEFAULT_SITE_EXTENSIONS:
        if isinstance(item, dict):
            for name, config in item.items():
                names.append(name)
                configs[name] = config or {}
        else:
            names.append(str(item))
    try:
        return markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # an extension this engine cannot load: check with the default set
        return site_markdown(DEFAULT_SITE_EXTENSIONS) if extensions is not None else markdown.Markdown()


def check_chapter(text: str, md: markdown.Markdown, page_dir: str = "") -> list[tuple[int, Removal]]:
    """(file line, removal) for what the site allow-list would remove from a rendered chapter."""
    split = split_front_matter(text)
    body = split.body if split.closed else text
    offset = split.body_line - 1
    md.reset()
    found = []
    for removal in dict.fromkeys(removals(md.convert(body), SITE_POLICY, page_dir)):
        found.append((offset + _source_line(body, removal) + 1, removal))
    return found


def _source_line(text: str, removal: Removal) -> int:
    """0-based line of the first place in the source that names what the removal is about."""
    lowered = text.lower()
    for needle in (removal.value, removal.name if removal.kind != "class" else removal.name, f"<{removal.tag}"):
        if needle and needle.lower() in lowered:
            return lowered[: lowered.index(needle.lower())].count("\n")
    return 0
