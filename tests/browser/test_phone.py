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


PAGE_TYPES = {
    "start": "",
    "chapter": "forankring/",
    "catalogue": "metoder/?fas=follow_up",
    "method": "metoder/skuggning/",
    "tags": "taggar/",
    "planner": "planera/?plan=skuggning.30_larlogg.20",
    "field page": "bidra/falt/",
    "glossary": "ordlista/",
    "print hub": "utskrift/",
    "404": "404.html",
}

# Controls and links that stand on their own (links inside running text are exempt, WCAG 2.5.5).
TARGETS = ("button, input:not([type=checkbox]):not([type=radio]), select, textarea, a.md-button, a.mb-tag, "
           "a.mb-row-add, .md-header__button, .md-search__icon, a.mb-edit, .grid.cards a, a.md-top")

SMALL_TARGETS = """(selector) => {
  const visible = (e) => {
    for (let n = e; n && n !== document; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
    }
    return true;
  };
  const small = [];
  for (const e of document.querySelectorAll(selector)) {
    const b = e.getBoundingClientRect();
    if (!b.width || !b.height || b.right <= 0 || b.left >= innerWidth || !visible(e)) continue;
    if (b.width < 43.5 || b.height < 43.5) {
      small.push(`${e.tagName}.${e.className} "${(e.textContent || e.value || '').trim().slice(0, 30)}" `
                 + `${Math.round(b.width)}×${Math.round(b.height)}`);
    }
  }
  return small;
}"""

OVERFLOW = """() => {
  const wide = [];
  for (const e of document.querySelectorAll('body *')) {
    const b = e.getBoundingClientRect();
    if (b.width && b.right > innerWidth + 1 && !e.closest('.md-typeset__scrollwrap.mb-scrolls')
        // (the catalogue's column headings are visually hidden on phones: clipped to 1 px)
        && !e.closest('.md-sidebar, .md-search, [hidden], .mb-sr-only, .md-skip, .mb-catalogue thead')) {
      wide.push(`${e.tagName}.${e.className} ${Math.round(b.right)}`);
    }
  }
  return wide.slice(0, 10);
}"""


@pytest.mark.parametrize("width, height", [(360, 740), (390, 844)])
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_phone_pass(page, site_url, axe, path, width, height):
    """No sideways overflow except inside tables that visibly scroll; tap targets 44 px; axe clean."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOW) == []
    assert page.evaluate(SMALL_TARGETS, TARGETS) == []
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_the_open_search_dialog_has_big_enough_buttons(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("skuggning")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate(SMALL_TARGETS, ".md-search__icon") == []


PHONES = ((360, 740), (390, 844))


def test_facts_and_the_planner_button_within_a_screen_and_a_half(page, site_url):
    """On every method page, on each phone: the fact box starts and 'Lägg till i workshopplanen' ends within
    1.5 screens. Each page is loaded once and laid out at each phone's size in turn."""
    from metodbank import Settings, load_project

    from helpers import REPO

    for method in load_project(Settings.for_root(REPO)).catalogue.methods:
        page.set_viewport_size({"width": PHONES[0][0], "height": PHONES[0][1]})
        page.goto(site_url + f"metoder/{method.id}/")
        for width, height in PHONES:
            page.set_viewport_size({"width": width, "height": height})
            facts = page.locator(".mb-facts").first.bounding_box()
            button = page.locator("a.mb-plan-add-link").bounding_box()
            assert facts["y"] < height, f"{method.id} at {width} px: the facts start below the first screen"
            assert button["y"] + button["height"] <= 1.5 * height, \
                f"{method.id} at {width} px: the planner button is too far down"
