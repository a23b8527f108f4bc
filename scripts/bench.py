"""Benchmark: the handbook with all hooks against plain MkDocs + Material, on what contributors write.

    .venv/bin/python scripts/bench.py                           # 100, 300 and 1 000 methods; JSON in .bench/
    .venv/bin/python scripts/bench.py --methods 1000 --search   # one size, also Material search against Pagefind
    .venv/bin/python scripts/bench.py --corpus synthetic        # the generated corpus instead (edge cases)

The default corpus clones the real methods in methods/ round-robin to N new ids (scripts/benchcorpus.py,
`clone_methods`): every YAML feature, body length and section real contributors write is in it. The
synthetic corpus (`generate_methods`) stays as a second option. For each size, each build runs in a fresh
Python process so that both sides pay the same imports:

  (a) the handbook: the repository's mkdocs.yml, vocabulary and chapters, the corpus, all hooks;
  (b) the baseline: plain MkDocs + Material (search plugin only) over the same Markdown, method pages as
      docs/metoder/*.md outside the navigation, no hooks.

Per size it reports the cold build (hooks/baseline, median of --repeat runs), the rebuild after one method
changes the way `mkdocs serve` does it (a fresh config and a full build in the same process; against the
baseline's full build), `metodbank check`, HTML bytes per method page (against --small methods), and the
search index (gzip). Timing lives here, never in the tests.

Times are CPU seconds of the process (user + system), so that other work on the machine does not skew the
ratios; builds are single-threaded, so on an idle machine CPU time and wall time agree. Wall times are
kept in the JSON too. Pagefind runs several threads and is timed by the wall clock.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import io
import json
import logging
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [p for p in (str(HERE), str(REPO / "hooks")) if p not in sys.path]

import benchcorpus  # noqa: E402

TARGETS = {
    "build_ratio": 1.2,  # hooks build time / baseline build time
    "rebuild_ratio": 0.5,  # hooks rebuild after one edited method (serve) / baseline full build
    "page_growth": 1.3,  # HTML per method page at N / at --small
    "check_seconds": 1.0,  # `metodbank check` on N methods
    "search_gzip_bytes": 1_000_000,  # Material's search index, gzip
}
RESULT_KEYS = ("methods", "sizes", "per_size", "small", "seed", "repeat", "machine", "corpus", "hooks", "baseline",
               "small_hooks", "small_baseline", "ratios", "check", "targets", "search")
SERVE_URL = "http://127.0.0.1:8000/"


# ------------------------------------------------------------------------------------------------
# Worker: one process, one site. Prints one JSON line.

def _family(src_uri: str) -> str:
    """'metoder/skuggning.md' → 'metoder/*'; section indexes and top-level pages stay as they are."""
    parts = src_uri.split("/")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] == "index.md"):
        return src_uri
    return parts[0] + "/*"


def _instrument_pages(spent: dict[str, float], counts: dict[str, int]) -> None:
    """Time MkDocs' two per-page steps (Markdown → HTML, HTML → theme page) by family of pages."""
    from mkdocs.commands import build as build_module

    for name in ("_populate_page", "_build_page"):
        original = getattr(build_module, name)

        def timed(page: Any, *args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return _original(page, *args, **kwargs)
            finally:
                family = _family(page.file.src_uri)
                spent[family] = spent.get(family, 0.0) + time.process_time() - start
                if _name == "_build_page":
                    counts[family] = counts.get(family, 0) + 1

        setattr(build_module, name, timed)


def _instrument(config: Any, by_event: dict[str, float] | None = None) -> dict[str, float]:
    """Wrap every plugin event so that the time spent per plugin is known ('hooks', 'search', …)."""
    spent: dict[str, float] = {}
    by_event = by_event if by_event is not None else {}
    plugins = config.plugins
    for name, methods in plugins.events.items():
        for i, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "<unknown>")
            label = "hooks" if origin.endswith("mkdocs_hooks.py") else origin

            def timed(*args: Any, _method: Any = method, _label: str = label, _event: str = name,
                      **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return _method(*args, **kwargs)
                finally:
                    took = time.process_time() - start
                    spent[_label] = spent.get(_label, 0.0) + took
                    key = f"{_label} on_{_event}"
                    by_event[key] = by_event.get(key, 0.0) + took

            methods[i] = timed
            plugins._event_origins[timed] = origin
    return spent


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _edit(path: Path, round_: int) -> None:
    """One contributor edit: a sentence added at the end of a method (still valid)."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\nÄndring nummer {round_} för mätningen av en ny byggnad.\n", encoding="utf-8")


def worker(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    counter = _Counter()
    logging.getLogger("mkdocs").addHandler(counter)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    result: dict[str, Any] = {}

    page_seconds: dict[str, float] = {}
    page_counts: dict[str, int] = {}
    event_seconds: dict[str, float] = {}
    _instrument_pages(page_seconds, page_counts)
    start_cpu = time.process_time()
    config = load_config(config_file=args.config, site_dir=args.site)
    spent = _instrument(config, event_seconds)
    configured, configured_cpu = time.perf_counter(), time.process_time()
    serving = bool(args.worker_rebuilds)
    if serving:
        config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = SERVE_URL
    profiler = cProfile.Profile() if args.worker_profile else None
    if profiler:
        profiler.enable()
    build(config, serve_url=SERVE_URL if serving else None)
    if profiler:
        profiler.disable()
    done, done_cpu = time.perf_counter(), time.process_time()
    result.update(config_seconds=configured_cpu - start_cpu, build_seconds=done_cpu - configured_cpu,
                  total_seconds=done_cpu - start_cpu, build_wall_seconds=done - configured, plugin_seconds=spent,
                  plugin_event_seconds={k: round(v, 3) for k, v in event_seconds.items() if v >= 0.005},
                  page_seconds={k: round(v, 3) for k, v in sorted(page_seconds.items(), key=lambda i: -i[1])},
                  page_counts=page_counts,
                  warnings=len(counter.messages), warning_samples=counter.messages[:5])

    if serving:
        changed = Path(args.change)
        original = changed.read_bytes()
        rebuilds, dirty = [], []
        try:
            for round_ in range(args.worker_rebuilds):  # what `mkdocs serve` does after a save: new config, full build
                _edit(changed, round_)
                t0 = time.process_time()
                config = load_config(config_file=args.config, site_dir=args.site)
                config.site_url = SERVE_URL
                build(config, serve_url=SERVE_URL)
                rebuilds.append(time.process_time() - t0)
            for round_ in range(args.worker_rebuilds if args.worker_dirty else 0):  # `mkdocs serve --dirty`
                _edit(changed, 100 + round_)
                t0 = time.process_time()
                config = load_config(config_file=args.config, site_dir=args.site)
                config.site_url = SERVE_URL
                build(config, serve_url=SERVE_URL, dirty=True)
                dirty.append(time.process_time() - t0)
        finally:
            changed.write_bytes(original)
        result.update(rebuild_seconds=rebuilds, dirty_rebuild_seconds=dirty)

    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        Path(args.worker_profile).write_text(out.getvalue(), encoding="utf-8")
    print(json.dumps(result))
    return 0


def _run_worker(config: Path, site: Path, *, rebuilds: int = 0, change: Path | None = None,
                profile: Path | None = None, dirty: bool = False) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--config", str(config),
               "--site", str(site)]
    if rebuilds:
        command += ["--worker-rebuilds", str(rebuilds), "--change", str(change)] + (["--worker-dirty"] if dirty else [])
    if profile:
        command += ["--worker-profile", str(profile)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=str(config.parent))
    if done.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------------
# Measurements of a built site.

def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_site(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    method_pages = sorted(p for p in (site / "metoder").glob("*/index.html"))
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.is_file() else b""
    sizes = [p.stat().st_size for p in method_pages]
    return {
        "files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
        "html_bytes": sum(p.stat().st_size for p in html),
        "method_pages": len(method_pages),
        "method_page_bytes_mean": statistics.mean(sizes) if sizes else 0,
        "method_page_bytes_max": max(sizes, default=0),
        "search_index_bytes": len(raw),
        "search_index_gzip_bytes": _gzip_size(raw) if raw else 0,
    }


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def build_side(name: str, config: Path, site: Path, repeat: int, rebuilds: int, change: Path | None,
               profile: Path | None = None, dirty: bool = False, log: Any = print) -> dict[str, Any]:
    """Build one side `repeat` times (fresh process each), then measure rebuilds; median times."""
    runs = []
    for i in range(repeat):
        log(f"  {name}: bygge {i + 1}/{repeat} …")
        if site.exists():
            shutil.rmtree(site)
        runs.append(_run_worker(config, site, profile=profile if i == 0 else None))
    side: dict[str, Any] = {
        "build_seconds": _median([r["build_seconds"] for r in runs]),
        "total_seconds": _median([r["total_seconds"] for r in runs]),
        "build_seconds_all": [round(r["build_seconds"], 3) for r in runs],
        "build_wall_seconds": _median([r["build_wall_seconds"] for r in runs]),
        "plugin_seconds": {k: round(_median([r["plugin_seconds"].get(k, 0.0) for r in runs]), 3)
                           for k in runs[0]["plugin_seconds"]},
        "plugin_event_seconds": runs[0]["plugin_event_seconds"],
        "page_seconds": runs[0]["page_seconds"],
        "page_counts": runs[0]["page_counts"],
        "warnings": runs[0]["warnings"],
        "warning_samples": runs[0]["warning_samples"],
        **measure_site(site),
    }
    if rebuilds and change is not None:
        log(f"  {name}: ombygge efter ändring ({rebuilds} gånger, som mkdocs serve) …")
        serve_site = site.with_name(site.name + "-serve")
        served = _run_worker(config, serve_site, rebuilds=rebuilds, change=change, dirty=dirty)
        side["rebuild_seconds"] = _median(served["rebuild_seconds"])
        side["rebuild_seconds_all"] = [round(t, 3) for t in served["rebuild_seconds"]]
        side["first_serve_build_seconds"] = served["build_seconds"]
        if dirty:
            side["dirty_rebuild_seconds"] = _median(served["dirty_rebuild_seconds"])
        shutil.rmtree(serve_site, ignore_errors=True)
    return side


def time_check(root: Path, repeat: int) -> dict[str, Any]:
    """`metodbank check` as a contributor runs it: a fresh process, wall time, median of runs."""
    times, walls, output, code = [], [], "", 0
    for _ in range(repeat):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "metodbank", "--root", str(root), "check"],
                              capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO / "hooks")))
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        output, code = done.stdout, done.returncode
    problems = [line for line in output.splitlines() if line.strip()]
    return {"seconds": _median(times), "seconds_all": [round(t, 3) for t in times], "wall_seconds": _median(walls),
            "exit_code": code, "problems": len(problems)}


# ------------------------------------------------------------------------------------------------
# Search at scale: Material's lunr index against Pagefind on the same built site.

def pagefind_index(site: Path) -> dict[str, Any]:
    """Run Pagefind (PyPI package `pagefind[extended]`) over a built site; time and bundle sizes."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return {"available": False, "note": "installera med: .venv/bin/pip install '.[bench]'"}
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                           "--output-subdir", "pagefind"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        return {"available": True, "error": done.stderr[-2000:]}
    files = [p for p in bundle.rglob("*") if p.is_file()]

    def total(pattern: str) -> int:
        return sum(p.stat().st_size for p in bundle.glob(pattern))

    chunks = list(bundle.glob("index/*.pf_index"))
    fragments = list(bundle.glob("fragment/*.pf_fragment"))
    runtime = total("*.js") + total("*.wasm*") + total("*.css")
    meta = total("pagefind.*.pf_meta") + total("pagefind-entry.json")
    chunk_mean = statistics.mean(p.stat().st_size for p in chunks) if chunks else 0
    fragment_mean = statistics.mean(p.stat().st_size for p in fragments) if fragments else 0
    return {
        "available": True,
        "seconds": seconds,
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "index_chunks": len(chunks),
        "index_bytes": sum(p.stat().st_size for p in chunks),
        "fragment_bytes": sum(p.stat().st_size for p in fragments),
        "meta_bytes": meta,
        "runtime_bytes": runtime,
        # What one search with ten results downloads (Pagefind's files are already compressed):
        # runtime + metadata + one index chunk per word (two words) + ten result fragments.
        "typical_query_bytes": round(runtime + meta + 2 * chunk_mean + 10 * fragment_mean),
    }


# ------------------------------------------------------------------------------------------------
# The run.

def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def run_size(methods: int, corpus_kind: str, seed: int, repeat: int, work: Path, rebuilds: int = 2,
             dirty: bool = False, profile: Path | None = None, log: Any = print) -> dict[str, Any]:
    """Cold build, serve-like rebuild, check and sizes for one corpus of `methods` methods, both sides."""
    log(f"{methods} metoder ({'kopior av de riktiga metoderna' if corpus_kind == 'real' else 'påhittade'}) …")
    corpus = benchcorpus.make_corpus(corpus_kind, methods, seed)
    hooks_cfg = benchcorpus.write_project(work / f"hooks-{methods}", corpus)
    plain_cfg = benchcorpus.write_baseline(work / f"plain-{methods}", corpus)
    changed = corpus[len(corpus) // 2].id
    corpus_bytes = sum(len(m.text().encode("utf-8")) for m in corpus)
    hooks = build_side("handbok", hooks_cfg, work / f"site-hooks-{methods}", repeat, rebuilds,
                       hooks_cfg.parent / "methods" / f"{changed}.md", profile=profile, dirty=dirty, log=log)
    plain = build_side("jämförelse", plain_cfg, work / f"site-plain-{methods}", repeat, rebuilds,
                       plain_cfg.parent / "docs" / "metoder" / f"{changed}.md", dirty=dirty, log=log)
    log("  metodbank check …")
    check = time_check(hooks_cfg.parent, max(repeat, 3))
    ratios = {
        "build": _ratio(hooks["build_seconds"], plain["build_seconds"]),
        "total": _ratio(hooks["total_seconds"], plain["total_seconds"]),
        "page_vs_baseline": _ratio(hooks["method_page_bytes_mean"], plain["method_page_bytes_mean"]),
        "site_size": _ratio(hooks["site_bytes"], plain["site_bytes"]),
        "search_index_gzip": _ratio(hooks["search_index_gzip_bytes"], plain["search_index_gzip_bytes"]),
        # What a contributor waits for after a save, against what plain MkDocs needs for its (full) build.
        "rebuild": _ratio(hooks.get("rebuild_seconds"), plain["build_seconds"]),
        "rebuild_vs_plain_rebuild": _ratio(hooks.get("rebuild_seconds"), plain.get("rebuild_seconds")),
    }
    corpus_info = {"kind": corpus_kind, "method_file_bytes_mean": round(corpus_bytes / methods),
                   "changed_method": changed}
    return {"methods": methods, "corpus": corpus_info, "hooks": hooks, "baseline": plain, "check": check,
            "ratios": ratios}


def run(sizes: list[int] | int, small: int, seed: int, repeat: int, out: Path, search: bool = False,
        rebuilds: int = 2, profile: bool = False, corpus: str = "real", dirty: bool = False,
        log: Any = print) -> dict[str, Any]:
    """Every size in `sizes`, the small corpus for page growth; the largest size is the headline."""
    sizes = sorted(set([sizes] if isinstance(sizes, int) else sizes))
    methods = sizes[-1]
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    per_size = {}
    for n in sizes:
        per_size[n] = run_size(n, corpus, seed, repeat, work, rebuilds, dirty,
                               out / f"profile-hooks-{n}.txt" if profile and n == methods else None, log)
    small_hooks = small_plain = None
    if small and small not in sizes:
        log(f"{small} metoder (för sidstorleken) …")
        small_corpus = benchcorpus.make_corpus(corpus, small, seed)
        small_hooks = build_side("handbok", benchcorpus.write_project(work / f"hooks-{small}", small_corpus),
                                 work / f"site-hooks-{small}", 1, 0, None, log=log)
        small_plain = build_side("jämförelse", benchcorpus.write_baseline(work / f"plain-{small}", small_corpus),
                                 work / f"site-plain-{small}", 1, 0, None, log=log)
    elif small:
        small_hooks, small_plain = per_size[small]["hooks"], per_size[small]["baseline"]
    for entry in per_size.values():
        entry["ratios"]["page_growth"] = _ratio(entry["hooks"]["method_page_bytes_mean"],
                                                small_hooks["method_page_bytes_mean"]) if small_hooks else None
    top = per_size[methods]
    hooks, plain, check, ratios = top["hooks"], top["baseline"], top["check"], top["ratios"]

    search_result = None
    if search:
        log("Indexerar med Pagefind …")
        search_result = {
            "material": {"hooks_side_bytes": hooks["search_index_bytes"],
                         "hooks_side_gzip_bytes": hooks["search_index_gzip_bytes"],
                         "seconds": hooks["plugin_seconds"].get("material/search", 0.0)},
            "pagefind": pagefind_index(work / f"site-hooks-{methods}"),
        }

    def target(name: str, value: float | None) -> dict[str, Any]:
        return {"limit": TARGETS[name], "value": value, "met": value is not None and value <= TARGETS[name]}

    targets = {
        "build_ratio": target("build_ratio", ratios["build"]),
        "rebuild_ratio": target("rebuild_ratio", ratios["rebuild"]),
        "page_growth": target("page_growth", ratios["page_growth"]),
        "check_seconds": target("check_seconds", round(check["seconds"], 3)),
        "search_gzip_bytes": target("search_gzip_bytes", hooks["search_index_gzip_bytes"]),
    }
    return {
        "methods": methods, "sizes": sizes, "small": small, "seed": seed, "repeat": repeat,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "date": time.strftime("%Y-%m-%d")},
        "corpus": top["corpus"], "per_size": {str(n): v for n, v in per_size.items()},
        "hooks": hooks, "baseline": plain, "small_hooks": small_hooks, "small_baseline": small_plain,
        "ratios": ratios, "check": check, "targets": targets, "search": search_result,
    }


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} kB".replace(",", " ") if n >= 10 * 1024 else f"{n / 1024:.1f} kB".replace(".", ",")


def _s(n: float | None) -> str:
    return "–" if n is None else f"{n:.2f} s".replace(".", ",")


def _n(n: int) -> str:
    """1000 → '1 000' (Swedish thousands separator)."""
    return f"{n:,}".replace(",", " ")


def _x(n: float | None) -> str:
    """A ratio with a Swedish decimal comma."""
    return "" if n is None else f"{n:.2f}".replace(".", ",")


def _pair(ours: float | None, theirs: float | None, ratio: float | None) -> str:
    return f"{_s(ours)} / {_s(theirs)} ({_x(ratio)})" if ours is not None else "–"


def format_table(r: dict[str, Any]) -> str:
    """Markdown tables (Swedish): every size in one table, then where the time goes at the largest size."""
    small = r["small"]
    sh = r["small_hooks"] or {}
    lines = [
        f"| Metoder | Bygge: handboken / MkDocs (kvot) | Ombygge efter en ändrad metod (kvot mot MkDocs bygge) "
        f"| metodbank check | HTML per metodsida (mot {small} metoder) | Sökindex, gzip (mot MkDocs) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for key, entry in r["per_size"].items():
        h, p, x = entry["hooks"], entry["baseline"], entry["ratios"]
        growth = f" ({_x(x['page_growth'])})" if x.get("page_growth") is not None else ""
        lines.append(
            f"| {_n(int(key))} | {_pair(h['build_seconds'], p['build_seconds'], x['build'])} "
            f"| {_s(h.get('rebuild_seconds'))} ({_x(x['rebuild'])}) | {_s(entry['check']['seconds'])} "
            f"| {_kb(h['method_page_bytes_mean'])}{growth} "
            f"| {_kb(h['search_index_gzip_bytes'])} ({_x(x['search_index_gzip'])}) |")
    if sh:
        lines += ["", f"HTML per metodsida vid {small} metoder: {_kb(sh.get('method_page_bytes_mean', 0))} "
                  f"(MkDocs: {_kb((r['small_baseline'] or {}).get('method_page_bytes_mean', 0))}). "
                  "Ombygget är CPU-tiden för ett nytt bygge i samma process efter att en metod ändrats, som "
                  "i mkdocs serve; MkDocs egen serve bygger om allt, "
                  f"{_s(r['baseline'].get('rebuild_seconds'))} vid {_n(r['methods'])} metoder."]
    h, n = r["hooks"], r["methods"]
    spent = [(f"Sidor {family} ({h['page_counts'].get(family, 0)} st)", seconds)
             for family, seconds in list(h.get("page_seconds", {}).items())[:4]]
    spent += [(f"Hooks: {event.split(' ', 1)[1]}", seconds) for event, seconds in
              h.get("plugin_event_seconds", {}).items() if event.startswith("hooks ") and seconds >= 0.1]
    spent += [("Materials sökning", h["plugin_seconds"].get("material/search", 0.0))]
    if spent:
        lines += ["", f"| Var handbokens byggtid går ({_n(n)} metoder) | CPU-tid | Andel |", "|---|---:|---:|"]
        lines += [f"| {label} | {_s(sec)} | {sec / h['build_seconds'] * 100:.0f} % |" for label, sec in spent]
    search = r.get("search")
    if search and search["pagefind"].get("available") and "error" not in search["pagefind"]:
        pf, mat = search["pagefind"], search["material"]
        lines += ["", f"| Sök ({_n(n)} metoder) | Material (lunr) | Pagefind |", "|---|---:|---:|",
                  f"| Tid att bygga index | {_s(mat['seconds'])} | {_s(pf['seconds'])} |",
                  f"| Hela indexet på disk | {_kb(mat['hooks_side_bytes'])} | {_kb(pf['bundle_bytes'])} "
                  f"({pf['files']} filer) |",
                  f"| Hämtas vid en sökning | {_kb(mat['hooks_side_gzip_bytes'])} (gzip, allt på en gång) | "
                  f"≈ {_kb(pf['typical_query_bytes'])} (bitvis) |"]
    met = [f"{k}: {'uppfyllt' if v['met'] else 'INTE uppfyllt'} ({v['value']} mot {v['limit']})"
           for k, v in r["targets"].items()]
    return "\n".join(lines) + f"\n\nMål vid {_n(n)} metoder: " + "; ".join(met) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mät Metodbankens bygge mot vanlig MkDocs + Material.")
    parser.add_argument("--methods", default="100,300,1000",
                        help="antal metoder, en eller flera med komma emellan (standard 100,300,1000)")
    parser.add_argument("--corpus", choices=("real", "synthetic"), default="real",
                        help="real: kopior av metoderna i methods/ (standard); synthetic: påhittade metoder")
    parser.add_argument("--small", type=int, default=32,
                        help="liten korpus för sidstorleken (standard 32, lika många som de riktiga metoderna)")
    parser.add_argument("--seed", type=int, default=1, help="frö för den påhittade korpusen (standard 1)")
    parser.add_argument("--repeat", type=int, default=2, help="byggen per sida; medianen räknas (standard 2)")
    parser.add_argument("--rebuilds", type=int, default=2, help="ombyggen efter ändring per sida (standard 2)")
    parser.add_argument("--dirty", action="store_true", help="mät också ombygge med mkdocs serve --dirty")
    parser.add_argument("--out", type=Path, default=REPO / ".bench", help="mapp för resultat (standard .bench/)")
    parser.add_argument("--json", type=Path, help="JSON-filen (standard OUT/bench-N.json)")
    parser.add_argument("--search", action="store_true", help="jämför också Materials sökindex med Pagefind")
    parser.add_argument("--profile", action="store_true", help="skriv en cProfile-rapport för handbokens bygge")
    parser.add_argument("--keep", action="store_true", help="behåll korpusar och byggda webbplatser i OUT/work")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    parser.add_argument("--site", help=argparse.SUPPRESS)
    parser.add_argument("--change", help=argparse.SUPPRESS)
    parser.add_argument("--worker-rebuilds", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--worker-profile", help=argparse.SUPPRESS)
    parser.add_argument("--worker-dirty", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    try:
        sizes = sorted({int(v) for v in str(args.methods).split(",") if v.strip()})
    except ValueError:
        parser.error("--methods ska vara heltal med komma emellan, till exempel 100,300,1000")
    if not sizes or sizes[0] < 1 or args.repeat < 1 or args.small < 0 or args.rebuilds < 0:
        parser.error("--methods och --repeat måste vara minst 1")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    result = run(sizes, args.small, args.seed, args.repeat, out, search=args.search, rebuilds=args.rebuilds,
                 profile=args.profile, corpus=args.corpus, dirty=args.dirty,
                 log=lambda m: print(m, file=sys.stderr, flush=True))
    table = format_table(result)
    result["table"] = table
    path = args.json or out / f"bench-{result['methods']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(out / "work", ignore_errors=True)
    print(table)
    print(f"JSON: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
