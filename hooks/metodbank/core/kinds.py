"""Value kinds of the method schema: how each kind of field is checked, normalised and described.

A kind checks one front-matter value and returns it normalised (aliases resolved, tuples instead of
lists); problems go to `ctx.report`. The same kind also describes itself as JSON Schema and in Swedish,
so that the validator, the editor schema and the field documentation cannot drift apart.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .text import ID_PATTERN, did_you_mean, sentences, words
from .vocabulary import Vocabulary

INVALID = object()  # returned when a value could not be understood at all
HTML_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
URL_PATTERN = re.compile(r"^https?://\S+$")  # a source's url
SOURCE_TEXT_MAX = 400  # characters of one source's text


@dataclass
class Context:
    """What a kind needs while checking one field of one file."""

    field: str
    vocabulary: Vocabulary
    report: Callable[[tuple, str, str], None]  # (path below the field, code, message)
    today: datetime.date = field(default_factory=datetime.date.today)


# The Swedish name of each YAML type, for messages; bool before int (a bool is an int in Python).
TYPE_NAMES = ((type(None), "tomt"), (bool, "sant/falskt"), (int, "ett heltal"), (float, "ett decimaltal"),
              (str, "text"), (list, "en lista"), (dict, "en samling fält"), (datetime.date, "ett datum"))


def type_name(value: Any) -> str:
    """The Swedish name of a YAML value's type, for messages."""
    return next((name for kind, name in TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


class Kind:
    """Base class: subclasses define check(), json_schema() and describe()."""

    type_label = "värde"

    def check(self, value: Any, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, vocabulary: Vocabulary) -> str:
        """Swedish sentence on what is allowed, for the field documentation page."""
        return ""

    def wrong_type(self, value: Any, ctx: Context, path: tuple = ()) -> Any:
        ctx.report(path, "wrong-type", f'fältet "{ctx.field}" ska vara {self.type_label}, men är {type_name(value)}')
        return INVALID


@dataclass(frozen=True)
class Text(Kind):
    """Free Swedish text with optional limits on characters, sentences and words per sentence."""

    min_chars: int = 1
    max_chars: int | None = None
    min_sentences: int | None = None
    max_sentences: int | None = None
    max_sentence_words: int | None = None
    type_label = "text"

    def check(self, value: Any, ctx: Context, path: tuple = ()) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, path)
        text = " ".join(value.split())
        if len(text) < self.min_chars:
            name = _name(ctx, path)
            message = f'fältet "{name}" är tomt; skriv något' if not text else (
                f'fältet "{name}" är för kort: {len(text)} tecken, minst {self.min_chars} behövs')
            ctx.report(path, "too-short", message)
        if self.max_chars is not None and len(text) > self.max_chars:
            name = _name(ctx, path)
            ctx.report(path, "too-long", f'fältet "{name}" är för långt: {len(text)} tecken, högst '
                       f"{self.max_chars} får plats; korta texten med {len(text) - self.max_chars} tecken")
        if HTML_LIKE.search(text):
            name = _name(ctx, path)
            ctx.report(path, "html-in-field", f'fältet "{name}" innehåller HTML; skriv vanlig text utan < och >')
        found = sentences(text) if self.min_sentences or self.max_sentences or self.max_sentence_words else ()
        if self.min_sentences or self.max_sentences:
            low, high = self.min_sentences or 1, self.max_sentences or len(found)
            if text and not low <= len(found) <= high:
                name = _name(ctx, path)
                ctx.report(path, "sentence-count", f'fältet "{name}" har {len(found)} meningar; skriv {low}–{high} '
                           "korta meningar som slutar med punkt")
        if self.max_sentence_words:
            for sentence in found:
                count = len(words(sentence))
                if count > self.max_sentence_words:
                    name = _name(ctx, path)
                    ctx.report(path, "long-sentence", f'en mening i "{name}" har {count} ord, högst '
                               f'{self.max_sentence_words} är lättläst: "{sentence[:60]}…"; dela upp den')
        return text

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": self.min_chars}
        if self.max_chars is not None:
            # YAML folding may add line breaks; the validator counts characters after folding whitespace.
            schema["maxLength"] = self.max_chars + 40
        return schema

    def describe(self, vocabulary: Vocabulary) -> str:
        parts = []
        if self.max_chars:
            parts.append(f"högst {self.max_chars} tecken")
        if self.min_sentences and self.max_sentences:
            parts.append(f"{self.min_sentences}–{self.max_sentences} meningar")
        if self.max_sentence_words:
            parts.append(f"högst {self.max_sentence_words} ord i varje mening")
        return "Text" + (f" ({', '.join(parts)})" if parts else "") + "."


@dataclass(frozen=True)
class Choice(Kind):
    """One value from a controlled list (id or alias)."""

    vocabulary_list: str
    type_label = "ett ord ur en lista"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx)
        found = ctx.vocabulary.resolve(self.vocabulary_list, value)
        if found is None:
            ctx.report((), "unknown-value", ctx.vocabulary.unknown_message(self.vocabulary_list, value))
            return INVALID
        return found

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        return {"type": "string", "enum": list(vocabulary.accepted(self.vocabulary_list))}

    def describe(self, vocabulary: Vocabulary) -> str:
        return "Ett av: " + _labelled(vocabulary, self.vocabulary_list) + "."


@dataclass(frozen=True)
class Choices(Kind):
    """A list of distinct values from a controlled list."""

    vocabulary_list: str
    min_items: int = 1
    max_items: int | None = None
    type_label = "en lista"

    def check(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            value = [value]  # `tags: reflektion` is a common slip; accept one value without brackets
        if not isinstance(value, list):
            return self.wrong_type(value, ctx)
        _count(value, self.min_items, self.max_items, ctx)
        result: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                ctx.report((i,), "wrong-type", f'värdena i "{ctx.field}" ska vara ord, men ett är {type_name(item)}')
                continue
            found = ctx.vocabulary.resolve(self.vocabulary_list, item)
            if found is None:
                ctx.report((i,), "unknown-value", ctx.vocabulary.unknown_message(self.vocabulary_list, item))
            elif found in result:
                ctx.report((i,), "duplicate-value", f'"{item}" står två gånger i "{ctx.field}"; ta bort det ena')
            else:
                result.append(found)
        return tuple(result)

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "array",
            "items": {"type": "string", "enum": list(vocabulary.accepted(self.vocabulary_list))},
            "minItems": self.min_items,
            "uniqueItems": True,
        }
        if self.max_items:
            schema["maxItems"] = self.max_items
        return schema

    def describe(self, vocabulary: Vocabulary) -> str:
        size = f"{self.min_items}–{self.max_items}" if self.max_items else f"minst {self.min_items}"
        return f"Lista med {size} av: " + _labelled(vocabulary, self.vocabulary_list) + "."


@dataclass(frozen=True)
class Range(Kind):
    """Whole numbers `min` and `max`, with min ≤ max, inside fixed bounds."""

    unit: str
    low: int
    high: int
    extra: tuple[tuple[str, Text], ...] = ()
    type_label = "en samling med min och max"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, dict):
            return self.wrong_type(value, ctx)
        allowed = ("min", "max", *(k for k, _ in self.extra))
        for key in value:
            if key not in allowed:
                ctx.report((key,), "unknown-key", f'okänt fält "{ctx.field}.{key}"{did_you_mean(key, allowed)} '
                           f"(tillåtet: {', '.join(allowed)})")
        numbers: dict[str, int] = {}
        for key in ("min", "max"):
            number = value.get(key)
            if key not in value:
                ctx.report((), "missing-field", f'"{ctx.field}" saknar {key}: ({self.unit})')
            elif isinstance(number, bool) or not isinstance(number, int):
                ctx.report((key,), "wrong-type", f'"{ctx.field}.{key}" ska vara ett heltal ({self.unit}), '
                           f"men är {type_name(number)}")
            elif not self.low <= number <= self.high:
                ctx.report((key,), "out-of-range", f'"{ctx.field}.{key}" är {number}; det ska vara mellan '
                           f"{self.low} och {self.high} {self.unit}")
            else:
                numbers[key] = number
        if len(numbers) == 2 and numbers["min"] > numbers["max"]:
            ctx.report(("min",), "min-greater-than-max", f'"{ctx.field}": min ({numbers["min"]}) är större än '
                       f'max ({numbers["max"]}); byt plats på dem')
        result: dict[str, Any] = dict(numbers)
        for key, kind in self.extra:
            if key in value:
                checked = kind.check(value[key], ctx, (key,))
                result[key] = None if checked is INVALID else checked
        return result if len(numbers) == 2 else INVALID

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        number = {"type": "integer", "minimum": self.low, "maximum": self.high}
        properties: dict[str, Any] = {"min": number, "max": number}
        for key, kind in self.extra:
            properties[key] = kind.json_schema(vocabulary)
        return {"type": "object", "properties": properties, "required": ["min", "max"],
                "additionalProperties": False}

    def describe(self, vocabulary: Vocabulary) -> str:
        text = f"min och max i {self.unit} ({self.low}–{self.high}), min högst lika med max"
        if self.extra:
            text += "; " + ", ".join(f"{k} (valfritt)" for k, _ in self.extra)
        return text[0].upper() + text[1:] + "."


@dataclass(frozen=True)
class Strings(Kind):
    """A list of short free-text strings."""

    min_items: int = 0
    max_items: int | None = None
    max_chars: int = 120
    type_label = "en lista med text"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(value, ctx)
        _count(value, self.min_items, self.max_items, ctx)
        item_kind = _text_kind(self.max_chars)
        return tuple(v for i, item in enumerate(value) if (v := item_kind.check(item, ctx, (i,))) is not INVALID)

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1},
                                  "minItems": self.min_items}
        if self.max_items:
            schema["maxItems"] = self.max_items
        return schema

    def describe(self, vocabulary: Vocabulary) -> str:
        return f"Lista med korta texter (högst {self.max_chars} tecken var" + (
            f", högst {self.max_items} st" if self.max_items else "") + ")."


@dataclass(frozen=True)
class Refs(Kind):
    """A list of method ids. Whether they exist is checked later, when every method is known."""

    max_items: int = 12
    type_label = "en lista med metod-id"

    def check(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return self.wrong_type(value, ctx)
        _count(value, 0, self.max_items, ctx)
        result: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not ID_PATTERN.match(item.removesuffix(".md")):
                ctx.report((i,), "bad-reference", f'"{item}" i "{ctx.field}" är inget metod-id; skriv filnamnet utan '
                           ".md, till exempel skuggning")
                continue
            item = item.removesuffix(".md")
            if item in result:
                ctx.report((i,), "duplicate-value", f'"{item}" står två gånger i "{ctx.field}"; ta bort det ena')
                continue
            result.append(item)
        return tuple(result)

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN.pattern},
                "maxItems": self.max_items, "uniqueItems": True}

    def describe(self, vocabulary: Vocabulary) -> str:
        return f"Lista med id för andra metoder (filnamnet utan .md), högst {self.max_items}."


@dataclass(frozen=True)
class Keyed(Kind):
    """A mapping from ids of a controlled list to values of another kind (steps per phase, adaptations)."""

    vocabulary_list: str
    value: Kind
    require_all: bool = False
    min_keys: int = 0
    type_label = "en samling fält"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, dict):
            return self.wrong_type(value, ctx)
        result: dict[str, Any] = {}
        for key, item in value.items():
            found = ctx.vocabulary.resolve(self.vocabulary_list, key)
            if found is None:
                ctx.report((key,), "unknown-key", ctx.vocabulary.unknown_message(self.vocabulary_list, key))
                continue
            if found in result:
                ctx.report((key,), "duplicate-key", f'"{key}" betyder samma som "{found}" som redan finns; slå ihop dem')
                continue
            sub = Context(f"{ctx.field}.{key}", ctx.vocabulary,
                          lambda path, code, msg, _k=key: ctx.report((_k, *path), code, msg), ctx.today)
            checked = self.value.check(item, sub)
            if checked is not INVALID:
                result[found] = checked
        ids = ctx.vocabulary.ids(self.vocabulary_list)
        mentioned = {ctx.vocabulary.resolve(self.vocabulary_list, k) for k in value if isinstance(k, str)}
        if self.require_all:
            for missing in (i for i in ids if i not in mentioned):
                ctx.report((), "missing-field", f'"{ctx.field}" saknar {missing}: '
                           f"({ctx.vocabulary.label(self.vocabulary_list, missing)})")
        elif len(value) < self.min_keys:
            ctx.report((), "too-few", f'"{ctx.field}" behöver minst {self.min_keys} olika behov, nu finns {len(value)}')
        return {i: result[i] for i in ids if i in result}

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        keys = vocabulary.accepted(self.vocabulary_list)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {k: self.value.json_schema(vocabulary) for k in keys},
            "additionalProperties": False,
        }
        if self.require_all:
            schema["required"] = list(vocabulary.ids(self.vocabulary_list))
        if self.min_keys:
            schema["minProperties"] = self.min_keys
        return schema

    def describe(self, vocabulary: Vocabulary) -> str:
        which = "varje" if self.require_all else "valfria"
        return f"Ett fält för {which} av: {_labelled(vocabulary, self.vocabulary_list)}. Värde: " + \
            self.value.describe(vocabulary)[0].lower() + self.value.describe(vocabulary)[1:]


@dataclass(frozen=True)
class Sources(Kind):
    """A list of references: `text` (the full reference) and an optional `url`."""

    max_items: int = 12
    type_label = "en lista med källor"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(value, ctx)
        _count(value, 0, self.max_items, ctx)
        result = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict) or "text" not in item:
                ctx.report((i,), "wrong-type", f'varje källa i "{ctx.field}" behöver text: (hela referensen)')
                continue
            for key in item:
                if key not in ("text", "url"):
                    ctx.report((i, key), "unknown-key", f'okänt fält "{key}" i en källa{did_you_mean(key, ("text", "url"))}')
            text = _text_kind(SOURCE_TEXT_MAX).check(item["text"], ctx, (i, "text"))
            url = item.get("url")
            if url is not None and (not isinstance(url, str) or not URL_PATTERN.match(url)):
                ctx.report((i, "url"), "bad-url", f'"{url}" är ingen webbadress; den ska börja med https://')
                url = None
            if text is not INVALID:
                result.append({"text": text, "url": url})
        return tuple(result)

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        entry = {"type": "object", "required": ["text"], "additionalProperties": False,
                 "properties": {"text": {"type": "string", "minLength": 1},
                                "url": {"type": "string", "pattern": URL_PATTERN.pattern}}}
        return {"type": "array", "items": {"anyOf": [entry, {"type": "string", "minLength": 1}]},
                "maxItems": self.max_items}

    def describe(self, vocabulary: Vocabulary) -> str:
        return "Lista med källor: text (hela referensen) och valfritt url (https://…). Bara verkliga publikationer."


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with fixed keys, each of its own kind, all required (what a method builds on)."""

    keys: tuple[tuple[str, Kind], ...]
    type_label = "en samling fält"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, dict):
            return self.wrong_type(value, ctx)
        allowed = tuple(k for k, _ in self.keys)
        for key in value:
            if key not in allowed:
                ctx.report((key,), "unknown-key", f'okänt fält "{ctx.field}.{key}"{did_you_mean(str(key), allowed)} '
                           f"(tillåtet: {', '.join(allowed)})")
        result: dict[str, Any] = {}
        for key, kind in self.keys:
            if key not in value:
                ctx.report((), "missing-field", f'"{ctx.field}" saknar {key}:')
                continue
            sub = Context(f"{ctx.field}.{key}", ctx.vocabulary,
                          lambda path, code, msg, _k=key: ctx.report((_k, *path), code, msg), ctx.today)
            checked = kind.check(value[key], sub)
            if checked is not INVALID:
                result[key] = checked
        return result if len(result) == len(self.keys) else INVALID

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        return {"type": "object", "properties": {k: kind.json_schema(vocabulary) for k, kind in self.keys},
                "required": [k for k, _ in self.keys], "additionalProperties": False}

    def describe(self, vocabulary: Vocabulary) -> str:
        parts = []
        for key, kind in self.keys:
            text = kind.describe(vocabulary)
            parts.append(f"{key}: {text[0].lower()}{text[1:].rstrip('.')}")
        names = [key for key, _ in self.keys]
        required = " och ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        return f"Fälten {required} krävs. " + "; ".join(parts) + "."


@dataclass(frozen=True)
class Date(Kind):
    """A calendar date YYYY-MM-DD, not in the future."""

    type_label = "ett datum (ÅÅÅÅ-MM-DD)"

    def check(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                ctx.report((), "bad-date", f'"{value}" är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-15')
                return INVALID
        if not isinstance(value, datetime.date):
            return self.wrong_type(value, ctx)
        if value > ctx.today:
            ctx.report((), "future-date", f'datumet {value.isoformat()} i "{ctx.field}" ligger i framtiden')
        return value

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        return {"type": "string", "format": "date"}

    def describe(self, vocabulary: Vocabulary) -> str:
        return "Datum som ÅÅÅÅ-MM-DD, inte i framtiden."


@dataclass(frozen=True)
class MethodId(Kind):
    """The method's own id; optional, but when given it must equal the file name."""

    type_label = "ett metod-id"

    def check(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx)
        return value

    def json_schema(self, vocabulary: Vocabulary) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN.pattern}

    def describe(self, vocabulary: Vocabulary) -> str:
        return "Samma som filnamnet utan .md (a–z, 0–9 och bindestreck)."


def _name(ctx: Context, path: tuple) -> str:
    """The field's name in messages: 'summary', or 'steps.delivery.2' below a field."""
    return ctx.field if not path else f"{ctx.field}.{'.'.join(map(str, path))}"


@functools.lru_cache(maxsize=None)
def _text_kind(max_chars: int) -> Text:
    """One Text kind per limit, made once (a frozen dataclass is slow to make for every list item)."""
    return Text(max_chars=max_chars)


def _count(value: list, low: int, high: int | None, ctx: Context) -> None:
    if len(value) < low:
        ctx.report((), "too-few", f'"{ctx.field}" behöver minst {low} värde{"n" if low > 1 else ""}, nu finns {len(value)}')
    if high is not None and len(value) > high:
        ctx.report((), "too-many", f'"{ctx.field}" har {len(value)} värden, högst {high} får plats; ta bort {len(value) - high}')


def _labelled(vocabulary: Vocabulary, name: str) -> str:
    return ", ".join(f"`{t.id}` ({t.label})" for t in vocabulary.terms(name))
