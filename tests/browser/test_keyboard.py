"""Keyboard only: from the start page, find a method for "8 deltagare, högst 60 minuter, uppföljning" and
put it into a printed workshop plan, without ever using the mouse. Focus is always visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          shadow: style.boxShadow !== 'none'};
}"""


def focused(page) -> dict:
    return page.evaluate(r"""() => {
      const el = document.activeElement;
      return {tag: el.tagName, id: el.id, text: (el.textContent || el.value || '').replace(/\s+/g, ' ').trim(),
              href: el.getAttribute('href') || '', label: el.labels && el.labels[0] ? el.labels[0].innerText : ''};
    }""")


def tab_to(page, matches, limit: int = 120, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        current = focused(page)
        if matches(current):
            return current
    raise AssertionError(f"never reached the element by keyboard; last focus: {focused(page)}")


def assert_focus_visible(page):
    style = page.evaluate(FOCUS_STYLE)
    assert style["outline"] or style["shadow"], f"no visible focus on {focused(page)}"


def test_keyboard_only_from_start_page_to_printed_plan(page, site_url):
    page.add_init_script("window.__prints = 0; window.print = () => { window.__prints += 1; };")
    page.goto(site_url)

    # The first Tab reaches the skip link, and it is visible when focused.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Gå till innehållet"
    assert page.locator("a.md-skip").is_visible()

    # To the catalogue through the navigation.
    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == "Metodkatalog")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/metoder/")

    # Phase: Efterarbete och implementering (arrow keys on the closed select).
    tab_to(page, lambda f: f["id"] == "mb-filter-fas")
    assert_focus_visible(page)
    while page.input_value("#mb-filter-fas") != "follow_up":
        page.keyboard.press("ArrowDown")
    tab_to(page, lambda f: f["id"] == "mb-filter-deltagare")
    assert_focus_visible(page)
    page.keyboard.type("8")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "mb-filter-minuter"
    page.keyboard.type("60")
    page.keyboard.press("Tab")
    expect(page.locator("#mb-filter-status")).to_contain_text("metoder passar filtren")
    assert "fas=follow_up" in page.url and "deltagare=8" in page.url and "minuter=60" in page.url

    # The first matching method's "Lägg till … i workshopplanen" link (hidden rows are skipped by Tab).
    first = page.locator("#mb-catalogue tbody tr:visible").first
    title = first.locator("td a").first.inner_text()
    reached = tab_to(page, lambda f: "planera" in f["href"])
    assert reached["text"] == f"Lägg till {title} i workshopplanen"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/planera/**")
    expect(page.locator("#mb-plan-status")).to_contain_text(f"{title} har lagts till i planen")

    # Set the minutes and print.
    tab_to(page, lambda f: f["id"] == "mb-plan-minutes-0")
    assert_focus_visible(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("45")
    page.keyboard.press("Tab")
    expect(page.locator("#mb-plan-total")).to_have_text("45 minuter")
    tab_to(page, lambda f: f["id"] == "mb-plan-print")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("window.__prints") == 1
    page.emulate_media(media="print")
    handout = page.locator("#mb-handout")
    assert handout.is_visible()
    assert f"{title} – 45 minuter" in handout.inner_text()


def test_keyboard_reorder_keeps_focus_on_the_moved_method(page, site_url):
    page.goto(site_url + "planera/?plan=larlogg.20_skuggning.30_utvecklande-reflektion.40")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"].startswith("Flytta ner")
           and "Lärlogg" in f["text"])
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert focused(page)["text"].startswith("Flytta ner") and "Lärlogg" in focused(page)["text"]
    page.keyboard.press("Space")
    names = page.locator("#mb-plan-list > li .mb-plan-title a").all_inner_texts()
    assert names == ["Skuggning", "Utvecklande reflektion", "Lärlogg"]
    # At the bottom "Flytta ner" is disabled, so focus moves to "Flytta upp" for the same method.
    current = focused(page)["text"]
    assert current.startswith("Flytta upp") and "Lärlogg" in current


def test_every_filter_and_planner_control_is_reachable_by_tab(page, site_url):
    page.goto(site_url + "metoder/")
    seen = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        seen.add(focused(page)["id"])
        if {"mb-filter-q", "mb-filter-fas", "mb-filter-malgrupp", "mb-filter-deltagare", "mb-filter-minuter",
                "mb-filter-svarighet", "mb-filter-tagg"} <= seen:
            break
    else:
        raise AssertionError(f"filters not all reachable by Tab; reached {sorted(i for i in seen if i)}")
    page.goto(site_url + "planera/?plan=larlogg.20")
    wanted = {"mb-plan-name", "mb-plan-minutes-0", "mb-plan-add", "mb-plan-add-button", "mb-plan-print",
              "mb-plan-clear", "mb-plan-link", "mb-plan-copy"}
    seen = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        seen.add(focused(page)["id"])
        if wanted <= seen:
            break
    else:
        raise AssertionError(f"planner controls not all reachable by Tab; missing {sorted(wanted - seen)}")


def test_every_early_tab_stop_is_something_visible(page, site_url):
    """The first Tab stops on a page are all visible controls with a name: Material's palette switch (an
    invisible radio input) and the empty search result list used to be the third and fifth."""
    page.goto(site_url + "metoder/skuggning/")
    for number in range(1, 9):
        page.keyboard.press("Tab")
        stop = page.evaluate(r"""() => {
          const el = document.activeElement;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '')
            .replace(/\s+/g, ' ').trim();
          return {tag: el.tagName, cls: el.className, width: box.width, height: box.height, name: name,
                  visibility: style.visibility};
        }""")
        assert stop["width"] >= 8 and stop["height"] >= 8 and stop["visibility"] == "visible", \
            f"Tab stop {number} is invisible: {stop}"
        assert stop["name"], f"Tab stop {number} has no name: {stop}"
