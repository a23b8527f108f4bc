"""Addresses from mkdocs.yml (one setting for the repository) and the pull-request summary for contributors."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess

import pytest
import yaml

from helpers import REPO, make_method, write_config
from metodbank.contribute import derived
from metodbank.adapters.cli import main
from metodbank.contribute.publishing import changed_methods
from metodbank.core.config import Addresses, read_addresses
from metodbank.core.vocabulary import load_vocabulary

TODAY = datetime.date(2026, 11, 23)


def run(capsys, *argv):
    code = main(list(argv), stdin=io.StringIO(""), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("repo_url", "site_url", "pages"), [
    ("https://github.com/metodbanken/metodbanken", "", "https://metodbanken.github.io/metodbanken/"),
    ("https://github.com/Coompanion-Skane/metodbank.git", "", "https://coompanion-skane.github.io/metodbank/"),
    ("https://github.com/asf-vast/asf-vast.github.io/", "", "https://asf-vast.github.io/"),
    ("https://github.com/a/b", "https://metoder.example.se", "https://metoder.example.se/"),
    ("https://gitlab.com/a/b", "", ""),
    ("", "", ""),
])
def test_the_site_address_follows_the_repository_setting(repo_url, site_url, pages):
    addresses = Addresses(repo_url, site_url)
    assert addresses.pages_url == pages
    assert addresses.preview_url(7) == (pages + "pr-7/" if pages else "")


def test_addresses_are_read_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nrepo_url: https://github.com/org/bank  # kommentar\n"
                                         "theme:\n  name: material\n", encoding="utf-8")
    assert read_addresses(tmp_path / "mkdocs.yml") == Addresses("https://github.com/org/bank", "")
    assert read_addresses(tmp_path / "saknas.yml") == Addresses()
    assert read_addresses(REPO / "mkdocs.yml").repo_url == yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]


def test_the_issue_form_links_to_the_repository_in_mkdocs_yml():
    vocabulary, _ = load_vocabulary(REPO)
    form = yaml.safe_load(derived.build_issue_form(vocabulary, Addresses("https://github.com/annan-org/bank")))
    intro = form["body"][0]["attributes"]["value"]
    assert "https://github.com/annan-org/bank/blob/main/CONTRIBUTING.md" in intro
    committed = (REPO / derived.ISSUE_FORM_PATH).read_text(encoding="utf-8")
    assert read_addresses(REPO / "mkdocs.yml").repo_file("CONTRIBUTING.md") in committed


def test_changed_methods_are_the_method_files_only():
    assert changed_methods(["README.md", "methods/a.md", "methods/a.md", "methods/bilder/x.md", "methods/b.md",
                            "handbook/forankring.md"]) == ["methods/a.md", "methods/b.md"]


@pytest.fixture
def repo(project):
    if shutil.which("git") is None:
        pytest.skip("git saknas")
    write_config(project, repo_url="https://github.com/org/bank")
    make_method(project, "forsta", title="Första metoden")
    make_method(project, "andra", title="Andra metoden")
    make_method(project, "orord", title="Orörd metod", related=["andra"])

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "start")
    make_method(project, "forsta", title="Första metoden", phases=["deliverry"])
    make_method(project, "ny", title="Ny metod *här* &amp; [där]")
    (project / "methods" / "andra.md").unlink()
    git("add", "-A")
    git("commit", "-q", "-m", "ändring")
    return project


def test_summary_lists_changed_methods_with_preview_links_and_problems(repo, capsys):
    code, out, err = run(capsys, "--root", str(repo), "summary", "--base", "HEAD~1", "--pr", "12")
    assert code == 0, err
    preview = "https://org.github.io/bank/pr-12/"
    assert f"Förhandsvisning av hela webbplatsen: <{preview}>" in out
    first = out.split("### Första metoden")[1].split("###")[0]
    assert f"[Metodens sida i förhandsvisningen]({preview}metoder/forsta/)" in first
    assert '**Fel**, rad 7: okänd fas "deliverry"' in first and "(`unknown-value`)" in first
    new = out.split("### Ny")[1].split("###")[0]
    assert "### Ny metod \\*här\\* &amp;amp; \\[där\\]" in out  # a title is text, never Markdown or HTML
    assert f"({preview}metoder/ny/)" in new and "- Inga fel." in new
    assert "### andra" in out and "Metoden tas bort i den här pull requesten." in out
    others = out.split("### Andra filer")[1]
    assert "`methods/orord.md`" in others and "unknown-method" in others
    assert "### Orörd metod" not in out  # not changed in the pull request
    assert "Kontrollen hittade 2 fel." in out


def test_summary_without_problems_and_without_methods(project, capsys):
    write_config(project)
    make_method(project, "a")
    code, out, _ = run(capsys, "--root", str(project), "summary", "--changed", "README.md", "--preview-url",
                       "https://example.org/pr-3")
    assert code == 0
    assert "<https://example.org/pr-3/>" in out
    assert "Inga metodfiler ändras i den här pull requesten." in out
    assert out.rstrip().endswith("Kontrollen hittade inga fel.")


def test_summary_needs_something_to_compare(project, capsys):
    code, _, err = run(capsys, "--root", str(project), "summary")
    assert code == 2 and "--base" in err
    code, _, err = run(capsys, "--root", str(project), "summary", "--base", "finns-inte")
    assert code == 1 and "git diff mot finns-inte" in err


def test_a_second_organisation_changes_one_setting_and_every_generated_link_follows(project, capsys):
    """README: set repo_url in mkdocs.yml, run metodbank schema --write; the issue form and schema follow."""
    write_config(project, repo_url="https://github.com/asf-norr/metodbank")
    assert run(capsys, "--root", str(project), "schema", "--write")[0] == 0
    form = (project / derived.ISSUE_FORM_PATH).read_text(encoding="utf-8")
    schema = (project / derived.SCHEMA_PATH).read_text(encoding="utf-8")
    assert "https://github.com/asf-norr/metodbank/blob/main/CONTRIBUTING.md" in form
    assert '"$id": "https://asf-norr.github.io/metodbank/schema/method.schema.json"' in schema
    for text in (form, schema):
        assert "github.com/metodbanken/" not in text and "metodbanken.github.io" not in text
    write_config(project, repo_url="https://github.com/asf-norr/ny-plats")
    code, _, err = run(capsys, "--root", str(project), "schema", "--check")
    assert code == 1 and "metodbank schema --write" in err  # committed files that no longer match fail CI


def test_edit_links_and_chapter_links_to_the_repository_follow_repo_url(project, capsys):
    from helpers import build_site

    (project / "handbook" / "index.md").write_text(
        "# Start\n\nSkriv till oss i [ärendena](repo:issues) eller läs [guiden](repo:blob/main/CONTRIBUTING.md).\n",
        encoding="utf-8")
    make_method(project, "a")
    site = build_site(project, repo_url="https://github.com/asf-norr/metodbank")
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/asf-norr/metodbank/issues"' in start
    assert 'href="https://github.com/asf-norr/metodbank/blob/main/CONTRIBUTING.md"' in start
    method = (site / "metoder" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/asf-norr/metodbank/edit/main/methods/a.md"' in method
    assert "github.com/metodbanken/" not in start + method
    # metodbank check judges the chapter as the build renders it: the expanded link is allowed.
    code, out, err = run(capsys, "--root", str(project), "check")
    assert code == 0, out + err


def test_no_handbook_page_hard_codes_the_repository():
    repo_url = read_addresses(REPO / "mkdocs.yml").repo_url
    for path in [*(REPO / "handbook").rglob("*.md"), REPO / "CONTRIBUTING.md", *(REPO / "overrides").rglob("*.html")]:
        assert repo_url not in path.read_text(encoding="utf-8"), f"{path.relative_to(REPO)}: skriv (repo:…)"
