"""The benchmark's corpus generator and a small benchmark run. No timing assertions: only that it works."""

from __future__ import annotations

import json
import random
import re
import sys

import pytest
import yaml

from metodbank import load_project
from metodbank.core import yamlstrict
from metodbank.adapters.cli import main as metodbank
from metodbank.core.project import Settings

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


@pytest.fixture(scope="module")
def clones():
    return benchcorpus.clone_methods(len(benchcorpus.real_methods()) * 2 + 7)  # two generations and a part


def test_real_clone_corpus_passes_check_with_zero_problems(tmp_path, clones, capsys):
    benchcorpus.write_project(tmp_path / "p", clones)
    assert metodbank(["--root", str(tmp_path / "p"), "check"]) == 0
    assert capsys.readouterr().out.strip() == ""
    project = load_project(Settings.for_root(tmp_path / "p"))
    assert project.problems == ()
    assert len(project.catalogue.methods) == len(clones)


def test_real_clones_keep_the_real_files_and_repoint_references(clones):
    real = dict(benchcorpus.real_methods())
    count = len(real)
    ids = {c.id for c in clones}
    assert len(ids) == len(clones) and all(len(c.title) <= 70 for c in clones)
    assert len({c.title for c in clones}) == len(clones)
    assert [c.source for c in clones[:count]] == sorted(real)  # round-robin over every real method
    assert clones[count].source == clones[0].source and clones[count].id != clones[0].id
    for clone in clones:
        front = yaml.safe_load(clone.text().split("\n---\n", 1)[0][4:])
        original = yaml.safe_load(real[clone.source].split("\n---\n", 1)[0][4:])
        references = [r for key in ("related", "before", "after") for r in front.get(key) or ()]
        assert set(references) <= ids
        assert all(any(r == f"{o}-{g}" for o in original.get(k) or () for g in range(1, 4))
                   for k in ("related", "before", "after") for r in front.get(k) or ())
        assert set(_link_targets(clone.body)) <= ids
        # Every other field is the contributor's own, written the same way.
        assert {k: v for k, v in front.items() if k not in ("title", "related", "before", "after")} == \
            {k: v for k, v in original.items() if k not in ("title", "related", "before", "after")}
        assert clone.body.count("\n") == real[clone.source].split("\n---\n", 1)[1].count("\n")
    # The last, partial generation points at the first generation's clones where its own do not exist.
    last_generation = [yaml.safe_load(c.text().split("\n---\n", 1)[0][4:]) for c in clones[2 * count:]]
    references = [r for front in last_generation for key in ("related", "before", "after")
                  for r in front.get(key) or ()]
    assert any(r.endswith("-1") for r in references) and any(r.endswith("-3") for r in references)
    joined = "".join(c.text() for c in clones)
    for feature in (">-\n", ": [", "\n  - ", "&", "**"):  # block scalars, flow and block lists, & in text
        assert feature in joined


def _link_targets(markdown: str):
    return re.findall(r"\]\(([a-z0-9-]+)\.md", markdown)


def test_make_corpus_offers_both_corpora():
    assert benchcorpus.make_corpus("real", 3)[0].id.endswith("-1")
    assert benchcorpus.make_corpus("synthetic", 3, 7)[0].text() == benchcorpus.generate_methods(3, 7)[0].text()
    with pytest.raises(ValueError):
        benchcorpus.make_corpus("other", 3)


@pytest.mark.slow
def test_small_run_writes_json_with_the_expected_keys(tmp_path, capsys):
    code = bench.main(["--methods", "5,12", "--small", "3", "--repeat", "1", "--rebuilds", "1", "--out",
                       str(tmp_path)])
    assert code == 0
    result = json.loads((tmp_path / "bench-12.json").read_text(encoding="utf-8"))
    assert set(bench.RESULT_KEYS) <= set(result)
    assert result["sizes"] == [5, 12] and set(result["per_size"]) == {"5", "12"}
    assert result["corpus"]["kind"] == "real"
    for size, entry in result["per_size"].items():
        for side in ("hooks", "baseline"):
            assert entry[side]["method_pages"] == int(size)
            for key in ("build_seconds", "site_bytes", "method_page_bytes_mean", "search_index_bytes",
                        "search_index_gzip_bytes", "rebuild_seconds"):
                assert key in entry[side]
        assert entry["hooks"]["warnings"] == 0, entry["hooks"]["warning_samples"]
        assert entry["check"] == {**entry["check"], "exit_code": 0}
        assert {"build", "page_growth", "rebuild", "site_size", "search_index_gzip"} <= set(entry["ratios"])
    assert result["small_hooks"]["method_pages"] == 3
    assert set(result["targets"]) == set(bench.TARGETS)
    table = capsys.readouterr().out
    assert "| Metoder | Bygge: handboken / MkDocs (kvot) |" in table
    assert re.search(r"^\| 5 \| \d+,\d\d s / \d+,\d\d s \(\d+,\d\d\) \|", table, re.MULTILINE)
    assert re.search(r"^\| 12 \| ", table, re.MULTILINE)
    assert not (tmp_path / "work").exists()  # corpora and sites are removed unless --keep


def test_fast_and_careful_yaml_paths_agree(corpus):
    """yamlstrict composes with libyaml when it safely can; the result must equal the careful path's."""
    rng = random.Random(5)
    texts = [m.text().split("\n---\n", 1)[0].removeprefix("---\n") for m in corpus]
    texts += [text.split("\n---\n", 1)[0][4:] for _, text in benchcorpus.real_methods()[::4]]
    noise = (":", "-", " ", "\n", '"', "'", "[", "]", "{", "}", "#", "!", "\t", "|", ">", "?", ",", "&", "*",
             "\ufeff", "\u2028", "  ")
    for text in list(texts):
        for _ in range(30):
            chars = list(text)
            for _ in range(rng.randint(1, 3)):
                chars[rng.randrange(len(chars))] = rng.choice(noise)
            texts.append("".join(chars))
    texts += ["a: [x?, y]\n", "a: >-#\n  b\n", "a: [b,!x]\n", "a: 1\n---\nb: 2\n", "a:\n\t- b\n", ""]
    if yamlstrict._CSafeLoader is None:
        pytest.skip("PyYAML without libyaml: there is only the careful path")
    fast_count = 0
    for text in texts:
        fast_count += yamlstrict._load_fast(text, 1) is not None
        fast = yamlstrict.load(text, 1)
        careful = yamlstrict.load(text, 1, careful=True)
        assert (fast.data, fast.lines, fast.issues, getattr(fast, "refused", ())) == \
            (careful.data, careful.lines, careful.issues, getattr(careful, "refused", ())), text
    assert fast_count > len(texts) // 3  # the comparison is about the fast path, so it must be taken
