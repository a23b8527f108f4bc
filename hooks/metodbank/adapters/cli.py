"""The `metodbank` command: a thin adapter over the engine. Prints problems; the engine never does.

Exit codes: 0 all is well, 1 problems in the content (or a refused action), 2 wrong use of the command.
Works on the project in the current folder, or in --root DIR; never on paths relative to this code.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from ..contribute import derived
from ..core import similarity
from ..core.problems import Level, format_problem
from ..core.project import Project, Settings, load_project
from ..core.config import read_addresses, read_mkdocs_file
from ..core.text import ID_PATTERN, slugify
from ..core.vocabulary import Vocabulary, load_vocabulary
from ..site.urls import OFFLINE_SHIM, PDF_DIR  # OFFLINE_SHIM lets search run from file:// (no CDN)
from . import stage

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
OFFLINE_ZIP = "metodbanken-offline.zip"


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102 - argparse hook
        super().add_usage(usage, actions, groups, "Användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # noqa: D102 - argparse hook
        for english, swedish in _ARGPARSE_WORDS:
            message = message.replace(english, swedish)
        raise UsageError(message)


_ARGPARSE_WORDS = (
    ("the following arguments are required", "det här saknas"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("expected one argument", "behöver ett värde"),
    ("invalid int value", "inget heltal"),
    ("argument ", "argumentet "),
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="metodbank", description="Metodbanken: skapa, kontrollera och underhåll metodfiler.",
                     add_help=False)
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen")
    parser.add_argument("--root", default=".", help="projektets mapp (standard: mappen du står i)")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    check = sub.add_parser("check", help="kontrollera alla metoder och visa alla fel på en gång", add_help=False)
    check.add_argument("-h", "--help", action="help", help="visa hjälp")
    check.add_argument("--format", choices=("plain", "github"), default="plain",
                       help="plain (standard) eller github (anteckningar i en pull request)")

    new = sub.add_parser("new", help="skapa en ny metodfil som utkast", add_help=False)
    new.add_argument("-h", "--help", action="help", help="visa hjälp")
    new.add_argument("id", nargs="?", help="metodens id = filnamn utan .md (föreslås från titeln)")
    new.add_argument("--title", help="metodens titel")
    new.add_argument("--phase", action="append", help="fas: anchoring, delivery eller follow_up (kan upprepas)")

    from_issue = sub.add_parser("from-issue", help="skapa en metodfil (utkast) från ett ärende gjort med formuläret "
                                "Föreslå en metod", add_help=False)
    from_issue.add_argument("-h", "--help", action="help", help="visa hjälp")
    from_issue.add_argument("file", metavar="FIL", help="ärendets text (Markdown som GitHub visar den), eller - för stdin")
    from_issue.add_argument("--id", help="metodens id = filnamn utan .md (standard: från titeln)")
    from_issue.add_argument("--field", action="append", default=[], metavar="NAMN=VÄRDE",
                            help="ett fält som formuläret inte frågar efter, till exempel reviewed_by=Anna "
                                 "(kan upprepas; ett fält som inte finns i schemat hoppas över med en notis)")

    review = sub.add_parser("review", help="lista metoder som inte granskats på länge", add_help=False)
    review.add_argument("-h", "--help", action="help", help="visa hjälp")
    review.add_argument("--months", type=int, default=18, help="hur gammal en granskning får vara (standard 18)")

    schema = sub.add_parser("schema", help="skriv ut eller uppdatera JSON-schemat för metodfiler", add_help=False)
    schema.add_argument("-h", "--help", action="help", help="visa hjälp")
    schema.add_argument("--write", action="store_true",
                        help=f"skriv {derived.SCHEMA_PATH} och {derived.ISSUE_FORM_PATH}")
    schema.add_argument("--check", action="store_true", help="kontrollera att de filerna är aktuella")
    pdf = sub.add_parser("pdf", help="skriv PDF-filer av kapitlen, hela handboken och metodkorten",
                         add_help=False)
    pdf.add_argument("-h", "--help", action="help", help="visa hjälp")
    pdf.add_argument("--site-dir", default="site", help="mappen med den byggda webbplatsen (standard: site)")
    pdf.add_argument("--out", help="mapp för PDF-filerna (standard: SITE-DIR/pdf, då länkar webbplatsen till dem)")
    pdf.add_argument("--no-build", action="store_true",
                     help="bygg inte webbplatsen först, använd den som redan finns i --site-dir")
    summary = sub.add_parser("summary", help="sammanfattning av de ändrade metoderna i en pull request (Markdown)",
                             add_help=False)
    summary.add_argument("-h", "--help", action="help", help="visa hjälp")
    summary.add_argument("--base", help="jämför med den här commiten eller grenen (git diff BASE HEAD)")
    summary.add_argument("--changed", action="append", default=[], metavar="FIL",
                         help="en ändrad fil, i stället för --base (kan upprepas)")
    summary.add_argument("--pr", type=int, help="pull requestens nummer (ger adressen till förhandsvisningen)")
    summary.add_argument("--preview-url", help="förhandsvisningens adress (standard: webbplatsens adress + pr-N/)")
    offline = sub.add_parser("offline", help="bygg en kopia av webbplatsen som fungerar utan internet (zip-fil)",
                             add_help=False)
    offline.add_argument("-h", "--help", action="help", help="visa hjälp")
    offline.add_argument("--out", default=OFFLINE_ZIP, help=f"zip-filen som skrivs (standard: {OFFLINE_ZIP})")
    build = sub.add_parser("build", help="bygg webbplatsen; en tidigare byggd webbplats ersätts bara om bygget lyckas",
                           add_help=False)
    build.add_argument("-h", "--help", action="help", help="visa hjälp")
    build.add_argument("--strict", action="store_true", help="avbryt bygget vid varningar också")
    build.add_argument("--site-dir", default="site", help="mappen som webbplatsen byggs till (standard: site)")
    stage.add_parser(sub)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.help = "ett av kommandona nedan"
    parser._positionals.title = "kommandon"
    parser._optionals.title = "val"
    return parser


def main(argv: list[str] | None = None, stdin: TextIO | None = None, today: datetime.date | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    stdin = stdin if stdin is not None else sys.stdin
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("ange ett kommando, till exempel metodbank check")
        root = Path(args.root)
        if not root.is_dir():
            raise UsageError(f"mappen {args.root} finns inte")
        settings = Settings.for_root(root, today=today)
        command = {"check": cmd_check, "new": cmd_new, "review": cmd_review, "schema": cmd_schema, "build": cmd_build,
                   "pdf": cmd_pdf, "offline": cmd_offline, "summary": cmd_summary,
                   "from-issue": cmd_from_issue, "stage": stage.cmd_stage}[args.command]
        return command(args, settings, stdin)
    except UsageError as error:
        print(f"metodbank: {error}", file=sys.stderr)
        print("Skriv metodbank --help för att se hur kommandot används.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("metodbank: avbrutet", file=sys.stderr)
        return EXIT_PROBLEMS


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _report(project: Project, style: str = "plain") -> None:
    for problem in project.problems:
        print(format_problem(problem, style))


def cmd_check(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Validate every method; print every problem; exit 1 when there is any."""
    project = load_project(settings)
    _report(project, args.format)
    errors = sum(1 for p in project.problems if p.level is Level.ERROR)
    warnings = len(project.problems) - errors
    count = len(project.catalogue.methods)
    methods = f"{count} metod" if count == 1 else f"{count} metoder"
    if args.format == "plain":
        if project.problems:
            print(f"{errors} fel och {warnings} varningar i {methods}.", file=sys.stderr)
        else:
            print(f"Inga fel i {methods}.", file=sys.stderr)
    return EXIT_PROBLEMS if project.problems else EXIT_OK


def cmd_summary(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Markdown for a pull request's job summary: changed methods, their preview pages and their problems.

    Always exits 0 when it could write the summary: `metodbank check` is the step that fails.
    """
    from ..contribute.publishing import pull_request_summary

    if not args.base and not args.changed:
        raise UsageError("ange --base REF eller minst en --changed FIL")
    changed, deleted = list(args.changed), set()
    if args.base:
        result = subprocess.run(["git", "diff", "--name-status", "--no-renames", args.base, "HEAD"],
                                cwd=settings.root, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(f"metodbank: git diff mot {args.base} gick inte: {result.stderr.strip()}", file=sys.stderr)
            return EXIT_PROBLEMS
        for line in result.stdout.splitlines():
            status, _, path = line.partition("\t")
            changed.append(path)
            if status.startswith("D"):
                deleted.add(path)
    preview = args.preview_url or ""
    if not preview and args.pr is not None:
        preview = read_addresses(settings.root / "mkdocs.yml").preview_url(args.pr)
    if preview and not preview.endswith("/"):
        preview += "/"
    project = load_project(settings)
    sys.stdout.write(pull_request_summary(project, changed, preview, frozenset(deleted)))
    return EXIT_OK


def _vocabulary_or_report(settings: Settings) -> Vocabulary | None:
    """The project's vocabulary, or None after printing why it cannot be used."""
    vocabulary, problems = load_vocabulary(settings.root)
    for problem in problems:
        print(format_problem(problem))
    return None if problems else vocabulary


def cmd_new(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Create methods/<id>.md as a valid draft; never overwrite anything."""
    vocabulary = _vocabulary_or_report(settings)
    if vocabulary is None:
        return EXIT_PROBLEMS
    interactive = stdin.isatty() if hasattr(stdin, "isatty") else False
    title = args.title or (_ask("Metodens titel: ", stdin) if interactive else None)
    if not title or not title.strip():
        raise UsageError("ange en titel med --title \"Metodens namn\"")
    title = " ".join(title.split())
    phase_words = args.phase or ([_ask("Fas (anchoring, delivery eller follow_up): ", stdin)] if interactive else [])
    if not phase_words:
        raise UsageError("ange en fas med --phase anchoring, --phase delivery eller --phase follow_up")
    phases = []
    for word in phase_words:
        phase = vocabulary.resolve("phases", word)
        if phase is None:
            raise UsageError(vocabulary.unknown_message("phases", word))
        if phase not in phases:
            phases.append(phase)
    method_id = args.id or slugify(title)
    if not ID_PATTERN.match(method_id):
        raise UsageError(f'"{method_id}" duger inte som id; använd a–z, 0–9 och bindestreck, till exempel '
                         f"{slugify(method_id) or 'min-metod'}")
    settings.methods_dir.mkdir(exist_ok=True)
    taken = {p.stem.lower(): p.name for p in settings.methods_dir.iterdir()}
    if method_id.lower() in taken:
        print(f"metodbank: methods/{taken[method_id.lower()]} finns redan; välj ett annat id, till exempel "
              f"metodbank new {method_id}-2 --title \"{title}\"", file=sys.stderr)
        return EXIT_PROBLEMS
    _warn_similar(settings, title)
    text = derived.build_template(title, phases, vocabulary, settings.today or datetime.date.today())
    path = settings.methods_dir / f"{method_id}.md"
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        print(f"metodbank: methods/{path.name} finns redan; inget skrevs över", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Skapade methods/{path.name} (utkast). Fyll i texterna och kör sedan: metodbank check")
    return EXIT_OK


def _warn_similar(settings: Settings, title: str) -> None:
    """Before `new` writes a file: say which existing methods have a title very close to this one."""
    catalogue = load_project(settings).catalogue
    others = ((m.id, m.title, m.summary) for m in catalogue.methods)
    for hit in similarity.similar_to(title, "", others):
        print(f"metodbank: varning: den nya metoden {similarity.message(hit)}. Filen skapas ändå.", file=sys.stderr)


def _ask(prompt: str, stdin: TextIO) -> str:
    print(prompt, end="", flush=True)
    return stdin.readline().strip()


def cmd_review(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """List methods not reviewed for `--months` months, oldest first."""
    if args.months < 0:
        raise UsageError("--months måste vara 0 eller mer")
    project = load_project(settings)
    today = settings.today or datetime.date.today()
    limit = _months_before(today, args.months)
    due = sorted((m for m in project.catalogue.methods if m.last_reviewed is None or m.last_reviewed < limit),
                 key=lambda m: (m.last_reviewed or datetime.date.min, m.id))
    for method in due:
        when = method.last_reviewed.isoformat() if method.last_reviewed else "aldrig"
        print(f"{method.path}: senast granskad {when}")
    if due:
        print(f"{len(due)} av {len(project.catalogue.methods)} metoder har inte granskats sedan {limit.isoformat()}.",
              file=sys.stderr)
    else:
        print(f"Alla metoder är granskade efter {limit.isoformat()}.", file=sys.stderr)
    return EXIT_OK


def _months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in range(day.day, 0, -1):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def cmd_from_issue(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Write methods/<id>.md (a draft) from an issue made with the "Föreslå en metod" form; never overwrite.

    Prints the new file's path on stdout; on problems, prints them (one per line) and writes nothing.
    """
    from ..contribute.issue import MAX_ISSUE_CHARS, method_from_issue

    if args.id is not None and not ID_PATTERN.match(args.id):
        raise UsageError(f'"{args.id}" duger inte som id; använd a–z, 0–9 och bindestreck')
    if args.file == "-":
        body = stdin.read(MAX_ISSUE_CHARS + 1)
    else:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"filen {args.file} finns inte")
        try:
            with open(path, encoding="utf-8", errors="strict") as handle:
                body = handle.read(MAX_ISSUE_CHARS + 1)
        except UnicodeDecodeError:
            print(f"metodbank: {args.file} är inte UTF-8-text; spara ärendets text som UTF-8", file=sys.stderr)
            return EXIT_PROBLEMS
    from ..core.schema import FIELDS_BY_NAME

    extra = {}
    for item in args.field:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f'--field "{item}" ska skrivas NAMN=VÄRDE, till exempel reviewed_by=Anna')
        if name.strip() not in FIELDS_BY_NAME:
            print(f'metodbank: fältet "{name.strip()}" finns inte i schemat; --field {name.strip()} hoppas över',
                  file=sys.stderr)
            continue
        extra[name.strip()] = value
    vocabulary = _vocabulary_or_report(settings)
    if vocabulary is None:
        return EXIT_PROBLEMS
    settings.methods_dir.mkdir(exist_ok=True)
    taken = {p.stem.lower() for p in settings.methods_dir.iterdir()}
    result = method_from_issue(body, vocabulary, taken, settings.today or datetime.date.today(), args.id, extra)
    if result.problems:
        for problem in result.problems:
            print(format_problem(problem))
        print(f"metodbank: {len(result.problems)} problem i ärendet; ingen fil skrevs", file=sys.stderr)
        return EXIT_PROBLEMS
    path = settings.methods_dir / f"{result.method_id}.md"
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(result.text)
    except FileExistsError:
        print(f"metodbank: methods/{path.name} finns redan; inget skrevs över", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"methods/{path.name}")
    print(f"Skapade methods/{path.name} (utkast) från ärendet. Kör metodbank check och granska texten.",
          file=sys.stderr)
    return EXIT_OK


def cmd_build(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Build the site into --site-dir; a failed build (an error in a method, a warning with --strict) leaves
    the previous site untouched."""
    config_file = settings.root / "mkdocs.yml"
    if not config_file.is_file():
        raise UsageError(f"hittar ingen mkdocs.yml i {settings.root}")
    target = (settings.root / args.site_dir).resolve()
    sources = (settings.methods_dir, settings.docs_dir)
    if settings.root.is_relative_to(target) or any(s.is_relative_to(target) or target.is_relative_to(s) for s in sources):
        raise UsageError(f"--site-dir {args.site_dir} skulle skriva över källfilerna; välj en egen mapp, "
                         "till exempel site")
    error = build_site(config_file, target, strict=args.strict)
    if error:
        print(f"metodbank: bygget misslyckades ({error}); {args.site_dir} är orörd", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Byggde webbplatsen i {args.site_dir}.", file=sys.stderr)
    return EXIT_OK


def build_site(config_file: Path, target: Path, *, strict: bool, pdfs: bool = False, **overrides: object) -> str | None:
    """The one way the command line builds the site (`build`, `pdf`, `offline`): MkDocs in this process.

    Builds into a new folder next to `target` and swaps it in only when the build succeeded, so a failed
    build leaves the previous site untouched. `pdfs` makes the print pages link the PDFs (PDF_ENV, as
    `metodbank pdf` writes them after the build); `overrides` go to MkDocs' load_config. MkDocs' warnings
    and errors are printed on stderr. Returns None, or why the build failed ("se raderna ovan" when MkDocs
    has printed the reason). MkDocs is imported here only: every other command works without it.
    """
    import logging
    import shutil
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..printing.documents import PDF_ENV

    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}-bygge-", dir=target.parent))
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    pdf_env = os.environ.get(PDF_ENV)
    if pdfs:
        os.environ[PDF_ENV] = "1"
    try:
        build(load_config(config_file=str(config_file), site_dir=str(temp), strict=strict, **overrides))
    except (Exception, SystemExit) as error:  # noqa: BLE001 - whatever failed, the old site must stay
        shutil.rmtree(temp, ignore_errors=True)
        known = isinstance(error, (SystemExit, MkDocsException))  # MkDocs has logged the reason already
        return "se raderna ovan" if known else f"{type(error).__name__}: {error}"
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(handler)
        if pdfs and pdf_env is None:
            del os.environ[PDF_ENV]
        elif pdfs:
            os.environ[PDF_ENV] = pdf_env
    previous = target.with_name(f".{target.name}-gammal-{os.getpid()}") if target.exists() else None
    if previous:
        os.replace(target, previous)
    try:
        os.replace(temp, target)
    except OSError:
        if previous:
            os.replace(previous, target)
        raise
    if previous:
        shutil.rmtree(previous, ignore_errors=True)
    return None


def cmd_schema(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Print, write or check the files derived from the schema (JSON Schema, issue form)."""
    vocabulary = _vocabulary_or_report(settings)
    if vocabulary is None:
        return EXIT_PROBLEMS
    addresses = read_addresses(settings.root / "mkdocs.yml")  # repo_url and site_url: links follow them
    files = {derived.SCHEMA_PATH: derived.format_json_schema(vocabulary, addresses),
             derived.ISSUE_FORM_PATH: derived.build_issue_form(vocabulary, addresses)}
    if args.check:
        stale = [name for name, text in files.items()
                 if not (settings.root / name).is_file() or (settings.root / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"{name} är inte aktuell; kör metodbank schema --write", file=sys.stderr)
        if not stale:
            print("Schemafilerna är aktuella.", file=sys.stderr)
        return EXIT_PROBLEMS if stale else EXIT_OK
    if args.write:
        for name, text in files.items():
            path = settings.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"Skrev {name}.", file=sys.stderr)
        return EXIT_OK
    sys.stdout.write(files[derived.SCHEMA_PATH])
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Build the site (unless --no-build), then print each chapter, the whole handbook and the card decks."""
    from . import pdf  # the browser adapter; imports playwright only when it runs
    from ..site.format import swedish_date
    from ..printing.documents import print_documents

    root = settings.root
    site = (root / args.site_dir).resolve()
    out = (root / args.out).resolve() if args.out else site / PDF_DIR
    config = root / "mkdocs.yml"
    if not args.no_build:
        if not config.is_file():
            raise UsageError(f"hittar ingen mkdocs.yml i {root}; bygg webbplatsen själv och använd --no-build")
        print(f"Bygger webbplatsen i {args.site_dir} …", file=sys.stderr, flush=True)
        if build_site(config, site, strict=False, pdfs=True):
            print("metodbank: webbplatsen gick inte att bygga; rätta felen ovan och försök igen", file=sys.stderr)
            return EXIT_PROBLEMS
    vocabulary, problems = load_vocabulary(root)
    if problems:
        for problem in problems:
            print(format_problem(problem))
        return EXIT_PROBLEMS
    jobs = []
    for doc in print_documents(vocabulary):
        page = pdf.find_page(site, doc.src_uri)
        if page is None:
            print(f"metodbank: sidan {doc.src_uri} finns inte i {args.site_dir}; bygg webbplatsen med mkdocs build "
                  "eller kör kommandot utan --no-build", file=sys.stderr)
            return EXIT_PROBLEMS
        jobs.append(pdf.PdfJob(page, doc.label, out / doc.pdf_name, doc.cards))
    title = read_mkdocs_file(config).site_name or "Metodbanken"
    date = swedish_date(settings.today or datetime.date.today())

    def progress(number: int, total: int, job: pdf.PdfJob) -> None:
        print(f"Skriver PDF {number} av {total}: {job.label} …", file=sys.stderr, flush=True)

    try:
        written = pdf.write_pdfs(site, jobs, title, date, progress)
    except pdf.PdfError as error:
        print(f"metodbank: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(path)
    print(f"Klart: {len(written)} PDF-filer i {out}.", file=sys.stderr)
    return EXIT_OK


OFFLINE_FOLDER = "metodbanken"
OFFLINE_README = """Metodbanken utan internet

1. Packa upp hela zip-filen (högerklicka och välj Extrahera alla).
2. Öppna mappen metodbanken och dubbelklicka på index.html.

Allt fungerar utan nätverk: sidorna, sökrutan, metodkatalogens filter och planeraren för workshoppar.
Planen sparas i webbläsaren på den här datorn.
"""


def cmd_offline(args: argparse.Namespace, settings: Settings, stdin: TextIO) -> int:
    """Build the site for file:// (Material's offline plugin, no directory URLs) and zip it."""
    import shutil
    import tempfile
    import zipfile

    config = settings.root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"hittar ingen mkdocs.yml i {settings.root}")
    out = Path(args.out).resolve()
    if out.suffix.lower() != ".zip":
        raise UsageError(f"--out ska vara en zip-fil, till exempel {OFFLINE_ZIP}")
    if not out.parent.is_dir():
        raise UsageError(f"mappen {out.parent} finns inte")
    project = load_project(settings)
    if not project.ok:
        _report(project)
        print("metodbank: rätta felen i metodfilerna först; metodbank check visar samma lista", file=sys.stderr)
        return EXIT_PROBLEMS
    print("Bygger webbplatsen för användning utan internet …", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="metodbanken-offline-") as temp:
        site = Path(temp) / OFFLINE_FOLDER
        error = build_site(config, site, strict=True, **_offline_overrides(config))
        if error:
            print(f"metodbank: webbplatsen gick inte att bygga: {error}", file=sys.stderr)
            return EXIT_PROBLEMS
        if not (site / "search" / "search_index.js").is_file():
            print("metodbank: sökindexet för användning utan internet saknas (search/search_index.js)",
                  file=sys.stderr)
            return EXIT_PROBLEMS
        partial = out.with_name(out.name + ".tmp")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("LÄS MIG.txt", OFFLINE_README)
            files = sorted(p for p in site.rglob("*") if p.is_file())
            for path in files:
                archive.write(path, f"{OFFLINE_FOLDER}/{path.relative_to(site).as_posix()}")
        shutil.move(partial, out)
    size = out.stat().st_size / 1_000_000
    print(f"Skrev {out.name} ({len(files)} filer, {_number(size)} MB). Packa upp den och öppna "
          f"{OFFLINE_FOLDER}/index.html i en webbläsare; sökningen fungerar också utan internet.", file=sys.stderr)
    return EXIT_OK


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _offline_overrides(config_file: Path) -> dict:
    """For a copy opened from disk: Material's `offline` plugin added to the project's plugins, the iframe
    worker shim (search from file://) added to the polyfills, and page URLs ending in .html."""
    mkdocs_yml = read_mkdocs_file(config_file).data
    plugins = list(mkdocs_yml.get("plugins") or ["search"])
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    if "offline" not in names and "material/offline" not in names:
        plugins.append("offline")
    extra = dict(mkdocs_yml.get("extra") or {})
    extra["polyfills"] = [*extra.get("polyfills", []), OFFLINE_SHIM]
    return {"use_directory_urls": False, "plugins": plugins, "extra": extra}
