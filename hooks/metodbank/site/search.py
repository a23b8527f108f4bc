"""Search that understands Swedish: normalised forms for Material's search index. No MkDocs imports.

Material's search (lunr in a web worker) turns every query word into a prefix search and does not stem
Swedish, so "studiecirklar" finds nothing on a page that only says "studiecirkel". This module makes the
INDEX carry normalised forms, and handbook/assets/search-sv.js makes the QUERY use the same forms:

- `stem(word)`: a light Swedish suffix stripper written for prefix search (definite and plural forms,
  genitive, common verb forms, "cirkel"/"cirklar"). The same algorithm is in search-sv.js, which takes its
  tables (stop words, suffixes, fold table) from this module through browser_tables.py; the browser tests
  check that both give the same stem for every word of the handbook.
- `fold(word)`: å/ä → a, ö → o, é → e, so "sprakombud" typed on a foreign keyboard still matches.
- compound parts: "arbetsrotation" is also indexed as "rotation" when that word occurs in the handbook.
- synonyms from vocabulary.yml (`synonyms:`) and tag aliases: a page that uses the handbook's word also
  carries the everyday words people search with ("övernattning" on pages about "internat").

`tune_index(index, ...)` takes Material's search_index.json (as data) and returns it with those forms in a
hidden block of each entry's text, method pages boosted above chapters, and each method's result teaser
replaced by its summary and phase. Pages excluded with `search: exclude: true` are never in the index,
and anything under the print and card folders is dropped as well.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .urls import CARDS_DIR, PRINT_DIR, method_uri, page_url

# lunr's Swedish stop words (lunr.sv, as loaded by Material) plus a few question and helper verbs that
# carry no meaning in a search. search-sv.js reads these tables from the generated assets/metodbank-tables.js
# (browser_tables.py), so the browser and the index always use the same ones.
STOP_WORDS = frozenset("""
alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då
efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke ingen inom
inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på
samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara
varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över
gör göra gjorde får få fick ska måste vill kunna ens nån något
""".split())

# Endings removed by `stem`, longest first. A word keeps at least MIN_STEM letters.
SUFFIXES = (
    "arnas", "ernas", "ornas", "andes", "endes", "arens", "andet",
    "arna", "erna", "orna", "ande", "ende", "ades", "ares",
    "ens", "ets", "ars", "ers", "ors", "ade", "are", "ast",
    "ar", "er", "or", "en", "et", "na", "ad", "as", "es",
    "a", "e",
)
MIN_STEM = 3
SHORT_STEM = 3  # query stems this short are matched whole, not as a prefix
SHORTEST_WORD = 4  # shorter words are left as they are
FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"})
VOWELS = frozenset("aeiouyåäöéü")
LETTERS = "a-zåäöéèü"  # a character class: the letters of a word (digits join them in WORD)
WORD = re.compile(rf"[0-9{LETTERS}]+(?:-[0-9{LETTERS}]+)*")
MIN_TAIL = 4  # shortest compound part indexed on its own
MIN_HEAD = 3
MAX_REPEAT = 3  # a normalised form counts at most this often per entry (keeps term frequency meaningful)
EXCLUDED_FOLDERS = (f"{PRINT_DIR}/", f"{CARDS_DIR}/")
METHOD_BOOST = 1000  # every entry of a method page; chapters keep 1, so methods come first


def fold(word: str) -> str:
    """'språkombud' → 'sprakombud'."""
    return word.translate(FOLD)


@functools.lru_cache(maxsize=65536)  # pure; a big handbook stems the same few thousand words millions of times
def stem(word: str) -> str:
    """A light Swedish stem for prefix search: 'studiecirklarna' → 'studiecirkl', 'internatet' → 'internat'.

    Rules, in order: a definite -n after -el/-er goes ('cirkeln' → 'cirkel'); the longest ending in
    SUFFIXES goes when at least MIN_STEM letters stay; a final unstressed -el after a consonant loses its
    e ('cirkel' → 'cirkl', so it meets 'cirklar' → 'cirkl'). Words shorter than SHORTEST_WORD stay.
    """
    word = word.lower()
    if len(word) < SHORTEST_WORD or not word.isalpha():
        return word
    if len(word) > 5 and (word.endswith("eln") or word.endswith("ern")) and word[-4] not in VOWELS:
        word = word[:-1]
    else:
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
    if len(word) > 4 and word.endswith("el") and word[-3] not in VOWELS:
        word = word[:-2] + "l"
    return word


def words(text: str) -> list[str]:
    """Lower-case words of a text; hyphenated words stay whole ('e-lärande')."""
    return WORD.findall(text.lower())


def forms(word: str) -> list[str]:
    """Every form a word is indexed under: the word, its stem and the stem without å/ä/ö.

    A hyphenated word gives the joined word ('elärande') and its parts as well.
    """
    return list(_forms(word))  # a new list each time: callers extend it


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, ...]:
    result: list[str] = []
    parts = [word.replace("-", "")] + ([p for p in word.split("-") if len(p) >= 2] if "-" in word else [])
    for part in parts:
        for form in (part, stem(part), fold(stem(part))):
            if form not in result:
                result.append(form)
    return tuple(result)


def query_terms(query: str) -> list[str]:
    """The terms search-sv.js sends to the search worker for a query (without lunr's wildcard markers).

    Stop words go; each other word becomes its stem, plus the folded stem when it differs, plus a fuzzy
    variant (`~1`, or `~2` for long words) so that a typo still finds the word. A stem of SHORT_STEM
    letters or fewer ('lär' from 'lära') is searched as a whole word (`^1`, which Material leaves without
    its prefix wildcard), and the word itself as a prefix, so 'lär' does not find 'lärlogg'. A hyphenated
    word is searched joined ('e-lärande' → 'elärande'), and by its parts when each has 3 letters or more.
    Mirrors queryTerms() in search-sv.js.
    """
    terms: list[str] = []
    for word in words(query):
        parts = word.split("-")
        pieces = [word.replace("-", "")] + (parts if len(parts) > 1 and all(len(p) >= 3 for p in parts) else [])
        for piece in pieces:
            if piece in STOP_WORDS or len(piece) < 2:
                continue
            root = stem(piece)
            if len(root) <= SHORT_STEM:
                candidates = [f"{root}^1", f"{fold(root)}^1"] + ([piece, fold(piece)] if len(piece) > len(root) else [])
            else:
                candidates = [root, fold(root)]
            if len(root) >= 5:
                candidates.append(f"{fold(root)}~{2 if len(root) >= 9 else 1}")
            for term in candidates:
                if term not in terms:
                    terms.append(term)
    return terms


# -- synonyms and tag aliases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Expansion:
    """Everyday words to add to entries that use a handbook word (matched by stem prefix)."""

    word: str
    extra: tuple[str, ...]

    @functools.cached_property
    def key(self) -> str:
        """The prefix a stem must start with to count as a use of the handbook word."""
        return fold(stem(self.word))


def _uses(stem_counts: Mapping[str, int], keys: set[str]) -> dict[str, int]:
    """For each rule key, how many stems start with it (same sums as Expansion.matches, found by prefix)."""
    uses: dict[str, int] = {}
    for found, n in stem_counts.items():
        for end in range(len(found) + 1):
            prefix = found[:end]
            if prefix in keys:
                uses[prefix] = uses.get(prefix, 0) + n
    return uses


def expansions(synonyms: Mapping[str, Iterable[str]],
               tag_aliases: Mapping[str, Iterable[str]] | None = None) -> list[Expansion]:
    """Expansion rules from vocabulary.yml: `synonyms` (word → everyday words) and each tag's label → aliases."""
    rules = [Expansion(word, tuple(extra)) for word, extra in synonyms.items()]
    for label, aliases in (tag_aliases or {}).items():
        rules.append(Expansion(label, tuple(aliases)))
    return rules


# -- the index ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MethodEntry:
    """What the search teaser of a method shows, and the tags whose words its entry carries."""

    summary: str
    phases: str
    tag_words: tuple[str, ...] = ()


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def compound_parts(word: str, known: set[str]) -> list[str]:
    """Tails of a compound that are words of their own in the handbook: 'arbetsrotation' → ['rotation']."""
    if "-" in word or len(word) < MIN_HEAD + MIN_TAIL:
        return []
    parts = []
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        tail = word[cut:]
        if tail in known and tail not in parts:
            parts.append(tail)
            break  # the longest known tail is enough; its own tails are found when it is indexed itself
    return parts


def hidden_terms(text: str, known: set[str], rules: list[Expansion], extra: Iterable[str] = (),
                 with_words: bool = True, cache: dict | None = None) -> str:
    """The normalised forms of a text, space separated, each at most MAX_REPEAT times.

    With `with_words=False` the words themselves are left out (they are in the visible text already).
    `cache` (one dict per `known` and `rules`) keeps each distinct word's forms, so that a large handbook
    computes them once per word instead of once per occurrence.
    """
    cache = {} if cache is None else cache
    found: list[str] = []
    stems: list[str] = []
    which = 0 if with_words else 1
    for word in [*words(text), *(w for e in extra for w in words(e))]:
        entry = cache.get(word)
        if entry is None:
            entry = cache[word] = _word_forms(word, known)
        if entry is not _STOP:
            found += entry[which]
            stems.append(entry[2])
    counts: Counter[str] = Counter(found)
    uses_by_key = _uses(Counter(stems), {rule.key for rule in rules})
    for rule in rules:
        uses = uses_by_key.get(rule.key, 0)
        if uses:
            extra_forms = cache.get(rule)
            if extra_forms is None:
                extra_forms = cache[rule] = [form for phrase in rule.extra for w in words(phrase)
                                             if w not in STOP_WORDS for form in forms(w)]
            for form in extra_forms:
                counts[form] += min(uses, MAX_REPEAT)
    return " ".join([form for form, n in counts.items() for _ in range(n if n < MAX_REPEAT else MAX_REPEAT)])


_STOP = ()


def _word_forms(word: str, known: set[str]) -> tuple[tuple[str, ...], tuple[str, ...], str] | tuple[()]:
    """A word's forms with and without the word itself (compound parts included) and its folded stem."""
    if word in STOP_WORDS:
        return _STOP
    result = []
    for with_words in (True, False):
        parts = forms(word) if with_words else [f for f in forms(word) if f != word]
        for part in compound_parts(word, known):
            parts.extend(p for p in forms(part) if p not in parts)
        result.append(tuple(parts))
    return result[0], result[1], fold(stem(word))


def _once(terms: str) -> str:
    """Each form once, in order (a summary that repeats a word does not outweigh one word more)."""
    return " ".join(dict.fromkeys(terms.split()))


def _hidden_block(terms: str, tag: str = "p") -> str:
    return f'<{tag} class="mb-search-terms" hidden>{html.escape(terms, quote=False)}</{tag}>' if terms else ""


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def tune_index(
    index: dict,
    methods: Mapping[str, MethodEntry],
    synonyms: Mapping[str, Iterable[str]] | None = None,
    tag_aliases: Mapping[str, Iterable[str]] | None = None,
) -> dict:
    """Material's search index with Swedish forms, synonyms, method teasers and method boosts.

    `methods` maps the page location of every method page ('metoder/skuggning/' or
    'metoder/skuggning.html') to its teaser data. The input is not changed.
    """
    rules = expansions(synonyms or {}, tag_aliases)
    docs = [dict(d) for d in index.get("docs", []) if not _page(d.get("location", "")).startswith(EXCLUDED_FOLDERS)]
    known = {w for d in docs for w in words(_plain(d.get("title", "") + " " + d.get("text", ""))) if len(w) >= MIN_TAIL}
    cache: dict = {}  # each distinct word's forms, computed once for the whole index
    page_text: dict[str, list[str]] = {}
    for doc in docs:
        page_text.setdefault(_page(doc["location"]), []).append(doc.get("title", "") + " " + _plain(doc.get("text", "")))
    for doc in docs:
        page = _page(doc["location"])
        method = methods.get(page)
        plain = doc.get("title", "") + " " + _plain(doc.get("text", ""))
        if method is not None and doc["location"] == page:
            # The method's own entry carries the whole page, so it ranks above the page's sections, and
            # shows the summary and phase as its teaser.
            whole = " ".join(page_text[page])
            terms = hidden_terms(whole, known, rules, method.tag_words, cache=cache)
            # One block (one outer element), so Material always shows summary and phase together,
            # whichever word matched; the normalised forms inside it stay hidden.
            doc["text"] = (f'<div class="mb-search-method"><p>{html.escape(method.summary, quote=False)}</p>'
                           f"<p>Fas: {html.escape(method.phases, quote=False)}</p>"
                           f'{_hidden_block(terms, "span")}</div>')
        elif method is None:
            doc["text"] = doc.get("text", "") + _hidden_block(hidden_terms(plain, known, rules, with_words=False,
                                                                           cache=cache))
        # A method's sections keep their plain text only: the method's own entry already carries the forms
        # of every section, and repeating them per section would double the index of a large handbook.
        # The title's own forms and synonyms weigh like the title: "övernattning" finds "Internat" first.
        # A method's tags (names and aliases) and summary weigh like its title too, each form once: then a
        # method whose title, tags or summary hold more of the query's words ranks above one holding fewer
        # (the title field's boost outweighs any number of mentions in the text).
        title = doc.get("title", "")
        # Two blocks: the title's own forms first, then the tags' and summary's, so that search-sv.js can
        # rank a method whose title holds the reader's word above one whose summary does.
        own = hidden_terms(_plain(title), known, rules, with_words=False, cache=cache)
        doc["title"] = title + _hidden_block(own, "span")
        if method is not None and doc["location"] == page:
            rest = _once(hidden_terms(method.summary, known, rules, method.tag_words, cache=cache))
            doc["title"] += _hidden_block(" ".join(w for w in rest.split() if w not in set(own.split())), "span")
        if method is not None:
            doc["boost"] = METHOD_BOOST
    # A method's section entries are left out: its own entry carries the forms of every section and shows
    # the summary and phase, which is what a reader needs to choose; this halves the index of a large bank.
    docs = [d for d in docs if not (_page(d["location"]) in methods and d["location"] != _page(d["location"]))]
    return {**index, "docs": docs}


def method_entries(catalogue, vocabulary, use_directory_urls: bool = True) -> dict[str, MethodEntry]:
    """Teaser data for every method, keyed by the method page's location in the search index."""
    entries = {}
    for method in catalogue.methods:
        location = page_url(method_uri(method.id), use_directory_urls)
        tags = []
        for tag in method.tags:
            term = vocabulary.term("tags", tag) if tag in vocabulary.ids("tags") else None
            if term is not None:
                tags.extend([term.label, *term.aliases])
        phases = ", ".join(vocabulary.label("phases", p) for p in method.phases)
        entries[location] = MethodEntry(" ".join(method.summary.split()), phases, tuple(tags))
    return entries


def tag_hints(vocabulary) -> list[dict]:
    """Every tag's id, name and aliases, for the "no results" hint in
    search-sv.js: it suggests the tags closest to what was searched."""
    return [{"id": term.id, "label": term.label, "aliases": list(term.aliases)} for term in vocabulary.terms("tags")]


def tag_aliases(vocabulary) -> dict[str, tuple[str, ...]]:
    """Each tag's label → its aliases (the words a page that uses the label is also found by)."""
    return {term.label.lower(): term.aliases for term in vocabulary.terms("tags") if term.aliases}


def tune_site_index(site_dir, catalogue, vocabulary, use_directory_urls: bool = True) -> bool:
    """Rewrite <site>/search/search_index.json with tune_index(); False when the site has no index."""
    import json
    from pathlib import Path

    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    tuned = tune_index(index, method_entries(catalogue, vocabulary, use_directory_urls),
                       getattr(vocabulary, "synonyms", {}), tag_aliases(vocabulary))
    path.write_text(json.dumps(tuned, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
