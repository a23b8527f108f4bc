"""Catalogue filter form, workshop planner page and 'Lägg till i workshopplanen' links, as built HTML."""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest

from helpers import build_site, make_method, make_project

FILTER_FIELDS = {"sok": "Sök bland metoderna", "fas": "Fas", "malgrupp": "Målgrupp", "deltagare": "Antal deltagare",
                 "minuter": "Högst antal minuter", "svarighet": "Svårighet", "tagg": "Ämne (tagg)"}


def methods(root):
    make_method(root, "skuggning", title="Skuggning", phases=["delivery"], tags=["reflektion", "handledning"],
                group_size={"min": 2, "max": 3}, duration={"min": 120, "max": 480})
    make_method(root, "larlogg", title="Lärlogg", phases=["follow_up"], audience=["participant", "supervisor"],
                steps={"anchoring": ["Bestäm vad loggen ska handla om."], "delivery": ["Skriv under arbetet."],
                       "follow_up": ["Skriv tre rader varje fredag."]})
    make_method(root, "farlig", title='Farlig & "citat" *stjärna* {attr}', phases=["anchoring"],
                summary="En sammanfattning med & och 'apostrofer' och [hakparenteser](x) som inte får bli något annat.")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("catalogue") / "project")
    methods(root)
    return build_site(root)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def planner_json(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="mb-methods">(.*?)</script>', page, re.S)
    assert match, "the planner page has no method data"
    return json.loads(match.group(1))


def test_catalogue_has_a_labelled_filter_form_hidden_until_javascript(site):
    page = read(site, "metoder/index.html")
    form = re.search(r'<form class="mb-filters"[^>]*>', page).group(0)
    assert " hidden" in form
    for name, label in FILTER_FIELDS.items():
        field = re.search(rf'<(?:input|select)[^>]*name="{name}"[^>]*>', page)
        assert field, name
        field_id = re.search(r'id="([^"]+)"', field.group(0)).group(1)
        assert f'<label for="{field_id}">{htmllib.escape(label, quote=False)}</label>' in page, name
    assert '<option value="follow_up">Efterarbete och implementering</option>' in page
    assert '<option value="board">Styrelse</option>' in page
    assert 'role="status" aria-live="polite"' in page
    assert "Katalogen visar alla 3 metoder." in page
    assert '<script src="../assets/catalogue.js" defer></script>' in page


def test_every_method_is_listed_with_filter_data_and_an_add_link(site):
    page = read(site, "metoder/index.html")
    rows = re.findall(r"<tr [^>]*data-id=[^>]*>", page)
    assert len(rows) == 3
    row = next(r for r in rows if 'data-id="skuggning"' in r)
    for attribute in ('data-phases="delivery"', 'data-min-people="2"', 'data-max-people="3"',
                      'data-min-minutes="120"', 'data-tags="reflektion handledning"'):
        assert attribute in row
    # Labels and aliases of tags and phases are searchable words.
    search = re.search(r'data-search="([^"]*)"', row).group(1)
    assert "genomförande" in search and "reflektion" in search
    assert 'href="../planera/?add=skuggning">Lägg till<span class="mb-sr-only"> Skuggning</span> i workshopplanen' \
        in page


def test_method_pages_link_to_the_planner(site):
    page = read(site, "metoder/larlogg/index.html")
    assert re.search(r'<a class="md-button mb-plan-add-link" href="../../planera/\?add=larlogg">'
                     r"Lägg till i workshopplanen", page)


def test_planner_page_carries_the_method_data(site):
    page = read(site, "planera/index.html")
    assert "<h1" in page and "Planera en workshop" in page
    assert '<script src="../assets/planner.js" defer></script>' in page
    assert "Planeraren behöver JavaScript" in page  # <noscript>
    data = planner_json(page)
    assert [p[0] for p in data["phases"]] == ["anchoring", "delivery", "follow_up"]
    larlogg = next(m for m in data["methods"] if m["id"] == "larlogg")
    assert larlogg["url"] == "../metoder/larlogg/"
    assert larlogg["steps"]["follow_up"] == ["Skriv tre rader varje fredag."]
    assert larlogg["phases"] == ["follow_up"] and larlogg["min"] == 30


def test_front_matter_text_stays_text_in_the_planner_data_and_the_catalogue(site):
    page = read(site, "planera/index.html")
    assert page.count("</script>") == page.count("<script")
    farlig = next(m for m in planner_json(page)["methods"] if m["id"] == "farlig")
    assert farlig["title"] == 'Farlig & "citat" *stjärna* {attr}'
    assert "[hakparenteser](x)" in farlig["summary"]
    catalogue = read(site, "metoder/index.html")
    assert "Farlig &amp; &quot;citat&quot; *stjärna* {attr}</a>" in catalogue
    assert "<em>stjärna</em>" not in catalogue


def test_planner_json_cannot_close_its_script_element():
    from metodbank.site.planner import _inline_json

    text = _inline_json({"title": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><!-- & -->"}


def test_pages_do_not_grow_with_the_planner_data(site):
    # Only the planner page carries the method data; a method page has just its own link.
    assert "mb-methods" not in read(site, "metoder/larlogg/index.html")
    assert "mb-methods" not in read(site, "metoder/index.html")


def test_file_urls_without_directories(tmp_path):
    root = make_project(tmp_path / "project")
    methods(root)
    site = build_site(root, use_directory_urls=False)
    assert 'href="../planera.html?add=larlogg"' in read(site, "metoder/larlogg.html")
    assert 'href="../planera.html?add=larlogg"' in read(site, "metoder/index.html")
    assert '<script src="../assets/catalogue.js" defer></script>' in read(site, "metoder/index.html")
    planner = read(site, "planera.html")
    assert '<script src="assets/planner.js" defer></script>' in planner
    assert next(m for m in planner_json(planner)["methods"] if m["id"] == "larlogg")["url"] == "metoder/larlogg.html"


def test_material_instant_navigation_stays_off():
    # catalogue.js and planner.js run on page load; Material's instant loading would swap pages without it.
    import yaml

    from helpers import REPO

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "navigation.instant" not in config["theme"].get("features", [])
