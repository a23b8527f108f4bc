"""Browser test infrastructure: the real site built once, served on 127.0.0.1, driven by Debian's Chromium.

A plain module, registered once by tests/conftest.py, so every folder (tests/browser, tests/search, …) shares
one site, one server and one browser per session (Playwright's sync API allows one per thread).
Fixtures:
- `real_build`   (site folder, result) of `mkdocs build --strict` of the real repository, run once per session.
- `built_site`   Path of the real repository's site, built once per session with the real hooks (strict).
- `site_url`     base URL ("http://127.0.0.1:PORT/") of a threaded static server for `built_site`.
- `browser`      one Playwright Chromium (Debian's /usr/bin/chromium) per session.
- `page`         a fresh browser context + page per test (no shared cookies or local storage).
- `axe`          axe(page, *, exclude=None) -> list of WCAG 2.1 A/AA violations found by axe-core.
- `format_violations(violations)` turns axe results into a readable assertion message.
- `offline_copy`  the repository's offline copy (`metodbank offline`), unpacked once; its file:// address.

`real_build` (`built_site`) and `offline_copy` are made once per test run even when pytest-xdist runs the tests in several
worker processes (`shared`: the first worker makes the folder under a file lock, the others wait and reuse it).
Tests only read them.

When Chromium or Playwright is missing the browser tests skip locally with the reason, and fail when the
environment variable CI is "true" (CI must run them). Nothing here downloads a browser; the only network
traffic is to the local server.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

from helpers import run_in_process
from metodbank.adapters.browser import BrowserError, serve
from metodbank.adapters.browser import browser as chromium_browser

REPO = Path(__file__).resolve().parents[1]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def _unavailable(reason: str):
    """Fail in CI (the browser tests must run there), skip with the reason elsewhere."""
    if _in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _axe_source() -> str:
    """axe-core's axe.min.js as bundled by the `axe-playwright-python` package (no network needed)."""
    try:
        import axe_playwright_python
    except ImportError:
        _unavailable("the Python package axe-playwright-python (bundles axe-core) is not installed; "
                     "run scripts/test.sh or pip install -e '.[test]'")
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    if not path.exists():
        _unavailable(f"axe.min.js is missing from {path.parent}")
    return path.read_text(encoding="utf-8")


def shared(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run by `make(folder)`, also across pytest-xdist workers.

    Each worker has its own temporary folder below the run's; the folder is made in the run's folder under a
    file lock by the first worker that asks, and reused by the others. A folder whose making failed is made
    again by the next worker that asks."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`mkdocs build --strict -d SITE` of the real repository (mkdocs.yml, handbook/, methods/), run once per
    test run the way the command runs (helpers.run_in_process): the site folder and the command's result."""

    def make(folder: Path) -> None:
        result = run_in_process(REPO, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site"))
        (folder / "result.json").write_text(json.dumps([result.returncode, result.stdout, result.stderr]),
                                            encoding="utf-8")

    folder = shared(tmp_path_factory, "real-site", make)
    code, out, err = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    return folder / "site", subprocess.CompletedProcess(["mkdocs", "build", "--strict"], code, out, err)


@pytest.fixture(scope="session")
def built_site(real_build) -> Path:
    """The real repository's site (mkdocs.yml, handbook/, methods/), built once with --strict semantics."""
    site, result = real_build
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of a static server for the built site, on 127.0.0.1 and a free port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, started like `metodbank pdf` starts it."""
    try:
        with chromium_browser() as chromium:
            yield chromium
    except BrowserError as error:
        _unavailable(str(error))


@pytest.fixture
def context(browser):
    """A fresh browser context (own local storage) with Swedish locale and a desktop viewport."""
    # bypass_csp: these tests drive behaviour with Playwright's string predicates and inject axe-core, both of
    # which the site's Content-Security-Policy refuses; tests/browser/test_csp.py runs every page type under it.
    ctx = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    ctx.set_default_timeout(10_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context):
    """A fresh page; fails the test on any uncaught JavaScript error (listed in page.js_errors)."""
    pg = context.new_page()
    pg.js_errors = []
    pg.on("pageerror", lambda error: pg.js_errors.append(str(error)))
    yield pg
    assert not pg.js_errors, "JavaScript errors on the page:\n" + "\n".join(pg.js_errors)


@pytest.fixture(scope="session")
def axe_source() -> str:
    return _axe_source()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation.get("nodes", [])[:5]:
            lines.append(f"    {', '.join(map(str, node.get('target', [])))}: {node.get('failureSummary', '')[:300]}")
    return "\n".join(lines)


@pytest.fixture
def axe(axe_source):
    """axe(page, exclude=None) runs axe-core with the WCAG 2.1 A and AA rules and returns the violations."""

    def run(pg, exclude: list[str] | None = None) -> list[dict]:
        if not pg.evaluate("typeof window.axe !== 'undefined'"):
            pg.add_script_tag(content=axe_source)
        context_arg = {"exclude": [[selector] for selector in exclude]} if exclude else None
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        result = pg.evaluate(
            "async ([context, options]) => context ? await axe.run(context, options) "
            ": await axe.run(document, options)",
            [context_arg, options],
        )
        return result["violations"]

    return run


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    """The repository's offline copy (`metodbank offline`), unpacked once; its file:// address ending in '/'."""
    import zipfile

    from metodbank.adapters.cli import main

    def make(folder: Path) -> None:
        out = folder / "metodbanken-offline.zip"
        assert main(["--root", str(REPO), "offline", "--out", str(out)]) == 0
        with zipfile.ZipFile(out) as archive:
            archive.extractall(folder)

    return (shared(tmp_path_factory, "offline", make) / "metodbanken").as_uri() + "/"
