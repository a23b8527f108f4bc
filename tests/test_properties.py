"""Property-based tests: random and mutated method files give results or the project's own problems, fast.

Whatever bytes a contributor (or an attacker) puts in a method file, the loader, the validator and the
linker must return data or `Problem` values — never raise — and finish each file within the Hypothesis
deadline. Pathological inputs (long runs of brackets, tags or link openers) check that no pattern in the
engine is quadratic.
"""

from __future__ import annotations

import datetime
from datetime import timedelta

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import REPO, VALID_BODY, front_matter, method_text
from metodbank import Problem, link_methods, load_vocabulary
from metodbank.core import yamlstrict
from metodbank.core.loader import load_source
from metodbank.core.model import Method
from metodbank.core.schema import FIELDS
from metodbank.core.validate import validate_source

TODAY = datetime.date(2026, 11, 23)
VOCABULARY, _ = load_vocabulary(REPO)
VALID = method_text().encode("utf-8")
FAST = settings(max_examples=200, deadline=timedelta(milliseconds=1500),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIGHT = settings(FAST, max_examples=150)  # for strategies that are slow to draw

# Fragments that matter to YAML, Markdown, HTML or the encodings: mutations splice these in.
TOKENS = [b":", b": ", b"- ", b"-", b"&a ", b"*a", b"!!python/object:os.system ", b"!tag ", b"!!binary ", b"\t",
          b"[", b"]", b"{", b"}", b"---\n", b"...\n", b'"', b"'", b"\n", b"\r\n", b"\r", b"#", b"|\n", b">\n",
          b"? ", b"%YAML 1.1\n", b"<script>", b"<b onclick=x>", b"](javascript:x)", b"![](data:x)", b"{: onclick=x }",
          b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\x85", b"## Syfte\n", b"# Titel\n",
          b"```\n", b"<!--", b"-->", b"2026-02-30", b"1e999", b"0x1F", b"~", b"null", b"yes", b"9" * 30]


def check_file(raw: bytes) -> list[Problem]:
    """Load and validate one file's bytes; every outcome must be data or Problems with sane lines."""
    source, problems = load_source("methods/x.md", "x", raw)
    if source is not None:
        method, more = validate_source(source, VOCABULARY, TODAY)
        assert isinstance(method, Method) and method.id == "x"
        problems = problems + more
    line_count = raw.count(b"\n") + raw.count(b"\r") + 2
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert problem.path == "methods/x.md"
        assert 0 <= problem.line <= line_count, problem
        assert problem.code and problem.message.strip()
        assert "Traceback" not in problem.message
    return problems


@st.composite
def mutated(draw) -> bytes:
    """A valid method file with a few random edits: tokens spliced in, bytes deleted or replaced."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "byte"]))
        if action == "insert":
            data[position:position] = draw(st.sampled_from(TOKENS))
        elif action == "delete":
            data[position:position + draw(st.integers(1, 40))] = b""
        elif action == "replace":
            data[position:position + 1] = draw(st.sampled_from(TOKENS))
        else:
            data[position:position] = bytes([draw(st.integers(0, 255))])
    return bytes(data)


@FAST
@given(mutated())
@example(VALID.replace(b"\n", b"\r\n"))
@example(b"\xef\xbb\xbf" + VALID)
@example(VALID.replace(b"title:", b"title: &a x\nalias: *a\nt:", 1))
def test_mutated_method_files(raw):
    check_file(raw)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(raw):
    check_file(raw)


@FAST
@given(st.lists(st.sampled_from([t.decode("utf-8", "replace") for t in TOKENS] + list("abcåäö 0123")),
                max_size=120).map("".join))
def test_random_front_matter_text(text):
    check_file(f"---\n{text}\n---\n{VALID_BODY}".encode("utf-8", "surrogatepass"))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=40), st.dates(), st.sampled_from(["delivery", "reflektion", "easy", "none"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)


@LIGHT
@given(st.dictionaries(st.sampled_from([f.name for f in FIELDS] + ["titel", "x"]), VALUES, max_size=8),
       st.sets(st.sampled_from([f.name for f in FIELDS]), max_size=6))
def test_valid_files_with_random_field_values(changes, removed):
    """Every field of a valid file may get a value of any YAML type; all are reported, none raises."""
    front = front_matter(**changes)
    for name in removed:
        front.pop(name, None)
    check_file(method_text(front).encode("utf-8", "surrogatepass"))


BODY_ALPHABET = st.sampled_from(["<", ">", "/", "[", "]", "(", ")", "!", "{", "}", ":", "=", '"', "'", "`", "~",
                                 "#", "\n", "\t", " ", "-", "*", "javascript", "data", "on", "script", "b", "kbd",
                                 "abbr", "title", "&#106;", ".md", "Syfte", "## ", "a", "ö"])


@LIGHT
@given(st.lists(BODY_ALPHABET, max_size=120).map("".join))
def test_random_bodies(body):
    check_file(method_text(body=VALID_BODY + "\n## Exempel\n\n" + body + "\n").encode("utf-8"))


@settings(max_examples=30, deadline=timedelta(milliseconds=3000), suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["[", "](", "<a", "<b ", "<", "![", "{", "`", "&#", "[x]:", "<!--", "*", "_", "\\"]),
       st.integers(1000, 30000))
def test_pathological_bodies_stay_fast(unit, count):
    """Long runs of openers that never close: every body pattern must stay linear."""
    problems = check_file(method_text(body=VALID_BODY + "\n## Exempel\n\n" + unit * count + "\n").encode())
    assert all(p.code != "yaml-syntax" for p in problems)


@settings(max_examples=30, deadline=timedelta(milliseconds=3000), suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["[", "{", "- ", "a:\n  ", "&a ", "'", '"', "? ", "!!str "]), st.integers(50, 5000))
def test_pathological_front_matter_stays_fast(unit, count):
    """Deep nesting and long runs in YAML are refused with a problem, quickly, never with a RecursionError."""
    text = "---\ntitle: " + unit * count + "\n---\n" + VALID_BODY
    problems = check_file(text.encode())
    assert problems


@FAST
@given(st.text(max_size=400))
def test_strict_yaml_never_raises(text):
    result = yamlstrict.load(text, line_offset=1)
    assert all(issue.line >= 1 and issue.message for issue in result.issues)
    if result.issues:
        assert all(isinstance(issue.code, str) for issue in result.issues)
    else:
        assert result.data is None or isinstance(result.data, (dict, list, str, int, float, bool, datetime.date))


ORDINARY_TEXT = ["Broad & Newstrom", "*viktigt*", "Viktigt!", "a > b", "a|b", "x*y", "& mer", "!", "*", "&",
                 ">", "|", "title", "summary", "- ", ": ", "\n", "\n  ", " ", "'", '"', "[", "]", ",", "#"]


@FAST
@given(st.lists(st.sampled_from([t.decode("utf-8", "replace") for t in TOKENS] + ORDINARY_TEXT + list("abå 01")),
                max_size=60).map("".join))
@example("sources:\n  - text: Broad & Newstrom (1992)\nsummary: >-\n  Gör *så* här! a|b > c\n")
def test_fast_and_careful_yaml_paths_agree(text):
    """libyaml's events (the fast path) and PyYAML (the careful path) give the same data, lines and issues."""
    fast = yamlstrict.load(text, 1)
    careful = yamlstrict.load(text, 1, careful=True)
    assert (repr(fast.data), fast.lines, fast.issues, fast.refused) == \
        (repr(careful.data), careful.lines, careful.issues, careful.refused)


IDS = ["a", "b", "c", "d", "e"]


@FAST
@given(st.fixed_dictionaries({i: st.tuples(*[st.lists(st.sampled_from(IDS + ["saknas"]), max_size=3, unique=True)
                                             .map(tuple)] * 3) for i in IDS}))
def test_random_relation_graphs(graph):
    """Any related/before/after graph links without raising; a cycle or bad reference is a problem."""
    methods = [Method(id=i, path=f"methods/{i}.md", title=i.upper(), related=r, before=b, after=a)
               for i, (r, b, a) in graph.items()]
    catalogue, problems = link_methods(methods)
    assert all(isinstance(p, Problem) and p.path.startswith("methods/") for p in problems)
    for method_id, successors in catalogue.successors.items():
        for other in successors:
            assert method_id in catalogue.predecessors[other]
    # A graph without problems has no cycle: following successors always ends.
    if not any(p.code == "cycle" for p in problems):
        order: list[str] = []
        seen: set[str] = set()

        def visit(node: str, path: tuple[str, ...]) -> None:
            assert node not in path, f"undetected cycle {path + (node,)}"
            if node in seen:
                return
            for nxt in catalogue.successors.get(node, ()):
                visit(nxt, path + (node,))
            seen.add(node)
            order.append(node)

        for method_id in IDS:
            visit(method_id, ())


def test_yaml_dump_of_random_data_round_trips_lines():
    """Sanity check for the strategies above: safe_dump output is accepted by the strict loader."""
    text = yaml.safe_dump({"a": [1, {"b": "c"}], "d": datetime.date(2026, 1, 2)})
    result = yamlstrict.load(text)
    assert result.issues == () and result.data["d"] == datetime.date(2026, 1, 2)
