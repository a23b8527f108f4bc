"""The method editor ("Skriv en metod") in a real browser.

Every existing method loaded and exported passes `metodbank check` and gives the same data; a method written
only with the keyboard from a blank draft passes; the browser's checks give the same Swedish messages as
`metodbank check` on the same inputs; text that breaks naive YAML round-trips exactly; axe finds nothing.
The values typed into the form are generated from the schema the page carries, so a new field in
schema.py is filled in here too.
"""

from __future__ import annotations

import datetime
import math
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from helpers import REPO, make_project
from metodbank.adapters.cli import main as cli_main
from metodbank.core.loader import load_sources
from metodbank.core.project import Settings, load_project
from metodbank.core.schema import FIELDS
from metodbank.core.vocabulary import load_vocabulary
from metodbank.core.validate import validate_source
from metodbank.core import yamlstrict
from browser_support import format_violations

pytestmark = pytest.mark.browser

EDITOR = "bidra/skriv/"
SCHEMA_JS = "MetodbankEditor.schema"


# -- helpers -----------------------------------------------------------------------------------------------

def open_editor(page, site_url, query=""):
    page.goto(site_url + EDITOR + query)
    expect(page.locator("#mb-editor-form")).to_be_visible()
    return page.evaluate(SCHEMA_JS)


def load_method(page, site_url, method_id):
    page.goto(site_url + EDITOR + f"?metod={method_id}")
    expect(page.locator("#mb-editor-status")).to_contain_text("Formuläret visar metoden")


def file_text(page) -> str:
    return page.evaluate("document.getElementById('mb-editor-file').textContent")


def project_with_methods(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    for path in (REPO / "methods").glob("*.md"):
        shutil.copy(path, root / "methods" / path.name)
    return root


def problems_of(root: Path, method_id: str) -> list[str]:
    project = load_project(Settings.for_root(root))
    return [p.message for p in project.problems if p.path == f"methods/{method_id}.md"]


def normalised(root: Path) -> dict[str, tuple]:
    """Method id → (field values, section texts) of every method after `metodbank check`'s normalisation."""
    vocabulary, _ = load_vocabulary(root)
    sources, problems = load_sources(root, root / "methods")
    result = {}
    for source in sources:
        method, problems = validate_source(source, vocabulary)
        assert not problems, [p.message for p in problems]
        fields = {f.name: getattr(method, f.name, None) for f in FIELDS if f.name != "id"}
        result[source.id] = (fields, [(s.title, s.text) for s in method.sections])
    return result


def sample_text(kind: dict, seed: str = "Det") -> str:
    """Text that meets a Text kind's limits: enough short sentences for min_chars and min_sentences."""
    sentence = f"{seed} här är en kort mening."
    low = max(kind.get("min_sentences") or 1, math.ceil((kind.get("min_chars") or 1) / (len(sentence) + 1)))
    high = kind.get("max_sentences") or low
    return " ".join([sentence] * min(low, high))


def sample_value(kind: dict, schema: dict):
    """A valid value of any kind, as the form holds it (generic over the kinds in kinds.py)."""
    kind_type = kind["type"]
    if kind_type == "Text":
        return sample_text(kind)
    if kind_type == "Choice":
        return kind["terms"][0][0]
    if kind_type == "Choices":
        return [t[0] for t in kind["terms"][: max(1, kind.get("min_items") or 1)]]
    if kind_type == "Range":
        value = {"min": kind["low"], "max": kind["low"] + 1}
        return value
    if kind_type == "Strings":
        return [f"Sak nummer {i + 1}." for i in range(max(1, kind.get("min_items") or 0))]
    if kind_type in ("Refs", "Sources"):
        return []
    if kind_type == "Keyed":
        terms = kind["terms"] if kind.get("require_all") else kind["terms"][: max(1, kind.get("min_keys") or 0)]
        return {t[0]: sample_value(kind["value"], schema) for t in terms}
    if kind_type == "Date":
        return "2026-01-15"
    parts = [p for v in kind.values() if isinstance(v, list) for p in v
             if isinstance(p, list) and len(p) == 2 and isinstance(p[1], dict) and "type" in p[1]]
    if parts:
        return {key: sample_value(sub, schema) for key, sub in parts}
    if kind.get("terms"):
        return kind["terms"][0][0]
    return "Exempel"


def sample_state(schema: dict, method_id: str = "ny-testmetod") -> dict:
    values = {}
    for field in schema["fields"]:
        kind = field["kind"]
        if kind["type"] == "MethodId" or not field["required"]:
            continue
        values[field["name"]] = sample_value(kind, schema)
    sections = {s["title"]: "Det här är texten i avsnittet." for s in schema["sections"] if s["required"]}
    return {"id": method_id, "origin": None, "values": values, "sections": sections}


def js_check(page, state: dict) -> tuple[list[dict], str]:
    return page.evaluate("s => [MetodbankEditor.validate(MetodbankEditor.schema, s), "
                         "MetodbankEditor.toFile(MetodbankEditor.schema, s)]", state)


# -- every existing method ---------------------------------------------------------------------------------

def test_every_existing_method_round_trips_through_the_editor(page, site_url, tmp_path):
    root = project_with_methods(tmp_path)
    ids = sorted(p.stem for p in (REPO / "methods").glob("*.md"))
    originals = normalised(root)
    assert sorted(originals) == ids
    for method_id in ids:
        load_method(page, site_url, method_id)
        page.click("#mb-editor-check")
        expect(page.locator("#mb-editor-status")).to_contain_text("Metoden klarar kontrollen")
        (root / "methods" / f"{method_id}.md").write_text(file_text(page), encoding="utf-8")
    assert cli_main(["--root", str(root), "check"]) == 0
    after = normalised(root)
    for method_id in ids:
        assert after[method_id] == originals[method_id], method_id


def test_change_in_form_link_on_a_method_page(page, site_url):
    page.goto(site_url + "metoder/skuggning/")
    page.get_by_role("link", name=re.compile("Ändra i formuläret")).click()
    expect(page.locator("#mb-editor-status")).to_contain_text("Skuggning")
    assert page.url.endswith("/bidra/skriv/")  # the draft holds it now; a reload keeps the changes
    assert page.input_value("#mb-f-title") == "Skuggning"
    assert page.input_value("#mb-f-id") == "skuggning"
    assert "## Syfte" in file_text(page)


# -- a new method, keyboard only ----------------------------------------------------------------------------

def keyboard_plan(schema: dict) -> dict[str, tuple[str, object]]:
    """Control id → what to do there, for every required field and section, from a blank draft."""
    plan: dict[str, tuple[str, object]] = {}  # the id (file name) follows the title

    def add(kind: dict, path: list[str], value) -> None:
        control = "mb-f-" + "-".join(path)
        kind_type = kind["type"]
        if kind_type == "Choices":
            for item in value:
                plan[f"{control}-{item}"] = ("space", None)
        elif kind_type in ("Choice",) or (kind.get("terms") and kind_type not in ("Keyed",) and isinstance(value, str)):
            plan[control] = ("select", [t[0] for t in kind["terms"]].index(value) + 1)
        elif kind_type == "Range":
            for key, number in value.items():
                plan[f"{control}-{key}"] = ("type", str(number))
        elif kind_type in ("Strings", "Refs"):
            plan[control] = ("type", "\n".join(value))
        elif kind_type == "Keyed":
            for key, item in value.items():
                add(kind["value"], path + [key], item)
        elif isinstance(value, dict):
            parts = {p[0]: p[1] for v in kind.values() if isinstance(v, list) for p in v
                     if isinstance(p, list) and len(p) == 2 and isinstance(p[1], dict)}
            for key, item in value.items():
                add(parts[key], path + [key], item)
        else:
            plan[control] = ("type", value)

    state = sample_state(schema)
    for field in schema["fields"]:
        if field["name"] in state["values"]:
            add(field["kind"], [field["name"]], state["values"][field["name"]])
    plan["mb-f-title"] = ("type", "Skriv med tangentbordet")
    for title, text in state["sections"].items():
        plan["mb-f-section-" + re.sub(r"[^A-Za-z0-9_-]", "_", title)] = ("type", text)
    return plan


def test_a_new_method_written_with_the_keyboard_only_passes_the_check(page, site_url, tmp_path):
    schema = open_editor(page, site_url)
    plan = keyboard_plan(schema)
    done: set[str] = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        if focused == "mb-editor-check":
            break
        if focused in plan and focused not in done:
            action, value = plan[focused]
            done.add(focused)
            if action == "type":
                page.keyboard.type(str(value))
            elif action == "space":
                page.keyboard.press("Space")
            elif action == "select":
                for _ in range(value):
                    page.keyboard.press("ArrowDown")
    assert set(plan) - done == set(), "not reached with Tab"
    page.keyboard.press("Enter")
    expect(page.locator("#mb-editor-status")).to_contain_text("Metoden klarar kontrollen")
    assert page.evaluate("document.activeElement.id") == "mb-editor-result-title"
    # Tab on to the download link and take the file with Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "mb-editor-download":
            break
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "skriv-med-tangentbordet.md"
    root = project_with_methods(tmp_path)
    target = root / "methods" / "skriv-med-tangentbordet.md"
    download.save_as(target)
    assert target.read_text(encoding="utf-8") == file_text(page)
    assert problems_of(root, "skriv-med-tangentbordet") == []
    assert cli_main(["--root", str(root), "check"]) == 0


# -- the same messages as metodbank check --------------------------------------------------------------------

def _mutations(schema: dict) -> list[tuple[str, dict]]:
    """(name, state) pairs: a valid generated method with one kind of mistake each."""
    base = sample_state(schema)
    fields = {f["name"]: f for f in schema["fields"]}
    cases = []

    def case(name, **changes):
        state = {**base, "values": {**base["values"]}, "sections": {**base["sections"]}}
        for key, value in changes.items():
            if key == "sections":
                state["sections"] = value
            elif value is None:
                state["values"].pop(key, None)
            else:
                state["values"][key] = value
        cases.append((name, state))

    case("valid")
    case("required field missing", title=None, summary=None)
    case("title too long", title="Lång titel " * 8)
    case("summary too short", summary="För kort.")
    case("html in a field", summary="En metod med <b>fet</b> text som är lång nog för att godkännas av kontrollen.")
    case("easy read: one sentence", easy_read="Bara en mening här")
    case("easy read: long sentence", easy_read=("Du gör det här. " + "ord " * 16).strip() + ". Sedan vilar du.")
    case("range min greater than max", group_size={"min": 8, "max": 2})
    case("range out of bounds", duration={"min": 0, "max": 99999})
    case("range missing max", group_size={"min": 3})
    case("range not a whole number", group_size={"min": "2,5", "max": 4})
    case("no audience", audience=[])
    case("too many tags", tags=[t[0] for t in fields["tags"]["kind"]["terms"]][:8])
    case("too many steps", steps={**base["values"]["steps"], "delivery": ["Ett steg."] * 5})
    case("a step too long", steps={**base["values"]["steps"], "anchoring": ["Långt steg " * 12]})
    case("a phase without steps", steps={k: v for k, v in base["values"]["steps"].items() if k != "follow_up"})
    case("adaptation with html", adaptations={"reading": "Använd <script>bilder</script>."})
    case("bad reference", related=["Inte ett id"], after=["finns-inte-alls"])
    case("self reference", before=["ny-testmetod"])
    case("duplicate reference", related=["skuggning", "skuggning"])
    case("bad source url", sources=[{"text": "En bok (2020).", "url": "www.exempel.se"}])
    case("bad date", last_reviewed="15/1/2026")
    case("future date", last_reviewed="2999-01-01")
    case("material too long", materials=["x" * 81])
    case("too many materials", materials=[f"Sak {i}." for i in range(11)])
    case("no authors", authors=[])
    case("span too long", duration={"min": 30, "max": 60, "span": "lång " * 20})
    case("adaptation too long", adaptations={"language": "ord " * 100})
    case("source text too long", sources=[{"text": "Referens " * 50}])
    case("summary too long", summary="En mening som är ganska lång. " * 12)
    case("easy read: six sentences", easy_read="Du gör. " * 6)
    case("preparation with html", preparation="Skriv <a href=x>länk</a> här.")
    case("sections missing", sections={"Syfte": "Varför."})
    return cases


def test_browser_checks_give_the_same_messages_as_metodbank_check(page, site_url, tmp_path):
    schema = open_editor(page, site_url)
    root = project_with_methods(tmp_path)
    python_only = {"yaml-"}  # nothing the form can produce should be reported only by Python
    for name, state in _mutations(schema):
        js_problems, text = js_check(page, state)
        path = root / "methods" / f"{state['id']}.md"
        path.write_text(text, encoding="utf-8")
        python = sorted(re.sub(r" — menade du \"[^\"]*\"\?", "", m) for m in problems_of(root, state["id"]))
        browser = sorted(p["message"] for p in js_problems)
        assert not any(m.startswith(tuple(python_only)) for m in python), (name, python)
        assert browser == python, f"{name}:\nbrowser: {browser}\ncheck:   {python}"
        if name != "valid":
            assert browser, f"{name}: no message"
        path.unlink()


def test_each_kind_of_mistake_is_shown_at_its_field_and_in_the_summary(page, site_url):
    open_editor(page, site_url)
    page.fill("#mb-f-title", "x" * 75)
    expect(page.locator("#mb-f-title-error")).to_contain_text('fältet "title" är för långt: 75 tecken, högst 70')
    assert page.get_attribute("#mb-f-title", "aria-invalid") == "true"
    page.fill("#mb-f-id", "skuggning")
    expect(page.locator("#mb-f-id-error")).to_contain_text("methods/skuggning.md finns redan")
    page.fill("#mb-f-id", "Min Metod")
    expect(page.locator("#mb-f-id-error")).to_contain_text('"Min Metod" duger inte som id')
    page.fill("#mb-f-group_size-min", "9")
    page.fill("#mb-f-group_size-max", "3")
    expect(page.locator("#mb-f-group_size-error")).to_contain_text("min (9) är större än max (3)")
    page.fill("#mb-f-easy_read", "En mening utan slut")
    expect(page.locator("#mb-f-easy_read-error")).to_contain_text("har 1 meningar; skriv 2–5")
    page.fill("#mb-f-summary", "Text med <em>html</em> som är tillräckligt lång för kontrollen av fältet.")
    expect(page.locator("#mb-f-summary-error")).to_contain_text("innehåller HTML")
    page.fill("#mb-f-steps-delivery", "\n".join(["Ett steg."] * 5))
    expect(page.locator("#mb-f-steps-delivery-error")).to_contain_text('"steps.delivery" har 5 värden, högst 4')
    page.fill("#mb-f-section-Syfte", "## Rubrik\n\nText.")
    expect(page.locator("#mb-f-section-Syfte-error")).to_contain_text("använd ### för underrubriker")
    page.click("#mb-editor-check")
    summary = page.locator("#mb-editor-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text('avsnittet "## Förankring" saknas')
    expect(page.locator("#mb-editor-status")).to_contain_text("saker behöver rättas")
    # Focus is on the first field with a problem; the summary's links lead to the fields.
    assert page.evaluate("document.activeElement.id") == "mb-f-title"
    summary.get_by_role("link", name=re.compile("Lättläst")).click()
    assert page.evaluate("document.activeElement.id") == "mb-f-easy_read"


# -- YAML that breaks naive writers ---------------------------------------------------------------------------

HOSTILE = [
    "Metod: del 2", "# inte en kommentar", "- inte en lista", "* stjärna", "& och", "! utrop", "'enkla'",
    '"dubbla"', "yes", "no", "on", "off", "Yes", "y", "n", "~", "null", "123", "0x1F", "1.5", "1e3", "012",
    "2026-01-01", "12:30", "a #b", "slutar med kolon:", "[hakparentes]", "{klammer}", "%procent", "@snabel",
    "`bak`", "|rör", ">större", "? fråga", "emoji 😀🎉 och ✨", "åäö ÅÄÖ é", "tabb\there", " inledande",
    "avslutande ", "två\nrader", "tre\n\nrader\n", "  indrag\nsedan\n\n", "sist\n\n\n", "\ninleds med radbrytning",
    "citat ' och \" och \\ bakstreck", "kolon:utan mellanslag", "---", "...", "<<", "=", "\u00a0hårt mellanslag",
    "lång text " * 30, ("ord " * 60).strip(), ("Text: med kolon och # tecken - " * 10).strip(), "lång text med  dubbla  mellanslag " * 5, "rad\r\nmed CRLF", "kontroll\x07tecken",
]


def test_yaml_breaking_values_round_trip_exactly(page, site_url):
    open_editor(page, site_url)
    values = {"title": HOSTILE[0], "materials": HOSTILE, "summary": HOSTILE[-3],
              "adaptations": {"reading": HOSTILE[40], "language": "# rubrik?"},
              "duration": {"min": 5, "max": 10, "span": "yes"},
              "sources": [{"text": t} for t in HOSTILE[:10]] + [{"text": "Bok: del 1", "url": "https://exempel.se/a#b"}]}
    for i, value in enumerate(HOSTILE):
        values_one = {"title": value}
        yaml_text = page.evaluate("v => MetodbankEditor.toYaml(MetodbankEditor.schema, v)", values_one)
        loaded = yamlstrict.load(yaml_text)
        assert not loaded.issues, (value, yaml_text, loaded.issues)
        assert loaded.data == values_one, (value, yaml_text)
    yaml_text = page.evaluate("v => MetodbankEditor.toYaml(MetodbankEditor.schema, v)", values)
    loaded = yamlstrict.load(yaml_text)
    assert not loaded.issues, loaded.issues
    assert loaded.data == values
    # Plain values stay plain, like a hand-written file.
    assert "title: Metod: del 2" not in yaml_text
    plain = page.evaluate("v => MetodbankEditor.toYaml(MetodbankEditor.schema, v)",
                          {"title": "Skuggning på jobbet", "phases": ["delivery"], "last_reviewed": "2026-11-20"})
    assert plain == "title: Skuggning på jobbet\nphases: [delivery]\nlast_reviewed: 2026-11-20\n"
    assert yamlstrict.load(plain).data["last_reviewed"] == datetime.date(2026, 11, 20)


def test_hostile_text_typed_into_the_form_round_trips(page, site_url, tmp_path):
    open_editor(page, site_url)
    title = "Möte: \"ja\" & nej # 2 😀"
    section = "Rad ett: yes\n\n- punkt\n- 'citat'\n\n<script>alert(1)</script>"
    page.fill("#mb-f-title", title)
    page.fill("#mb-f-materials", "no\n123\n: kolon")
    page.fill("#mb-f-section-Syfte", section)
    text = file_text(page)
    front = text.split("---\n")[1]
    data = yamlstrict.load(front).data
    assert data["title"] == title
    assert data["materials"] == ["no", "123", ": kolon"]
    assert f"## Syfte\n\n{section}\n" in text
    # The preview shows the text as text: no element is made from it.
    assert page.locator("#mb-editor-page script").count() == 0
    expect(page.locator("#mb-editor-page")).to_contain_text("<script>alert(1)</script>")


# -- draft, sending, accessibility ------------------------------------------------------------------------------

def test_the_draft_is_kept_until_cleared(page, site_url):
    open_editor(page, site_url)
    page.fill("#mb-f-title", "Mitt utkast")
    page.fill("#mb-f-section-Syfte", "Varför vi gör så.")
    page.reload()
    expect(page.locator("#mb-editor-status")).to_contain_text("sparade utkast")
    assert page.input_value("#mb-f-title") == "Mitt utkast"
    assert page.input_value("#mb-f-id") == "mitt-utkast"
    assert page.input_value("#mb-f-section-Syfte") == "Varför vi gör så."
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#mb-editor-clear")
    expect(page.locator("#mb-editor-status")).to_contain_text("Utkastet är borttaget")
    page.reload()
    assert page.input_value("#mb-f-title") == ""


def test_send_as_a_proposal_on_github(page, site_url, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_editor(page, site_url)
    page.fill("#mb-f-title", "Kort metod")
    page.fill("#mb-f-section-Syfte", "Varför: för att 'det' fungerar & är #1.")
    href = page.get_attribute("#mb-editor-send", "href")
    repo = "https://github.com/metodbanken/metodbanken"  # repo_url in mkdocs.yml
    assert href.startswith(repo + "/new/main?filename=methods/kort-metod.md&value=")
    assert parse_qs(urlsplit(href).query)["value"][0] == file_text(page)
    # A whole method is too long for an address: the text is copied and the page says where to paste it.
    load_method(page, site_url, "larlogg")
    assert len(page.get_attribute("#mb-editor-send", "href")) < 200
    with page.expect_popup() as popup:
        page.click("#mb-editor-send")
    popup.value.close()
    expect(page.locator("#mb-editor-status")).to_contain_text("klistra in med Ctrl+V")
    assert page.get_attribute("#mb-editor-send", "href").endswith("?filename=methods/larlogg.md")
    assert page.evaluate("navigator.clipboard.readText()") == file_text(page)


def settled(page):
    """Back at the top with no transition running (the header's title fades while the page scrolls)."""
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def test_no_axe_violations_empty_invalid_and_complete(page, site_url, axe):
    page.emulate_media(reduced_motion="reduce")
    open_editor(page, site_url)
    violations = axe(page)
    assert not violations, "empty:\n" + format_violations(violations)
    page.click("#mb-editor-check")
    expect(page.locator("#mb-editor-summary")).to_be_visible()
    settled(page)
    violations = axe(page)
    assert not violations, "invalid:\n" + format_violations(violations)
    load_method(page, site_url, "skuggning")
    page.click("#mb-editor-check")
    expect(page.locator("#mb-editor-status")).to_contain_text("Metoden klarar kontrollen")
    settled(page)
    violations = axe(page)
    assert not violations, "complete:\n" + format_violations(violations)


# -- a field the script has never seen ---------------------------------------------------------------------------

def test_a_new_field_in_the_schema_appears_in_the_form_without_script_changes(page, site_url):
    """A mapping of named parts (like `basis: {kind, text}`), described by editor.py as it would describe it."""
    import json
    from dataclasses import dataclass

    from metodbank.site.editor import describe_kind, inline_json
    from metodbank.core.kinds import Choice, Kind, Text
    from metodbank.core.vocabulary import load_vocabulary

    @dataclass(frozen=True)
    class Mapping(Kind):
        keys: tuple = ()

    vocabulary, _ = load_vocabulary(REPO)
    kind = Mapping(keys=(("kind", Choice("difficulties")), ("text", Text(min_chars=20, max_chars=60))))
    field = {"name": "grund", "label": "Grund", "help": "Vad metoden bygger på.", "required": True,
             "kind": describe_kind(kind, vocabulary), "example": "kind: easy", "hint": "",
             "missing": 'fältet "grund" (grund) saknas; vad metoden bygger på.'}

    def add_field(route):
        response = route.fetch()
        html = response.text()
        match = re.search(r'(<script type="application/json" id="mb-editor-schema">)(.*?)(</script>)', html, re.DOTALL)
        data = json.loads(match.group(2))
        data["fields"].insert(len(data["fields"]) - 2, field)
        html = html[:match.start(2)] + inline_json(data) + html[match.end(2):]
        route.fulfill(response=response, body=html)

    page.route("**/bidra/skriv/", add_field)
    open_editor(page, site_url)
    group = page.locator("#mb-f-grund")
    expect(group.locator("legend")).to_contain_text("Grund")
    page.select_option("#mb-f-grund-kind", "moderate")
    expect(page.locator("#mb-f-grund-text-error")).to_contain_text('"grund" saknar text:')
    page.fill("#mb-f-grund-text", "För kort")
    expect(page.locator("#mb-f-grund-text-error")).to_contain_text('fältet "grund.text" är för kort: 8 tecken, minst 20')
    page.fill("#mb-f-grund-text", "Forskning om lärande i arbetet.")
    assert "grund:\n  kind: moderate\n  text: Forskning om lärande i arbetet.\n" in file_text(page)
    page.select_option("#mb-f-grund-kind", "")
    expect(page.locator("#mb-f-grund-kind-error")).to_contain_text('"grund" saknar kind:')


def test_opening_a_method_keeps_the_draft_aside(page, site_url):
    open_editor(page, site_url)
    page.fill("#mb-f-title", "Mitt eget utkast")
    load_method(page, site_url, "larlogg")
    expect(page.locator("#mb-editor-status")).to_contain_text("Ditt tidigare utkast är sparat")
    assert page.input_value("#mb-f-title") == "Lärlogg"
    page.click("#mb-editor-restore")
    assert page.input_value("#mb-f-title") == "Mitt eget utkast"
    expect(page.locator("#mb-editor-status")).to_contain_text("Ditt tidigare utkast är tillbaka")
    page.reload()
    assert page.input_value("#mb-f-title") == "Mitt eget utkast"


def test_from_the_start_page_to_a_proposal_on_github_without_yaml(page, context, site_url, tmp_path):
    """The issue's "done when": start page → Skriv en metod → the form → GitHub's new-file page with a valid file."""
    context.route("https://github.com/**", lambda route: route.fulfill(body="GitHub"))  # no network in tests
    page.goto(site_url)
    page.get_by_role("link", name="Skriv en metod").first.click()
    expect(page.locator("#mb-editor-form")).to_be_visible()
    schema = page.evaluate(SCHEMA_JS)
    for control, (action, value) in keyboard_plan(schema).items():
        if action == "type":
            page.fill(f"#{control}", str(value))
        elif action == "space":
            page.check(f"#{control}")
        else:
            page.select_option(f"#{control}", index=value)
    page.fill("#mb-f-title", "Kort förslag")
    for name in ("summary", "preparation"):
        page.fill(f"#mb-f-{name}", "Kort text om metoden som räcker för kontrollen av fältet.")
    with page.expect_popup() as popup:
        page.click("#mb-editor-send")
    popup.value.wait_for_load_state()
    url = popup.value.url
    popup.value.close()
    assert url.startswith("https://github.com/metodbanken/metodbanken/new/main?filename=methods/kort-forslag.md&value=")
    text = parse_qs(urlsplit(url).query)["value"][0]
    root = project_with_methods(tmp_path)
    (root / "methods" / "kort-forslag.md").write_text(text, encoding="utf-8")
    assert problems_of(root, "kort-forslag") == []
