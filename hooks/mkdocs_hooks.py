"""MkDocs adapter for the Metodbanken engine: MkDocs events in, engine calls, virtual files out.

This is the only module that knows MkDocs. Under `mkdocs serve` the engine (package `metodbank`
beside this file) is re-imported at every rebuild, so edits to the engine take effect like edits to methods.
"""

from __future__ import annotations

import importlib
import logging
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
    _state.update(project=project, builder=builder, spliced={}, bodies={})
    for file in files:
        if file.generated_by is None and file.is_documentation_page():
            file.edit_uri = f"{settings.docs_dir.name}/{file.src_uri}"
    for page in builder.build_pages() + engine.build_print_pages(builder, settings.docs_dir):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"Metodbanken: {settings.docs_dir.name}/{page.src_uri} krockar med en genererad sida; "
                              "byt namn på filen")
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.edit_path
        files.append(file)
        if page.included is not None:
            _state["spliced"][page.src_uri] = page.included
    files.append(File.generated(config, engine.SCHEMA_PATH, content=engine.format_json_schema(project.vocabulary)))
    return files


@event_priority(-50)  # after Material's search plugin writes the index, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    """Swedish search: add stems, compound parts and synonyms to the search index (engine: search.py)."""
    project = _state.get("project")
    if project is not None:
        _state["engine"].tune_site_index(config.site_dir, project.catalogue, project.vocabulary,
                                         config.use_directory_urls)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep each method page's rendered body; print pages reuse it instead of rendering it again."""
    src = page.file.src_uri
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
    for term in project.vocabulary.terms("phases"):
        if term.chapter == page.file.src_uri:
            markdown = _state["engine"].add_print_links(markdown, term)
            return markdown.rstrip() + "\n\n" + builder.build_phase_list(term.id)
    return markdown
