"""Every page type works under the site's Content-Security-Policy, and the browser reports no violation.

Each page is opened in real Chromium with the policy in force (the context does not bypass CSP). A listener
added before any page script collects `securitypolicyviolation` events, and console errors are collected
too; after the page's behaviour has been exercised both lists must be empty. A control test injects an
inline event handler and checks that the browser refuses it and the listener sees that, so the empty
lists mean something.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser

LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""


@pytest.fixture
def strict_page(browser):
    """A page whose context enforces the site's CSP, with violations and console errors recorded."""
    ctx = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900}, bypass_csp=False)
    ctx.set_default_timeout(15_000)
    ctx.add_init_script(LISTEN)
    page = ctx.new_page()
    page.console_errors = []
    page.js_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.js_errors.append(str(e)))
    try:
        yield page
    finally:
        ctx.close()


def violations(page) -> list[str]:
    found = page.evaluate("window.__csp || []")
    found += [m for m in page.console_errors if "Content Security Policy" in m or "Content-Security-Policy" in m]
    return found


def assert_clean(page) -> None:
    assert violations(page) == []
    # The offline copy asks for Google's fonts, which the browser cannot resolve (CHROMIUM_ARGS); not a CSP error.
    errors = [m for m in page.console_errors if "net::ERR_FAILED" not in m and "Failed to load resource" not in m]
    assert errors == [] and page.js_errors == []


def test_every_page_has_a_policy_without_unsafe_inline(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1, path
        policy = text.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        for directive in ("script-src 'self'", "frame-src 'none'", "object-src 'none'", "base-uri 'self'",
                          "form-action 'self'", "connect-src 'self';"):  # fetches: the site only, no GitHub API
            assert directive in policy, (path, directive)


def test_the_policy_blocks_an_injected_handler_and_the_listener_sees_it(strict_page, site_url):
    strict_page.goto(site_url + "metoder/skuggning/")
    strict_page.evaluate("""() => {
        window.__ran = false;
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__ran = true');
        img.src = 'saknas.png';
        document.body.appendChild(img);
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
    }""")
    for _ in range(100):  # Playwright's wait_for_function evaluates strings, which the policy refuses
        if strict_page.evaluate("window.__csp.length") >= 2:
            break
        strict_page.wait_for_timeout(100)
    assert strict_page.evaluate("window.__ran") is False
    assert any("script-src" in v for v in violations(strict_page))


def test_start_chapter_method_tags_pages(strict_page, site_url):
    for path, text in (("", "Metodbanken"), ("forankring/", "Metoder för förankring"),
                       ("metoder/skuggning/", "Skuggning"), ("taggar/", "Taggar"),
                       ("bidra/falt/", "Fälten i en metodfil"), ("finns-inte/", "")):
        response = strict_page.goto(site_url + path)
        if text:
            expect(strict_page.locator("article")).to_contain_text(text)
        else:
            assert response.status == 404
        assert violations(strict_page) == [], path
    # The table of contents follows the reader (toc.follow) and "back to top" works: the theme's scripts ran.
    strict_page.goto(site_url + "metoder/skuggning/")
    expect(strict_page.locator(".md-nav--secondary .md-nav__link").first).to_be_visible()
    assert strict_page.evaluate("typeof __md_get") == "function"
    assert_clean(strict_page)


def test_catalogue_filters_under_the_policy(strict_page, site_url):
    strict_page.goto(site_url + "metoder/?fas=follow_up&deltagare=8")
    expect(strict_page.locator("#mb-filter-status")).to_contain_text("metoder passar filtren")
    strict_page.select_option("#mb-filter-fas", "anchoring")
    expect(strict_page).to_have_url(re.compile(r"[?&]fas=anchoring"))
    assert_clean(strict_page)


def test_planner_with_a_plan_under_the_policy(strict_page, site_url):
    strict_page.goto(site_url + "planera/?plan=larlogg.20_skuggning.30")
    expect(strict_page.locator("#mb-plan-list")).to_contain_text("Lärlogg")
    expect(strict_page.locator("#mb-plan-total")).to_contain_text("50 minuter")
    strict_page.select_option("#mb-plan-add", "utvecklande-reflektion")
    strict_page.click("#mb-plan-add-button")
    expect(strict_page.locator("#mb-plan-list > li")).to_have_count(3)
    assert_clean(strict_page)


def test_print_page_and_cards_under_the_policy(strict_page, site_url):
    strict_page.goto(site_url + "utskrift/forankring/")
    expect(strict_page.locator(".mb-print-button")).to_be_visible()  # print.js ran and showed the button
    strict_page.goto(site_url + "kort/")
    expect(strict_page.locator(".mb-card").first).to_be_visible()
    assert_clean(strict_page)


def test_search_results_under_the_policy(strict_page, site_url):
    strict_page.goto(site_url)
    strict_page.locator("input.md-search__input").press_sequentially("skuggning")
    expect(strict_page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    expect(strict_page.locator(".md-search-result")).to_contain_text("Skuggning")
    assert_clean(strict_page)


def test_offline_copy_search_and_planner_under_the_policy(strict_page, offline_copy):
    strict_page.goto(offline_copy + "index.html")
    assert 'Content-Security-Policy' in strict_page.content()
    strict_page.locator("input.md-search__input").press_sequentially("skuggning")
    expect(strict_page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    strict_page.goto(offline_copy + "metoder/skuggning.html")
    strict_page.click("a.mb-plan-add-link")
    strict_page.wait_for_url("**/planera.html*")
    expect(strict_page.locator("#mb-plan-list")).to_contain_text("Skuggning")
    assert_clean(strict_page)


def test_mkdocs_serve_live_reload_is_allowed(strict_page, tmp_path):
    """`mkdocs serve` adds an inline live-reload script; the served pages' policy must let it run."""
    import socket
    import subprocess
    import sys

    from helpers import make_project, write_config

    root = make_project(tmp_path / "project", "minimal")
    write_config(root)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                               str(root / "mkdocs.yml")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, cwd=root)
    try:
        for _ in range(200):
            try:
                strict_page.goto(f"http://127.0.0.1:{port}/metoder/ova-pa-plats/")
                break
            except Exception:  # the server is still building
                strict_page.wait_for_timeout(200)
        expect(strict_page.locator("article")).to_contain_text("Öva på plats")
        assert "livereload" in strict_page.content()
        assert_clean(strict_page)
    finally:
        server.terminate()
        server.communicate(timeout=20)
