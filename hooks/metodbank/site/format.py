"""Formatting values for readers: Swedish numbers, durations, dates and escaping (URLs: urls.py)."""

from __future__ import annotations

import datetime
import html
import math
import re

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")


def md_escape(text: str) -> str:
    """Front-matter text made inert inside Markdown: HTML escaped, Markdown syntax backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def html_escape(text: str) -> str:
    """Text made safe inside HTML elements and attributes."""
    return html.escape(" ".join(str(text).split()), quote=True)


def swedish_date(date: datetime.date) -> str:
    """2026-11-20 → '20 november 2026'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _halves(value: float) -> float:
    return math.floor(value * 2 + 0.5) / 2


def _span(low: float, high: float) -> str:
    return _number(low) if low == high else f"{_number(low)}–{_number(high)}"


_UNITS = ((1, "minut", "minuter"), (60, "timme", "timmar"), (1440, "dag", "dagar"))


def _unit(value: int) -> tuple[int, str, str]:
    """Minutes below 90, hours below a day, then days."""
    return _UNITS[0] if value < 90 else _UNITS[1] if value < 1440 else _UNITS[2]


def _amount(value: int, unit: tuple[int, str, str]) -> float:
    return value if unit[0] == 1 else _halves(value / unit[0])


def minutes(low: int, high: int) -> str:
    """A session length for people: '15–20 minuter', '2–8 timmar', '45 minuter–2 timmar', '2 dagar'."""
    unit = _unit(high)
    first, last = _amount(low, unit), _amount(high, unit)
    if _unit(low) != unit and (first < 1 or first != low / unit[0]):
        lower = _unit(low)
        return f"{_number(_amount(low, lower))} {lower[2]}–{_number(last)} {unit[2]}"
    text = _span(first, last)
    return f"{text} {unit[1] if text == '1' else unit[2]}"


def people(low: int, high: int) -> str:
    """'2–3 personer', '1 person'."""
    return "1 person" if low == high == 1 else f"{_span(low, high)} personer"

