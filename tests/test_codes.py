"""The problem-code registry (core/codes.py): every code the engine can report is registered, and shown."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from metodbank.core.codes import CODES, Level
from metodbank.core.problems import Problem, format_problem
from metodbank.core.sanitize import Removal

ENGINE = REPO / "hooks" / "metodbank"

# Where a problem code is written in the engine: the position of the code among the positional arguments of
# each maker of problems (a Problem, a strict-YAML issue, a body finding, a field kind's or the vocabulary's
# report callback, the issue reader's problem()).
CODE_ARGUMENT = {"Problem": 2, "YamlIssue": 1, "Finding": 1, "report": 1, "problem": 1}


def _callee(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _code_literals() -> tuple[dict[str, list[str]], list[str]]:
    """Every code literal in the engine (code → where), and every code argument that is neither a literal
    nor a code passed on (`code`, `x.code`)."""
    found: dict[str, list[str]] = {}
    unknown: list[str] = []
    for path in sorted(ENGINE.rglob("*.py")):
        where = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
        for node in ast.walk(tree):
            literals: list[ast.expr] = []
            if isinstance(node, ast.Call) and _callee(node) in CODE_ARGUMENT:
                index = CODE_ARGUMENT[_callee(node)]
                argument = node.args[index] if len(node.args) > index else None
                argument = next((k.value for k in node.keywords if k.arg == "code"), argument)
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    literals.append(argument)
                elif not (isinstance(argument, ast.Name) and argument.id == "code"
                          or isinstance(argument, ast.Attribute) and argument.attr == "code"):
                    unknown.append(f"{where}:{node.lineno}: {ast.unparse(node)[:80]}")
            elif isinstance(node, ast.FunctionDef) and node.name == "code":  # a property such as Removal.code
                literals += [n.value for n in ast.walk(node) if isinstance(n, ast.Return)
                             and isinstance(n.value, ast.Constant)]
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_SYNTAX_HINTS"
                                                      for t in node.targets):  # (fragment, code, hint) rows
                literals += [row.elts[1] for row in node.value.elts]
            for literal in literals:
                found.setdefault(literal.value, []).append(f"{where}:{literal.lineno}")
    return found, unknown


def test_every_code_literal_in_the_engine_is_registered_and_every_registered_code_is_used():
    found, unknown = _code_literals()
    assert not unknown, "a problem code made some other way than as a literal; register it and write it out"
    unregistered = {code: places for code, places in found.items() if code not in CODES}
    assert not unregistered, "register these codes in hooks/metodbank/core/codes.py"
    assert sorted(set(CODES) - set(found)) == [], "registered codes that nothing reports"
    assert len(found) > 60  # the scan still finds the makers of problems (a renamed maker would hide codes)


def test_the_scan_sees_codes_made_in_every_way():
    found, _ = _code_literals()
    assert "hooks/metodbank/core/loader.py" in found["not-utf8"][0]  # Problem(...)
    assert any("yamlstrict" in p for p in found["yaml-tab"])  # a _SYNTAX_HINTS row
    assert any("yamlstrict" in p for p in found["duplicate-key"])  # YamlIssue(...)
    assert any("body.py" in p for p in found["h1-in-body"])  # Finding(...)
    assert any("kinds.py" in p for p in found["future-date"])  # ctx.report(...)
    assert any("issue.py" in p for p in found["keyed-without-key"])  # self.problem(...)
    assert any("sanitize.py" in p for p in found["image-not-allowed"])  # Removal.code
    assert {Removal("image", "img", "src", "https://x.test/a.png").code, Removal("tag", "script").code} <= set(CODES)


def test_every_code_the_corpus_expects_is_registered():
    expected = yaml.safe_load((REPO / "tests" / "corpus" / "expected.yml").read_text(encoding="utf-8"))
    codes = {problem[-1] for case in expected.values() for problem in case.get("problems", [])}
    assert codes and sorted(codes - set(CODES)) == []


def test_a_problem_with_an_unregistered_code_is_refused():
    with pytest.raises(ValueError, match="okand-kod"):
        Problem("methods/x.md", 1, "okand-kod", "meddelande")


def test_the_level_of_a_problem_comes_from_the_registry():
    assert {code for code, entry in CODES.items() if entry.level is Level.WARNING} == {"similar-method"}
    warning = Problem("methods/x.md", 2, "similar-method", "liknar metoden Y")
    assert warning.level is Level.WARNING
    assert format_problem(warning) == "methods/x.md:2: varning: liknar metoden Y [similar-method]"
    assert Problem("methods/x.md", 2, "cycle", "runt").level is Level.ERROR


def test_every_meaning_is_one_line_of_swedish():
    for code, entry in CODES.items():
        assert entry.meaning.strip() == entry.meaning and "\n" not in entry.meaning, code
        assert entry.meaning[0].isupper() and entry.meaning.endswith("."), code
        assert len(entry.meaning) <= 110, code


def test_the_field_docs_page_explains_every_code(built_site: Path):
    page = (built_site / "bidra" / "falt" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="felkoder"'):]
    for code in CODES:
        assert f"<td><code>{code}</code></td>" in section, code
    assert "<td>varning</td>" in section
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "bidra/falt/#felkoder" in contributing
