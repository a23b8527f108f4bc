"""`metodbank offline`: a zip with a site that works opened from disk, search included."""

from __future__ import annotations

import zipfile

from helpers import REPO, make_method, write_config
from metodbank.adapters.cli import main


def offline_project(project):
    make_method(project, "skuggning", title="Skuggning", phases=["delivery"])
    make_method(project, "larlogg", title="Lärlogg", phases=["follow_up"])
    write_config(project)
    vendor = project / "handbook" / "assets" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)  # make_project copies the repo's assets; make sure of the shim
    shim = REPO / "handbook" / "assets" / "vendor" / "iframe-worker-shim.js"
    (vendor / "iframe-worker-shim.js").write_bytes(shim.read_bytes())
    return project


def test_offline_zip_has_html_pages_search_index_and_planner(project, tmp_path, capsys):
    offline_project(project)
    out = tmp_path / "kopia.zip"
    assert main(["--root", str(project), "offline", "--out", str(out)]) == 0
    assert "Skrev kopia.zip" in capsys.readouterr().err
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert "LÄS MIG.txt" in names
        for name in ("index.html", "metoder/index.html", "metoder/skuggning.html", "planera.html",
                     "search/search_index.js", "assets/vendor/iframe-worker-shim.js"):
            assert f"metodbanken/{name}" in names, name
        # Pages end in .html (file:// has no directory index) and links say so.
        assert not any(n.endswith("/skuggning/index.html") for n in names)
        method = archive.read("metodbanken/metoder/skuggning.html").decode("utf-8")
        assert 'href="../planera.html?add=skuggning"' in method
        # Search runs from disk with the bundled shim, never a script from another host.
        assert '<script src="../assets/vendor/iframe-worker-shim.js"' in method
        assert "unpkg.com" not in method
        assert archive.read("metodbanken/search/search_index.js").decode("utf-8").startswith("var __index = ")
        planner = archive.read("metodbanken/planera.html").decode("utf-8")
        assert '"url":"metoder/skuggning.html"' in planner
    # The sources are untouched: no site folder or zip in the project.
    assert not (project / "site").exists()
    assert not list(project.glob("*.zip"))


def test_offline_refuses_an_out_that_is_not_a_zip(project, tmp_path, capsys):
    offline_project(project)
    assert main(["--root", str(project), "offline", "--out", str(tmp_path / "kopia.tar")]) == 2
    assert "--out ska vara en zip-fil" in capsys.readouterr().err


def test_offline_reports_a_broken_project(project, tmp_path, capsys):
    offline_project(project)
    make_method(project, "trasig", phases=["okand-fas"])
    out = tmp_path / "kopia.zip"
    assert main(["--root", str(project), "offline", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "methods/trasig.md:" in captured.out and "okänd fas" in captured.out
    assert "rätta felen i metodfilerna först" in captured.err
    assert not out.exists()
