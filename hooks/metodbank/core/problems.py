"""Problems found in method files: plain data, no printing and no logging.

The engine returns or yields `Problem` values; the adapters (CLI, MkDocs hooks) decide how to show them.
Every code is registered in core/codes.py, which also gives each code its level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import CODES, Level

__all__ = ["LEVEL_LABELS", "Level", "Problem", "format_problem", "has_errors"]

LEVEL_LABELS = {Level.ERROR: "fel", Level.WARNING: "varning"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. Sorts by file, then line; tests compare (path, line, code)."""

    path: str
    line: int
    code: str
    message: str = field(compare=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not registered in core/codes.py")

    @property
    def level(self) -> Level:
        """From the registry: a code has one level wherever it is reported."""
        return CODES[self.code].level

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.code)

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(problem: Problem, style: str = "plain") -> str:
    """One line for one problem, as `metodbank check` and the MkDocs build both print it."""
    if style == "github":
        kind = "error" if problem.level is Level.ERROR else "warning"
        message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        location = f"file={problem.path}"
        if problem.line:
            location += f",line={problem.line}"
        return f"::{kind} {location},title=Metodbanken ({problem.code})::{message}"
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    level = "" if problem.level is Level.ERROR else f"{LEVEL_LABELS[problem.level]}: "
    return f"{where}: {level}{problem.message} [{problem.code}]"


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    """True when at least one problem is an error (not only warnings)."""
    return any(p.level is Level.ERROR for p in problems)
