"""`metodbank pdf` and the cards in a real browser: PDFs written, page counts, text, and no card overflows.

Uses the Debian Chromium through playwright (hooks/metodbank/adapters/pdf.py) and poppler-utils (pdfinfo, pdftotext).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, build_site, make_method, make_project, write_config
from metodbank.adapters import browser, pdf
from metodbank.adapters.cli import main
from metodbank.core.schema import EASY_READ_MAX, STEP_MAX, STEPS_PER_PHASE_MAX, SUMMARY_MAX, TITLE_MAX
from test_print import TRICKY_TITLE, make_print_project

pytestmark = pytest.mark.browser

TODAY = datetime.date(2026, 11, 23)
TITLES = ("Första samtalet", TRICKY_TITLE, "Titta tillbaka")
NOT_ON_PAPER = ("Sök", "Hoppa till", "Skriv ut", "Ladda ner som PDF", "Ctrl+P", "Föreslå en ändring", "Metodkatalog")


def _need_tools() -> None:
    missing = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
    reason = None
    if missing:
        reason = f"{', '.join(missing)} saknas (Debian-paketet poppler-utils)"
    else:
        try:
            browser.chromium_path()
            browser.load_playwright()
        except browser.BrowserError as error:
            reason = str(error)
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    return float(match.group(1)), float(match.group(2))


def page_texts(path: Path) -> list[str]:
    """The text of every page (pdftotext separates pages with form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in out.split("\f")[: pages(path)]]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """`metodbank pdf` run once on the print fixture project (it builds the site itself)."""
    _need_tools()
    root = make_print_project(tmp_path_factory.mktemp("pdf") / "project")
    write_config(root)  # mkdocs.yml for the fixture; `metodbank pdf` builds the site by itself
    return root


@pytest.fixture(scope="module")
def pdf_run(pdfs):
    """Exit code, stdout and stderr of the command, run once for the module."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(pdfs), "pdf"], today=TODAY)
    return code, out.getvalue(), err.getvalue()


def test_pdf_command_writes_every_document_with_progress(pdfs, pdf_run):
    code, out, err = pdf_run
    assert code == 0, err
    folder = pdfs / "site" / "pdf"
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert names == sorted(["metodbanken-forankring.pdf", "metodbanken-genomforande.pdf",
                            "metodbanken-efterarbete.pdf", "metodbanken-hela-handboken.pdf", "metodkort-alla.pdf",
                            "metodkort-forankring.pdf", "metodkort-genomforande.pdf", "metodkort-efterarbete.pdf"])
    assert "Skriver PDF 1 av 8: Förankring …" in err
    assert "Skriver PDF 4 av 8: Hela handboken …" in err
    assert f"Klart: 8 PDF-filer i {folder}" in err
    assert str(folder / "metodkort-alla.pdf") in out


def test_chapter_pdf_is_a_booklet(pdfs, pdf_run):
    path = pdfs / "site" / "pdf" / "metodbanken-forankring.pdf"
    texts = page_texts(path)
    assert page_size(path) == pytest.approx((595, 842), abs=1)  # A4
    assert "Innehåll" in texts[0] and "Första samtalet" in texts[0]  # cover with the table of contents
    assert texts[1].startswith("Metodbanken Förankring Om fasen")  # the chapter text starts on page 2
    starts = [i for i, t in enumerate(texts) if t.startswith("Metodbanken Förankring Första samtalet")]
    assert starts == [2]  # the method starts a page of its own
    assert 3 <= pages(path) <= 5
    whole = "\n".join(texts)
    for word in ("Förankringen gör att alla vet varför.", "Handledaren pratar med deltagaren.", "Lättläst",
                 "Gruppstorlek", "https://coompanion.se/"):
        assert word in whole, word
    for word in NOT_ON_PAPER:
        assert word not in whole, word
    for number, text in enumerate(texts, 1):  # the margins: handbook title, document, date, page numbers
        assert text.startswith("Metodbanken Förankring"), text[:80]
        assert text.endswith(f"Utskriven 23 november 2026 sida {number} av {len(texts)}"), text[-80:]


def test_whole_handbook_pdf_holds_every_method(pdfs, pdf_run):
    path = pdfs / "site" / "pdf" / "metodbanken-hela-handboken.pdf"
    texts = page_texts(path)
    whole = "\n".join(texts)
    for title in TITLES:
        assert title in whole, title
    for word in NOT_ON_PAPER:
        assert word not in whole, word
    # cover, 5 chapters each on a new page, 3 methods each on a new page
    assert pages(path) >= 1 + 5 + 3


def test_each_card_side_is_exactly_one_a5_page(pdfs, pdf_run):
    path = pdfs / "site" / "pdf" / "metodkort-alla.pdf"
    texts = page_texts(path)
    assert pages(path) == 2 * 3
    assert page_size(path) == pytest.approx((420, 595), abs=1)  # A5
    fronts, backs = texts[0::2], texts[1::2]
    for title, front, back in zip(sorted(TITLES, key=str.lower), fronts, backs):
        assert title in front and "Lättläst" in front and "Målgrupp" in front, front
        assert f"{title} · Steg i korthet".upper() in back.upper() and "Genomförande" in back, back
    for word in NOT_ON_PAPER:
        assert word not in "\n".join(texts), word
    assert pages(pdfs / "site" / "pdf" / "metodkort-efterarbete.pdf") == 2 * 2


def test_print_pages_link_exactly_the_pdfs_that_exist_and_ask_for_nothing_else(pdfs, pdf_run):
    """The build behind `metodbank pdf` links its PDFs; no page asks the server for a file that is not there."""
    site = pdfs / "site"
    linked = set()
    for path in site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.pdf)"', path.read_text(encoding="utf-8")):
            linked.add((path.parent / href).resolve())
    assert linked == {p.resolve() for p in (site / "pdf").glob("*.pdf")} and len(linked) == 8

    def visit(base, chromium):
        page = chromium.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        missing = []
        page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
        for path in ("utskrift/", "utskrift/forankring/", "kort/"):
            page.goto(base + path, wait_until="networkidle")
        assert page.is_visible("a.mb-pdf-link")
        return [u for u in asked if u.startswith(base) and u.endswith(".pdf")], missing

    asked, missing = pdf.with_browser(site, visit)
    assert asked == [] and missing == []


def test_pdf_without_a_built_site_says_what_to_do(tmp_path, capsys):
    root = make_project(tmp_path / "project")
    assert main(["--root", str(root), "pdf", "--no-build"], today=TODAY) == 1
    assert "bygg webbplatsen" in capsys.readouterr().err


# -- cards never overflow their page ----------------------------------------------------------------

def _fill(limit: int) -> str:
    """Swedish-looking text of exactly `limit` characters with long words (hard to wrap)."""
    words = "kompetensutveckling arbetsplatsen handledaren deltagarna tillsammans uppföljningen verksamheten".split()
    text, i = "", 0
    while len(text) < limit:
        text = (text + " " + words[i % len(words)]).strip()
        i += 1
    return text[:limit].rstrip()


def _sentence(limit: int) -> str:
    words = _fill(limit - 1).split()[:15]
    return " ".join(words).capitalize()[: limit - 1] + "."


@pytest.fixture(scope="module")
def worst_case_site(tmp_path_factory):
    """One method with every card field at its validation limit."""
    _need_tools()
    root = make_project(tmp_path_factory.mktemp("worst") / "project")
    steps = [_fill(STEP_MAX - 1) + "." for _ in range(STEPS_PER_PHASE_MAX)]
    make_method(root, "varsta-kortet", title=_fill(TITLE_MAX).capitalize(), summary=_fill(SUMMARY_MAX - 1) + ".",
                easy_read=" ".join(_sentence(EASY_READ_MAX // 5 - 1) for _ in range(5)),
                phases=["anchoring", "delivery", "follow_up"],
                audience=["participant", "supervisor", "management", "board", "team"],
                group_size={"min": 100, "max": 1000}, duration={"min": 1000, "max": 7000, "span": _fill(60)},
                difficulty="moderate", cost="medium",
                steps={"anchoring": list(steps), "delivery": list(steps), "follow_up": list(steps)})
    return build_site(root)


@pytest.fixture(scope="module")
def real_site(built_site):
    """The repository's own site (all real methods): the session's strict build (tests/browser_support.py)."""
    _need_tools()
    return built_site


def _sides(site: Path) -> tuple[int, list[dict]]:
    def measure(base, chromium):
        page = chromium.new_page()
        page.goto(base + "kort/")
        return page.locator(".mb-card-side").count(), pdf.card_overflows(page)

    return pdf.with_browser(site, measure)


def test_no_real_card_overflows(real_site):
    methods = len(list((REPO / "methods").glob("*.md")))
    count, overflowing = _sides(real_site)
    assert count == 2 * methods
    assert overflowing == []


def test_a_card_at_every_limit_still_fits(worst_case_site):
    count, overflowing = _sides(worst_case_site)
    assert count == 2
    assert overflowing == []


def test_overflow_measurement_catches_a_card_that_is_too_full(worst_case_site):
    def measure(base, chromium):
        page = chromium.new_page()
        page.goto(base + "kort/")
        page.evaluate("() => { const ol = document.querySelector('.mb-card-back ol');"
                      " ol.innerHTML += ol.innerHTML + ol.innerHTML; }")
        return page.locator(".mb-card-back").get_attribute("aria-label"), pdf.card_overflows(page)

    back, overflowing = pdf.with_browser(worst_case_site, measure)
    assert [o["label"] for o in overflowing] == [back]


def test_a_single_method_page_prints_without_the_website_around_it(pdfs, pdf_run, tmp_path):
    out = tmp_path / "metod.pdf"
    pdf.write_pdfs(pdfs / "site", [pdf.PdfJob("metoder/forsta-samtalet/", "Första samtalet", out)],
                   "Metodbanken", "23 november 2026")
    texts = page_texts(out)
    assert texts[0].startswith("Metodbanken Första samtalet Första samtalet")  # margin, then the page title
    whole = "\n".join(texts)
    for word in ("Lättläst", "Gruppstorlek", "Handledaren pratar med deltagaren."):
        assert word in whole, word
    for word in ("Sök", "Hoppa till", "Föreslå en ändring", "Metodkatalog", "Förankring Genomförande Efterarbete"):
        assert word not in whole, word


# -- page numbers, table of contents, bookmarks and fonts ------------------------------------------------------

TOC_LINE = re.compile(r"^\s*(?:\d+|[a-z])\.\s+(.+?)\s{2,}(\d+)\s*$")


def toc_entries(path: Path) -> list[tuple[str, int]]:
    """(title, page) of every numbered line of the table of contents, from page 1 to its last page."""
    entries: list[tuple[str, int]] = []
    for number in range(1, pages(path) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        found = [(m.group(1), int(m.group(2))) for m in map(TOC_LINE.match, text.splitlines()) if m]
        if not found:
            break
        entries += found
    return entries


def destinations(path: Path) -> dict[str, int]:
    """Named destination → page, as poppler reads them (pdfinfo -dests)."""
    out = subprocess.run(["pdfinfo", "-dests", str(path)], capture_output=True, text=True, check=True).stdout
    return {m.group(2): int(m.group(1)) for m in re.finditer(r'^\s*(\d+) \[.*?\] "(.+)"$', out, re.M)}


@pytest.mark.parametrize(("name", "header", "expected"), [
    ("metodbanken-forankring.pdf", "Metodbanken Förankring", ["Om fasen", "Första samtalet"]),
    ("metodbanken-hela-handboken.pdf", "Metodbanken Hela handboken",
     ["Kompetensutveckling i ASF", "Förankring", "Första samtalet", "Genomförande", TRICKY_TITLE,
      "Efterarbete och implementering", "Titta tillbaka", "Ordlista"]),
])
def test_table_of_contents_gives_the_page_where_each_heading_is(pdfs, pdf_run, name, header, expected):
    path = pdfs / "site" / "pdf" / name
    entries = toc_entries(path)
    assert [title for title, _ in entries] == expected
    texts = page_texts(path)
    for title, number in entries:
        assert texts[number - 1].startswith(f"{header} {title}"), (title, number, texts[number - 1][:80])
    numbers = [n for _, n in entries]
    assert numbers == sorted(numbers) and numbers[0] >= 2
    # the same pages as poppler finds for the chapters and methods the contents link to
    targets = {d: p for d, p in destinations(path).items() if d.startswith(("kapitel-", "metod-"))}
    assert set(targets.values()) == set(numbers), targets


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every bookmark."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    items: list[tuple[int, str, int]] = []

    def walk(nodes, depth):
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
            else:
                items.append((depth, node.title, reader.get_destination_page_number(node) + 1))

    walk(reader.outline, 0)
    return items


def test_chapter_and_whole_book_pdfs_have_bookmarks_for_chapters_and_methods(pdfs, pdf_run):
    whole = pdfs / "site" / "pdf" / "metodbanken-hela-handboken.pdf"
    marks = outline(whole)
    toc = dict(toc_entries(whole))
    by_title: dict[str, tuple[int, int]] = {}
    for depth, title, page in marks:  # the shallowest bookmark of a title (method sections are called Förankring…)
        if title not in by_title or depth < by_title[title][0]:
            by_title[title] = (depth, page)
    for title in ("Kompetensutveckling i ASF", "Förankring", "Genomförande", "Efterarbete och implementering",
                  "Ordlista", "Första samtalet", TRICKY_TITLE, "Titta tillbaka"):
        assert title in by_title, title
        assert by_title[title][1] == toc[title], title  # the bookmark opens the page the contents name
    assert by_title["Första samtalet"][0] > by_title["Förankring"][0]  # a method sits under its chapter
    chapter = outline(pdfs / "site" / "pdf" / "metodbanken-forankring.pdf")
    assert ("Första samtalet", 3) in {(title, page) for _, title, page in chapter}


def test_every_font_is_embedded_and_is_the_font_the_site_shows(pdfs, pdf_run):
    path = pdfs / "site" / "pdf" / "metodbanken-forankring.pdf"
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    fonts = set()
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", row  # emb
        fonts.add(columns[0].split("+")[-1])  # the PostScript name without the subset prefix

    def shown(base, chromium):
        page = chromium.new_page()
        page.goto(base + "utskrift/forankring/")
        page.emulate_media(media="print")
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": ".md-typeset, .md-typeset *"})["nodeIds"]
        names = set()
        for node in nodes:
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                names.add(font.get("postScriptName") or font["familyName"])
        return names

    families = pdf.with_browser(pdfs / "site", shown)
    # Every font the page shows is in the PDF. The header and footer are drawn by Chromium apart from the page,
    # with the system's fonts only (it does not see the site's web font there): at most one font more.
    assert families <= fonts, (fonts, families)
    assert len(fonts - families) <= 1, (fonts, families)


def test_a_print_page_printed_from_the_browser_has_page_numbers(pdfs, pdf_run, tmp_path):
    """Ctrl+P: no header or footer from us, so the page numbers come from print.css (CSS page margin boxes)."""
    def print_plain(base, chromium):
        page = chromium.new_page()
        out = {}
        for name, path in (("kapitel", "forankring/"), ("utskrift", "utskrift/forankring/"), ("kort", "kort/")):
            page.goto(base + path)
            pdf.prepare_for_print(page)
            out[name] = tmp_path / f"{name}.pdf"
            page.pdf(path=str(out[name]), prefer_css_page_size=True)
        return out

    files = pdf.with_browser(pdfs / "site", print_plain)
    for name in ("kapitel", "utskrift"):
        texts = page_texts(files[name])
        assert len(texts) >= (2 if name == "utskrift" else 1), name
        for number, text in enumerate(texts, 1):
            assert text.endswith(f"Sida {number} av {len(texts)}"), (name, text[-60:])
    assert not any("Sida 1 av" in t for t in page_texts(files["kort"]))  # a card is a card, without a number
