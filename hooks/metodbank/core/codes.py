"""Every problem code the engine can report: its level and what it means for a contributor (Swedish).

The codes stay string literals where the problems are made (loader, yamlstrict, kinds, body, sanitize, links,
vocabulary, project, contribute/issue); this table registers them. A `Problem` with a code that is not here is
a programming error: `Problem` refuses it, and tests/test_codes.py finds every code literal in the engine
and checks it against this table. The level of a problem comes from here only; no call site chooses one.
The field documentation page (`bidra/falt.md`, site/fielddocs.py) shows the table as "Felkoder".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.IntEnum):
    """How serious a problem is. Both fail `metodbank check`; warnings fail only strict builds."""

    WARNING = 1
    ERROR = 2


@dataclass(frozen=True)
class Code:
    """One registered problem code."""

    level: Level
    meaning: str  # one line of Swedish: what the problem means for the person who wrote the file


def _error(meaning: str) -> Code:
    return Code(Level.ERROR, meaning)


def _warning(meaning: str) -> Code:
    return Code(Level.WARNING, meaning)


CODES: dict[str, Code] = {
    # The files in methods/ (core/loader.py) and the project's folders (core/project.py)
    "missing-methods-dir": _error("Mappen methods/ saknas; kör kommandot i projektets rot."),
    "case-collision": _error("Två filnamn skiljer sig bara i stora och små bokstäver; byt namn på den ena."),
    "symlink": _error("En länk (symlink) ligger i methods/; där får bara vanliga filer finnas."),
    "symlink-outside": _error("En länk (symlink) pekar ut ur projektet; bygget läser bara filer i projektet."),
    "unexpected-directory": _error("En mapp ligger i methods/; där får bara metodfiler finnas."),
    "not-markdown": _error("En fil i methods/ slutar inte på .md."),
    "file-too-large": _error("Metodfilen är större än vad en metod får vara; korta texten eller dela upp den."),
    "bad-file-name": _error("Filnamnet duger inte som id; använd bara a–z, 0–9 och bindestreck."),
    "empty-file": _error("Filen är tom."),
    "utf16": _error("Filen är sparad som UTF-16; spara om den som UTF-8."),
    "binary-file": _error("Filen innehåller nolltecken och är ingen textfil."),
    "not-utf8": _error("Filen är inte sparad som UTF-8; spara om den som UTF-8."),
    "unreadable-file": _error("Filen gick inte att läsa."),
    # Front matter and strict YAML (core/loader.py, core/yamlstrict.py)
    "missing-front-matter": _error("Filen börjar inte med en rad --- och fälten (front matter)."),
    "unclosed-front-matter": _error("Front matter stängs aldrig med en rad ---."),
    "front-matter-too-large": _error("Front matter är för lång; flytta längre text till brödtexten."),
    "empty-front-matter": _error("Front matter är tom; fyll i fälten."),
    "front-matter-not-mapping": _error("Front matter är inte fält med namn och värde (title: …)."),
    "yaml-syntax": _error("YAML-fel: indrag, kolon eller citattecken stämmer inte på raden."),
    "yaml-tab": _error("Ett tabbtecken används för indrag; YAML vill ha mellanslag."),
    "yaml-alias": _error("YAML-ankare och alias (&namn, *namn) är inte tillåtna; skriv ut värdet."),
    "yaml-tag": _error("En YAML-tagg (!!…) är inte tillåten; skriv vanlig text, tal, listor och datum."),
    "yaml-key": _error("Ett fältnamn är inte vanlig text."),
    "yaml-value": _error("Ett värde går inte att läsa som det som står (till exempel ett för långt tal)."),
    "yaml-too-deep": _error("YAML är för djupt nästlad."),
    "yaml-control-character": _error("Raden innehåller ett osynligt styrtecken; skriv om den."),
    "duplicate-key": _error("Samma fält (eller samma sak under två namn) står två gånger."),
    # The fields (core/validate.py, core/kinds.py)
    "unknown-key": _error("Ett fält eller en nyckel som inte finns; se fältlistan ovan."),
    "missing-field": _error("Ett fält som krävs saknas."),
    "id-mismatch": _error("Fältet id stämmer inte med filnamnet."),
    "wrong-type": _error("Ett värde har fel slag, till exempel en lista där det ska vara text."),
    "too-short": _error("Texten i fältet är för kort."),
    "too-long": _error("Texten i fältet är för lång."),
    "html-in-field": _error("Fältet innehåller HTML; skriv vanlig text utan < och >."),
    "sentence-count": _error("Fältet har för få eller för många meningar."),
    "long-sentence": _error("En mening i fältet har för många ord; dela upp den."),
    "unknown-value": _error("Ett ord som inte finns i listan med tillåtna ord (vocabulary.yml)."),
    "duplicate-value": _error("Samma värde står två gånger i fältet."),
    "out-of-range": _error("Talet ligger utanför det tillåtna intervallet."),
    "min-greater-than-max": _error("Värdet min är större än max."),
    "too-few": _error("Fältet har för få värden."),
    "too-many": _error("Fältet har för många värden."),
    "bad-reference": _error("En hänvisning är inget metod-id; skriv filnamnet utan .md."),
    "bad-url": _error("En källas url är ingen webbadress som börjar med https://."),
    "bad-date": _error("Ett datum är inte giltigt; skriv ÅÅÅÅ-MM-DD."),
    "future-date": _error("Datumet ligger i framtiden."),
    # The text under the headings (core/body.py, core/sanitize.py)
    "h1-in-body": _error("En huvudrubrik (#) står i texten; titeln kommer från fältet title."),
    "text-before-section": _error("Text står före den första rubriken (##)."),
    "unknown-section": _error("En rubrik (##) som inte hör till en metod; se rubrikerna ovan."),
    "duplicate-section": _error("Samma rubrik (##) står två gånger."),
    "section-order": _error("Rubrikerna (##) står i fel ordning."),
    "empty-section": _error("Ett avsnitt under en rubrik är tomt."),
    "missing-section": _error("Ett avsnitt som krävs saknas."),
    "unsafe-html": _error("HTML som kan köra kod eller ändra sidan; ta bort den."),
    "html-not-allowed": _error("HTML som inte är tillåten i en metod; skriv med Markdown."),
    "unsafe-url": _error("En länk med ett otillåtet slag av adress (till exempel javascript:)."),
    "image-not-allowed": _error("En bild från en annan webbplats; spara bilden i handbook/bilder/."),
    "image-without-alt": _error("En bild saknar alternativtext: ![Beskrivning](…)."),
    "too-complex": _error("Ett stycke har för många [ eller < för att kunna kontrolleras; dela upp det."),
    # Links between methods (core/links.py)
    "self-reference": _error("Metoden hänvisar till sig själv."),
    "unknown-method": _error("En hänvisning till en metod som inte finns."),
    "before-after-conflict": _error("Samma metod står både i before och after."),
    "broken-link": _error("En länk i texten går till en metod som inte finns."),
    "cycle": _error("Ordningen före/efter går runt i en cirkel."),
    "similar-method": _warning("En ny metod liknar en annan mycket; slå ihop dem eller gör skillnaden tydlig."),
    # vocabulary.yml and the chapters (core/vocabulary.py, core/project.py)
    "missing-vocabulary": _error("Filen vocabulary.yml saknas i projektets rot."),
    "vocabulary-shape": _error("Filen vocabulary.yml är inte uppbyggd som den ska."),
    "alias-conflict": _error("Ett ord betyder två saker i vocabulary.yml."),
    "synonym-conflict": _error("Synonymerna för sökningen i vocabulary.yml motsäger varandra."),
    "markup-in-vocabulary": _error(
        "En etikett, ett alias eller en beskrivning i vocabulary.yml har tecken som < och &."),
    "bad-id": _error("Ett id i vocabulary.yml duger inte, eller en titel i ett ärende ger inget id till filnamnet."),
    "bad-chapter-path": _error("Kapitlet (chapter) för en fas ligger utanför handbokens mapp."),
    "missing-chapter": _error("Kapitlet (chapter) för en fas finns inte i handbokens mapp."),
    # An issue from the form "Föreslå en metod" (contribute/issue.py)
    "issue-not-a-form": _error("Ärendet är inte skapat med formuläret Föreslå en metod."),
    "issue-too-large": _error("Ärendet är för långt för att vara skapat med formuläret."),
    "id-taken": _error("En metod med samma id finns redan."),
    "bad-range": _error("Ett intervall i ärendet är inte ett eller två heltal."),
    "keyed-without-key": _error("En rad i ärendet börjar inte med vad den gäller och ett kolon."),
}
