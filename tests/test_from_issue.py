"""`metodbank from-issue`: an issue made with the "Föreslå en metod" form becomes a method file.

The issue bodies are rendered the way GitHub renders an issue form (### Label, _No response_, the chosen
options of a dropdown separated by commas), from the form's own item list (derived.issue_form), with
answers made from the schema's examples. So a new field in the form is filled in here too.
"""

from __future__ import annotations

import datetime
import io
import shutil
from typing import Any

import pytest

from helpers import REPO, make_project
from metodbank.core.loader import load_source
from metodbank.adapters.cli import main
from metodbank.contribute.derived import STEPS_ITEM_PREFIX
from metodbank.contribute.issue import form_items
from metodbank.core.kinds import Choice, Choices, Keyed, Range, Sources, Strings, Refs
from metodbank.core.schema import FIELDS_BY_NAME
from metodbank.core.vocabulary import load_vocabulary

TODAY = datetime.date.today()  # the copied methods are reviewed up to today
NO_RESPONSE = "_No response_"


@pytest.fixture
def root(tmp_path):
    root = make_project(tmp_path / "project")
    for path in (REPO / "methods").glob("*.md"):
        shutil.copy(path, root / "methods" / path.name)
    return root


@pytest.fixture(scope="module")
def form():
    vocabulary, problems = load_vocabulary(REPO)
    assert not problems
    return {"body": form_items(vocabulary)}, vocabulary


def example_answer(item: dict, vocabulary) -> str:
    """What a proposer types (or picks) for one form item, from the schema's example."""
    item_id = item["id"]
    if item_id.startswith("section-"):
        return f"Det här är texten under {item['attributes']['label'].lower()}.\n\n1. Ett steg.\n2. Ett steg till."
    if item_id.startswith(STEPS_ITEM_PREFIX):
        spec = FIELDS_BY_NAME["steps"]
        return "\n".join(spec.example[item_id.removeprefix(STEPS_ITEM_PREFIX)])
    spec = FIELDS_BY_NAME[item_id]
    kind, example = spec.kind, spec.example
    if item["type"] == "dropdown":
        chosen = [example] if isinstance(example, str) else list(example)
        options = item["attributes"]["options"]
        return ", ".join(next(o for o in options if o.endswith(f"({value})")) for value in chosen)
    if isinstance(kind, Range):
        return f"{example['min']}–{example['max']}"
    if isinstance(kind, Keyed):
        return "\n".join(f"{vocabulary.label(kind.vocabulary_list, k)}: {v}" for k, v in example.items())
    if isinstance(kind, (Strings, Refs)):
        return "\n".join(f"- {v}" for v in example) if item["type"] == "textarea" else ", ".join(example)
    if isinstance(kind, Sources):
        return "\n".join(s["text"] for s in example)
    if isinstance(example, dict):  # a mapping of named parts: one "part: value" line each
        return "\n".join(f"{k}: {v}" for k, v in example.items())
    return str(example)


def render(form_data: dict, answers: dict[str, str]) -> str:
    """The issue body GitHub shows for these answers (item id → text; missing → _No response_)."""
    parts = []
    for item in form_data["body"]:
        if item.get("type") == "markdown":
            continue
        answer = answers.get(item["id"]) or NO_RESPONSE
        parts.append(f"### {item['attributes']['label']}\n\n{answer}")
    return "\n\n".join(parts) + "\n"


def complete_answers(form) -> dict[str, str]:
    form_data, vocabulary = form
    return {item["id"]: example_answer(item, vocabulary) for item in form_data["body"] if item.get("type") != "markdown"}


def not_asked_args(form) -> list[str]:
    """--field for each required field that neither the form nor from-issue itself fills in."""
    asked = {item["id"] for item in form[0]["body"]} | {"steps", "last_reviewed", "status", "id"}
    return [f"--field={spec.name}=Redaktör Ett" for spec in FIELDS_BY_NAME.values()
            if spec.required and spec.name not in asked]


def run(root, body: str, *args: str, capsys=None) -> tuple[int, str, str]:
    code = main(["--root", str(root), "from-issue", "-", *args], stdin=io.StringIO(body), today=TODAY)
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def front(path) -> dict[str, Any]:
    source, problems = load_source(f"methods/{path.name}", path.stem, path.read_bytes())
    assert not problems, problems
    return source.data


def methods(root) -> set[str]:
    return {p.name for p in (root / "methods").iterdir()}


def test_a_complete_issue_becomes_a_draft_that_passes_check(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Lärande promenad"
    code, out, err = run(root, render(form[0], answers), *not_asked_args(form), capsys=capsys)
    assert code == 0, out + err
    assert out.strip() == "methods/larande-promenad.md"
    data = front(root / "methods" / "larande-promenad.md")
    assert data["title"] == "Lärande promenad"
    assert data["status"] == "draft"
    assert data["last_reviewed"] == TODAY
    for item in form[0]["body"]:
        spec = FIELDS_BY_NAME.get(item.get("id", ""))
        if spec is None or spec.name == "title":
            continue
        expected = spec.example
        if isinstance(spec.kind, Range):
            expected = {"min": spec.example["min"], "max": spec.example["max"]}
        if isinstance(spec.kind, Sources):
            expected = [{"text": s["text"]} for s in spec.example]
        if isinstance(spec.kind, (Choice, Choices)) or spec.name in data:
            assert data[spec.name] == expected, spec.name
    assert data["steps"] == FIELDS_BY_NAME["steps"].example
    text = (root / "methods" / "larande-promenad.md").read_text(encoding="utf-8")
    for title in ("Syfte", "Förankring", "Genomförande", "Efterarbete och implementering", "Anpassningar"):
        assert f"## {title}\n\nDet här är texten under" in text
    assert main(["--root", str(root), "check"], today=TODAY) == 0


def test_only_the_required_answers_gives_messages_and_writes_nothing(root, form, capsys):
    form_data, _ = form
    answers = complete_answers(form)
    answers["title"] = "Bara det som krävs"
    required = {item["id"] for item in form_data["body"] if item.get("validations", {}).get("required")}
    assert required >= {"title", "summary", "phases"}
    body = render(form_data, {k: v for k, v in answers.items() if k in required})
    before = methods(root)
    code, out, err = run(root, body, capsys=capsys)
    assert code == 1
    assert methods(root) == before
    assert 'fältet "easy_read" (lättläst) saknas' in out
    assert 'avsnittet "## Förankring" saknas' in out
    assert "ingen fil skrevs" in err


def test_script_tags_are_refused(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Farlig metod"
    answers["summary"] = "En metod <script>alert('x')</script> som är lång nog för kontrollen av fältet."
    answers["section-syfte"] = "Text.\n\n<script src=https://evil.example/x.js></script>"
    before = methods(root)
    code, out, _ = run(root, render(form[0], answers), capsys=capsys)
    assert code == 1 and methods(root) == before
    assert 'fältet "summary" innehåller HTML' in out
    assert "<script> är inte tillåtet" in out


def test_yaml_breaking_text_and_workflow_expressions_are_kept_as_text(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Möte: ja #1 ${{ github.token }}"
    answers["preparation"] = "yes\n---\n- 'citat' & \"dubbla\" ${{ secrets.GITHUB_TOKEN }} $(rm -rf /) `id`"
    answers["materials"] = "- no\n- 123\n- : kolon\n- ${{ github.event.issue.title }}"
    answers["section-exempel"] = "---\ntitle: inte front matter\n\n---\n\n$(echo hej) ${{ env.X }}"
    code, out, err = run(root, render(form[0], answers), "--id", "mote-med-tecken", *not_asked_args(form),
                         capsys=capsys)
    assert code == 0, out + err
    path = root / "methods" / "mote-med-tecken.md"
    data = front(path)
    assert data["title"] == answers["title"]
    assert data["preparation"] == answers["preparation"]
    assert data["materials"] == ["no", "123", ": kolon", "${{ github.event.issue.title }}"]
    assert "$(echo hej) ${{ env.X }}" in path.read_text(encoding="utf-8")
    assert main(["--root", str(root), "check"], today=TODAY) == 0


def test_a_title_that_collides_with_an_existing_id(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Skuggning"
    original = (root / "methods" / "skuggning.md").read_bytes()
    code, out, _ = run(root, render(form[0], answers), capsys=capsys)
    assert code == 1
    assert "methods/skuggning.md finns redan" in out
    assert (root / "methods" / "skuggning.md").read_bytes() == original
    # --id picks another file name.
    code, out, _ = run(root, render(form[0], answers), "--id", "skuggning-2", *not_asked_args(form), capsys=capsys)
    assert code == 0 and out.strip() == "methods/skuggning-2.md"


def test_a_very_large_body_is_refused(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Stor metod"
    answers["section-exempel"] = "Lång text. " * 7000
    before = methods(root)
    code, out, _ = run(root, render(form[0], answers), capsys=capsys)
    assert code == 1 and methods(root) == before
    assert "högst 65536 går att läsa" in out


def test_unknown_choices_and_numbers_get_swedish_messages(root, form, capsys):
    answers = complete_answers(form)
    answers["title"] = "Fel val"
    answers["difficulty"] = "Omöjlig (impossible)"
    answers["group_size"] = "många"
    answers["adaptations"] = "Bara text utan behov först"
    code, out, _ = run(root, render(form[0], answers), capsys=capsys)
    assert code == 1
    assert '"Svårighet": okänd' in out and '"impossible"' in out
    assert '"Gruppstorlek": skriv ett eller två heltal (personer)' in out
    assert '"Anpassningar": börja raden med vad den gäller' in out


def test_not_an_issue_form(root, capsys):
    code, out, _ = run(root, "Hej! Jag har en idé om en metod.\n", capsys=capsys)
    assert code == 1
    assert "inte skapat med formuläret" in out


def test_read_from_a_file_and_never_overwrite(root, form, tmp_path, capsys):
    body = tmp_path / "issue.md"
    answers = complete_answers(form)
    answers["title"] = "Ny metod från fil"
    body.write_text(render(form[0], answers), encoding="utf-8")
    args = ["--root", str(root), "from-issue", str(body), *not_asked_args(form)]
    assert main(args, today=TODAY) == 0
    written = (root / "methods" / "ny-metod-fran-fil.md").read_bytes()
    assert main(args, today=TODAY) == 1
    assert "finns redan" in capsys.readouterr().out
    assert (root / "methods" / "ny-metod-fran-fil.md").read_bytes() == written
    assert main(["--root", str(root), "from-issue", str(tmp_path / "saknas.md")]) == 2


def test_fields_the_form_does_not_ask_for_can_be_given(root, form, capsys):
    """--field fills a field the issue left empty or the form does not ask for (the workflow passes who added
    the label); the issue's own answers win, and a name the schema does not know is skipped with a note."""
    answers = complete_answers(form)
    answers["title"] = "Med extra fält"
    answers.pop("authors")
    args = ["--field", "authors=Redaktör Ett", "--field", "finns_inte=x", *not_asked_args(form)]
    code, out, err = run(root, render(form[0], answers), *args, capsys=capsys)
    assert code == 0, out + err
    assert 'fältet "finns_inte" finns inte i schemat' in err
    assert front(root / "methods" / "med-extra-falt.md")["authors"] == ["Redaktör Ett"]
    assert run(root, "", "--field", "utan-likhetstecken", capsys=capsys)[0] == 2
