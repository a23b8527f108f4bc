"""The summary of a pull request for its contributor: what changed, what `check` says, where the preview is.

Pure functions; nothing here prints, runs git or imports MkDocs. The addresses come from core/config.py.
"""

from __future__ import annotations

from ..site.format import md_escape
from ..site.urls import method_uri, page_url
from ..core.problems import Level, Problem
from ..core.project import Project

METHODS_PREFIX = "methods/"


def changed_methods(paths: list[str]) -> list[str]:
    """The method files among changed paths (repository-relative), in order, without repeats."""
    seen: list[str] = []
    for path in paths:
        path = path.strip()
        if path.startswith(METHODS_PREFIX) and path.endswith(".md") and "/" not in path[len(METHODS_PREFIX):]:
            if path not in seen:
                seen.append(path)
    return seen


def pull_request_summary(project: Project, changed: list[str], preview: str, deleted: frozenset[str] = frozenset(),
                         use_directory_urls: bool = True) -> str:
    """Markdown for the job summary: each changed method, its page in the preview and its problems."""
    methods = changed_methods(changed)
    problems = list(project.problems)
    errors = sum(1 for p in problems if p.level is Level.ERROR)
    lines = ["## Metoder i den här pull requesten", ""]
    if preview:
        lines += [f"Förhandsvisning av hela webbplatsen: <{preview}>. Adressen fungerar när kontrollen är klar "
                  "och förhandsvisningen har publicerats (en kommentar på pull requesten säger till).", ""]
    if not methods:
        lines.append("Inga metodfiler ändras i den här pull requesten.")
    for path in methods:
        method_id = path[len(METHODS_PREFIX):-len(".md")]
        method = project.catalogue.by_id.get(method_id)
        title = method.title if method is not None else method_id
        lines += ["", f"### {md_escape(title)}", "", f"Fil: `{path}`", ""]
        if path in deleted:
            lines.append("Metoden tas bort i den här pull requesten.")
            continue
        if method is not None and preview:
            url = preview + page_url(method_uri(method_id), use_directory_urls)
            lines.append(f"- [Metodens sida i förhandsvisningen]({url})")
        own = [p for p in problems if p.path == path]
        if not own:
            lines.append("- Inga fel.")
        for problem in own:
            lines.append(f"- {_describe(problem)}")
    other = [p for p in problems if p.path not in methods]
    if other:
        lines += ["", "### Andra filer", ""]
        lines += [f"- `{md_escape(p.path)}`: {_describe(p)}" for p in other]
    lines += ["", _verdict(errors, len(problems) - errors)]
    return "\n".join(lines) + "\n"


def _describe(problem: Problem) -> str:
    kind = "Fel" if problem.level is Level.ERROR else "Varning"
    where = f"rad {problem.line}" if problem.line else "hela filen"
    return f"**{kind}**, {where}: {md_escape(problem.message)} (`{problem.code}`)"


def _verdict(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return "Kontrollen hittade inga fel."
    parts = []
    if errors:
        parts.append(f"{errors} fel")
    if warnings:
        parts.append(f"{warnings} {'varning' if warnings == 1 else 'varningar'}")
    return (f"Kontrollen hittade {' och '.join(parts)}. Felen visas också vid rätt rad under fliken "
            "*Files changed*.")
