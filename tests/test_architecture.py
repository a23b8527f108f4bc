"""The engine stays plain Python: only the adapters may import MkDocs or a browser driver."""

from __future__ import annotations

import ast

from helpers import REPO

ENGINE = REPO / "hooks" / "metodbank"
ADAPTERS = {"cli.py", "pdf.py", "browser.py"}  # command line and browser adapters import lazily, inside functions
FORBIDDEN = ("mkdocs", "material", "playwright", "selenium")


def imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node


def test_engine_modules_import_no_generator_or_browser():
    offenders = []
    for path in sorted(ENGINE.glob("*.py")):
        for name, node in imports(path):
            if name.split(".")[0] in FORBIDDEN:
                top_level = node.col_offset == 0
                if path.name not in ADAPTERS or top_level:
                    offenders.append(f"{path.name}:{node.lineno} imports {name}")
    assert offenders == []


def test_engine_keeps_no_mutable_module_state():
    offenders = []
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                value = node.value
                if isinstance(value, (ast.List, ast.Dict, ast.Set)) or (
                        isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("list", "dict", "set")):
                    target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                    name = getattr(target, "id", "")
                    if name != "__all__" and not name.isupper():  # UPPER_CASE tables are constants
                        offenders.append(f"{path.name}:{node.lineno} {name}")
    assert offenders == []
