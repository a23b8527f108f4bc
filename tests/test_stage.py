"""`metodbank stage DIR`: the handbook and every generated page as Markdown, for a builder without hooks.

The real handbook is staged and built by MkDocs with no hooks at all (the staged folder as docs_dir, the
project's mkdocs.yml inherited, `hooks: []`), and compared with the real build (the session's `built_site`).
What differs is only what the hooks do after rendering, which a staging folder cannot carry: the content
security policy, the tag hints in the page, the edit links and the method texts in the print pages
(ARCHITECTURE.md and adapters/stage.py list these).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import REPO, make_method
from metodbank.adapters.cli import main

AFTER_RENDERING = (  # what only the hooks put in a rendered page
    re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)'),
    re.compile(r'\s*<script type="application/json" id="mb-tag-hints">.*?</script>', re.S),
    re.compile(r'\s*<a href="[^"]*" class="md-content__button mb-edit" rel="edit">.*?</a>', re.S),
)


def without_hook_output(html: str) -> str:
    csp, *removed = AFTER_RENDERING
    html = csp.sub(r"\1\2", html)
    for pattern in removed:
        html = pattern.sub("", html)
    return "\n".join(line for line in html.splitlines() if line.strip())  # the {% if %} around the hints leaves one


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def staged_site(tmp_path_factory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    work = tmp_path_factory.mktemp("stage")
    assert main(["--root", str(REPO), "stage", str(work / "docs")]) == 0
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(REPO / "mkdocs.yml"), "docs_dir": "docs", "hooks": [], "watch": [],
        "theme": {"custom_dir": str(REPO / "overrides")}}), encoding="utf-8")
    site = work / "site"
    build(load_config(config_file=str(config), site_dir=str(site), strict=True))
    return site


def test_a_builder_without_hooks_gets_every_page_and_asset(staged_site, built_site):
    assert pages(staged_site) == pages(built_site)


def test_every_page_but_the_print_pages_is_the_same_apart_from_what_hooks_add_after_rendering(staged_site,
                                                                                              built_site):
    html = sorted(p for p in pages(built_site) if p.endswith(".html") and not p.startswith("utskrift/"))
    assert "metoder/skuggning/index.html" in html and "kort/forankring/index.html" in html
    different = [p for p in html if without_hook_output((staged_site / p).read_text(encoding="utf-8"))
                 != without_hook_output((built_site / p).read_text(encoding="utf-8"))]
    assert different == []
    staged = (staged_site / "metoder/skuggning/index.html").read_text(encoding="utf-8")
    assert "__METODBANKEN_CSP__" in staged and 'id="mb-tag-hints"' not in staged  # the normalised differences


def test_print_pages_link_to_each_method_instead_of_holding_its_text(staged_site, built_site):
    real = (built_site / "utskrift/forankring/index.html").read_text(encoding="utf-8")
    staged = (staged_site / "utskrift/forankring/index.html").read_text(encoding="utf-8")
    methods = re.findall(r'id="metod-([a-z0-9-]+)"', real)
    assert len(methods) > 3
    for method_id in methods:
        assert f'id="metod-{method_id}"' in staged
        assert f'<a href="../../metoder/{method_id}/">Läs metoden på dess egen sida</a>' in staged
    assert f'id="{methods[0]}--' in real and f'id="{methods[0]}--' not in staged  # no spliced method text


def test_stage_never_writes_into_the_sources_or_over_a_folder_it_did_not_make(project, tmp_path, capsys):
    make_method(project, "skuggning")
    handbook = sorted(p.relative_to(project) for p in project.rglob("*"))
    for target in (project, project / "handbook", project / "handbook" / "staged", project / "methods" / "x"):
        assert main(["--root", str(project), "stage", str(target)]) == 1
        assert "välj en mapp utanför källorna" in capsys.readouterr().err
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == handbook

    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mitt", encoding="utf-8")
    assert main(["--root", str(project), "stage", str(other)]) == 1
    assert "gjordes inte av metodbank stage" in capsys.readouterr().err
    assert [p.name for p in other.iterdir()] == ["keep.txt"]

    staged = tmp_path / "staged"
    assert main(["--root", str(project), "stage", str(staged)]) == 0
    assert (staged / "metoder" / "skuggning.md").is_file() and (staged / "index.md").is_file()
    (staged / "metoder" / "gammal.md").write_text("# Gammal\n", encoding="utf-8")
    assert main(["--root", str(project), "stage", str(staged)]) == 0  # an earlier stage is replaced whole
    assert not (staged / "metoder" / "gammal.md").exists()


def test_stage_writes_nothing_when_a_method_has_errors(project, tmp_path, capsys):
    make_method(project, "skuggning", phases=["ingen-fas"])
    assert main(["--root", str(project), "stage", str(tmp_path / "staged")]) == 1
    out, err = capsys.readouterr()
    assert "methods/skuggning.md" in out and "ingenting skrevs" in err
    assert not (tmp_path / "staged").exists()
