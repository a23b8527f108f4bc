"""MkDocs adapter for the Metodbanken engine: MkDocs events in, engine calls, virtual files out.

This is the only module that knows MkDocs. Under `mkdocs serve` the engine (package `metodbank`
beside this file) is re-imported at a rebuild when its source changed, so edits to the engine take effect like
edits to methods; what only depends on unchanged inputs is reused across rebuilds (see the end of this file).
"""

from __future__ import annotations

import hashlib
import html
import importlib
import logging
import os
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
    """Import the engine from this folder; under `mkdocs serve`, afresh when its source has changed."""
    if str(HOOKS_DIR) not in sys.path:
        sys.path.insert(0, str(HOOKS_DIR))
    if _serving:
        digest = _engine_digest()
        if digest != _reuse.get("engine"):
            for name in [n for n in sys.modules if n == "metodbank" or n.startswith("metodbank.")]:
                del sys.modules[name]
            _reuse.clear()  # everything reused was made by the old engine
            _reuse["engine"] = digest
    return importlib.import_module("metodbank")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _serving.append(True)
        logging.getLogger("mkdocs").addHandler(_warnings)


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
    project = engine.load_project(settings, cache=_reuse.setdefault("project", {}) if _serving else None)
    for problem in project.problems:
        (log.error if problem.level is engine.Level.ERROR else log.warning)(engine.format_problem(problem))
    if not project.ok:
        count = sum(1 for p in project.problems if p.level is engine.Level.ERROR)
        raise PluginError(f"Metodbanken: {count} fel i metodfilerna (se raderna ovan). "
                          "Rätta dem och bygg igen; metodbank check visar samma lista.")
    builder = engine.PageBuilder(project.catalogue, project.vocabulary, config.use_directory_urls)
    _state.update(project=project, builder=builder, spliced={}, bodies={}, parts={}, generated=set())
    if _serving:
        _reuse_search_entries(config)
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
    # The JSON Schema, the method editor ("Skriv en metod") and each method's content for its "Ändra i
    # formuläret" link, and the tables the site's scripts share with the engine (search words, limits, patterns).
    addresses = engine.Addresses(config.repo_url or "", config.site_url or "")
    for path, text in engine.site_files(project, addresses, config.use_directory_urls).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"Metodbanken: {settings.docs_dir.name}/{path} krockar med en genererad fil; "
                              "byt namn på filen")
        files.append(File.generated(config, path, content=text))
        if path.endswith(".md"):  # a page made by the engine (the editor), like build_pages()
            _state["generated"].add(path)
    return files


@event_priority(-50)  # after Material's search plugin writes the index, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    """Swedish search: add stems, compound parts and synonyms to the search index (engine: site/search.py)."""
    project = _state.get("project")
    if project is not None:
        _state["engine"].tune_site_index(config.site_dir, project.catalogue, project.vocabulary,
                                         config.use_directory_urls)
    _forget_unused_renders()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the engine's clean HTML into method pages, clean chapters and print pages with the site's
    allow-list, and keep each method page's rendered body (print pages reuse it)."""
    html = _reused_render(html, page, files)
    src = page.file.src_uri
    engine = _state.get("engine")
    if engine is not None and "parts" in _state:
        if src in _state["parts"]:
            html = _splice(engine.splice_parts, src, html, _state["parts"][src])
        elif src not in _state["generated"] or src in _state["to_clean"]:
            folder = engine.page_folder(src, config.use_directory_urls)  # URLs in it are relative to the page URL
            html, removed = engine.clean_page(html, folder)
            if src not in _state["generated"]:  # a print page repeats its chapters, which report it themselves
                for message in removed:
                    log.error(f"{_state['settings'].docs_dir.name}/{src}: {message}")
    method_id = engine.method_of(src) if engine is not None else None
    if "bodies" in _state and method_id is not None:
        _state["bodies"][method_id] = html
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Splice the method bodies into the print pages (every page's content exists by now)."""
    included = _state.get("spliced", {}).get(page.file.src_uri)
    if included is not None:
        page.content = _splice(_state["engine"].splice_methods, page.file.src_uri, page.content, page.file.src_uri,
                               _state["bodies"], included, config.use_directory_urls)
    return context


def _splice(splice, src: str, *args):
    """An engine splice (parts of a page put into its placeholders); a missing part stops the build."""
    try:
        return splice(*args)
    except _state["engine"].MissingPart as error:
        raise PluginError(f"Metodbanken: sidan {src} kunde inte byggas: {error}") from None


@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _skip_render_if_known(_page_markdown(markdown, page, config), page, config, files)


def _page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
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
    is only known in the browser; those builds allow inline scripts (see site/csp.py)."""
    return bool(_serving) or any(name in config.plugins for name in ("offline", "material/offline"))


@event_priority(-100)  # last: the page is final, so the hashes of its inline scripts are
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Fill in each page's Content-Security-Policy (engine: site/csp.py)."""
    return _engine_module().fill_policy(output, _inline_scripts(config))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same policy for pages made from a template alone (404.html)."""
    return _engine_module().fill_policy(output_content, _inline_scripts(config))


def _engine_module():
    return _state.get("engine") or _engine()


# -- mkdocs serve: reuse across rebuilds what only depends on unchanged inputs -------------------------------
#
# Plain MkDocs renders every page again after each save. Under `mkdocs serve` this module lives as long as the
# server, so it keeps (1) the engine's per-file results (parsed and validated methods, keyed by the file's
# bytes, the vocabulary's bytes and the date: engine.load_project(cache=...)) and (2) each page's Markdown
# rendering, keyed by the page's final Markdown, its path, mkdocs.yml and the set of files (links resolve
# against it). A page whose key is known gets empty Markdown to render, and its HTML, table of contents,
# title and anchors back in on_page_content; (3) the entries Material's search made of each page's HTML.
# When the engine's source changes, everything is dropped.
# Only what reaches the rendering is keyed, so an edited method, tag label or chapter changes exactly the
# pages whose Markdown changes (the method, its backlinks, the catalogue, the tag page, the print pages).

_reuse: dict = {}


class _WarningCount(logging.Handler):
    """Counts MkDocs warnings, so that a page whose rendering warned is rendered (and warns) again next time."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_warnings = _WarningCount()


def _engine_digest() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted((HOOKS_DIR / "metodbank").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(HOOKS_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _render_key(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    base = _state.get("render_base")
    if base is None:
        config_file = Path(config.config_file_path) if config.config_file_path else None
        digest = hashlib.blake2b(digest_size=16)
        digest.update(config_file.read_bytes() if config_file and config_file.is_file() else b"")
        digest.update(repr(config.use_directory_urls).encode())
        digest.update("\n".join(sorted(f.src_uri for f in files)).encode())
        base = _state["render_base"] = digest.digest()
    return hashlib.blake2b(base + page.file.src_uri.encode() + b"\0" + markdown.encode(), digest_size=20).hexdigest()


def _skip_render_if_known(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _serving or "project" not in _state:
        return markdown
    key = _render_key(markdown, page, config, files)
    known = key in _reuse.setdefault("rendered", {})
    _state.setdefault("pending", {})[page.file.src_uri] = (key, known, _warnings.count)
    _state.setdefault("used", set()).add(key)
    return "" if known else markdown


def _reused_render(html: str, page: Page, files: Files) -> str:
    key, known, warned_before = _state.get("pending", {}).pop(page.file.src_uri, (None, False, 0))
    if key is None or (not known and _warnings.count != warned_before):
        return html
    rendered = _reuse["rendered"]
    if known:
        html, page.toc, page._title_from_render, page.present_anchor_ids, links = rendered[key]
        targets = {src: files.get_file_from_path(src) for src in links}
        page.links_to_anchors = {file: links[src] for src, file in targets.items() if file is not None}
        return html
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    rendered[key] = (html, page.toc, page._title_from_render, page.present_anchor_ids, links)
    return html


def _forget_unused_renders() -> None:
    used = _state.get("used")
    if used is not None and "rendered" in _reuse:
        _reuse["rendered"] = {k: v for k, v in _reuse["rendered"].items() if k in used}
    if "search_used" in _state:
        _reuse["search_entries"] = _state["search_used"]


def _toc_key(items) -> tuple:
    return tuple((item.id, item.url, item.title, _toc_key(item.children)) for item in items)


def _reuse_search_entries(config: MkDocsConfig) -> None:
    """Material's search reads every page's HTML again; a page whose HTML, table of contents, title and
    search settings are unchanged gets the entries it got last time (copies, in the same order)."""
    index = getattr(config.plugins.get("material/search") or config.plugins.get("search"), "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    if add is None or not isinstance(getattr(index, "entries", None), list):
        return
    known = _reuse.get("search_entries", {})
    used = _state["search_used"] = {}

    def add_entry_from_context(page: Page) -> None:
        meta = {k: page.meta.get(k) for k in ("search", "tags", "title")}
        key = hashlib.blake2b(repr((page.url, page.title, meta, _toc_key(page.toc))).encode()
                              + b"\0" + page.content.encode(), digest_size=20).hexdigest()
        entries = known.get(key)
        if entries is None:
            start = len(index.entries)
            add(page)
            entries = [dict(entry) for entry in index.entries[start:]]
        else:
            index.entries.extend(dict(entry) for entry in entries)
        used[key] = entries

    index.add_entry_from_context = add_entry_from_context
