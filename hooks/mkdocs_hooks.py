"""MkDocs adapter for the Metodbanken engine: MkDocs events in, engine calls, virtual files out.

This is the only module that knows MkDocs. Under `mkdocs serve` the engine (package `metodbank`
beside this file) is re-imported at every rebuild, so edits to the engine take effect like edits to methods.
"""

from __future__ import annotations

import html
import importlib
import logging
import os
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HOOKS_DIR = Path(__file__).resolve().parent
log = logging.getLogger("mkdocs.plugins.metodbank")

_state: dict = {}
_serving: list[bool] = []


def _engine():
    """Import the engine from this folder; under `mkdocs serve`, afresh on every rebuild."""
    if str(HOOKS_DIR) not in sys.path:
        sys.path.insert(0, str(HOOKS_DIR))
    if _serving:
        for name in [n for n in sys.modules if n == "metodbank" or n.startswith("metodbank.")]:
            del sys.modules[name]
    return importlib.import_module("metodbank")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _serving.append(True)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    engine = _engine()
    root = Path(config.config_file_path).resolve().parent
    settings = engine.Settings.for_root(root, docs_dir=Path(config.docs_dir).resolve(),
                                        use_directory_urls=config.use_directory_urls)
    _state.clear()
    _state.update(engine=engine, settings=settings)
    for path in (settings.methods_dir, root / engine.VOCABULARY_FILE):
        if str(path) not in config.watch:
            config.watch.append(str(path))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    engine, settings = _state["engine"], _state["settings"]
    project = engine.load_project(settings)
    for problem in project.problems:
        (log.error if problem.level is engine.Level.ERROR else log.warning)(engine.format_problem(problem))
    if not project.ok:
        count = sum(1 for p in project.problems if p.level is engine.Level.ERROR)
        raise PluginError(f"Metodbanken: {count} fel i metodfilerna (se raderna ovan). "
                          "Rätta dem och bygg igen; metodbank check visar samma lista.")
    config.extra["mb_tag_hints"] = engine.tag_hints(project.vocabulary)  # search-sv.js: tags for "no results"
    builder = engine.PageBuilder(project.catalogue, project.vocabulary, config.use_directory_urls)
    _state.update(project=project, builder=builder, spliced={}, bodies={}, parts={}, generated=set())
    for file in files:
        if file.generated_by is None and file.is_documentation_page():
            file.edit_uri = f"{settings.docs_dir.name}/{file.src_uri}"
    with_pdfs = os.environ.get(engine.PDF_ENV) == "1"  # set by `metodbank pdf`, which prints them after the build
    print_pages = engine.build_print_pages(builder, settings.docs_dir, with_pdfs)
    _state["to_clean"] = {page.src_uri for page in print_pages}  # they carry chapter prose from handbook/
    for page in builder.build_pages() + print_pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"Metodbanken: {settings.docs_dir.name}/{page.src_uri} krockar med en genererad sida; "
                              "byt namn på filen")
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.edit_path
        files.append(file)
        if page.included is not None:
            _state["spliced"][page.src_uri] = page.included
        if page.parts is not None:
            _state["parts"][page.src_uri] = page.parts
        _state["generated"].add(page.src_uri)
    addresses = engine.Addresses(config.repo_url or "", config.site_url or "")
    files.append(File.generated(config, engine.SCHEMA_PATH,
                                content=engine.format_json_schema(project.vocabulary, addresses)))
    # The method editor ("Skriv en metod") and each method's content for its "Ändra i formuläret" link.
    files.append(File.generated(config, engine.EDITOR_URI, content=engine.editor_markdown(
        project.vocabulary, project.catalogue, config.repo_url, config.use_directory_urls)))
    _state.setdefault("generated", set()).add(engine.EDITOR_URI)  # made by the engine, like build_pages()
    for path, text in engine.method_data_files(project.catalogue):
        files.append(File.generated(config, path, content=text))
    return files


@event_priority(-50)  # after Material's search plugin writes the index, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    """Swedish search: add stems, compound parts and synonyms to the search index (engine: search.py)."""
    project = _state.get("project")
    if project is not None:
        _state["engine"].tune_site_index(config.site_dir, project.catalogue, project.vocabulary,
                                         config.use_directory_urls)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the engine's clean HTML into method pages, clean chapters and print pages with the site's
    allow-list, and keep each method page's rendered body (print pages reuse it)."""
    src = page.file.src_uri
    engine = _state.get("engine")
    if engine is not None and "parts" in _state:
        if src in _state["parts"]:
            html = engine.splice_parts(html, _state["parts"][src])
        elif src not in _state["generated"] or src in _state["to_clean"]:
            base = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
            html, removed = engine.clean_page(html, base.strip("/"))  # URLs in it are relative to the page URL
            if src not in _state["generated"]:  # a print page repeats its chapters, which report it themselves
                for message in removed:
                    log.error(f"{_state['settings'].docs_dir.name}/{src}: {message}")
    if "bodies" in _state and src.startswith("metoder/") and src != "metoder/index.md":
        _state["bodies"][src[len("metoder/"):-len(".md")]] = html
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Splice the method bodies into the print pages (every page's content exists by now)."""
    included = _state.get("spliced", {}).get(page.file.src_uri)
    if included is not None:
        page.content = _state["engine"].splice_methods(page.content, page.file.src_uri, _state["bodies"], included,
                                                       config.use_directory_urls)
    return context


@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project, builder = _state.get("project"), _state.get("builder")
    if project is None:
        return markdown
    markdown = _state["engine"].expand_repo_links(markdown, _state["engine"].Addresses(config.repo_url or ""))
    if page.file.src_uri not in _state["generated"]:
        # The theme prints these into <title> and <meta content="…"> without escaping (generated pages
        # escape their own): a chapter's front matter must not add markup to <head>.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
    for term in project.vocabulary.terms("phases"):
        if term.chapter == page.file.src_uri:
            markdown = _state["engine"].add_print_links(markdown, term)
            return markdown.rstrip() + "\n\n" + builder.build_phase_list(term.id)
    return markdown


def _inline_scripts(config: MkDocsConfig) -> bool:
    """The offline copy's search shim and `mkdocs serve`'s live reload both write inline scripts whose text
    is only known in the browser; those builds allow inline scripts (see csp.py)."""
    return bool(_serving) or any(name in config.plugins for name in ("offline", "material/offline"))


@event_priority(-100)  # last: the page is final, so the hashes of its inline scripts are
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Fill in each page's Content-Security-Policy (engine: csp.py)."""
    return _engine_module().fill_policy(output, _inline_scripts(config))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same policy for pages made from a template alone (404.html)."""
    return _engine_module().fill_policy(output_content, _inline_scripts(config))


def _engine_module():
    return _state.get("engine") or _engine()
