"""The controlled vocabularies (phases, audiences, roles, needs, difficulty, cost, status, tags).

They live in one YAML file that contributors extend by pull request. This module reads and checks that
file and answers "which id does this word mean?"; it knows nothing about MkDocs or method files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlstrict
from .problems import Problem
from .text import did_you_mean

VOCABULARY_FILE = "vocabulary.yml"

# Every list the engine relies on, with its Swedish name for messages.
LISTS: dict[str, str] = {
    "phases": "fas",
    "audiences": "målgrupp",
    "roles": "roll",
    "needs": "anpassningsbehov",
    "difficulties": "svårighetsgrad",
    "costs": "kostnadsnivå",
    "statuses": "status",
    "tags": "tagg",
    "bases": "grund",
}
# Lists that may be left out. `synonyms` maps a word used in the handbook to the everyday words people
# search with (one line per word); the search index carries them (see site/search.py).
OPTIONAL_LISTS: dict[str, str] = {"synonyms": "synonymlista"}
TERM_KEYS = frozenset({"label", "description", "aliases", "chapter"})
TERM_ID = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
# Labels, aliases and descriptions are plain text, shown on many pages and in <head>: no markup characters.
MARKUP_CHARS = "<>&`[]{}\\*|"
_MARKUP = re.compile("[" + re.escape(MARKUP_CHARS) + "\x00-\x08\x0b-\x1f\x7f]")
# A phase's chapter: a relative path to a Markdown file inside docs_dir (no absolute path, no "..").
_CHAPTER = re.compile(r"^(?!/)(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.md$")


@dataclass(frozen=True)
class Term:
    """One allowed value: its id, Swedish label, optional description, aliases and (phases) chapter."""

    id: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    chapter: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """All controlled lists, in file order, with a lookup from lower-cased id or alias to id."""

    lists: dict[str, tuple[Term, ...]]
    _lookup: dict[str, dict[str, str]] = field(repr=False, compare=False)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def from_lists(cls, lists: dict[str, tuple[Term, ...]],
                   synonyms: dict[str, tuple[str, ...]] | None = None) -> Vocabulary:
        lookup: dict[str, dict[str, str]] = {}
        for name, terms in lists.items():
            table: dict[str, str] = {}
            for term in terms:
                for word in (term.id, *term.aliases, term.label):  # the Swedish label works as a word too
                    table.setdefault(word.lower(), term.id)
            lookup[name] = table
        return cls(lists, lookup, dict(synonyms or {}))

    def terms(self, name: str) -> tuple[Term, ...]:
        """The terms of one list, in file order."""
        return self.lists.get(name, ())

    def ids(self, name: str) -> tuple[str, ...]:
        """The ids of one list, in file order."""
        return tuple(t.id for t in self.terms(name))

    def term(self, name: str, term_id: str) -> Term:
        """The term with this id (KeyError when there is none)."""
        for term in self.terms(name):
            if term.id == term_id:
                return term
        raise KeyError(term_id)

    def label(self, name: str, term_id: str) -> str:
        """The Swedish label of an id, or the id itself when unknown."""
        try:
            return self.term(name, term_id).label
        except KeyError:
            return term_id

    def resolve(self, name: str, word: str) -> str | None:
        """The id that `word` (an id or alias, any case) means in list `name`, or None."""
        return self._lookup.get(name, {}).get(word.strip().lower())

    def accepted(self, name: str) -> tuple[str, ...]:
        """Every word accepted in list `name`: ids first, then aliases and labels (any case works too)."""
        words = list(self.ids(name))
        for term in self.terms(name):
            words.extend(a for a in (*term.aliases, term.label) if a not in words)
        return tuple(words)

    def unknown_message(self, name: str, word: str) -> str:
        """Swedish message for a word that is not in list `name`, with a suggestion."""
        ids = self.ids(name)
        hint = did_you_mean(word, self.accepted(name))
        allowed = ", ".join(f'"{i}"' for i in ids) if len(ids) <= 12 else f"se {VOCABULARY_FILE}"
        return f'okänd {LISTS.get(name, name)} "{word}"{hint} (tillåtet: {allowed})'


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read `vocabulary.yml` under `root`; return what could be read and every problem in it."""
    path = root / VOCABULARY_FILE
    if path.is_symlink() and not _inside(root, path):
        return Vocabulary.from_lists({}), [
            Problem(VOCABULARY_FILE, 0, "symlink-outside", f"{VOCABULARY_FILE} är en länk (symlink) till en fil "
                    "utanför projektet; lägg en vanlig fil där")
        ]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Vocabulary.from_lists({}), [
            Problem(VOCABULARY_FILE, 0, "missing-vocabulary", f"filen {VOCABULARY_FILE} saknas i projektets rot")
        ]
    except (OSError, UnicodeDecodeError) as error:
        return Vocabulary.from_lists({}), [
            Problem(VOCABULARY_FILE, 0, "unreadable-file", f"kunde inte läsa filen: {error}")
        ]
    result = yamlstrict.load(text.replace("\r\n", "\n"))
    problems = [Problem(VOCABULARY_FILE, i.line, i.code, i.message) for i in result.issues]
    lists, more = _check(result)
    problems.extend(more)
    synonyms, more = _check_synonyms(result)
    problems.extend(more)
    return Vocabulary.from_lists(lists, synonyms), problems


def _check(result: yamlstrict.YamlResult) -> tuple[dict[str, tuple[Term, ...]], list[Problem]]:
    data, lines = result.data, result.lines
    problems: list[Problem] = []

    def report(path: tuple, code: str, message: str) -> None:
        problems.append(Problem(VOCABULARY_FILE, lines.get(path, 1), code, message))

    if not isinstance(data, dict):
        if not result.issues:
            report((), "vocabulary-shape", "ordlistefilen ska bestå av namngivna listor (phases, audiences, …)")
        return {}, problems
    lists: dict[str, tuple[Term, ...]] = {}
    for name in data:
        if name not in LISTS and name not in OPTIONAL_LISTS:
            report((name,), "unknown-key", f'okänd lista "{name}"{did_you_mean(name, [*LISTS, *OPTIONAL_LISTS])}')
    for name in LISTS:
        entries = data.get(name)
        if not isinstance(entries, dict) or not entries:
            report((name,) if name in data else (), "vocabulary-shape",
                   f'listan "{name}" saknas eller är tom; den behöver minst ett värde')
            lists[name] = ()
            continue
        terms: list[Term] = []
        owner: dict[str, str] = {}
        for term_id, entry in entries.items():
            term = _term(name, term_id, entry, report)
            if term is None:
                continue
            for word in (term.id, *term.aliases):
                other = owner.get(word.lower())
                if other is not None and other != term.id:
                    report((name, term_id), "alias-conflict",
                           f'"{word}" i listan "{name}" betyder redan "{other}"; ett ord får bara betyda en sak')
                owner.setdefault(word.lower(), term.id)
            terms.append(term)
        lists[name] = tuple(terms)
    return lists, problems


def _term(name: str, term_id: str, entry: object, report) -> Term | None:
    path = (name, term_id)
    if not TERM_ID.match(term_id):
        report(path, "bad-id", f'"{term_id}" duger inte som id; använd a–z, 0–9, - och _')
        return None
    if not isinstance(entry, dict):
        report(path, "vocabulary-shape", f'"{term_id}" behöver minst en etikett: label: …')
        return None
    for key in entry:
        if key not in TERM_KEYS:
            report(path + (key,), "unknown-key", f'okänt fält "{key}"{did_you_mean(key, TERM_KEYS)}')
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip():
        report(path, "vocabulary-shape", f'"{term_id}" saknar en svensk etikett (label)')
        return None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        report(path + ("aliases",), "vocabulary-shape", "aliases ska vara en lista med ord")
        aliases = []
    chapter = entry.get("chapter")
    if name == "phases" and not isinstance(chapter, str):
        report(path, "vocabulary-shape", f'fasen "{term_id}" saknar chapter: (kapitlets fil i handbook/)')
        chapter = None
    if isinstance(chapter, str) and not chapter_path_ok(chapter):
        report(path + ("chapter",), "bad-chapter-path",
               f'chapter "{chapter}" för "{term_id}" ska vara en fil som slutar på .md i handbook/, skriven '
               "relativt mappen (till exempel forankring.md), utan / först och utan ..")
        chapter = None
    elif chapter is not None and name != "phases":
        chapter = None
    description = entry.get("description", "")
    if not isinstance(description, str):
        report(path + ("description",), "vocabulary-shape", "description ska vara text")
        description = ""
    texts = [("label", label), ("description", description)] + [(("aliases", i), a) for i, a in enumerate(aliases)]
    for key, text in texts:
        bad = _MARKUP.search(text) if isinstance(text, str) else None
        if bad:
            where = path + (key if isinstance(key, tuple) else (key,))
            shown = repr(bad.group(0))[1:-1] if bad.group(0).isprintable() else f"U+{ord(bad.group(0)):04X}"
            report(where, "markup-in-vocabulary",
                   f'"{term_id}" har tecknet {shown} i {key if isinstance(key, str) else "aliases"}; etiketter, '
                   f"alias och beskrivningar är vanlig text utan tecknen {' '.join(MARKUP_CHARS)}; skriv med ord i "
                   'stället, till exempel "och" för &')
            if key == "label":
                return None
            if key == "description":
                description = ""
            else:
                aliases = [a for a in aliases if a != text]
    return Term(term_id, label.strip(), description.strip(), tuple(a.strip() for a in aliases), chapter)


def _inside(base: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(base.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def chapter_path_ok(chapter: str) -> bool:
    """A relative .md path without "..", "." parts, backslashes or a leading slash."""
    return bool(_CHAPTER.match(chapter)) and ".." not in chapter.split("/")


def _check_synonyms(result: yamlstrict.YamlResult) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """The optional `synonyms:` list: handbook word → everyday words; each word may mean only one thing."""
    data, lines = result.data, result.lines
    if not isinstance(data, dict) or data.get("synonyms") is None:
        return {}, []
    problems: list[Problem] = []

    def report(path: tuple, code: str, message: str) -> None:
        problems.append(Problem(VOCABULARY_FILE, lines.get(path, lines.get(path[:-1], 1)), code, message))

    entries = data["synonyms"]
    if not isinstance(entries, dict):
        report(("synonyms",), "vocabulary-shape",
               "synonyms ska vara rader som ord: [vardagsord, ...], till exempel internat: [övernattning]")
        return {}, problems
    synonyms: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for word, extra in entries.items():
        path = ("synonyms", word)
        if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
            report(path, "vocabulary-shape", f'"{word}" i synonyms ska skrivas med små bokstäver, utan mellanslag runt')
            continue
        if not isinstance(extra, list) or not extra or not all(isinstance(e, str) and e.strip() for e in extra):
            report(path, "vocabulary-shape", f'synonymerna till "{word}" ska vara en lista med ord: [ord, ord]')
            continue
        cleaned = []
        for other in extra:
            other = " ".join(other.split()).lower()
            if other == word:
                report(path, "synonym-conflict", f'"{word}" står som synonym till sig själv')
                continue
            previous = owner.get(other)
            if previous is not None and previous != word:
                report(path, "synonym-conflict",
                       f'"{other}" är redan synonym till "{previous}"; ett ord får bara betyda en sak')
                continue
            owner[other] = word
            if other not in cleaned:
                cleaned.append(other)
        synonyms[word] = tuple(cleaned)
    for word in synonyms:
        if word in owner:
            report(("synonyms", word), "synonym-conflict",
                   f'"{word}" står både som ord och som synonym till "{owner[word]}"; välj ett av dem')
    return synonyms, problems
