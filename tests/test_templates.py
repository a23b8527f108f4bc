"""HTML fragments come from Jinja2 templates with autoescaping, and page meta from one front-matter writer.

Front-matter text that looks like markup (`<script>`, quotes, ampersands) is escaped in every template's
output and in every page's meta; no converted module builds HTML with f-strings or html_escape any more.
"""

from __future__ import annotations

import ast
import re

import yaml

from helpers import REPO
from metodbank.site.frontmatter import front_matter

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
