"""The generated tables (assets/metodbank-tables.js) in Chromium: the scripts read them over http and from disk,
and the limits they carry are the schema's (the planner's minutes, the editor's source text)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import REPO
from metodbank.core import kinds, schema
from metodbank.core.vocabulary import load_vocabulary
from metodbank.site.browser_tables import browser_tables

pytestmark = pytest.mark.browser


def engine_tables() -> dict:
    vocabulary, problems = load_vocabulary(REPO)
    assert not problems
    return browser_tables(vocabulary)


def test_every_page_has_the_engines_tables(page, site_url):
    for path in ("", "metoder/", "planera/", "bidra/skriv/", "metoder/skuggning/"):
        page.goto(site_url + path)
        assert page.evaluate("window.metodbankTables") == engine_tables(), path
    assert page.evaluate("window.metodbankSearch.stem('studiecirklarna')") == "studiecirkl"


def test_the_offline_copy_reads_the_tables_from_disk(page, offline_copy):
    """From file:// a page cannot fetch a JSON file; the tables come as a script file, so they are there."""
    for path in ("index.html", "metoder/index.html", "planera.html", "bidra/skriv.html"):
        page.goto(offline_copy + path)
        assert page.evaluate("window.metodbankTables") == engine_tables(), path
    assert page.evaluate("window.metodbankSearch.queryTerms('internatet')") == ["internat", "internat~1"]


def test_the_planner_keeps_minutes_within_the_schemas_duration(page, site_url):
    page.goto(site_url + "planera/?plan=skuggning.99999")
    minutes = page.locator("#mb-plan-minutes-0")
    expect(minutes).to_have_value(str(schema.DURATION_MAX))  # clamped to the schema's 7200, not a day
    assert minutes.get_attribute("max") == str(schema.DURATION_MAX)
    minutes.fill("3000")
    minutes.blur()
    expect(minutes).to_have_value("3000")  # longer than a day is allowed, as in a method file
    assert "skuggning.3000" in page.input_value("#mb-plan-link")


def test_the_planner_gives_a_method_without_a_duration_the_default_minutes(page, site_url):
    # A shared plan that names a method without minutes (here one the planner does not know) gets the default.
    default = engine_tables()["planner"]["defaultMinutes"]
    page.goto(site_url + "planera/?plan=finns-inte")
    expect(page.locator("#mb-plan-list")).to_contain_text("finns-inte")
    assert "finns-inte." + str(default) in page.input_value("#mb-plan-link")


def test_the_editor_checks_a_source_with_the_schemas_limit(page, site_url):
    page.goto(site_url + "bidra/skriv/")
    expect(page.locator("#mb-editor-form")).to_be_visible()
    problems = page.evaluate("""limit => {
        const schema = window.MetodbankEditor.schema;
        const state = {id: "prov", origin: null, values: {sources: [
            {text: "x".repeat(limit)}, {text: "y".repeat(limit + 1)}, {text: "Bok", url: "ftp://fel"}]},
            sections: {}};
        return window.MetodbankEditor.validate(schema, state, {today: "2026-01-01"})
            .filter(p => p.path[0] === "sources").map(p => p.code);
    }""", kinds.SOURCE_TEXT_MAX)
    assert problems == ["too-long", "bad-url"]
    assert page.evaluate("window.MetodbankEditor.slugify('Åsa på ön, æøé')") == "asa-pa-on-aoe"


def test_the_editor_writes_lists_of_ids_in_brackets_like_the_issue_workflow(page, site_url):
    """Which lists go in [brackets] follows the id pattern from the tables, as contribute/issue.py decides."""
    import yaml

    from metodbank.contribute import issue

    page.goto(site_url + "bidra/skriv/")
    expect(page.locator("#mb-editor-form")).to_be_visible()
    for items in (["follow_up", "delivery"], ["a--b", "c"], ["papper-", "penna"], ["Penna"], ["x-1"]):
        written = page.evaluate("items => window.MetodbankEditor.toYaml(window.MetodbankEditor.schema, "
                                "{materials: items})", items)
        python = yaml.dump({"materials": items}, Dumper=issue._Dumper, allow_unicode=True, sort_keys=False,
                           width=schema.FRONT_MATTER_WIDTH)
        assert written.startswith("materials: [") == python.startswith("materials: ["), (items, written, python)
