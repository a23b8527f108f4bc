"""HTML fragments come from Jinja2 templates with autoescaping, and page meta from one front-matter writer.

Front-matter text that looks like markup (`<script>`, quotes, ampersands) is escaped in every template's
output and in every page's meta; no converted module builds HTML with f-strings or html_escape any more.
"""

from __future__ import annotations

import ast
import dataclasses
import fnmatch
import html
import re

import jinja2
import pytest
import yaml
from markupsafe import Markup

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from helpers import REPO, make_project
from metodbank.core.model import BodySection, Method
from metodbank.core.vocabulary import Vocabulary, load_vocabulary
from metodbank.site.frontmatter import front_matter
from metodbank.site.templating import TEMPLATES as SITE_TEMPLATES

ENGINE = REPO / "hooks" / "metodbank"
EVIL = "<script>alert(1)</script> \"citat\" & 'apostrof'"


# -- front matter --------------------------------------------------------------------------------------------

def _meta(text: str) -> dict:
    assert text.startswith("---\n") and text.endswith("\n---")
    return yaml.safe_load(text[4:-4])


def test_front_matter_escapes_title_and_description():
    meta = _meta(front_matter(EVIL, title=EVIL))
    for value in (meta["title"], meta["description"]):
        assert "<" not in value and '"' not in value
        assert value == "&lt;script&gt;alert(1)&lt;/script&gt; &quot;citat&quot; &amp; &#x27;apostrof&#x27;"


def test_front_matter_of_a_page_for_paper():
    meta = _meta(front_matter("Att skriva ut.", title="Skriv ut", print_page=True))
    assert meta == {"title": "Skriv ut", "description": "Att skriva ut.", "search": {"exclude": True},
                    "hide": ["navigation", "toc"]}
    assert list(_meta(front_matter("Bara en beskrivning."))) == ["description"]


def test_only_the_writer_writes_page_front_matter():
    """No other module of site/ or printing/ writes a `---` block with page meta itself."""
    offenders = []
    for path in sorted((ENGINE / "site").glob("*.py")) + sorted((ENGINE / "printing").glob("*.py")):
        if path.name == "frontmatter.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(
                    r"(^|\n)(description|title|hide|search):", node.value):
                offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno}")
    assert offenders == []


# -- autoescaping ---------------------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
HOSTILE = f'{SCRIPT} "citat" & ><img src=x onerror=alert(2)>'
HOSTILE_HTML = html.escape(HOSTILE, quote=True)  # how it must look inside every template's output


def _hostile_vocabulary():
    vocabulary, _ = load_vocabulary(REPO)
    return Vocabulary.from_lists({name: tuple(dataclasses.replace(t, label=f"{t.label} {HOSTILE}") for t in terms)
                                  for name, terms in vocabulary.lists.items()}, vocabulary.synonyms)


def _hostile_methods():
    sections = tuple(BodySection(title, 1, "Text.") for title in
                     ("Syfte", "Förankring", "Genomförande", "Efterarbete och implementering"))
    return [Method(id=method_id, path=f"methods/{method_id}.md", title=f"{method_id} {HOSTILE}",
                   summary=f"Om {HOSTILE}", easy_read=HOSTILE, phases=("delivery",), audience=("participant",),
                   group_size={"min": 1, "max": 2}, duration={"min": 10, "max": 20, "span": HOSTILE},
                   preparation=HOSTILE, difficulty="easy", roles=("facilitator",), materials=(HOSTILE,), cost="none",
                   tags=("reflektion",), steps={"anchoring": (HOSTILE,), "delivery": (HOSTILE,),
                                                "follow_up": (HOSTILE,)},
                   adaptations={"reading": HOSTILE}, basis={"kind": "design", "text": HOSTILE}, authors=(HOSTILE,),
                   status=status, sections=sections)
            for method_id, status in (("ett", "published"), ("tva", "draft"))]


def _template_names():
    return {f"{folder}/{path.name}" for folder in ("site", "printing")
            for path in (ENGINE / folder / "templates").glob("*.html")}


def test_every_template_escapes_hostile_text(tmp_path, monkeypatch):
    """Titles, summaries, spans, steps and vocabulary labels with <script>, quotes and & come out escaped from
    every template: the catalogue, its filter form, the planner, the editor, the method page's boxes and
    links, the print pages' actions and tables of contents, the PDF links and the cards."""
    # Imported here, not at the top: test_serve re-imports the engine (as `mkdocs serve` does after an edit),
    # and a lazy import inside the engine would then reach the new modules and their own templates.
    from metodbank.core.links import link_methods
    from metodbank.printing.pages import build_print_pages
    from metodbank.printing.templating import TEMPLATES as PRINT_TEMPLATES
    from metodbank.site.editor import editor_markdown
    from metodbank.site.pages import GeneratedPage, PageBuilder
    from metodbank.site.templating import TEMPLATES as SITE_TEMPLATES

    used = set()
    for folder, templates in (("site", SITE_TEMPLATES), ("printing", PRINT_TEMPLATES)):
        original = templates.environment.get_template

        def recording(name, *args, _folder=folder, _original=original, **kwargs):
            used.add(f"{_folder}/{name}")
            return _original(name, *args, **kwargs)

        monkeypatch.setattr(templates.environment, "get_template", recording)

    vocabulary = _hostile_vocabulary()
    catalogue, _ = link_methods(_hostile_methods())  # (the two are alike: a warning, nothing that stops a build)
    project = make_project(tmp_path / "project")
    (project / "handbook" / "genomforande.md").write_text(f"# Genomförande {HOSTILE}\n\nText.\n", encoding="utf-8")
    builder = PageBuilder(catalogue, vocabulary)
    pages = builder.build_pages() + build_print_pages(builder, project / "handbook", with_pdfs=True)
    pages.append(GeneratedPage("bidra/skriv.md", "", editor_markdown(vocabulary, catalogue, None)))
    assert used == _template_names()  # the pages above used every template there is

    # The field page writes the vocabulary's labels into Markdown as they are: load_vocabulary refuses markup
    # characters in labels (MARKUP_CHARS), and that page uses no template.
    outputs = [(page.src_uri, page.markdown) for page in pages if page.src_uri != "bidra/falt.md"]
    for src_uri, text in outputs:
        assert SCRIPT not in text, src_uri
        assert "<img src=x" not in text, src_uri
        assert 'onerror=alert(2)>' not in text.replace(HOSTILE_HTML, ""), src_uri
    text = {uri: markdown for uri, markdown in outputs}
    assert HOSTILE_HTML in text["metoder/index.md"]  # catalogue rows and filter form
    assert f'<option value="easy">{html.escape(vocabulary.label("difficulties", "easy"))}</option>' \
        in text["metoder/index.md"]
    assert f'data-search="' in text["metoder/index.md"] and "&quot;citat&quot;" in text["metoder/index.md"]
    assert f"<span class=\"mb-sr-only\"> (ett {HOSTILE_HTML})</span>" in text["metoder/ett.md"]  # plan and edit links
    cards = text["kort/index.md"]
    for shown in (f"ett {HOSTILE_HTML}", f"Om {HOSTILE_HTML}", f"<li>{HOSTILE_HTML}</li>",
                  f"10–20 minuter per träff, {HOSTILE_HTML}", f'aria-label="ett {HOSTILE_HTML}, framsida"'):
        assert shown in cards
    assert f'<a href="#metod-ett">ett {HOSTILE_HTML}</a>' in text["utskrift/genomforande.md"]  # table of contents
    assert f"Genomförande {HOSTILE_HTML}</a>" in text["utskrift/hela-handboken.md"]


def test_values_already_html_are_not_escaped_twice():
    assert SITE_TEMPLATES.environment.from_string("{{ a }}|{{ b }}").render(a=Markup("<b>&amp;</b>"), b="<b>") \
        == "<b>&amp;</b>|&lt;b&gt;"


def test_an_undefined_name_in_a_template_is_an_error():
    with pytest.raises(jinja2.UndefinedError):
        SITE_TEMPLATES.environment.from_string("{{ missing }}").render()


# -- no HTML by hand any more ---------------------------------------------------------------------------------

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*[\s>/]")
# Raw HTML still written in Python, each for a reason: the search index's teaser (search.py escapes it for
# Material's index), the field page's Markdown table (<br> inside table cells), GeneratedPage's repr, and
# the re-pointed URLs inside a contributor's sanitised HTML (pages.py _written).
_LEFT = {("site/search.py", "f-string"), ("site/fielddocs.py", "f-string"), ("site/pages.py", "repr"),
         ("site/pages.py", "html_escape"), ("site/frontmatter.py", "html_escape"),
         ("site/templating.py", "html_escape")}


def test_no_html_is_built_with_f_strings_or_html_escape():
    found = set()
    for path in sorted((ENGINE / "site").glob("*.py")) + sorted((ENGINE / "printing").glob("*.py")):
        name = str(path.relative_to(ENGINE))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if _TAG.search(text):
                    found.add((name, "repr" if text.startswith("<GeneratedPage") else "f-string"))
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "html_escape":
                found.add((name, "html_escape"))
    assert found <= _LEFT, sorted(found - _LEFT)


def test_templates_are_package_data():
    """A non-editable install carries the templates: pyproject's package-data covers every template file."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    for name in _template_names():
        folder, file = name.split("/")
        patterns = data.get(f"metodbank.{folder}", [])
        assert any(fnmatch.fnmatch(f"templates/{file}", pattern) for pattern in patterns), name
