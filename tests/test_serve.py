"""`mkdocs serve` rebuilds when a method or the vocabulary changes (a real server on 127.0.0.1)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import make_project, write_config


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
