"""Browser adapter: the Debian Chromium driven by Playwright, and a static server for a built site.

Shared by `metodbank pdf`, the browser tests and the search evaluation, so the browser is started one way
everywhere. `playwright` is imported only inside functions; nothing here downloads a browser, and the
server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("METODBANK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only this machine: every other host name fails to resolve, so a page printed to PDF (or tested) never
    # asks another server for anything, and no request has to pass through a slow interception handler.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


class BrowserError(Exception):
    """Something the user must fix before the browser can run (message in Swedish)."""


def chromium_path() -> str:
    """The Debian Chromium binary; BrowserError with what to install when it is missing."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    raise BrowserError(f"hittar inte Chromium ({CHROMIUM}); installera Debian-paketet chromium, "
                   "till exempel med: sudo apt-get install chromium")


def load_playwright():
    """Playwright's sync API entry point; BrowserError with what to install when it is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserError("Python-paketet playwright saknas; installera det med: pip install -e '.[pdf]'") from error
    return sync_playwright


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 and a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="metodbank-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """One headless Debian Chromium (a Playwright Browser)."""
    executable = chromium_path()
    with load_playwright()() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except Exception as error:  # noqa: BLE001 - any launch failure means "no usable browser"
            raise BrowserError(f"Chromium ({executable}) gick inte att starta: {error}") from error
        try:
            yield chromium
        finally:
            chromium.close()
