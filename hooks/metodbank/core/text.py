"""Small text helpers shared by the engine: ids from titles, suggestions, Swedish list formatting."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLD_CHARS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})


def slugify(title: str) -> str:
    """Propose a method id from a Swedish title: lower case, å/ä→a, ö→o, other marks dropped, hyphens."""
    text = title.lower().translate(FOLD_CHARS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def suggest(value: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt value, or None when nothing is close enough."""
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    if value.lower() in lowered and value not in pool:
        return lowered[value.lower()]
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """' — menade du "x"?' when a close candidate exists, else an empty string."""
    hit = suggest(value, candidates)
    return f' — menade du "{hit}"?' if hit else ""


def join_quoted(values: Iterable[str], limit: int = 12) -> str:
    """`"a", "b" och "c"` (shortened with "…" past `limit` values)."""
    items = [f'"{v}"' for v in values]
    if len(items) > limit:
        items = items[:limit] + ["…"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def sentences(text: str) -> list[str]:
    """Split Swedish prose into sentences on . ! ? followed by space or end."""
    parts = re.split(r"(?<=[.!?…])\s+", " ".join(text.split()))
    return [p for p in parts if p.strip()]


def words(text: str) -> list[str]:
    """Words of a sentence (runs of letters or digits)."""
    return re.findall(r"[\w\-–]+", text)
