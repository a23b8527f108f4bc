"""The metodbank command: (exit code, stdout, stderr) for check, new, review and schema."""

from __future__ import annotations

import datetime
import io
import re
import json

import pytest

from helpers import REPO, make_method
from metodbank.adapters.cli import main

TODAY = datetime.date(2026, 11, 23)


def run(capsys, *argv, stdin=None):
    code = main(list(argv), stdin=stdin or io.StringIO(""), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_project(project, capsys):
    make_method(project, "a")
    assert run(capsys, "--root", str(project), "check") == (0, "", "Inga fel i 1 metod.\n")


def test_check_reports_every_problem_with_file_line_and_fix(project, capsys):
    make_method(project, "a", phases=["deliverry"])
    make_method(project, "b", cost="dyr", tags=["reflektion", "nätverk"])
    code, out, err = run(capsys, "--root", str(project), "check")
    assert code == 1
    assert out.splitlines() == [
        'methods/a.md:7: okänd fas "deliverry" — menade du "delivery"? (tillåtet: "anchoring", "delivery", '
        '"follow_up") [unknown-value]',
        'methods/b.md:23: okänd kostnadsnivå "dyr" (tillåtet: "none", "low", "medium", "high") [unknown-value]',
    ]
    assert err == "2 fel och 0 varningar i 2 metoder.\n"


def test_check_github_annotations(project, capsys):
    make_method(project, "a", phases=["deliverry"])
    code, out, _ = run(capsys, "--root", str(project), "check", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=methods/a.md,line=7,title=Metodbanken (unknown-value)::okänd fas")


def test_usage_errors_exit_2_in_swedish(capsys, tmp_path):
    code, out, err = run(capsys, "--root", str(tmp_path), "kontrollera")
    assert code == 2 and out == ""
    assert "ogiltigt val" in err and "Traceback" not in err
    code, _, err = run(capsys, "--root", str(tmp_path / "finns-inte"), "check")
    assert code == 2 and "finns inte" in err
    assert run(capsys)[0] == 2


def test_new_writes_a_template_that_fails_check_until_filled_in(project, capsys):
    code, out, err = run(capsys, "--root", str(project), "new", "--title", "Lär av misstag på köket",
                         "--phase", "uppföljning")
    assert (code, err) == (0, "")
    path = project / "methods" / "lar-av-misstag-pa-koket.md"
    assert out == "Skapade methods/lar-av-misstag-pa-koket.md (utkast). Fyll i texterna och kör sedan: metodbank check\n"
    text = path.read_text(encoding="utf-8")
    assert "title: Lär av misstag på köket" in text
    assert "# Sammanfattning: En eller två meningar" in text
    assert "phases: [follow_up]" in text and "status: draft" in text and "last_reviewed: 2026-11-23" in text
    # The examples are comments; the values are empty, so nothing made up can be published by mistake.
    values = [line for line in text.split("---")[1].splitlines() if line and not line.startswith("#")]
    assert 'summary: ""' in values and "group_size:" in values and "  min:" in values
    assert not any(re.search(r"\d", line) for line in values if not line.startswith("last_reviewed"))
    assert "#     min: 2" in text
    code, out, err = run(capsys, "--root", str(project), "check")
    assert code == 1
    assert 'fältet "summary" är tomt; skriv något' in out
    assert '"group_size.min" ska vara ett heltal (personer), men är tomt' in out
    assert '"steps.anchoring" behöver minst 1 värde, nu finns 0' in out
    assert 'avsnittet "Syfte" är tomt' in out


def test_new_asks_when_interactive(project, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    code, out, _ = run(capsys, "--root", str(project), "new", stdin=Terminal("Språkcafé\ndelivery\n"))
    assert code == 0
    assert "Metodens titel: " in out
    assert (project / "methods" / "sprakcafe.md").exists()


@pytest.mark.parametrize("existing", ["sprakcafe.md", "Sprakcafe.md", "SPRAKCAFE.md"])
def test_new_never_overwrites_even_ignoring_case(project, capsys, existing):
    path = project / "methods" / existing
    path.write_text("original", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(project), "new", "--title", "Språkcafé", "--phase", "delivery")
    assert code == 1
    assert f"methods/{existing} finns redan" in err
    assert path.read_text(encoding="utf-8") == "original"
    assert len(list((project / "methods").iterdir())) == 1


def test_new_without_title_in_ci_is_a_usage_error(project, capsys):
    code, _, err = run(capsys, "--root", str(project), "new", "--phase", "delivery")
    assert code == 2 and "--title" in err


def test_new_rejects_bad_id_and_phase(project, capsys):
    assert run(capsys, "--root", str(project), "new", "Dåligt Id", "--title", "X", "--phase", "delivery")[0] == 2
    code, _, err = run(capsys, "--root", str(project), "new", "--title", "X", "--phase", "deliverry")
    assert code == 2 and 'menade du "delivery"?' in err


def test_review_lists_old_methods_oldest_first(project, capsys):
    make_method(project, "ny", last_reviewed="2026-01-01")
    make_method(project, "gammal", last_reviewed="2023-05-01")
    make_method(project, "mellan", last_reviewed="2024-06-30")
    code, out, err = run(capsys, "--root", str(project), "review")
    assert code == 0
    assert out.splitlines() == ["methods/gammal.md: senast granskad 2023-05-01",
                                "methods/mellan.md: senast granskad 2024-06-30"]
    assert err == "2 av 3 metoder har inte granskats sedan 2025-05-23.\n"
    code, out, _ = run(capsys, "--root", str(project), "review", "--months", "36")
    assert out.splitlines() == ["methods/gammal.md: senast granskad 2023-05-01"]


def test_schema_is_printed_and_checked(project, capsys):
    code, out, _ = run(capsys, "--root", str(project), "schema")
    schema = json.loads(out)
    assert schema["properties"]["phases"]["items"]["enum"][:3] == ["anchoring", "delivery", "follow_up"]
    assert run(capsys, "--root", str(project), "schema", "--check")[0] == 1
    assert run(capsys, "--root", str(project), "schema", "--write")[0] == 0
    assert run(capsys, "--root", str(project), "schema", "--check")[0] == 0


def test_committed_schema_is_up_to_date(capsys):
    code, _, err = run(capsys, "--root", str(REPO), "schema", "--check")
    assert code == 0, err
