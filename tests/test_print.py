"""Print pages and method cards: built from a small fixture set with the real hooks; assertions on the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import VALID_BODY, build_site, make_method, make_project
from metodbank.printing.markdown import rebase_links, shift_headings

CHAPTERS = {
    "kompetensutveckling-i-asf.md": "# Kompetensutveckling i ASF\n\nInledningen om lärande i arbetet.\n",
    "forankring.md": (
        "# Förankring\n\nFörankringen gör att alla vet varför.\n\n## Vilka behöver vara med?\n\n"
        "Läs metoden [Första samtalet](metoder/forsta-samtalet.md) och kapitlet [Genomförande](genomforande.md). "
        "Mer finns hos [Coompanion](https://coompanion.se/).\n"
    ),
    "genomforande.md": "# Genomförande\n\nGenomförandet är själva lärandet.\n",
    "efterarbete.md": "# Efterarbete och implementering\n\nEfterarbetet gör att det nya används.\n",
    "ordlista.md": "# Ordlista\n\nTransfer betyder att kunskapen förs över till arbetet.\n",
}
TRICKY_TITLE = "Öva på plats & [mer] *nu* {: #x }"


def make_print_project(root: Path) -> Path:
    """Three methods: one per phase, one in two phases with a tricky title, one draft; chapter prose."""
    make_project(root)
    for name, text in CHAPTERS.items():
        (root / "handbook" / name).write_text(text, encoding="utf-8")
    make_method(root, "forsta-samtalet", title="Första samtalet", phases=["anchoring"],
                body=VALID_BODY + "\n## Exempel\n\nSe också [nästa steg](ova-pa-plats.md) på arbetsplatsen.\n",
                steps={"anchoring": ["Boka ett samtal med deltagaren."], "delivery": ["Håll samtalet i lugn miljö."],
                       "follow_up": ["Skriv ner vad ni kom fram till."]})
    make_method(root, "ova-pa-plats", title=TRICKY_TITLE, phases=["delivery", "follow_up"])
    make_method(root, "titta-tillbaka", title="Titta tillbaka", phases=["follow_up"], status="draft")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(make_print_project(tmp_path_factory.mktemp("print") / "project"))


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article"):page.rindex("</article>")]


def text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_phase_print_page_has_contents_prose_and_every_method_in_full(site):
    page = article(html(site, "utskrift/forankring/index.html"))
    plain = text(page)
    assert re.search(r"<h1[^>]*>Förankring", page)
    assert '<nav class="mb-print-toc"' in page and "Innehåll" in plain
    assert 'href="#metod-forsta-samtalet"' in page
    assert "Förankringen gör att alla vet varför." in plain  # the chapter prose
    assert re.search(r'<h3 id="[^"]+">Vilka behöver vara med\?', page)  # prose headings one level down
    assert re.search(r'<h2 class="mb-method-start" id="metod-forsta-samtalet">Första samtalet', page)
    for full in ("Lättläst", "Gruppstorlek", "I korthet", "Boka ett samtal med deltagaren.", "Syfte",
                 "Handledaren pratar med deltagaren.", "Gruppen träffas en timme.", "Anpassningar"):
        assert full in plain, full
    assert re.search(r'<h3 id="[^"]+">Syfte', page)  # method sections one level below the method title
    assert "metod-ova-pa-plats" not in page and "Titta tillbaka" not in plain  # other phases stay out


def test_print_page_links_point_into_the_page_or_to_the_site(site):
    page = article(html(site, "utskrift/forankring/index.html"))
    assert 'href="#metod-forsta-samtalet"' in re.sub(r"<nav.*?</nav>", "", page, flags=re.S)  # prose → in-page
    assert 'href="../../genomforande/"' in page
    assert 'href="../../metoder/ova-pa-plats/"' in page  # method body link to a method of another phase
    assert 'href="https://coompanion.se/"' in page
    whole = article(html(site, "utskrift/hela-handboken/index.html"))
    assert 'href="#metod-ova-pa-plats"' in whole and 'href="#kapitel-genomforande"' in whole


def test_whole_handbook_has_every_chapter_and_method_once(site):
    page = article(html(site, "utskrift/hela-handboken/index.html"))
    plain = text(page)
    order = [plain.index(t) for t in ("Inledningen om lärande", "Förankringen gör att", "Genomförandet är själva",
                                      "Efterarbetet gör att", "Transfer betyder")]
    assert order == sorted(order)
    for method_id in ("forsta-samtalet", "ova-pa-plats", "titta-tillbaka"):
        assert page.count(f'id="metod-{method_id}"') == 1, method_id
    assert "Metoden finns med under" in plain  # the two-phase method is printed once and referred to
    assert re.search(r'<h2 class="mb-chapter-start" id="kapitel-forankring">Förankring', page)
    assert re.search(r'<h3 class="mb-method-start" id="metod-forsta-samtalet">', page)


def test_cards_one_per_method_with_front_and_back(site):
    page = article(html(site, "kort/index.html"))
    assert page.count('<article class="mb-card">') == 3
    assert page.count("mb-card-front") == 3 and page.count("mb-card-back") == 3
    plain = text(page)
    for expected in ("Första samtalet", "Lättläst", "Målgrupp", "Gruppstorlek", "Svårighet", "Kostnad",
                     "Steg i korthet", "Boka ett samtal med deltagaren.", "Skriv ner vad ni kom fram till.",
                     "Utkast – inte granskad ännu"):
        assert expected in plain, expected
    assert '<p class="mb-card-basis"><strong>Bygger på:</strong> Redaktionens förslag</p>' in page
    assert page.count("<strong>Bygger på:</strong>") == 3
    assert "Öva på plats &amp; [mer] *nu* {: #x }</a></h2>" in page  # front-matter text stays text
    printed = article(html(site, "utskrift/genomforande/index.html"))
    assert re.search(r'id="metod-ova-pa-plats">Öva på plats &amp; \[mer\] \*nu\* \{: #x \}<', printed)
    follow_up = article(html(site, "kort/efterarbete/index.html"))
    assert follow_up.count('<article class="mb-card">') == 2
    assert "Första samtalet" not in follow_up and "Titta tillbaka" in follow_up


def test_print_pages_are_not_in_search_results(site):
    index = json.loads(html(site, "search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("metoder/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith(("utskrift/", "kort/"))]


def test_chapters_and_hub_link_the_print_versions(site):
    chapter = html(site, "forankring/index.html")
    assert 'href="../utskrift/forankring/"' in chapter and 'href="../kort/forankring/"' in chapter
    assert "Utskriftsversion av kapitlet med alla metoder" in text(chapter)
    hub = article(html(site, "utskrift/index.html"))
    for href in ("forankring/", "genomforande/", "efterarbete/", "hela-handboken/", "../kort/",
                 "../kort/forankring/"):
        assert f'href="{href}"' in hub, href


def test_print_button_and_no_pdf_link_without_pdfs(site):
    page = html(site, "utskrift/forankring/index.html")
    assert re.search(r'<button type="button" class="[^"]*mb-print-button[^"]*" hidden>Skriv ut</button>', page)
    assert "Ctrl+P" in text(page)  # what to do without JavaScript
    assert "assets/print.js" in page and "assets/print.css" in page
    for path in ("utskrift/forankring/index.html", "utskrift/index.html", "kort/index.html"):
        assert ".pdf" not in html(site, path), path  # a plain build makes no PDFs, so it links none
    # A reader is told where the PDFs are; how to make them is contributor text (CONTRIBUTING.md).
    assert "PDF-filerna finns på den publicerade webbplatsen" in text(html(site, "utskrift/index.html"))


def test_a_build_for_metodbank_pdf_links_every_pdf(tmp_path, monkeypatch):
    from metodbank.printing.documents import PDF_ENV, print_documents
    from metodbank.core.vocabulary import load_vocabulary

    monkeypatch.setenv(PDF_ENV, "1")
    root = make_print_project(tmp_path / "project")
    site = build_site(root)
    page = html(site, "utskrift/forankring/index.html")
    assert re.search(r'<a class="[^"]*mb-pdf-link[^"]*" href="../../pdf/metodbanken-forankring.pdf" download>'
                     r"Ladda ner som PDF</a>", page)
    linked = set()
    for path in site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.pdf)"', path.read_text(encoding="utf-8")):
            linked.add((path.parent / href).resolve().relative_to(site.resolve()).as_posix())
    vocabulary, _ = load_vocabulary(root)
    assert linked == {d.pdf_uri for d in print_documents(vocabulary)}  # exactly what metodbank pdf writes


def test_print_pages_without_directory_urls(tmp_path, monkeypatch):
    monkeypatch.setenv("METODBANK_PDF", "1")
    site = build_site(make_print_project(tmp_path / "project"), use_directory_urls=False)
    page = html(site, "utskrift/forankring.html")
    assert 'href="../pdf/metodbanken-forankring.pdf"' in page
    assert 'href="../metoder/ova-pa-plats.html"' in page
    assert 'href="../metoder/forsta-samtalet.html"' in html(site, "kort/index.html")


def test_shift_headings_leaves_code_alone():
    markdown = "# A\n\n```\n# not a heading\n```\n\n## B\n###### C"
    assert shift_headings(markdown, 1) == "## A\n\n```\n# not a heading\n```\n\n### B\n###### C"


def test_rebase_links():
    markdown = "[a](other.md) [b](../forankring.md#x) [c](https://example.org/) [d](#here) \\](not.md) [e](gone.md)"
    result = rebase_links(markdown, "metoder/one.md", "utskrift/x.md", {"metoder/other.md": "metod-other"})
    assert result == ("[a](#metod-other) [b](../forankring.md#x) [c](https://example.org/) [d](#here) "
                      "\\](not.md) [e](../metoder/gone.md)")
