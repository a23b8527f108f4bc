"""Page data from the engine alone (no MkDocs): formatting rules and generated Markdown."""

from __future__ import annotations

import datetime

import pytest

from helpers import make_method
from metodbank import PageBuilder, Settings, load_project, splice_parts
from metodbank.site.format import md_escape, minutes, people, swedish_date
from metodbank.site.urls import link, page_url


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [(15, 20, "15–20 minuter"), (60, 60, "60 minuter"), (60, 90, "1–1,5 timmar"), (120, 480, "2–8 timmar"),
     (90, 90, "1,5 timmar"), (45, 120, "45 minuter–2 timmar"), (60, 120, "1–2 timmar"), (30, 960, "30 minuter–16 timmar"), (1440, 2880, "1–2 dagar"), (1440, 1440, "1 dag")],
)
def test_minutes(low, high, text):
    assert minutes(low, high) == text


def test_people_and_dates():
    assert (people(1, 1), people(2, 2), people(3, 12)) == ("1 person", "2 personer", "3–12 personer")
    assert swedish_date(datetime.date(2026, 3, 5)) == "5 mars 2026"


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "url"),
    [
        ("metoder/index.md", "metoder/skuggning.md", True, "skuggning/"),
        ("metoder/index.md", "metoder/skuggning.md", False, "skuggning.html"),
        ("metoder/skuggning.md", "forankring.md", True, "../../forankring/"),
        ("metoder/skuggning.md", "forankring.md", False, "../forankring.html"),
        ("index.md", "metoder/index.md", True, "metoder/"),
        ("metoder/index.md", "index.md", True, "../"),
        ("index.md", "index.md", True, "./"),
    ],
)
def test_relative_url(source, target, directory_urls, url):
    assert link(source, target, directory_urls) == url


def test_page_url_matches_mkdocs():
    from mkdocs.structure.files import File

    for src in ("index.md", "metoder/index.md", "metoder/skuggning.md", "a/b/README.md"):
        for directory_urls in (True, False):
            file = File(src, "/docs", "/site", directory_urls)
            assert page_url(src, directory_urls) == file.url, (src, directory_urls)


def test_md_escape_neutralises_markup():
    assert md_escape("[a](javascript:x) *b* <i>c</i> `d` _e_ | {f}") == \
        r"\[a\](javascript:x) \*b\* &lt;i&gt;c&lt;/i&gt; \`d\` \_e\_ \| \{f\}"


def test_draft_is_marked(project):
    make_method(project, "utkastet", status="draft", phases=["anchoring"])
    result = load_project(Settings.for_root(project))
    builder = PageBuilder(result.catalogue, result.vocabulary)
    page = builder.build_method_page(result.catalogue.get("utkastet"))
    assert '!!! warning "Utkast"' in page.markdown
    assert "Utkast" in builder.build_phase_list("anchoring")
    assert page.edit_path == "methods/utkastet.md"


def test_generated_and_written_sections_are_merged_in_order(project):
    body = ("\n## Syfte\n\nx\n\n## Förankring\n\nx\n\n## Genomförande\n\nx\n\n## Efterarbete och implementering\n\n"
            "x\n\n## Anpassningar\n\nEgen text om anpassningar.\n\n## Fallgropar\n\ny\n")
    make_method(project, "m", body=body, sources=[{"text": "Ellström (1992).", "url": "https://example.org/a(b)"}])
    result = load_project(Settings.for_root(project))
    page = PageBuilder(result.catalogue, result.vocabulary).build_method_page(result.catalogue.get("m"))
    markdown = splice_parts(page.markdown, page.parts)  # written text is spliced in as clean HTML
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## I korthet", "## Syfte", "## Förankring", "## Genomförande",
                        "## Efterarbete och implementering", "## Anpassningar", "## Fallgropar",
                        "## Källor och vidare läsning", "## Taggar"]
    adaptations = markdown.split("## Anpassningar")[1].split("## Fallgropar")[0]
    assert "**Läsning:** Använd bilder." in adaptations and "Egen text om anpassningar." in adaptations
    assert "(https://example.org/a%28b%29)" in markdown
