"""What a reader sees is Swedish and for readers: the 404 page, the footer, the field page's examples, and no
developer commands or project files on reader pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_support import format_violations

pytestmark = pytest.mark.browser


def test_the_404_page_is_swedish_with_search_and_ways_on(page, site_url, axe):
    page.goto(site_url + "404.html")
    expect(page.locator("h1")).to_have_text("Sidan finns inte")
    assert "Not found" not in page.locator("article").inner_text()
    for name in ("Startsidan", "Metodkatalogen", "Taggar", "Planera en workshop", "Förankring"):
        expect(page.locator("article").get_by_role("link", name=name, exact=True)).to_be_visible()
    page.locator("article").get_by_role("link", name="Metodkatalogen", exact=True).click()
    page.wait_for_url("**/metoder/")
    page.goto(site_url + "404.html")
    page.get_by_label("Sök efter det du letade efter").fill("skuggning")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.locator(".md-search-result__item").first).to_contain_text("Skuggning", timeout=15_000)
    page.goto(site_url + "404.html")
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_the_footer_is_swedish(page, site_url):
    page.goto(site_url)
    footer = page.locator("footer").inner_text()
    assert "Made with" not in footer
    assert "Webbplatsen är byggd med" in footer


def test_field_examples_are_copyable_as_written(page, site_url):
    """The examples on the field page are code as it is written in a method file: no backslashes."""
    page.goto(site_url + "bidra/falt/")
    examples = page.locator("table tbody tr td:last-child code").all_inner_texts()
    assert examples and not [e for e in examples if "\\" in e], examples
    assert any(e.startswith("easy_read: ") for e in examples)
    assert "group_size:" in examples
    assert any(e.startswith("anchoring: [Välj ") for e in examples)


DEV_WORDS = re.compile(r"metodbank (pdf|check|new|schema|offline)|vocabulary\.yml|hooks/metodbank")


def test_reader_pages_carry_no_developer_text(built_site):
    """Commands and project files belong on the contributor pages (bidra/), not where readers read."""
    offenders = []
    for html in built_site.rglob("*.html"):
        relative = html.relative_to(built_site).as_posix()
        if relative.startswith("bidra/"):
            continue
        article = re.search(r"<article.*?</article>", html.read_text(encoding="utf-8"), re.S)
        if article and DEV_WORDS.search(re.sub(r"<[^>]+>", "", article.group(0))):
            offenders.append(relative)
    assert not offenders, offenders


def swedish(text: str) -> str:
    return text.lower().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"}))


def test_the_tag_page_is_in_alphabetical_order_with_an_overview(page, site_url):
    page.goto(site_url + "taggar/")
    headings = [h.replace("¶", "").strip() for h in page.locator("article h2").all_inner_texts()]
    assert len(headings) > 10 and headings == sorted(headings, key=swedish)
    overview = page.get_by_role("navigation", name="Alla taggar")
    chips = overview.locator("a").all_inner_texts()
    assert [c.rsplit(" (", 1)[0] for c in chips] == headings
    assert overview.bounding_box()["y"] < 900
    # From a tag to the catalogue, filtered on it.
    link = page.locator("article a[href*='metoder/?tagg=']").first
    assert link.inner_text().endswith("i metodkatalogen")
    tag = link.get_attribute("href").split("tagg=")[1]
    link.click()
    page.wait_for_url(f"**/metoder/?tagg={tag}")
    expect(page.locator("#mb-filter-tagg")).to_have_value(tag)


def test_a_tag_chip_opens_the_catalogue_filtered_on_the_tag(page, site_url):
    page.goto(site_url + "metoder/skuggning/")
    chip = page.locator("a.mb-tag").first
    name = chip.inner_text()
    chip.click()
    page.wait_for_url("**/metoder/?tagg=*")
    expect(page.locator("#mb-filter-status")).to_contain_text("metoder passar filtren")
    selected = page.locator("#mb-filter-tagg option:checked").inner_text()
    assert selected == name
