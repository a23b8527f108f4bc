"""The workshop planner in a real browser: add, reorder, minutes, total, phases, print, share, storage."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def titles(page):
    return page.locator("#mb-plan-list > li .mb-plan-title a").all_inner_texts()


def plan_param(page):
    return parse_qs(urlsplit(page.url).query).get("plan", [""])[0]


def test_add_from_a_method_page_and_the_catalogue(page, site_url):
    page.goto(site_url + "metoder/skuggning/")
    page.click("a.mb-plan-add-link")
    page.wait_for_url("**/planera/**")
    assert titles(page) == ["Skuggning"]
    expect(page.locator("#mb-plan-status")).to_contain_text("Skuggning har lagts till i planen")
    assert plan_param(page) == "skuggning.120"  # the shortest session of the method; ?add= is gone

    page.goto(site_url + "metoder/?fas=follow_up")
    page.locator("#mb-catalogue tr[data-id=larlogg] a.mb-row-add").click()
    page.wait_for_url("**/planera/**")
    assert titles(page) == ["Skuggning", "Lärlogg"]


def test_reorder_minutes_total_and_phases(page, site_url):
    page.goto(site_url + "planera/")
    assert page.locator("#mb-plan-empty").is_visible()
    for method_id in ("skuggning", "larlogg", "utvecklande-reflektion"):
        page.select_option("#mb-plan-add", method_id)
        page.click("#mb-plan-add-button")
    assert titles(page) == ["Skuggning", "Lärlogg", "Utvecklande reflektion"]

    page.fill("#mb-plan-minutes-0", "20")
    page.fill("#mb-plan-minutes-1", "15")
    page.fill("#mb-plan-minutes-2", "30")
    page.locator("#mb-plan-minutes-2").blur()
    assert page.locator("#mb-plan-total").inner_text() == "65 minuter (1 timme 5 minuter)"
    assert page.locator("#mb-plan-phases").inner_text() == "Genomförande och Efterarbete och implementering"
    # Every method's handout has steps for all three phases, so no phase is said to be missing.
    assert page.locator("#mb-plan-lacking").count() == 0

    # Move the last method up; focus stays on the moved method's button.
    page.locator("#mb-plan-list > li").nth(2).get_by_role("button", name="Flytta upp").click()
    assert titles(page) == ["Skuggning", "Utvecklande reflektion", "Lärlogg"]
    focused = page.evaluate("document.activeElement.textContent")
    assert "Flytta upp" in focused and "Utvecklande reflektion" in focused
    expect(page.locator("#mb-plan-status")).to_contain_text("Utvecklande reflektion ligger nu på plats 2 av 3")
    assert plan_param(page) == "skuggning.20_utvecklande-reflektion.30_larlogg.15"

    page.locator("#mb-plan-list > li").nth(0).get_by_role("button", name="Ta bort").click()
    assert titles(page) == ["Utvecklande reflektion", "Lärlogg"]
    assert page.locator("#mb-plan-total").inner_text() == "45 minuter"


def test_print_a_handout_with_each_methods_steps(page, site_url):
    page.add_init_script(COUNT_PRINTS)
    page.goto(site_url + "planera/?namn=Uppf%C3%B6ljning+med+handledarna&plan=larlogg.20_utvecklande-reflektion.40")
    page.click("#mb-plan-print")
    assert page.evaluate("window.__prints") == 1

    page.emulate_media(media="print")
    assert page.locator("#mb-planner-editor").is_hidden()
    assert page.locator("h1").is_hidden()
    handout = page.locator("#mb-handout")
    assert handout.is_visible()
    text = handout.inner_text()
    assert "Uppföljning med handledarna" in text
    assert "Total tid: 60 minuter (1 timme)" in text
    assert "Lärlogg – 20 minuter" in text and "Utvecklande reflektion – 40 minuter" in text
    assert text.index("Lärlogg") < text.index("Utvecklande reflektion")
    # Each method's short steps are on the handout.
    steps = page.evaluate("JSON.parse(document.getElementById('mb-methods').textContent)"
                          ".methods.find(m => m.id === 'larlogg').steps")
    for phase_steps in steps.values():
        for step in phase_steps:
            assert step in text
    # The site's header, navigation and footer are not printed.
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).is_hidden(), selector


def test_share_as_a_link(page, site_url, browser):
    page.goto(site_url + "planera/?add=larlogg")
    page.fill("#mb-plan-name", "Vårens träff")
    page.fill("#mb-plan-minutes-0", "25")
    page.locator("#mb-plan-minutes-0").blur()
    link = page.input_value("#mb-plan-link")
    assert link == page.url
    # Someone else, with an empty browser, opens the link and sees the same plan.
    other = browser.new_context()
    try:
        them = other.new_page()
        them.goto(link)
        assert titles(them) == ["Lärlogg"]
        assert them.input_value("#mb-plan-name") == "Vårens träff"
        assert them.input_value("#mb-plan-minutes-0") == "25"
    finally:
        other.close()


def test_the_plan_is_kept_in_local_storage(page, site_url):
    page.goto(site_url + "planera/?add=larlogg")
    page.goto(site_url + "metoder/")
    page.goto(site_url + "planera/")
    assert titles(page) == ["Lärlogg"]


def test_a_method_that_no_longer_exists(page, site_url):
    page.goto(site_url + "planera/?plan=borttagen-metod.30_larlogg.20")
    missing = page.locator("#mb-plan-list > li.mb-plan-missing")
    assert missing.count() == 1
    assert "”borttagen-metod” finns inte längre i Metodbanken" in missing.inner_text()
    assert page.locator("#mb-plan-total").inner_text() == "20 minuter"
    assert "finns inte längre" in page.locator("#mb-handout").inner_text()
    missing.get_by_role("button", name="Ta bort").click()
    assert page.locator("#mb-plan-list > li.mb-plan-missing").count() == 0
    assert plan_param(page) == "larlogg.20"


def test_adding_an_unknown_method_says_so(page, site_url):
    page.goto(site_url + "planera/?add=finns-inte")
    expect(page.locator("#mb-plan-status")).to_contain_text("finns inte i Metodbanken")


def test_without_javascript_the_planner_says_what_it_needs(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "planera/")
        assert "Planeraren behöver JavaScript" in page.locator("main").inner_text()
        assert page.locator("#mb-planner-editor").is_hidden()
    finally:
        context.close()


def test_opening_a_shared_plan_keeps_the_stored_plan_one_click_away(page, site_url):
    page.goto(site_url + "planera/?namn=Min+plan&plan=larlogg.20_skuggning.30")
    page.goto(site_url + "planera/?namn=Delad+plan&plan=utvecklande-reflektion.40")
    assert titles(page) == ["Utvecklande reflektion"]
    notice = page.locator("#mb-plan-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Du har öppnat en delad plan (Delad plan)")
    expect(notice).to_contain_text("(Min plan), med 2 metoder")
    page.get_by_role("button", name="Ta tillbaka min tidigare plan").click()
    assert titles(page) == ["Lärlogg", "Skuggning"]
    assert page.input_value("#mb-plan-name") == "Min plan"
    assert plan_param(page) == "larlogg.20_skuggning.30"
    expect(notice).to_be_hidden()
    # Reopening the same shared link again offers the way back again; the same plan twice does not.
    page.goto(site_url + "planera/?namn=Min+plan&plan=larlogg.20_skuggning.30")
    expect(notice).to_be_hidden()


def test_adding_a_method_that_is_already_in_the_plan_asks_first(page, site_url):
    page.goto(site_url + "planera/?plan=skuggning.30_larlogg.20")
    page.goto(site_url + "planera/?add=skuggning")
    assert titles(page) == ["Skuggning", "Lärlogg"]
    expect(page.locator("#mb-plan-notice")).to_contain_text("Skuggning finns redan i planen, på plats 1 av 2")
    page.get_by_role("button", name="Lägg till Skuggning en gång till").click()
    assert titles(page) == ["Skuggning", "Lärlogg", "Skuggning"]
    page.select_option("#mb-plan-add", "larlogg")
    page.click("#mb-plan-add-button")
    assert titles(page) == ["Skuggning", "Lärlogg", "Skuggning"]
    expect(page.locator("#mb-plan-notice")).to_contain_text("Lärlogg finns redan i planen")


def test_the_confirmation_is_on_screen_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "metoder/skuggning/")
    page.click("a.mb-plan-add-link")
    page.wait_for_url("**/planera/**")
    status = page.locator("#mb-plan-status")
    expect(status).to_contain_text("Skuggning har lagts till i planen")
    box = status.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box


def test_clock_times_from_a_chosen_start(page, site_url):
    page.goto(site_url + "planera/?plan=skuggning.30_larlogg.20")
    items = page.locator("#mb-plan-list > li .mb-plan-clock")
    assert items.all_inner_texts() == ["Kl. 09:00–09:30", "Kl. 09:30–09:50"]
    page.fill("#mb-plan-start", "13:15")
    page.fill("#mb-plan-date", "2026-12-03")
    page.locator("#mb-plan-date").blur()
    assert items.all_inner_texts() == ["Kl. 13:15–13:45", "Kl. 13:45–14:05"]
    handout = page.locator("#mb-handout").inner_text()
    assert "3 december 2026, kl. 13:15–14:05. Total tid: 50 minuter." in handout
    assert "Kl. 13:45–14:05." in handout
    query = parse_qs(urlsplit(page.url).query)
    assert query["start"] == ["13:15"] and query["datum"] == ["2026-12-03"]
    page.goto(page.url)
    assert items.all_inner_texts() == ["Kl. 13:15–13:45", "Kl. 13:45–14:05"]


def test_the_printed_handout_fits_several_methods_on_a_page(page, site_url, tmp_path):
    """Three methods used to take three half-empty pages: every method started on a new page."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (Debian poppler-utils) saknas")
    page.goto(site_url + "planera/?namn=Test&plan=skuggning.30_larlogg.20_utvecklande-reflektion.40")
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    for title in ("Skuggning – 30 minuter", "Lärlogg – 20 minuter", "Utvecklande reflektion – 40 minuter"):
        assert title in first, f"{title!r} is not on the first page"
