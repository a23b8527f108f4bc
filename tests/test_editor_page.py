"""The editor page's data (hooks/metodbank/site/editor.py) in a real build: one schema, no inline code.

The browser behaviour is tested in tests/browser/test_editor.py; here: the page exists and is registered,
its JSON is the schema and vocabulary (not a copy kept by hand), every method has its data for
"Ändra i formuläret", and nothing on the page needs inline script or style (the site's Content-Security-Policy).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from helpers import REPO, build_site, make_method, make_project
from metodbank.site.editor import METHOD_DATA_GLOBAL, describe_kind
from metodbank.core.kinds import Choice, Kind, Text
from metodbank.core.schema import FIELDS, SECTIONS
from metodbank.core.vocabulary import load_vocabulary

SCHEMA_SCRIPT = re.compile(r'<script type="application/json" id="mb-editor-schema">(.*?)</script>', re.DOTALL)


def editor_html(site) -> str:
    return (site / "bidra" / "skriv" / "index.html").read_text(encoding="utf-8")


def test_editor_page_carries_the_schema_vocabulary_and_ids(tmp_path):
    site = build_site(make_project(tmp_path / "project", "minimal"))
    html = editor_html(site)
    data = json.loads(SCHEMA_SCRIPT.search(html).group(1))
    assert [f["name"] for f in data["fields"]] == [f.name for f in FIELDS]
    assert [f["label"] for f in data["fields"] if f["kind"]["type"] != "MethodId"] == \
        [f.label for f in FIELDS if f.name != "id"]
    assert [f["required"] for f in data["fields"]] == [f.required for f in FIELDS]
    assert [s["title"] for s in data["sections"]] == [s.title for s in SECTIONS]
    vocabulary, _ = load_vocabulary(REPO)
    phases = next(f for f in data["fields"] if f["name"] == "phases")["kind"]
    assert phases["terms"] == [[t.id, t.label] for t in vocabulary.terms("phases")]
    assert phases["max_items"] == 3
    title = next(f for f in data["fields"] if f["name"] == "title")
    assert title["kind"]["max_chars"] == 70 and title["example"] == "Skuggning"
    assert data["ids"] == ["forberedande-samtal", "ova-pa-plats", "titta-tillbaka"]
    assert data["repoUrl"] == "https://github.com/metodbanken/metodbanken"
    assert "assets/editor.js" in html


def test_no_inline_script_handler_or_style_on_the_editor_page(tmp_path):
    site = build_site(make_project(tmp_path / "project", "minimal"))
    content = editor_html(site).split('<article class="md-content__inner')[1].split("</article>")[0]
    for tag in re.findall(r"<script\b[^>]*>", content):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", content)
    assert " style=" not in content


def test_every_method_has_an_edit_link_and_its_data(tmp_path):
    root = make_project(tmp_path / "project", "minimal")
    make_method(root, "kod-i-texten", body="\n## Syfte\n\nSkriv `</script><script>alert(1)</script>` i koden.\n\n"
                "## Förankring\n\nA.\n\n## Genomförande\n\nB.\n\n## Efterarbete och implementering\n\nC.\n")
    site = build_site(root)
    page = (site / "metoder" / "ova-pa-plats" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../bidra/skriv/?metod=ova-pa-plats"' in page and "Ändra i formuläret" in page
    script = (site / "assets" / "editor" / "metoder" / "kod-i-texten.js").read_text(encoding="utf-8")
    assert script.startswith(f"window.{METHOD_DATA_GLOBAL} = ")
    assert "</script" not in script and "<" not in script
    data = json.loads(script.removeprefix(f"window.{METHOD_DATA_GLOBAL} = ").rstrip().rstrip(";"))
    assert data["id"] == "kod-i-texten"
    assert data["values"]["group_size"] == {"min": 2, "max": 8}
    assert data["values"]["last_reviewed"] == "2026-11-20"
    assert "</script><script>alert(1)</script>" in data["sections"]["Syfte"]
    assert "id" not in data["values"]


def test_a_new_kind_of_field_is_described_without_editor_changes():
    """A mapping of named parts (like a future `basis: {kind, text}`) is described part by part."""

    @dataclass(frozen=True)
    class Mapping(Kind):
        parts: tuple = ()

    vocabulary, _ = load_vocabulary(REPO)
    kind = Mapping(parts=(("kind", Choice("difficulties")), ("text", Text(max_chars=50))))
    described = describe_kind(kind, vocabulary)
    assert described["type"] == "Mapping"
    assert described["parts"][0][0] == "kind" and described["parts"][0][1]["type"] == "Choice"
    assert described["parts"][0][1]["terms"][0] == ["easy", "Lätt"]
    assert described["parts"][1][1]["max_chars"] == 50


def test_nav_registers_the_editor_under_bidra():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    bidra = next(item["Bidra"] for item in config["nav"] if isinstance(item, dict) and "Bidra" in item)
    assert {"Skriv en metod": "bidra/skriv.md"} in bidra
    assert "assets/editor.css" in config["extra_css"]


def test_contribution_guides_lead_with_the_editor_then_the_issue_form_then_git():
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    order = [contributing.index(w) for w in ("Skriv en metod", "Föreslå en metod", "Skriv filen själv med git")]
    assert order == sorted(order)
    assert contributing.index("Skriv en metod") < contributing.index("## A. Bara i webbläsaren")
    page = (REPO / "handbook" / "bidra" / "index.md").read_text(encoding="utf-8")
    order = [page.index(w) for w in ("[Skriv en metod](skriv.md)", "Föreslå en metod", "Föreslå en ändring")]
    assert order == sorted(order)


def test_editor_script_holds_algorithms_not_a_copy_of_the_schema():
    """Field names, vocabulary ids, limits' messages: all come from the page's JSON, none from editor.js."""
    from metodbank.site.editor import MESSAGES

    script = (REPO / "handbook" / "assets" / "editor.js").read_text(encoding="utf-8")
    script = script.replace('role: "status"', "")  # the ARIA role of the live region, not the field
    vocabulary, _ = load_vocabulary(REPO)
    for spec in FIELDS:
        assert f'"{spec.name}"' not in script and f"'{spec.name}'" not in script, spec.name
        assert not re.search(rf"(?<!\w){re.escape(spec.label)}(?!\w)", script), spec.label
    for name in vocabulary.lists:
        for term in vocabulary.terms(name):
            assert f'"{term.id}"' not in script, term.id
    for section in SECTIONS:
        assert section.title not in script, section.title
    for template in MESSAGES.values():
        longest = max(re.split(r"\{\w+\}", template), key=len)
        if len(longest) >= 10:
            assert longest not in script, longest
