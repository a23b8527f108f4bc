"""Shared fixtures. Any warning logged by MkDocs or the hooks fails the test unless the test checks it."""

from __future__ import annotations

import datetime
import logging

import pytest

from browser_support import (  # noqa: F401 - fixtures
    axe, axe_source, browser, built_site, context, offline_copy, page, real_build, site_url)
from helpers import make_project


@pytest.fixture
def project(tmp_path):
    """An empty project (vocabulary, phase chapters) in a temporary folder."""
    return make_project(tmp_path / "project")


@pytest.fixture
def today():
    return datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_unchecked_warnings(caplog, request):
    """Fail a test that logs a warning or error it did not look at (opt out with @pytest.mark.logs)."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("logs"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING and r.name.startswith("mkdocs")]
    assert not bad, "unexpected log lines:\n" + "\n".join(r.getMessage() for r in bad)
