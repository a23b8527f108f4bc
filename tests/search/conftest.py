"""Browser fixtures for the search tests: the shared ones from tests/browser/conftest.py (built site, local
server, Debian Chromium, page), loaded from that file so both folders use the same code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "metodbank_browser_fixtures", Path(__file__).resolve().parents[1] / "browser" / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

built_site = _fixtures.built_site
site_url = _fixtures.site_url
browser = _fixtures.browser
context = _fixtures.context
page = _fixtures.page
