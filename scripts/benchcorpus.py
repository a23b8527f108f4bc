"""Synthetic but valid method corpora for the benchmark (scripts/bench.py) and its tests.

`generate_methods(n, seed)` returns N methods that pass `metodbank check` with zero problems: ids and
labels come from the engine's own vocabulary and schema limits, text is Swedish-like prose assembled
from word lists written for this file, and the methods link to each other (related, before/after and
links in the body). The same seed always gives the same corpus, byte for byte.

`write_project()` lays out a full handbook project (the repository's vocabulary.yml and handbook/
chapters, generated methods, a mkdocs.yml with the absolute hooks path); `write_baseline()` lays out
the same Markdown as plain MkDocs pages with no hooks and the method pages outside the navigation.
"""

from __future__ import annotations

import datetime
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "hooks") not in sys.path:
    sys.path.insert(0, str(REPO / "hooks"))

from metodbank import load_vocabulary  # noqa: E402  (the engine, never a copy of it)
from metodbank.core.schema import STEP_MAX, SUMMARY_MAX, TITLE_MAX  # noqa: E402
from metodbank.core.text import slugify  # noqa: E402

# ------------------------------------------------------------------------------------------------
# Word lists. Enough variety that the text behaves like real prose in a search index, but every
# sentence is short and plain, so the schema's limits (easy_read, steps, summary) always hold.

HEADS = (
    "Lärlogg", "Skuggning", "Studiecirkel", "Trepartssamtal", "Kollegial handledning", "Bildstöd",
    "Reflektionsrunda", "Arbetsplatsträff", "Språkpromenad", "Färdighetsstege", "Kompetenskarta", "Mentorspar",
    "Lärande samtal", "Veckoavstämning", "Studiebesök", "Prova på-dag", "Uppföljningssamtal", "Framgångsberättelse",
    "Rollbyte", "Övningsstation", "Instruktionsfilm", "Målbild", "Erfarenhetsutbyte", "Frågelåda", "Startsamtal",
    "Arbetsrotation", "Lär ut till en kollega", "Fotodagbok", "Ordbank", "Stationsövning", "Morgonmöte",
    "Kundspel", "Checklista i bilder", "Steg för steg-kort", "Dialogcafé", "Temadag", "Nätverksträff",
    "Intervju i par", "Pilotvecka", "Kunskapsbank",
)
QUALIFIERS = (
    "för nya deltagare", "i köket", "på lagret", "med bildstöd", "i små grupper", "för handledare",
    "över tre veckor", "med digitalt verktyg", "i trädgården", "för hela arbetslaget", "i butiken",
    "vid kassan", "för ledningen", "med språkombud", "i snickeriet", "i tvätteriet", "på caféet",
    "i cykelverkstaden", "för styrelsen", "med extern utbildare", "i återbruket", "under introduktionen",
    "efter sommaren", "med mentor", "i kundtjänsten", "för två personer", "på arbetsplatsträffen",
    "i odlingen", "med film", "utan papper",
)
SUBJECTS = (
    "Handledaren", "Deltagaren", "Gruppen", "Kollegan", "Processledaren", "Arbetsledaren", "Chefen", "Mentorn",
    "Språkombudet", "Hela arbetslaget", "Den nya medarbetaren", "Cirkelledaren", "Ledningen", "Paret",
)
VERBS = (
    "går igenom", "planerar", "prövar", "beskriver", "följer upp", "diskuterar", "väljer ut", "dokumenterar",
    "visar", "samlar in", "sammanfattar", "förbereder", "ritar upp", "jämför", "övar på", "utvärderar",
    "berättar om", "skriver ner", "testar", "delar",
)
OBJECTS = (
    "arbetsuppgiften", "veckans mål", "de nya rutinerna", "checklistan", "erfarenheterna från förra passet",
    "deltagarens frågor", "det som fungerade", "det som var svårt", "en enkel tidsplan", "kundmötet",
    "hanteringen av kassan", "säkerhetsrutinerna i köket", "sorteringen på lagret", "skötseln av maskinerna",
    "planteringen i växthuset", "utvecklingsplanen", "yrkesorden", "loggboken", "bildstödet", "nästa steg",
    "beställningarna", "städschemat", "leveranserna", "receptet", "prislappen", "arbetskläderna",
)
ADVERBIALS = (
    "under en kort träff", "efter lunch", "tillsammans med en kollega", "i lugn takt", "varje fredag",
    "på arbetsplatsträffen", "innan passet börjar", "med stöd av bilder", "i par", "i mindre grupper",
    "vid fikabordet", "på plats i verksamheten", "under de första veckorna", "inom en månad", "utan att stressa",
    "med mobilen som stöd", "vid whiteboardtavlan", "i slutet av dagen",
)
TAILS = (
    "så att alla vet vad som gäller", "eftersom det gör lärandet synligt", "för att ingen ska lämnas ensam",
    "så att det nya får fäste i vardagen", "och det tar ungefär en halvtimme", "vilket ger trygghet i gruppen",
    "innan något nytt läggs till", "så att frågorna inte glöms bort", "och skriver upp det som behöver ändras",
)
PLACES = (
    "bageriet", "caféet", "second hand-butiken", "trädgården", "snickeriet", "tvätteriet", "cykelverkstaden",
    "cateringen", "återbruket", "lagret", "kundtjänsten", "odlingen", "restaurangköket", "vävstugan",
    "fastighetsskötseln", "lokalvården",
)
EASY_SENTENCES = (
    "Du lär dig på jobbet.", "En kollega visar hur man gör.", "Ni pratar om det efteråt.", "Du får fråga om allt.",
    "Sedan provar du själv.", "Ni gör det i lugn takt.", "Handledaren hjälper dig.", "Ni skriver upp det ni lärt er.",
    "Du får använda bilder.", "Ni träffas en gång i veckan.", "Det är okej att göra fel.", "Du väljer vad du vill öva på.",
)
PITFALLS = (
    "Ingen har tid att följa upp. Boka avstämningen innan ni börjar.",
    "Målet är för stort. Dela upp det i steg som går att klara på en vecka.",
    "Deltagaren förstår inte varför. Berätta syftet med enkla ord och visa ett exempel.",
    "Allt hänger på en person. Låt två kollegor dela på ansvaret.",
    "Det nya glöms bort efter några veckor. Ta upp det igen på arbetsplatsträffen.",
    "Gruppen blir för stor. Högst sex personer brukar fungera bäst.",
    "Ledningen vet inte vad som pågår. Skicka en kort rapport efter varje månad.",
)
MATERIALS = (
    "Blädderblock och pennor", "Anteckningsblock", "Mobiltelefon med kamera", "Utskrivna bildkort",
    "Whiteboardtavla", "Enkel checklista på papper", "Dator med projektor", "Post it-lappar", "Timer",
)
SPANS = ("2 träffar under en månad", "1 dag", "varje vecka under en termin", "3 tillfällen under två veckor",
         "ett pass i veckan i sex veckor", "en förmiddag")
AUTHORS = ("Metodbankens redaktion", "Arbetsgruppen för kompetensutveckling", "Nätverket för arbetsintegrerande "
           "sociala företag")
SOURCE = "Ellström, Per-Erik (1992). Kompetens, utbildning och lärande i arbetslivet. Stockholm: Publica."

BENCH_TODAY = datetime.date(2025, 12, 31)  # every review date is on or before this day


@dataclass(frozen=True)
class SyntheticMethod:
    """One generated method: id, title, front matter data and Markdown body."""

    id: str
    title: str
    front: dict[str, Any]
    body: str

    def text(self) -> str:
        """The method file as a contributor would write it: YAML front matter, then the body."""
        dumped = yaml.safe_dump(self.front, allow_unicode=True, sort_keys=False, width=110)
        return f"---\n{dumped}---\n\n{self.body}"

    @property
    def summary(self) -> str:
        return self.front["summary"]


class _Writer:
    """Sentences and paragraphs from the word lists, driven by one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, tail: bool | None = None, subject: str | None = None) -> str:
        r = self.rng
        text = f"{subject or r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(ADVERBIALS)}"
        if tail or (tail is None and r.random() < 0.4):
            text += f", {r.choice(TAILS)}"
        return text + "."

    def paragraph(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def bounded(self, limit: int, low: int = 1, high: int = 3) -> str:
        """A few sentences, never longer than `limit` characters."""
        while True:
            text = self.paragraph(low, high)
            if len(text) <= limit:
                return text

    def step(self) -> str:
        while True:
            text = self.sentence(tail=False)
            if len(text) <= STEP_MAX:
                return text


def _titles(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """N distinct (id, title) pairs; past the head × qualifier combinations, numbered variants."""
    combos = [f"{h} {q}" for h in HEADS for q in QUALIFIERS]
    rng.shuffle(combos)
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    variant = 1
    while len(result) < n:
        for title in combos:
            if len(result) >= n:
                break
            full = title if variant == 1 else f"{title} {variant}"
            method_id = slugify(full)
            if method_id in seen or len(full) > TITLE_MAX:
                continue
            seen.add(method_id)
            result.append((method_id, full))
        variant += 1
    return result


def generate_methods(n: int, seed: int = 1) -> list[SyntheticMethod]:
    """N valid, cross-linked methods. Deterministic: the same (n, seed) gives the same methods."""
    if n < 1:
        raise ValueError("n must be at least 1")
    vocabulary, problems = load_vocabulary(REPO)
    if problems:
        raise RuntimeError(f"the repository's vocabulary.yml has problems: {problems[:3]}")
    ids = {name: list(vocabulary.ids(name)) for name in
           ("phases", "audiences", "roles", "needs", "difficulties", "costs", "tags")}
    rng = random.Random(seed)
    write = _Writer(rng)
    titles = _titles(rng, n)
    methods = []
    for index, (method_id, title) in enumerate(titles):
        methods.append(_method(index, method_id, title, titles, ids, rng, write))
    return methods


def _pick(rng: random.Random, pool: list[str], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, min(high, len(pool))))


def _method(index: int, method_id: str, title: str, titles: list[tuple[str, str]], ids: dict[str, list[str]],
            rng: random.Random, write: _Writer) -> SyntheticMethod:
    n = len(titles)
    phases = _pick(rng, ids["phases"], 1, 1 if rng.random() < 0.7 else 3)
    low_people = rng.randint(1, 6)
    low_minutes = rng.choice((15, 30, 45, 60, 90, 120, 240))
    front: dict[str, Any] = {
        "title": title,
        "summary": write.bounded(SUMMARY_MAX, 2, 2),
        "easy_read": " ".join(rng.sample(EASY_SENTENCES, rng.randint(2, 4))),
        "phases": [p for p in ids["phases"] if p in phases],
        "audience": _pick(rng, ids["audiences"], 1, 3),
        "group_size": {"min": low_people, "max": low_people + rng.randint(0, 10)},
        "duration": {"min": low_minutes, "max": low_minutes * rng.choice((1, 2, 4)), "span": rng.choice(SPANS)},
        "preparation": write.bounded(400, 1, 3),
        "difficulty": rng.choice(ids["difficulties"]),
        "roles": _pick(rng, ids["roles"], 1, 3),
        "materials": _pick(rng, list(MATERIALS), 0, 4),
        "cost": rng.choice(ids["costs"]),
        "tags": _pick(rng, ids["tags"], 1, 4),
    }
    others = [i for i in range(n) if i != index]
    if others:
        front["related"] = [titles[i][0] for i in rng.sample(others, min(len(others), rng.randint(0, 3)))]
    # before → only earlier methods, after → only later ones: the before/after graph can never have a cycle.
    if index and rng.random() < 0.5:
        front["before"] = [titles[rng.randrange(index)][0]]
    if index < n - 1 and rng.random() < 0.5:
        front["after"] = [titles[rng.randrange(index + 1, n)][0]]
    for key in ("related", "before", "after"):
        if key in front and not front[key]:
            del front[key]
    front["steps"] = {p: [write.step() for _ in range(rng.randint(1, 4))] for p in ids["phases"]}
    front["adaptations"] = {need: write.bounded(300, 1, 2) for need in _pick(rng, ids["needs"], 1, 3)}
    if rng.random() < 0.3:
        front["sources"] = [{"text": SOURCE}]
    front["authors"] = [rng.choice(AUTHORS)]
    front["basis"] = {"kind": "design", "text": "En påhittad metod för prestandamätningen, inte en verklig metod."}
    front["last_reviewed"] = (BENCH_TODAY - datetime.timedelta(days=rng.randint(0, 700))).isoformat()
    front["reviewed_by"] = front["authors"][0]
    front["status"] = "published" if rng.random() < 0.9 else "draft"
    links = [titles[i] for i in rng.sample(others, min(len(others), rng.randint(1, 3)))] if others else []
    return SyntheticMethod(method_id, title, front, _body(rng, write, links))


def _pair(rng: random.Random, write: _Writer) -> str:
    """A sentence with two people as its subject: "**Handledaren och mentorn** planerar …"."""
    first, second = rng.sample(SUBJECTS, 2)
    sentence = write.sentence(subject="§")
    return sentence.replace("§", f"**{first} och {second[0].lower()}{second[1:]}**", 1)


def _body(rng: random.Random, write: _Writer, links: list[tuple[str, str]]) -> str:
    place = rng.choice(PLACES)
    link_text = " ".join(f"Metoden går bra att kombinera med [{title}]({other}.md)." for other, title in links)
    parts = [
        "## Syfte", "",
        write.paragraph(4, 6), "",
        f"Metoden kommer från arbetet i {place}. {write.paragraph(3, 5)}", "",
        write.paragraph(3, 5), "",
        write.paragraph(2, 4), "",
        "## Förankring", "",
        *(f"{i}. {_pair(rng, write)} {write.paragraph(0, 2)}".rstrip() for i in range(1, rng.randint(3, 5) + 1)), "",
        "## Genomförande", "",
        *(f"{i}. {write.paragraph(2, 3)}" for i in range(1, rng.randint(4, 6) + 1)), "",
        "## Efterarbete och implementering", "",
        *(f"{i}. {write.paragraph(1, 3)}" for i in range(1, rng.randint(3, 4) + 1)), "",
        link_text, "",
    ]
    if rng.random() < 0.7:
        parts += ["## Exempel", "", f"Så här kan det se ut i {place}. {write.paragraph(4, 6)}", ""]
    if rng.random() < 0.6:
        parts += ["## Fallgropar", "", *(f"- {p}" for p in rng.sample(PITFALLS, 3)), ""]
    return "\n".join(parts)


# ------------------------------------------------------------------------------------------------
# Projects on disk.

_CHAPTER_LINK = re.compile(r"\]\(metoder/([a-z0-9-]+)\.md")


def _retarget_chapter_links(text: str, method_ids: list[str]) -> str:
    """Point the chapters' links to the repository's own methods at generated methods instead."""
    mapping: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name == "index":
            return match.group(0)
        target = mapping.setdefault(name, method_ids[len(mapping) % len(method_ids)])
        return f"](metoder/{target}.md"

    return _CHAPTER_LINK.sub(replace, text)


def copy_handbook(target: Path, method_ids: list[str]) -> None:
    """The repository's handbook/ (chapters, assets) with chapter links retargeted to generated methods.

    handbook/metoder/ is left out: it holds pages that keep renamed methods' old addresses working, and
    those point at real methods that a synthetic corpus does not have.
    """
    top = REPO / "handbook"
    shutil.copytree(top, target, dirs_exist_ok=True,
                    ignore=lambda folder, names: ["metoder"] if Path(folder) == top else [])
    for page in target.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        changed = _retarget_chapter_links(text, method_ids)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def _base_config() -> dict[str, Any]:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("watch", None)  # the repository's watch paths do not exist in a corpus folder
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    return config


def write_methods(root: Path, methods: list[SyntheticMethod]) -> Path:
    folder = root / "methods"
    folder.mkdir(parents=True, exist_ok=True)
    for method in methods:
        (folder / f"{method.id}.md").write_text(method.text(), encoding="utf-8")
    return folder


def write_project(root: Path, methods: list[SyntheticMethod]) -> Path:
    """A full handbook project in `root`; returns its mkdocs.yml (hooks by absolute path)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(REPO / "vocabulary.yml", root / "vocabulary.yml")
    copy_handbook(root / "handbook", [m.id for m in methods])
    write_methods(root, methods)
    config = _base_config()
    config["hooks"] = [str(REPO / "hooks" / "mkdocs_hooks.py")]
    config["docs_dir"] = "handbook"
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def baseline_page(method: SyntheticMethod) -> str:
    """A method as a plain MkDocs page: title, summary and the same Markdown body."""
    return f"# {method.title}\n\n{method.summary}\n\n{method.body}"


def _without_generated(nav: list) -> list:
    """The navigation with the entries for generated pages (catalogue, tags) removed."""
    kept = []
    for item in nav:
        if isinstance(item, dict):
            (label, value), = item.items()
            if isinstance(value, list):
                inner = _without_generated(value)
                if inner:
                    kept.append({label: inner})
            elif not str(value).startswith(("metoder/", "taggar/")):
                kept.append(item)
        elif not str(item).startswith(("metoder/", "taggar/")):
            kept.append(item)
    return kept


def write_baseline(root: Path, methods: list[SyntheticMethod]) -> Path:
    """Plain MkDocs + Material over the same Markdown: no hooks, method pages not in the navigation."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    docs = root / "docs"
    copy_handbook(docs, [m.id for m in methods])
    (docs / "metoder").mkdir()
    for method in methods:
        (docs / "metoder" / f"{method.id}.md").write_text(baseline_page(method), encoding="utf-8")
    config = _base_config()
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["plugins"] = [{"search": {"lang": "sv"}}]
    config["nav"] = _without_generated(config.get("nav", []))
    # The chapters link to the catalogue and tag pages, which only the hooks generate.
    config.setdefault("validation", {}).setdefault("links", {})["not_found"] = "info"
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------
# The default corpus: clones of the real methods in methods/.

_REFERENCE_KEYS = ("related", "before", "after")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):")
_BODY_LINK = re.compile(r"\[([^\]\n]*)\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")


@dataclass(frozen=True)
class ClonedMethod:
    """One clone of a real method: the real file's text with a new id, title and re-pointed references."""

    id: str
    title: str
    summary: str
    body: str
    source: str  # the id of the real method it was cloned from
    raw: str

    def text(self) -> str:
        return self.raw


def real_methods(methods_dir: Path | None = None) -> list[tuple[str, str]]:
    """(id, text) of every real method file, sorted by id."""
    folder = methods_dir or REPO / "methods"
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))]


def _clone_id(method_id: str, generation: int) -> str:
    return f"{method_id}-{generation + 1}"


def _clone_title(title: str, generation: int) -> str:
    """'Skuggning' → 'Skuggning 3', shortened at a word so that it stays within TITLE_MAX."""
    suffix = f" {generation + 1}"
    while len(title) + len(suffix) > TITLE_MAX:
        cut = title.rfind(" ", 0, TITLE_MAX - len(suffix))
        title = title[:cut if cut > 0 else TITLE_MAX - len(suffix)].rstrip(" –-,")
    return title + suffix


def _quoted_yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def clone_methods(n: int, methods_dir: Path | None = None) -> list[ClonedMethod]:
    """N valid methods cloned round-robin from the real methods: every YAML feature and body kept.

    Clone i is a copy of real method i mod R in generation i div R, with id '<id>-<generation+1>' and
    title '<title> <generation+1>' (shortened at a word to stay within the limit). References in
    related/before/after and links in the body point at the same generation's clone of their target, or
    at the first generation's when that clone does not exist; a reference with no clone at all is
    removed (a body link keeps its text). The before/after graph of each generation is a copy of the
    real one, so it has no cycle. Everything else in the file is left as the contributor wrote it.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    real = real_methods(methods_dir)
    if not real:
        raise RuntimeError("methods/ has no methods to clone")
    count = len(real)
    position = {method_id: j for j, (method_id, _) in enumerate(real)}

    def target(method_id: str, generation: int) -> str | None:
        j = position.get(method_id)
        if j is None:
            return None
        for g in (generation, 0):
            if g * count + j < n:
                return _clone_id(method_id, g)
        return None

    clones = []
    for i in range(n):
        generation, (method_id, text) = divmod(i, count)[0], real[i % count]
        clones.append(_clone(method_id, text, generation, lambda ref, g=generation: target(ref, g)))
    if len({c.id for c in clones}) != n:
        raise RuntimeError("clone ids are not unique")
    return clones


def _clone(method_id: str, text: str, generation: int, target: Any) -> ClonedMethod:
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    front = yaml.safe_load("\n".join(lines[1:end])) or {}
    title = _clone_title(str(front.get("title", method_id)), generation)
    out: list[str] = []
    key = None
    for line in lines[1:end]:
        top = _TOP_KEY.match(line)
        if top:
            key = top.group(1)
        if key in ("title", "id"):
            if top:  # continuation lines of a folded title are dropped with it
                plain = re.match(r"^title: [^\s\"'>|&*!\[{]", line) and ": " not in title and " #" not in title
                out.append(f"id: {_clone_id(method_id, generation)}" if key == "id"
                           else f"title: {title if plain else _quoted_yaml(title)}")
            continue
        if key in _REFERENCE_KEYS:
            values = front.get(key)
            if top and isinstance(values, list) and line.rstrip().endswith("]"):  # a flow list on one line
                kept = [t for t in (target(v) for v in values) if t]
                if kept:
                    out.append(f"{key}: [{', '.join(kept)}]")
                continue
            item = re.match(r"^(\s*-\s+)([a-z0-9-]+)\s*$", line)
            if not top and item:  # a block list item
                mapped = target(item.group(2))
                if mapped:
                    out.append(item.group(1) + mapped)
                continue
        out.append(line)
    emptied = {k for k, v in (yaml.safe_load("\n".join(out)) or {}).items() if k in _REFERENCE_KEYS and v is None}
    out = [line for line in out if not any(re.match(rf"^{k}:\s*$", line) for k in emptied)]

    def relink(match: re.Match) -> str:
        mapped = target(match.group(2))
        return f"[{match.group(1)}]({mapped}.md{match.group(3) or ''})" if mapped else match.group(1)

    body = _BODY_LINK.sub(relink, "\n".join(lines[end + 1:]))
    raw = "\n".join([lines[0], *out, lines[end]]) + "\n" + body
    summary = " ".join(str(front.get("summary", "")).split())
    return ClonedMethod(_clone_id(method_id, generation), title, summary, body, method_id, raw)


def make_corpus(kind: str, n: int, seed: int = 1) -> list:
    """The benchmark's corpus: 'real' (clones of methods/, the default) or 'synthetic'."""
    if kind == "real":
        return clone_methods(n)
    if kind == "synthetic":
        return generate_methods(n, seed)
    raise ValueError(f"unknown corpus {kind!r}")
