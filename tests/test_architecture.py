"""The layers of the engine, as its folders show them (see ARCHITECTURE.md).

core ← site ← printing, contribute ← adapters: a layer imports only the layers to its left. The engine imports
nothing from MkDocs or a browser driver; the adapters may, but only lazily inside functions, so that importing
the package never needs them. No per-module exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import REPO

ENGINE = REPO / "hooks" / "metodbank"
LAYERS = {  # folder → the folders of metodbank it may import
    "core": set(),
    "site": {"core"},
    "printing": {"core", "site"},
    "contribute": {"core", "site"},
    "adapters": {"core", "site", "printing", "contribute"},
}
FORBIDDEN = ("mkdocs", "material", "playwright", "selenium", "properdocs")


def modules():
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def layer_of(path: Path) -> str:
    parts = path.relative_to(ENGINE).parts
    return parts[0] if len(parts) > 1 else ""


def imports(path, text=None):
    """(absolute module name, node) for every import of the module at `path` (its text, or `text`)."""
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text)
    package = ["metodbank", *path.relative_to(ENGINE).parts[:-1]]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.module or "", node
                continue
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                yield target, node
            else:
                for alias in node.names:
                    yield f"{target}.{alias.name}", node


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in ENGINE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert loose == []
    assert {p.name for p in ENGINE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS)


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_the_layers_below_it(layer):
    offenders = []
    for path in modules():
        if layer_of(path) != layer:
            continue
        for name, node in imports(path):
            parts = name.split(".")
            if parts[0] != "metodbank":
                continue
            target = parts[1] if len(parts) > 1 else ""
            if target != layer and target not in LAYERS[layer]:
                offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno} imports {name}")
    assert offenders == []


def test_the_package_front_imports_no_adapter():
    """`import metodbank` (the MkDocs hooks do) never pulls in the command line or the browser driver."""
    offenders = [f"__init__.py:{node.lineno} imports {name}" for name, node in imports(ENGINE / "__init__.py")
                 if name.startswith("metodbank.adapters")]
    assert offenders == []


def test_engine_modules_import_no_generator_or_browser():
    offenders = []
    for path in modules():
        for name, node in imports(path):
            if name.split(".")[0] in FORBIDDEN:
                if layer_of(path) != "adapters" or node.col_offset == 0:
                    offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno} imports {name}")
    assert offenders == []


def test_engine_keeps_no_mutable_module_state():
    offenders = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                value = node.value
                if isinstance(value, (ast.List, ast.Dict, ast.Set)) or (
                        isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("list", "dict", "set")):
                    target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                    name = getattr(target, "id", "")
                    if name != "__all__" and not name.isupper():  # UPPER_CASE tables are constants
                        offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno} {name}")
    assert offenders == []


def test_the_layer_check_sees_a_wrong_import():
    """The checker itself resolves relative imports: a core module that imports site is caught."""
    probe = ENGINE / "core" / "probe.py"
    found = [name for name, _ in imports(probe, "from ..site.pages import PageBuilder\nfrom . import text\n")]
    assert found == ["metodbank.site.pages", "metodbank.core.text"]
    assert "site" not in LAYERS[layer_of(probe)]
