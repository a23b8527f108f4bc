"""Measure the site's real search the way a person uses it: hit@3, hit@5 and MRR over tests/search/queries.yml.

Builds the real handbook (or takes a built site), serves it on 127.0.0.1, opens Debian's Chromium
through Playwright, types every query into Material's search box and reads the result list in order.
A query is a hit@5 when one of its expected methods is among the first five result pages (hit@3: the first
three). The multi-word need queries (kind "behov") are also reported on their own, with their hit@3 goal.

    .venv/bin/python scripts/search_eval.py                 # build, measure, print a table
    .venv/bin/python scripts/search_eval.py --site site     # measure an already built site
    .venv/bin/python scripts/search_eval.py --url file:///…/index.html   # e.g. an offline copy

Exit code: 0 when hit@5 reaches the threshold in the query file (or --threshold), 1 below it,
2 when the measurement could not run. Nothing is downloaded; the only traffic is to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
from metodbank.adapters.browser import browser, serve  # noqa: E402 - the engine's browser adapter, never a copy
QUERIES = REPO / "tests" / "search" / "queries.yml"
TOP = 5
NEED_KIND = "behov"  # multi-word need queries; their hit@3 has its own goal (`need_hit_at_3` in the file)
_METHOD_URL = re.compile(r"(?:^|/)metoder/([a-z0-9-]+)(?:/|\.html)$")

# Runs in the page: type a query the way a person does (value + keyup, which is what Material listens
# to), then wait until Material has replaced the result list, and return the result pages in order.
_RUN_QUERY = """
async (query) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const placeholder = (window.__md_get ? null : null);
  const sentinel = document.createElement("li");
  sentinel.id = "mb-eval-sentinel";
  list.replaceChildren(sentinel);
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: query.slice(-1) || "a"}));
  const started = Date.now();
  while (document.getElementById("mb-eval-sentinel") || !meta.textContent.trim()) {
    if (Date.now() - started > 15000) throw new Error("no search result for " + query);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return [...list.querySelectorAll(":scope > li.md-search-result__item")].map(item => {
    const link = item.querySelector("a.md-search-result__link");
    const article = item.querySelector("article");
    return {
      href: link ? link.getAttribute("href") : "",
      title: article ? (article.querySelector("h1, h2") || article).textContent.trim() : "",
      teaser: article ? article.textContent.trim().slice(0, 300) : "",
    };
  });
}
"""


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]
    kind: str = ""


@dataclass
class Outcome:
    query: Query
    pages: list[str]  # method id, or the page path for other pages, in result order
    rank: int | None  # 1-based rank of the first expected method, None when absent

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= TOP

    def hit_at(self, k: int) -> bool:
        return self.rank is not None and self.rank <= k

    @property
    def methods_first(self) -> bool:
        """No non-method page before a method page in the result list."""
        kinds = [p.startswith("metod:") for p in self.pages]
        return kinds == sorted(kinds, reverse=True)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def hit_at_5(self) -> float:
        return sum(o.hit for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def hit_at_3(self) -> float:
        return sum(o.hit_at(3) for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes) if self.outcomes else 0.0

    def only(self, kind: str) -> "Report":
        """The same measures for the queries of one kind (e.g. the multi-word need queries)."""
        return Report([o for o in self.outcomes if o.query.kind == kind])

    def summary(self, label: str = "Frågor") -> str:
        return (f"{label}: {len(self.outcomes)}   hit@3: {self.hit_at_3:.1%}   hit@{TOP}: {self.hit_at_5:.1%}   "
                f"MRR: {self.mrr:.3f}")

    def table(self) -> str:
        lines = []
        for o in self.outcomes:
            mark = "ok " if o.hit else "MISS"
            rank = str(o.rank) if o.rank else "–"
            top = ", ".join(p.removeprefix("metod:") for p in o.pages[:TOP]) or "(inga träffar)"
            lines.append(f"{mark} {rank:>2}  {o.query.text!r:42} [{o.query.kind}] → {top}")
        lines.append("")
        needs = self.only(NEED_KIND)
        if needs.outcomes:
            lines.append(needs.summary("Behov med flera ord"))
        lines.append(self.summary() + f"   metoder först: {sum(o.methods_first for o in self.outcomes)}/"
                     f"{len(self.outcomes)}")
        return "\n".join(lines)


def load_queries(path: Path = QUERIES) -> tuple[list[Query], float]:
    """The evaluation set and its threshold."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = [Query(q["query"], tuple(q["expect"]), q.get("kind", "")) for q in data["queries"]]
    return queries, float(data.get("threshold", 0.9))


def need_goal(path: Path = QUERIES) -> float:
    """The hit@3 goal of the multi-word need queries (0 when the file sets none)."""
    return float(yaml.safe_load(path.read_text(encoding="utf-8")).get("need_hit_at_3", 0.0))


def page_key(href: str) -> str:
    """'metod:<id>' for a method page, else the page's path (without anchor)."""
    path = unquote(urlparse(href).path)
    match = _METHOD_URL.search(path)
    if match and match.group(1) != "index":
        return f"metod:{match.group(1)}"
    return path.rsplit("/site/", 1)[-1] or "/"


def run_queries(page, start_url: str, queries: list[Query]) -> Report:
    """Open the site once and run every query through the search box."""
    page.goto(start_url)
    page.wait_for_selector("[data-md-component=search-query]", state="attached")
    report = Report()
    for query in queries:
        items = page.evaluate(_RUN_QUERY, query.text)
        pages: list[str] = []
        for item in items:
            key = page_key(item["href"])
            if key not in pages:
                pages.append(key)
        rank = next((i for i, key in enumerate(pages, 1) if key.removeprefix("metod:") in query.expect
                     and key.startswith("metod:")), None)
        report.outcomes.append(Outcome(query, pages, rank))
    return report


def build(site: Path) -> Path:
    """Build the real handbook into `site` (strict, like CI)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    mkdocs_build(config)
    return site


@contextmanager
def chromium_page() -> Iterator[object]:
    """A page in the Debian Chromium, started the same way as for `metodbank pdf` and the tests."""
    with browser() as chromium:
        context = chromium.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        yield context.new_page()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mät sökningen: hit@5 och MRR för frågorna i tests/search.")
    parser.add_argument("--site", type=Path, help="en redan byggd webbplats (annars byggs handboken)")
    parser.add_argument("--url", help="mät en adress direkt, t.ex. file:///…/index.html i en offlinekopia")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--threshold", type=float, help="lägsta godkända hit@5 (standard: värdet i frågefilen)")
    parser.add_argument("--quiet", action="store_true", help="skriv bara sammanfattningen")
    args = parser.parse_args(argv)
    queries, threshold = load_queries(args.queries)
    if args.threshold is not None:
        threshold = args.threshold
    try:
        with tempfile.TemporaryDirectory() as tmp, chromium_page() as page:
            if args.url:
                report = run_queries(page, args.url, queries)
            else:
                site = args.site or build(Path(tmp) / "site")
                with serve(site) as url:
                    report = run_queries(page, url, queries)
    except Exception as error:  # noqa: BLE001 - report any failure to measure as "could not run"
        print(f"Kunde inte mäta sökningen: {error}", file=sys.stderr)
        return 2
    text = report.table()
    print(text.splitlines()[-1] if args.quiet else text)
    if report.hit_at_5 < threshold:
        print(f"Under gränsen: hit@{TOP} {report.hit_at_5:.1%} < {threshold:.0%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
