"""Possible duplicates: methods whose titles or summaries are very close to each other.

Two measures, both cheap and predictable:

* titles: difflib's ratio on the lower-cased titles (catches "Lärlogg" / "Lärloggen" and reordered words
  only weakly, which is what we want: short titles share words by nature);
* summaries: the share of content words two summaries have in common (token-set similarity, Jaccard:
  shared words divided by all words of both). Short function words are left out, and words are cut to
  their first six letters so that "deltagare" and "deltagarna" count as one word.

Measured on 2026-12-01: in the handbook (42 methods) no two titles are above 0.67 and no two summaries
above 0.26; in the synthetic 1,000-method benchmark corpus (scripts/benchcorpus.py), whose titles and
summaries come from small word lists, the highest are 0.925 and 0.67. The thresholds sit above both, and
a new method that restates an existing one with a few words changed lands above them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

TITLE_THRESHOLD = 0.93
SUMMARY_THRESHOLD = 0.7
MIN_SUMMARY_WORDS = 5
STEM_LETTERS = 6

# Swedish function words that say nothing about what a method is.
STOPWORDS = frozenset("""
alla allt andra andras att av blir bli de dem den denna deras dess det detta du där efter eller en ett
fler för från genom har hela hen hon hur här i in inte kan man med mellan men mer mest när och om
på sig sin sina sitt ska som så till under upp ut utan vad var varandra varje vi vid vill än är åt över
""".split())


@dataclass(frozen=True)
class Likeness:
    """How close two texts are, and which measure said so."""

    other_id: str
    other_title: str
    measure: str  # "titel" or "sammanfattning"
    score: float


def content_words(text: str) -> frozenset[str]:
    """The summary's content words, lower-cased and cut to a common stem length."""
    found = re.findall(r"[a-zåäöéü]+", text.lower())
    return frozenset(w[:STEM_LETTERS] for w in found if w not in STOPWORDS and len(w) > 2)


def title_score(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower().strip(), b.lower().strip()).ratio()


def summary_score(a: str, b: str) -> float:
    words_a, words_b = content_words(a), content_words(b)
    if min(len(words_a), len(words_b)) < MIN_SUMMARY_WORDS:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def likeness(title: str, summary: str, other_id: str, other_title: str, other_summary: str) -> Likeness | None:
    """A Likeness when the title or the summary is very close to the other method's, else None."""
    score = title_score(title, other_title)
    if score >= TITLE_THRESHOLD:
        return Likeness(other_id, other_title, "titel", score)
    score = summary_score(summary, other_summary) if summary and other_summary else 0.0
    if score >= SUMMARY_THRESHOLD:
        return Likeness(other_id, other_title, "sammanfattning", score)
    return None


def similar_to(title: str, summary: str, others: Iterable[tuple[str, str, str]]) -> list[Likeness]:
    """Every (id, title, summary) in `others` that is very close to this title or summary, closest first."""
    index = Index(others)
    return index.similar_to(title, summary)


class Index:
    """Many (id, title, summary) entries prepared once, so that comparing one text with all of them is cheap.

    Titles are compared with difflib's cheap upper bounds first (real_quick_ratio, quick_ratio), and the
    summaries' content words are computed once; a catalogue of 1,000 methods stays fast.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        self.entries = [(entry_id, title, title.lower().strip(), content_words(summary))
                        for entry_id, title, summary in entries]

    def similar_to(self, title: str, summary: str, skip: str | None = None) -> list[Likeness]:
        lower = title.lower().strip()
        matcher = difflib.SequenceMatcher(None)
        matcher.set_seq2(lower)
        # ratio = 2·matches / (len a + len b) can only reach the threshold when the lengths are close;
        # Jaccard likewise only when the word counts are. Both bounds are checked before any real work.
        short, long_ = len(lower) * TITLE_THRESHOLD / (2 - TITLE_THRESHOLD), len(lower) * (2 - TITLE_THRESHOLD) / TITLE_THRESHOLD
        words = content_words(summary) if summary else frozenset()
        fewest, most = len(words) * SUMMARY_THRESHOLD, len(words) / SUMMARY_THRESHOLD
        found = []
        for entry_id, other_title, other_lower, other_words in self.entries:
            if entry_id == skip:
                continue
            if short <= len(other_lower) <= long_:
                matcher.set_seq1(other_lower)
                if matcher.quick_ratio() >= TITLE_THRESHOLD and (score := matcher.ratio()) >= TITLE_THRESHOLD:
                    found.append(Likeness(entry_id, other_title, "titel", score))
                    continue
            size = len(other_words)
            if fewest <= size <= most and min(len(words), size) >= MIN_SUMMARY_WORDS:
                score = len(words & other_words) / len(words | other_words)
                if score >= SUMMARY_THRESHOLD:
                    found.append(Likeness(entry_id, other_title, "sammanfattning", score))
        return sorted(found, key=lambda hit: -hit.score)


def message(hit: Likeness) -> str:
    """The Swedish warning for one possible duplicate."""
    what = "titeln" if hit.measure == "titel" else "sammanfattningen"
    return (f'liknar metoden "{hit.other_title}" ({hit.other_id}.md): {what} är nästan densamma; '
            "slå ihop metoderna eller gör skillnaden tydlig i titel och sammanfattning")
