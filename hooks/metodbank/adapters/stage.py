"""`metodbank stage DIR`: the handbook and every generated page as Markdown files in one folder, for a site
builder that runs no MkDocs hooks (ARCHITECTURE.md, "Byggverktyget").

DIR becomes a docs folder: a copy of docs_dir (handbook/) plus what the MkDocs adapter adds as virtual files
(method pages, catalogue, tags, planner, field page, editor, print pages, cards, the JSON Schema and the
editor's method data). What the hooks do to a page's Markdown is done here as well: `repo:` links expanded,
phase chapters given their print links and method list, and each method page's cleaned contributor HTML put
in place of its placeholder. What the hooks do to rendered HTML cannot be staged, so a builder without hooks
gets: print pages that link to each method instead of holding its text, chapters not passed through the HTML
allow-list, no filled-in content security policy, no Swedish forms in the search index, no edit links to the
repository's files and no tag hints (tests/test_stage.py shows that nothing else differs).

Never writes into methods/ or docs_dir; replaces DIR only when it is empty or an earlier stage made it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TextIO

from ..contribute.derived import site_files
from ..core.config import Addresses, expand_repo_links, read_addresses
from ..core.project import Project, Settings, load_project
from ..printing.documents import add_print_links
from ..printing.pages import build_print_pages
from ..printing.splice import link_methods
from ..site.pages import PageBuilder, splice_parts

MARKER = ".metodbank-stage"


class StageRefused(Exception):
    """The staging folder cannot be used (Swedish message for the user)."""


def staged_files(project: Project, settings: Settings, repo_url: str = "", site_url: str = "") -> dict[str, str]:
    """Path inside the staging folder → text, for every generated file and every chapter (Markdown)."""
    addresses = Addresses(repo_url, site_url)
    builder = PageBuilder(project.catalogue, project.vocabulary, settings.use_directory_urls)
    files: dict[str, str] = {}
    for page in builder.build_pages() + build_print_pages(builder, settings.docs_dir):
        markdown = splice_parts(page.markdown, page.parts) if page.parts is not None else page.markdown
        if page.included is not None:
            markdown = link_methods(markdown, page.src_uri)
        files[page.src_uri] = markdown
    files.update(site_files(project, addresses, settings.use_directory_urls))
    phases = [term for term in project.vocabulary.terms("phases") if term.chapter]
    for term in phases:
        chapter = settings.docs_dir / term.chapter
        if chapter.is_file():
            markdown = add_print_links(chapter.read_text(encoding="utf-8"), term)
            files[term.chapter] = markdown.rstrip() + "\n\n" + builder.build_phase_list(term.id)
    for path in sorted(settings.docs_dir.rglob("*.md")):
        uri = path.relative_to(settings.docs_dir).as_posix()
        if uri in files and uri not in {term.chapter for term in phases}:
            raise StageRefused(f"{settings.docs_dir.name}/{uri} krockar med en genererad sida; byt namn på filen")
        files.setdefault(uri, path.read_text(encoding="utf-8"))
    return {uri: expand_repo_links(text, addresses) if uri.endswith(".md") else text for uri, text in files.items()}


def stage(project: Project, settings: Settings, target: Path) -> int:
    """Write the staging folder `target`; return how many files it holds."""
    target = target.resolve()
    for source in (settings.methods_dir.resolve(), settings.docs_dir.resolve()):
        if target == source or source in target.parents or target in source.parents:
            raise StageRefused(f"{target} är eller innehåller {source.name}/; välj en mapp utanför källorna")
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).is_file())):
        raise StageRefused(f"{target} finns redan och gjordes inte av metodbank stage; välj en tom eller ny mapp")
    addresses = read_addresses(settings.root / "mkdocs.yml")
    files = staged_files(project, settings, addresses.repo_url, addresses.site_url)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(settings.docs_dir, target, ignore=shutil.ignore_patterns("*.md"))
    for uri, text in files.items():
        path = target / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (target / MARKER).write_text("Skriven av metodbank stage; nästa körning ersätter mappen.\n", encoding="utf-8")
    return sum(1 for p in target.rglob("*") if p.is_file()) - 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    stage_parser = sub.add_parser("stage", help="skriv handboken och alla genererade sidor som Markdown i en mapp "
                                  "(för ett byggverktyg utan MkDocs hooks)", add_help=False)
    stage_parser.add_argument("-h", "--help", action="help", help="visa hjälp")
    stage_parser.add_argument("dir", metavar="MAPP", help="mappen som skrivs (ny, tom eller från en tidigare stage)")


def cmd_stage(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Stage the handbook into args.dir; errors in the methods stop it before anything is written."""
    from .cli import EXIT_OK, EXIT_PROBLEMS, _report

    project = load_project(settings)
    _report(project)
    if not project.ok:
        print("Rätta felen ovan först; ingenting skrevs.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        count = stage(project, settings, Path(args.dir))
    except StageRefused as error:
        print(f"metodbank: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{count} filer i {Path(args.dir).resolve()}. Bygg med ett verktyg som läser mappen som docs_dir.")
    return EXIT_OK
