"""No request leaves the site: no web fonts from Google, no repository statistics from GitHub, nothing else.

Every request a page makes is recorded; any to a host other than the local server (or to no host: file://,
data:, blob:) fails the test. The offline copy opened from disk is checked in test_offline_copy.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = ["", "forankring/", "metoder/", "metoder/skuggning/", "taggar/", "planera/", "bidra/falt/",
              "finns-inte/", "?q=skuggning"]


def outside_requests(page, base: str) -> list[str]:
    """Start recording every request of `page`; returns the (live) list of those that leave `base`'s host."""
    own = urlsplit(base).netloc
    found: list[str] = []

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("file", "data", "blob", "about"):
            return
        if parts.netloc != own:
            found.append(request.url)

    page.on("request", record)
    return found


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_to_another_host(page, site_url, path):
    found = outside_requests(page, site_url)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    if path.startswith("?q="):
        page.locator("input.md-search__input").fill("")  # Material may already have put ?q= in the field
        page.locator("input.md-search__input").press_sequentially(path[3:])  # key by key, as a person types
        page.locator(".md-search-result__item").first.wait_for()
    assert not found, f"/{path} asks other hosts: {found}"


def test_the_site_declares_a_font_it_serves_itself(page, site_url, built_site):
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.fonts.check('16px Roboto')")
    assert page.evaluate("[...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Roboto' "
                         "&& f.status === 'loaded')")
    assert (built_site / "assets" / "fonts" / "OFL.txt").exists()


def test_the_browser_reaches_no_host_but_this_machine(page, site_url):
    """The tests' (and `metodbank pdf`'s) Chromium resolves no host name: `localhost` is this very server
    under another name, which a browser without the rule would reach."""
    page.goto(site_url)
    same_server = site_url.replace("127.0.0.1", "localhost")
    outcome = page.evaluate("url => fetch(url, {mode: 'no-cors'}).then(() => 'reached', () => 'refused')",
                            same_server)
    assert outcome == "refused"
    assert page.evaluate("url => fetch(url).then(r => r.status)", site_url) == 200
