"""The generated page that documents every field and section of a method file (`bidra/falt.md`)."""

from __future__ import annotations

import re

from ..core.schema import FIELDS, SECTIONS, dump_field
from ..core.vocabulary import Vocabulary
from .format import md_escape

FIELD_DOCS_URI = "bidra/falt.md"


def _code_span(text: str) -> str:
    """Text as a Markdown code span, shown exactly as written (no backslash escapes: code spans keep them).

    Python-Markdown's tables do not split cells on a `|` inside backticks; the fence is one backtick longer
    than any run of backticks in the text."""
    text = " ".join(text.split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def build_field_docs(vocabulary: Vocabulary) -> tuple[str, str]:
    """(src_uri, Markdown) of the generated page that documents every field and section."""
    from ..site.format import md_escape

    rows = ["| Fält | Betydelse | Vad som är tillåtet | Krävs | Exempel |", "|---|---|---|---|---|"]
    for spec in FIELDS:
        example = dump_field(spec.name, spec.example)
        example_text = "<br>".join(_code_span(line) for line in example)
        rows.append(
            f"| `{spec.name}`<br>**{md_escape(spec.label)}** | {md_escape(spec.help)} | "
            f"{spec.kind.describe(vocabulary).replace('|', '&#124;')} | {'ja' if spec.required else 'nej'} | {example_text} |"
        )
    sections = [f"{i}. **{s.title}**{' (krävs)' if s.required else ' (valfri)'}: {md_escape(s.help)}"
                for i, s in enumerate(SECTIONS, 1)]
    markdown = "\n\n".join([
        '---\ndescription: "Alla fält i en metodfil, med betydelse, tillåtna värden och exempel."\n---',
        "# Fälten i en metodfil",
        "Varje metod är en Markdown-fil i mappen `methods/`. Filen börjar med fält mellan två rader `---` "
        "(front matter) och fortsätter med texten under fasta rubriker. Den här sidan skapas automatiskt från "
        "samma beskrivning som `metodbank check` använder, så den stämmer alltid med kontrollen.",
        "Skapa en ny fil med `metodbank new --title \"Metodens namn\" --phase delivery` så får du alla fält "
        "ifyllda med förklaringar.",
        "## Fält",
        "\n".join(rows),
        "Listorna med tillåtna ord (faser, målgrupper, roller, behov, taggar) finns i filen `vocabulary.yml`. "
        "Där står också alias: andra ord som betyder samma sak, till exempel `deltagare` för `participant`.",
        "## Rubriker i texten",
        "Texten efter fälten delas in med rubriker på nivå två (`## Rubrik`) i den här ordningen. "
        "De fyra första krävs i varje metod.",
        "\n".join(sections),
        "## JSON-schema",
        "Fälten finns också som [JSON-schema](../schema/method.schema.json) som editorer och andra verktyg kan "
        "använda för att kontrollera en metodfil medan du skriver.",
    ])
    return FIELD_DOCS_URI, markdown + "\n"
