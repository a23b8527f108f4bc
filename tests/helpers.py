"""Test helpers: valid method front matter, writing method files and projects, building real sites."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import os
import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-20"

VALID_FRONT: dict[str, Any] = {
    "title": "Exempelmetod",
    "summary": "En kort sammanfattning av metoden som är tillräckligt lång för att godkännas av kontrollen.",
    "easy_read": "Du lär dig på jobbet. En kollega hjälper dig. Ni pratar om det efteråt.",
    "phases": ["delivery"],
    "audience": ["participant"],
    "group_size": {"min": 2, "max": 8},
    "duration": {"min": 30, "max": 60, "span": "2 träffar under en månad"},
    "preparation": "Boka ett rum och bjud in deltagarna en vecka före.",
    "difficulty": "easy",
    "roles": ["facilitator"],
    "materials": ["Blädderblock"],
    "cost": "none",
    "tags": ["reflektion"],
    "steps": {
        "anchoring": ["Bestäm mål med handledaren."],
        "delivery": ["Genomför träffen."],
        "follow_up": ["Följ upp efter en vecka."],
    },
    "adaptations": {"reading": "Använd bilder.", "language": "Använd enkla ord.", "cognition": "Korta pass."},
    "authors": ["Testförfattare"],
    "last_reviewed": TODAY,
    "status": "published",
    "basis": {"kind": "design", "text": "Ett testfall för kontrollen, inte en verklig metod."},
    "reviewed_by": "Testgranskare",
}

VALID_BODY = """
## Syfte

Varför metoden finns.

## Förankring

1. Handledaren pratar med deltagaren.

## Genomförande

1. Gruppen träffas en timme.

## Efterarbete och implementering

1. Handledaren följer upp efter en vecka.
"""


def front_matter(**changes: Any) -> dict[str, Any]:
    """VALID_FRONT with changes; a value of `None` removes the field."""
    data = copy.deepcopy(VALID_FRONT)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def method_text(front: dict[str, Any] | None = None, body: str = VALID_BODY) -> str:
    """A method file's text from front matter data and a body."""
    dumped = yaml.safe_dump(front if front is not None else VALID_FRONT, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}"


def make_method(root: Path, method_id: str, body: str = VALID_BODY, **changes: Any) -> Path:
    """Write methods/<id>.md under root with valid front matter plus `changes`."""
    changes.setdefault("title", method_id.replace("-", " ").capitalize())
    if changes.get("status") == "draft":  # a draft with the default summary would be a near-duplicate
        changes.setdefault("summary", f"{changes['title']}: ett påhittat utkast för testerna, med egen sammanfattning.")
    path = root / "methods" / f"{method_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(method_text(front_matter(**changes), body), encoding="utf-8")
    return path


def make_project(root: Path, fixture: str | None = None) -> Path:
    """A project folder: the repo's vocabulary, minimal phase chapters, and a fixture's files if named."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "vocabulary.yml", root / "vocabulary.yml")
    handbook = root / "handbook"
    handbook.mkdir(exist_ok=True)
    shutil.copytree(REPO / "handbook" / "assets", handbook / "assets", dirs_exist_ok=True)
    (root / "methods").mkdir(exist_ok=True)
    for name, title in (("index.md", "Start"), ("forankring.md", "Förankring"), ("genomforande.md", "Genomförande"),
                        ("efterarbete.md", "Efterarbete och implementering")):
        (handbook / name).write_text(f"# {title}\n\nText om {title.lower()}.\n", encoding="utf-8")
    if fixture:
        shutil.copytree(FIXTURES / fixture, root, dirs_exist_ok=True)
    return root


def write_config(root: Path, **overrides: Any) -> Path:
    """mkdocs.yml for a test project: the repo's config with absolute paths to hooks and theme overrides,
    and a nav that fits the minimal chapters."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(REPO / "hooks" / "mkdocs_hooks.py")]
    config["nav"] = [
        {"Start": "index.md"},
        {"Faserna": [{"Förankring": "forankring.md"}, {"Genomförande": "genomforande.md"},
                     {"Efterarbete och implementering": "efterarbete.md"}]},
        {"Metodkatalog": "metoder/index.md"},
        {"Taggar": "taggar/index.md"},
    ]
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["watch"] = []
    config.update(overrides)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_site(root: Path, strict: bool = True, **overrides: Any) -> Path:
    """Build the project at `root` with the real MkDocs and hooks; return the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = root / "mkdocs.yml"
    if overrides or not config_path.exists():
        write_config(root, **overrides)
    site = root / "site"
    config = load_config(config_file=str(config_path), site_dir=str(site), strict=strict)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    build(config)
    return site


def tree(root: Path, *tops: str) -> dict[str, str]:
    """Every entry below the named folders (or all of root) → hash of its bytes, link target or 'dir'."""
    result = {}
    for top in tops or ("",):
        for dirpath, dirnames, filenames in os.walk(root / top):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                key = path.relative_to(root).as_posix()
                if path.is_symlink():
                    result[key] = "link:" + os.readlink(path)
                elif path.is_dir():
                    result[key] = "dir"
                else:
                    result[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def run_in_process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in the folder `cwd`, run in this process: `-m metodbank …` through the command's entry point
    (`metodbank.adapters.cli.main`) and `-m mkdocs build [--strict] [-d/--site-dir DIR] [-f FILE]` the way
    MkDocs' command does it (startup and shutdown events, its log lines on stderr as `LEVEL    -  message`,
    a MkDocs error's message without a traceback, exit 1). Returns what `subprocess.run(…, capture_output=True,
    text=True)` returns. As in a process of its own, MkDocs' log records do not reach pytest's log capture.
    An exception the real command would show as a traceback escapes and fails the test.

    Starting a Python (and importing MkDocs) for each of hundreds of checks made up most of the suite's time;
    a few tests run the real commands in a subprocess to test the process around these entry points."""
    out, err = io.StringIO(), io.StringIO()
    if args[:2] == ("-m", "metodbank"):
        from metodbank.adapters.cli import main

        with _mkdocs_log_to(None), _chdir(cwd), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            code = main(list(args[2:]), stdin=io.StringIO(""))
    elif args[:3] == ("-m", "mkdocs", "build"):
        with _mkdocs_log_to(err), _chdir(cwd):
            code = _mkdocs_build(list(args[3:]), err)
    else:
        raise ValueError(f"not a command run_in_process knows: {args}")
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _chdir(folder: Path):
    """contextlib.chdir, which Python 3.10 does not have."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _mkdocs_log_to(stream: io.StringIO | None):
    """MkDocs' log (INFO and up) written to `stream` as its command writes it, and kept from the root logger."""
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    handler = logging.StreamHandler(stream) if stream is not None else None
    if handler:
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        if handler:
            logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _mkdocs_build(rest: list[str], err: io.StringIO) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    options: dict[str, Any] = {"config_file": "mkdocs.yml"}
    while rest:
        flag = rest.pop(0)
        if flag in ("-s", "--strict"):
            options["strict"] = True
        elif flag in ("-d", "--site-dir"):
            options["site_dir"] = rest.pop(0)
        elif flag in ("-f", "--config-file"):
            options["config_file"] = rest.pop(0)
        else:
            raise ValueError(f"not an option run_in_process knows: {flag}")
    try:
        config = load_config(**options)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        err.write("\n" + error.format_message() + "\n")
        return 1
    return 0
