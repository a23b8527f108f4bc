"""Strict builds of real sites from fixture method sets; assertions on the HTML a reader gets."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, build_site, make_method, make_project, write_config


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("minimal") / "project", "minimal")
    before = digest(root / "methods"), digest(root / "handbook")
    site = build_site(root)
    assert (digest(root / "methods"), digest(root / "handbook")) == before, "the build wrote into the sources"
    return site


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def links(page: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', page)


def text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_every_method_has_a_page(site):
    for method_id in ("forberedande-samtal", "ova-pa-plats", "titta-tillbaka"):
        assert (site / "metoder" / method_id / "index.html").is_file()


def test_method_page_shows_facts_and_body(site):
    page = html(site, "metoder/titta-tillbaka/index.html")
    assert '<html lang="sv"' in page
    assert re.search(r"<h1[^>]*>Titta tillbaka<", page)
    plain = text(page)
    for fact in ("Fas", "Efterarbete och implementering", "Målgrupp", "Deltagare", "Gruppstorlek", "3–12 personer",
                 "Tid", "15–20 minuter per träff", "Svårighet", "Lätt", "Kostnad", "Ingen kostnad", "Roller",
                 "Processledare", "Material", "Blädderblock", "Lättläst"):
        assert fact in plain, fact
    assert 'href="../../efterarbete/"' in page
    for heading in ("Syfte", "Förankring", "Genomförande", "Efterarbete och implementering", "Anpassningar"):
        assert re.search(rf"<h2 id=\"[^\"]+\">{heading}", page), heading
    assert "Senast granskad 20 november 2026 av Testgranskare" in plain


def test_method_page_says_what_it_builds_on(site):
    page = html(site, "metoder/titta-tillbaka/index.html")
    assert "Bygger på: Dokumenterat fall. Ett påhittat fall för testerna, inte en verklig källa." in text(page)
    assert page.index("Bygger på") < re.search(r'<h2 id="[^"]+">Syfte', page).start()  # near the top
    design = text(html(site, "metoder/ova-pa-plats/index.html"))
    assert "Bygger på: Redaktionens förslag, ännu inte prövat i ett ASF." in design
    assert "Berätta gärna för redaktionen" in design


def test_related_links_work_both_ways(site):
    samtal = html(site, "metoder/forberedande-samtal/index.html")
    ova = html(site, "metoder/ova-pa-plats/index.html")
    titta = html(site, "metoder/titta-tillbaka/index.html")
    # ova-pa-plats lists forberedande-samtal; titta-tillbaka lists ova-pa-plats: backlinks appear on the targets.
    assert "../forberedande-samtal/" in links(ova)
    assert "../ova-pa-plats/" in links(samtal)
    assert "../titta-tillbaka/" in links(ova)
    assert "../ova-pa-plats/" in links(titta)


def test_before_and_after_are_completed(site):
    ova = text(html(site, "metoder/ova-pa-plats/index.html"))
    before = ova.split("Ofta före den här metoden:")[1].split("Ofta efter den här metoden:")[0]
    after = ova.split("Ofta efter den här metoden:")[1]
    assert "Förberedande samtal" in before
    assert "Titta tillbaka" in after.split("Taggar")[0]


def test_phase_pages_list_exactly_their_methods(site):
    expected = {"forankring": ["forberedande-samtal"], "genomforande": ["ova-pa-plats"],
                "efterarbete": ["titta-tillbaka"]}
    for chapter, ids in expected.items():
        page = html(site, f"{chapter}/index.html")
        listed = re.findall(r'href="\.\./metoder/([a-z0-9-]+)/"', page)
        assert sorted(set(listed)) == ids, chapter
        assert "Text om" in page  # the chapter's own prose stays


def test_catalogue_lists_all_methods_without_javascript(site):
    page = html(site, "metoder/index.html")
    rows = re.findall(r'<tr data-phases="([^"]+)"[^>]*data-id="([^"]+)"', page)
    assert sorted(rows) == [("anchoring", "forberedande-samtal"), ("delivery", "ova-pa-plats"),
                            ("follow_up", "titta-tillbaka")]
    for method_id in ("forberedande-samtal", "ova-pa-plats", "titta-tillbaka"):
        assert f'href="{method_id}/"' in page


def test_tag_index_groups_methods(site):
    page = html(site, "taggar/index.html")
    section = page.split('id="reflektion"')[1].split("<h2")[0]
    assert "../metoder/ova-pa-plats/" in section and "../metoder/titta-tillbaka/" in section
    assert "forberedande-samtal" not in section
    method = html(site, "metoder/ova-pa-plats/index.html")
    assert "../?tagg=reflektion" in method   # a tag chip opens the catalogue filtered on the tag


def test_edit_links_open_the_source_file(site):
    method = html(site, "metoder/ova-pa-plats/index.html")
    assert 'href="https://github.com/metodbanken/metodbanken/edit/main/methods/ova-pa-plats.md"' in method
    chapter = html(site, "forankring/index.html")
    assert 'href="https://github.com/metodbanken/metodbanken/edit/main/handbook/forankring.md"' in chapter
    assert "edit/main/" not in html(site, "metoder/index.html")


def test_method_pages_are_searchable(site):
    index = html(site, "search/search_index.json")
    assert "metoder/ova-pa-plats/" in index
    assert '"lang":["sv"]' in index.replace(" ", "")


def test_front_matter_text_cannot_become_markup(project):
    make_method(project, "farlig", title="Titel <script>alert(1)</script>",
                summary="En [länk](javascript:alert(1)) och *stjärnor* och <b>fet</b> text som är lång nog här.",
                materials=["![bild](x.png)"])
    (project / "methods" / "farlig.md").write_text(
        (project / "methods" / "farlig.md").read_text(encoding="utf-8"), encoding="utf-8")
    from metodbank import PageBuilder, Settings, load_project

    result = load_project(Settings.for_root(project))
    assert [p.code for p in result.problems] == ["html-in-field", "html-in-field"]
    page = PageBuilder(result.catalogue, result.vocabulary).build_method_page(result.catalogue.get("farlig"))
    import markdown

    body = page.markdown.split("\n---\n", 1)[1]  # MkDocs strips the meta block; Jinja escapes its values
    rendered = markdown.markdown(body, extensions=["attr_list", "def_list", "md_in_html", "admonition"])
    assert "<script" not in rendered and 'href="javascript' not in rendered and "<img" not in rendered


@pytest.mark.logs
def test_broken_method_fails_the_build_with_the_cli_messages(tmp_path):
    root = make_project(tmp_path / "project", "minimal")
    make_method(root, "trasig", phases=["deliverry"], related=["saknas"])
    write_config(root)
    before = digest(root / "methods"), digest(root / "handbook")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True, cwd=root)
    check = subprocess.run([sys.executable, "-m", "metodbank", "--root", str(root), "check"],
                           capture_output=True, text=True)
    assert build.returncode == 1 and check.returncode == 1
    lines = [line for line in check.stdout.splitlines() if line]
    assert len(lines) == 2
    for line in lines:
        assert line in build.stderr
    assert "methods/trasig.md:7: okänd fas" in build.stderr
    assert "Traceback" not in build.stderr + build.stdout + check.stderr
    assert (digest(root / "methods"), digest(root / "handbook")) == before


def test_real_handbook_builds_strict(real_build):
    site, result = real_build  # `mkdocs build --strict -d SITE` in REPO, run once per session (browser_support.py)
    assert result.returncode == 0, result.stderr
    # MkDocs' warning log lines (Material's end-of-life banner names NO_MKDOCS_2_WARNING, which is no warning).
    assert not re.search(r"^WARNING\b", result.stderr, re.M), result.stderr
    methods = sorted(p.stem for p in (REPO / "methods").glob("*.md"))
    moved = sorted(p.stem for p in (REPO / "handbook" / "metoder").glob("*.md"))  # old addresses of renamed methods
    built = sorted(p.parent.name for p in (site / "metoder").glob("*/index.html"))
    assert built == sorted(methods + moved)
    assert not set(moved) & set(methods)
    old = (site / "metoder" / "sprakombud" / "index.html").read_text(encoding="utf-8")
    assert 'href="../sprakstod-pa-jobbet/"' in old  # the old Språkombud address leads to the renamed method
