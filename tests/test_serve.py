"""`mkdocs serve` rebuilds when a method or the vocabulary changes (a real server on 127.0.0.1)."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import REPO, make_project, tree, write_config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 40) -> bool:
    """Poll the page (bounded) until it contains `text`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


@pytest.mark.slow
def test_serve_rebuilds_after_method_and_vocabulary_changes(tmp_path):
    root = make_project(tmp_path / "project", "minimal")
    write_config(root)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a",
         f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=root)
    url = f"http://127.0.0.1:{port}/metoder/ova-pa-plats/"
    try:
        assert wait_for(url, "Öva på plats"), "the server did not start"
        path = root / "methods" / "ova-pa-plats.md"
        path.write_text(path.read_text(encoding="utf-8").replace("title: Öva på plats", "title: Öva på riktigt"),
                        encoding="utf-8")
        assert wait_for(url, "Öva på riktigt"), "no rebuild after a method changed"
        vocabulary = root / "vocabulary.yml"
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace("label: Deltagare\n",
                                                                              "label: Deltagarna\n", 1),
                              encoding="utf-8")
        assert wait_for(url, "Deltagarna"), "no rebuild after the vocabulary changed"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output


SERVE_URL = "http://127.0.0.1:8000/"


def _build(root: Path, site: Path, *, serving: bool) -> dict:
    """One build the way `mkdocs serve` makes it (a fresh config, a full build into the same folder)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    hooks = next(iter(config["hooks"].values()))
    if serving and not hooks._serving:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    return hooks


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_serve_rebuilds_reuse_only_what_did_not_change(tmp_path, monkeypatch):
    """Edits to a method, a tag label and a chapter in a serve-like loop: every affected page changes, and the
    site is byte for byte the site a fresh full build makes; unaffected pages are not rendered again."""
    from material.plugins.search import plugin as search_plugin
    from mkdocs.structure.pages import Page

    root = make_project(tmp_path / "project")
    shutil.copytree(REPO / "methods", root / "methods", dirs_exist_ok=True)
    write_config(root)
    site, fresh = tmp_path / "serve-site", tmp_path / "fresh-site"
    rendered: list[str] = []
    original_render = Page.render

    def render(self, config, files):
        if self.markdown:
            rendered.append(self.file.src_uri)
        return original_render(self, config, files)

    monkeypatch.setattr(Page, "render", render)
    parsed: list[int] = []  # pages whose HTML Material's search read

    class Parser(search_plugin.Parser):
        def feed(self, data):
            parsed.append(len(data))
            return super().feed(data)

    monkeypatch.setattr(search_plugin, "Parser", Parser)
    hooks = _build(root, site, serving=True)
    try:
        pages = len(rendered)

        def rebuild_and_compare() -> list[str]:
            rendered.clear()
            parsed.clear()
            _build(root, site, serving=True)
            again = list(rendered)
            assert len(parsed) <= len(again) + 5  # the print pages' HTML changes when a method changes
            serving, reuse = list(hooks._serving), dict(hooks._reuse)
            hooks._serving.clear()
            inline_scripts = hooks._inline_scripts
            hooks._inline_scripts = lambda config: True  # the same CSP as under serve (its live-reload script)
            try:
                _build(root, fresh, serving=False)  # the reference: no serve, nothing reused
            finally:
                hooks._serving[:] = serving
                hooks._reuse.update(reuse)
                hooks._inline_scripts = inline_scripts
            assert {k: v for k, v in tree(site).items() if "sitemap" not in k} == \
                {k: v for k, v in tree(fresh).items() if "sitemap" not in k}
            return again

        # Nothing changed: nothing is rendered again.
        assert rebuild_and_compare() == []

        # A method's title: its page, its backlinks, the catalogue, its tag pages, print pages and search.
        method = root / "methods" / "skuggning.md"
        method.write_text(method.read_text(encoding="utf-8").replace("title: Skuggning\n",
                                                                    "title: Skuggning på riktigt\n"), encoding="utf-8")
        again = rebuild_and_compare()
        assert "metoder/skuggning.md" in again and "metoder/index.md" in again
        assert "metoder/framgangsfall.md" not in again  # does not mention skuggning anywhere
        assert len(again) < pages / 2
        for page in ("metoder/skuggning", "metoder/handledare-och-mentor", "metoder", "taggar",
                     "utskrift/genomforande"):
            assert "Skuggning på riktigt" in _html(site, page), page
        assert "Skuggning på riktigt" in (site / "search" / "search_index.json").read_text(encoding="utf-8")

        # A tag label in vocabulary.yml: every page that shows the tag.
        vocabulary = root / "vocabulary.yml"
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
            "label: Handledning och mentorskap", "label: Handledning i vardagen"), encoding="utf-8")
        again = rebuild_and_compare()
        assert "metoder/skuggning.md" in again and "metoder/framgangsfall.md" not in again
        for page in ("metoder/skuggning", "metoder/handledare-och-mentor", "taggar"):
            assert "Handledning i vardagen" in _html(site, page), page

        # A chapter.
        chapter = root / "handbook" / "genomforande.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nEtt nytt stycke om genomförande.\n",
                           encoding="utf-8")
        again = rebuild_and_compare()
        assert "genomforande.md" in again and "metoder/skuggning.md" not in again
        assert "Ett nytt stycke om genomförande." in _html(site, "genomforande")
    finally:
        hooks._serving.clear()
        hooks._reuse.clear()


@pytest.mark.slow
@pytest.mark.logs
def test_serve_renders_a_page_that_warned_again(tmp_path, caplog):
    """A page whose rendering logged a warning (a broken link) is not reused, so the warning comes back."""
    root = make_project(tmp_path / "project", "minimal")
    write_config(root)
    chapter = root / "handbook" / "genomforande.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n[Finns inte](saknas.md)\n", encoding="utf-8")
    hooks = _build(root, tmp_path / "site", serving=True)
    try:
        for _ in range(2):
            caplog.clear()
            _build(root, tmp_path / "site", serving=True)
            assert any("saknas.md" in r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)
        assert hooks._reuse["rendered"]  # the other pages are reused
    finally:
        hooks._serving.clear()
        hooks._reuse.clear()
