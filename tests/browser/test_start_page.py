"""The start page answers in five seconds, on a phone and a desktop: what this is, a search box, the catalogue,
the planner and the three phases are all on the first screen; the longer introduction comes below."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import format_violations

pytestmark = pytest.mark.browser

FIRST_SCREEN = {
    "search box": "#mb-home-q",
    "catalogue": ".mb-home-tools a[href*='metoder']",
    "planner": ".mb-home-tools a[href*='planera']",
    "Förankring": ".mb-home-phases a[href*='forankring']",
    "Genomförande": ".mb-home-phases a[href*='genomforande']",
    "Efterarbete": ".mb-home-phases a[href*='efterarbete']",
}


@pytest.mark.parametrize("width, height", [(360, 740), (390, 844), (1280, 800)])
def test_everything_that_matters_is_on_the_first_screen(page, site_url, axe, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url)
    title = page.locator(".mb-hero h1")
    expect(title).to_have_text("Metodbanken")
    # The title is in the text colour, not a light grey.
    assert page.evaluate("getComputedStyle(document.querySelector('.mb-hero h1')).color") in (
        "rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)")
    assert "arbetsintegrerande sociala företag" in page.locator(".mb-hero-lead").inner_text()
    for name, selector in FIRST_SCREEN.items():
        box = page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, f"{name} is not on the first screen"
    # The longer introduction is below.
    intro = page.get_by_role("heading", name="Om Metodbanken").bounding_box()
    assert intro["y"] > page.locator(FIRST_SCREEN["Efterarbete"]).bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_the_search_box_on_the_start_page_searches(page, site_url):
    page.goto(site_url)
    page.get_by_label("Vad behöver ni lära er, eller vem ska lära sig?").fill("skuggning")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.locator(".md-search-result__item").first).to_contain_text("Skuggning", timeout=15_000)


def test_the_cards_lead_on(page, site_url):
    page.goto(site_url)
    page.locator(FIRST_SCREEN["catalogue"]).click()
    page.wait_for_url("**/metoder/")
    page.goto(site_url)
    page.locator(FIRST_SCREEN["planner"]).click()
    page.wait_for_url("**/planera/")
