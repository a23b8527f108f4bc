"""The offline copy (`metodbank offline`) opened from disk (file://) in Chromium: search, filters, planner."""

from __future__ import annotations


import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser


def test_search_works_from_disk(page, offline_copy):
    page.goto(offline_copy + "index.html")
    page.locator("input.md-search__input").press_sequentially("skuggning")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("Skuggning")


def test_filters_and_planner_work_from_disk(page, offline_copy):
    page.goto(offline_copy + "metoder/index.html?fas=follow_up&deltagare=8")
    expect(page.locator("#mb-filter-status")).to_contain_text("metoder passar filtren")
    page.goto(offline_copy + "metoder/skuggning.html")
    page.click("a.mb-plan-add-link")
    page.wait_for_url("**/planera.html*")
    expect(page.locator("#mb-plan-list")).to_contain_text("Skuggning")
    expect(page.locator("#mb-handout")).to_contain_text("Deltagaren följer kollegan")
    # A file:/// address means nothing to anyone else: the plan is given as the page name and the plan.
    assert page.input_value("#mb-plan-link").startswith("planera.html?plan=skuggning.")
    expect(page.locator("#mb-plan-link-hint")).to_contain_text("kopia av Metodbanken som ligger på den här datorn")


@pytest.mark.parametrize("path", ["index.html", "metoder/index.html", "metoder/skuggning.html", "planera.html"])
def test_no_request_leaves_the_computer(page, offline_copy, path):
    """Opened from disk, a page asks no host at all: no fonts from Google, no statistics from GitHub."""
    found = []
    page.on("request", lambda request: found.append(request.url)
            if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    page.goto(offline_copy + path)
    page.wait_for_load_state("networkidle")
    assert not found, f"{path} asks other hosts: {found}"


def test_method_editor_works_from_disk(page, offline_copy):
    """The editor and "Ändra i formuläret" need no server: the method's data is a script file beside the page."""
    page.goto(offline_copy + "metoder/skuggning.html")
    page.get_by_role("link", name="Ändra i formuläret (Skuggning)").click()
    page.wait_for_url("**/bidra/skriv.html*")
    expect(page.locator("#mb-editor-status")).to_contain_text("Formuläret visar metoden Skuggning")
    page.click("#mb-editor-check")
    expect(page.locator("#mb-editor-status")).to_contain_text("Metoden klarar kontrollen")
    expect(page.locator("#mb-editor-file")).to_contain_text("title: Skuggning")
