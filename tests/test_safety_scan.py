"""Scans that do not trust the sanitizer: html.parser over built pages, independent of nh3 and of the check.

* A property test: random bodies full of HTML, Markdown and URL fragments. Every body `check` accepts is
  rendered into a method page (the engine's page Markdown through Python-Markdown with mkdocs.yml's
  extensions, the clean parts spliced in as the hook does) and scanned; then a real site is built with the
  accepted bodies as methods and every page of it is scanned.
* The real site of this repository, built with the real hooks, every page scanned the same way.

The scanner looks for what can run code, load a foreign document or send data away: event-handler
attributes, javascript:/data:/vbscript: URLs, script, style, iframe, object, embed, form, base and meta
refresh. The theme's own template has a few scripts, styles and forms: inline scripts are allowed only when
the page's own Content-Security-Policy lists their hash, files only from the site, forms only the theme's
and the catalogue filter.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, VALID_BODY, build_site, front_matter, make_method, make_project, method_text
from metodbank import PageBuilder, link_methods, load_vocabulary, splice_parts
from metodbank.core.loader import load_source
from metodbank.core.validate import validate_source

TODAY = datetime.date(2026, 11, 23)
VOCABULARY, _ = load_vocabulary(REPO)
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href",
                  "cite", "ping", "codebase", "longdesc", "usemap", "manifest", "icon"}
NEVER = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "portal", "fencedframe"}
TEMPLATE_FORMS = {"md-header__option", "md-search__form", "mb-filters", "mb-search-form"}  # theme header, search,
# catalogue filter, the 404 page's search (overrides/404.html)


class PageScanner(HTMLParser):
    """Everything active in one page; `fragment=True` for page content, where nothing active may be."""

    def __init__(self, fragment: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.fragment = fragment
        self.found: list[str] = []
        self.allowed_hashes: set[str] = set()
        self._script: dict | None = None
        self._script_text = ""
        self._in_head = False
        self._in_article = 0

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        shown = f"<{tag} {attrs}>"[:200]
        if tag == "head":
            self._in_head = True
        if tag == "article":
            self._in_article += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append("event handler: " + shown)
            if name in URL_ATTRIBUTES:
                cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
                if re.match(r"(javascript|data|vbscript|livescript|mocha):", cleaned):
                    self.found.append("unsafe URL: " + shown)
        if tag in NEVER:
            self.found.append("element: " + shown)
        if tag == "meta" and "http-equiv" in values:
            if values["http-equiv"].lower() != "content-security-policy" or self.fragment or not self._in_head:
                self.found.append("meta http-equiv: " + shown)
            else:
                policy = values.get("content", "")
                script_src = re.search(r"script-src ([^;]*)", policy)
                self.allowed_hashes |= set(re.findall(r"'(sha256-[^']+)'", script_src.group(1) if script_src else ""))
        if tag == "form":
            classes = set(values.get("class", "").split())
            if self.fragment or not classes & TEMPLATE_FORMS:
                self.found.append("form: " + shown)
        if tag == "style" and (self.fragment or not self._in_head):
            self.found.append("style element: " + shown)
        if tag == "link" and (self.fragment or not self._in_head):
            self.found.append("link element: " + shown)
        if tag == "script":
            self._script = values
            self._script_text = ""
            src = values.get("src")
            kind = values.get("type", "").lower()
            if self.fragment and kind != "application/json":
                self.found.append("script in content: " + shown)
            elif src is not None and re.match(r"([a-z][a-z0-9+.-]*:|//)", src.strip().lower()):
                self.found.append("script from elsewhere: " + shown)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "article":
            self._in_article -= 1
        if tag == "script" and self._script is not None:
            values, self._script = self._script, None
            if values.get("src") is None and values.get("type", "").lower() not in ("application/json",):
                digest = base64.b64encode(hashlib.sha256(self._script_text.encode()).digest()).decode()
                if self.fragment or f"sha256-{digest}" not in self.allowed_hashes or self._in_article:
                    self.found.append("inline script not in the template's policy: " + self._script_text[:80])

    def handle_data(self, data):
        if self._script is not None:
            self._script_text += data


def scan(html: str, fragment: bool = False) -> list[str]:
    scanner = PageScanner(fragment)
    if not fragment:  # the policy's hashes, read first: the theme's first inline script comes before the <meta>
        first = PageScanner()
        first.feed(re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I))
        scanner.allowed_hashes = first.allowed_hashes
    scanner.feed(html)
    scanner.close()
    return scanner.found


def scan_built_site(site: Path) -> tuple[int, list[str]]:
    pages = sorted(site.rglob("*.html"))
    found = []
    for path in pages:
        found += [f"{path.relative_to(site)}: {item}" for item in scan(path.read_text(encoding="utf-8"))]
    return len(pages), found


# -- the scanner itself can fail -------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    '<p><img src="x" onerror="alert(1)"></p>', '<a href="java\tscript:alert(1)">x</a>', "<script>alert(1)</script>",
    "<style>body{}</style>", '<iframe src="https://e.example"></iframe>', "<object></object>", "<embed>",
    '<form action="https://e.example"></form>', '<base href="https://e.example/">',
    '<meta http-equiv="refresh" content="0;url=https://e.example">', '<a href="data:text/html,x">x</a>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<img src="VBScript:x">',
])
def test_the_scanner_finds_each_kind(html):
    assert scan(html, fragment=True)
    assert scan(f"<html><head></head><body><article>{html}</article></body></html>")


# -- the property test -------------------------------------------------------------------------------------------

PIECES = ["<", ">", "/", "=", '"', "'", "`", "``", "```", "~~~", "[", "]", "(", ")", "{", "}", "{:", ":", "!", "#",
          "\n", "\n\n", "\t", " ", "    ", "- ", "1. ", "> ", "|", "---", "\\", "&", "&#106;", "&#x6A;", "&lt;",
          "&quot;", "<!--", "-->", "<![CDATA[", "]]>", "[x]: ", "[x]", "](", "![", "javascript:", "JaVaScRiPt:",
          "data:text/html,", "vbscript:", "https://e.example/p.png", "//e.example/", "on", "onerror", "onclick",
          "onload", "script", "style", "iframe", "img", "svg", "a", "href", "src", "title", "abbr", "kbd", "b",
          "details", "form", "meta", "base", "http-equiv", "refresh", "class", "id", "x", "ö", "!!! note",
          "<b>", "</b>", "<kbd>", "<abbr title=", "<img src=", "<a href=", "<details open", "<script>", "alert(1)"]
BODIES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
EXTENSIONS = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def _mkdocs_markdown() -> markdown.Markdown:
    names, configs = [], {}
    for item in EXTENSIONS:
        if isinstance(item, dict):
            (name, config), = item.items()
            names.append(name)
            configs[name] = config
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _accepted_method(method_id: str, body: str):
    text = method_text(front_matter(title=method_id.capitalize()), VALID_BODY + "\n## Exempel\n\n" + body + "\n")
    source, problems = load_source(f"methods/{method_id}.md", method_id, text.encode("utf-8"))
    if source is None or problems:
        return None
    method, problems = validate_source(source, VOCABULARY, TODAY)
    return None if problems else method


def test_every_body_check_accepts_renders_without_active_content(tmp_path):
    accepted: list[str] = []
    tried: list[int] = [0]
    md = _mkdocs_markdown()

    @settings(max_examples=400, deadline=timedelta(milliseconds=4000), database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(BODIES)
    def one(body):
        tried[0] += 1
        method = _accepted_method("prov", body)
        if method is None:
            return
        accepted.append(body)
        catalogue, _ = link_methods([method])
        page = PageBuilder(catalogue, VOCABULARY).build_method_page(method)
        md.reset()
        html = splice_parts(md.convert(page.markdown.split("\n---\n", 1)[1]), page.parts)
        assert scan(html, fragment=True) == [], body

    one()
    print(f"\nproperty test: {tried[0]} bodies, {len(accepted)} accepted by check")
    assert len(accepted) >= 50, f"only {len(accepted)} of {tried[0]} bodies were accepted; the test would prove little"
    # The same accepted bodies as methods of a real site, built with the real hooks: scan every page.
    project = make_project(tmp_path / "project")
    for number, body in enumerate(accepted[:60]):
        make_method(project, f"prov-{number:02d}", body=VALID_BODY + "\n## Exempel\n\n" + body + "\n")
    site = build_site(project)
    pages, found = scan_built_site(site)
    assert pages > 60 and found == []


# -- the real site ------------------------------------------------------------------------------------------------

def test_every_page_of_the_real_site_is_free_of_active_content(built_site):
    pages, found = scan_built_site(built_site)
    print(f"\nreal site: {pages} pages scanned")
    assert pages >= 50
    assert found == []
