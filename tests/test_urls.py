"""site/urls.py: every address of the site and the one linking rule, checked against MkDocs itself."""

from __future__ import annotations

import ast
import itertools
import posixpath
import re

import pytest

from helpers import REPO, build_site, make_method, make_project
from metodbank.site import urls
from metodbank.site.urls import (link, method_of, method_uri, page_file, page_folder, page_url, relative, resolve,
                                 source_link, source_path)

PAGES = ("index.md", "forankring.md", "README.md", "metoder/index.md", "metoder/skuggning.md", "taggar/index.md",
         "bidra/skriv.md", "bidra/README.md", "utskrift/hela-handboken.md", "faser/delar/kapitel.md",
         "a/b/index.md", "v1.2.md", "mapp.med.punkt/sida.md")
FILES = ("assets/planner.js", "assets/editor/metoder/", "pdf/metodbanken-forankring.pdf", "schema/method.schema.json",
         "bild.png", "bidra/bild.png")


def mkdocs_file(src_uri: str, use_directory_urls: bool):
    from mkdocs.structure.files import File

    return File(src_uri, "/docs", "/site", use_directory_urls)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_page_url_and_file_are_mkdocs_own(use_directory_urls):
    for src in PAGES:
        file = mkdocs_file(src, use_directory_urls)
        assert page_url(src, use_directory_urls) == file.url, src
        assert page_file(src, use_directory_urls) == file.dest_uri, src


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("anchor", ["", "syfte"])
def test_link_is_what_mkdocs_computes(use_directory_urls, anchor):
    """Between pages at the root, in sub-folders and index pages, and from pages to files (assets, PDFs)."""
    from mkdocs.utils import get_relative_url

    checked = 0
    for source, target in itertools.product(PAGES, PAGES + FILES):
        here = mkdocs_file(source, use_directory_urls)
        if target.endswith(".md"):
            expected = mkdocs_file(target, use_directory_urls).url_relative_to(here)
        else:  # a static file: MkDocs' URL of a non-page file is its path
            expected = get_relative_url(target, here.url)
        expected += f"#{anchor}" if anchor else ""
        assert link(source, target, use_directory_urls, anchor) == expected, (source, target)
        checked += 1
    assert checked == len(PAGES) * (len(PAGES) + len(FILES))


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "url"),
    [
        ("metoder/skuggning.md", "planera.md", True, "../../planera/?add=skuggning"),
        ("metoder/skuggning.md", "planera.md", False, "../planera.html?add=skuggning"),
        ("metoder/index.md", "planera.md", True, "../planera/?add=skuggning"),
        ("planera.md", "metoder/index.md", False, "metoder/index.html?add=skuggning"),
    ],
)
def test_link_query_comes_before_the_anchor(source, target, directory_urls, url):
    assert link(source, target, directory_urls, query=urls.query(urls.ADD_PARAM, "skuggning")) == url
    assert link(source, target, directory_urls, "x", urls.query(urls.ADD_PARAM, "skuggning")) == url + "#x"


def test_relative_is_get_relative_url():
    from mkdocs.utils import get_relative_url

    addresses = ["./", "index.html", "a/", "a/b/", "a/b.html", "a/b/c.html", "a/index.html", "v1.2/", "x.y/z.html",
                 "assets/planner.js", "pdf/f.pdf", "a/../b/", "../../c/"]
    for start, target in itertools.product(addresses, repeat=2):
        if start.startswith("..") or "/../" in start:
            continue  # a page's own URL is always normalised
        assert relative(start, target) == get_relative_url(target, start), (start, target)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_resolve_is_where_a_browser_goes(use_directory_urls):
    """A relative link written in one page, resolved from the site root, then made relative to another page,
    reaches the same place (the print pages move method bodies and chapters this way)."""
    from urllib.parse import urljoin

    root = "https://example.org/site/"
    for source, target in itertools.product(PAGES, PAGES + FILES):
        there = page_url(source, use_directory_urls)
        written = link(source, target, use_directory_urls)
        resolved = resolve(there, written)
        assert urljoin(root, resolved) == urljoin(urljoin(root, there), written), (source, target)
        for other in ("index.md", "utskrift/forankring.md", "a/b/index.md"):
            here = page_url(other, use_directory_urls)
            moved = relative(here, resolved)
            assert urljoin(urljoin(root, here), moved) == urljoin(urljoin(root, there), written)
        for written in ("", ".", "./", "..", "../", "x/../y.html", "a/./b/"):  # as a person may write them
            expected = urljoin(urljoin(root, there), written)
            if expected.startswith(root):  # above the site's root, resolve() stays at the root, like MkDocs
                assert urljoin(root, resolve(there, written)) == expected, (source, written)


def test_source_link_is_resolved_by_mkdocs_to_its_target():
    """A generated Markdown link names the target's src_uri as MkDocs resolves it from the linking page
    (mkdocs.structure.pages: the link joined to the page's folder and normalised)."""
    for source, target in itertools.product(PAGES, PAGES):
        path = source_link(source, target)
        assert posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) == target, (source, target)
        assert source_path(source, path) == target
    assert source_link("metoder/a.md", "metoder/index.md", query=urls.query(urls.TAG_PARAM, "t")) == "index.md?tagg=t"
    assert source_link("forankring.md", "metoder/a.md", anchor="syfte") == "metoder/a.md#syfte"
    assert source_link("faser/forankring.md", "utskrift/forankring.md") == "../utskrift/forankring.md"


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_page_folder_is_the_folder_of_the_page_url(use_directory_urls):
    from mkdocs.structure.pages import Page

    for src in PAGES:
        page = Page(None, mkdocs_file(src, use_directory_urls), {})
        expected = (page.url if page.url.endswith("/") else posixpath.dirname(page.url)).strip("/")
        assert page_folder(src, use_directory_urls) == expected, src


def test_method_pages_are_known_by_their_path():
    assert method_of(method_uri("skuggning")) == "skuggning"
    for other in (urls.CATALOGUE_URI, urls.TAGS_URI, "metoder/a/b.md", "metoder/bild.png", "skuggning.md"):
        assert method_of(other) is None, other


# -- nobody else types the site's paths ---------------------------------------------------------------------

ENGINE = REPO / "hooks" / "metodbank"
URLS_MODULE = ENGINE / "site" / "urls.py"


def _typed_paths() -> tuple[set[str], tuple[str, ...]]:
    """The string constants of urls.py: paths no other module may write, and folders none may write into."""
    tree = ast.parse(URLS_MODULE.read_text(encoding="utf-8"))
    constants = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            constants.add(node.value.value)
    folders = {c.split("/")[0] for c in constants if "/" in c} | {urls.METHODS_DIR, urls.PRINT_DIR, urls.CARDS_DIR,
                                                                  urls.PDF_DIR}
    folders |= {posixpath.dirname(urls.TAGS_URI), posixpath.dirname(urls.EDITOR_URI), "assets"}
    paths = {c for c in constants if "." in c} | {urls.CATALOGUE_URI, urls.PRINT_INDEX_URI, urls.WHOLE_URI,
                                                    urls.CARDS_URI}
    return paths, tuple(folders)


def _strings(tree: ast.AST):
    """(line, text) of every string constant that is not a docstring, f-string parts included."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _modules():
    """Every module that builds pages or links: the engine above core/ and the MkDocs adapter.

    core/ may not import site/ (tests/test_architecture.py); the paths it knows are source paths."""
    engine = [p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts and p != URLS_MODULE
              and p.relative_to(ENGINE).parts[0] != "core"]
    return sorted(engine) + [REPO / "hooks" / "mkdocs_hooks.py"]


def _typed(code: str) -> list[tuple[int, str]]:
    """(line, text) of the strings in `code` that write a site path: a path or folder of urls.py, a path into
    one of its folders (also `../`-relative), or a page name like `index.md` or `planera.md`."""
    paths, folders = _typed_paths()
    page_folders = {urls.METHODS_DIR, urls.PRINT_DIR, urls.CARDS_DIR}  # "pdf" and "schema" also name commands
    into_folder = re.compile(r"(?:^|[(\s\"'=/])(?:\.\./)*(?:" + "|".join(map(re.escape, folders)) + r")/")
    page_name = re.compile(r"(?:^|[(\s\"'=/])(?:\.\./)*(?:index|planera|skriv|falt)\.md\b")
    return [(line, text) for line, text in _strings(ast.parse(code))
            if text in paths or text in page_folders or into_folder.search(text) or page_name.search(text)]


def test_no_module_but_urls_types_the_site_paths():
    paths, folders = _typed_paths()
    assert {"metoder/index.md", "taggar/index.md", "planera.md", "bidra/skriv.md", "assets/planner.js"} <= paths
    assert {"metoder", "taggar", "utskrift", "kort", "pdf", "bidra", "assets"} <= set(folders)
    offenders = [f"{path.relative_to(REPO)}:{line}: {text!r}"
                 for path in _modules() for line, text in _typed(path.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize("code", ['x = "metoder/index.md"', 'y = f"metoder/{i}.md"', 'w = "kort"',
                                  'z = f"[a](../taggar/index.md)"', 'v = "planera.md"', 'u = f"({i}) index.md?tagg=t"',
                                  'a = "assets/editor.js"', 'p = site / "utskrift"', 's = f"{b}/kort/{c}"',
                                  'j = "[JSON](../schema/method.schema.json)"'])
def test_the_scan_sees_a_typed_path(code):
    assert _typed(code)


# -- a chapter in a sub-folder ------------------------------------------------------------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_chapter_in_a_sub_folder_links_its_methods(tmp_path, use_directory_urls):
    """The phase list and print links added to a chapter, and a method's link to its phase chapter, are
    relative to where the chapter is (the strict build fails on any link MkDocs cannot resolve)."""
    root = make_project(tmp_path / "project")
    (root / "handbook" / "faser").mkdir()
    (root / "handbook" / "forankring.md").rename(root / "handbook" / "faser" / "forankring.md")
    text = (root / "vocabulary.yml").read_text(encoding="utf-8")
    assert "chapter: forankring.md" in text
    (root / "vocabulary.yml").write_text(text.replace("chapter: forankring.md", "chapter: faser/forankring.md"),
                                         encoding="utf-8")
    make_method(root, "skuggning", phases=["anchoring"])
    nav = [{"Start": "index.md"},
           {"Faserna": [{"Förankring": "faser/forankring.md"}, {"Genomförande": "genomforande.md"},
                        {"Efterarbete och implementering": "efterarbete.md"}]},
           {"Metodkatalog": "metoder/index.md"}, {"Taggar": "taggar/index.md"}]
    site = build_site(root, nav=nav, use_directory_urls=use_directory_urls)
    chapter = (site / page_file("faser/forankring.md", use_directory_urls)).read_text(encoding="utf-8")
    for target in (method_uri("skuggning"), urls.print_uri("forankring"), urls.cards_uri("forankring")):
        assert f'href="{link("faser/forankring.md", target, use_directory_urls)}"' in chapter, target
    expected = "../../metoder/skuggning/" if use_directory_urls else "../metoder/skuggning.html"
    assert f'href="{expected}"' in chapter
    method = (site / page_file(method_uri("skuggning"), use_directory_urls)).read_text(encoding="utf-8")
    assert f'href="{link(method_uri("skuggning"), "faser/forankring.md", use_directory_urls)}"' in method


@pytest.mark.parametrize(("use_directory_urls", "url"), [(True, "../"), (False, "index.html")])
def test_the_editor_links_the_contributor_guide_without_javascript(project, use_directory_urls, url):
    """The editor page (bidra/skriv) sits beside the guide (bidra/index): "./" reached the editor itself."""
    from metodbank import Settings, editor_markdown, load_project

    loaded = load_project(Settings.for_root(project))
    markdown = editor_markdown(loaded.vocabulary, loaded.catalogue, None, use_directory_urls)
    noscript = re.search(r"<noscript>.*?</noscript>", markdown, re.S).group(0)
    assert f'<a href="{url}">Så bidrar du</a>' in noscript
    assert link(urls.EDITOR_URI, urls.CONTRIBUTE_URI, use_directory_urls) == url
