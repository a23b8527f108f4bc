"""Phones (360 and 390 px wide): nothing sticks out sideways except tables that visibly scroll, the facts and
the planner button come early, and every tap target is big enough."""

from __future__ import annotations

import pytest

from browser_support import format_violations

pytestmark = pytest.mark.browser

WIDE_TABLE_PAGES = ["kompetensutveckling-i-asf/", "efterarbete/", "bidra/falt/"]


@pytest.mark.parametrize("path", WIDE_TABLE_PAGES)
def test_a_wide_table_says_it_scrolls_and_scrolls_by_keyboard(page, site_url, axe, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wraps = page.locator(".md-typeset__scrollwrap")
    wide = [i for i in range(wraps.count())
            if wraps.nth(i).evaluate("w => w.scrollWidth > w.clientWidth + 1")]
    assert wide, f"no table on /{path} is wider than a phone; pick another page"
    for i in wide:
        wrap = wraps.nth(i)
        assert wrap.get_attribute("tabindex") == "0"
        assert wrap.get_attribute("role") == "region"
        assert wrap.get_attribute("aria-label").startswith("Tabell")
        hint = page.locator("#" + wrap.get_attribute("aria-describedby"))
        assert hint.is_visible() and "rulla i sidled" in hint.inner_text()
    first = wraps.nth(wide[0])
    first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=first.element_handle())
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_a_table_that_fits_is_not_a_tab_stop(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "efterarbete/")
    wraps = page.locator(".md-typeset__scrollwrap")
    for i in range(wraps.count()):
        if wraps.nth(i).evaluate("w => w.scrollWidth <= w.clientWidth + 1"):
            assert wraps.nth(i).get_attribute("tabindex") is None
    assert page.locator(".mb-table-hint:visible").count() == 0
