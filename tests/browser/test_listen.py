"""'Lyssna': the page read aloud by the browser's own Swedish speech synthesis, tested with a stub of
window.speechSynthesis that records what it was asked to say (no sound, no outside service)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_support import format_violations

pytestmark = pytest.mark.browser

# A speechSynthesis that says nothing: it records every utterance, and window.__finish() ends the current one.
STUB = """
(() => {
  const voices = %s;
  const spoken = window.__spoken = [];
  window.__calls = [];
  let current = null;
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => { spoken.push(u.text); window.__lang = u.lang; current = u; };
  synth.pause = () => window.__calls.push('pause');
  synth.resume = () => window.__calls.push('resume');
  synth.cancel = () => { window.__calls.push('cancel'); current = null; };
  window.__finish = () => { const u = current; current = null; if (u && u.onend) u.onend({}); };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""
SWEDISH = STUB % "[{lang: 'sv-SE', name: 'Alva', default: true}, {lang: 'en-US', name: 'Sam'}]"
ENGLISH_ONLY = STUB % "[{lang: 'en-US', name: 'Sam'}]"

HIGHLIGHTED = """() => {
  const h = CSS.highlights.get('mb-listen');
  if (!h) return null;
  return [...h].map(r => r.toString().replace(/\\s+/g, ' ').trim()).join(' ');
}"""


def spoken(page):
    return page.evaluate("window.__spoken")


def test_a_method_is_read_with_the_easy_read_text_first_and_the_sentence_marked(page, site_url, axe):
    page.add_init_script(SWEDISH)
    page.goto(site_url + "metoder/skuggning/")
    listen = page.get_by_role("button", name="Lyssna", exact=True)
    expect(listen).to_be_visible()
    listen.click()
    easy = page.locator(".mb-easy-read p").last.inner_text()
    first_easy = re.split(r"(?<=[.!?])\s+", easy.strip())[0]
    assert spoken(page) == ["Skuggning"]               # the title
    assert page.evaluate("window.__lang").startswith("sv")
    page.evaluate("window.__finish()")                 # the title is said: the Lättläst text comes next
    page.evaluate("window.__finish()")                 # "Lättläst" (the box's heading)
    assert spoken(page)[-1] == first_easy
    assert page.evaluate(HIGHLIGHTED) == first_easy
    page.evaluate("window.__finish()")
    assert spoken(page)[-1] == re.split(r"(?<=[.!?])\s+", easy.strip())[1]
    # The lead (summary) comes after the Lättläst text, not before.
    lead = page.locator(".mb-lead").inner_text()
    assert not any(lead.startswith(s) for s in spoken(page))

    pause = page.get_by_role("button", name="Pausa")
    pause.click()
    assert page.evaluate("window.__calls").count("pause") == 1
    expect(page.get_by_role("button", name="Fortsätt")).to_be_visible()
    page.get_by_role("button", name="Fortsätt").click()
    assert "resume" in page.evaluate("window.__calls")
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("button", name="Stoppa").click()
    assert "cancel" in page.evaluate("window.__calls")
    assert page.evaluate(HIGHLIGHTED) is None
    expect(listen).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Lyssna"


def test_a_chapter_is_read_from_its_title_on(page, site_url):
    page.add_init_script(SWEDISH)
    page.goto(site_url + "forankring/")
    page.get_by_role("button", name="Lyssna", exact=True).click()
    assert spoken(page) == [page.locator("article h1").inner_text().replace("¶", "").strip()]
    page.evaluate("window.__finish()")
    first = page.locator("article p").first.inner_text().strip()
    assert first.startswith(spoken(page)[-1])


def test_reading_goes_on_to_the_end_and_says_nothing_from_controls(page, site_url):
    page.add_init_script(SWEDISH)
    page.goto(site_url + "metoder/larlogg/")
    page.get_by_role("button", name="Lyssna", exact=True).click()
    for _ in range(400):
        if page.get_by_role("button", name="Lyssna", exact=True).is_visible():
            break
        page.evaluate("window.__finish()")
    said = " ".join(spoken(page))
    assert "Lägg till i workshopplanen" not in said and "Föreslå en ändring" not in said
    assert "Deltagaren" in said
    assert page.evaluate(HIGHLIGHTED) is None


def test_no_button_without_a_swedish_voice(page, site_url):
    page.add_init_script(ENGLISH_ONLY)
    page.goto(site_url + "metoder/skuggning/")
    page.wait_for_load_state("load")
    assert page.get_by_role("button", name="Lyssna", exact=True).count() == 0


def test_no_button_on_the_tools(page, site_url):
    page.add_init_script(SWEDISH)
    for path in ("", "metoder/", "planera/", "taggar/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.get_by_role("button", name="Lyssna", exact=True).count() == 0, path
