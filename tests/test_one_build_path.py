"""One way the command line builds the site, and one reading of mkdocs.yml outside MkDocs."""

from __future__ import annotations

import ast

from helpers import REPO
from metodbank.core.config import Addresses, read_addresses, read_mkdocs_file

ENGINE = REPO / "hooks" / "metodbank"


def _functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _called(function: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return names


def test_every_command_that_builds_uses_build_site():
    cli = ENGINE / "adapters" / "cli.py"
    builders = {f.name for f in _functions(cli) if {"build", "load_config"} & _called(f)}
    assert builders == {"build_site"}
    runs_mkdocs = [f.name for f in _functions(cli) if f.name != "build_site" for node in ast.walk(f)
                   if isinstance(node, ast.Constant) and node.value in ("mkdocs", "-m")]
    assert runs_mkdocs == []  # no second way through a subprocess
    callers = {f.name for f in _functions(cli) if "build_site" in _called(f)}
    assert callers == {"cmd_build", "cmd_pdf", "cmd_offline"}


def _mentions(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Constant) and n.value == "mkdocs.yml" or isinstance(n, ast.Name) and n.id in names
               for n in ast.walk(node))


def test_mkdocs_yml_is_read_only_by_core_config():
    """Outside core/config.py nothing reads the file itself: no read_text/open/YAML/regex on a path to it."""
    readers = []
    for path in sorted(ENGINE.rglob("*.py")):
        if path == ENGINE / "core" / "config.py":
            continue
        for function in _functions(path):
            names = {t.id for n in ast.walk(function) if isinstance(n, ast.Assign) and _mentions(n.value, set())
                     for t in n.targets if isinstance(t, ast.Name)}
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                func = call.func
                if isinstance(func, ast.Attribute) and func.attr in ("read_text", "read_bytes", "open") \
                        and _mentions(func.value, names) or \
                        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                        and func.value.id in ("yaml", "re") and _mentions(function, names) and names:
                    readers.append(f"{path.relative_to(REPO)}:{function.name}:{call.lineno}")
    assert readers == []


def test_the_reading_takes_mkdocs_tags_and_never_raises(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Banken\nrepo_url: https://github.com/org/bank\nextra:\n  x: !ENV [X, standard]\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:a.b\n",
                      encoding="utf-8")
    read = read_mkdocs_file(config)
    assert read.site_name == "Banken" and read.addresses == Addresses("https://github.com/org/bank")
    assert read.data["extra"] == {"x": ["X", "standard"]}
    config.write_text("site_name: [\n", encoding="utf-8")
    assert read_mkdocs_file(config).data == {} and read_addresses(config) == Addresses()
    assert read_mkdocs_file(tmp_path / "saknas.yml").site_name == ""
