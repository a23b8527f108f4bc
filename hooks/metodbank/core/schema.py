"""The method schema: the one table of front-matter fields and body sections.

Everything else is derived from it: the validator (core/validate.py), the JSON Schema for editors, the
`metodbank new` template and the issue form (contribute/derived.py), and the field page (site/fielddocs.py).
To add or change a field, change it here, run `metodbank schema --write`, and the rest follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .kinds import Choice, Choices, Date, Keyed, Kind, MethodId, Range, Record, Refs, Sources, Strings, Text

SUMMARY_MAX = 280
EASY_READ_MAX = 350
STEP_MAX = 110
STEPS_PER_PHASE_MAX = 4  # with STEP_MAX: 3 phases × 4 steps × 110 characters fill an A5 card back
TITLE_MAX = 70
BASIS_MAX = 300
REVIEWER_MAX = 80
GROUP_SIZE_MAX = 1000  # people; also the catalogue filter's limit
DURATION_MAX = 60 * 24 * 5  # minutes (five days); also the catalogue filter's and the planner's limit


@dataclass(frozen=True)
class Field:
    """One front-matter field: stable English name, Swedish label and help, kind, example."""

    name: str
    label: str
    help: str
    kind: Kind
    example: Any
    required: bool = True


FIELDS: tuple[Field, ...] = (
    Field("title", "Titel", "Metodens namn, kort och tydligt.", Text(max_chars=TITLE_MAX), "Skuggning"),
    Field("summary", "Sammanfattning",
          "En eller två meningar om vad metoden är och vad den ger. Visas i listor och på metodkortet.",
          Text(min_chars=40, max_chars=SUMMARY_MAX),
          "En deltagare följer en erfaren kollega under några timmar och ser hur arbetet går till på riktigt."),
    Field("easy_read", "Lättläst",
          "Samma sak på lättläst svenska: 2–5 korta meningar, vanliga ord, en sak i varje mening.",
          Text(max_chars=EASY_READ_MAX, min_sentences=2, max_sentences=5, max_sentence_words=15),
          "Du följer en kollega i jobbet. Du tittar och frågar. Sedan provar du själv."),
    Field("phases", "Faser", "Den eller de faser där metoden främst hör hemma.",
          Choices("phases", min_items=1, max_items=3), ["delivery"]),
    Field("audience", "Målgrupp", "Vilka metoden är till för.", Choices("audiences"), ["participant", "supervisor"]),
    Field("group_size", "Gruppstorlek", "Hur många som kan delta, minst och högst.",
          Range("personer", 1, GROUP_SIZE_MAX), {"min": 2, "max": 3}),
    Field("duration", "Tid",
          "Hur lång en träff är i minuter, minst och högst. I span kan du skriva hur länge det pågår i kalendern.",
          Range("minuter", 1, DURATION_MAX, extra=(("span", Text(max_chars=60)),)),
          {"min": 120, "max": 480, "span": "1–3 tillfällen under två veckor"}),
    Field("preparation", "Förberedelser", "Vad som måste göras före, av vem och hur lång tid det tar.",
          Text(max_chars=400), "Välj en kollega som vill visa och bestäm vad deltagaren ska titta efter."),
    Field("difficulty", "Svårighet", "Hur svårt det är att leda metoden.", Choice("difficulties"), "easy"),
    Field("roles", "Roller", "Vilka som behövs för att genomföra metoden.", Choices("roles"),
          ["participant", "colleague"]),
    Field("materials", "Material", "Det som behövs, en sak per rad. Skriv [] om inget behövs.",
          Strings(max_items=10, max_chars=80), ["Anteckningsblock"]),
    Field("cost", "Kostnad", "Ungefärlig kostnad utöver arbetstid.", Choice("costs"), "none"),
    Field("tags", "Taggar", "Ämnesord ur listan i vocabulary.yml. Ett alias fungerar också.",
          Choices("tags", min_items=1, max_items=6), ["larande-i-arbetet"]),
    Field("related", "Relaterade metoder",
          "Metoder som hör ihop med den här. Länken visas automatiskt åt båda hållen.",
          Refs(), ["kollegialt-larande"], required=False),
    Field("before", "Ofta före", "Metoder som brukar komma före den här.", Refs(), ["individuell-utvecklingsplan"],
          required=False),
    Field("after", "Ofta efter", "Metoder som brukar komma efter den här.", Refs(), ["utvecklande-reflektion"],
          required=False),
    Field("steps", "Steg i korthet",
          f"Kort om vad som görs i varje fas, 1–{STEPS_PER_PHASE_MAX} steg per fas. Skrivs ut på metodkortets baksida.",
          Keyed("phases", Strings(min_items=1, max_items=STEPS_PER_PHASE_MAX, max_chars=STEP_MAX), require_all=True),
          {"anchoring": ["Välj kollega och uppgift."], "delivery": ["Följ kollegan ett arbetspass."],
           "follow_up": ["Prova själv och följ upp efter en vecka."]}),
    Field("adaptations", "Anpassningar", "Hur metoden kan anpassas för olika behov. Skriv för minst ett behov.",
          Keyed("needs", Text(max_chars=300), min_keys=1),
          {"reading": "Gör checklistan med bilder i stället för text."}),
    Field("sources", "Källor", "Verkliga publikationer som metoden bygger på eller som ger mer kunskap.",
          Sources(), [{"text": "Ellström, Per-Erik (1992). Kompetens, utbildning och lärande i arbetslivet. Publica."}],
          required=False),
    Field("basis", "Bygger på",
          "Vad metoden bygger på: kind är case (ett dokumenterat fall), research (forskning) eller design "
          "(redaktionens förslag, ännu inte prövat i ett ASF); text säger vilket fall eller vilken forskning, med källa.",
          Record((("kind", Choice("bases")), ("text", Text(min_chars=20, max_chars=BASIS_MAX)))),
          {"kind": "research", "text": "Ellströms forskning om lärande i arbetet, se källorna."}),
    Field("authors", "Författare", "Vem eller vilka som har skrivit metoden.",
          Strings(min_items=1, max_items=10, max_chars=80), ["Metodbankens redaktion"]),
    Field("last_reviewed", "Senast granskad", "Datum då metoden senast lästes igenom och bedömdes aktuell.",
          Date(), "2026-11-20"),
    Field("reviewed_by", "Granskad av",
          "Vem som granskade metoden det datum som står i last_reviewed. Ändra båda bara när någon verkligen har "
          "granskat metoden.",
          Text(max_chars=REVIEWER_MAX), "Metodbankens redaktion"),
    Field("status", "Status", "draft medan du skriver, published när metoden är granskad.", Choice("statuses"),
          "published"),
    Field("id", "Id", "Valfritt. Om fältet finns ska det vara samma som filnamnet.", MethodId(), "skuggning",
          required=False),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class Section:
    """One H2 section of a method's body."""

    title: str
    required: bool
    help: str
    phase: str | None = None


SECTIONS: tuple[Section, ...] = (
    Section("Syfte", True, "Varför metoden finns och vad den ger."),
    Section("Förankring", True, "Vad som görs före: vem som ska vara med och hur ni kommer överens.", "anchoring"),
    Section("Genomförande", True, "Hur metoden genomförs, steg för steg: vem gör vad, när och hur länge.",
            "delivery"),
    Section("Efterarbete och implementering", True,
            "Hur det nya kommer in i det dagliga arbetet och hur ni följer upp.", "follow_up"),
    Section("Anpassningar", False, "Mer om anpassningar, utöver fältet adaptations."),
    Section("Exempel", False, "Ett exempel från verkligheten eller en tydligt påhittad illustration."),
    Section("Fallgropar", False, "Vanliga misstag och hur ni undviker dem."),
    Section("Källor och vidare läsning", False, "Mer att läsa, utöver fältet sources."),
)
SECTION_TITLES = tuple(s.title for s in SECTIONS)

# Generated content is merged into these sections of the page (see site/pages.py).
ADAPTATIONS_SECTION = "Anpassningar"
BASIS_LABEL = FIELDS_BY_NAME["basis"].label  # "Bygger på", shown on the method page and the card
SOURCES_SECTION = "Källor och vidare läsning"


# -- how a field is written in front matter (the `new` template, the field page) ---------------------

FRONT_MATTER_WIDTH = 100  # longest line of front matter written from an issue (issue.py) or the editor (editor.js)

def dump_value(value: Any) -> str:
    """One YAML value on one line: scalars plain (quoted when needed), lists in [brackets]; empty as nothing."""
    if value is None:
        return ""
    if value == "":
        return '""'
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n...\n").rstrip("\n")


def dump_field(name: str, value: Any) -> list[str]:
    if isinstance(value, dict) and value:
        return [f"{name}:"] + [f"  {key}: {dump_value(item)}".rstrip() for key, item in value.items()]
    return [f"{name}: {dump_value(value)}".rstrip()]
