"""The benchmark's corpus generator and a small benchmark run. No timing assertions: only that it works."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

from metodbank import load_project, yamlstrict
from metodbank.cli import main as metodbank
from metodbank.project import Settings

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts"))
import bench  # noqa: E402
import benchcorpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return benchcorpus.generate_methods(18, seed=7)


def test_corpus_passes_check_with_zero_problems(tmp_path, corpus, capsys):
    benchcorpus.write_project(tmp_path / "p", corpus)
    assert metodbank(["--root", str(tmp_path / "p"), "check"]) == 0
    assert capsys.readouterr().out.strip() == ""
    project = load_project(Settings.for_root(tmp_path / "p"))
    assert project.problems == ()
    assert len(project.catalogue.methods) == 18
    assert len(list((tmp_path / "p" / "methods").glob("*.md"))) == 18


def test_corpus_cross_links_resolve(tmp_path, corpus):
    ids = {m.id for m in corpus}
    assert len(ids) == len(corpus)
    references = [r for m in corpus for key in ("related", "before", "after") for r in m.front.get(key, ())]
    body_links = [link for m in corpus for link, _ in _links(m.body)]
    assert references and body_links
    assert set(references) <= ids and set(body_links) <= ids
    benchcorpus.write_project(tmp_path / "p", corpus)
    catalogue = load_project(Settings.for_root(tmp_path / "p")).catalogue
    assert any(catalogue.related.values()) and any(catalogue.predecessors.values())
    # The copied chapters link to generated methods, not to the repository's own.
    chapter = (tmp_path / "p" / "handbook" / "genomforande.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(metoder/([a-z0-9-]+)\.md", chapter)) - {"index"}
    assert linked and linked <= ids


def _links(markdown: str):
    return [(m.group(1), m.start()) for m in re.finditer(r"\]\(([a-z0-9-]+)\.md", markdown)]


def test_corpus_is_deterministic_with_a_seed():
    first = [m.text() for m in benchcorpus.generate_methods(12, seed=3)]
    assert first == [m.text() for m in benchcorpus.generate_methods(12, seed=3)]
    assert first != [m.text() for m in benchcorpus.generate_methods(12, seed=4)]


def test_corpus_of_any_size_has_unique_ids():
    titles = benchcorpus._titles(random.Random(1), len(benchcorpus.HEADS) * len(benchcorpus.QUALIFIERS) + 50)
    assert len({i for i, _ in titles}) == len(titles)
    assert all(len(t) <= 70 for _, t in titles)


def test_baseline_is_plain_mkdocs_with_methods_outside_the_nav(tmp_path, corpus):
    config_path = benchcorpus.write_baseline(tmp_path / "b", corpus)
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert "metoder/" not in json.dumps(config["nav"])
    page = (tmp_path / "b" / "docs" / "metoder" / f"{corpus[0].id}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# {corpus[0].title}\n") and corpus[0].body in page


@pytest.mark.slow
def test_small_run_writes_json_with_the_expected_keys(tmp_path, capsys):
    code = bench.main(["--methods", "12", "--small", "5", "--repeat", "1", "--rebuilds", "1", "--out",
                       str(tmp_path)])
    assert code == 0
    result = json.loads((tmp_path / "bench-12.json").read_text(encoding="utf-8"))
    assert set(bench.RESULT_KEYS) <= set(result)
    for side in ("hooks", "baseline"):
        assert result[side]["method_pages"] == 12
        for key in ("build_seconds", "site_bytes", "method_page_bytes_mean", "search_index_bytes",
                    "search_index_gzip_bytes", "rebuild_seconds", "dirty_rebuild_seconds"):
            assert key in result[side]
    assert result["small_hooks"]["method_pages"] == 5
    assert result["hooks"]["warnings"] == 0, result["hooks"]["warning_samples"]
    assert result["check"] == {**result["check"], "exit_code": 0, "problems": 0}
    assert {"build", "page_growth", "rebuild", "site_size", "search_index_gzip"} <= set(result["ratios"])
    assert set(result["targets"]) == set(bench.TARGETS)
    assert "| Byggtid (median) |" in capsys.readouterr().out
    assert not (tmp_path / "work").exists()  # corpora and sites are removed unless --keep


def test_fast_and_careful_yaml_paths_agree(corpus):
    """yamlstrict composes with libyaml when it safely can; the result must equal the careful path's."""
    rng = random.Random(5)
    texts = [m.text().split("\n---\n", 1)[0].removeprefix("---\n") for m in corpus]
    texts += [(REPO / "methods" / "skuggning.md").read_text(encoding="utf-8").split("\n---\n", 1)[0][4:]]
    noise = (":", "-", " ", "\n", '"', "'", "[", "]", "{", "}", "#", "!", "\t", "|", ">", "?", ",", "&", "*",
             "\ufeff", "\u2028", "  ")
    for text in list(texts):
        for _ in range(30):
            chars = list(text)
            for _ in range(rng.randint(1, 3)):
                chars[rng.randrange(len(chars))] = rng.choice(noise)
            texts.append("".join(chars))
    texts += ["a: [x?, y]\n", "a: >-#\n  b\n", "a: [b,!x]\n", "a: 1\n---\nb: 2\n", "a:\n\t- b\n", ""]
    fast_path = yamlstrict._CSafeLoader
    if fast_path is None:
        pytest.skip("PyYAML without libyaml: there is only the careful path")
    for text in texts:
        fast = yamlstrict.load(text, 1)
        yamlstrict._CSafeLoader = None
        try:
            careful = yamlstrict.load(text, 1)
        finally:
            yamlstrict._CSafeLoader = fast_path
        assert (fast.data, fast.lines, fast.issues, getattr(fast, "refused", ())) == \
            (careful.data, careful.lines, careful.issues, getattr(careful, "refused", ())), text
