"""Validation of one method against the schema: front-matter fields and body. Yields problems, never logs.

Cross-method rules (do references exist, cycles) belong to links.py, which runs after every method is known.
"""

from __future__ import annotations

import datetime
from typing import Any

from . import body as body_checks
from .kinds import INVALID, Context
from .loader import Source
from .model import Method
from .problems import Problem
from .schema import FIELDS, FIELDS_BY_NAME
from .text import did_you_mean
from .vocabulary import Vocabulary

_DEFAULTS: dict[str, Any] = {"status": "draft"}


def validate_source(source: Source, vocabulary: Vocabulary, today: datetime.date | None = None
                    ) -> tuple[Method, list[Problem]]:
    """Check one loaded method file; return the normalised Method and every problem found in it."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    values: dict[str, Any] = {}

    for key in source.data:
        if key not in FIELDS_BY_NAME:
            problems.append(Problem(source.path, source.line(key), "unknown-key",
                                    f'okänt fält "{key}"{did_you_mean(key, FIELDS_BY_NAME)}; se fältlistan i '
                                    "CONTRIBUTING.md"))

    refused = {path[0] for path in source.refused if path}
    for spec in FIELDS:
        if spec.name in refused:
            continue  # the YAML value was refused and reported by the loader; a second problem would only confuse
        if spec.name not in source.data:
            if spec.required:
                problems.append(Problem(source.path, 1, "missing-field",
                                        f'fältet "{spec.name}" ({spec.label.lower()}) saknas; {spec.help[0].lower()}{spec.help[1:]}'))
            continue

        def report(path: tuple, code: str, message: str, _name: str = spec.name) -> None:
            problems.append(Problem(source.path, source.line(_name, *path), code, message))

        checked = spec.kind.check(source.data[spec.name], Context(spec.name, vocabulary, report, today))
        if checked is not INVALID:
            values[spec.name] = checked

    if "id" in values and values.pop("id") != source.id:
        problems.append(Problem(source.path, source.line("id"), "id-mismatch",
                                f'id "{source.data["id"]}" stämmer inte med filnamnet; skriv id: {source.id} '
                                "eller ta bort fältet"))

    sections, findings = body_checks.split_sections(source.body, source.body_line)
    findings.extend(body_checks.check_sections(sections, source.body_line))
    markup, links = body_checks.check_markup(source.body, source.body_line)
    markup.extend(body_checks.check_rendered(sections, source.body, source.body_line))
    known = set()
    for finding in sorted(markup, key=lambda f: f.line):
        if (finding.line, finding.code) not in known:  # a link the source check named is not named twice
            known.add((finding.line, finding.code))
            findings.append(finding)
    problems.extend(Problem(source.path, f.line, f.code, f.message) for f in findings)

    method = Method(
        id=source.id,
        path=source.path,
        title=values.pop("title", source.id),
        sections=tuple(sections),
        body_links=tuple(links),
        lines=source.lines,
        **{**_DEFAULTS, **values},
    )
    return method, problems
