"""The contributor workflow end to end, and the documents that describe it."""

from __future__ import annotations

import datetime
import io
import re

import yaml

from helpers import REPO, build_site, make_project
from metodbank import FIELDS, load_vocabulary
from metodbank.adapters.cli import build_parser, main

TODAY = datetime.date(2026, 11, 23)


def run(capsys, *argv):
    code = main(list(argv), stdin=io.StringIO(""), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def fill_in(text: str, values: dict) -> str:
    """What an author does with the `new` template: replace each empty field (and its indented lines)."""
    lines = text.split("\n")
    out: list[str] = []
    skipping = False
    for line in lines:
        name = line.split(":", 1)[0]
        if not line.startswith((" ", "#", "-")) and ":" in line and name in values:
            out.extend(yaml.safe_dump({name: values[name]}, allow_unicode=True, sort_keys=False).rstrip().split("\n"))
            skipping = True
            continue
        if skipping and line.startswith("  "):
            continue
        skipping = False
        out.append(line)
    text = "\n".join(out)
    return re.sub(r"<!-- Skriv här: [^>]*-->", "Text som författaren har skrivit.", text)


def test_new_fill_in_check_build(tmp_path, capsys):
    from helpers import VALID_FRONT

    root = make_project(tmp_path / "project")
    assert run(capsys, "--root", str(root), "new", "--title", "Tio minuter kunskap", "--phase", "delivery")[0] == 0
    path = root / "methods" / "tio-minuter-kunskap.md"
    text = path.read_text(encoding="utf-8")
    assert run(capsys, "--root", str(root), "check")[0] == 1  # untouched, it does not pass
    filled = {k: v for k, v in VALID_FRONT.items() if k not in ("title", "phases", "last_reviewed")}
    filled["summary"] = "Kollegor träffas en gång i veckan och lär varandra något från sitt eget arbete på tio minuter."
    filled["status"] = "published"
    text = fill_in(text, filled)
    path.write_text(text, encoding="utf-8")
    assert run(capsys, "--root", str(root), "check") == (0, "", "Inga fel i 1 metod.\n")
    site = build_site(root)
    page = (site / "metoder" / "tio-minuter-kunskap" / "index.html").read_text(encoding="utf-8")
    assert "Kollegor träffas en gång i veckan" in page
    assert "edit/main/methods/tio-minuter-kunskap.md" in page and "Föreslå en ändring" in page


def test_common_mistakes_name_file_line_and_fix(tmp_path, capsys):
    root = make_project(tmp_path / "project")
    run(capsys, "--root", str(root), "new", "--title", "Mitt misstag", "--phase", "delivery")
    path = root / "methods" / "mitt-misstag.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("phases: [delivery]", "phases: [genomforandet]")
    text = text.replace('cost: ""', "cost: gratis\ncost: låg")
    text = text.replace("## Förankring", "## Forankring")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    lines = out.splitlines()
    assert any(re.match(r'methods/mitt-misstag\.md:\d+: okänd fas "genomforandet" — menade du "genomforande"\?', x)
               for x in lines)
    assert any(re.match(r'methods/mitt-misstag\.md:\d+: fältet "cost" finns redan på rad \d+', x) for x in lines)
    assert any('okänd rubrik "Forankring" — menade du "Förankring"?' in x for x in lines)
    assert any('avsnittet "## Förankring" saknas' in x for x in lines)


def test_field_docs_page_lists_every_field_and_value(tmp_path):
    site = build_site(make_project(tmp_path / "project", "minimal"))
    page = (site / "bidra" / "falt" / "index.html").read_text(encoding="utf-8")
    for spec in FIELDS:
        assert f"<code>{spec.name}</code>" in page, spec.name
        assert spec.label in page
    vocabulary, _ = load_vocabulary(REPO)
    for name in ("phases", "audiences", "roles", "needs", "difficulties", "costs"):
        for term in vocabulary.terms(name):
            assert f"<code>{term.id}</code>" in page, term.id
    assert (site / "schema" / "method.schema.json").is_file()


def test_issue_form_mirrors_the_schema():
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "foresla-en-metod.yml").read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    for name in ("title", "summary", "easy_read", "phases", "audience", "group_size", "duration", "adaptations"):
        assert name in ids
    assert form["name"] == "Föreslå en metod"


def test_contributing_documents_every_command():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for command in commands:
        assert f"metodbank {command}" in text, command
    for word in ("Slutkoder", "webbläsaren", "egen dator", "vocabulary.yml", "<script>"):
        assert word in text


def test_readme_has_exactly_two_setup_commands_and_ci_uses_them():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Kom igång")[1].split("\n## ")[0]
    blocks = re.findall(r"```bash\n(.*?)```", setup, re.DOTALL)
    assert [b.strip() for b in blocks] == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/mkdocs serve",
        "bash scripts/test.sh",
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
    for workflow in (REPO / ".github" / "workflows").glob("*.yml"):
        triggers = yaml.load(workflow.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["on"]
        if "push" in triggers or "pull_request" in triggers:  # workflows that test or publish the handbook
            assert "bash scripts/test.sh" in workflow.read_text(encoding="utf-8"), workflow.name
