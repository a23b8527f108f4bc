"""Where the handbook lives on the web, and the summary of a pull request for its contributor.

One setting decides every address: `repo_url` in mkdocs.yml (and `site_url` when the site is not on GitHub
Pages at the usual address). From them come the edit links (MkDocs), the issue form's links, the preview
addresses (`<site>/pr-<N>/`) and the links in the pull-request summary. Pure functions; nothing here prints,
runs git or imports MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .format import md_escape, page_url
from .pages import method_uri
from .problems import Level, Problem
from .project import Project

METHODS_PREFIX = "methods/"
_GITHUB_REPO = re.compile(r"^https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Addresses:
    """The repository and the published site, as mkdocs.yml says (empty strings when it says nothing)."""

    repo_url: str = ""
    site_url: str = ""

    @property
    def pages_url(self) -> str:
        """The site's address: site_url, else the GitHub Pages address of repo_url, else ''."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/"
        match = _GITHUB_REPO.match(self.repo_url)
        if not match:
            return ""
        owner, name = match.groups()
        if name.lower() == f"{owner.lower()}.github.io":
            return f"https://{owner.lower()}.github.io/"
        return f"https://{owner.lower()}.github.io/{name}/"

    def preview_url(self, number: int) -> str:
        """The stable address of pull request `number`'s preview, or '' when the site address is unknown."""
        return f"{self.pages_url}pr-{number}/" if self.pages_url else ""

    def repo_file(self, path: str, branch: str = "main") -> str:
        """Link to a file of the repository on GitHub (or just the path when repo_url is unset)."""
        return f"{self.repo_url.rstrip('/')}/blob/{branch}/{path}" if self.repo_url else path


REPO_LINK = re.compile(r"\]\(repo:([A-Za-z0-9/._#?=&-]*)\)")


def expand_repo_links(markdown: str, addresses: Addresses) -> str:
    """Links written `[text](repo:issues)` in a chapter, pointed at the repository in repo_url.

    So a chapter can link the repository's issues or files without naming an organisation; with no
    repo_url the link is left as it is (and MkDocs shows it as written).
    """
    if not addresses.repo_url:
        return markdown
    base = addresses.repo_url.rstrip("/")
    return REPO_LINK.sub(lambda m: f"]({base}/{m.group(1)})" if m.group(1) else f"]({base})", markdown)


def read_addresses(config_file: Path) -> Addresses:
    """repo_url and site_url from mkdocs.yml, read as text (the file may hold tags only MkDocs knows)."""
    if not config_file.is_file():
        return Addresses()
    text = config_file.read_text(encoding="utf-8")

    def value(key: str) -> str:
        match = re.search(rf"^{key}:\s*[\"']?([^\"'#\s]+)[\"']?\s*(?:#.*)?$", text, re.MULTILINE)
        return match.group(1) if match else ""

    return Addresses(value("repo_url"), value("site_url"))


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
