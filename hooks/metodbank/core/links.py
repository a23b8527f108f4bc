"""Cross-linking, after every method has been recorded: references, backlinks, before/after chains.

Rules, applied by `link_methods`:

* `related` is symmetric. A method shows its own `related` first (in the order written), then every
  method that lists it (its backlinks), by title. Nobody needs to write a relation twice.
* `before`/`after` describe one directed graph: "X before Y" is the same edge whether written as
  `after: [Y]` in X or `before: [X]` in Y, so each side is completed from the other automatically.
  Writing the same method in both lists of one method is an error, and so is any cycle in the graph.
* A reference to a method that does not exist, or to the method itself, is an error (with a suggestion).
* Links in the body to `<id>.md` must name an existing method.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Method
from .problems import Problem
from .similarity import Index, message
from .text import did_you_mean

REFERENCE_FIELDS = ("related", "before", "after")


@dataclass(frozen=True)
class Catalogue:
    """Every method, indexed: by id, by phase and by tag, with resolved relations."""

    methods: tuple[Method, ...]  # sorted by title
    by_id: dict[str, Method] = field(repr=False)
    related: dict[str, tuple[str, ...]] = field(repr=False)
    predecessors: dict[str, tuple[str, ...]] = field(repr=False)
    successors: dict[str, tuple[str, ...]] = field(repr=False)
    by_phase: dict[str, tuple[str, ...]] = field(repr=False)
    by_tag: dict[str, tuple[str, ...]] = field(repr=False)

    def __repr__(self) -> str:
        return f"<Catalogue {len(self.methods)} methods>"

    def get(self, method_id: str) -> Method:
        return self.by_id[method_id]


def link_methods(methods: list[Method], known_ids: set[str] | None = None) -> tuple[Catalogue, list[Problem]]:
    """Resolve every reference between methods; `known_ids` also counts files that failed to load."""
    by_id = {m.id: m for m in methods}
    known = set(by_id) | (known_ids or set())
    problems: list[Problem] = []

    def title(method_id: str) -> str:
        return by_id[method_id].title.lower() if method_id in by_id else method_id

    valid: dict[str, dict[str, list[str]]] = {}
    for method in methods:
        valid[method.id] = {}
        for name in REFERENCE_FIELDS:
            kept: list[str] = []
            for index, target in enumerate(getattr(method, name)):
                line = method.line(name, index)
                if target == method.id:
                    problems.append(Problem(method.path, line, "self-reference",
                                            f'metoden hänvisar till sig själv i "{name}"; ta bort "{target}"'))
                elif target not in known:
                    problems.append(Problem(method.path, line, "unknown-method",
                                            f'metoden "{target}" i "{name}" finns inte{did_you_mean(target, known)}'))
                elif target in by_id:
                    kept.append(target)
            valid[method.id][name] = kept
        for target in set(method.before) & set(method.after):
            problems.append(Problem(method.path, method.line("after"), "before-after-conflict",
                                    f'"{target}" står både i before och after; bestäm om den kommer före eller efter'))
        for target, line in method.body_links:
            if target not in known:
                problems.append(Problem(method.path, line, "broken-link",
                                        f'länken går till "{target}.md", men den metoden finns inte'
                                        f"{did_you_mean(target, known)}"))

    related: dict[str, list[str]] = {m.id: list(valid[m.id]["related"]) for m in methods}
    backlinks: dict[str, set[str]] = defaultdict(set)
    for method in methods:
        for target in valid[method.id]["related"]:
            if method.id not in related[target]:
                backlinks[target].add(method.id)
    for method_id, extra in backlinks.items():
        related[method_id].extend(sorted(extra, key=title))

    edges: dict[str, set[str]] = defaultdict(set)  # X → Y: X usually comes before Y
    for method in methods:
        conflicting = set(method.before) & set(method.after)  # reported above; no edge either way
        for target in valid[method.id]["before"]:
            if target not in conflicting:
                edges[target].add(method.id)
        for target in valid[method.id]["after"]:
            if target not in conflicting:
                edges[method.id].add(target)
    problems.extend(_cycles(edges, by_id))
    problems.extend(_near_duplicates(methods))
    incoming: dict[str, set[str]] = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            incoming[target].add(source)

    ordered = tuple(sorted(methods, key=lambda m: (m.title.lower(), m.id)))
    by_phase: dict[str, list[str]] = defaultdict(list)
    by_tag: dict[str, list[str]] = defaultdict(list)
    for method in ordered:
        for phase in method.phases:
            by_phase[phase].append(method.id)
        for tag in method.tags:
            by_tag[tag].append(method.id)

    catalogue = Catalogue(
        methods=ordered,
        by_id=by_id,
        related={k: tuple(v) for k, v in related.items()},
        predecessors={m.id: tuple(sorted(incoming[m.id], key=title)) for m in methods},
        successors={m.id: tuple(sorted(edges[m.id], key=title)) for m in methods},
        by_phase={k: tuple(v) for k, v in by_phase.items()},
        by_tag={k: tuple(v) for k, v in by_tag.items()},
    )
    return catalogue, problems


def _near_duplicates(methods: list[Method]) -> list[Problem]:
    """A warning for each new method (a draft) whose title or summary is very close to another method's.

    New methods are drafts until they are reviewed, so that is where a possible duplicate should be seen;
    published methods are kept apart by the editors (tests/test_content.py checks the handbook). Comparing
    only drafts also keeps the check cheap on a large catalogue. Two drafts are reported once, at the one
    whose id sorts last.
    """
    problems: list[Problem] = []
    drafts = sorted((m for m in methods if not m.published), key=lambda m: m.id)
    if not drafts:
        return problems
    index = Index((m.id, m.title, m.summary) for m in methods)
    draft_ids = {d.id for d in drafts}
    for draft in drafts:
        for hit in index.similar_to(draft.title, draft.summary, skip=draft.id):
            if hit.other_id > draft.id and hit.other_id in draft_ids:
                continue  # two drafts: reported once, at the one whose id sorts last
            line = draft.line("title" if hit.measure == "titel" else "summary")
            problems.append(Problem(draft.path, line, "similar-method", message(hit)))  # a warning
    return problems


def _cycles(edges: dict[str, set[str]], by_id: dict[str, Method]) -> list[Problem]:
    """One problem per cycle in the before/after graph, reported at the method where it closes."""
    problems: list[Problem] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(edges):
        if state.get(start):
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(edges.get(start, ())))]
        path = [start]
        state[start] = 1
        while stack:
            node, pending = stack[-1]
            if not pending:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            nxt = pending.pop()
            if state.get(nxt) == 1:
                loop = path[path.index(nxt):] + [nxt]
                method = by_id[node]
                field_name = "after" if nxt in method.after else "before"
                line = method.line(field_name)
                if nxt not in method.after:
                    line = by_id[nxt].line("before") if nxt in by_id else line
                    method = by_id[nxt] if nxt in by_id else method
                problems.append(Problem(method.path, line, "cycle",
                                        "ordningen före/efter går runt i en cirkel: " + " → ".join(loop)
                                        + "; ta bort en av länkarna"))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, sorted(edges.get(nxt, ()))))
    return problems
