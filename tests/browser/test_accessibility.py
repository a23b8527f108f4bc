"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the kinds of pages people use."""

from __future__ import annotations

import pytest

from browser_support import format_violations

pytestmark = pytest.mark.browser

PAGES = {
    "startsidan": "",
    "faskapitel": "forankring/",
    "metod": "metoder/skuggning/",
    "katalog med filter": "metoder/?fas=follow_up&deltagare=8&minuter=60",
    "katalog utan träffar": "metoder/?sok=finnsintealls",
    "planeraren med en plan": "planera/?namn=V%C3%A5rens+workshop&plan=skuggning.30_larlogg.20_borttagen-metod.15",
    "tom planerare": "planera/",
    "taggar": "taggar/",
    "sökresultat": "?q=skuggning",
    "tillgänglighetsredogörelsen": "tillganglighetsredogorelse/",
    "sidan finns inte": "404.html",
    "fältsidan": "bidra/falt/",
    "sökning utan träffar": "?q=finnsintealls",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(page, site_url, axe, path):
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    violations = axe(page)
    assert not violations, f"axe-core violations on /{path}:\n{format_violations(violations)}"


def test_no_axe_violations_on_a_phone(page, site_url, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "metoder/?fas=follow_up&deltagare=8")
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_no_axe_violations_on_a_print_page(page, site_url, built_site, axe):
    if not (built_site / "utskrift" / "forankring" / "index.html").exists():
        pytest.skip("utskrift/forankring/ finns inte i den byggda webbplatsen än (utskriftssidorna saknas)")
    page.goto(site_url + "utskrift/forankring/")
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_pages_are_swedish_and_have_a_skip_link(page, site_url):
    for path in ("", "metoder/", "planera/", "metoder/skuggning/"):
        page.goto(site_url + path)
        assert page.locator("html").get_attribute("lang") == "sv"
        skip = page.locator("a.md-skip")
        assert skip.count() == 1 and skip.inner_text().strip() == "Gå till innehållet"


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_in_the_states_people_meet(page, site_url, axe, width):
    """Issue 18's states: the phone filters opened, a shared plan that replaced a stored one (the notice),
    a duplicate warned, a wide table focused on a phone."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site_url + "metoder/?fas=delivery")
    if page.locator("#mb-filters-toggle").is_visible():
        page.click("#mb-filters-toggle")
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.goto(site_url + "planera/?plan=larlogg.20")
    page.goto(site_url + "planera/?namn=Delad&plan=skuggning.30")
    page.locator("#mb-plan-notice").wait_for()
    page.select_option("#mb-plan-add", "skuggning")
    page.click("#mb-plan-add-button")
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.goto(site_url + "bidra/falt/")
    page.keyboard.press("Tab")
    violations = axe(page)
    assert not violations, format_violations(violations)
