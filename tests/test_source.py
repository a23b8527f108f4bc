"""The one reading of Markdown structure (core/source.py): front matter, code fences, headings, sections."""

from __future__ import annotations

import pytest

from helpers import VALID_BODY, front_matter, method_text
from metodbank.core import source
from metodbank.core.loader import load_source
from metodbank.printing.markdown import Chapter, rebase_links, shift_headings


def code_lines(text: str) -> list[int]:
    return [line.number for line in source.scan(text) if line.code]


def heading_list(text: str) -> list[tuple[int, int, str]]:
    return [(number, h.level, h.text) for number, h in source.headings(text)]


# -- front matter ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "opened", "closed", "yaml", "body", "body_line"),
    [
        ("---\na: 1\n---\nBody\n", True, True, "a: 1", "Body\n", 4),
        ("---\n---\nBody", True, True, "", "Body", 3),
        ("---  \na: 1\n...\t\nBody", True, True, "a: 1", "Body", 4),  # trailing blanks; ... also closes
        ("---\na: 1\n---", True, True, "a: 1", "", 4),  # closed on the last line, no line end
        ("---\na: 1\n----\nb: 2\n---\nBody", True, True, "a: 1\n----\nb: 2", "Body", 6),  # ---- does not close
        ("---\na: 1\nx ---\n", True, False, "", "---\na: 1\nx ---\n", 1),
        ("---", True, False, "", "---", 1),
        ("a: 1\n---\n", False, False, "", "a: 1\n---\n", 1),
        (" ---\na: 1\n---\n", False, False, "", " ---\na: 1\n---\n", 1),
    ],
)
def test_front_matter(text, opened, closed, yaml, body, body_line):
    split = source.split_front_matter(text)
    assert (split.opened, split.closed, split.yaml, split.body, split.body_line) == (opened, closed, yaml, body,
                                                                                     body_line)


def test_line_ends_are_normalized():
    assert source.normalize("a\r\nb\rc\n") == "a\nb\nc\n"
    split = source.split_front_matter(source.normalize("---\r\na: 1\r\n---\r\n## Syfte\r\n"))
    assert (split.yaml, split.body, split.body_line) == ("a: 1", "## Syfte\n", 4)


def test_loader_body_line_with_crlf_and_bom():
    text = method_text(front_matter(), VALID_BODY)
    plain, _ = load_source("methods/x.md", "x", text.encode())
    crlf, problems = load_source("methods/x.md", "x", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert problems == []
    assert (crlf.body, crlf.body_line) == (plain.body, plain.body_line)
    assert plain.body_line == text[:text.index("\n## Syfte")].count("\n") + 1


# -- fences --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a\n```\nb\n```\nc", [2, 3, 4]),
        ("~~~\n```\nb\n~~~\nc", [1, 2, 3, 4]),  # ``` does not close a ~~~ fence
        ("````\n```\nb\n````\nc", [1, 2, 3, 4]),  # a shorter run does not close
        ("```\nb\n`````\nc", [1, 2, 3]),  # a longer run does
        ("```\nb\n``` x\nc\n```", [1, 2, 3, 4, 5]),  # a closing fence has nothing after it
        ("```\nb\n   ```\nc", [1, 2, 3]),  # closing fence indented three spaces
        ("```\nb\n    ```\nc", [1, 2, 3, 4]),  # four spaces: content, the fence runs on to the end
        ("   ~~~\nb\n~~~", [1, 2, 3]),
        ("    ```\nb\n```", [3]),  # four spaces: indented code, not a fence; the last line opens one
        ("``\nb", []),
        ("``` a`b\nc\n```", [3]),  # a backtick fence's info string holds no backtick
        ("~~~ a`b\nc\n~~~", [1, 2, 3]),
        ("```python\nx\n```", [1, 2, 3]),
        ("```\nnever closed\n## Syfte", [1, 2, 3]),
        ("\t```\nb\n```", [3]),  # a tab is four columns
    ],
)
def test_code_fences(text, code):
    assert code_lines(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("- item\n\n  ```\n  # x\n  ```\n- next", [3, 4, 5]),
        ("- item\n\n    ```\n    # x\n    ```\n", [3, 4, 5]),  # relative indentation 2 inside the item
        ("1. item\n\n    ```\n    x\n    ```\n", [3, 4, 5]),
        ("- ```\n  x\n  ```\ny", [1, 2, 3]),  # a fence on the item's own line
        ("- item\n  - inner\n\n      ```\n      x\n      ```", [4, 5, 6]),  # nested: counted from "inner"
        ("- item\n\n  ```\n  x\n## Syfte\n", [3, 4]),  # a line left of the item's text ends item and fence
        ("- item\n\n        ```\nx\n", []),  # indented code inside the item, not a fence
        ("* * *\n    ```\nx", []),  # a thematic break opens no list item
    ],
)
def test_code_fences_in_lists(text, code):
    assert code_lines(text) == code


# -- headings ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A\n## B\n###### F\n####### G", [(1, 1, "A"), (2, 2, "B"), (3, 6, "F")]),
        ("## Syfte ##\n## C#\n## D \\#\n## E #  ", [(1, 2, "Syfte"), (2, 2, "C#"), (3, 2, "D \\#"), (4, 2, "E")]),
        ("#A\n##\n## ##\n##\tTab", [(2, 2, ""), (3, 2, ""), (4, 2, "Tab")]),
        ("   ## Three\n    ## Four", [(1, 2, "Three")]),
        ("```\n# no\n```\n# yes", [(4, 1, "yes")]),
        ("~~~\n# no\n```\n# still code\n~~~\n# yes", [(6, 1, "yes")]),
        ("- ## in a list\n  ## in the item\n## after", [(3, 2, "after")]),
    ],
)
def test_headings(text, expected):
    assert heading_list(text) == expected


def test_headings_count_lines_from_first_line():
    assert heading_list("x") == [] and source.headings("\n## A", first_line=10)[0][0] == 11


# -- sections ------------------------------------------------------------------------------------------------


def test_sections_by_h2():
    text = "Före\n# Titel\n\n## Syfte\n\nText.\n\n```\n## kod\n```\n\n## Förankring\n# Mitt i\nMer.\n"
    found, outside = source.sections(text, first_line=5)
    assert [(s.title, s.line, s.text) for s in found] == [
        ("Syfte", 8, "Text.\n\n```\n## kod\n```"), ("Förankring", 16, "Mer."),
    ]
    assert [(line.number, line.heading and line.heading.level) for line in outside] == [(5, None), (6, 1), (17, 1)]


# -- what the old readings got wrong -------------------------------------------------------------------------


def test_a_fence_with_an_info_string_does_not_close_one_in_the_checks():
    from test_validate import check

    body = VALID_BODY + "\n## Exempel\n\n```\n```html\n# inte en rubrik\n<script>x</script>\n```\n"
    _, problems, _ = check(body=body)
    assert problems == []


def test_fence_in_a_list_is_code_for_the_checks():
    from test_validate import check

    body = VALID_BODY + "\n## Exempel\n\n- Ett steg:\n\n    ```html\n    <script>x</script>\n    ```\n"
    _, problems, _ = check(body=body)
    assert problems == []


def test_shift_headings_needs_a_closing_fence_as_long():
    markdown = "````\n```\n# code\n````\n# A"
    assert shift_headings(markdown, 1) == "````\n```\n# code\n````\n## A"


def test_shift_headings_keeps_closing_sequence_and_indentation():
    assert shift_headings("  ## A ##\n#\n", 2) == "  #### A ##\n###\n"


def test_rebase_links_leaves_code_alone():
    markdown = "[a](other.md)\n\n```\n[b](other.md)\n[c]: other.md\n```\n\n[d](gone.md)"
    result = rebase_links(markdown, "metoder/one.md", "utskrift/x.md", {"metoder/other.md": "metod-other"})
    assert result == ("[a](#metod-other)\n\n```\n[b](other.md)\n[c]: other.md\n```\n\n[d](../metoder/gone.md)")


def test_chapter_title_is_outside_fences_and_front_matter(tmp_path):
    (tmp_path / "kapitel.md").write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n```\r\n# Inte titeln\r\n```\r\n\r\n# Kapitlet #\r\n\r\nText.\r\n")
    chapter = Chapter.read(tmp_path, "kapitel.md")
    assert chapter.title == "Kapitlet"
    assert chapter.prose == "```\n# Inte titeln\n```\n\n\nText.\n"


def test_chapter_front_matter_closes_only_at_a_fence_line(tmp_path):
    (tmp_path / "kapitel.md").write_text("---\ntitle: x\n----\n---\n# Titel\n\nText.\n", encoding="utf-8")
    chapter = Chapter.read(tmp_path, "kapitel.md")
    assert (chapter.title, chapter.prose) == ("Titel", "Text.\n")


def test_chapter_check_reads_front_matter_like_the_build(tmp_path):
    from metodbank.core import sanitize

    md = sanitize.site_markdown()
    text = "---  \ntitle: <img src=x onerror=alert(1)>\n...\n# Titel\n\n<b onclick=\"x()\">Text</b>\n"
    assert [(line, removal.code) for line, removal in sanitize.check_chapter(text, md)] == [(6, "unsafe-html")]
