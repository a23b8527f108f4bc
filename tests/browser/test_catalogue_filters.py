"""The catalogue's filters in a real browser: results, URL state, back button, live region, phones, no JS."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from helpers import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def methods():
    """The repository's methods, loaded by the engine: the oracle the filtered table is compared with."""
    from metodbank import Settings, load_project

    project = load_project(Settings.for_root(REPO))
    return {m.id: m for m in project.catalogue.methods}


def expected(methods, phase=None, people=None, minutes=None, tag=None):
    ids = []
    for method in methods.values():
        if phase and phase not in method.phases:
            continue
        if tag and tag not in method.tags:
            continue
        if people and method.group_size and not method.group_size.min <= people <= method.group_size.max:
            continue
        if minutes and method.duration and method.duration.min > minutes:
            continue
        ids.append(method.id)
    return sorted(ids)


def visible_ids(page):
    return sorted(page.locator("#mb-catalogue tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.id)"))


def status(page):
    return page.locator("#mb-filter-status").inner_text().strip()


def query(page):
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_filters_find_methods_and_keep_the_state_in_the_url(page, site_url, methods):
    page.goto(site_url + "metoder/")
    total = len(methods)
    assert len(visible_ids(page)) == total
    assert status(page) == f"Katalogen visar alla {total} metoder."

    page.select_option("#mb-filter-fas", "follow_up")
    want = expected(methods, phase="follow_up")
    page.wait_for_function(f"document.querySelectorAll('#mb-catalogue tbody tr:not([hidden])').length === {len(want)}")
    assert visible_ids(page) == want
    assert query(page) == {"fas": "follow_up"}

    page.fill("#mb-filter-deltagare", "8")
    page.fill("#mb-filter-minuter", "60")
    page.locator("#mb-filter-minuter").blur()
    want = expected(methods, phase="follow_up", people=8, minutes=60)
    assert 0 < len(want) < total
    page.wait_for_function("new URLSearchParams(location.search).get('minuter') === '60'")
    assert visible_ids(page) == want
    assert query(page) == {"fas": "follow_up", "deltagare": "8", "minuter": "60"}
    page.wait_for_function(f"document.getElementById('mb-filter-status').textContent.startsWith('{len(want)} av')")
    assert status(page) == f"{len(want)} av {total} metoder passar filtren."

    # A shared link shows the same result; the form shows the filters.
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert visible_ids(other) == want
    assert other.input_value("#mb-filter-deltagare") == "8"
    assert other.input_value("#mb-filter-fas") == "follow_up"
    other.close()

    # The back button goes back through earlier filters.
    page.go_back()
    page.wait_for_function("!new URLSearchParams(location.search).has('minuter')")
    assert page.input_value("#mb-filter-minuter") == ""
    assert visible_ids(page) == expected(methods, phase="follow_up", people=8)
    page.go_back()
    page.wait_for_function("new URLSearchParams(location.search).get('fas') === 'follow_up' "
                           "&& !new URLSearchParams(location.search).has('deltagare')")
    assert visible_ids(page) == expected(methods, phase="follow_up")

    # "Visa alla metoder" clears every filter.
    page.click("text=Visa alla metoder")
    page.wait_for_function("location.search === ''")
    assert len(visible_ids(page)) == total


def test_free_text_tag_audience_and_difficulty(page, site_url, methods):
    page.goto(site_url + "metoder/?sok=SKUGGNING")
    assert visible_ids(page) == ["skuggning"]
    # Without diacritics and by a tag's alias or label.
    page.goto(site_url + "metoder/?sok=forankring")
    found = set(visible_ids(page))
    assert {m.id for m in methods.values() if "anchoring" in m.phases} <= found
    assert len(found) < len(methods)
    page.goto(site_url + "metoder/?tagg=reflektion")
    assert visible_ids(page) == expected(methods, tag="reflektion")
    page.goto(site_url + "metoder/?malgrupp=board&svarighet=easy")
    assert visible_ids(page) == sorted(m.id for m in methods.values()
                                       if "board" in m.audience and m.difficulty == "easy")


def test_no_match_says_so(page, site_url):
    page.goto(site_url + "metoder/?sok=xyzzy")
    assert visible_ids(page) == []
    assert status(page).startswith("Ingen metod passar filtren.")


def test_unknown_values_in_the_url_are_ignored(page, site_url, methods):
    page.goto(site_url + "metoder/?fas=nonsens&deltagare=abc")
    assert page.input_value("#mb-filter-fas") == ""
    assert len(visible_ids(page)) == len(methods)


def test_the_filter_count_is_announced_in_a_live_region(page, site_url):
    page.goto(site_url + "metoder/")
    region = page.locator("#mb-filter-status")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    for field in ("mb-filter-q", "mb-filter-fas", "mb-filter-malgrupp", "mb-filter-deltagare", "mb-filter-minuter",
                  "mb-filter-svarighet", "mb-filter-tagg"):
        label = page.locator(f"label[for={field}]")
        assert label.count() == 1 and label.inner_text().strip(), field


def test_without_javascript_every_method_is_listed(browser, site_url, methods):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "metoder/?fas=follow_up")
        assert page.locator("#mb-filters").is_hidden()
        assert len(visible_ids(page)) == len(methods)
        assert page.locator("#mb-catalogue tbody tr a.mb-row-add").count() == len(methods)
    finally:
        context.close()


def test_works_on_a_360_pixel_phone(page, site_url, methods):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "metoder/?fas=follow_up&deltagare=8&minuter=60")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    toggle = page.locator("#mb-filters-toggle")
    assert toggle.inner_text() == "Visa filtren (3 valda)"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    for field in ("#mb-filter-q", "#mb-filter-fas", "#mb-filter-deltagare", "#mb-filter-minuter"):
        box = page.locator(field).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, field
    rows = page.locator("#mb-catalogue tbody tr:visible")
    assert rows.count() == len(expected(methods, phase="follow_up", people=8, minutes=60))
    first = rows.first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= 360
    # Each card names its facts, since the column headings are not shown.
    labels = rows.first.locator("td").evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels[1:] == ['"Fas: "', '"Målgrupp: "', '"Gruppstorlek: "', '"Tid per träff: "', '"Svårighet: "']


@pytest.mark.parametrize("width", [360, 390])
def test_a_card_on_a_phone_uses_its_whole_width(page, site_url, width):
    """The desktop rule 'first cell 38 % wide' made every title and summary a narrow column on phones."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site_url + "metoder/")
    row = page.locator("#mb-catalogue tbody tr").first
    card, cell = row.bounding_box(), row.locator("td").first.bounding_box()
    assert cell["width"] >= card["width"] * 0.9, (cell, card)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_caption_says_what_is_shown(page, site_url, methods):
    total = len(methods)
    page.goto(site_url + "metoder/")
    caption = page.locator("#mb-catalogue caption")
    assert caption.inner_text().startswith(f"Alla {total} metoder")
    page.goto(site_url + "metoder/?fas=follow_up")
    shown = len(expected(methods, phase="follow_up"))
    assert caption.inner_text().startswith(f"{shown} av {total} metoder")


@pytest.mark.parametrize("words, wanted", [
    ("studiecirklar", "studiecirkel"),        # inflected form → the method's own word
    ("handledaren", None),                     # same hits as "handledare"
    ("sprakstod", "sprakstod-pa-jobbet"),     # without å, ä, ö
])
def test_the_text_box_matches_swedish_like_the_header_search(page, site_url, words, wanted):
    page.goto(site_url + "metoder/?sok=" + words)
    found = visible_ids(page)
    assert found, f"{words!r} finds nothing in the catalogue"
    if wanted:
        assert any(wanted in i for i in found), found
    else:
        page.goto(site_url + "metoder/?sok=handledare")
        assert visible_ids(page) == found


def test_on_a_phone_the_filters_fold_away_so_the_results_are_on_screen(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "metoder/")
    form = page.locator("#mb-filters")
    assert page.locator("#mb-filter-q").is_visible()
    assert page.locator("#mb-filter-fas").is_hidden()
    assert form.bounding_box()["height"] < 300
    first_row = page.locator("#mb-catalogue tbody tr").first.bounding_box()
    assert first_row["y"] < 844 * 1.5
    page.click("#mb-filters-toggle")
    page.select_option("#mb-filter-fas", "follow_up")
    expect(page.locator("#mb-filters-toggle")).to_have_text("Dölj filtren (1 valt)")
    # On a desktop every filter shows and there is no button.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "metoder/")
    assert page.locator("#mb-filter-fas").is_visible()
    assert page.locator("#mb-filters-toggle").is_hidden()
